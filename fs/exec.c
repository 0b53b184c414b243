/*
 * fs/exec.c - giving a new process its program: the new mm, the stack VMA,
 * argv/envp copied onto it, then the binary loader (Linux: fs/exec.c,
 * kernel_execve, alloc_bprm/bprm_mm_init, bprm_stack_limits,
 * copy_string_kernel, get_arg_page, setup_new_exec, setup_arg_pages;
 * mm/util.c arch_pick_mmap_layout for mmap_base, which mm_alloc sets).
 *
 * Differences from Linux:
 *  - Linux execs in the process itself, which fork made a copy of its
 *    parent: current is the process, exec_mmap swaps its mm, and errors past
 *    the "point of no return" kill it. Here the console (current =
 *    init_task) fills in a task that has never run (kernel_execve_task):
 *    the new mm is built beside it and given to the task only on success,
 *    so any error just frees the mm and returns. Every write into the new
 *    mm goes through get_user_pages_remote + kmap_local_page (Linux's
 *    copy_strings does so too; create_elf_tables and padzero use put_user
 *    and clear_user on current->mm, which is not the new mm here).
 *  - The faults those accesses take are counted as Linux counts them (one
 *    pgfault each, min_flt of current); since the process in Linux's place
 *    is p, current's min_flt/maj_flt gained during exec are moved to p.
 *  - No binfmt list (ELF only), no #! scripts, no credentials, no
 *    acct_arg_size (it only lends the argument pages to the old mm's RSS
 *    for the OOM killer, and gives them back at exec_mmap).
 *  - The file is the archive's (filp_open), looked up after the strings
 *    are copied, as Linux's bprm_execve does.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/highmem.h>
#include <linux/binfmts.h>
#include <asm/elf.h>
#include <string.h>

#define STACK_TOP_MAX   STACK_TOP       /* no 26-bit or compat personalities */
#define STACK_EXPAND    (128 * 1024UL)  /* Linux's stack_expand: 32 pages below the strings */

/* ---- the new mm, reached from outside (FOLL_FORCE, as ptrace and exec do) ---- */

enum new_mm_op { NEW_MM_WRITE, NEW_MM_READ, NEW_MM_CLEAR };

/*
 * One page's part of an access: get_user_pages_remote faults the page in
 * exactly as a user access would (a write to a private file page makes
 * the COW copy, a write to an untouched anonymous page allocates it), and
 * the kernel reaches it through a kmap_local slot, since the new mm is not
 * the one TTBR0 holds and a user PTE page or user page may be in HighMem.
 */
static int access_new_mm_page(struct mm_struct *mm, unsigned long addr, void *buf,
			      size_t n, enum new_mm_op op)
{
	unsigned int flags = FOLL_FORCE | (op == NEW_MM_READ ? 0 : FOLL_WRITE);
	struct page *page;
	long got;
	char *kaddr;

	got = get_user_pages_remote(mm, addr & PAGE_MASK, 1, flags, &page);
	if (got <= 0)
		return got < 0 ? (int)got : -EFAULT;
	kaddr = (char *)kmap_local_page(page) + offset_in_page(addr);
	if (op == NEW_MM_WRITE)
		memcpy(kaddr, buf, n);
	else if (op == NEW_MM_READ)
		memcpy(buf, kaddr, n);
	else
		memset(kaddr, 0, n);
	kunmap_local(kaddr);
	put_page(page);
	return 0;
}

/* [addr, addr + n) page by page, lowest page first. */
static int access_new_mm(struct mm_struct *mm, unsigned long addr, void *buf, size_t n,
			 enum new_mm_op op)
{
	while (n) {
		size_t chunk = min(n, (size_t)(PAGE_SIZE - offset_in_page(addr)));
		int err = access_new_mm_page(mm, addr, buf, chunk, op);

		if (err)
			return err;
		addr += chunk;
		if (buf)
			buf = (char *)buf + chunk;
		n -= chunk;
	}
	return 0;
}

int copy_to_new_mm(struct mm_struct *mm, unsigned long addr, const void *src, size_t n)
{
	return access_new_mm(mm, addr, (void *)src, n, NEW_MM_WRITE);
}

int copy_from_new_mm(struct mm_struct *mm, void *dst, unsigned long addr, size_t n)
{
	return access_new_mm(mm, addr, dst, n, NEW_MM_READ);
}

int clear_new_mm(struct mm_struct *mm, unsigned long addr, size_t n)
{
	return access_new_mm(mm, addr, NULL, n, NEW_MM_CLEAR);
}

/* ---- the stack and the argument strings ---- */

/*
 * bprm_mm_init - the new mm and a one-page stack VMA at the very top of
 * user space (Linux __bprm_mm_init). The flags carry
 * VM_STACK_INCOMPLETE_SETUP until setup_arg_pages, as in Linux. bprm->p
 * starts one pointer below the top: the last word stays 0.
 */
static int bprm_mm_init(struct linux_binprm *bprm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	int err;

	if (!mm)
		return -ENOMEM;
	vma = vm_area_alloc(mm);
	if (!vma) {
		mmput(mm);
		return -ENOMEM;
	}
	/*
	 * Linux builds the stack at STACK_TOP_MAX and setup_arg_pages moves
	 * it down to randomize_stack_top(STACK_TOP); armmm decides
	 * PF_RANDOMIZE here (Linux: load_elf_binary) and copies the strings
	 * to that final place at once: the same pages, nothing to move.
	 */
	if (randomize_va_space)
		bprm->task->flags |= PF_RANDOMIZE;
	else
		bprm->task->flags &= ~PF_RANDOMIZE;
	bprm->stack_top = randomize_stack_top(bprm->task, STACK_TOP_MAX);
	vma->vm_end = bprm->stack_top;
	vma->vm_start = vma->vm_end - PAGE_SIZE;
	vma->vm_flags = VM_STACK_FLAGS | VM_STACK_INCOMPLETE_SETUP;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	err = insert_vm_struct(mm, vma);    /* counts total_vm and stack_vm: 1 page */
	if (err) {
		vm_area_free(vma);
		mmput(mm);
		return err;
	}
	bprm->mm = mm;
	bprm->vma = vma;
	bprm->p = vma->vm_end - sizeof(void *);
	bprm->rlim_stack_cur = _STK_LIM;
	return 0;
}

/* How many strings (Linux count_strings_kernel). */
static int count_strings_kernel(const char *const *argv)
{
	int i;

	if (!argv)
		return 0;
	for (i = 0; argv[i]; i++)
		if (i >= MAX_ARG_STRINGS - 1)
			return -E2BIG;
	return i;
}

/*
 * bprm_stack_limits - the strings may take a quarter of RLIMIT_STACK (but
 * at most 3/4 of _STK_LIM and at least ARG_MAX), less the argv/envp
 * pointers that will sit below them (Linux's rule, as in 6.1).
 */
static int bprm_stack_limits(struct linux_binprm *bprm)
{
	unsigned long limit, ptr_size;

	limit = min((unsigned long)_STK_LIM / 4 * 3, bprm->rlim_stack_cur / 4);
	limit = max(limit, (unsigned long)ARG_MAX);
	ptr_size = (max(bprm->argc, 1) + bprm->envc) * sizeof(void *);
	if (limit <= ptr_size)
		return -E2BIG;
	bprm->argmin = bprm->p - (limit - ptr_size);
	return 0;
}

/*
 * get_arg_page - the stack page holding pos, faulted in for writing (Linux
 * get_arg_page). Linux's GUP grows the stack VMA down itself
 * (find_extend_vma); here exec does it first, the same expand_stack.
 */
static int write_arg_chunk(struct linux_binprm *bprm, unsigned long pos, const char *src,
			   size_t n)
{
	if (pos < bprm->vma->vm_start) {
		int err = expand_stack(bprm->vma, pos);

		if (err)
			return -E2BIG;
	}
	return access_new_mm_page(bprm->mm, pos, (void *)src, n, NEW_MM_WRITE) ? -E2BIG : 0;
}

/*
 * copy_string_kernel - one string, NUL included, placed just below
 * bprm->p; copied from its end backwards a page at a time, so the stack
 * pages fault in from the top down, as in Linux.
 */
static int copy_string_kernel(const char *arg, struct linux_binprm *bprm)
{
	size_t len = strnlen(arg, MAX_ARG_STRLEN) + 1;
	unsigned long pos = bprm->p;

	if (len > MAX_ARG_STRLEN)
		return -E2BIG;
	arg += len;
	bprm->p -= len;
	if (bprm->p < bprm->argmin)
		return -E2BIG;
	while (len > 0) {
		size_t off = offset_in_page(pos);
		size_t chunk = min(len, off ? off : (size_t)PAGE_SIZE);
		int err;

		pos -= chunk;
		arg -= chunk;
		len -= chunk;
		err = write_arg_chunk(bprm, pos, arg, chunk);
		if (err)
			return err;
	}
	return 0;
}

/* The last string first, so argv[0] ends up lowest (Linux copy_strings_kernel). */
static int copy_strings_kernel(int argc, const char *const *argv, struct linux_binprm *bprm)
{
	while (argc-- > 0) {
		int err = copy_string_kernel(argv[argc], bprm);

		if (err)
			return err;
	}
	return 0;
}

/* ---- what the loader calls ---- */

/* The last path component (Linux kbasename). */
static const char *kbasename(const char *path)
{
	const char *tail = strrchr(path, '/');

	return tail ? tail + 1 : path;
}

/*
 * setup_new_exec - the parts of Linux's begin_new_exec/setup_new_exec that
 * concern a task nobody has run: its mm's layout (arch_pick_mmap_layout:
 * mmap_base, random with PF_RANDOMIZE) and its name.
 */
void setup_new_exec(struct linux_binprm *bprm)
{
	const char *name = kbasename(bprm->filename);
	size_t n = strnlen(name, TASK_COMM_LEN - 1);

	arch_pick_mmap_layout(bprm->mm, bprm->task);
	memset(bprm->task->comm, 0, TASK_COMM_LEN);
	memcpy(bprm->task->comm, name, n);
}

/*
 * setup_arg_pages - the stack VMA's final flags and size (Linux
 * setup_arg_pages). The stack already sits at its top (bprm_mm_init
 * chose it), so nothing moves (stack_shift is 0). It then grows by
 * 128 KiB below its current start (stack_expand), capped by the rlimit,
 * so the program's first pages of stack need no growing.
 */
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_top, int executable_stack)
{
	struct vm_area_struct *vma = bprm->vma;
	struct mm_struct *mm = bprm->mm;
	unsigned long vm_flags, stack_base, stack_size, rlim_stack;

	/* arch_align_stack moves it within its page at most: PAGE_ALIGN undoes that */
	stack_top = PAGE_ALIGN(stack_top & ~0xfUL);
	if (vma->vm_end - vma->vm_start >= stack_top)
		return -ENOMEM;
	/* stack_shift = vma->vm_end - stack_top: 0, bprm_mm_init put it there */
	if (stack_top != vma->vm_end)
		return -EINVAL;
	mm->arg_start = bprm->p;

	vm_flags = VM_STACK_FLAGS;
	if (executable_stack == EXSTACK_ENABLE_X ||
	    (executable_stack == EXSTACK_DEFAULT && bprm->read_implies_exec))
		vm_flags |= VM_EXEC;
	else if (executable_stack == EXSTACK_DISABLE_X)
		vm_flags &= ~VM_EXEC;
	/*
	 * Linux's mprotect_fixup here also rewrites the PTEs already present
	 * when VM_EXEC changed; the only pages present are the strings', and
	 * an executable stack only matters for code run from them.
	 */
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);

	stack_size = vma->vm_end - vma->vm_start;
	rlim_stack = bprm->rlim_stack_cur & PAGE_MASK;
	if (stack_size + STACK_EXPAND > rlim_stack)
		stack_base = vma->vm_end - rlim_stack;
	else
		stack_base = vma->vm_start - STACK_EXPAND;
	mm->start_stack = bprm->p;
	return expand_stack(vma, stack_base) ? -EFAULT : 0;
}

/* ---- kernel_execve_task ---- */

/* Copy the file name, envp and argv onto the new stack (kernel_execve's order). */
static int copy_all_strings(struct linux_binprm *bprm, const char *const *argv,
			    const char *const *envp)
{
	int err = bprm_stack_limits(bprm);

	if (!err)
		err = copy_string_kernel(bprm->filename, bprm);
	if (err)
		return err;
	bprm->exec = bprm->p;
	err = copy_strings_kernel(bprm->envc, envp, bprm);
	if (!err)
		err = copy_strings_kernel(bprm->argc, argv, bprm);
	return err;
}

/* The faults exec took are the new process's (see the header comment). */
static void give_exec_faults(struct task_struct *p, unsigned long min0, unsigned long maj0)
{
	p->min_flt += current->min_flt - min0;
	p->maj_flt += current->maj_flt - maj0;
	current->min_flt = min0;
	current->maj_flt = maj0;
}

/*
 * The common part: file is the opened file, or NULL to look filename up in
 * the archive once the strings are on the stack (Linux opens it in
 * bprm_execve, after copying them).
 */
static int execve_task(struct task_struct *p, struct file *file, const char *filename,
		       const char *const *argv, const char *const *envp)
{
	struct linux_binprm bprm = { .task = p, .filename = filename, .argv = argv, .envp = envp };
	unsigned long min0 = current->min_flt, maj0 = current->maj_flt;
	int ret;

	if (!p || p == current || p->mm || !filename)
		return -EINVAL;
	ret = count_strings_kernel(argv);
	if (ret <= 0)                   /* Linux warns: argc 0 from the kernel is a bug */
		return ret ? ret : -EINVAL;
	bprm.argc = ret;
	ret = count_strings_kernel(envp);
	if (ret < 0)
		return ret;
	bprm.envc = ret;

	ret = bprm_mm_init(&bprm);
	if (ret)
		return ret;
	ret = copy_all_strings(&bprm, argv, envp);
	if (!ret) {
		bprm.file = file ? file : filp_open(filename);
		ret = bprm.file ? load_elf_binary(&bprm) : -ENOENT;
	}
	if (ret) {
		mmput(bprm.mm);
	} else {
		/* exec_mmap: the task gets its mm (switch_mm happens when it runs) */
		p->mm = bprm.mm;
		p->active_mm = bprm.mm;
	}
	give_exec_faults(p, min0, maj0);
	return ret;
}

int kernel_execve_task(struct task_struct *p, const char *filename,
		       const char *const *argv, const char *const *envp)
{
	return execve_task(p, NULL, filename, argv, envp);
}

int kernel_execve_file(struct task_struct *p, struct file *file, const char *filename,
		       const char *const *argv, const char *const *envp)
{
	return file ? execve_task(p, file, filename, argv, envp) : -EINVAL;
}
