/*
 * mm/mmap.c - the VMAs of an address space: find, insert, split, merge,
 * place (top-down below mmap_base), map and unmap; brk.
 * Linux: mm/mmap.c (find_vma, vma_merge, __split_vma, do_mmap,
 * mmap_region, do_munmap, do_brk_flags, brk), mm/util.c (mmap_base,
 * arch_pick_mmap_layout), arch/arm/mm/mmap.c (arch_get_unmapped_area_topdown).
 * mm_alloc/mmput, expand_stack, special mappings and the gate VMA are in
 * mm/mmap_mm.c; the system calls too.
 *
 * Differences from Linux 6.1:
 *  - an mm's VMAs are a list sorted by address (mm->mmap), not a maple
 *    tree: find_vma walks it. A process here has a dozen VMAs.
 *  - the anon_vma only marks a VMA that has had anonymous pages (for
 *    fork, mm_types.h); an anonymous page's ->mapping only says "anon"
 *    (mm/rmap.c), so merging does not compare anon_vmas (Linux merges
 *    only equal or absent ones); the merged VMA keeps either's.
 *  - no locks (one CPU, no preemption), no mempolicy, userfaultfd, memcg,
 *    accounting against overcommit, mlock or RLIMIT_AS/DATA checks.
 *  - the random mmap_base, stack and brk of randomize_va_space are
 *    mm/util.c's, off by default.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <string.h>
#include <linux/fs.h>
#include <asm/pgtable.h>
#include "mmap_internal.h"

/* 256 pages (1 MiB) between a stack and the mapping below (Linux stack_guard_gap). */
unsigned long stack_guard_gap = 256UL << PAGE_SHIFT;

/*
 * Linux mmap_base with RLIMIT_STACK 8 MiB: the gap below STACK_TOP is the
 * stack, the guard gap and pad (room for the stack's random move), at
 * least 128 MiB, then rnd lower (arch_mmap_rnd). Without randomisation:
 * 0xb7000000.
 */
unsigned long mmap_base(unsigned long rnd, unsigned long pad)
{
	unsigned long gap = RLIMIT_STACK_DEFAULT + stack_guard_gap + pad;

	if (gap < MMAP_MIN_GAP)
		gap = MMAP_MIN_GAP;
	else if (gap > MMAP_MAX_GAP)
		gap = MMAP_MAX_GAP;
	return PAGE_ALIGN(STACK_TOP - gap - rnd);
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma), GFP_KERNEL);

	if (vma) {
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->vm_list);
	}
	return vma;
}

void vm_area_free(struct vm_area_struct *vma)
{
	kfree(vma);
}

/* The first VMA with vm_end > addr (it may start above addr), or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	for_each_vma(mm, vma)
		if (vma->vm_end > addr)
			return vma;
	return NULL;
}

struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma, *prev = NULL;

	for_each_vma(mm, vma) {
		if (vma->vm_end > addr) {
			*pprev = prev;
			return vma;
		}
		prev = vma;
	}
	*pprev = prev;
	return NULL;
}

struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return vma && vma->vm_start <= addr ? vma : NULL;
}

struct vm_area_struct *vma_next_of(struct mm_struct *mm, struct vm_area_struct *vma)
{
	return list_is_last(&vma->vm_list, &mm->mmap) ? NULL :
	       list_next_entry(vma, vm_list);
}

static struct vm_area_struct *vma_prev_of(struct mm_struct *mm, struct vm_area_struct *vma)
{
	return vma->vm_list.prev == &mm->mmap ? NULL : list_prev_entry(vma, vm_list);
}

/* A stack's lowest address including the gap it keeps below (Linux vm_start_gap). */
unsigned long vm_start_gap(const struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;

	if (vma->vm_flags & VM_GROWSDOWN) {
		start -= stack_guard_gap;
		if (start > vma->vm_start)
			start = 0;
	}
	return start;
}

/* Put vma on mm->mmap in address order (Linux vma_link). */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = find_vma(mm, vma->vm_start);

	list_add_tail(&vma->vm_list, next ? &next->vm_list : &mm->mmap);
	mm->map_count++;
}

void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	list_del(&vma->vm_list);
	mm->map_count--;
}

int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = find_vma(mm, vma->vm_start);

	if (next && next->vm_start < vma->vm_end)
		return -ENOMEM;
	vma->vm_mm = mm;
	if (!pgprot_val(vma->vm_page_prot))
		vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	vma_link(mm, vma);
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
	return 0;
}

/* Linux vm_stat_account: VmSize and which of VmExe/VmStk/VmData it is. */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if ((flags & (VM_EXEC | VM_WRITE | VM_STACK)) == VM_EXEC)
		mm->exec_vm += npages;
	else if (flags & VM_STACK)
		mm->stack_vm += npages;
	else if ((flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE)
		mm->data_vm += npages;
	if (mm->total_vm > mm->hiwater_vm)
		mm->hiwater_vm = mm->total_vm;
}

/*
 * Can a new range (flags, file, pgoff) continue vma without a seam? Linux
 * is_mergeable_vma + the pgoff checks of can_vma_merge_before/after: the
 * same flags (VM_SOFTDIRTY aside) and file, no special mapping, and file
 * offsets that follow on.
 */
static bool is_mergeable_vma(const struct vm_area_struct *vma, unsigned long flags,
			     const struct file *file)
{
	return vma->vm_flags == flags && vma->vm_file == file && !vma->vm_special_name;
}

/*
 * vma_merge - extend prev and/or next over [addr, end) instead of making
 * a new VMA (Linux vma_merge, cases 1-5 for a range in a hole). Return: the
 * VMA that now covers the range, or NULL if a new one is needed.
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end, unsigned long flags,
				 struct file *file, unsigned long pgoff)
{
	struct vm_area_struct *next = prev ? vma_next_of(mm, prev) :
		(list_empty(&mm->mmap) ? NULL : list_first_entry(&mm->mmap,
						struct vm_area_struct, vm_list));
	unsigned long pglen = (end - addr) >> PAGE_SHIFT;
	bool merge_prev = prev && prev->vm_end == addr && is_mergeable_vma(prev, flags, file) &&
			  prev->vm_pgoff + vma_pages(prev) == pgoff;
	bool merge_next = next && next->vm_start == end && is_mergeable_vma(next, flags, file) &&
			  next->vm_pgoff == pgoff + pglen;

	if (merge_prev && merge_next) {         /* the hole closes: prev swallows next */
		if (!prev->anon_vma)    /* Linux: the importer takes the exporter's */
			prev->anon_vma = next->anon_vma;
		prev->vm_end = next->vm_end;
		vma_unlink(mm, next);
		vm_area_free(next);
		return prev;
	}
	if (merge_prev) {
		prev->vm_end = end;
		return prev;
	}
	if (merge_next) {
		next->vm_start = addr;
		next->vm_pgoff = pgoff;
		return next;
	}
	return NULL;
}

/*
 * split_vma - cut vma in two at addr (Linux __split_vma). new_below: the
 * new VMA is the lower part. Return: 0 or -ENOMEM.
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
	      int new_below)
{
	struct vm_area_struct *new = vm_area_alloc(mm);

	if (!new)
		return -ENOMEM;
	*new = *vma;
	INIT_LIST_HEAD(&new->vm_list);
	if (new_below) {
		new->vm_end = addr;
		vma->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
		vma->vm_start = addr;
	} else {
		new->vm_start = addr;
		new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
		vma->vm_end = addr;
	}
	vma_link(mm, new);
	return 0;
}

/*
 * The highest hole of len bytes in [low, high) (Linux unmapped_area_topdown
 * with vm_unmapped_area_info's limits; a stack's guard gap counts as used).
 */
static unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long len,
					   unsigned long low, unsigned long high)
{
	struct vm_area_struct *vma;
	unsigned long gap_end = high;

	list_for_each_entry_reverse(vma, &mm->mmap, vm_list) {
		unsigned long gap_start = vma->vm_end;
		unsigned long end = gap_end;

		if (gap_start < end && end - gap_start >= len && end - len >= low)
			return end - len;
		if (vm_start_gap(vma) < gap_end)
			gap_end = vm_start_gap(vma);
		if (gap_end < low + len)
			return -ENOMEM;
	}
	return gap_end >= low + len ? gap_end - len : (unsigned long)-ENOMEM;
}

/* The lowest hole of len bytes in [low, high) (Linux unmapped_area). */
static unsigned long unmapped_area(struct mm_struct *mm, unsigned long len,
				   unsigned long low, unsigned long high)
{
	struct vm_area_struct *vma;
	unsigned long start = low;

	for_each_vma(mm, vma) {
		if (vma->vm_end <= start)
			continue;
		if (vm_start_gap(vma) >= start + len)
			break;
		start = vma->vm_end;
	}
	return start + len <= high ? start : (unsigned long)-ENOMEM;
}

/*
 * get_unmapped_area - where a mapping of len bytes goes (Linux
 * get_unmapped_area -> ARM arch_get_unmapped_area_topdown): MAP_FIXED
 * where asked; a free hint where asked; else the highest hole below
 * mm->mmap_base, and if none, bottom-up from TASK_UNMAPPED_BASE.
 */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr, unsigned long len,
				unsigned long flags)
{
	struct vm_area_struct *vma, *prev;
	unsigned long ret;

	if (len > TASK_SIZE - FIRST_USER_ADDRESS)
		return -ENOMEM;
	if (flags & MAP_FIXED) {
		if (offset_in_page(addr))
			return -EINVAL;
		return addr > TASK_SIZE - len ? (unsigned long)-ENOMEM : addr;
	}
	if (addr) {
		addr = PAGE_ALIGN(addr);
		vma = find_vma_prev(mm, addr, &prev);
		if (TASK_SIZE - len >= addr && addr >= FIRST_USER_ADDRESS &&
		    (!vma || addr + len <= vm_start_gap(vma)) && (!prev || addr >= prev->vm_end))
			return addr;
	}
	ret = unmapped_area_topdown(mm, len, FIRST_USER_ADDRESS, mm->mmap_base);
	if (!IS_ERR_VALUE(ret))
		return ret;
	return unmapped_area(mm, len, TASK_UNMAPPED_BASE, TASK_SIZE);
}

/* Linux calc_vm_prot_bits / calc_vm_flag_bits. */
static unsigned long calc_vm_bits(unsigned long prot, unsigned long flags)
{
	unsigned long vm = 0;

	if (prot & PROT_READ)
		vm |= VM_READ;
	if (prot & PROT_WRITE)
		vm |= VM_WRITE;
	if (prot & PROT_EXEC)
		vm |= VM_EXEC;
	if (flags & MAP_GROWSDOWN)
		vm |= VM_GROWSDOWN;
	return vm | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
}

/*
 * mmap_region - make [addr, addr + len) a mapping with vm_flags (Linux
 * mmap_region): what was there is unmapped, then a neighbour is extended
 * if it can be (vma_merge), else a new VMA goes in. A private writable
 * mapping is accountable (VM_ACCOUNT), as Linux marks it.
 */
static unsigned long mmap_region(struct mm_struct *mm, struct file *file, unsigned long addr,
				 unsigned long len, unsigned long vm_flags, unsigned long pgoff)
{
	struct vm_area_struct *vma, *prev;
	int err = do_munmap(mm, addr, len);

	if (err)
		return err;
	if ((vm_flags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE)
		vm_flags |= VM_ACCOUNT;
	find_vma_prev(mm, addr, &prev);
	vma = vma_merge(mm, prev, addr, addr + len, vm_flags, file, pgoff);
	if (!vma) {
		vma = vm_area_alloc(mm);
		if (!vma)
			return -ENOMEM;
		vma->vm_start = addr;
		vma->vm_end = addr + len;
		vma->vm_flags = vm_flags;
		vma->vm_page_prot = vm_get_page_prot(vm_flags);
		vma->vm_pgoff = pgoff;
		vma->vm_file = file;
		vma->vm_ops = file ? &shmem_vm_ops : NULL;
		vma_link(mm, vma);
	}
	vm_stat_account(mm, vm_flags, len >> PAGE_SHIFT);
	return addr;
}

/**
 * do_mmap - map len bytes of file (or anonymous memory) into mm
 * @mm: the address space (Linux uses current->mm; exec passes the new one)
 * @file: the file, NULL for MAP_ANONYMOUS
 * @addr: a hint, or the address with MAP_FIXED
 * @len: bytes, rounded up to pages
 * @prot: PROT_*; @flags: MAP_*; @pgoff: the file offset in pages
 *
 * Private mappings of a file and of anonymous memory; a shared file
 * mapping only read-only (the archive is read-only), shared anonymous
 * memory not at all (it needs shmem files: -EINVAL).
 * Return: the address, or -errno (test with IS_ERR_VALUE).
 */
unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff)
{
	unsigned long vm_flags;

	if (!len)
		return -EINVAL;
	if (!(flags & MAP_FIXED) && addr && addr < FIRST_USER_ADDRESS)
		addr = FIRST_USER_ADDRESS;      /* Linux round_hint_to_min */
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	vm_flags = calc_vm_bits(prot, flags);
	switch (flags & MAP_TYPE) {
	case MAP_PRIVATE:
		break;
	case MAP_SHARED:
		if (!file)
			return -EINVAL;
		if (prot & PROT_WRITE)
			return -EACCES;
		vm_flags = (vm_flags | VM_MAYSHARE) & ~VM_MAYWRITE;
		break;
	default:
		return -EINVAL;
	}
	if (!file)
		pgoff = addr >> PAGE_SHIFT;     /* fixed up below once addr is known */
	if (flags & MAP_NORESERVE)
		vm_flags |= VM_NORESERVE;
	addr = get_unmapped_area(mm, addr, len, flags & (MAP_FIXED | MAP_FIXED_NOREPLACE) ?
				 MAP_FIXED : 0);
	if (IS_ERR_VALUE(addr))
		return addr;
	if (flags & MAP_FIXED_NOREPLACE) {
		struct vm_area_struct *vma = find_vma(mm, addr);

		if (vma && vma->vm_start < addr + len)
			return -EEXIST;
	}
	if (!file)
		pgoff = addr >> PAGE_SHIFT;
	return mmap_region(mm, file, addr, len, vm_flags, pgoff);
}

/*
 * do_munmap - unmap [start, start + len) of mm (Linux do_munmap ->
 * do_vmi_munmap): VMAs cut at both ends, the pages inside zapped, PTE pages
 * no longer used by any VMA freed, the VMAs removed.
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma, *prev, *next, *tmp;
	unsigned long end;

	if (offset_in_page(start) || start > TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (!len)
		return -EINVAL;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (start > vma->vm_start) {
		if (split_vma(mm, vma, start, 1))
			return -ENOMEM;
	}
	tmp = find_vma(mm, end);
	if (tmp && tmp->vm_start < end && split_vma(mm, tmp, end, 1))
		return -ENOMEM;
	vma = find_vma(mm, start);              /* the first VMA inside, after the cuts */
	prev = vma_prev_of(mm, vma);
	next = find_vma(mm, end);
	for (tmp = vma; tmp && tmp != next; tmp = vma_next_of(mm, tmp))
		zap_page_range(tmp, tmp->vm_start, tmp->vm_end - tmp->vm_start);
	free_pgd_range(mm, start, end, prev ? prev->vm_end : FIRST_USER_ADDRESS,
		       next ? next->vm_start : 0);
	while (vma && vma != next) {
		tmp = vma_next_of(mm, vma);
		vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
		vma_unlink(mm, vma);
		vm_area_free(vma);
		vma = tmp;
	}
	return 0;
}

/*
 * do_brk_flags - anonymous memory at [addr, addr + len) for brk and the
 * ELF loader's bss (Linux do_brk_flags): prev, the VMA the caller picked,
 * grows if it ends at addr with the same flags, as the heap does on every
 * brk(); otherwise a new VMA is made.
 */
static int do_brk_flags(struct mm_struct *mm, struct vm_area_struct *prev,
			unsigned long addr, unsigned long len, unsigned long flags)
{
	struct vm_area_struct *vma = NULL;

	flags |= VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT;
	if (prev && prev->vm_end == addr)
		vma = vma_merge(mm, prev, addr, addr + len, flags, NULL, addr >> PAGE_SHIFT);
	if (!vma) {
		vma = vm_area_alloc(mm);
		if (!vma)
			return -ENOMEM;
		vma->vm_start = addr;
		vma->vm_end = addr + len;
		vma->vm_pgoff = addr >> PAGE_SHIFT;
		vma->vm_flags = flags;
		vma->vm_page_prot = vm_get_page_prot(flags);
		vma_link(mm, vma);
	}
	vm_stat_account(mm, flags, len >> PAGE_SHIFT);
	return 0;
}

/**
 * vm_brk_flags - anonymous read/write memory at addr (Linux vm_brk_flags)
 * @flags: 0 or VM_EXEC
 * Return: 0 or -errno.
 */
int vm_brk_flags(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long flags)
{
	struct vm_area_struct *prev;
	unsigned long a;
	int err;

	len = PAGE_ALIGN(len);
	if (!len)
		return 0;
	if (flags & ~VM_EXEC)
		return -EINVAL;
	a = get_unmapped_area(mm, addr, len, MAP_FIXED);
	if (IS_ERR_VALUE(a))
		return (int)a;
	err = do_munmap(mm, addr, len);
	if (err)
		return err;
	find_vma_prev(mm, addr, &prev);         /* Linux: mas_prev(&mas, 0) */
	return do_brk_flags(mm, prev, addr, len, flags);
}

/*
 * __do_brk - Linux's brk() on mm: shrink or grow the heap to brk. Return:
 * the new break, or the old one when it cannot move (Linux returns the
 * unchanged mm->brk, never an error).
 */
unsigned long __do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long newbrk, oldbrk, origbrk = mm->brk;
	struct vm_area_struct *next, *prev;

	if (brk < mm->start_brk)
		return origbrk;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (oldbrk == newbrk) {
		mm->brk = brk;
		return brk;
	}
	if (brk <= mm->brk) {                   /* shrinking is always allowed */
		mm->brk = brk;
		if (do_munmap(mm, newbrk, oldbrk - newbrk)) {
			mm->brk = origbrk;
			return origbrk;
		}
		return brk;
	}
	/* a page must stay free below the next mapping (and a stack's gap) */
	next = find_vma(mm, oldbrk);
	if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
		return origbrk;
	/*
	 * Linux 6.1 grows only a VMA that reaches above start_brk
	 * (brk(): brkvma = mas_prev(&mas, mm->start_brk)): the first brk()
	 * makes a VMA of its own beside the .bss one vm_brk_flags made at
	 * exec, even with the same flags; later ones grow that new VMA.
	 */
	find_vma_prev(mm, oldbrk, &prev);
	if (prev && prev->vm_end <= mm->start_brk)
		prev = NULL;
	if (newbrk > TASK_SIZE || do_brk_flags(mm, prev, oldbrk, newbrk - oldbrk, 0) < 0)
		return origbrk;
	mm->brk = brk;
	return brk;
}
