/*
 * mm/rmap.c - what a user page records about its mappings.
 * Linux: mm/rmap.c (page_add_new_anon_rmap, page_add_file_rmap,
 * page_remove_rmap), reduced to the counts: _mapcount (mappings - 1) and
 * ->mapping. Linux's reverse map (anon_vma chains, the file's i_mmap tree)
 * exists to find every PTE of a page for reclaim and migration; armmm has
 * neither, so a page only needs to say how often and as what it is mapped
 * (page_mapcount for smaps' Pss and Shared_*, PageAnon for the RSS type).
 * What is left of the anon_vma is the VMA's mark that it has anonymous
 * pages (linux/mm_types.h struct anon_vma), which fork reads.
 *
 * Fork adds mappings to pages that are mapped already (Linux 6.1
 * page_try_dup_anon_rmap, page_dup_file_rmap): the mapcount rises by one,
 * and the page's reference for the new PTE is the caller's get_page.
 */
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>

/*
 * anon_vma_prepare - give vma its anon_vma before its first anonymous page
 * (Linux anon_vma_prepare -> __anon_vma_prepare; Linux first tries to share
 * a mergeable neighbour's, which only matters for the rmap walk armmm has
 * not got). Return: 0, or -ENOMEM (the fault becomes VM_FAULT_OOM).
 */
int anon_vma_prepare(struct vm_area_struct *vma)
{
	struct anon_vma *anon_vma;

	if (vma->anon_vma)
		return 0;
	anon_vma = kzalloc(sizeof(*anon_vma), GFP_KERNEL);
	if (!anon_vma)
		return -ENOMEM;
	list_add_tail(&anon_vma->mm_list, &vma->vm_mm->anon_vma_list);
	vma->anon_vma = anon_vma;
	return 0;
}

/*
 * anon_vma_fork - the child's copy of pvma (vma) gets an anon_vma of its
 * own when pvma has one (Linux anon_vma_fork, which also links it below
 * the parent's for the rmap walk). Return: 0 or -ENOMEM.
 */
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma)
{
	vma->anon_vma = NULL;
	if (!pvma->anon_vma)
		return 0;
	return anon_vma_prepare(vma);
}

/* The last of an mm's anon_vmas, once no VMA is left (armmm; Linux drops
 * one reference per VMA in unlink_anon_vmas). */
void free_anon_vmas(struct mm_struct *mm)
{
	struct anon_vma *av, *tmp;

	list_for_each_entry_safe(av, tmp, &mm->anon_vma_list, mm_list) {
		list_del(&av->mm_list);
		kfree(av);
	}
}

/*
 * page_try_dup_anon_rmap - fork maps an anonymous page a second time
 * (Linux 6.1): the page is no longer exclusive to the parent, so a write
 * on either side must copy (do_wp_page). Linux refuses (-EBUSY: copy at
 * fork) a page pinned for DMA; nothing pins pages here. Return: 0.
 */
int page_try_dup_anon_rmap(struct page *page, struct vm_area_struct *src_vma)
{
	(void)src_vma;
	page->_mapcount++;
	return 0;
}

/* page_dup_file_rmap - fork maps a page-cache (or special) page once more. */
void page_dup_file_rmap(struct page *page)
{
	page->_mapcount++;
}

/*
 * A page just made for one private mapping (a fault's new or copied page):
 * mapped once, anonymous, swap-backed as Linux marks every anon page, its
 * index the address's offset in the VMA's "anonymous file" (vm_pgoff).
 */
void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma,
			    unsigned long address)
{
	page->_mapcount = 0;
	page->mapping = (struct address_space *)PAGE_MAPPING_ANON;
	page->index = linear_page_index(vma, address);
	SetPageSwapBacked(page);
}

/* One more PTE maps a page-cache (or special-mapping) page. */
void page_add_file_rmap(struct page *page, struct vm_area_struct *vma)
{
	(void)vma;
	page->_mapcount++;
}

/* One PTE fewer. An anonymous page stays anonymous until freed (Linux too). */
void page_remove_rmap(struct page *page, struct vm_area_struct *vma)
{
	(void)vma;
	page->_mapcount--;
}
