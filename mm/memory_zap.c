/*
 * mm/memory_zap.c - the rest of Linux's mm/memory.c: unmapping pages
 * (zap_page_range), freeing page tables (free_pgd_range, free_pgtables),
 * faulting pages in for the kernel (get_user_pages_remote, from mm/gup.c)
 * and get_locked_pte; put_page (Linux mm/swap.c __put_page).
 *
 * Differences: no mmu_gather batching. Linux collects the pages and the
 * TLB range of an unmap and frees the pages after one flush; here each
 * range is flushed (flush_tlb_range) before its pages are freed, which is
 * the order that batching exists to guarantee.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <asm/pgtable.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include "mmap_internal.h"
#include "memory_internal.h"

/*
 * put_page - drop a reference (Linux put_page -> __put_page): the last
 * one clears what mapping the page had and gives it back to the buddy
 * allocator (whose free check wants exactly one reference left).
 */
void put_page(struct page *page)
{
	if (page->_refcount > 1) {
		page->_refcount--;
		return;
	}
	page->mapping = NULL;
	page->index = 0;
	page->_mapcount = -1;
	ClearPageUptodate(page);
	ClearPageDirty(page);
	ClearPageSwapBacked(page);
	ClearPageReferenced(page);
	__free_page(page);
}

/*
 * zap_pte_range - empty the PTEs of [addr, end) inside one PTE page (Linux
 * zap_pte_range): each page's RSS counter goes down, its mapping is
 * removed, a file page written through the PTE is marked dirty, and the
 * mapping's reference is dropped after the TLB flush.
 */
static void zap_pte_range(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr,
			  unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *start = pte_offset_map(pmd, addr), *ptep = start;
	struct page *freed[PTRS_PER_PTE];
	unsigned int nfreed = 0, i;
	unsigned long a;

	for (a = addr; a < end; a += PAGE_SIZE, ptep++) {
		pte_t pte = *ptep;
		struct page *page;

		if (pte_none(pte))
			continue;
		ptep_get_and_clear(mm, a, ptep);
		page = vm_normal_page(vma, a, pte);
		if (!page)
			continue;
		if (!PageAnon(page)) {
			if (pte_dirty(pte))
				SetPageDirty(page);
			/* Linux mark_page_accessed, its first step: the page-cache
			 * page remembers it was used (smaps' Referenced elsewhere). */
			if (pte_young(pte))
				SetPageReferenced(page);
		}
		dec_mm_counter(mm, mm_counter(page));
		page_remove_rmap(page, vma);
		freed[nfreed++] = page;
	}
	pte_unmap(start);
	flush_tlb_range(vma, addr, end);
	for (i = 0; i < nfreed; i++)
		put_page(freed[i]);
}

/* zap_page_range - unmap [start, start + size) of vma (Linux zap_page_range). */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long size)
{
	unsigned long end = start + size, next;

	for (; start < end; start = next) {
		pmd_t *pmd = pmd_offset_pgd(pgd_offset(vma->vm_mm, start));

		next = pgd_addr_end(start, end);
		if (!pmd_none(*pmd))
			zap_pte_range(vma, pmd, start, next);
	}
}

/*
 * free_pte_range - take a PTE page out of the pgd and free it (Linux
 * free_pte_range + ARM's __pte_free_tlb): the table walker may have cached
 * the L1 entries, so both MiBs are flushed before the page is reused.
 */
static void free_pte_range(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	struct page *page = pmd_page(*pmd);
	struct vm_area_struct fake = { .vm_mm = mm };

	pmd_clear(pmd);
	flush_tlb_range(&fake, addr, addr + PMD_SIZE);
	pte_free(mm, page);
	mm->pgtables_bytes -= PTRS_PER_PTE * sizeof(pte_t);
}

/*
 * free_pgd_range - free the PTE pages of [addr, end) that no VMA outside
 * [floor, ceiling) still uses (Linux free_pgd_range): a 2 MiB pmd is freed
 * only if it lies wholly above floor and below ceiling (0: the top).
 */
void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end,
		    unsigned long floor, unsigned long ceiling)
{
	addr &= PMD_MASK;
	if (addr < floor) {
		addr += PMD_SIZE;
		if (!addr)
			return;
	}
	if (ceiling) {
		ceiling &= PMD_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		end -= PMD_SIZE;
	if (addr > end - 1)
		return;
	for (; addr < end; addr += PMD_SIZE) {
		pmd_t *pmd = pmd_offset_pgd(pgd_offset(mm, addr));

		if (addr >= TASK_SIZE)
			break;
		if (!pmd_none(*pmd))
			free_pte_range(mm, pmd, addr);
		if (addr + PMD_SIZE < addr)
			break;
	}
}

/* free_pgtables - the tables of vma's range (Linux free_pgtables, one VMA). */
void free_pgtables(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long floor,
		   unsigned long ceiling)
{
	free_pgd_range(mm, vma->vm_start, vma->vm_end, floor, ceiling);
}

/* get_locked_pte - addr's PTE, its PTE page made if needed; pte_unmap it. NULL: no memory. */
pte_t *get_locked_pte(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = pmd_offset_pgd(pgd_offset(mm, addr));

	if (__pte_alloc(mm, pmd))
		return NULL;
	return pte_offset_map(pmd, addr);
}

/*
 * The page at addr if its PTE already allows the access (Linux
 * follow_page_mask): present, and writable for a write (or, with
 * FOLL_FORCE on a read-only private mapping, already a private anon copy).
 */
static struct page *follow_page(struct vm_area_struct *vma, unsigned long addr,
				unsigned int gup_flags)
{
	pmd_t *pmd = pmd_offset_pgd(pgd_offset(vma->vm_mm, addr));
	struct page *page = NULL;
	pte_t *ptep, pte;

	if (pmd_none(*pmd))
		return NULL;
	ptep = pte_offset_map(pmd, addr);
	pte = *ptep;
	pte_unmap(ptep);
	if (!pte_present(pte))
		return NULL;
	if ((gup_flags & FOLL_WRITE) && !pte_write(pte) &&
	    !((gup_flags & FOLL_FORCE) && pte_dirty(pte)))
		return NULL;
	page = vm_normal_page(vma, addr, pte);
	if (!page && !(gup_flags & FOLL_WRITE))
		page = ZERO_PAGE(addr);
	return page;
}

/*
 * get_user_pages_remote - fault in and reference nr_pages pages of mm
 * from start (Linux __get_user_pages): a page not yet mapped (or not
 * writable for FOLL_WRITE) is faulted in through handle_mm_fault with
 * regs NULL, so the faults are counted as Linux counts GUP's. FOLL_FORCE
 * lets the kernel write into a private mapping without VM_WRITE (a COW
 * copy, as ptrace and exec's argument copy do).
 * Return: pages taken, or -EFAULT / -ENOMEM if none could be.
 */
long get_user_pages_remote(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages)
{
	unsigned int fault_flags = FAULT_FLAG_REMOTE;
	long i;

	if (gup_flags & FOLL_WRITE)
		fault_flags |= FAULT_FLAG_WRITE;
	start &= PAGE_MASK;
	for (i = 0; i < (long)nr_pages; i++, start += PAGE_SIZE) {
		struct vm_area_struct *vma = find_vma(mm, start);
		struct page *page;
		vm_fault_t ret;
		int tries;

		if (vma && start < vma->vm_start && (vma->vm_flags & VM_GROWSDOWN))
			expand_stack(vma, start);
		if (!vma || start < vma->vm_start)
			return i ? i : -EFAULT;
		if ((gup_flags & FOLL_WRITE) ? !(vma->vm_flags & (VM_WRITE | VM_MAYWRITE)) ||
		    (!(vma->vm_flags & VM_WRITE) && !(gup_flags & FOLL_FORCE)) :
		    !(vma->vm_flags & (VM_READ | VM_MAYREAD)))
			return i ? i : -EFAULT;
		for (tries = 0; !(page = follow_page(vma, start, gup_flags)); tries++) {
			if (tries == 2)
				return i ? i : -EFAULT;
			ret = handle_mm_fault(vma, start, fault_flags, NULL);
			if (ret & VM_FAULT_ERROR)
				return i ? i : (ret & VM_FAULT_OOM ? -ENOMEM : -EFAULT);
		}
		get_page(page);
		if (pages)
			pages[i] = page;
	}
	return i;
}
