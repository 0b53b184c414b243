/*
 * linux/gfp.h - "get free pages" flags and the page allocator's entry
 * points (Linux: include/linux/gfp_types.h, gfp.h). The bit values are
 * Linux 6.1's, so a mode printed as 0x%x reads the same.
 *
 *   bit  0 DMA  1 HIGHMEM  3 MOVABLE  4 RECLAIMABLE  5 HIGH  6 IO  7 FS
 *        8 ZERO 10 DIRECT_RECLAIM  11 KSWAPD_RECLAIM  13 NOWARN  18 COMP  20 HARDWALL
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/mmzone.h>

typedef unsigned int gfp_t;

#define __GFP_HIGHMEM           0x02u       /* may come from ZONE_HIGHMEM */
#define __GFP_MOVABLE           0x08u       /* mobility: movable ... */
#define __GFP_RECLAIMABLE       0x10u       /* ... or reclaimable (slab) */
#define __GFP_HIGH              0x20u       /* may dip below the min watermark */
#define __GFP_IO                0x40u
#define __GFP_FS                0x80u
#define __GFP_ZERO              0x100u      /* return zeroed memory */
#define __GFP_DIRECT_RECLAIM    0x400u
#define __GFP_KSWAPD_RECLAIM    0x800u
#define __GFP_NOWARN            0x2000u     /* no "page allocation failure" report */
#define __GFP_COMP              0x40000u    /* a compound page (head + tails) */
#define __GFP_HARDWALL          0x100000u
#define __GFP_RECLAIM           (__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)

#define GFP_ATOMIC              (__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_NOWAIT              (__GFP_KSWAPD_RECLAIM)
#define GFP_NOIO                (__GFP_RECLAIM)
#define GFP_NOFS                (__GFP_RECLAIM | __GFP_IO)
#define GFP_KERNEL              (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_USER                (__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_HIGHUSER            (GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE    (GFP_HIGHUSER | __GFP_MOVABLE)

#define GFP_MOVABLE_SHIFT       3
#define GFP_MOVABLE_MASK        (__GFP_RECLAIMABLE | __GFP_MOVABLE)

/* MOVABLE (0x08) -> 1, RECLAIMABLE (0x10) -> 2: the enum migratetype values;
 * every request is unmovable when mobility grouping is off (mmzone.h). */
static inline int gfp_migratetype(gfp_t gfp)
{
	if (unlikely(page_group_by_mobility_disabled))
		return MIGRATE_UNMOVABLE;
	return (int)((gfp & GFP_MOVABLE_MASK) >> GFP_MOVABLE_SHIFT);
}

/* The highest zone a request may use; it falls back to lower ones. */
static inline enum zone_type gfp_zone(gfp_t gfp)
{
	return (gfp & __GFP_HIGHMEM) ? ZONE_HIGHMEM : ZONE_NORMAL;
}

/* mm/page_alloc.c */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);

/* mm/page_alloc_pcp.c: the per-CPU page lists */
void setup_per_cpu_pageset(void);
void drain_local_pages(struct zone *zone);
void drain_all_pages(struct zone *zone);

#define alloc_page(gfp)         alloc_pages(gfp, 0)
#define __get_free_page(gfp)    __get_free_pages(gfp, 0)
#define __free_page(page)       __free_pages(page, 0)
#define free_page(addr)         free_pages(addr, 0)

#endif
