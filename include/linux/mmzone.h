/*
 * linux/mmzone.h - nodes, zones and the buddy allocator's free lists
 * (Linux: include/linux/mmzone.h), for one node and FLATMEM.
 *
 *   contig_page_data (the one pglist_data)
 *   +-- node_zones[ZONE_NORMAL]   lowmem: PHYS_OFFSET .. arm_lowmem_limit
 *   |     free_area[0]  free_list[Unmovable] <-> page <-> page ...  (1 page)
 *   |     free_area[1]  free_list[Movable]   <-> page ...           (2 pages)
 *   |     ...
 *   |     free_area[10] ...                                         (1024 pages)
 *   |     per_cpu_pageset -> the CPU's struct per_cpu_pages (below):
 *   |           lists[MIGRATE_PCPTYPES * order + mt], orders 0-3: free
 *   |           pages kept off the free lists, count/high/batch
 *   +-- node_zones[ZONE_HIGHMEM]  arm_lowmem_limit .. end of RAM (no linear map)
 *   +-- node_zones[ZONE_MOVABLE]  always empty here (Linux lists it anyway)
 *
 * Debian's armmp kernel also has CONFIG_ZONE_DMA and, as these boards set
 * no arm_dma_zone_size, puts all lowmem in ZONE_DMA and leaves Normal
 * empty. We build without ZONE_DMA (no device here needs a DMA limit), so
 * lowmem is ZONE_NORMAL, as on an ARM kernel built without it;
 * scripts/compare-dumps names the difference.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mm_types.h>

/* Orders 0 .. MAX_ORDER-1: blocks of 4 KiB .. 4 MiB (Linux 6.1's meaning). */
#define MAX_ORDER               11
#define MAX_ORDER_NR_PAGES      (1UL << (MAX_ORDER - 1))
/* Without hugetlb, a pageblock is the largest buddy block (Linux 6.1). */
#define pageblock_order         (MAX_ORDER - 1)
#define pageblock_nr_pages      (1UL << pageblock_order)

/*
 * Mobility groups. Only the first three have pages here; HighAtomic, CMA
 * and Isolate exist so the dumps list the same types as Linux 6.1 with
 * CONFIG_CMA and CONFIG_MEMORY_ISOLATION.
 */
enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_MOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_PCPTYPES,       /* the types a caller can ask for */
	MIGRATE_HIGHATOMIC = MIGRATE_PCPTYPES,
	MIGRATE_CMA,
	MIGRATE_ISOLATE,
	MIGRATE_TYPES
};
extern const char * const migratetype_names[MIGRATE_TYPES];
/*
 * Set by free_area_init when the node has fewer pages than a pageblock per
 * migratetype: grouping by mobility could not keep the types apart, so
 * every request is treated as unmovable and may take any pageblock
 * (Linux: build_all_zonelists).
 */
extern int page_group_by_mobility_disabled;

struct free_area {
	struct list_head free_list[MIGRATE_TYPES];
	unsigned long nr_free;          /* blocks of this order, all types */
};

/*
 * Requests above this order are "costly": they bypass the per-CPU lists
 * and go to the free lists, and Linux's reclaim gives up on them sooner.
 */
#define PAGE_ALLOC_COSTLY_ORDER 3

/*
 * The per-CPU page lists (Linux 6.1 struct per_cpu_pages): free pages of
 * orders 0 .. PAGE_ALLOC_COSTLY_ORDER that one CPU keeps for itself, so
 * that most allocations and frees touch neither the zone's free lists nor
 * its lock. A page on them is free but not in free_area[]: not PageBuddy,
 * not merged, not counted in NR_FREE_PAGES or /proc/buddyinfo (Linux's
 * "free_pcp" in show_mem, "count" in /proc/zoneinfo's pagesets).
 *
 *   lists[pindex], pindex = MIGRATE_PCPTYPES * order + migratetype:
 *     [0] order 0 Unmovable  [1] order 0 Movable  [2] order 0 Reclaimable
 *     [3] order 1 Unmovable  ...                  [11] order 3 Reclaimable
 *   allocate: first page of its list; an empty list is refilled with
 *             `batch` blocks (batch >> order, at least 2) from the free lists
 *   free:     to the head of its list; count >= high -> the oldest go back
 *             (free_pcppages_bulk), leaving at least `batch`
 *
 * Linux 6.1 also has a spinlock (pcp->lock; one CPU here, so masking IRQs,
 * what its pcp_spin_lock comes to on a uniprocessor, is the whole lock),
 * NUMA's `expire`, and with CONFIG_TRANSPARENT_HUGEPAGE one more list per
 * type for pageblock-order pages (NR_PCP_THP: Debian's non-LPAE armmp has
 * no THP, so 12 lists, as here).
 */
#define NR_PCP_LISTS            (MIGRATE_PCPTYPES * (PAGE_ALLOC_COSTLY_ORDER + 1))

struct per_cpu_pages {
	/* first: &lists[pindex] is then the pageset's address plus 8 * pindex */
	struct list_head lists[NR_PCP_LISTS];   /* of page->lru, newest first */
	int count;              /* pages on all the lists (an order-k block counts 2^k) */
	int high;               /* count reaching this spills to the free lists */
	int batch;              /* pages moved to or from the free lists at once */
	short free_factor;      /* frees in a row with no allocation: each doubles the spill */
};

enum zone_type {
	ZONE_NORMAL,            /* lowmem: always mapped at __va() */
	ZONE_HIGHMEM,           /* above arm_lowmem_limit: only through kmap */
	ZONE_MOVABLE,           /* empty (no movablecore=/kernelcore=) */
	__MAX_NR_ZONES
};
#define MAX_NR_ZONES __MAX_NR_ZONES

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

/* Per-zone counters (Linux 6.1's list, in its order, for /proc/zoneinfo). */
enum zone_stat_item {
	NR_FREE_PAGES,
	NR_ZONE_INACTIVE_ANON,
	NR_ZONE_ACTIVE_ANON,
	NR_ZONE_INACTIVE_FILE,
	NR_ZONE_ACTIVE_FILE,
	NR_ZONE_UNEVICTABLE,
	NR_ZONE_WRITE_PENDING,
	NR_MLOCK,
	NR_BOUNCE,
	NR_ZSPAGES,
	NR_FREE_CMA_PAGES,
	NR_VM_ZONE_STAT_ITEMS
};

/*
 * Per-node counters we keep (Linux 6.1 has 41; mm/vmstat.c prints all of
 * their names, with 0 for the ones we do not have). Slab counts are in
 * bytes, kernel stacks in KiB, as in Linux.
 */
enum node_stat_item {
	NR_SLAB_RECLAIMABLE_B,
	NR_SLAB_UNRECLAIMABLE_B,
	NR_KERNEL_STACK_KB,
	NR_PAGETABLE,
	NR_VM_NODE_STAT_ITEMS
};

struct pglist_data;

struct zone {
	/* pages a request that could use a higher zone j must leave here; first,
	 * so that the allocation fast path indexes it without an add */
	long lowmem_reserve[MAX_NR_ZONES];
	unsigned long _watermark[NR_WMARK];     /* pages; see setup_per_zone_wmarks */
	unsigned long watermark_boost;          /* always 0 (no compaction) */
	struct pglist_data *zone_pgdat;
	unsigned char *pageblock_flags;         /* migratetype per pageblock */
	/* (unsigned long)&struct page of ALIGN_DOWN(zone_start_pfn, pageblock_nr_pages):
	 * pageblock_flags[(page address - pageblock_base) / (32 << pageblock_order)]
	 * is page's (mm/page_alloc.c pageblock_index) */
	unsigned long pageblock_base;
	unsigned long zone_start_pfn;
	unsigned long managed_pages;            /* given to the buddy allocator */
	unsigned long spanned_pages;            /* end pfn - start pfn */
	unsigned long present_pages;            /* spanned minus holes */
	const char *name;
	/*
	 * The per-CPU lists: the zone's own pageset once setup_per_cpu_pageset
	 * ran, the shared boot pageset (high 0, batch 1: every free goes
	 * straight through) before it. pageset_high/batch are what
	 * zone_set_pageset_high_and_batch last computed.
	 */
	struct per_cpu_pages *per_cpu_pageset;
	int pageset_high;
	int pageset_batch;
	struct free_area free_area[MAX_ORDER];
	unsigned long vm_stat[NR_VM_ZONE_STAT_ITEMS];
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	int nr_zones;                   /* highest populated zone + 1 */
	int node_id;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	unsigned long vm_stat[NR_VM_NODE_STAT_ITEMS];
} pg_data_t;

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid)          (&contig_page_data)
/* One node (no NUMA): Linux's nr_online_nodes, the zonelists it builds. */
#define nr_online_nodes         1

#define min_wmark_pages(z)      ((z)->_watermark[WMARK_MIN] + (z)->watermark_boost)
#define low_wmark_pages(z)      ((z)->_watermark[WMARK_LOW] + (z)->watermark_boost)
#define high_wmark_pages(z)     ((z)->_watermark[WMARK_HIGH] + (z)->watermark_boost)

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline enum zone_type zone_idx(const struct zone *zone)
{
	return (enum zone_type)(zone - zone->zone_pgdat->node_zones);
}

static inline bool is_highmem_idx(enum zone_type idx)
{
	return idx == ZONE_HIGHMEM;
}

static inline bool is_highmem(const struct zone *zone)
{
	return is_highmem_idx(zone_idx(zone));
}

static inline unsigned long zone_page_state(const struct zone *zone, enum zone_stat_item i)
{
	return zone->vm_stat[i];
}

#define for_each_zone(zone) \
	for (zone = contig_page_data.node_zones; \
	     zone < contig_page_data.node_zones + MAX_NR_ZONES; zone++)
#define for_each_populated_zone(zone) \
	for_each_zone(zone) if (!populated_zone(zone)) ; else

#endif
