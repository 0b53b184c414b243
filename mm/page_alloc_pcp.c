/*
 * mm/page_alloc_pcp.c - the per-CPU page lists in front of the buddy
 * allocator (Linux 6.1: mm/page_alloc.c rmqueue_pcplist, rmqueue_bulk,
 * free_unref_page_commit, free_pcppages_bulk, drain_all_pages,
 * zone_batchsize, zone_highsize, setup_per_cpu_pageset).
 *
 * Most allocations are order 0 and most are freed again soon. Splitting a
 * large block for each and merging it back on each free costs a walk up
 * and down the orders every time (about 100 instructions per level here),
 * so Linux keeps a stack of free pages per CPU, per order up to
 * PAGE_ALLOC_COSTLY_ORDER and per migratetype, and touches the free lists
 * only in batches:
 *
 *   alloc_pages(GFP_KERNEL, 0)                    __free_pages(page, 0)
 *        |                                               |
 *   rmqueue_pcplist: list empty?                  free_unref_page_commit:
 *     yes: rmqueue_bulk takes `batch` pages          page onto the list head;
 *          from the free lists (split once,          count >= high?
 *          handed out one by one after)                yes: free_pcppages_bulk
 *     take the list's first page                         puts the oldest pages
 *        |                                               back (merging), keeping
 *   pcp->lists[MIGRATE_PCPTYPES * order + mt]  <---       at least `batch`
 *
 * The sizes are Linux's (zone_batchsize, zone_highsize): batch is ~1/4096
 * of the zone, at most 63 pages, of the form 2^n - 1; high is the zone's
 * low watermark (split across the CPUs: one here), at least 4 * batch. So
 * the lists can hold what the zone has above its low watermark and no
 * more, and kswapd (Linux) would not be woken by pages merely parked here.
 * On vexpress-a9 with 512M: Normal batch 31, high 882, as Linux shows for
 * its DMA zone of the same size.
 *
 * Pages on these lists are free but not on the free lists: /proc/buddyinfo,
 * /proc/pagetypeinfo and NR_FREE_PAGES (MemFree, "pages free") leave them
 * out, exactly as in Linux; /proc/zoneinfo's pageset "count" and show_mem's
 * free_pcp show them. drain_all_pages() gives them all back: an allocation
 * about to fail does so (Linux's direct reclaim path), and so do self-tests
 * that count free blocks.
 *
 * Before setup_per_cpu_pageset every zone points at one shared boot
 * pageset with high 0 and batch 1: a free goes on it and straight back to
 * the free lists, an allocation takes one page through it, so the boot
 * behaves as if the lists were not there (Linux's boot_pageset). The host
 * test suites that do not call setup_per_cpu_pageset run that way.
 *
 * Differences from Linux 6.1: one CPU (UP), so one pageset per zone
 * (a static array rather than alloc_percpu), and no pcp->lock or IRQ
 * masking (pcp_trylock_prepare/finish are empty: no interrupt handler
 * allocates, see mm/internal.h), as there is no zone->lock (page_alloc.c); no NUMA drain
 * timer (drain_zone_pages, `expire`), no percpu_pagelist_high_fraction
 * sysctl (its default, 0, is Linux's default too), no CMA or isolation
 * (no pageblock is MIGRATE_ISOLATE here), no ZONE_RECLAIM_ACTIVE (no
 * reclaim). The page checks Linux makes on the way in (check_pcp_refill)
 * are not made; the ones on the way out are page_alloc.c's
 * free_pages_prepare, before a page reaches a list.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <string.h>
#include "internal.h"

/* Before setup_per_cpu_pageset: lists that hold nothing (Linux's boot_pageset). */
#define BOOT_PAGESET_HIGH       0
#define BOOT_PAGESET_BATCH      1
static struct per_cpu_pages boot_pageset;
/* The one CPU's pageset of each zone (Linux: alloc_percpu per zone). */
static struct per_cpu_pages zone_pagesets[MAX_NR_ZONES];

/* ---- spilling to the free lists ------------------------------------------- */

/**
 * free_pcppages_bulk - put count pages of pcp's lists back on the free lists
 * @pindex: the list to start with (the one just freed to); then round-robin
 *
 * The oldest page of a list goes first (its tail: frees go to the head),
 * each to __free_one_page, which merges it and counts it in NR_FREE_PAGES
 * again. A list found empty is dropped from the round (min/max_pindex).
 * An order-k block counts 2^k against count. Inside pcp_trylock_prepare/finish.
 */
void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp, int pindex)
{
	int min_pindex = 0, max_pindex = NR_PCP_LISTS - 1;

	count = min(pcp->count, count);         /* else the search below never ends */
	pindex--;
	while (count > 0) {
		struct list_head *list;
		unsigned int order;
		int nr_pages;

		for (;;) {
			if (++pindex > max_pindex)
				pindex = min_pindex;
			list = &pcp->lists[pindex];
			if (!list_empty(list))
				break;
			if (pindex == max_pindex)
				max_pindex--;
			if (pindex == min_pindex)
				min_pindex++;
		}
		order = pindex_to_order((unsigned int)pindex);
		nr_pages = 1 << order;
		do {
			struct page *page = list_last_entry(list, struct page, lru);
			int mt = get_pcppage_migratetype(page);

			list_del(&page->lru);
			count -= nr_pages;
			pcp->count -= nr_pages;
			__free_one_page(page, page_to_pfn(page), zone, order, mt, FPI_NONE);
		} while (count > 0 && !list_empty(list));
	}
}

/*
 * nr_pcp_free - how many pages a free that reached high spills
 *
 * batch, doubled for each further free with no allocation in between
 * (free_factor), but leaving at least batch on the lists; everything when
 * high-order pages pile up (free_high); one page on the boot pageset
 * (high < batch). Linux 6.1's.
 */
static int nr_pcp_free(struct per_cpu_pages *pcp, int high, int batch, bool free_high)
{
	int min_nr_free = batch, max_nr_free = high - batch;

	if (free_high)
		return pcp->count;
	if (high < batch)
		return 1;
	batch <<= pcp->free_factor;
	if (batch < max_nr_free)
		pcp->free_factor++;
	return max(min_nr_free, min(batch, max_nr_free));
}

/**
 * pcp_spill - the end of Linux's free_unref_page_commit, once a free made
 * the lists reach their limit: free_pcppages_bulk of nr_pcp_free pages,
 * starting with the list just freed to
 * @free_high: a page of order 1-3 freed after another free with no
 *	allocation between (free_factor): the limit was 0, spill it all
 *
 * Out of line in page_alloc.c's fast path, which only tests whether to
 * come here (count >= high, or free_high). Inside pcp_trylock_prepare/finish.
 */
void pcp_spill(struct zone *zone, struct per_cpu_pages *pcp, int pindex, bool free_high)
{
	int high = free_high ? 0 : pcp->high;

	free_pcppages_bulk(zone, nr_pcp_free(pcp, high, pcp->batch, free_high), pcp, pindex);
}

/* ---- refilling from the free lists ----------------------------------------- */

/*
 * rmqueue_bulk - move up to count blocks of order from the free lists to list
 *
 * Each comes from __rmqueue (falling back to other types as any allocation
 * does), in the order the free lists hand them out, to the list's tail: a
 * block split for the first leaves its halves to the next ones, so the list
 * runs up through physical memory. NR_FREE_PAGES drops as each leaves its
 * free list. Inside pcp_trylock_prepare/finish. Return: the blocks moved (fewer
 * when the zone runs out).
 */
static int rmqueue_bulk(struct zone *zone, unsigned int order, int count,
			struct list_head *list, int mt)
{
	int i;

	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue(zone, order, mt);

		if (!page)
			break;
		list_add_tail(&page->lru, list);
	}
	return i;
}

/**
 * pcp_refill - fill an empty per-CPU list: the cold half of Linux's
 * __rmqueue_pcplist
 *
 * batch blocks scaled down by the order (batch >> order, at least 2), or
 * one on the boot pageset (batch 1: it must never keep pages, which may
 * belong to any zone). Inside pcp_trylock_prepare/finish.
 * Return: false if the zone had no block of that order for the type.
 */
bool pcp_refill(struct zone *zone, unsigned int order, int mt, struct per_cpu_pages *pcp)
{
	struct list_head *list = &pcp->lists[order_to_pindex(mt, order)];
	int batch = pcp->batch;

	if (batch > 1)
		batch = max(batch >> order, 2);
	pcp->count += rmqueue_bulk(zone, order, batch, list, mt) << order;
	return !list_empty(list);
}

/* ---- draining -------------------------------------------------------------- */

/* Every page of zone's lists back to its free lists (Linux drain_pages_zone). */
static void drain_pages_zone(struct zone *zone)
{
	struct per_cpu_pages *pcp = zone->per_cpu_pageset;
	unsigned long flags;

	if (!pcp->count)
		return;
	pcp_trylock_prepare(flags);
	free_pcppages_bulk(zone, pcp->count, pcp, 0);
	pcp_trylock_finish(flags);
}

/**
 * drain_local_pages - empty this CPU's lists of @zone, or of every zone if NULL
 */
void drain_local_pages(struct zone *zone)
{
	if (zone) {
		drain_pages_zone(zone);
		return;
	}
	for_each_populated_zone(zone)
		drain_pages_zone(zone);
}

/**
 * drain_all_pages - empty every CPU's lists of @zone, or of every zone if NULL
 *
 * One CPU here, so drain_local_pages; Linux queues the drain on each CPU
 * with pages on its lists and waits for them.
 */
void drain_all_pages(struct zone *zone)
{
	drain_local_pages(zone);
}

/* ---- sizing (Linux 6.1: zone_batchsize, zone_highsize) ------------------- */

static int rounddown_pow_of_two(int n)
{
	return n > 0 ? 1 << (31 - __builtin_clz((unsigned int)n)) : 0;
}

/*
 * zone_batchsize - pages moved at once: 1/1024 of the zone (at most 1 MiB of
 * pages), divided by 4, then 1.5x rounded down to a power of two, minus 1.
 * 2^n - 1 because Linux found powers of two alias badly in caches: two tasks
 * taking batches in turn would each end up with half the page colours.
 */
static int zone_batchsize(const struct zone *zone)
{
	int batch = (int)min(zone->managed_pages >> 10, (1024UL * 1024) / PAGE_SIZE);

	batch /= 4;
	if (batch < 1)
		batch = 1;
	return rounddown_pow_of_two(batch + batch / 2) - 1;
}

/*
 * zone_highsize - the zone's low watermark split across the CPUs that use it
 * (the CPUs of its node, plus one being brought online), at least 4 * batch.
 * One CPU, one node: the low watermark.
 */
static int zone_highsize(const struct zone *zone, int batch, int cpu_online)
{
	int nr_split_cpus = 1 + cpu_online;
	int high = (int)(low_wmark_pages(zone) / (unsigned long)nr_split_cpus);

	return max(high, batch << 2);
}

static void per_cpu_pages_init(struct per_cpu_pages *pcp)
{
	int pindex;

	memset(pcp, 0, sizeof(*pcp));
	for (pindex = 0; pindex < NR_PCP_LISTS; pindex++)
		INIT_LIST_HEAD(&pcp->lists[pindex]);
	pcp->high = BOOT_PAGESET_HIGH;
	pcp->batch = BOOT_PAGESET_BATCH;
}

/*
 * zone_set_pageset_high_and_batch - compute the zone's high and batch and
 * give them to its pageset. A zone still on the boot pageset keeps it as it
 * is (high 0, batch 1): Linux would write the values into the shared boot
 * pageset, which only ever happens there for an empty zone; setup_zone_pageset
 * computes them when the zone gets its own.
 */
static void zone_set_pageset_high_and_batch(struct zone *zone, int cpu_online)
{
	int new_batch = max(1, zone_batchsize(zone));
	int new_high = zone_highsize(zone, new_batch, cpu_online);

	if (zone->per_cpu_pageset == &boot_pageset)
		return;
	if (zone->pageset_high == new_high && zone->pageset_batch == new_batch)
		return;
	zone->pageset_high = new_high;
	zone->pageset_batch = new_batch;
	zone->per_cpu_pageset->batch = new_batch;
	zone->per_cpu_pageset->high = new_high;
}

/**
 * zone_pcp_init - point a zone at the boot pageset (free_area_init)
 *
 * Only used when booting; (re)initialises the boot pageset too, which is
 * empty whenever nothing is being freed through it.
 */
void zone_pcp_init(struct zone *zone)
{
	per_cpu_pages_init(&boot_pageset);
	zone->per_cpu_pageset = &boot_pageset;
	zone->pageset_high = BOOT_PAGESET_HIGH;
	zone->pageset_batch = BOOT_PAGESET_BATCH;
}

/**
 * zone_pcp_update - recompute high and batch after the watermarks or the
 * zone's size changed (setup_per_zone_wmarks calls it for every zone)
 */
void zone_pcp_update(struct zone *zone, int cpu_online)
{
	zone_set_pageset_high_and_batch(zone, cpu_online);
}

/**
 * setup_per_cpu_pageset - give each populated zone its own per-CPU lists
 *
 * Linux calls it from start_kernel after mm_init; before, every zone used
 * the boot pageset. Empty zones keep the boot pageset: nothing is ever
 * allocated from them. Calling it again (the host tests boot many nodes)
 * starts from empty lists.
 */
void setup_per_cpu_pageset(void)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		struct per_cpu_pages *pcp = &zone_pagesets[zone_idx(zone)];

		per_cpu_pages_init(pcp);
		zone->per_cpu_pageset = pcp;
		zone->pageset_high = BOOT_PAGESET_HIGH;
		zone->pageset_batch = BOOT_PAGESET_BATCH;
		zone_set_pageset_high_and_batch(zone, 0);
	}
}

/* ---- counts ---------------------------------------------------------------- */

unsigned long zone_pcp_count(const struct zone *zone)
{
	return zone->per_cpu_pageset ? (unsigned long)zone->per_cpu_pageset->count : 0;
}

/*
 * page_pcp_pindex - which of its zone's per-CPU lists holds page (as a
 * block's first page), or -1 (for the console's `page`; a walk of at most
 * high entries).
 */
int page_pcp_pindex(const struct page *page)
{
	const struct per_cpu_pages *pcp = page_zone(page)->per_cpu_pageset;
	const struct page *p;
	int pindex;

	for (pindex = 0; pindex < NR_PCP_LISTS; pindex++)
		list_for_each_entry(p, &pcp->lists[pindex], lru)
			if (p == page)
				return pindex;
	return -1;
}

/* Linux show_free_areas' free_pcp: every populated zone's lists. */
unsigned long nr_free_pcp_pages(void)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_populated_zone(zone)
		sum += zone_pcp_count(zone);
	return sum;
}
