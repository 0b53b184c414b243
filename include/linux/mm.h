/*
 * linux/mm.h - pages and page frame numbers (Linux: include/linux/mm.h,
 * include/asm-generic/memory_model.h for FLATMEM).
 *
 *   pfn = physical address >> PAGE_SHIFT
 *
 *   mem_map[0]            mem_map[i]                  mem_map[max_pfn - ARCH_PFN_OFFSET - 1]
 *   +--------+--  ...  --+--------+--  ...  --+--------+
 *   | page   |           | page   |           | page   |
 *   +--------+--  ...  --+--------+--  ...  --+--------+
 *    pfn = ARCH_PFN_OFFSET  pfn = ARCH_PFN_OFFSET + i
 *
 * ARCH_PFN_OFFSET (asm/memory.h) is PHYS_PFN_OFFSET = __pv_phys_pfn_offset,
 * found by head.S.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>
#include <linux/gfp.h>
#include <asm/memory.h>

extern struct page *mem_map;
extern unsigned long max_low_pfn, max_pfn, min_low_pfn;
extern unsigned long totalreserve_pages;

#define pfn_to_page(pfn)        (mem_map + ((pfn) - ARCH_PFN_OFFSET))
#define page_to_pfn(page)       ((unsigned long)((page) - mem_map) + ARCH_PFN_OFFSET)
#define PFN_PHYS(pfn)           ((phys_addr_t)(pfn) << PAGE_SHIFT)
#define PHYS_PFN(pa)            ((unsigned long)((pa) >> PAGE_SHIFT))
#define PFN_UP(x)               ((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_DOWN(x)             ((unsigned long)((x) >> PAGE_SHIFT))
#define page_to_phys(page)      PFN_PHYS(page_to_pfn(page))
/* Pages to KiB, for every report that prints kB. */
#define K(pages) ((pages) << (PAGE_SHIFT - 10))
#define virt_to_page(kaddr)     pfn_to_page(virt_to_pfn(kaddr))

/* Is there a struct page for pfn? (FLATMEM: inside mem_map.) */
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= ARCH_PFN_OFFSET && pfn < max_pfn;
}

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags &= ~(ZONES_MASK << ZONES_PGSHIFT);
	page->flags |= (unsigned long)zone << ZONES_PGSHIFT;
}

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(0)->node_zones[page_zonenum(page)];
}

static inline bool PageHighMem(const struct page *page)
{
	return is_highmem_idx(page_zonenum(page));
}

static inline int page_ref_count(const struct page *page)
{
	return page->_refcount;
}

static inline void set_page_count(struct page *page, int v)
{
	page->_refcount = v;
}

/* A lowmem page's address in the linear map. */
static inline void *lowmem_page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

/* The page's kernel address: NULL for a HighMem page not kmap()ed now. */
void *page_address(const struct page *page);

/* Pages the buddy allocator manages, all zones / HighMem zones. */
unsigned long totalram_pages(void);
unsigned long totalhigh_pages(void);
unsigned long nr_free_pages(void);

/* mm/mm_init.c: boot-time hand-over from memblock (see the diagram there). */
void free_area_init(const unsigned long *max_zone_pfn);
unsigned long memblock_free_all(void);
void free_pages_memory(unsigned long start_pfn, unsigned long end_pfn);
unsigned long free_memblock_ranges(unsigned long lo_pfn, unsigned long hi_pfn);
void init_per_zone_wmark_min(void);
/* arch/arm/mm/init.c: memblock_free_all + HighMem + watermarks, then "Memory:" */
void mem_init(void);

/*
 * Linux 6.1's page_mapcount(): _mapcount + 1, where _mapcount is the word
 * page_type shares (-1, so 0, for a page nobody maps). We have no user
 * mappings yet, so that word only ever holds page_type; a buddy page
 * prints its type word + 1, as on Linux 6.1 (whose encoding gives -128).
 */
static inline int page_mapcount(const struct page *page)
{
	return (int)page->page_type + 1;
}

/* mm/page_alloc.c: what a struct page holds, in Linux's format (Linux: mm/debug.c). */
void dump_page(struct page *page, const char *reason);

/* A compound page's order (0 for a single page). */
static inline unsigned int compound_order(struct page *page)
{
	return PageHead(page) ? page[1].compound_order : 0;
}

#endif
