/*
 * mm/memory_fork.c - fork's part of Linux's mm/memory.c: copy_page_range
 * and the functions under it (vma_needs_copy, copy_pte_range,
 * copy_present_pte, add_mm_rss_vec). Its caller is dup_mmap
 * (kernel/fork.c), once per VMA of the parent.
 *
 * What fork does to a present PTE (Linux 6.1 copy_present_pte):
 *
 *   parent PTE                       child PTE
 *   ----------                       ---------
 *   anon page, private writable:     same pfn, read-only, old
 *     made read-only too             (the page: mapcount +1, refcount +1)
 *     (ptep_set_wrprotect)
 *   file page (text, [sigpage]):     same pfn, old (mapcount +1, refcount +1)
 *     unchanged
 *   the zero page: unchanged         the zero page, old (no counts: special)
 *
 * The first write on either side to a page left read-only then faults into
 * do_wp_page (mm/memory.c): it copies the page while both map it, and
 * reuses it once the writer is its only holder. The child's PTEs are old
 * (pte_mkold), so on ARM its first access to each page is a young fault
 * (the hardware entry of an old PTE is 0, pte-v7.c), as under Linux.
 *
 * Which VMAs are copied at all (vma_needs_copy): those that ever had an
 * anonymous page (vma->anon_vma) and the pfn maps; for the rest (text,
 * read-only data never written, special mappings) the child takes faults
 * instead, which is cheaper than copying PTEs nobody may touch.
 *
 * Differences: no swap or migration entries (nothing but present PTEs
 * exist here), no pinned-page copy at fork (page_needs_cow_for_dma: no
 * GUP pins), no userfaultfd-wp, no huge pages, no locks or mmu notifiers.
 * The parent's TLB is flushed once after all VMAs (dup_mmap's
 * flush_tlb_mm), as Linux does.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <asm/pgtable.h>
#include <asm/pgalloc.h>
#include "memory_internal.h"

/* Linux vma_needs_copy: must the child get the PTEs, or can it fault them in? */
static bool vma_needs_copy(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	(void)dst_vma;          /* userfaultfd_wp(dst_vma): no userfaultfd */
	if (src_vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP))
		return true;
	return src_vma->anon_vma != NULL;
}

/*
 * copy_present_pte - one present PTE from src into dst (Linux 6.1
 * copy_present_pte). rss[] counts what the child maps, by mm_counter.
 * A COW mapping's writable PTE becomes read-only on both sides; the child's
 * is old, and clean in a shared mapping (the parent's PTE keeps the dirt).
 */
static void copy_present_pte(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			     pte_t *dst_pte, pte_t *src_pte, unsigned long addr, int *rss)
{
	struct mm_struct *src_mm = src_vma->vm_mm;
	unsigned long vm_flags = src_vma->vm_flags;
	pte_t pte = *src_pte;
	struct page *page = vm_normal_page(src_vma, addr, pte);

	if (page && PageAnon(page)) {
		get_page(page);
		page_try_dup_anon_rmap(page, src_vma);
		rss[MM_ANONPAGES]++;
	} else if (page) {
		get_page(page);
		page_dup_file_rmap(page);
		rss[mm_counter_file(page)]++;
	}
	if (is_cow_mapping(vm_flags) && pte_write(pte)) {
		ptep_set_wrprotect(src_mm, addr, src_pte);
		pte = pte_wrprotect(pte);
	}
	if (vm_flags & VM_SHARED)
		pte = pte_mkclean(pte);
	pte = pte_mkold(pte);
	set_pte_at(dst_vma->vm_mm, addr, dst_pte, pte);
}

/* Linux add_mm_rss_vec: the child's RSS counters, all at once. */
static void add_mm_rss_vec(struct mm_struct *mm, const int *rss)
{
	int i;

	for (i = 0; i < NR_MM_COUNTERS; i++)
		if (rss[i])
			add_mm_counter(mm, i, rss[i]);
}

/*
 * copy_pte_range - the PTEs of [addr, end), inside one PTE page (Linux
 * copy_pte_range): the child's PTE page is made on demand. Both PTE pages
 * may be in HighMem, so both are kmap_local'ed, and let go in reverse.
 * Return: 0 or -ENOMEM.
 */
static int copy_pte_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			  pmd_t *dst_pmd, pmd_t *src_pmd, unsigned long addr, unsigned long end)
{
	int rss[NR_MM_COUNTERS] = { 0 };
	pte_t *src_start, *dst_start, *src_pte, *dst_pte;

	if (__pte_alloc(dst_vma->vm_mm, dst_pmd))
		return -ENOMEM;
	src_start = src_pte = pte_offset_map(src_pmd, addr);
	dst_start = dst_pte = pte_offset_map(dst_pmd, addr);
	for (; addr != end; addr += PAGE_SIZE, src_pte++, dst_pte++) {
		if (pte_none(*src_pte))
			continue;
		if (!pte_present(*src_pte))     /* copy_nonpresent_pte: no swap here */
			panic("copy_pte_range: non-present PTE %08lx at %08lx",
			      (unsigned long)pte_val(*src_pte), addr);
		copy_present_pte(dst_vma, src_vma, dst_pte, src_pte, addr, rss);
	}
	pte_unmap(dst_start);
	pte_unmap(src_start);
	add_mm_rss_vec(dst_vma->vm_mm, rss);
	return 0;
}

/**
 * copy_page_range - give dst_vma (the child's copy of src_vma) its PTEs
 * @dst_vma: the new VMA, in the child's mm, same range and flags
 * @src_vma: the parent's VMA
 *
 * Linux copy_page_range with the p4d/pud/pmd levels folded: one 2 MiB pmd
 * at a time, skipping those without a PTE page. VMAs that need no copy
 * (vma_needs_copy) are left to the child's faults.
 * Return: 0, or -ENOMEM (the fork fails; the child's mm is torn down).
 */
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	unsigned long addr = src_vma->vm_start, end = src_vma->vm_end, next;
	struct mm_struct *dst_mm = dst_vma->vm_mm, *src_mm = src_vma->vm_mm;

	if (!vma_needs_copy(dst_vma, src_vma))
		return 0;
	do {
		pmd_t *src_pmd = pmd_offset_pgd(pgd_offset(src_mm, addr));
		pmd_t *dst_pmd = pmd_offset_pgd(pgd_offset(dst_mm, addr));

		next = pgd_addr_end(addr, end);
		if (pmd_none(*src_pmd))
			continue;
		if (copy_pte_range(dst_vma, src_vma, dst_pmd, src_pmd, addr, next))
			return -ENOMEM;
	} while (addr = next, addr != end);
	return 0;
}
