/*
 * arch/arm/mm/pgd.c - a process's first-level table and its PTE pages.
 * Linux: arch/arm/mm/pgd.c (pgd_alloc, pgd_free), arch/arm/include/asm/
 * pgalloc.h (pte_alloc_one with CONFIG_HIGHPTE), pgtable.h (__pte_map),
 * mm/pgtable-generic.c (ptep_set_access_flags, ptep_clear_flush_young,
 * ptep_clear_flush).
 *
 *   pgd (16 KiB, order 2, lowmem)          one PTE page (maybe HighMem)
 *   [0    .. 1527]  user: zeroed,          +0x000 Linux PTEs   (pte_offset_map
 *                   filled by faults  -->  +0x800 hardware PTEs  kmaps it)
 *   [1528 .. 2047]  kernel: a copy of
 *                   swapper_pg_dir's entries at 0xbf000000 and up
 *
 * The kernel half is copied once; a kernel mapping added to swapper_pg_dir
 * later (vmalloc) reaches this table through do_translation_fault
 * (fault.c), as in Linux. Differences: Linux (no LPAE, high vectors) has
 * nothing else to do.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <string.h>
#include <linux/highmem.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include <asm/cacheflush.h>

#define PGD_ORDER 2     /* 16 KiB: 4096 L1 words */

/**
 * pgd_alloc - a new first-level table for mm
 * @mm: the address space it is for (unused, as in Linux)
 *
 * Return: the table (lowmem, 16 KiB aligned as TTBR0 requires), user half
 * empty, kernel half as swapper_pg_dir's, cleaned to where the table walker
 * reads it; NULL when out of memory.
 */
pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *new_pgd = (pgd_t *)__get_free_pages(GFP_KERNEL, PGD_ORDER);

	(void)mm;
	if (!new_pgd)
		return NULL;
	memset(new_pgd, 0, USER_PTRS_PER_PGD * sizeof(pgd_t));
	memcpy(new_pgd + USER_PTRS_PER_PGD, swapper_pg_dir + USER_PTRS_PER_PGD,
	       (PTRS_PER_PGD - USER_PTRS_PER_PGD) * sizeof(pgd_t));
	clean_dcache_area(new_pgd, PTRS_PER_PGD * sizeof(pgd_t));
	return new_pgd;
}

/*
 * pgd_free - give the table back (Linux pgd_free). free_pgtables has
 * freed every PTE page but the first 2 MiB's: its floor is
 * FIRST_USER_ADDRESS (8 KiB), so free_pgd_range never frees pmd 0 (on a
 * CPU with low vectors that table holds the vectors page). Linux frees it
 * here, and so does armmm.
 */
void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	pmd_t *pmd = pmd_offset_pgd(pgd + pgd_index(0));

	if (!pmd_none(*pmd) && !pmd_bad(*pmd)) {
		struct page *pte = pmd_page(*pmd);

		pmd_clear(pmd);
		pte_free(mm, pte);
		mm->pgtables_bytes -= PTRS_PER_PTE * sizeof(pte_t);
	}
	free_pages((unsigned long)pgd, PGD_ORDER);
}

/**
 * pte_alloc_one - a user PTE page (Linux pte_alloc_one, CONFIG_HIGHPTE)
 * @mm: whose (unused)
 *
 * GFP_PGTABLE_USER with __GFP_HIGHMEM: the page may be in HighMem, zeroed
 * by the allocator through a kmap. Linux cleans the hardware half only for
 * a lowmem page; here it is cleaned through a kmap_local mapping for a
 * HighMem page too, so a uniprocessor's table walker (which does not read
 * the data cache) never sees stale lines. Return: the page, or NULL.
 */
struct page *pte_alloc_one(struct mm_struct *mm)
{
	struct page *page = alloc_page(GFP_PGTABLE_USER);
	void *p;

	(void)mm;
	if (!page)
		return NULL;
	p = kmap_local_page(page);
	clean_dcache_area((char *)p + PTE_HWTABLE_OFF, PTE_HWTABLE_SIZE);
	kunmap_local(p);
	/* Linux pgtable_pte_page_ctor: /proc/meminfo's PageTables counts user PTE pages */
	NODE_DATA(0)->vm_stat[NR_PAGETABLE]++;
	return page;
}

void pte_free(struct mm_struct *mm, struct page *pte_page)
{
	(void)mm;
	NODE_DATA(0)->vm_stat[NR_PAGETABLE]--;          /* pgtable_pte_page_dtor */
	__free_page(pte_page);
}

/*
 * pte_offset_map - addr's Linux PTE in the PTE page of *pmd, mapped with
 * kmap_local (a lowmem page just returns its linear address, as kmap_local
 * does). The hardware half is 2048 bytes on, inside the same mapping.
 */
pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr)
{
	pte_t *base = kmap_local_page(pmd_page(*pmd));

	return base + pte_index(addr);
}

void pte_unmap(pte_t *ptep)
{
	kunmap_local((void *)((unsigned long)ptep & PAGE_MASK));
}

/*
 * ptep_set_access_flags - store a young/dirty/writable-er version of a
 * present PTE (Linux mm/pgtable-generic.c): only if it changed, and then
 * flush the stale translation (flush_tlb_fix_spurious_fault, which is
 * flush_tlb_page on ARM). Return: 1 if the PTE changed.
 */
int ptep_set_access_flags(struct vm_area_struct *vma, unsigned long address, pte_t *ptep,
			  pte_t entry, int dirty)
{
	int changed = !pte_same(*ptep, entry);

	(void)dirty;
	if (changed) {
		set_pte_at(vma->vm_mm, address, ptep, entry);
		flush_tlb_fix_spurious_fault(vma, address);
	}
	return changed;
}

/*
 * ptep_test_and_clear_young - make a PTE old (Linux's generic one, which
 * ARM uses): the hardware entry becomes 0 (pte-v7.c), so the next access
 * faults and handle_pte_fault makes it young again. Return: was it young.
 * No TLB flush here: the caller decides (clear_refs flushes the mm).
 */
int ptep_test_and_clear_young(struct vm_area_struct *vma, unsigned long address, pte_t *ptep)
{
	pte_t pte = *ptep;

	if (!pte_young(pte))
		return 0;
	set_pte_at(vma->vm_mm, address, ptep, pte_mkold(pte));
	return 1;
}

/* The same, then the TLB entry goes too (Linux ptep_clear_flush_young). */
int ptep_clear_flush_young(struct vm_area_struct *vma, unsigned long address, pte_t *ptep)
{
	int young = ptep_test_and_clear_young(vma, address, ptep);

	if (young)
		flush_tlb_page(vma, address);
	return young;
}

/* Empty a PTE and flush its translation if the MMU may hold it (Linux ptep_clear_flush). */
pte_t ptep_clear_flush(struct vm_area_struct *vma, unsigned long address, pte_t *ptep)
{
	pte_t pte = ptep_get_and_clear(vma->vm_mm, address, ptep);

	if (pte_accessible(vma->vm_mm, pte))
		flush_tlb_page(vma, address);
	return pte;
}
