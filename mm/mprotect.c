/*
 * mm/mprotect.c - changing a range's permissions.
 * Linux: mm/mprotect.c (do_mprotect_pkey, mprotect_fixup,
 * change_protection, change_pte_range).
 *
 * The VMAs are cut at both ends of the range, given the new flags and
 * vm_page_prot, merged with equal neighbours again, and every present PTE
 * gets the new protection with pte_modify (young and dirty kept). A private
 * writable range gets __PAGE_COPY, read-only: the next write to a page goes
 * through do_wp_page, which reuses a sole anonymous page (Linux 6.1 can
 * make such PTEs writable at once when the page is PageAnonExclusive; there
 * is no such flag here). Not done: PROT_GROWSDOWN/UP, pkeys, VM_ACCOUNT
 * charging against overcommit (the flag itself is set as Linux sets it).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include "mmap_internal.h"

/* Rewrite the present PTEs of [start, end) in vma with newprot (Linux change_pte_range). */
static void change_protection(struct vm_area_struct *vma, unsigned long start,
			      unsigned long end, pgprot_t newprot)
{
	unsigned long addr, next;

	for (addr = start; addr < end; addr = next) {
		pmd_t *pmd = pmd_offset_pgd(pgd_offset(vma->vm_mm, addr));
		pte_t *base, *ptep;
		unsigned long a;

		next = pgd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		base = pte_offset_map(pmd, addr);
		for (a = addr, ptep = base; a < next; a += PAGE_SIZE, ptep++)
			if (pte_present(*ptep))
				set_pte_at(vma->vm_mm, a, ptep, pte_modify(*ptep, newprot));
		pte_unmap(base);
	}
	flush_tlb_range(vma, start, end);
}

/*
 * mprotect_fixup - give [start, end) of vma the flags newflags (Linux
 * mprotect_fixup): merge with a neighbour if the result equals it, else
 * split off the part outside the range; then the PTEs.
 */
static int mprotect_fixup(struct mm_struct *mm, struct vm_area_struct *vma,
			  struct vm_area_struct *prev, unsigned long start, unsigned long end,
			  unsigned long newflags)
{
	unsigned long oldflags = vma->vm_flags;
	unsigned long pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
	struct vm_area_struct *merged;

	if (newflags == oldflags)
		return 0;
	if ((newflags & (VM_SHARED | VM_WRITE | VM_NORESERVE)) == VM_WRITE)
		newflags |= VM_ACCOUNT;
	vm_stat_account(mm, oldflags, -(long)((end - start) >> PAGE_SHIFT));
	vm_stat_account(mm, newflags, (end - start) >> PAGE_SHIFT);
	if (start > vma->vm_start && split_vma(mm, vma, start, 1))
		return -ENOMEM;
	if (end < vma->vm_end && split_vma(mm, vma, end, 0))
		return -ENOMEM;
	vma->vm_flags = newflags;
	vma->vm_page_prot = vm_get_page_prot(newflags);
	change_protection(vma, start, end, vma->vm_page_prot);
	/* Now [start, end) is vma: fold it into an equal neighbour if there is one. */
	find_vma_prev(mm, start, &prev);
	vma_unlink(mm, vma);
	merged = vma->vm_special_name ? NULL :
		 vma_merge(mm, prev, start, end, newflags, vma->vm_file, pgoff);
	if (merged) {
		if (!merged->anon_vma)  /* its anonymous pages now belong to merged */
			merged->anon_vma = vma->anon_vma;
		vm_area_free(vma);
	}
	else
		vma_link(mm, vma);
	return 0;
}

/*
 * sys_mprotect - mprotect(2) on current->mm (Linux do_mprotect_pkey): the
 * whole range must be mapped (-ENOMEM otherwise), the new permissions
 * allowed by each VMA's VM_MAY* bits (-EACCES).
 */
long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *prev;
	unsigned long end, nstart, tmp;
	unsigned long newbits = (prot & PROT_READ ? VM_READ : 0) |
				(prot & PROT_WRITE ? VM_WRITE : 0) |
				(prot & PROT_EXEC ? VM_EXEC : 0);
	int error;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start || end > TASK_SIZE)
		return -ENOMEM;
	if (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	vma = find_vma_prev(mm, start, &prev);
	if (!vma || vma->vm_start > start)
		return -ENOMEM;
	for (nstart = start; ; ) {
		unsigned long newflags = newbits |
			(vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC | VM_ACCOUNT));

		if ((newflags & ~(newflags >> 4)) & (VM_READ | VM_WRITE | VM_EXEC))
			return -EACCES;
		if (vma->vm_flags & VM_ACCOUNT)
			newflags |= VM_ACCOUNT;
		tmp = min(vma->vm_end, end);
		error = mprotect_fixup(mm, vma, prev, nstart, tmp, newflags);
		if (error)
			return error;
		nstart = tmp;
		if (nstart >= end)
			return 0;
		vma = find_vma_prev(mm, nstart, &prev);
		if (!vma || vma->vm_start != nstart)
			return -ENOMEM;
	}
}
