/*
 * mm/page_alloc.c - the buddy allocator (Linux: mm/page_alloc.c).
 *
 * Free memory is kept in blocks of 2^order pages, order 0 .. MAX_ORDER-1,
 * each block aligned to its size. A free block's first page is PageBuddy
 * and holds the order in page->private; it sits on
 * zone->free_area[order].free_list[migratetype].
 *
 * Allocating order 4 when the smallest free block is order 10
 * (__rmqueue_smallest + expand: take 4 out of 10, put back 9..4):
 *
 *   order 10: [...............................................] taken off
 *             [ want 4 |4|  5  |    6    |    7   ...|  9 ... ]
 *   expand(): the upper halves go back, to orders 9, 8, 7, 6, 5, 4
 *
 * Freeing (free_one_page) is the reverse: while the buddy (pfn ^ (1 <<
 * order)) is free and of the same order, take it off its list and merge.
 * Where the merged block goes on its list is Linux's too: at the tail when
 * the boot hands memory over (FPI_TO_TAIL) or when a merge one order up is
 * likely (buddy_merge_likely), else at the head, to be handed out next.
 * Boot frees run from low to high addresses, so after boot every list
 * hands out its lowest-addressed block first, as on Linux.
 *
 * Orders 0 .. PAGE_ALLOC_COSTLY_ORDER go through the per-CPU page lists
 * first (rmqueue_pcplist, free_unref_page_commit here, in line; their
 * refill, spill and drain in mm/page_alloc_pcp.c), which take from and
 * give back to the free lists in batches; larger orders come straight
 * here (rmqueue: __rmqueue; __free_pages_ok).
 *
 * The order-0 pair is the hot path: alloc_pages and __free_pages each
 * have an order-0 copy of it in line (alloc_pages_preferred,
 * free_unref_page), and cost about 100 instructions together (make bench;
 * 590 before the per-CPU lists). What it keeps from Linux: the low
 * watermark, the migratetype from the GFP flags, free_factor, the
 * PGALLOC/PGFREE events, the refcount and page-state checks of every free.
 * What makes it short: the pageblock's type is found from the struct
 * page's address (pageblock_index), the zone's address is computed once
 * (OPTIMIZER_HIDE_VAR), the globals both paths read sit together in this
 * file (one base register), and no IRQ masking (mm/internal.h).
 *
 * Differences from Linux 6.1: no reclaim, compaction or OOM killer (a
 * request that fails the watermarks fails, after draining the per-CPU
 * lists as Linux's direct reclaim does), no highatomic reserve, no
 * zone->lock (one CPU, no interrupts that allocate), no free-page
 * shuffling (CONFIG_SHUFFLE_PAGE_ALLOCATOR), and a pageblock's type is one
 * byte in zone->pageblock_flags rather than four bits in a bitmap.
 * NR_FREE_PAGES is kept by the free-list helpers below rather than by
 * their callers, to the same effect: it counts the pages on the free lists,
 * not those on the per-CPU lists, as Linux's does.
 * Watermarks, migratetype fallback and the free-list structure are Linux's.
 *
 * The reports it makes, bad_page and warn_alloc, are here as in Linux;
 * what they print comes from mm/debug.c (dump_page, the flag names Linux's
 * vsprintf prints for %pGp and %pGg) and mm/show_mem.c (show_mem,
 * show_free_areas: where Linux 6.2 moved them). At ~1000 lines it is over
 * the ~600 the rest of the tree keeps to: the allocator proper (free
 * lists, merge, split, fallback, watermarks) reads best in one piece, as
 * in Linux (whose file is 9,600 lines), and the per-CPU fast paths must be
 * in the same file as the globals they read to stay short. The entry
 * points (alloc_pages, __free_pages and their helpers) are the part that
 * could move to a file of their own, with those globals.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/vm_event_item.h>
#include <string.h>
#include "internal.h"

#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif
#define noinline        __attribute__((__noinline__))

struct pglist_data contig_page_data;
/*
 * Set by build_all_zonelists (mm_init.c) when the node is too small for
 * grouping by mobility. Defined here, as in Linux: next to contig_page_data,
 * the allocation fast path reaches both from one base register (GCC's
 * section anchors) instead of building a second address.
 */
int page_group_by_mobility_disabled;
/*
 * /proc/vmstat's event counters (linux/vm_event_item.h; Linux defines its
 * per-CPU copies in mm/vmstat.c). Here for the same reason: pgalloc and
 * pgfree are counted on every allocation and free, from the same base.
 */
unsigned long vm_event_states[NR_VM_EVENT_ITEMS];

const char * const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable", "Movable", "Reclaimable", "HighAtomic", "CMA", "Isolate",
};

/* Where to steal from when a type's own lists are empty (Linux's fallbacks[]). */
static const int fallbacks[MIGRATE_PCPTYPES][2] = {
	[MIGRATE_UNMOVABLE]   = { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE },
	[MIGRATE_MOVABLE]     = { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE },
	[MIGRATE_RECLAIMABLE] = { MIGRATE_UNMOVABLE,   MIGRATE_MOVABLE },
};

/* Optional observer of every split, merge, take and put (the console's `alloc`). */
buddy_trace_fn buddy_trace;
/* Bad page reports so far (double frees, freeing reserved pages, ...). */
unsigned long bad_page_count;


#define trace(ev, zone, pfn, order, mt) \
	do { if (buddy_trace) buddy_trace(ev, zone, pfn, order, mt); } while (0)

/* ---- pageblock migratetypes --------------------------------------------- */

/*
 * Index of page's pageblock in its zone's pageblock_flags (blocks are
 * aligned to pageblock_nr_pages, even when the zone does not start on one).
 * Linux's pfn_to_bitidx works from the pfn; here it works from the struct
 * page's address: zone->pageblock_base is where the struct page of the
 * zone's first, aligned pfn is (or would be), so one subtraction and one
 * shift (a division, for the host tests' 64-bit struct page) give the
 * index without page_to_pfn's loads of mem_map and the
 * PFN offset (every free to a per-CPU list looks its pageblock up).
 */
static inline unsigned long pageblock_index(const struct zone *zone, const struct page *page)
{
	/* a power of two on ARM (32-byte struct page): a shift */
	return ((unsigned long)page - zone->pageblock_base) /
	       (sizeof(struct page) * pageblock_nr_pages);
}

static inline int zone_pageblock_migratetype(const struct zone *zone, const struct page *page)
{
	return zone->pageblock_flags[pageblock_index(zone, page)];
}

int get_pageblock_migratetype(const struct page *page)
{
	return zone_pageblock_migratetype(page_zone(page), page);
}

void set_pageblock_migratetype(struct page *page, int mt)
{
	const struct zone *zone = page_zone(page);

	zone->pageblock_flags[pageblock_index(zone, page)] = (unsigned char)mt;
}

/* ---- the free lists --------------------------------------------------------
 * Every change to a free list goes through these three, which also keep
 * nr_free and the zone's NR_FREE_PAGES right, so the counts cannot drift.
 */
static void __add_to_free_list(struct page *page, struct zone *zone, unsigned int order,
			       int mt, bool tail)
{
	struct free_area *area = &zone->free_area[order];

	page->private = order;
	__SetPageBuddy(page);
	if (tail)
		list_add_tail(&page->lru, &area->free_list[mt]);
	else
		list_add(&page->lru, &area->free_list[mt]);
	area->nr_free++;
	zone->vm_stat[NR_FREE_PAGES] += 1UL << order;
}

/* At the head: the next block this list hands out. */
static void add_to_free_list(struct page *page, struct zone *zone, unsigned int order, int mt)
{
	__add_to_free_list(page, zone, order, mt, false);
}

/* At the tail: handed out after every block already there. */
static void add_to_free_list_tail(struct page *page, struct zone *zone, unsigned int order,
				  int mt)
{
	__add_to_free_list(page, zone, order, mt, true);
}

static void del_page_from_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
	zone->vm_stat[NR_FREE_PAGES] -= 1UL << order;
}

static void move_to_free_list(struct page *page, struct zone *zone, unsigned int order, int mt)
{
	list_move(&page->lru, &zone->free_area[order].free_list[mt]);
}

static unsigned int buddy_order(const struct page *page)
{
	return (unsigned int)page->private;
}

/* Is buddy the head of a free block of this order, in the same zone? */
static bool page_is_buddy(const struct page *page, const struct page *buddy, unsigned int order)
{
	return PageBuddy(buddy) && buddy_order(buddy) == order &&
	       page_zonenum(page) == page_zonenum(buddy);
}

/* ---- freeing ----------------------------------------------------------- */

/*
 * buddy_merge_likely - will the block at pfn merge one order higher soon?
 *
 * True when the buddy of the order+1 block it would join (the block at
 * (pfn & buddy_pfn) ^ (2 << order)) is free already: then only this
 * block's own buddy is missing, and keeping this block at the tail leaves
 * it free longer, so the merge can happen. Never for the two top orders.
 */
static bool buddy_merge_likely(unsigned long pfn, unsigned long buddy_pfn,
			       const struct page *page, unsigned int order)
{
	unsigned long higher_pfn = pfn & buddy_pfn;
	unsigned long higher_buddy_pfn = higher_pfn ^ (1UL << (order + 1));
	struct zone *zone = page_zone(page);

	if (order >= MAX_ORDER - 2 || !zone_spans_pfn(zone, higher_buddy_pfn))
		return false;
	return page_is_buddy(page, pfn_to_page(higher_buddy_pfn), order + 1);
}

/*
 * __free_one_page - put a block back, merging it with its free buddies
 * @page: first page of the block, @pfn its pfn; @zone: its zone
 * @order: its order; @mt: the free list it goes on (its pageblock's type)
 * @fpi_flags: FPI_TO_TAIL to queue it behind every block of its list
 *
 * Linux 6.1's, with the same arguments. Linux wraps it in free_one_page()
 * to take zone->lock; we take no lock, so callers call it directly. Not
 * static, unlike Linux's: the host tests free through it (mm/internal.h).
 * Precondition: no page of the block is on a free list.
 */
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order, int mt, fpi_t fpi_flags)
{
	unsigned long buddy_pfn = 0;

	while (order < MAX_ORDER - 1) {
		struct page *buddy;

		buddy_pfn = pfn ^ (1UL << order);
		if (!zone_spans_pfn(zone, buddy_pfn))
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!page_is_buddy(page, buddy, order))
			break;
		trace("merge", zone, buddy_pfn, order, mt);
		del_page_from_free_list(buddy, zone, order);
		pfn &= buddy_pfn;       /* the merged block starts at the lower one */
		page = pfn_to_page(pfn);
		order++;
	}
	/* Linux's choice of end (no page shuffling here, so no random pick). */
	if ((fpi_flags & FPI_TO_TAIL) || buddy_merge_likely(pfn, buddy_pfn, page, order))
		add_to_free_list_tail(page, zone, order, mt);
	else
		add_to_free_list(page, zone, order, mt);
	trace("put", zone, pfn, order, mt);
}

/* Self-tests that provoke a bad page on purpose set this to how many they
 * expect: those are reported on one "#" line, not as a BUG. */
unsigned int bad_page_expected;

/*
 * bad_page - report a page that is in no state to be freed, and leave it
 * alone (Linux 6.1 bad_page, without its rate limit, stack dump and
 * taint). Linux also clears the page's PageBuddy type on the way out; we
 * leave even that, since our double-free check reports a page that is on
 * a free list. The process named is current->comm: we have no processes
 * yet, and every call here runs in the boot context, Linux's idle task of
 * CPU 0, whose comm is "swapper/0".
 */
static void bad_page(struct page *page, const char *reason)
{
	bad_page_count++;
	if (bad_page_expected) {
		bad_page_expected--;
		printk("# expected bad page state: pfn:%05lx: %s\n", page_to_pfn(page), reason);
		dump_page(page, reason);
		return;
	}
	pr_emerg("BUG: Bad page state in process %s  pfn:%05lx\n", "swapper/0",
		 page_to_pfn(page));
	dump_page(page, reason);
}

/*
 * Can the block at page be freed? Reports and says no if not (Linux
 * free_pages_prepare / free_page_is_bad: the reasons are Linux's where
 * Linux has the check; the double free and the wrong order are ours,
 * since Linux's refcount catches those before they get here).
 */
static bool free_pages_check(struct page *page, unsigned int order, fpi_t fpi_flags)
{
	unsigned long i;

	if (PageBuddy(page)) {
		bad_page(page, "double free: the block is already free");
		return false;
	}
	/* Linux's put_page_testzero catches this under CONFIG_DEBUG_VM: a page
	 * with no reference (a tail of a free block, say) was not allocated. */
	if (page_ref_count(page) == 0) {
		bad_page(page, "VM_BUG_ON_PAGE(page_ref_count(page) == 0)");
		return false;
	}
	if (page_ref_count(page) != 1) {
		bad_page(page, "nonzero _refcount");
		return false;
	}
	/* __free_pages_core has just written every page of the block: the
	 * per-page checks below cannot find anything (a boot-time shortcut
	 * Linux does not take; its per-page check is most of its 130
	 * instructions per page of mem_init). */
	if (fpi_flags & FPI_BOOT)
		return true;
	for (i = 0; i < (1UL << order); i++) {
		if (PageReserved(page + i)) {
			bad_page(page + i, "PAGE_FLAGS_CHECK_AT_FREE flag(s) set");
			return false;
		}
		if (PageBuddy(page + i) || PageSlab(page + i)) {
			bad_page(page + i, "nonzero mapcount");
			return false;
		}
	}
	return true;
}

/*
 * The slow half of free_pages_prepare: every check, compound pages undone.
 * Out of line: the common order-0 free never gets here.
 */
static noinline bool free_pages_prepare_slow(struct page *page, unsigned int order,
					     fpi_t fpi_flags)
{
	unsigned long i;

	if (PageHead(page) && compound_order(page) != order) {
		bad_page(page, "freed with the wrong order");
		return false;
	}
	if (!free_pages_check(page, order, fpi_flags))
		return false;
	if (PageHead(page)) {           /* a compound page: undo its tails */
		ClearPageHead(page);
		for (i = 1; i < (1UL << order); i++)
			page[i].compound_head = 0;
		page[1].compound_order = 0;
	}
	set_page_count(page, 0);
	return true;
}

/*
 * Make a block ready to be free (Linux free_pages_prepare): checked,
 * compound page unmade, refcount 0. Return: false, and the block left
 * alone, if it cannot be freed. An order-0 page with one reference, no
 * type (not free, not a slab, not mapped), neither reserved nor compound
 * passes every check at once (Linux's page_expected_state does the same).
 */
static __always_inline bool free_pages_prepare(struct page *page, unsigned int order,
					       fpi_t fpi_flags)
{
	/* the three words read first: one chain of conditional compares, one branch */
	int ref = page_ref_count(page);
	unsigned int type = page->page_type;
	unsigned long flags = page->flags;

	if (likely(!order && ref == 1 && type == PAGE_TYPE_NONE &&
		   !(flags & ((1UL << PG_reserved) | (1UL << PG_head))))) {
		set_page_count(page, 0);
		return true;
	}
	return free_pages_prepare_slow(page, order, fpi_flags);
}

/* Free a block to the free lists (Linux __free_pages_ok): checked, merged. */
static void __free_pages_ok(struct page *page, unsigned int order, fpi_t fpi_flags)
{
	if (!free_pages_prepare(page, order, fpi_flags))
		return;
	count_vm_events(PGFREE, 1L << order);  /* /proc/vmstat pgfree, boot frees included */
	__free_one_page(page, page_to_pfn(page), page_zone(page), order,
			get_pageblock_migratetype(page), fpi_flags);
}

/*
 * free_unref_page_commit - a freed block onto the head of its per-CPU list,
 * and the oldest back to the free lists if that made count reach high
 *
 * Linux 6.1's, counting one PGFREE whatever the order, as 6.1 does on this
 * path. Orders 1-3 freed in a row with no allocation in between
 * (free_factor set) spill everything: parked high-order pages fragment the
 * zone. Linux computes whether to spill in nr_pcp_high (0, spill now, on
 * the boot pageset or for such a free_high; else high); the test here is
 * the same, and pcp_spill works out how much. Inside pcp_trylock_prepare/finish.
 */
static __always_inline void free_unref_page_commit(struct zone *zone, struct per_cpu_pages *pcp,
						   struct page *page, int mt, unsigned int order)
{
	int pindex = (int)order_to_pindex(mt, order);

	count_vm_event(PGFREE);
	list_add(&page->lru, &pcp->lists[pindex]);
	pcp->count += 1 << order;
	if (unlikely(pcp->count >= pcp->high || (order && pcp->free_factor)))
		pcp_spill(zone, pcp, pindex, order && pcp->free_factor);
}

/*
 * free_unref_page - free a block of order <= PAGE_ALLOC_COSTLY_ORDER to the
 * per-CPU lists (Linux 6.1's)
 *
 * The page remembers its pageblock's type, the free list it will go back
 * to. Linux sends a MIGRATE_ISOLATE page straight to the free lists and
 * puts HighAtomic and CMA pages on the Movable list; no pageblock has those
 * types here, but the clamp keeps pindex inside lists[] whatever happens.
 * pcp_trylock_prepare/finish mark the list work, where Linux masks IRQs
 * (mm/internal.h says why they are empty here).
 */
static __always_inline void free_unref_page(struct page *page, unsigned int order)
{
	struct per_cpu_pages *pcp;
	unsigned long flags;
	struct zone *zone;
	int mt;

	if (!free_pages_prepare(page, order, FPI_NONE))
		return;
	zone = page_zone(page);
	OPTIMIZER_HIDE_VAR(zone);       /* one multiply, not one per field used */
	pcp = zone->per_cpu_pageset;    /* the pointer is fixed once set up */
	mt = zone_pageblock_migratetype(zone, page);
	set_pcppage_migratetype(page, mt);
	if (unlikely(mt >= MIGRATE_PCPTYPES))
		mt = MIGRATE_MOVABLE;
	OPTIMIZER_HIDE_VAR(mt);         /* else the list's address is built twice */
	pcp_trylock_prepare(flags);
	free_unref_page_commit(zone, pcp, page, mt, order);
	pcp_trylock_finish(flags);
}

/**
 * __free_pages - give back a block that alloc_pages() returned
 * @page: its first page
 * @order: the order it was allocated with
 *
 * Orders up to PAGE_ALLOC_COSTLY_ORDER go to the per-CPU lists, larger
 * ones to the free lists (Linux free_the_page). A bad free (double free,
 * wrong order on a compound page, a reserved page) is reported as Linux's
 * "Bad page state" and the block is left alone, so the lists stay intact.
 */
void __free_pages(struct page *page, unsigned int order)
{
	if (likely(!order))             /* most frees: the path below for order 0 */
		free_unref_page(page, 0);
	else if (pcp_allowed_order(order))
		free_unref_page(page, order);
	else
		__free_pages_ok(page, order, FPI_NONE);
}

/**
 * __free_pages_core - hand a block memblock no longer needs to the buddy allocator
 * @page: first page of a 2^@order block, aligned to its size
 *
 * Only used when booting. FPI_TO_TAIL as in Linux: memblock_free_all frees
 * from low to high addresses, so each free list ends up in address order.
 */
void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long i, n = 1UL << order;

#pragma GCC unroll 4     /* n is a power of 2: no remainder from order 2 on */
	for (i = 0; i < n; i++) {
		ClearPageReserved(page + i);
		set_page_count(page + i, 0);
	}
	page_zone(page)->managed_pages += n;
	set_page_count(page, 1);
	__free_pages_ok(page, order, FPI_TO_TAIL | FPI_BOOT);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page(addr), order);
}

/* ---- allocating -------------------------------------------------------- */

/*
 * expand - split a block of order high down to order low
 *
 * page is the start of a 2^high block just taken off a list; the upper
 * half goes back at each order on the way down, the lowest 2^low pages
 * stay with the caller.
 */
static void expand(struct zone *zone, struct page *page, unsigned int low,
		   unsigned int high, int mt)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(&page[size], zone, high, mt);
		trace("split", zone, page_to_pfn(&page[size]), high, mt);
	}
}

/**
 * __rmqueue_smallest - take the smallest free block of at least @order
 * of type @mt, splitting it down to @order
 *
 * Return: the block's first page, or NULL if no list of that type has one.
 */
struct page *__rmqueue_smallest(struct zone *zone, unsigned int order, int mt)
{
	unsigned int current_order;

	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page = list_first_entry_or_null(&area->free_list[mt],
							     struct page, lru);

		if (!page)
			continue;
		del_page_from_free_list(page, zone, current_order);
		trace("take", zone, page_to_pfn(page), current_order, mt);
		expand(zone, page, order, current_order, mt);
		set_pcppage_migratetype(page, mt);      /* the list it goes back to */
		return page;
	}
	return NULL;
}

/*
 * move_freepages_block - move every free block in page's pageblock to list mt
 *
 * Return: the pages moved; 0, and nothing moved, when the pageblock is not
 * wholly inside the zone (a zone that starts or ends mid-pageblock), as in
 * Linux, which will not change the type of a block it only partly owns.
 */
static unsigned long move_freepages_block(struct zone *zone, struct page *page, int mt)
{
	unsigned long pfn = ALIGN_DOWN(page_to_pfn(page), pageblock_nr_pages);
	unsigned long end = pfn + pageblock_nr_pages, moved = 0;

	if (!zone_spans_pfn(zone, pfn) || !zone_spans_pfn(zone, end - 1))
		return 0;
	while (pfn < end) {
		struct page *p = pfn_to_page(pfn);

		if (!PageBuddy(p)) {
			pfn++;
			continue;
		}
		move_to_free_list(p, zone, buddy_order(p), mt);
		moved += 1UL << buddy_order(p);
		pfn += 1UL << buddy_order(p);
	}
	return moved;
}

/* May a request of start_mt take a whole pageblock of another type? (Linux can_steal_fallback) */
static bool can_steal_fallback(unsigned int order, int start_mt)
{
	return order >= pageblock_order / 2 || start_mt == MIGRATE_RECLAIMABLE ||
	       start_mt == MIGRATE_UNMOVABLE || page_group_by_mobility_disabled;
}

/* The first fallback type with a block at this order, or -1. */
static int find_suitable_fallback(struct free_area *area, int start_mt)
{
	int i;

	for (i = 0; i < 2; i++)
		if (!list_empty(&area->free_list[fallbacks[start_mt][i]]))
			return fallbacks[start_mt][i];
	return -1;
}

/*
 * steal_suitable_fallback - hand a fallback block to start_mt
 *
 * A whole pageblock changes type when the block is at least a pageblock,
 * or when the request may steal and at least half the pageblock is free
 * (Linux also counts allocated pages of a compatible type; we do not track
 * that per page), or always when mobility grouping is off. A pageblock that
 * crosses the zone's edge keeps its type and only this block moves over,
 * as when the request may not steal. Linux also boosts the watermark here
 * for kswapd (watermark_boost); with no kswapd we leave boost at 0.
 */
static void steal_suitable_fallback(struct zone *zone, struct page *page,
				    unsigned int order, int start_mt, bool whole_block)
{
	unsigned long free_pages;

	if (order >= pageblock_order) {
		set_pageblock_migratetype(page, start_mt);
		goto single_page;
	}
	if (!whole_block)
		goto single_page;
	/* moves page too, unless the pageblock crosses the zone's edge */
	free_pages = move_freepages_block(zone, page, start_mt);
	if (!free_pages)
		goto single_page;
	if (free_pages >= pageblock_nr_pages / 2 || page_group_by_mobility_disabled)
		set_pageblock_migratetype(page, start_mt);
	return;
single_page:
	move_to_free_list(page, zone, order, start_mt);
}

/**
 * __rmqueue_fallback - no block of start_mt: take one from another type
 *
 * Like Linux, look for the largest fallback block first (to steal a whole
 * pageblock and keep types apart); a movable request that may not steal
 * takes the smallest instead. Return: true if a block moved to start_mt.
 */
static bool __rmqueue_fallback(struct zone *zone, unsigned int order, int start_mt)
{
	int current_order, mt = -1;
	bool can_steal = false;

	for (current_order = MAX_ORDER - 1; current_order >= (int)order; current_order--) {
		mt = find_suitable_fallback(&zone->free_area[current_order], start_mt);
		if (mt < 0)
			continue;
		can_steal = can_steal_fallback(current_order, start_mt);
		if (!can_steal && start_mt == MIGRATE_MOVABLE && current_order > (int)order)
			break;
		goto do_steal;
	}
	if (mt < 0)
		return false;
	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		mt = find_suitable_fallback(&zone->free_area[current_order], start_mt);
		if (mt >= 0)
			break;
	}
	can_steal = can_steal_fallback(current_order, start_mt);
do_steal:
	{
		struct page *page = list_first_entry(&zone->free_area[current_order].free_list[mt],
						     struct page, lru);

		trace("steal", zone, page_to_pfn(page), current_order, mt);
		steal_suitable_fallback(zone, page, current_order, start_mt, can_steal);
	}
	return true;
}

/* One block from zone's lists, falling back to other types (Linux __rmqueue). */
struct page *__rmqueue(struct zone *zone, unsigned int order, int mt)
{
	struct page *page;

	while (!(page = __rmqueue_smallest(zone, order, mt)))
		if (!__rmqueue_fallback(zone, order, mt))
			return NULL;
	return page;
}

/**
 * zone_watermark_ok - may an allocation of @order leave @zone above @mark?
 * @highest_zoneidx: the highest zone the request could use (lowmem_reserve)
 * @alloc_high: __GFP_HIGH: may use half of the reserve below mark
 *
 * Linux __zone_watermark_ok without CMA and highatomic: the free pages
 * after the allocation must stay above mark + lowmem_reserve, and for
 * order > 0 a block of at least that order must exist in a usable list.
 * Linux also lets atomic requests (ALLOC_HARDER) go a quarter further
 * below mark; with no interrupts that allocate, we have none.
 */
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       enum zone_type highest_zoneidx, bool alloc_high)
{
	long min = (long)mark;
	long free_pages = (long)zone_page_state(z, NR_FREE_PAGES) - ((1L << order) - 1);
	unsigned int o;
	int mt;

	if (alloc_high)
		min -= min / 2;
	if (free_pages <= min + z->lowmem_reserve[highest_zoneidx])
		return false;
	if (!order)
		return true;
	for (o = order; o < MAX_ORDER; o++)
		for (mt = 0; mt < MIGRATE_PCPTYPES; mt++)
			if (!list_empty(&z->free_area[o].free_list[mt]))
				return true;
	return false;
}

/*
 * zone_watermark_fast - zone_watermark_ok with Linux's shortcut for order 0:
 * free pages above mark + reserve is the whole answer (Linux also leaves
 * out the highatomic and CMA pages it has and we do not).
 */
static inline bool zone_watermark_fast(struct zone *z, unsigned int order, unsigned long mark,
				       enum zone_type highest_zoneidx, gfp_t gfp)
{
	if (!order && zone_page_state(z, NR_FREE_PAGES) >
		      mark + (unsigned long)z->lowmem_reserve[highest_zoneidx])
		return true;
	return zone_watermark_ok(z, order, mark, highest_zoneidx, gfp & __GFP_HIGH);
}

/*
 * __rmqueue_pcplist - the first block of a per-CPU list, refilling the
 * list first if it is empty (Linux 6.1's; the refill is pcp_refill, out of
 * line). NULL when the zone has no block of that order left for the type.
 * Inside pcp_trylock_prepare/finish.
 */
static __always_inline struct page *__rmqueue_pcplist(struct zone *zone, unsigned int order,
						      int mt, struct per_cpu_pages *pcp,
						      struct list_head *list)
{
	struct page *page;

	if (unlikely(list_empty(list)) && !pcp_refill(zone, order, mt, pcp))
		return NULL;
	/* list_del of the first entry, whose prev is the head: one load of next */
	page = list_first_entry(list, struct page, lru);
	__list_del(list, page->lru.next);
	page->lru.next = page->lru.prev = NULL;
	pcp->count -= 1 << order;
	return page;
}

/*
 * rmqueue_pcplist - a block of order <= PAGE_ALLOC_COSTLY_ORDER from the
 * zone's per-CPU list of type mt (Linux 6.1's). Any allocation halves
 * free_factor, so the frees after it spill less. pcp_trylock_prepare/finish
 * mark the list work (Linux: IRQs masked; mm/internal.h).
 */
static __always_inline struct page *rmqueue_pcplist(struct zone *zone, unsigned int order,
						    int mt)
{
	struct per_cpu_pages *pcp;
	unsigned long flags;
	struct page *page;

	pcp_trylock_prepare(flags);
	pcp = zone->per_cpu_pageset;
	pcp->free_factor >>= 1;
	page = __rmqueue_pcplist(zone, order, mt, pcp, &pcp->lists[order_to_pindex(mt, order)]);
	pcp_trylock_finish(flags);
	return page;
}

/*
 * rmqueue - a block from zone (index z): orders up to
 * PAGE_ALLOC_COSTLY_ORDER from the per-CPU lists, the rest (and what the
 * lists could not find) from the free lists (Linux rmqueue, rmqueue_buddy).
 * Counts PGALLOC as Linux 6.1 does: once per call on the per-CPU path,
 * 2^order on the other (__count_zid_vm_events).
 */
static __always_inline struct page *rmqueue(struct zone *zone, int z, unsigned int order, int mt)
{
	struct page *page;

	if (likely(pcp_allowed_order(order))) {
		page = rmqueue_pcplist(zone, order, mt);
		if (likely(page)) {
			count_vm_event(PGALLOC_NORMAL - ZONE_NORMAL + z);
			return page;
		}
	}
	page = __rmqueue(zone, order, mt);
	if (page)
		count_vm_events(PGALLOC_NORMAL - ZONE_NORMAL + z, 1L << order);
	return page;
}

/* __GFP_ZERO and __GFP_COMP: out of the way of the common request. Returns page. */
static noinline struct page *prep_new_page_slow(struct page *page, unsigned int order,
						gfp_t gfp)
{
	unsigned long i;

	if (gfp & __GFP_ZERO)
		for (i = 0; i < (1UL << order); i++)
			clear_highpage(page + i);
	if ((gfp & __GFP_COMP) && order) {
		SetPageHead(page);
		for (i = 1; i < (1UL << order); i++)
			page[i].compound_head = (unsigned long)page | 1;
		page[1].compound_order = (unsigned char)order;
	}
	return page;
}

/*
 * Fill in a freshly taken block (Linux prep_new_page, prep_compound_page).
 * __GFP_COMP means nothing at order 0, so an order-0 request tests one bit.
 */
static __always_inline struct page *prep_new_page(struct page *page, unsigned int order,
						  gfp_t gfp)
{
	set_page_count(page, 1);
	if (unlikely((gfp & __GFP_ZERO) || (order && (gfp & __GFP_COMP))))
		return prep_new_page_slow(page, order, gfp);
	return page;
}

/*
 * get_page_from_freelist - try each zone from the highest the request may
 * use down to Normal, keeping each above the watermark given.
 */
static noinline struct page *get_page_from_freelist(gfp_t gfp, unsigned int order, int wmark)
{
	enum zone_type highest = gfp_zone(gfp);
	int z;

	for (z = highest; z >= 0; z--) {
		struct zone *zone = &NODE_DATA(0)->node_zones[z];
		struct page *page;

		if (!zone->managed_pages)
			continue;
		if (!zone_watermark_fast(zone, order, zone->_watermark[wmark], highest, gfp))
			continue;
		page = rmqueue(zone, z, order, gfp_migratetype(gfp));
		if (page)
			return prep_new_page(page, order, gfp);
	}
	return NULL;
}

/* ---- reports ------------------------------------------------------------ */

/*
 * warn_alloc - Linux 6.1's report of a failed allocation: the request,
 * then show_mem for the zones it could use. The task is the boot context
 * (see bad_page); the nodemask is NULL as for every alloc_pages(), which
 * Linux prints "(null)". Linux adds the cpuset (",cpuset=/,mems_allowed=0")
 * and a stack dump; we have neither cpusets nor an unwinder.
 */
static void warn_alloc(gfp_t gfp, unsigned int order)
{
	char names[160];

	format_gfp_flags(names, sizeof(names), gfp);
	pr_warn("%s: page allocation failure: order:%u, mode:0x%x(%s), nodemask=(null)\n",
		"swapper/0", order, gfp, names);
	show_mem(gfp_zone(gfp));
}

/*
 * What Linux's __alloc_pages_slowpath comes to without reclaim: the min
 * watermark, then the same after draining the per-CPU lists.
 */
static noinline struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order)
{
	struct page *page = get_page_from_freelist(gfp, order, WMARK_MIN);

	if (!page && (gfp & __GFP_DIRECT_RECLAIM)) {
		drain_all_pages(NULL);
		page = get_page_from_freelist(gfp, order, WMARK_MIN);
	}
	if (!page && !(gfp & __GFP_NOWARN))
		warn_alloc(gfp, order);
	return page;
}

/*
 * alloc_pages_preferred - get_page_from_freelist's first step, in line:
 * the zone the request prefers, above its low watermark, with a block on
 * its per-CPU list (or refilled there). That is nearly every request.
 * Return: NULL if any of that fails; the whole walk then starts with this
 * zone again.
 */
static __always_inline struct page *alloc_pages_preferred(gfp_t gfp, unsigned int order)
{
	enum zone_type z = gfp_zone(gfp);
	struct zone *zone = &NODE_DATA(0)->node_zones[z];
	struct page *page;

	int mt;

	mt = gfp_migratetype(gfp);
	OPTIMIZER_HIDE_VAR(mt);         /* else the list's address is built twice */
	OPTIMIZER_HIDE_VAR(zone);       /* one multiply, not one per field used */
	if (unlikely(!zone_watermark_fast(zone, order, zone->_watermark[WMARK_LOW], z, gfp)))
		return NULL;
	page = rmqueue_pcplist(zone, order, mt);
	if (unlikely(!page))
		return NULL;
	count_vm_event(PGALLOC_NORMAL - ZONE_NORMAL + z);
	return prep_new_page(page, order, gfp);
}

/*
 * __alloc_pages - every request but an order-0 one that alloc_pages'
 * inline path served (Linux's __alloc_pages: the fast attempt at the low
 * watermark, then the slow path).
 */
static noinline struct page *__alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	if (unlikely(order >= MAX_ORDER)) {
		/* Linux: WARN_ON_ONCE_GFP, a WARNING with a stack dump; we have
		 * no unwinder, so one line says it */
		if (!(gfp & __GFP_NOWARN))
			pr_warn("alloc_pages: order %u is above the largest order %d\n",
				order, MAX_ORDER - 1);
		return NULL;
	}
	if (order && pcp_allowed_order(order)) {
		page = alloc_pages_preferred(gfp, order);
		if (likely(page))
			return page;
	}
	page = get_page_from_freelist(gfp, order, WMARK_LOW);
	if (page)
		return page;
	return __alloc_pages_slowpath(gfp, order);
}

/**
 * alloc_pages - allocate 2^@order contiguous pages
 * @gfp: GFP_KERNEL (lowmem), GFP_HIGHUSER (HighMem first, then lowmem),
 *	 with __GFP_ZERO, __GFP_COMP, __GFP_MOVABLE/__GFP_RECLAIMABLE ...
 * @order: 0 .. MAX_ORDER-1
 *
 * The fast path keeps every zone above its low watermark; with nothing to
 * reclaim, the "slow path" is one more try down to the min watermark, and
 * for a request that may reclaim (__GFP_DIRECT_RECLAIM: GFP_KERNEL, not
 * GFP_ATOMIC) one more after drain_all_pages, as Linux's direct reclaim
 * does when reclaim did not help: pages parked on the per-CPU lists count
 * against no watermark, but a block of the order may be among them.
 * Return: the first page (refcount 1), or NULL with a report (unless
 * __GFP_NOWARN); the free lists are then unchanged but for that drain.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	if (likely(!order)) {
		page = alloc_pages_preferred(gfp, 0);
		if (likely(page))
			return page;
	}
	return __alloc_pages(gfp, order);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp & ~__GFP_HIGHMEM, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/* ---- counters ------------------------------------------------------------ */

unsigned long totalram_pages(void)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		sum += zone->managed_pages;
	return sum;
}

unsigned long totalhigh_pages(void)
{
	return NODE_DATA(0)->node_zones[ZONE_HIGHMEM].managed_pages;
}

unsigned long nr_free_pages(void)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		sum += zone_page_state(zone, NR_FREE_PAGES);
	return sum;
}
