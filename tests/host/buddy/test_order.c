/*
 * tests/host/buddy/test_order.c - where a freed block goes on its list,
 * and so which block the allocator hands out next: Linux 6.1's
 * FPI_TO_TAIL for the boot's frees (__free_pages_core) and its
 * buddy_merge_likely() choice for every other free (__free_one_page).
 */
#include "buddy_test.h"

static struct page *first_on(struct zone *zone, unsigned int order, int mt)
{
	return list_first_entry_or_null(&zone->free_area[order].free_list[mt], struct page, lru);
}

static struct page *last_on(struct zone *zone, unsigned int order, int mt)
{
	struct list_head *head = &zone->free_area[order].free_list[mt];

	return list_empty(head) ? NULL : list_entry(head->prev, struct page, lru);
}

/* Free the held block that starts at pfn (t_free by pfn). */
static void free_held(unsigned long pfn)
{
	size_t i;

	for (i = 0; i < nheld; i++)
		if (held[i].pfn == pfn) {
			t_free(i);
			return;
		}
	fail_msg("pfn 0x%lx is not held", pfn);
}

/*
 *   Normal 64 MiB + HighMem 16 MiB, freed by memblock_free_all low to high
 *   every list: head [ lowest pfn ] -> [ ... ] -> [ highest pfn ] tail
 *
 * Expect every free list of every zone to run in ascending pfn order after
 * boot (each boot free went to the tail), and order-10 requests to hand out
 * HighMem's blocks from its first pfn up, 1024 pages apart (three of its
 * four: the last one would take HighMem below its min watermark).
 */
static void __free_pages_core_lists_ascend_check(void **state)
{
	struct zone *zone, *high = zone_of(ZONE_HIGHMEM);
	struct page *p;
	unsigned int o;
	int mt, i;

	(void)state;
	node_boot_std(MiB(64), MiB(16));
	for_each_populated_zone(zone)
		for (o = 0; o < MAX_ORDER; o++)
			for (mt = 0; mt < MIGRATE_TYPES; mt++) {
				unsigned long last = 0;

				list_for_each_entry(p, &zone->free_area[o].free_list[mt], lru) {
					assert_true(page_to_pfn(p) > last);
					last = page_to_pfn(p);
				}
			}
	for (i = 0; i < 3; i++) {
		p = t_alloc(GFP_HIGHUSER_MOVABLE, MAX_ORDER - 1);
		assert_non_null(p);
		assert_int_equal(page_to_pfn(p), high->zone_start_pfn + i * pageblock_nr_pages);
	}
	CHECK_BUDDY();
	t_free_all();
	CHECK_BUDDY();
}

/*
 *   a=P (o0)  b=P+1 (o0)  c=P+2 (o1)  d=P+4 (o0); split leftovers P+5 (o0), P+6 (o1)
 *   free c: its buddy P..P+1 is held, and so is P+4's block -> no merge likely -> head of o1
 *   free a: its buddy b is held, but c (P+2, o1) is free    -> merge likely    -> tail of o0
 *
 * Expect c at the head of the order-1 list, ahead of P+6, and a at the
 * tail of the order-0 list, behind P+5.
 */
static void __free_one_page_buddy_merge_likely_check(void **state)
{
	struct zone *normal = zone_of(ZONE_NORMAL);
	unsigned long P;
	int mt;

	(void)state;
	node_boot_std(MiB(64), 0);
	P = page_to_pfn(t_alloc(GFP_KERNEL, 0));
	assert_int_equal(page_to_pfn(t_alloc(GFP_KERNEL, 0)), P + 1);
	assert_int_equal(page_to_pfn(t_alloc(GFP_KERNEL, 1)), P + 2);
	assert_int_equal(page_to_pfn(t_alloc(GFP_KERNEL, 0)), P + 4);
	mt = get_pageblock_migratetype(pfn_to_page(P));
	assert_int_equal(page_to_pfn(first_on(normal, 0, mt)), P + 5);
	assert_int_equal(page_to_pfn(first_on(normal, 1, mt)), P + 6);
	free_held(P + 2);
	assert_int_equal(page_to_pfn(first_on(normal, 1, mt)), P + 2);
	assert_int_equal(page_to_pfn(last_on(normal, 1, mt)), P + 6);
	free_held(P);
	assert_int_equal(page_to_pfn(first_on(normal, 0, mt)), P + 5);
	assert_int_equal(page_to_pfn(last_on(normal, 0, mt)), P);
	CHECK_BUDDY();
	t_free_all();
	CHECK_BUDDY();
}

int buddy_order_group(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(__free_pages_core_lists_ascend_check),
		cmocka_unit_test(__free_one_page_buddy_merge_likely_check),
	};

	return cmocka_run_group_tests_name("buddy_order", tests, NULL, NULL);
}
