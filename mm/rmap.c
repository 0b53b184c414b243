/*
 * mm/rmap.c - what a user page records about its mappings.
 * Linux: mm/rmap.c (page_add_new_anon_rmap, page_add_file_rmap,
 * page_remove_rmap), reduced to the counts: _mapcount (mappings - 1) and
 * ->mapping. Linux's reverse map (anon_vma chains, the file's i_mmap tree)
 * exists to find every PTE of a page for reclaim and migration; armmm has
 * neither, so a page only needs to say how often and as what it is mapped
 * (page_mapcount for smaps' Pss and Shared_*, PageAnon for the RSS type).
 */
#include <linux/mm.h>

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
