/*
 * fs/exec_test.c - self-tests of exec (KTAP, boot argument "selftest"):
 * /bin/hello loaded into a task that never runs, checked against the ELF
 * file's own program headers, through the mm's VMAs and by reading the new
 * stack back with get_user_pages_remote; then corrupted copies of it, which
 * must be refused with the right error and leave no page behind.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/vmalloc.h>
#include <linux/binfmts.h>
#include <asm/elf.h>
#include <asm/ptrace.h>
#include <asm/vdso.h>
#include <string.h>

#define HELLO           "/bin/hello"
#define STACK_EXPAND_TEST (128 * 1024UL)

static const char *const test_argv[] = { HELLO, "a", "bc", NULL };
static const char *const test_envp[] = { "HOME=/", "TERM=linux", NULL };

/* The good file and its two PT_LOADs, read straight from the archive. */
struct hello_elf {
	struct file *file;
	Elf32_Ehdr ex;
	Elf32_Phdr text, data;
};

static bool read_prog(struct ktest *t, struct hello_elf *h, const char *path)
{
	const Elf32_Phdr *ph;
	int i, loads = 0;

	h->file = filp_open(path);
	if (!h->file) {
		ktest_skip(t, "the program is not in the archive");
		return false;
	}
	memcpy(&h->ex, h->file->f_inode->i_data, sizeof(h->ex));
	ph = (const Elf32_Phdr *)((const char *)h->file->f_inode->i_data + h->ex.e_phoff);
	for (i = 0; i < h->ex.e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (loads++ == 0)
			h->text = ph[i];
		else
			h->data = ph[i];
	}
	KTEST_EXPECT_EQ(t, loads, 2);
	return loads == 2;
}

static bool read_hello(struct ktest *t, struct hello_elf *h)
{
	return read_prog(t, h, HELLO);
}

/*
 * A task exec'ed with test_argv/test_envp, or NULL (the case failed): from
 * file under the name path, or from the archive's path if file is NULL.
 */
static struct task_struct *exec_as(struct ktest *t, struct file *file, const char *path,
				   int *err)
{
	struct task_struct *p = create_task();

	if (!p) {
		ktest_fail(t, __FILE__, __LINE__, "create_task: out of memory");
		return NULL;
	}
	*err = file ? kernel_execve_file(p, file, path, test_argv, test_envp)
		    : kernel_execve_task(p, path, test_argv, test_envp);
	return p;
}

static struct task_struct *exec_hello(struct ktest *t, struct file *file, int *err)
{
	return exec_as(t, file, HELLO, err);
}

static void drop_task(struct task_struct *p)
{
	if (p->mm)
		mmput(p->mm);
	p->mm = NULL;
	p->active_mm = &init_mm;
	release_task(p);
}

/* The VMA that starts exactly at start, or NULL. */
static struct vm_area_struct *vma_at(struct mm_struct *mm, unsigned long start)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start == start ? vma : NULL;
}

#define RWX (VM_READ | VM_WRITE | VM_EXEC)

static void check_vmas(struct ktest *t, struct hello_elf *h, struct mm_struct *mm)
{
	unsigned long text = h->text.p_vaddr & PAGE_MASK;
	unsigned long data = h->data.p_vaddr & PAGE_MASK;
	unsigned long data_end = ALIGN(h->data.p_vaddr + h->data.p_filesz, PAGE_SIZE);
	unsigned long bss_end = ALIGN(h->data.p_vaddr + h->data.p_memsz, PAGE_SIZE);
	struct vm_area_struct *vma;
	/* text, [sigpage], stack (+ [vvar] and [vdso]): counted up below, then down */
	int n = 3 + (vdso_pages() ? 2 : 0);
	/* one hole below mmap_base: [sigpage], then the vDSO's pages above it */
	unsigned long sigpage = mm->mmap_base - ((1UL + vdso_pages()) << PAGE_SHIFT);

	vma = vma_at(mm, text);
	KTEST_EXPECT_TRUE(t, vma != NULL);
	if (vma) {
		KTEST_EXPECT_EQ(t, vma->vm_end, ALIGN(h->text.p_vaddr + h->text.p_filesz, PAGE_SIZE));
		KTEST_EXPECT_EQ(t, vma->vm_flags & RWX, VM_READ | VM_EXEC);
		KTEST_EXPECT_TRUE(t, vma->vm_file == h->file);
		KTEST_EXPECT_EQ(t, vma->vm_pgoff, h->text.p_offset >> PAGE_SHIFT);
	}
	if (h->data.p_filesz) {         /* .data from the file (hello has only .bss) */
		vma = vma_at(mm, data);
		KTEST_EXPECT_TRUE(t, vma != NULL);
		if (vma) {
			KTEST_EXPECT_EQ(t, vma->vm_end, data_end);
			KTEST_EXPECT_EQ(t, vma->vm_flags & RWX, VM_READ | VM_WRITE);
			KTEST_EXPECT_TRUE(t, vma->vm_file == h->file);
			KTEST_EXPECT_EQ(t, vma->vm_pgoff, h->data.p_offset >> PAGE_SHIFT);
		}
		n++;
	}
	if (bss_end > data_end) {       /* the bss pages past the file's: anonymous */
		vma = vma_at(mm, data_end);
		KTEST_EXPECT_TRUE(t, vma && !vma->vm_file && vma->vm_end == bss_end &&
				  (vma->vm_flags & RWX) == (VM_READ | VM_WRITE));
		n++;
	}
	vma = vma_at(mm, sigpage);
	KTEST_EXPECT_TRUE(t, vma && vma->vm_special_name &&
			  !strcmp(vma->vm_special_name, "[sigpage]"));
	if (vma)
		KTEST_EXPECT_EQ(t, vma->vm_flags & RWX, VM_READ | VM_EXEC);
	KTEST_EXPECT_EQ(t, mm->context.sigpage, sigpage);
	if (vdso_pages()) {     /* Linux's order: [vvar] r--, then [vdso] r-x */
		vma = vma_at(mm, sigpage + PAGE_SIZE);
		KTEST_EXPECT_TRUE(t, vma && vma->vm_special_name &&
				  !strcmp(vma->vm_special_name, "[vvar]") &&
				  (vma->vm_flags & RWX) == VM_READ);
		vma = vma_at(mm, sigpage + 2 * PAGE_SIZE);
		KTEST_EXPECT_TRUE(t, vma && vma->vm_special_name &&
				  !strcmp(vma->vm_special_name, "[vdso]") &&
				  (vma->vm_flags & RWX) == (VM_READ | VM_EXEC) &&
				  vma->vm_end == mm->mmap_base);
		KTEST_EXPECT_EQ(t, mm->context.vdso, sigpage + 2 * PAGE_SIZE);
	}
	vma = find_vma(mm, STACK_TOP - 1);
	KTEST_EXPECT_TRUE(t, vma && vma->vm_end == STACK_TOP && (vma->vm_flags & VM_GROWSDOWN));
	if (vma) {
		/* one page of strings, then Linux's stack_expand below it */
		KTEST_EXPECT_EQ(t, vma->vm_start, (mm->arg_start & PAGE_MASK) - STACK_EXPAND_TEST);
		KTEST_EXPECT_EQ(t, vma->vm_flags & RWX, VM_READ | VM_WRITE);
	}
	for_each_vma(mm, vma)
		n--;
	KTEST_EXPECT_EQ(t, n, 0);
	KTEST_EXPECT_EQ(t, mm->map_count, (h->data.p_filesz ? 4 : 3) + (bss_end > data_end) +
			(vdso_pages() ? 2 : 0));

	KTEST_EXPECT_EQ(t, mm->start_code, h->text.p_vaddr);
	KTEST_EXPECT_EQ(t, mm->end_code, h->text.p_vaddr + h->text.p_filesz);
	KTEST_EXPECT_EQ(t, mm->start_data, h->data.p_vaddr);
	KTEST_EXPECT_EQ(t, mm->end_data, h->data.p_vaddr + h->data.p_filesz);
	KTEST_EXPECT_EQ(t, mm->start_brk, bss_end);
	KTEST_EXPECT_EQ(t, mm->brk, bss_end);
}

/* exec <path> a bc: the mappings and the mm's layout fields. */
static void exec_prog_vmas(struct ktest *t, const char *path, const char *comm)
{
	struct hello_elf h;
	struct task_struct *p;
	int err;

	if (!read_prog(t, &h, path))
		return;
	p = exec_as(t, NULL, path, &err);
	if (!p)
		return;
	KTEST_EXPECT_EQ(t, err, 0);
	if (!err && p->mm) {
		check_vmas(t, &h, p->mm);
		KTEST_EXPECT_TRUE(t, !strcmp(p->comm, comm));
	}
	drop_task(p);
}

/* hello: text and a bss-only data segment (no file-backed data VMA) */
static void exec_hello_vmas(struct ktest *t)
{
	exec_prog_vmas(t, HELLO, "hello");
}

/* memtouch: text, .data from the file (2 pages), bss, [sigpage], stack */
static void exec_memtouch_vmas(struct ktest *t)
{
	exec_prog_vmas(t, "/bin/memtouch", "memtouch");
}

static u32 read_word(struct ktest *t, struct mm_struct *mm, unsigned long addr)
{
	u32 v = 0xdeadbeef;

	KTEST_EXPECT_EQ(t, copy_from_new_mm(mm, &v, addr, sizeof(v)), 0);
	return v;
}

static bool string_at(struct mm_struct *mm, unsigned long addr, const char *want)
{
	char buf[64];
	size_t n = strlen(want) + 1;

	return n <= sizeof(buf) && !copy_from_new_mm(mm, buf, addr, n) && !memcmp(buf, want, n);
}

/* argc, argv[], envp[] and where mm says the strings are. Returns the auxv's address. */
static unsigned long check_args(struct ktest *t, struct mm_struct *mm)
{
	unsigned long sp = mm->start_stack, str = mm->arg_start;
	int i;

	KTEST_EXPECT_EQ(t, sp & 0xf, 0);
	KTEST_EXPECT_EQ(t, read_word(t, mm, sp), 3);
	sp += 4;
	for (i = 0; i < 3; i++, sp += 4) {
		KTEST_EXPECT_EQ(t, read_word(t, mm, sp), str);
		KTEST_EXPECT_TRUE(t, string_at(mm, str, test_argv[i]));
		str += strlen(test_argv[i]) + 1;
	}
	KTEST_EXPECT_EQ(t, read_word(t, mm, sp), 0);
	sp += 4;
	KTEST_EXPECT_EQ(t, mm->arg_end, str);
	KTEST_EXPECT_EQ(t, mm->env_start, str);
	for (i = 0; i < 2; i++, sp += 4) {
		KTEST_EXPECT_EQ(t, read_word(t, mm, sp), str);
		KTEST_EXPECT_TRUE(t, string_at(mm, str, test_envp[i]));
		str += strlen(test_envp[i]) + 1;
	}
	KTEST_EXPECT_EQ(t, read_word(t, mm, sp), 0);
	KTEST_EXPECT_EQ(t, mm->env_end, str);
	/* the file name follows the environment, and the top word stays 0 */
	KTEST_EXPECT_TRUE(t, string_at(mm, str, HELLO));
	KTEST_EXPECT_EQ(t, str + sizeof(HELLO), STACK_TOP - 4);
	KTEST_EXPECT_EQ(t, read_word(t, mm, STACK_TOP - 4), 0);
	return sp + 4;
}

/* Linux 6.1's auxv for a static ARM program, key by key. */
static void check_auxv(struct ktest *t, struct hello_elf *h, struct mm_struct *mm,
		       unsigned long auxv)
{
	static const u32 keys[] = {
		AT_SYSINFO_EHDR, AT_HWCAP, AT_PAGESZ, AT_CLKTCK, AT_PHDR, AT_PHENT, AT_PHNUM, AT_BASE,
		AT_FLAGS, AT_ENTRY, AT_UID, AT_EUID, AT_GID, AT_EGID, AT_SECURE,
		AT_RANDOM, AT_HWCAP2, AT_EXECFN, AT_PLATFORM, AT_NULL,
	};
	u32 val[ARRAY_SIZE(keys)];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		KTEST_EXPECT_EQ(t, read_word(t, mm, auxv + 8 * i), keys[i]);
		val[i] = read_word(t, mm, auxv + 8 * i + 4);
	}
	/* ARCH_DLINFO first: the [vdso]'s ELF header, or 0 without one */
	KTEST_EXPECT_EQ(t, val[0], mm->context.vdso);
	if (vdso_pages())
		KTEST_EXPECT_EQ(t, read_word(t, mm, val[0]), 0x464c457f);      /* "\177ELF" */
	KTEST_EXPECT_EQ(t, val[1], elf_hwcap);
	KTEST_EXPECT_TRUE(t, val[1] & HWCAP_TLS);
	KTEST_EXPECT_EQ(t, val[2], PAGE_SIZE);
	KTEST_EXPECT_EQ(t, val[3], 100);
	KTEST_EXPECT_EQ(t, val[4], h->text.p_vaddr + h->ex.e_phoff - h->text.p_offset);
	KTEST_EXPECT_EQ(t, val[5], sizeof(Elf32_Phdr));
	KTEST_EXPECT_EQ(t, val[6], h->ex.e_phnum);
	KTEST_EXPECT_EQ(t, val[7], 0);
	KTEST_EXPECT_EQ(t, val[9], h->ex.e_entry);
	/* AT_RANDOM: 16 bytes just below AT_PLATFORM's "v7l", above the auxv */
	KTEST_EXPECT_EQ(t, val[15] + 16, val[18]);
	KTEST_EXPECT_TRUE(t, val[15] >= auxv + sizeof(keys) * 2);
	KTEST_EXPECT_TRUE(t, string_at(mm, val[17], HELLO));
	KTEST_EXPECT_TRUE(t, string_at(mm, val[18], "v7l"));
	KTEST_EXPECT_EQ(t, val[18] + 4, mm->arg_start & ~0xfUL);
}

/* The stack read back, and the registers the task will start with. */
static void exec_hello_stack(struct ktest *t)
{
	struct hello_elf h;
	struct task_struct *p;
	struct pt_regs *regs;
	int err;

	if (!read_hello(t, &h))
		return;
	p = exec_hello(t, NULL, &err);
	if (!p)
		return;
	KTEST_EXPECT_EQ(t, err, 0);
	if (!err && p->mm) {
		check_auxv(t, &h, p->mm, check_args(t, p->mm));
		regs = task_pt_regs(p);
		KTEST_EXPECT_EQ(t, regs->ARM_pc, h.ex.e_entry);
		KTEST_EXPECT_EQ(t, regs->ARM_sp, p->mm->start_stack);
		KTEST_EXPECT_EQ(t, regs->ARM_cpsr, USR_MODE);
		KTEST_EXPECT_EQ(t, regs->ARM_r0, 0);
		/* the stack page with the strings: a fault of p's, not the console's */
		KTEST_EXPECT_EQ(t, p->min_flt, 1);
	}
	drop_task(p);
}

/* ---- refused files ---- */

enum corruption {
	BAD_MAGIC, BAD_MACHINE, BAD_EABI, BAD_CLASS, BAD_TYPE_DYN, BAD_PHENTSIZE,
	BAD_PHOFF, BAD_SEG_PAST_EOF, BAD_INTERP, BAD_FILESZ, BAD_NO_LOAD, BAD_BSS_RO,
	BAD_VADDR_ZERO, BAD_HUGE_BSS, BAD_PHNUM_HUGE,
	NR_CORRUPTIONS
};

/* Damage one field of a copy of the good image; the error exec must give. */
static int corrupt(u8 *img, const struct hello_elf *h, enum corruption c)
{
	Elf32_Ehdr *ex = (Elf32_Ehdr *)img;
	Elf32_Phdr *ph = (Elf32_Phdr *)(img + ex->e_phoff);
	int i, data = -1;

	for (i = 0; i < ex->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD)
			data = i;       /* the last PT_LOAD: data + bss */
	switch (c) {
	case BAD_MAGIC:         img[1] = 'X'; return -ENOEXEC;
	case BAD_MACHINE:       ex->e_machine = 3; return -ENOEXEC;     /* EM_386 */
	case BAD_EABI:          ex->e_flags &= ~EF_ARM_EABI_MASK; return -ENOEXEC;
	case BAD_CLASS:         img[EI_CLASS] = ELFCLASS64; return -ENOEXEC;
	case BAD_TYPE_DYN:      ex->e_type = ET_DYN; return -ENOEXEC;
	case BAD_PHENTSIZE:     ex->e_phentsize = 56; return -ENOEXEC;
	case BAD_PHOFF:         ex->e_phoff = h->file->f_inode->i_size - 8; return -ENOEXEC;
	case BAD_SEG_PAST_EOF:
		ph[0].p_filesz += h->file->f_inode->i_size;
		ph[0].p_memsz += h->file->f_inode->i_size;
		return -ENOEXEC;
	case BAD_INTERP:        ph[0].p_type = PT_INTERP; return -ENOEXEC;
	case BAD_FILESZ:        ph[data].p_filesz = ph[data].p_memsz + 1; return -EINVAL;
	case BAD_NO_LOAD:
		for (i = 0; i < ex->e_phnum; i++)
			if (ph[i].p_type == PT_LOAD)
				ph[i].p_type = PT_NOTE;
		return -ENOEXEC;
	case BAD_BSS_RO:        /* clear_user of the bss page fails: Linux's -EFAULT */
		ph[data].p_flags &= ~PF_W;
		return ph[data].p_memsz > ph[data].p_filesz &&
		       ((ph[data].p_vaddr + ph[data].p_filesz) & ~PAGE_MASK) ? -EFAULT : 0;
	case BAD_VADDR_ZERO:    ph[0].p_vaddr = 0; return -EPERM;
	case BAD_HUGE_BSS:
		/* a bss up to the stack's strings page, unmapping the rest of the
		 * stack as Linux's vm_brk_flags would: still a process, whose
		 * [sigpage] lands in the hole below the text (top-down search) */
		ph[data].p_memsz = STACK_TOP - PAGE_SIZE * 2 - ph[data].p_vaddr;
		return 0;
	case BAD_PHNUM_HUGE:    ex->e_phnum = 0xffff; return -ENOEXEC;
	default:                return 0;
	}
}

/*
 * Exec from the bytes in img, through an inode of its own. Pages the exec
 * faults into that inode's page cache stay there (the inode is the
 * test's): only the padzero case makes one.
 */
static struct task_struct *exec_bytes(struct ktest *t, const u8 *img, unsigned long size,
				      int *err)
{
	static struct inode inode;
	static struct file file;

	memset(&inode, 0, sizeof(inode));
	inode.i_mode = S_IFREG | 0755;
	inode.i_size = size;
	inode.i_data = img;
	inode.i_path = HELLO;
	inode.i_data_mapping.host = &inode;
	file.f_inode = &inode;
	file.f_mapping = &inode.i_data_mapping;
	return exec_hello(t, &file, err);
}

static int exec_image(struct ktest *t, const u8 *img, unsigned long size)
{
	int err;
	struct task_struct *p = exec_bytes(t, img, size, &err);

	if (!p)
		return 1;
	KTEST_EXPECT_TRUE(t, err != 0 ? p->mm == NULL : true);
	drop_task(p);
	return err;
}

#define PADZERO_KEEP    0x5a
#define PADZERO_CLEAR   0xa5

/*
 * memtouch with its .data cut to 1.5 pages: the bss then starts mid-page,
 * and padzero must clear that page's second half (which the file fills
 * with PADZERO_CLEAR here) while the first half keeps the file's bytes;
 * the clearing write is one fault more than a plain exec of memtouch.
 */
static void exec_padzero(struct ktest *t)
{
	struct hello_elf h;
	unsigned long size, elf_bss, page, base_flt = 0, i;
	struct task_struct *p;
	Elf32_Phdr *ph;
	u8 *img, *buf;
	int err, bad = 0;

	if (!read_prog(t, &h, "/bin/memtouch"))
		return;
	if (h.data.p_filesz < PAGE_SIZE * 2 || (h.data.p_filesz & ~PAGE_MASK)) {
		ktest_skip(t, "memtouch's .data is not whole pages");
		return;
	}
	size = h.file->f_inode->i_size;
	img = vmalloc(size + PAGE_SIZE);
	if (!img) {
		ktest_skip(t, "vmalloc failed");
		return;
	}
	buf = img + size;
	p = exec_hello(t, h.file, &err);        /* the plain exec's fault count */
	if (p) {
		base_flt = p->min_flt;
		drop_task(p);
	}
	memcpy(img, h.file->f_inode->i_data, size);
	ph = (Elf32_Phdr *)(img + ((Elf32_Ehdr *)img)->e_phoff) + 1;   /* the data PT_LOAD */
	ph->p_filesz -= PAGE_SIZE / 2;
	elf_bss = ph->p_vaddr + ph->p_filesz;
	page = elf_bss & PAGE_MASK;
	memset(img + ph->p_offset + (page - ph->p_vaddr), PADZERO_KEEP, PAGE_SIZE / 2);
	memset(img + ph->p_offset + (elf_bss - ph->p_vaddr), PADZERO_CLEAR, PAGE_SIZE / 2);

	p = exec_bytes(t, img, size, &err);
	KTEST_EXPECT_EQ(t, err, 0);
	if (p && !err && p->mm) {
		KTEST_EXPECT_EQ(t, copy_from_new_mm(p->mm, buf, page, PAGE_SIZE), 0);
		for (i = 0; i < PAGE_SIZE; i++)
			bad += buf[i] != (i < PAGE_SIZE / 2 ? PADZERO_KEEP : 0);
		KTEST_EXPECT_EQ(t, bad, 0);
		KTEST_EXPECT_EQ(t, p->min_flt, base_flt + 1);
		KTEST_EXPECT_EQ(t, p->mm->end_data, elf_bss);
	}
	if (p)
		drop_task(p);
	/* the same with .data read-only: clear_user would fail, so exec does (-EFAULT) */
	ph->p_flags &= ~PF_W;
	p = exec_bytes(t, img, size, &err);
	KTEST_EXPECT_EQ(t, err, -EFAULT);
	if (p)
		drop_task(p);
	vfree(img);
}

/* Each corruption refused with its error; the free page count comes back. */
static void exec_refuses_malformed(struct ktest *t)
{
	struct hello_elf h;
	unsigned long size, before;
	struct task_struct *p;
	u8 *img;
	int c, err, want;

	if (!read_hello(t, &h))
		return;
	size = h.file->f_inode->i_size;
	img = vmalloc(size);
	if (!img) {
		ktest_skip(t, "vmalloc failed");
		return;
	}
	p = exec_hello(t, NULL, &err);  /* warm up: slab caches, [sigpage], page cache */
	if (p)
		drop_task(p);
	for (c = 0; c < NR_CORRUPTIONS; c++) {
		memcpy(img, h.file->f_inode->i_data, size);
		want = corrupt(img, &h, c);
		before = ktest_nr_free_pages();
		err = exec_image(t, img, size);
		if (err != want)
			ktest_fail(t, __FILE__, __LINE__, "corruption %d: exec gave %d, expected %d",
				   c, err, want);
		if (ktest_nr_free_pages() != before)
			ktest_fail(t, __FILE__, __LINE__, "corruption %d: %ld pages not freed", c,
				   (long)(before - ktest_nr_free_pages()));
	}
	vfree(img);
}

/* No such file, no argv, too long a string: refused, nothing leaked. */
static void exec_refuses_bad_args(struct ktest *t)
{
	static const char *const none[] = { NULL };
	const char *big_argv[3] = { HELLO, NULL, NULL };
	struct task_struct *p = create_task();
	unsigned long before;
	char *big = vmalloc(MAX_ARG_STRLEN + 1);

	if (!p || !big) {
		ktest_fail(t, __FILE__, __LINE__, "out of memory");
		goto out;
	}
	memset(big, 'x', MAX_ARG_STRLEN);
	big[MAX_ARG_STRLEN] = '\0';
	big_argv[1] = big;
	before = ktest_nr_free_pages();
	KTEST_EXPECT_EQ(t, kernel_execve_task(p, "/bin/no-such-program", test_argv, test_envp),
			-ENOENT);
	KTEST_EXPECT_EQ(t, kernel_execve_task(p, HELLO, none, test_envp), -EINVAL);
	KTEST_EXPECT_EQ(t, kernel_execve_task(p, HELLO, big_argv, test_envp), -E2BIG);
	KTEST_EXPECT_TRUE(t, p->mm == NULL);
	KTEST_EXPECT_EQ(t, ktest_nr_free_pages(), before);

	big[MAX_ARG_STRLEN - 1] = '\0';         /* exactly the limit, NUL included: fits */
	KTEST_EXPECT_EQ(t, kernel_execve_task(p, HELLO, big_argv, test_envp), 0);
	KTEST_EXPECT_TRUE(t, p->mm != NULL);
	if (p->mm) {    /* 32 pages of string: the stack reaches 128 KiB below them */
		struct vm_area_struct *stack = find_vma(p->mm, STACK_TOP - 1);

		KTEST_EXPECT_TRUE(t, stack && stack->vm_start <=
				  STACK_TOP - MAX_ARG_STRLEN - STACK_EXPAND_TEST);
		mmput(p->mm);
		p->mm = NULL;
		p->active_mm = &init_mm;
	}
	KTEST_EXPECT_EQ(t, ktest_nr_free_pages(), before);
out:
	if (big)
		vfree(big);
	if (p)
		drop_task(p);
}

static struct ktest_case exec_cases[] = {
	KTEST_CASE(exec_hello_vmas),
	KTEST_CASE(exec_memtouch_vmas),
	KTEST_CASE(exec_padzero),
	KTEST_CASE(exec_hello_stack),
	KTEST_CASE(exec_refuses_malformed),
	KTEST_CASE(exec_refuses_bad_args),
	{}
};
KTEST_SUITE(exec, exec_cases, NULL);
