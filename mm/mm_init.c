/*
 * mm/mm_init.c - from memblock to the buddy allocator: mem_map, the zones
 * and their watermarks (Linux 6.1: mm/page_alloc.c free_area_init,
 * memmap_init, build_all_zonelists, init_per_zone_wmark_min;
 * mm/memblock.c memblock_free_all - moved here to keep memblock.c about
 * memblock only).
 *
 *   paging_init -> bootmem_init -> free_area_init   every struct page: reserved
 *   mem_init    -> memblock_free_all                free memblock ranges -> buddy
 *                                                   (__free_pages_core, page_alloc.c)
 *               -> free_highpages                   the same for HighMem
 *               -> init_per_zone_wmark_min          min/low/high, lowmem_reserve
 *
 * From free_area_init on, pfn_to_page() works; from memblock_free_all on,
 * alloc_pages() works and memblock must no longer allocate.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include "internal.h"

struct page *mem_map;
unsigned long max_low_pfn, max_pfn, min_low_pfn;
unsigned long totalreserve_pages;
int min_free_kbytes = 1024;

static const char * const zone_names[MAX_NR_ZONES] = {
	[ZONE_NORMAL] = "Normal", [ZONE_HIGHMEM] = "HighMem", [ZONE_MOVABLE] = "Movable",
};

/* Linux's sysctl_lowmem_reserve_ratio without ZONE_DMA: Normal 32, the rest none. */
static const int lowmem_reserve_ratio[MAX_NR_ZONES] = { [ZONE_NORMAL] = 32 };

#define WATERMARK_SCALE_FACTOR  10      /* 0.1% of a zone between watermarks */
#define SWAP_CLUSTER_MAX        32UL

/* Pages of memblock memory in [start_pfn, end_pfn): the zone's present pages. */
static unsigned long __init present_pages_in(unsigned long start_pfn, unsigned long end_pfn)
{
	phys_addr_t start, end;
	unsigned long sum = 0;
	u64 i;

	for_each_mem_range(i, &start, &end) {
		unsigned long s = max(PFN_UP(start), start_pfn);
		unsigned long e = min(PFN_DOWN(end), end_pfn);

		if (s < e)
			sum += e - s;
	}
	return sum;
}

static void __init print_mem_range(const char *prefix, unsigned long start_pfn,
				   unsigned long end_pfn)
{
	pr_info("%s[mem 0x%016llx-0x%016llx]\n", prefix, (u64)PFN_PHYS(start_pfn),
		(u64)PFN_PHYS(end_pfn) - 1);
}

/* The "Zone ranges:" ... "Initmem setup node 0" block Linux prints. */
static void __init print_zone_ranges(const unsigned long *max_zone_pfn)
{
	unsigned long start = min_low_pfn;
	phys_addr_t s, e;
	char prefix[24];
	u64 i;
	int z;

	pr_info("Zone ranges:\n");
	for (z = 0; z < ZONE_MOVABLE; z++) {
		snprintf(prefix, sizeof(prefix), "  %-8s ", zone_names[z]);
		if (start >= max_zone_pfn[z])
			pr_info("%sempty\n", prefix);
		else
			print_mem_range(prefix, start, max_zone_pfn[z]);
		start = max(start, max_zone_pfn[z]);
	}
	pr_info("Movable zone start for each node\n");
	pr_info("Early memory node ranges\n");
	for_each_mem_range(i, &s, &e)
		print_mem_range("  node   0: ", PFN_UP(s), PFN_DOWN(e));
	print_mem_range("Initmem setup node 0 ", min_low_pfn, max_pfn);
}

/*
 * Write n struct pages whole, each reserved, in zone z, with one reference
 * (Linux __init_single_page: mm_zero_struct_page, then the zone, the
 * count, PG_reserved from reserve_bootmem_region). One template copied
 * 32 bytes at a time (ldm/stm): mem_map is allocated raw, so this is the
 * only pass over it before memblock_free_all, and the cheapest one.
 */
static void __init init_reserved_pages(struct page *page, unsigned long n, enum zone_type z)
{
	struct page tmpl;
	unsigned long i;

	memset(&tmpl, 0, sizeof(tmpl));
	set_page_zone(&tmpl, z);
	SetPageReserved(&tmpl);
	tmpl.page_type = PAGE_TYPE_NONE;
	set_page_count(&tmpl, 1);
#pragma GCC unroll 4     /* the loop's own add/cmp/branch, once per 4 pages */
	for (i = 0; i < n; i++)
		page[i] = tmpl;
}

/* One zone's bookkeeping, all its pages reserved until memblock_free_all. */
static void __init zone_init(struct zone *zone, enum zone_type z,
			     unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long nblocks;
	unsigned int order;
	int mt;

	zone->name = zone_names[z];
	zone->zone_pgdat = NODE_DATA(0);
	zone->zone_start_pfn = start_pfn;
	zone->spanned_pages = end_pfn - start_pfn;
	zone->present_pages = present_pages_in(start_pfn, end_pfn);
	for (order = 0; order < MAX_ORDER; order++)
		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			INIT_LIST_HEAD(&zone->free_area[order].free_list[mt]);
	zone_pcp_init(zone);            /* the boot pageset until setup_per_cpu_pageset */
	if (!zone->spanned_pages)
		return;
	/* Linux marks every pageblock movable at boot: unmovable and
	 * reclaimable requests steal blocks as they need them. */
	nblocks = DIV_ROUND_UP(end_pfn - ALIGN_DOWN(start_pfn, pageblock_nr_pages),
			       pageblock_nr_pages);
	zone->pageblock_flags = memblock_alloc(nblocks, 1);
	if (!zone->pageblock_flags)
		panic("free_area_init: no memory for %s's %lu pageblock types", zone->name, nblocks);
	memset(zone->pageblock_flags, MIGRATE_MOVABLE, nblocks);
	/* unsigned arithmetic: the aligned pfn may lie below mem_map's first */
	zone->pageblock_base = (unsigned long)mem_map +
		(ALIGN_DOWN(start_pfn, pageblock_nr_pages) - ARCH_PFN_OFFSET) * sizeof(struct page);
	init_reserved_pages(pfn_to_page(start_pfn), end_pfn - start_pfn, z);
}

/**
 * free_area_init - mem_map and the zones
 * @max_zone_pfn: the end pfn of each zone (Normal: max_low_pfn, HighMem: max_pfn)
 *
 * Allocates mem_map from memblock (one struct page per pfn from
 * ARCH_PFN_OFFSET to max_pfn: FLATMEM) and sets up every zone with all its
 * pages reserved. Only used when booting.
 */
void __init free_area_init(const unsigned long *max_zone_pfn)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	unsigned long start = min_low_pfn, size, total = 0;
	int z;

	print_zone_ranges(max_zone_pfn);
	size = (max_pfn - ARCH_PFN_OFFSET) * sizeof(struct page);
	/* Not zeroed: zone_init writes every struct page of every zone whole,
	 * and the pages below the first zone (none on our boards) here. */
	mem_map = memblock_alloc_raw(size, PAGE_SIZE);
	if (!mem_map)
		panic("free_area_init: no memory for mem_map (%lu bytes)", size);
	if (min_low_pfn > ARCH_PFN_OFFSET)
		memset(mem_map, 0, (min_low_pfn - ARCH_PFN_OFFSET) * sizeof(struct page));
	pgdat->node_id = 0;
	pgdat->node_start_pfn = min_low_pfn;
	pgdat->node_spanned_pages = max_pfn - min_low_pfn;
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];
		unsigned long end = z < ZONE_MOVABLE ? max(start, max_zone_pfn[z]) : start;

		zone_init(zone, z, start, end);
		pgdat->node_present_pages += zone->present_pages;
		if (zone->present_pages)
			pgdat->nr_zones = z + 1;
		/* Linux's first estimate: present pages, minus mem_map's share in lowmem */
		total += zone->present_pages;
		if (!is_highmem_idx(z))
			total -= PFN_UP(zone->spanned_pages * sizeof(struct page));
		start = end;
	}
	/* Linux build_all_zonelists: one zonelist per node; no mobility
	 * grouping with fewer pages than a pageblock of every type. */
	page_group_by_mobility_disabled = total < pageblock_nr_pages * MIGRATE_TYPES;
	pr_info("Built %u zonelists, mobility grouping %s.  Total pages: %lu\n", nr_online_nodes,
		page_group_by_mobility_disabled ? "off" : "on", total);
}

/* Free [start, end) in the largest aligned blocks (Linux __free_pages_memory). */
void __init free_pages_memory(unsigned long start, unsigned long end)
{
	while (start < end) {
		unsigned int order = MAX_ORDER - 1;

		while (order && ((start & ((1UL << order) - 1)) || start + (1UL << order) > end))
			order--;
		__free_pages_core(pfn_to_page(start), order);
		start += 1UL << order;
	}
}

/**
 * free_memblock_ranges - hand memblock's free ranges in [lo_pfn, hi_pfn) to
 * the buddy allocator
 *
 * Free = memblock memory, minus reserved, minus NOMAP (Linux
 * __free_memory_core per range). Reserved pages stay PG_reserved.
 * Return: pages freed.
 */
unsigned long __init free_memblock_ranges(unsigned long lo_pfn, unsigned long hi_pfn)
{
	phys_addr_t start, end;
	unsigned long count = 0;
	u64 i;

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		unsigned long s = max(PFN_UP(start), lo_pfn), e = min(PFN_DOWN(end), hi_pfn);

		if (s < e) {
			free_pages_memory(s, e);
			count += e - s;
		}
	}
	return count;
}

/**
 * memblock_free_all - release every free lowmem range to the buddy allocator
 *
 * HighMem is the architecture's (free_highpages). Return: pages freed.
 */
unsigned long __init memblock_free_all(void)
{
	return free_memblock_ranges(0, max_low_pfn);
}

/* ---- watermarks (Linux: init_per_zone_wmark_min and friends) ---------- */

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0, bit = 1UL << (sizeof(long) * 8 - 2);

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= r + bit) {
			x -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return r;
}

/*
 * setup_per_zone_wmarks - min/low/high of each zone
 *
 * The lowmem zones share min_free_kbytes in proportion to their size;
 * HighMem gets a small fixed min (managed/1024, clamped to 32..128 pages),
 * since the kernel cannot use it for its own needs. low and high are min
 * plus a quarter and a half of that share, or 0.1% of the zone if more.
 */
static void setup_per_zone_wmarks(void)
{
	unsigned long pages_min = (unsigned long)min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;
	struct zone *zone;

	for_each_zone(zone)
		if (!is_highmem(zone) && zone_idx(zone) != ZONE_MOVABLE)
			lowmem_pages += zone->managed_pages;
	for_each_zone(zone) {
		u64 tmp = lowmem_pages ? (u64)pages_min * zone->managed_pages / lowmem_pages : 0;
		unsigned long scaled = (unsigned long)((u64)zone->managed_pages *
						       WATERMARK_SCALE_FACTOR / 10000);
		bool high = is_highmem(zone) ||
			    (zone_idx(zone) == ZONE_MOVABLE && totalhigh_pages());

		if (high) {
			unsigned long m = zone->managed_pages / 1024;

			zone->_watermark[WMARK_MIN] = max(SWAP_CLUSTER_MAX, min(m, 128UL));
		} else {
			zone->_watermark[WMARK_MIN] = (unsigned long)tmp;
		}
		tmp = max(tmp >> 2, (u64)scaled);
		zone->_watermark[WMARK_LOW] = zone->_watermark[WMARK_MIN] + (unsigned long)tmp;
		zone->_watermark[WMARK_HIGH] = zone->_watermark[WMARK_MIN] + (unsigned long)tmp * 2;
		zone->watermark_boost = 0;
	}
	/* the per-CPU lists' high follows the low watermark (zone_highsize) */
	for_each_zone(zone)
		zone_pcp_update(zone, 0);
}

/* lowmem_reserve[j] of zone i: what a request that could use zone j must leave in i. */
static void setup_per_zone_lowmem_reserve(void)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	int i, j;

	for (i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = &pgdat->node_zones[i];
		bool clear = !lowmem_reserve_ratio[i] || !zone->managed_pages;
		unsigned long upper = 0;

		for (j = i + 1; j < MAX_NR_ZONES; j++) {
			upper += pgdat->node_zones[j].managed_pages;
			zone->lowmem_reserve[j] = clear ? 0 : (long)(upper / lowmem_reserve_ratio[i]);
		}
	}
}

/* Pages the allocator keeps back: each zone's high watermark + largest reserve. */
static void calculate_totalreserve_pages(void)
{
	struct zone *zone;
	unsigned long total = 0;
	int j;

	for_each_zone(zone) {
		unsigned long max = 0;

		for (j = 0; j < MAX_NR_ZONES; j++)
			if (zone->lowmem_reserve[j] > (long)max)
				max = (unsigned long)zone->lowmem_reserve[j];
		max += high_wmark_pages(zone);
		total += min(max, zone->managed_pages);
	}
	totalreserve_pages = total;
}

/**
 * init_per_zone_wmark_min - min_free_kbytes = sqrt(16 x lowmem KiB), then
 * every zone's watermarks and reserves (Linux runs it as an initcall).
 */
void init_per_zone_wmark_min(void)
{
	unsigned long lowmem_kbytes = 0;
	struct zone *zone;

	for_each_zone(zone)
		if (zone_idx(zone) <= ZONE_NORMAL && zone->managed_pages > high_wmark_pages(zone))
			lowmem_kbytes += K(zone->managed_pages - high_wmark_pages(zone));
	min_free_kbytes = (int)int_sqrt(lowmem_kbytes * 16);
	if (min_free_kbytes < 128)
		min_free_kbytes = 128;
	if (min_free_kbytes > 262144)
		min_free_kbytes = 262144;
	setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
	calculate_totalreserve_pages();
}
