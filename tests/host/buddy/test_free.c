/*
 * tests/host/buddy/test_free.c - __free_pages refusing bad frees, and
 * alloc_pages running out (exhaustion against the watermarks).
 */
#include "buddy_test.h"
#include <stdio.h>

/*
 * Expect the log to hold Linux 6.1's dump_page of page, every field read
 * from the page as it is now: refcount, mapcount (page_type + 1), pfn,
 * the flags word and its names, the raw words, and the reason.
 */
static void assert_dump_of(struct page *page, const char *names, const char *reason)
{
	const unsigned int *raw = (const unsigned int *)page;
	char want[160];

	snprintf(want, sizeof(want), "page:%08lx refcount:%d mapcount:%d mapping:00000000 "
		 "index:0x0 pfn:0x%lx\n", (unsigned long)page, page_ref_count(page),
		 (int)page->page_type + 1, page_to_pfn(page));
	assert_non_null(strstr(sim_log(), want));
	snprintf(want, sizeof(want), "flags: 0x%lx(%s)\n", page->flags, names);
	assert_non_null(strstr(sim_log(), want));
	snprintf(want, sizeof(want), "raw: %08x %08x %08x %08x %08x %08x %08x %08x\n", raw[0],
		 raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7]);
	assert_non_null(strstr(sim_log(), want));
	snprintf(want, sizeof(want), "page dumped because: %s\n", reason);
	assert_non_null(strstr(sim_log(), want));
}

/*
 *   alloc order 0 -> [P]      free -> lists hold P again      free P again
 *
 * Expect the second __free_pages to be reported ("Bad page state",
 * bad_page_count up by exactly one) and to change nothing at all. P has
 * merged back into the free block it came from, whose head it is: the
 * dump shows it as a free block's head (refcount 0, mapcount the
 * buddy page_type + 1).
 */
static void __free_pages_double_free_check(void **state)
{
	struct node_snapshot s;
	struct page *page;

	(void)state;
	node_boot_std(MiB(64), 0);
	page = t_alloc(GFP_KERNEL, 0);
	assert_non_null(page);
	t_free(0);
	CHECK_BUDDY();
	snapshot_take(&s);
	__free_pages(page, 0);
	ASSERT_UNCHANGED(&s);
	assert_int_equal(bad_page_count, 1);
	assert_non_null(strstr(sim_log(), "BUG: Bad page state in process swapper/0  pfn:"));
	assert_true(PageBuddy(page));
	assert_int_equal(page_ref_count(page), 0);
	assert_dump_of(page, "zone=0", "double free: the block is already free");
	CHECK_BUDDY();
}

/*
 *   alloc order 3 -> [P P P P P P P P]   free order 3   free the same, order 3
 *
 * Expect the double free of a multi-page block, merged away since, to be
 * reported once and to change nothing.
 */
static void __free_pages_double_free_order3_check(void **state)
{
	struct node_snapshot s;
	struct page *page;

	(void)state;
	node_boot_std(MiB(64), MiB(16));
	page = t_alloc(GFP_HIGHUSER_MOVABLE, 3);
	assert_non_null(page);
	assert_true(PageHighMem(page));
	t_free(0);
	snapshot_take(&s);
	__free_pages(page, 3);
	ASSERT_UNCHANGED(&s);
	assert_int_equal(bad_page_count, 1);
	CHECK_BUDDY();
}

/*
 *   RAM_BASE + 32K: the kernel image, memblock-reserved -> PG_reserved
 *   __free_pages(its first page, 0)
 *
 * Expect a "reserved" bad page report (count +1), and the page to stay
 * out of the free lists.
 */
static void __free_pages_reserved_page_check(void **state)
{
	struct node_snapshot s;
	struct page *kernel;

	(void)state;
	node_boot_std(MiB(64), 0);
	kernel = pfn_to_page(BASE_PFN + 8);
	assert_true(PageReserved(kernel));
	snapshot_take(&s);
	__free_pages(kernel, 0);
	ASSERT_UNCHANGED(&s);
	assert_int_equal(bad_page_count, 1);
	assert_dump_of(kernel, "reserved|zone=0", "PAGE_FLAGS_CHECK_AT_FREE flag(s) set");
	CHECK_BUDDY();
}

/*
 *   alloc order 2 | __GFP_COMP -> head + 3 tails      free it as order 1
 *
 * Expect "freed with the wrong order" (count +1), nothing changed, and
 * the dump to show the compound head: its order and the head flag; the
 * right order then frees it.
 */
static void __free_pages_compound_wrong_order_check(void **state)
{
	struct node_snapshot s;
	struct page *page;

	(void)state;
	node_boot_std(MiB(64), 0);
	page = t_alloc(GFP_KERNEL | __GFP_COMP, 2);
	assert_non_null(page);
	assert_true(PageHead(page));
	assert_int_equal(compound_order(page), 2);
	snapshot_take(&s);
	__free_pages(page, 1);
	ASSERT_UNCHANGED(&s);
	assert_int_equal(bad_page_count, 1);
	assert_dump_of(page, "head|zone=0", "freed with the wrong order");
	assert_non_null(strstr(sim_log(), "order:2 compound_mapcount:0 compound_pincount:0\n"));
	t_free(0);
	assert_int_equal(bad_page_count, 1);
	assert_false(PageHead(page));
	CHECK_BUDDY();
}

/* Allocate (gfp, order) until it fails; return how many blocks. */
static unsigned long alloc_until_null(gfp_t gfp, unsigned int order)
{
	unsigned long n = 0;

	while (t_alloc(gfp | __GFP_NOWARN, order))
		n++;
	return n;
}

/*
 *   Normal: [ free ............................ ]  GFP_KERNEL order 0 until NULL
 *           [ held held held ...         | min ]
 *
 * Expect exactly min_wmark_pages(Normal) pages left (lowmem_reserve[Normal]
 * of Normal is 0), a NULL that changes nothing and prints Linux's
 * "page allocation failure" with the GFP names and show_mem's zone lines
 * in kB, and every page back after freeing.
 */
static void alloc_pages_exhaust_normal_check(void **state)
{
	struct zone *normal = zone_of(ZONE_NORMAL);
	struct node_snapshot s;
	unsigned long start;
	char want[160];

	(void)state;
	node_boot_std(MiB(16), 0);
	start = nr_free_pages();
	assert_int_equal(alloc_until_null(GFP_KERNEL, 0), start - min_wmark_pages(normal));
	assert_int_equal(zone_page_state(normal, NR_FREE_PAGES), min_wmark_pages(normal));
	CHECK_BUDDY();
	snapshot_take(&s);
	sim_log_clear();
	assert_null(alloc_pages(GFP_KERNEL, 0));
	ASSERT_UNCHANGED(&s);
	assert_non_null(strstr(sim_log(), "swapper/0: page allocation failure: order:0, "
				       "mode:0xcc0(GFP_KERNEL), nodemask=(null)\n"));
	snprintf(want, sizeof(want), "\nNormal free:%lukB boost:0kB min:%lukB low:%lukB high:%lukB ",
		 K(min_wmark_pages(normal)), K(min_wmark_pages(normal)), K(low_wmark_pages(normal)),
		 K(high_wmark_pages(normal)));
	assert_non_null(strstr(sim_log(), want));
	assert_non_null(strstr(sim_log(), "\nlowmem_reserve[]: 0 0 0\n"));
	snprintf(want, sizeof(want), " = %lukB\n", K(min_wmark_pages(normal)));
	assert_non_null(strstr(sim_log(), want));
	t_free_all();
	assert_int_equal(nr_free_pages(), start);
	CHECK_BUDDY();
}

/*
 *   HighMem: [ held ...        | min(H) ]     GFP_HIGHUSER order 0 until NULL
 *   Normal:  [ held ... | min(N) + lowmem_reserve[HighMem] ]
 *   then GFP_KERNEL order 0 until NULL:  Normal down to min(N)
 *
 * Expect HighMem to stop at its min, Normal at min + managed(HighMem)/32
 * for GFP_HIGHUSER, then at min for GFP_KERNEL; all back after freeing.
 */
static void alloc_pages_exhaust_highuser_check(void **state)
{
	struct zone *normal = zone_of(ZONE_NORMAL), *high = zone_of(ZONE_HIGHMEM);
	unsigned long start;

	(void)state;
	node_boot_std(MiB(16), MiB(8));
	start = nr_free_pages();
	assert_int_equal(normal->lowmem_reserve[ZONE_HIGHMEM], 2048 / 32);
	alloc_until_null(GFP_HIGHUSER, 0);
	assert_int_equal(zone_page_state(high, NR_FREE_PAGES), min_wmark_pages(high));
	assert_int_equal(zone_page_state(normal, NR_FREE_PAGES),
			 min_wmark_pages(normal) + normal->lowmem_reserve[ZONE_HIGHMEM]);
	CHECK_BUDDY();
	alloc_until_null(GFP_KERNEL, 0);
	assert_int_equal(zone_page_state(normal, NR_FREE_PAGES), min_wmark_pages(normal));
	CHECK_BUDDY();
	t_free_all();
	assert_int_equal(nr_free_pages(), start);
	CHECK_BUDDY();
}

/*
 *   order 10 blocks: [1024][1024][1024] ... until NULL, then order 0
 *
 * Expect order-10 requests to stop when no 4 MiB block is left or the
 * watermark would break, with the free lists intact, and GFP_ATOMIC
 * (__GFP_HIGH) to go on below min, down to min - min/2.
 */
static void alloc_pages_exhaust_order10_then_atomic_check(void **state)
{
	struct zone *normal = zone_of(ZONE_NORMAL);
	unsigned long start, min;

	(void)state;
	node_boot_std(MiB(64), 0);
	start = nr_free_pages();
	min = min_wmark_pages(normal);
	assert_true(alloc_until_null(GFP_KERNEL, MAX_ORDER - 1) > 0);
	CHECK_BUDDY();
	alloc_until_null(GFP_KERNEL, 0);
	assert_int_equal(zone_page_state(normal, NR_FREE_PAGES), min);
	alloc_until_null(GFP_ATOMIC, 0);
	assert_int_equal(zone_page_state(normal, NR_FREE_PAGES), min - min / 2);
	CHECK_BUDDY();
	t_free_all();
	assert_int_equal(nr_free_pages(), start);
	CHECK_BUDDY();
}

/*
 *   alloc_pages(GFP_KERNEL, 11): larger than any block (order 10 = 4 MiB)
 *
 * Expect an order above MAX_ORDER - 1 to fail at once and change nothing.
 */
static void alloc_pages_order_too_large_check(void **state)
{
	struct node_snapshot s;

	(void)state;
	node_boot_std(MiB(16), 0);
	snapshot_take(&s);
	assert_null(alloc_pages(GFP_KERNEL, MAX_ORDER));
	ASSERT_UNCHANGED(&s);
	assert_int_equal(bad_page_count, 0);
}

int buddy_free_group(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(__free_pages_double_free_check),
		cmocka_unit_test(__free_pages_double_free_order3_check),
		cmocka_unit_test(__free_pages_reserved_page_check),
		cmocka_unit_test(__free_pages_compound_wrong_order_check),
		cmocka_unit_test(alloc_pages_exhaust_normal_check),
		cmocka_unit_test(alloc_pages_exhaust_highuser_check),
		cmocka_unit_test(alloc_pages_exhaust_order10_then_atomic_check),
		cmocka_unit_test(alloc_pages_order_too_large_check),
	};

	return cmocka_run_group_tests_name("buddy_free", tests, NULL, NULL);
}
