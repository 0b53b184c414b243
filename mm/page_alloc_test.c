/*
 * mm/page_alloc_test.c - in-kernel self-tests of the buddy allocator and
 * its per-CPU page lists (KTAP, boot argument "selftest"). Each case
 * leaves the allocator as it found it, and checks so.
 *
 * Orders 0-3 go through the per-CPU lists (mm/page_alloc_pcp.c), whose
 * pages are free but on no free list: a case that counts free blocks
 * drains the lists first (drain_all_pages, as Linux's own tests and its
 * reclaim path do), and the buddy cases that watch splits and merges use
 * order 4, which goes straight to the free lists.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <asm/sections.h>
#include <asm/pgtable.h>
#include "internal.h"

/* Free blocks per order of every zone, the free page count, and the pages
 * on each zone's per-CPU lists. */
struct buddy_snapshot {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_pages;
	unsigned long pcp[MAX_NR_ZONES];
};

static void snapshot(struct buddy_snapshot *s)
{
	struct zone *zone;
	unsigned int o;

	for_each_zone(zone) {
		for (o = 0; o < MAX_ORDER; o++)
			s->nr_free[zone_idx(zone)][o] = zone->free_area[o].nr_free;
		s->pcp[zone_idx(zone)] = zone_pcp_count(zone);
	}
	s->free_pages = nr_free_pages();
}

static bool snapshot_equal(const struct buddy_snapshot *a, const struct buddy_snapshot *b)
{
	return !memcmp(a, b, sizeof(*a));
}

/*
 * Take every page there is (largest blocks first, GFP_HIGHUSER_MOVABLE so
 * HighMem goes first and Normal after), then give everything back:
 * /proc/buddyinfo must read exactly as before. The blocks are chained
 * through their own page->lru while we hold them.
 */
static void buddy_alloc_all_then_free_all(struct ktest *t)
{
	static struct buddy_snapshot before, after;
	struct list_head held;
	struct page *page, *next;
	unsigned long pages = 0;
	int order;

	INIT_LIST_HEAD(&held);
	drain_all_pages(NULL);
	snapshot(&before);
	for (order = MAX_ORDER - 1; order >= 0; order--)
		while ((page = alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN, order))) {
			page->private = (unsigned long)order;
			list_add(&page->lru, &held);
			pages += 1UL << order;
		}
	KTEST_EXPECT_TRUE(t, pages > 0);
	/* What is left is what the min watermarks keep back from normal
	 * requests; the last, failing request drained the per-CPU lists. */
	KTEST_EXPECT_TRUE(t, nr_free_pages() < before.free_pages);
	KTEST_EXPECT_EQ(t, nr_free_pcp_pages(), 0);
	KTEST_EXPECT_EQ(t, nr_free_pages() + pages, before.free_pages);
	KTEST_EXPECT_TRUE(t, alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN, 0) == NULL);
	list_for_each_entry_safe(page, next, &held, lru) {
		unsigned int o = (unsigned int)page->private;

		list_del(&page->lru);
		page->private = 0;
		__free_pages(page, o);
	}
	drain_all_pages(NULL);
	snapshot(&after);
	KTEST_EXPECT_TRUE(t, snapshot_equal(&before, &after));
	printk("# alloc_all: took %lu pages (%lu MiB), gave them back\n", pages, pages >> 8);
}

static unsigned int trace_takes, trace_splits, trace_merges, trace_take_order;

static void count_trace(const char *ev, struct zone *zone, unsigned long pfn,
			unsigned int order, int mt)
{
	if (!strcmp(ev, "take")) {
		trace_takes++;
		trace_take_order = order;
	} else if (!strcmp(ev, "split")) {
		trace_splits++;
	} else if (!strcmp(ev, "merge")) {
		trace_merges++;
	}
}

/*
 * An order-4 request (above PAGE_ALLOC_COSTLY_ORDER: no per-CPU list)
 * when the smallest free block is order k: one take at order k, k - 4
 * splits (expand puts back k-1 .. 4), and the free of that block merges
 * k - 4 times back into the same order-k block.
 */
static void buddy_split_then_merge(struct ktest *t)
{
	static struct buddy_snapshot before, after;
	struct page *page;

	snapshot(&before);
	trace_takes = trace_splits = trace_merges = 0;
	buddy_trace = count_trace;
	page = alloc_pages(GFP_KERNEL, 4);
	buddy_trace = NULL;
	KTEST_EXPECT_TRUE(t, page != NULL);
	if (!page)
		return;
	KTEST_EXPECT_EQ(t, trace_takes, 1);
	KTEST_EXPECT_TRUE(t, trace_take_order >= 4);
	KTEST_EXPECT_EQ(t, trace_splits, trace_take_order - 4);
	KTEST_EXPECT_EQ(t, page_ref_count(page), 1);
	KTEST_EXPECT_TRUE(t, !PageBuddy(page));
	buddy_trace = count_trace;
	__free_pages(page, 4);
	buddy_trace = NULL;
	KTEST_EXPECT_EQ(t, trace_merges, trace_take_order - 4);
	snapshot(&after);
	KTEST_EXPECT_TRUE(t, snapshot_equal(&before, &after));
}

/* ---- the log, searched for a line the test expects ---------------------- */

static const char *log_needle;
static size_t log_matched;
static bool log_found;

/* Stream one chunk of the log past the needle (log_buf_dump's callback).
 * On a mismatch the match restarts at this character: the needles start
 * with a word ("page:", "flags:") that does not recur inside itself. */
static void log_scan(const char *s, size_t len)
{
	size_t n = strlen(log_needle);

	for (; len && !log_found; len--, s++) {
		if (*s != log_needle[log_matched])
			log_matched = *s == log_needle[0];
		else
			log_matched++;
		if (log_matched == n)
			log_found = true;
	}
}

static bool log_contains(const char *needle)
{
	log_needle = needle;
	log_matched = 0;
	log_found = false;
	log_buf_dump(log_scan);
	return log_found;
}

/*
 * Did bad_page print Linux 6.1's dump of this page, each field as the page
 * holds it now? names is what %pGp prints for its flags.
 */
static void expect_dump_of(struct ktest *t, struct page *page, const char *names,
			   const char *reason)
{
	char want[128];

	snprintf(want, sizeof(want), "page:%08lx refcount:%d mapcount:%d mapping:00000000 "
		 "index:0x0 pfn:0x%lx\n", (unsigned long)page, page_ref_count(page),
		 (int)page->page_type + 1, page_to_pfn(page));
	KTEST_EXPECT_TRUE(t, log_contains(want));
	snprintf(want, sizeof(want), "flags: 0x%lx(%s)\n", page->flags, names);
	KTEST_EXPECT_TRUE(t, log_contains(want));
	snprintf(want, sizeof(want), "page dumped because: %s\n", reason);
	KTEST_EXPECT_TRUE(t, log_contains(want));
}

/*
 * A double free is reported once as a bad page, and changes nothing. The
 * block (order 4: straight to the free lists) went back to the head of the
 * block it was split from, so the dump shows a free block's head:
 * refcount 0, mapcount from the buddy type.
 */
static void buddy_double_free_reported(struct ktest *t)
{
	static struct buddy_snapshot before, after;
	struct page *page = alloc_pages(GFP_KERNEL, 4);
	unsigned long bad = bad_page_count;

	KTEST_EXPECT_TRUE(t, page != NULL);
	if (!page)
		return;
	__free_pages(page, 4);
	snapshot(&before);
	bad_page_expected = 1;
	__free_pages(page, 4);
	snapshot(&after);
	KTEST_EXPECT_EQ(t, bad_page_count, bad + 1);
	KTEST_EXPECT_EQ(t, bad_page_expected, 0);
	KTEST_EXPECT_TRUE(t, snapshot_equal(&before, &after));
	KTEST_EXPECT_TRUE(t, PageBuddy(page));
	expect_dump_of(t, page, "zone=0", "double free: the block is already free");
}

/* Freeing a reserved page (the kernel's own text) is refused, and the
 * dump shows it as memblock left it: reserved, refcount 1, no type. */
static void buddy_free_reserved_refused(struct ktest *t)
{
	static struct buddy_snapshot before, after;
	struct page *page = virt_to_page(_stext);
	unsigned long bad = bad_page_count;

	KTEST_EXPECT_TRUE(t, PageReserved(page));
	snapshot(&before);
	bad_page_expected = 1;
	__free_pages(page, 0);
	snapshot(&after);
	KTEST_EXPECT_EQ(t, bad_page_count, bad + 1);
	KTEST_EXPECT_TRUE(t, PageReserved(page));
	KTEST_EXPECT_TRUE(t, snapshot_equal(&before, &after));
	expect_dump_of(t, page, "reserved|zone=0", "PAGE_FLAGS_CHECK_AT_FREE flag(s) set");
}

/* __GFP_ZERO really zeroes, even a page that was just dirtied and freed. */
static void buddy_gfp_zero(struct ktest *t)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	u32 *p;
	unsigned int i, nonzero = 0;

	if (!page) {
		KTEST_EXPECT_TRUE(t, page != NULL);
		return;
	}
	p = lowmem_page_address(page);
	for (i = 0; i < PAGE_SIZE / 4; i++)
		p[i] = 0xdeadbeef;
	__free_pages(page, 0);
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	p = lowmem_page_address(page);
	for (i = 0; i < PAGE_SIZE / 4; i++)
		nonzero += p[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	__free_pages(page, 0);
}

/* Too large an order fails cleanly. */
static void buddy_order_too_large(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER) == NULL);
}

/* The zones span exactly lowmem and the rest, and the watermarks are ordered. */
static void zones_match_lowmem_limit(struct ktest *t)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	struct zone *high = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];
	struct zone *zone;

	KTEST_EXPECT_EQ(t, normal->zone_start_pfn, PHYS_PFN_OFFSET);
	KTEST_EXPECT_EQ(t, zone_end_pfn(normal), PFN_DOWN(__pa((unsigned long)high_memory - 1)) + 1);
	if (populated_zone(high)) {
		KTEST_EXPECT_EQ(t, high->zone_start_pfn, zone_end_pfn(normal));
		KTEST_EXPECT_EQ(t, zone_end_pfn(high), max_pfn);
	}
	for_each_populated_zone(zone) {
		KTEST_EXPECT_TRUE(t, min_wmark_pages(zone) < low_wmark_pages(zone));
		KTEST_EXPECT_TRUE(t, low_wmark_pages(zone) < high_wmark_pages(zone));
		KTEST_EXPECT_TRUE(t, zone->managed_pages <= zone->present_pages);
	}
}

/* GFP_HIGHUSER takes HighMem when there is some; GFP_KERNEL never does. */
static void buddy_zone_fallback(struct ktest *t)
{
	bool has_high = populated_zone(&NODE_DATA(0)->node_zones[ZONE_HIGHMEM]);
	struct page *h = alloc_pages(GFP_HIGHUSER, 0), *k = alloc_pages(GFP_KERNEL, 0);

	KTEST_EXPECT_TRUE(t, h && k);
	if (!h || !k)
		return;
	KTEST_EXPECT_EQ(t, PageHighMem(h), has_high);
	KTEST_EXPECT_TRUE(t, !PageHighMem(k));
	__free_pages(h, 0);
	__free_pages(k, 0);
}

/*
 * The order-0 fast path on the real boot's zone: from drained lists, the
 * first allocation refills the Unmovable order-0 list with `batch` pages
 * (they leave the free lists: NR_FREE_PAGES drops by batch), hands one out
 * and parks batch - 1; its free parks it at the list's head, so the next
 * allocation gets the same, cache-hot page back. A drain gives all back.
 *
 *   drained:  list []            free lists: F
 *   alloc:    list [p2 .. pB]    free lists: F - batch, p1 handed out
 *   free(p1): list [p1 p2 .. pB]
 *   alloc:    p1 again
 */
static void pcp_order0_refill_then_lifo(struct ktest *t)
{
	static struct buddy_snapshot before, after;
	struct zone *zone = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	struct per_cpu_pages *pcp = zone->per_cpu_pageset;
	unsigned long free;
	struct page *p1, *p2;

	drain_all_pages(NULL);
	snapshot(&before);
	free = zone_page_state(zone, NR_FREE_PAGES);
	KTEST_EXPECT_TRUE(t, pcp->batch > 1 && pcp->high >= 4 * pcp->batch);
	p1 = alloc_pages(GFP_KERNEL, 0);
	KTEST_EXPECT_TRUE(t, p1 != NULL);
	if (!p1)
		return;
	KTEST_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free - (unsigned long)pcp->batch);
	KTEST_EXPECT_EQ(t, pcp->count, pcp->batch - 1);
	__free_pages(p1, 0);
	KTEST_EXPECT_EQ(t, pcp->count, pcp->batch);
	KTEST_EXPECT_TRUE(t, !PageBuddy(p1));   /* free, yet on no free list */
	p2 = alloc_pages(GFP_KERNEL, 0);
	KTEST_EXPECT_TRUE(t, p2 == p1);
	if (p2)
		__free_pages(p2, 0);
	drain_all_pages(NULL);
	snapshot(&after);
	KTEST_EXPECT_TRUE(t, snapshot_equal(&before, &after));
}

static struct ktest_case buddy_cases[] = {
	KTEST_CASE(zones_match_lowmem_limit),
	KTEST_CASE(buddy_split_then_merge),
	KTEST_CASE(buddy_zone_fallback),
	KTEST_CASE(buddy_gfp_zero),
	KTEST_CASE(buddy_order_too_large),
	KTEST_CASE(buddy_double_free_reported),
	KTEST_CASE(buddy_free_reserved_refused),
	KTEST_CASE(pcp_order0_refill_then_lifo),
	KTEST_CASE(buddy_alloc_all_then_free_all),
	{}
};
KTEST_SUITE(page_alloc_buddy, buddy_cases, NULL);
