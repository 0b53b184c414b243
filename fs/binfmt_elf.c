/*
 * fs/binfmt_elf.c - loading a static ARM EABI ELF executable into a new mm
 * (Linux: fs/binfmt_elf.c load_elf_binary, load_elf_phdrs, elf_map,
 * set_brk, padzero, create_elf_tables; arch/arm/include/asm/elf.h
 * arm_elf_read_implies_exec).
 *
 *   PT_LOAD R X  -> do_mmap(file, MAP_PRIVATE | MAP_FIXED)   text, r-xp
 *   PT_LOAD RW   -> do_mmap(file, MAP_PRIVATE | MAP_FIXED)   data, rw-p
 *                   padzero: the rest of its last file page cleared
 *                   vm_brk_flags: the bss pages past it, anonymous
 *   mm->start_brk = mm->brk = the page after the bss (randomize_va_space
 *                   2: a random page up to 32 MiB above it, mm/util.c)
 *   [sigpage], then argc/argv/envp/auxv on the stack, then start_thread
 *
 * Differences from Linux:
 *  - Executables only: ET_DYN (PIE, static-pie) and PT_INTERP (dynamic
 *    linking) are refused with -ENOEXEC and a message, as is a file with
 *    no PT_LOAD.
 *  - Every segment is checked against the file before anything is mapped:
 *    a segment reaching past the end of the file is refused (-ENOEXEC);
 *    Linux maps it and the process gets SIGBUS when it touches the part
 *    beyond. Linux's own checks keep Linux's errors (-EINVAL for p_filesz >
 *    p_memsz, a segment past TASK_SIZE, or p_offset and p_vaddr not
 *    congruent modulo the page size, as vm_mmap says).
 *  - Each refusal prints one line "exec <path>: <why>" (Linux is silent).
 *  - The new mm is not current's: padzero and create_elf_tables write
 *    through get_user_pages_remote (fs/exec.c copy_to_new_mm/clear_new_mm)
 *    where Linux uses clear_user/put_user. Same pages, same faults.
 *  - AT_RANDOM's 16 bytes come from a xorshift generator (armmm has no
 *    entropy source).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/binfmts.h>
#include <linux/random.h>
#include <asm/elf.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <string.h>

#define ELF_MIN_ALIGN           PAGE_SIZE
#define ELF_PAGESTART(v)        ((v) & ~(unsigned long)(ELF_MIN_ALIGN - 1))
#define ELF_PAGEOFFSET(v)       ((v) & (ELF_MIN_ALIGN - 1))
#define ELF_PAGEALIGN(v)        (((v) + ELF_MIN_ALIGN - 1) & ~(ELF_MIN_ALIGN - 1))
#define BAD_ADDR(x)             ((unsigned long)(x) >= TASK_SIZE)
#define AT_VECTOR_WORDS         48      /* Linux's saved_auxv: 2 * (2 + 20 + 1) and room */

static int refuse(struct linux_binprm *bprm, int err, const char *why)
{
	printk("exec %s: %s\n", bprm->filename, why);
	return err;
}

/* What the rest of the loader needs to know about the file (Linux's locals). */
struct elf_load {
	Elf32_Ehdr ex;
	Elf32_Phdr *phdrs;
	int executable_stack;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long elf_bss, elf_brk, phdr_addr;
	int bss_prot;
};

/* ---- reading and checking the file ---- */

/* The header: ELF, an executable, for this machine (Linux's first checks). */
static int check_elf_header(struct linux_binprm *bprm, struct elf_load *l)
{
	const struct inode *inode = bprm->file->f_inode;
	const char *why;

	if (inode->i_size < sizeof(Elf32_Ehdr))
		return refuse(bprm, -ENOEXEC, "shorter than an ELF header");
	memcpy(&l->ex, inode->i_data, sizeof(l->ex));
	if (memcmp(l->ex.e_ident, ELFMAG, SELFMAG) != 0)
		return refuse(bprm, -ENOEXEC, "not an ELF file (bad magic)");
	if (l->ex.e_type == ET_DYN)
		return refuse(bprm, -ENOEXEC, "ET_DYN (PIE) executables are not supported");
	if (l->ex.e_type != ET_EXEC)
		return refuse(bprm, -ENOEXEC, "not an executable (e_type)");
	why = elf_check_arch_why(&l->ex);
	if (why)
		return refuse(bprm, -ENOEXEC, why);
	return 0;
}

/*
 * load_elf_phdrs - a copy of the program header table. Linux's limits:
 * entries of exactly sizeof(Elf32_Phdr), at least one, the table at most a
 * page; and it must lie inside the file (a short read in Linux).
 */
static int load_elf_phdrs(struct linux_binprm *bprm, struct elf_load *l)
{
	const struct inode *inode = bprm->file->f_inode;
	unsigned long size = (unsigned long)l->ex.e_phnum * sizeof(Elf32_Phdr);

	if (l->ex.e_phentsize != sizeof(Elf32_Phdr))
		return refuse(bprm, -ENOEXEC, "e_phentsize is not 32");
	if (size == 0 || size > ELF_MIN_ALIGN)
		return refuse(bprm, -ENOEXEC, "e_phnum is 0 or the table is over a page");
	if (l->ex.e_phoff > inode->i_size || size > inode->i_size - l->ex.e_phoff)
		return refuse(bprm, -ENOEXEC, "program headers past the end of the file");
	l->phdrs = kmalloc(size, GFP_KERNEL);
	if (!l->phdrs)
		return -ENOMEM;
	memcpy(l->phdrs, (const char *)inode->i_data + l->ex.e_phoff, size);
	return 0;
}

/* One PT_LOAD, before anything is mapped (see the header comment). */
static int check_load_segment(struct linux_binprm *bprm, const Elf32_Phdr *ph)
{
	unsigned long i_size = bprm->file->f_inode->i_size;

	if (ph->p_offset > i_size || ph->p_filesz > i_size - ph->p_offset)
		return refuse(bprm, -ENOEXEC, "PT_LOAD segment past the end of the file");
	if (ph->p_filesz > ph->p_memsz)
		return refuse(bprm, -EINVAL, "PT_LOAD with p_filesz > p_memsz");
	if (BAD_ADDR(ph->p_vaddr) || ph->p_memsz > TASK_SIZE ||
	    TASK_SIZE - ph->p_memsz < ph->p_vaddr)
		return refuse(bprm, -EINVAL, "PT_LOAD segment beyond user space (TASK_SIZE)");
	if (ELF_PAGESTART(ph->p_vaddr) < FIRST_USER_ADDRESS && ph->p_memsz)
		return refuse(bprm, -EPERM, "PT_LOAD below the lowest user address");
	if (ELF_PAGEOFFSET(ph->p_offset) != ELF_PAGEOFFSET(ph->p_vaddr))
		return refuse(bprm, -EINVAL, "PT_LOAD p_offset and p_vaddr differ modulo the page size");
	return 0;
}

/* PT_INTERP, PT_GNU_STACK and the PT_LOADs' sanity (Linux's phdr loops). */
static int check_program_headers(struct linux_binprm *bprm, struct elf_load *l)
{
	int i, loads = 0, err;

	l->executable_stack = EXSTACK_DEFAULT;
	for (i = 0; i < l->ex.e_phnum; i++) {
		const Elf32_Phdr *ph = &l->phdrs[i];

		if (ph->p_type == PT_INTERP)
			return refuse(bprm, -ENOEXEC,
				      "dynamic executables are not supported (PT_INTERP)");
		if (ph->p_type == PT_GNU_STACK)
			l->executable_stack = ph->p_flags & PF_X ? EXSTACK_ENABLE_X :
								   EXSTACK_DISABLE_X;
		if (ph->p_type != PT_LOAD)
			continue;
		err = check_load_segment(bprm, ph);
		if (err)
			return err;
		loads++;
	}
	if (!loads)
		return refuse(bprm, -ENOEXEC, "no PT_LOAD segment");
	if (BAD_ADDR(l->ex.e_entry))
		return refuse(bprm, -EINVAL, "entry point beyond user space");
	/* arm_elf_read_implies_exec on an ARMv7 CPU */
	bprm->read_implies_exec = l->executable_stack != EXSTACK_DISABLE_X;
	return 0;
}

/* ---- mapping the segments ---- */

/* PF_* to PROT_* (Linux make_prot); READ_IMPLIES_EXEC as do_mmap applies it. */
static int make_prot(struct linux_binprm *bprm, u32 p_flags)
{
	int prot = 0;

	if (p_flags & PF_R)
		prot |= PROT_READ;
	if (p_flags & PF_W)
		prot |= PROT_WRITE;
	if (p_flags & PF_X)
		prot |= PROT_EXEC;
	if ((prot & PROT_READ) && bprm->read_implies_exec)
		prot |= PROT_EXEC;
	return prot;
}

/*
 * elf_map - the file part of a segment, whole pages, private (Linux
 * elf_map): from the page holding p_vaddr to the page holding its last
 * file byte. A segment with no file bytes maps nothing here.
 */
static unsigned long elf_map(struct linux_binprm *bprm, const Elf32_Phdr *ph, int prot,
			     unsigned long flags)
{
	unsigned long addr = ELF_PAGESTART(ph->p_vaddr);
	unsigned long size = ELF_PAGEALIGN(ph->p_filesz + ELF_PAGEOFFSET(ph->p_vaddr));
	unsigned long off = ph->p_offset - ELF_PAGEOFFSET(ph->p_vaddr);

	if (!size)
		return addr;
	return do_mmap(bprm->mm, bprm->file, addr, size, prot, flags, off >> PAGE_SHIFT);
}

/* The anonymous pages past the file's, and the heap's start (Linux set_brk). */
static int set_brk(struct linux_binprm *bprm, unsigned long start, unsigned long end, int prot)
{
	start = ELF_PAGEALIGN(start);
	end = ELF_PAGEALIGN(end);
	if (end > start) {
		int err = vm_brk_flags(bprm->mm, start, end - start, prot & PROT_EXEC ? VM_EXEC : 0);

		if (err)
			return err;
	}
	bprm->mm->start_brk = bprm->mm->brk = end;
	return 0;
}

/*
 * padzero - zero from elf_bss to the end of its page, the file bytes there
 * being the start of whatever followed .data in the file (Linux padzero,
 * with clear_user). That write faults the page in as a private copy (a
 * COW fault on the file mapping), which issue 13 counts. clear_user is a
 * plain write: it fails when the VMA is not writable, so FOLL_FORCE (which
 * clear_new_mm uses, as a remote write must) is only taken after the same
 * VM_WRITE check; GUP then faults exactly as clear_user's write would.
 */
static int padzero(struct linux_binprm *bprm, unsigned long elf_bss, unsigned long nbyte)
{
	struct vm_area_struct *vma = find_vma(bprm->mm, elf_bss);

	if (!vma || vma->vm_start > elf_bss || !(vma->vm_flags & VM_WRITE))
		return -EFAULT;
	return clear_new_mm(bprm->mm, elf_bss, nbyte);
}

/* Map one PT_LOAD and update the layout (one turn of Linux's loop). */
static int map_load_segment(struct linux_binprm *bprm, struct elf_load *l,
			    const Elf32_Phdr *ph, bool first)
{
	int prot = make_prot(bprm, ph->p_flags);
	unsigned long k, addr;

	if (l->elf_brk > l->elf_bss) {
		/* an earlier segment's bss: map it, clear its page's tail (errors ignored, as Linux) */
		int err = set_brk(bprm, l->elf_bss, l->elf_brk, l->bss_prot);
		unsigned long nbyte = ELF_PAGEOFFSET(l->elf_bss);

		if (err)
			return err;
		if (nbyte) {
			nbyte = min(ELF_MIN_ALIGN - nbyte, l->elf_brk - l->elf_bss);
			padzero(bprm, l->elf_bss, nbyte);
		}
	}
	if (first) {    /* Linux's MAP_FIXED_NOREPLACE for the first ET_EXEC segment */
		struct vm_area_struct *vma = find_vma(bprm->mm, ELF_PAGESTART(ph->p_vaddr));

		if (vma && vma->vm_start < ph->p_vaddr + ph->p_memsz)
			return refuse(bprm, -EEXIST, "first segment overlaps a mapping (the stack)");
	}
	addr = elf_map(bprm, ph, prot, MAP_PRIVATE | MAP_FIXED);
	if (BAD_ADDR(addr))
		return IS_ERR_VALUE(addr) ? (int)addr : -EINVAL;

	if (ph->p_offset <= l->ex.e_phoff && l->ex.e_phoff < ph->p_offset + ph->p_filesz)
		l->phdr_addr = l->ex.e_phoff - ph->p_offset + ph->p_vaddr;
	k = ph->p_vaddr;
	if ((ph->p_flags & PF_X) && k < l->start_code)
		l->start_code = k;
	if (l->start_data < k)
		l->start_data = k;
	k = ph->p_vaddr + ph->p_filesz;
	if (k > l->elf_bss)
		l->elf_bss = k;
	if ((ph->p_flags & PF_X) && l->end_code < k)
		l->end_code = k;
	if (l->end_data < k)
		l->end_data = k;
	k = ph->p_vaddr + ph->p_memsz;
	if (k > l->elf_brk) {
		l->bss_prot = prot;
		l->elf_brk = k;
	}
	return 0;
}

static int map_segments(struct linux_binprm *bprm, struct elf_load *l)
{
	bool first = true;
	int i, err;

	l->start_code = ~0UL;
	for (i = 0; i < l->ex.e_phnum; i++) {
		if (l->phdrs[i].p_type != PT_LOAD)
			continue;
		err = map_load_segment(bprm, l, &l->phdrs[i], first);
		if (err)
			return err;
		first = false;
	}
	/* the last bss and the heap start; padzero only if there is a bss */
	err = set_brk(bprm, l->elf_bss, l->elf_brk, l->bss_prot);
	if (err)
		return err;
	if (l->elf_bss != l->elf_brk && ELF_PAGEOFFSET(l->elf_bss) &&
	    padzero(bprm, l->elf_bss, ELF_MIN_ALIGN - ELF_PAGEOFFSET(l->elf_bss)))
		return -EFAULT;
	return 0;
}

/* ---- the stack's tables ---- */

/* Words written upwards into the new stack, a buffer at a time. */
struct stack_writer {
	struct mm_struct *mm;
	unsigned long addr;             /* where buf[0] goes */
	unsigned int n;
	int err;
	elf_addr_t buf[64];
};

static void sw_flush(struct stack_writer *w)
{
	if (w->n && !w->err)
		w->err = copy_to_new_mm(w->mm, w->addr, w->buf, w->n * sizeof(elf_addr_t));
	w->addr += w->n * sizeof(elf_addr_t);
	w->n = 0;
}

static void sw_put(struct stack_writer *w, elf_addr_t v)
{
	if (w->n == ARRAY_SIZE(w->buf))
		sw_flush(w);
	w->buf[w->n++] = v;
}

/*
 * The auxiliary vector, Linux 6.1's order for ARM: ARCH_DLINFO first
 * (ARM's is AT_SYSINFO_EHDR, the [vdso]'s ELF header, 0 if none was
 * mapped), then the generic entries.
 */
static int fill_auxv(elf_addr_t *a, const struct elf_load *l, const struct mm_struct *mm,
		     unsigned long e_entry, unsigned long u_rand, unsigned long u_platform,
		     unsigned long execfn)
{
	int i = 0;
#define NEW_AUX_ENT(id, val) do { a[i++] = (id); a[i++] = (val); } while (0)
	NEW_AUX_ENT(AT_SYSINFO_EHDR, mm->context.vdso);
	NEW_AUX_ENT(AT_HWCAP, ELF_HWCAP);
	NEW_AUX_ENT(AT_PAGESZ, ELF_EXEC_PAGESIZE);
	NEW_AUX_ENT(AT_CLKTCK, CLOCKS_PER_SEC);
	NEW_AUX_ENT(AT_PHDR, l->phdr_addr);
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf32_Phdr));
	NEW_AUX_ENT(AT_PHNUM, l->ex.e_phnum);
	NEW_AUX_ENT(AT_BASE, 0);                /* no interpreter */
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, e_entry);
	NEW_AUX_ENT(AT_UID, 0);
	NEW_AUX_ENT(AT_EUID, 0);
	NEW_AUX_ENT(AT_GID, 0);
	NEW_AUX_ENT(AT_EGID, 0);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, u_rand);
	NEW_AUX_ENT(AT_HWCAP2, ELF_HWCAP2);
	NEW_AUX_ENT(AT_EXECFN, execfn);
	NEW_AUX_ENT(AT_PLATFORM, u_platform);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	return i;
}

/* Pointers to n consecutive strings starting at *p (the strings exec copied). */
static void put_string_pointers(struct stack_writer *w, unsigned long *p, int n,
				const char *const *strs)
{
	int i;

	for (i = 0; i < n; i++) {
		sw_put(w, *p);
		*p += strnlen(strs[i], MAX_ARG_STRLEN) + 1;     /* Linux: strnlen_user */
	}
	sw_put(w, 0);
}

/*
 * create_elf_tables - below the strings: the platform string and the
 * random bytes, then (16-byte aligned) argc, argv[], NULL, envp[], NULL,
 * auxv (Linux create_elf_tables; written in Linux's order, so the stack
 * pages fault in the same order). bprm->p ends at argc: the initial sp.
 */
static int create_elf_tables(struct linux_binprm *bprm, const struct elf_load *l,
			     unsigned long e_entry)
{
	struct mm_struct *mm = bprm->mm;
	static struct stack_writer w;           /* 280 bytes: off the 8 KiB stack */
	elf_addr_t auxv[AT_VECTOR_WORDS];
	unsigned long p = arch_align_stack(bprm->p);
	unsigned long u_platform, u_rand, sp, items, str;
	u8 rand[16];
	struct vm_area_struct *vma;
	int ei, err;

	p -= sizeof(ELF_PLATFORM);
	u_platform = p;
	err = copy_to_new_mm(mm, u_platform, ELF_PLATFORM, sizeof(ELF_PLATFORM));
	get_random_bytes(rand, sizeof(rand));
	p -= sizeof(rand);
	u_rand = p;
	if (!err)
		err = copy_to_new_mm(mm, u_rand, rand, sizeof(rand));
	if (err)
		return err;

	ei = fill_auxv(auxv, l, mm, e_entry, u_rand, u_platform, bprm->exec);
	sp = p - ei * sizeof(elf_addr_t);
	items = (bprm->argc + 1) + (bprm->envc + 1) + 1;
	bprm->p = (sp - items * sizeof(elf_addr_t)) & ~0xfUL;   /* STACK_ROUND */

	vma = find_vma(mm, bprm->p);            /* find_extend_vma */
	if (!vma || (vma->vm_start > bprm->p && expand_stack(vma, bprm->p)))
		return -EFAULT;

	memset(&w, 0, sizeof(w));
	w.mm = mm;
	w.addr = bprm->p;
	sw_put(&w, bprm->argc);
	str = mm->arg_start;
	put_string_pointers(&w, &str, bprm->argc, bprm->argv);
	mm->arg_end = mm->env_start = str;
	put_string_pointers(&w, &str, bprm->envc, bprm->envp);
	mm->env_end = str;
	for (err = 0; err < ei; err++)
		sw_put(&w, auxv[err]);
	sw_flush(&w);
	return w.err;
}

/* ---- load_elf_binary ---- */

static int load_elf_layout(struct linux_binprm *bprm, struct elf_load *l)
{
	struct mm_struct *mm = bprm->mm;
	int err;

	setup_new_exec(bprm);
	err = setup_arg_pages(bprm, bprm->stack_top, l->executable_stack);
	if (!err)
		err = map_segments(bprm, l);
	if (!err)
		err = arch_setup_additional_pages(mm);
	if (!err)
		err = create_elf_tables(bprm, l, l->ex.e_entry);
	if (err)
		return err;
	mm->start_code = l->start_code;
	mm->end_code = l->end_code;
	mm->start_data = l->start_data;
	mm->end_data = l->end_data;
	mm->start_stack = bprm->p;
	/* randomize_va_space 2: the heap starts up to 32 MiB above the bss */
	if ((bprm->task->flags & PF_RANDOMIZE) && randomize_va_space > 1)
		mm->brk = mm->start_brk = arch_randomize_brk(mm);
	start_thread(task_pt_regs(bprm->task), l->ex.e_entry, bprm->p);
	return 0;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	struct elf_load l = { 0 };
	int err;

	err = check_elf_header(bprm, &l);
	if (!err)
		err = load_elf_phdrs(bprm, &l);
	if (!err)
		err = check_program_headers(bprm, &l);
	if (!err)
		err = load_elf_layout(bprm, &l);
	kfree(l.phdrs);
	return err;
}
