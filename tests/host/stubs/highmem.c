/*
 * host/stubs/highmem.c - what mm/highmem.c gives the page allocator and
 * the slab, for host builds that do not link mm/highmem.c (it needs real
 * page tables and TLB maintenance). Suites list it in SRCS (sources.mk).
 *
 * Lowmem pages have their linear-map address, as in the kernel. A HighMem
 * page has no mapping in the simulation, so page_address() is NULL (as for
 * a HighMem page nobody kmap()ed) and kmap_local_page() hands out a
 * scratch page: clear_highpage() (__GFP_ZERO) then writes there, never at
 * an address outside the simulated RAM.
 */
#include <linux/mm.h>

static unsigned char kmap_scratch[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

void *page_address(const struct page *page)
{
	return PageHighMem(page) ? NULL : lowmem_page_address(page);
}

void *kmap_local_page(struct page *page)
{
	return PageHighMem(page) ? (void *)kmap_scratch : lowmem_page_address(page);
}

void kunmap_local(void *addr)
{
	(void)addr;
}
