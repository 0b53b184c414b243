/*
 * mm/mmap_mm.c - an address space's life (mm_alloc, mmput, exit_mmap),
 * stack growth, special mappings, ARM's gate VMA and the memory system
 * calls. Linux: kernel/fork.c (mm_alloc, mmput, mmdrop), mm/mmap.c
 * (exit_mmap, expand_downwards, _install_special_mapping, brk, munmap),
 * mm/util.c (vm_mmap_pgoff), arch/arm/kernel/process.c (gate_vma,
 * in_gate_area), arch/arm/kernel/sys_arm.c / entry-common.S (sys_mmap2).
 * The VMA operations they use are in mm/mmap.c.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/mmu_context.h>
#include "mmap_internal.h"

/* The kernel's own address space: swapper_pg_dir, no VMAs (Linux mm/init-mm.c). */
struct mm_struct init_mm = {
	.mmap = LIST_HEAD_INIT(init_mm.mmap),
	.anon_vma_list = LIST_HEAD_INIT(init_mm.anon_vma_list),
	.pgd = swapper_pg_dir,
	.mm_users = 2,
	.mm_count = 1,
};

/**
 * mm_alloc - a new, empty user address space (Linux mm_alloc -> mm_init)
 *
 * Its pgd holds the kernel half only; mmap_base is Linux's for
 * RLIMIT_STACK 8 MiB without randomisation. Return: NULL when out of memory.
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	INIT_LIST_HEAD(&mm->mmap);
	INIT_LIST_HEAD(&mm->anon_vma_list);
	mm->mm_users = 1;
	mm->mm_count = 1;
	mm->mmap_base = mmap_base(0, 0);       /* exec may move it: arch_pick_mmap_layout */
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	init_new_context(NULL, mm);
	return mm;
}

void mmgrab(struct mm_struct *mm)
{
	mm->mm_count++;
}

/* The last reference to the struct: the pgd goes (Linux __mmdrop). */
void mmdrop(struct mm_struct *mm)
{
	if (--mm->mm_count)
		return;
	pgd_free(mm, mm->pgd);
	kfree(mm);
}

/*
 * exit_mmap - tear down every mapping (Linux exit_mmap): all pages
 * unmapped and put, every user PTE page freed, the VMAs freed, the mm's TLB
 * entries dropped. The MMU must not be using this table while it goes:
 * if it is, the CPU moves to init_mm first.
 */
static void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *tmp;

	if (current_hw_mm() == mm)
		switch_mm(mm, &init_mm, NULL);
	for_each_vma(mm, vma)
		zap_page_range(vma, vma->vm_start, vma->vm_end - vma->vm_start);
	free_pgd_range(mm, FIRST_USER_ADDRESS, TASK_SIZE, FIRST_USER_ADDRESS, 0);
	flush_tlb_mm(mm);
	list_for_each_entry_safe(vma, tmp, &mm->mmap, vm_list) {
		vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
		vma_unlink(mm, vma);
		vm_area_free(vma);
	}
	free_anon_vmas(mm);
}

/* Drop a user of mm; the last one unmaps everything (Linux mmput). */
void mmput(struct mm_struct *mm)
{
	if (!mm || mm == &init_mm || --mm->mm_users)
		return;
	exit_mmap(mm);
	mmdrop(mm);
}

/**
 * expand_stack - grow a VM_GROWSDOWN vma down to address (Linux
 * expand_downwards): refused if it would come within stack_guard_gap of
 * the mapping below, or make the stack larger than RLIMIT_STACK (8 MiB).
 * Return: 0 or -ENOMEM (the fault then becomes SIGSEGV).
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev = NULL, *v;
	unsigned long grow;

	if (!(vma->vm_flags & VM_GROWSDOWN))
		return -EFAULT;
	address &= PAGE_MASK;
	if (address < FIRST_USER_ADDRESS)
		return -EPERM;
	for_each_vma(mm, v) {
		if (v == vma)
			break;
		prev = v;
	}
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) &&
	    (prev->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)) &&
	    address - prev->vm_end < stack_guard_gap)
		return -ENOMEM;
	if (address >= vma->vm_start)
		return 0;
	if (vma->vm_end - address > RLIMIT_STACK_DEFAULT)
		return -ENOMEM;
	grow = (vma->vm_start - address) >> PAGE_SHIFT;
	vm_stat_account(mm, vma->vm_flags, grow);
	vma->vm_start = address;
	vma->vm_pgoff -= grow;
	return 0;
}

/* ---- special mappings ([sigpage], ...) and the gate VMA ---- */

/* A special mapping's page: pages[pgoff], referenced (Linux special_mapping_fault). */
static vm_fault_t special_mapping_fault(struct vm_fault *vmf)
{
	struct page **pages = vmf->vma->vm_private_data;
	unsigned long pgoff;

	for (pgoff = vmf->pgoff; pages && pgoff && *pages; pgoff--)
		pages++;
	if (!pages || !*pages)
		return VM_FAULT_SIGBUS;
	get_page(*pages);
	vmf->page = *pages;
	return 0;
}

static const struct vm_operations_struct special_mapping_vmops = {
	.fault = special_mapping_fault,
};

/**
 * _install_special_mapping - map a NULL-terminated array of pages at addr
 * @name: what /proc/<pid>/maps prints ("[sigpage]")
 * @vm_flags: VM_READ | VM_EXEC | VM_MAYREAD | ... (VM_DONTEXPAND is added)
 *
 * The pages are faulted in on first touch like a file's (RSS counts them
 * as file pages, as Linux's do). Return: the VMA or an ERR_PTR-style
 * pointer value (IS_ERR_VALUE) on failure.
 */
struct vm_area_struct *_install_special_mapping(struct mm_struct *mm, unsigned long addr,
						unsigned long len, unsigned long vm_flags,
						const char *name, struct page **pages)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);
	int err;

	if (!vma)
		return (struct vm_area_struct *)(long)-ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + PAGE_ALIGN(len);
	vma->vm_flags = vm_flags | VM_DONTEXPAND;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	vma->vm_ops = &special_mapping_vmops;
	vma->vm_private_data = pages;
	vma->vm_special_name = name;
	err = insert_vm_struct(mm, vma);
	if (err) {
		vm_area_free(vma);
		return (struct vm_area_struct *)(long)err;
	}
	return vma;
}

/*
 * ARM's vectors page at 0xffff0000 (Linux arch/arm/kernel/process.c
 * gate_vma): user-readable and executable (the kuser helpers), in the
 * kernel half of every pgd, in no mm's VMA list; /proc/<pid>/maps prints
 * it last as "[vectors]".
 */
static struct vm_area_struct gate_vma = {
	.vm_start = VECTORS_BASE,
	.vm_end = VECTORS_BASE + PAGE_SIZE,
	.vm_flags = VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC,
	.vm_special_name = "[vectors]",
};

struct vm_area_struct *get_gate_vma(struct mm_struct *mm)
{
	gate_vma.vm_mm = mm;
	gate_vma.vm_page_prot = vm_get_page_prot(gate_vma.vm_flags);
	return &gate_vma;
}

bool in_gate_area(struct mm_struct *mm, unsigned long addr)
{
	(void)mm;
	return addr >= gate_vma.vm_start && addr < gate_vma.vm_end;
}

/* ---- the system calls, on current->mm (Linux's argument order) ---- */

/* brk(2): the new break, or the old one if it could not move. */
long sys_brk(unsigned long brk)
{
	return (long)__do_brk(current->mm, brk);
}

/*
 * mmap2(2) (ARM: the offset in 4 KiB units, Linux sys_mmap_pgoff). Only
 * anonymous memory: no process here has a file descriptor to map (exec
 * maps its file with do_mmap directly), so an fd is -EBADF.
 */
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	(void)fd;
	if (!(flags & MAP_ANONYMOUS))
		return -EBADF;
	if (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	return (long)do_mmap(current->mm, NULL, addr, len, prot, flags & ~MAP_ANONYMOUS, pgoff);
}

long sys_munmap(unsigned long addr, size_t len)
{
	return do_munmap(current->mm, addr, len);
}
