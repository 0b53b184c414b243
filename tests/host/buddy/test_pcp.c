/*
 * tests/host/buddy/test_pcp.c - the per-CPU page lists (mm/page_alloc_pcp.c
 * and the fast paths in mm/page_alloc.c): Linux 6.1's sizes, refill by
 * batch, spill at high, orders 1-3 through the lists and 4+ around them,
 * drain_all_pages, and the accounting (pages on the lists are free but
 * neither in NR_FREE_PAGES nor in the free lists).
 *
 * The nodes have a big HighMem zone, which exists only as struct pages
 * (nothing touches its memory), so a zone can be as large as Linux's:
 *
 *   RAM_BASE                 +64 MiB                          +64 MiB + highmem
 *   | Normal (lowmem, mapped) | HighMem: order-10 Movable blocks only ... |
 *
 * Every test checks the whole node with buddy_check, whose invariant 9
 * covers the per-CPU lists.
 */
#include "buddy_test.h"

#define LOWMEM          MiB(64)

static struct per_cpu_pages *pcp_of(enum zone_type z)
{
	return zone_of(z)->per_cpu_pageset;
}

/* Boot with per-CPU lists, as start_kernel does after mm_init. */
static void boot_pcp(u32 highmem)
{
	node_boot_std(LOWMEM, highmem);
	setup_per_cpu_pageset();
}

static unsigned long free_pages_of(enum zone_type z)
{
	return zone_page_state(zone_of(z), NR_FREE_PAGES);
}

/* Blocks per order on z's free lists, times their size: buddyinfo's pages. */
static unsigned long buddyinfo_pages(enum zone_type z)
{
	unsigned long n = 0;
	unsigned int o;

	for (o = 0; o < MAX_ORDER; o++)
		n += zone_of(z)->free_area[o].nr_free << o;
	return n;
}

/* How many trace events of this kind since trace_clear. */
static size_t count_ev(const char *event)
{
	size_t i, n = 0;

	for (i = 0; i < ntrace; i++)
		n += !strcmp(trace_evs[i].event, event);
	return n;
}

/*
 *   zone (managed pages)         Linux 6.1 on vexpress-a9      expect batch
 *   HighMem 256 MiB (65536)      1G: HighMem 65536 -> 15             15
 *   HighMem 512 MiB (131072)     512M: DMA 125358 -> 31              31
 *   HighMem 768 MiB (196608)     1G: DMA 189654 -> 63                63
 *
 * Expect zone_batchsize's 2^n - 1 values as Linux's own zoneinfo shows
 * them for zones of those sizes (managed >> 10 in the same power-of-two
 * band), high = the zone's low watermark (at least 4 * batch: one CPU),
 * both zones on the shared boot pageset (high 0, batch 1) before
 * setup_per_cpu_pageset, and empty lists after it.
 */
static void setup_per_cpu_pageset_linux_values_check(void **state)
{
	static const struct { u32 highmem; int batch; } cases[] = {
		{ MiB(256), 15 }, { MiB(512), 31 }, { MiB(768), 63 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct zone *high = zone_of(ZONE_HIGHMEM);

		node_boot_std(LOWMEM, cases[i].highmem);
		assert_int_equal(high->managed_pages, cases[i].highmem >> PAGE_SHIFT);
		assert_ptr_equal(pcp_of(ZONE_HIGHMEM), pcp_of(ZONE_NORMAL));
		assert_int_equal(pcp_of(ZONE_HIGHMEM)->high, 0);
		assert_int_equal(pcp_of(ZONE_HIGHMEM)->batch, 1);
		setup_per_cpu_pageset();
		assert_ptr_not_equal(pcp_of(ZONE_HIGHMEM), pcp_of(ZONE_NORMAL));
		assert_int_equal(pcp_of(ZONE_HIGHMEM)->batch, cases[i].batch);
		assert_int_equal(pcp_of(ZONE_HIGHMEM)->high,
				 max(low_wmark_pages(high), 4UL * cases[i].batch));
		assert_int_equal(high->pageset_batch, cases[i].batch);
		assert_int_equal(pcp_of(ZONE_HIGHMEM)->count, 0);
		CHECK_BUDDY();
	}
}

/*
 *   Normal: 64 MiB, ~15.9K managed: >> 10 = 15, / 4 = 3, 3 + 1 = 4 -> 4 - 1 = 3
 *   a 4 MiB zone: 1K managed -> 1 / 4 = 0 -> 1 -> 2^0 - 1 = 0 -> max(1, 0) = 1
 *
 * Expect batch 3 for the 64 MiB Normal zone and 1 (lists that hold at
 * most what high allows, refilled one page at a time) for a 4 MiB one.
 */
static void zone_batchsize_small_zones_check(void **state)
{
	(void)state;
	boot_pcp(MiB(4));
	assert_int_equal(pcp_of(ZONE_NORMAL)->batch, 3);
	assert_int_equal(pcp_of(ZONE_HIGHMEM)->batch, 1);
	assert_int_equal(pcp_of(ZONE_HIGHMEM)->high,
			 max(low_wmark_pages(zone_of(ZONE_HIGHMEM)), 4UL));
	CHECK_BUDDY();
}

/*
 *   HighMem 256 MiB, batch 15, all order-10 Movable blocks
 *   alloc #1: list empty -> 15 takes (P, P+1, ... P+14 to the tail) -> P
 *   alloc #2..#15: P+1 .. P+14, no take        alloc #16: 15 more takes
 *
 * Expect the first GFP_HIGHUSER_MOVABLE order-0 allocation to move batch
 * pages off the free lists (NR_FREE_PAGES and buddyinfo down by 15, the
 * lists' count 14 after it), the next 14 to come off the list without
 * touching the free lists, in ascending pfns (rmqueue_bulk's tail order),
 * and the 16th to refill again.
 */
static void rmqueue_pcplist_refills_batch_check(void **state)
{
	unsigned long free0, pfn0;
	struct page *page;
	int i;

	(void)state;
	boot_pcp(MiB(256));
	free0 = free_pages_of(ZONE_HIGHMEM);
	trace_clear();
	page = t_alloc(GFP_HIGHUSER_MOVABLE, 0);
	assert_non_null(page);
	pfn0 = page_to_pfn(page);
	assert_true(PageHighMem(page));
	assert_int_equal(count_ev("take"), 15);
	assert_int_equal(free_pages_of(ZONE_HIGHMEM), free0 - 15);
	assert_int_equal(buddyinfo_pages(ZONE_HIGHMEM), free0 - 15);
	assert_int_equal(pcp_of(ZONE_HIGHMEM)->count, 14);
	CHECK_BUDDY();
	trace_clear();
	for (i = 1; i < 15; i++) {
		page = t_alloc(GFP_HIGHUSER_MOVABLE, 0);
		assert_int_equal(page_to_pfn(page), pfn0 + (unsigned long)i);
	}
	assert_int_equal(ntrace, 0);
	assert_int_equal(pcp_of(ZONE_HIGHMEM)->count, 0);
	assert_int_equal(free_pages_of(ZONE_HIGHMEM), free0 - 15);
	assert_non_null(t_alloc(GFP_HIGHUSER_MOVABLE, 0));
	assert_int_equal(count_ev("take"), 15);
	assert_int_equal(pcp_of(ZONE_HIGHMEM)->count, 14);
	CHECK_BUDDY();
	t_free_all();
	CHECK_BUDDY();
}

/*
 *   HighMem 256 MiB: high H = max(low, 60), batch 15
 *   hold H + 15 pages; free them one by one:
 *     count reaches H -> spill 15 (free_factor 0 -> 1): count H - 15
 *     reaches H again  -> spill 30 (batch << 1):        count H - 30 ...
 *
 * Expect the lists never to stay at or above high after a free, the first
 * spill to leave exactly high - batch (nr_pcp_free leaves at least batch
 * and frees batch << free_factor), the second high - 2 * batch, the pages
 * spilled to be back in NR_FREE_PAGES, and an allocation to halve
 * free_factor.
 */
static void free_unref_page_commit_spills_at_high_check(void **state)
{
	struct per_cpu_pages *pcp;
	unsigned long free0, spilled = 0;
	int high, n, i, spills = 0;

	(void)state;
	boot_pcp(MiB(256));
	pcp = pcp_of(ZONE_HIGHMEM);
	high = pcp->high;
	n = high + 2 * pcp->batch;
	for (i = 0; i < n; i++)
		assert_non_null(t_alloc(GFP_HIGHUSER_MOVABLE, 0));
	free0 = free_pages_of(ZONE_HIGHMEM);
	assert_int_equal(pcp->free_factor, 0);
	while (nheld) {
		int before = pcp->count;

		t_free(nheld - 1);
		assert_true(pcp->count < high);
		if (pcp->count < before) {
			spilled += (unsigned long)(before + 1 - pcp->count);
			spills++;
			assert_int_equal(pcp->count, high - spills * pcp->batch);
			assert_int_equal(pcp->free_factor, spills);
		}
		if (spills == 2)
			break;
	}
	assert_int_equal(spills, 2);
	assert_int_equal(free_pages_of(ZONE_HIGHMEM), free0 + spilled);
	CHECK_BUDDY();
	assert_non_null(t_alloc(GFP_HIGHUSER_MOVABLE, 0));
	assert_int_equal(pcp->free_factor, 1);
	t_free_all();
	CHECK_BUDDY();
}

/*
 *   order 3: list empty -> refill max(15 >> 3, 2) = 2 blocks of 8: count 16 - 8
 *   order 4: straight from the free lists and back (PAGE_ALLOC_COSTLY_ORDER 3)
 *
 * Expect an order-3 request to refill its list with 2 blocks and leave one
 * (count 8), its free to put it back on the list (count 16); an order-4
 * request and its free to leave the lists alone and merge back at once.
 */
static void pcp_allowed_order_costly_bypass_check(void **state)
{
	struct per_cpu_pages *pcp;
	unsigned long free0;

	(void)state;
	boot_pcp(MiB(256));
	pcp = pcp_of(ZONE_HIGHMEM);
	free0 = free_pages_of(ZONE_HIGHMEM);
	assert_non_null(t_alloc(GFP_HIGHUSER_MOVABLE, 3));
	assert_int_equal(pcp->count, 8);
	assert_int_equal(free_pages_of(ZONE_HIGHMEM), free0 - 16);
	CHECK_BUDDY();
	t_free(0);
	assert_int_equal(pcp->count, 16);
	assert_int_equal(free_pages_of(ZONE_HIGHMEM), free0 - 16);
	trace_clear();
	assert_non_null(t_alloc(GFP_HIGHUSER_MOVABLE, 4));
	assert_int_equal(pcp->count, 16);
	assert_int_equal(free_pages_of(ZONE_HIGHMEM), free0 - 32);
	assert_int_equal(count_ev("take"), 1);
	t_free(0);
	assert_int_equal(pcp->count, 16);
	assert_int_equal(free_pages_of(ZONE_HIGHMEM), free0 - 16);
	CHECK_BUDDY();
}

/*
 *   spill once (free_factor 1), then free an order-1 block with no
 *   allocation between: free_high -> nr_pcp_high 0, nr_pcp_free = count
 *
 * Expect that order-1 free to empty every list of the zone (Linux keeps
 * high-order pages from piling up on the lists while a task frees).
 */
static void free_unref_page_commit_free_high_check(void **state)
{
	struct per_cpu_pages *pcp;
	struct page *big;
	unsigned long pfn;
	int i, n;

	(void)state;
	boot_pcp(MiB(256));
	pcp = pcp_of(ZONE_HIGHMEM);
	big = t_alloc(GFP_HIGHUSER_MOVABLE, 1);
	assert_non_null(big);
	pfn = page_to_pfn(big);
	n = pcp->high + pcp->batch;
	for (i = 0; i < n; i++)
		assert_non_null(t_alloc(GFP_HIGHUSER_MOVABLE, 0));
	while (nheld > 1 && !pcp->free_factor)
		t_free(nheld - 1);
	assert_int_equal(pcp->free_factor, 1);
	assert_true(pcp->count > 0);
	assert_int_equal(held[0].pfn, pfn);
	t_free(0);
	assert_int_equal(pcp->count, 0);
	t_free_all();
	CHECK_BUDDY();
}

/*
 *   Normal and HighMem lists holding pages -> drain_all_pages
 *
 * Expect every page back on the free lists: counts 0, buddyinfo and
 * NR_FREE_PAGES exactly as right after boot (everything was freed), and
 * drain_local_pages(zone) to empty only that zone.
 */
static void drain_all_pages_returns_everything_check(void **state)
{
	unsigned long boot_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned int o;
	int z, i;

	(void)state;
	boot_pcp(MiB(256));
	for (z = 0; z < MAX_NR_ZONES; z++)
		for (o = 0; o < MAX_ORDER; o++)
			boot_free[z][o] = zone_of(z)->free_area[o].nr_free;
	for (i = 0; i < 40; i++) {
		assert_non_null(t_alloc(GFP_KERNEL, (unsigned int)i % 4));
		assert_non_null(t_alloc(GFP_HIGHUSER_MOVABLE, (unsigned int)i % 3));
	}
	t_free_all();
	assert_true(pcp_of(ZONE_NORMAL)->count > 0 && pcp_of(ZONE_HIGHMEM)->count > 0);
	CHECK_BUDDY();
	drain_local_pages(zone_of(ZONE_HIGHMEM));
	assert_int_equal(pcp_of(ZONE_HIGHMEM)->count, 0);
	assert_true(pcp_of(ZONE_NORMAL)->count > 0);
	drain_all_pages(NULL);
	assert_int_equal(pcp_of(ZONE_NORMAL)->count, 0);
	for (z = 0; z < MAX_NR_ZONES; z++)
		for (o = 0; o < MAX_ORDER; o++)
			assert_int_equal(zone_of(z)->free_area[o].nr_free, boot_free[z][o]);
	assert_int_equal(nr_free_pcp_pages(), 0);
	CHECK_BUDDY();
}

/*
 *   Normal 64 MiB, HighMem empty: GFP_KERNEL order 0 until NULL
 *
 * Expect the failing request to have drained the lists first (Linux's
 * direct reclaim path): count 0 when alloc_pages gives up, and every page
 * but the min watermark's in held[]. A GFP_ATOMIC request, which may not
 * reclaim (GFP_NOWAIT), fails without draining: the two pages freed
 * onto the list since stay there.
 */
static void alloc_pages_drains_before_failing_check(void **state)
{
	struct zone *normal = zone_of(ZONE_NORMAL);
	struct page *page;

	(void)state;
	boot_pcp(0);
	while ((page = t_alloc(GFP_KERNEL | __GFP_NOWARN, 0)))
		;
	assert_int_equal(pcp_of(ZONE_NORMAL)->count, 0);
	assert_true(free_pages_of(ZONE_NORMAL) <= min_wmark_pages(normal));
	CHECK_BUDDY();
	t_free(nheld - 1);
	t_free(nheld - 1);
	assert_int_equal(pcp_of(ZONE_NORMAL)->count, 2);
	assert_null(alloc_pages(GFP_NOWAIT | __GFP_NOWARN, 0));
	assert_int_equal(pcp_of(ZONE_NORMAL)->count, 2);
	t_free_all();
	CHECK_BUDDY();
}

/*
 *   Normal: pages on its list; show_mem
 *
 * Expect show_mem's "free_pcp:" to count them, globally in pages and on
 * the zone's line in kB (local_pcp too: one CPU), and "free:" and the
 * per-order line to leave them out, as Linux's show_free_areas does.
 */
static void show_mem_free_pcp_check(void **state)
{
	char want[96];
	int count;

	(void)state;
	boot_pcp(MiB(256));
	assert_non_null(t_alloc(GFP_KERNEL, 0));
	t_free_all();
	count = pcp_of(ZONE_NORMAL)->count;
	assert_int_equal(count, 3);     /* batch 3: the refill, the one allocated back */
	sim_log_clear();
	show_mem(ZONE_HIGHMEM);
	snprintf(want, sizeof(want), " free:%lu free_pcp:%d free_cma:0\n", nr_free_pages(), count);
	assert_non_null(strstr(sim_log(), want));
	snprintf(want, sizeof(want), "bounce:0kB free_pcp:%dkB local_pcp:%dkB free_cma:0kB\n",
		 count * 4, count * 4);
	assert_non_null(strstr(sim_log(), want));
	snprintf(want, sizeof(want), "Normal free:%lukB ", free_pages_of(ZONE_NORMAL) * 4);
	assert_non_null(strstr(sim_log(), want));
	snprintf(want, sizeof(want), "= %lukB\n", buddyinfo_pages(ZONE_NORMAL) * 4);
	assert_non_null(strstr(sim_log(), want));
	assert_int_equal(buddyinfo_pages(ZONE_NORMAL), free_pages_of(ZONE_NORMAL));
	CHECK_BUDDY();
}

int buddy_pcp_group(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(setup_per_cpu_pageset_linux_values_check),
		cmocka_unit_test(zone_batchsize_small_zones_check),
		cmocka_unit_test(rmqueue_pcplist_refills_batch_check),
		cmocka_unit_test(free_unref_page_commit_spills_at_high_check),
		cmocka_unit_test(pcp_allowed_order_costly_bypass_check),
		cmocka_unit_test(free_unref_page_commit_free_high_check),
		cmocka_unit_test(drain_all_pages_returns_everything_check),
		cmocka_unit_test(alloc_pages_drains_before_failing_check),
		cmocka_unit_test(show_mem_free_pcp_check),
	};

	return cmocka_run_group_tests_name("pcp", tests, NULL, NULL);
}
