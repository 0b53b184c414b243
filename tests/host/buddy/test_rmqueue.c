/*
 * tests/host/buddy/test_rmqueue.c - taking blocks off the free lists:
 * __rmqueue_smallest's split (expand), __free_one_page's merge, and
 * __rmqueue_fallback's stealing from another migratetype.
 */
#include "buddy_test.h"

/* Expect trace event i to be (event, pfn, order, mt). */
static void assert_ev(size_t i, const char *event, unsigned long pfn, unsigned int order, int mt)
{
	assert_true(i < ntrace);
	assert_string_equal(trace_evs[i].event, event);
	assert_int_equal(trace_evs[i].pfn, pfn);
	assert_int_equal(trace_evs[i].order, order);
	assert_int_equal(trace_evs[i].mt, mt);
}

/*
 *   HighMem, 8 MiB = two order-10 Movable blocks, nothing smaller:
 *   order 10: [ B ......................................... ]  take
 *             [ 4 | 4 | 5 |   6   |    7    |   8   |    9    ]
 *              got  put back: 9 8 7 6 5 4 (upper halves, high first)
 *
 * Expect __rmqueue_smallest(HighMem, 4, Movable) to take one order-10
 * block and put back exactly 9, 8, 7, 6, 5, 4 (events "take", then six
 * "split"), and freeing it to merge 4..9 back into one order-10 "put".
 */
static void __rmqueue_smallest_split_4_of_10_check(void **state)
{
	struct zone *high = zone_of(ZONE_HIGHMEM);
	unsigned long pfn;
	struct page *page;
	unsigned int o;

	(void)state;
	node_boot_std(MiB(16), MiB(8));
	assert_int_equal(high->free_area[MAX_ORDER - 1].nr_free, 2);
	page = __rmqueue_smallest(high, 4, MIGRATE_MOVABLE);
	assert_non_null(page);
	pfn = page_to_pfn(page);
	assert_int_equal(pfn & (pageblock_nr_pages - 1), 0);
	assert_int_equal(ntrace, 7);
	assert_ev(0, "take", pfn, 10, MIGRATE_MOVABLE);
	for (o = 9; o >= 4; o--)
		assert_ev(10 - o, "split", pfn + (1UL << o), o, MIGRATE_MOVABLE);
	for (o = 4; o < MAX_ORDER - 1; o++)
		assert_int_equal(high->free_area[o].nr_free, 1);
	assert_int_equal(high->free_area[MAX_ORDER - 1].nr_free, 1);
	held[nheld++] = (struct buddy_block){ pfn, 4 };
	set_page_count(page, 1);                /* what prep_new_page does */
	CHECK_BUDDY();
	trace_clear();
	t_free(0);
	assert_int_equal(ntrace, 7);
	for (o = 4; o <= 9; o++)
		assert_ev(o - 4, "merge", pfn + (1UL << o), o, MIGRATE_MOVABLE);
	assert_ev(6, "put", pfn, 10, MIGRATE_MOVABLE);
	assert_int_equal(high->free_area[MAX_ORDER - 1].nr_free, 2);
	CHECK_BUDDY();
}

/*
 *   HighMem free_list[Unmovable]: (empty)   Normal free_list[Reclaimable]: (empty)
 *
 * Expect __rmqueue_smallest of a type with no blocks (Unmovable in a
 * fresh zone: every pageblock starts Movable) to return NULL and change
 * nothing.
 */
static void __rmqueue_smallest_empty_type_check(void **state)
{
	struct node_snapshot s;

	(void)state;
	node_boot_std(MiB(16), MiB(8));
	snapshot_take(&s);
	assert_null(__rmqueue_smallest(zone_of(ZONE_HIGHMEM), 0, MIGRATE_UNMOVABLE));
	assert_null(__rmqueue_smallest(zone_of(ZONE_NORMAL), 0, MIGRATE_RECLAIMABLE));
	ASSERT_UNCHANGED(&s);
	assert_int_equal(ntrace, 0);
}

/* How many pageblocks of zone have type mt. */
static unsigned long blocks_of_type(struct zone *zone, int mt)
{
	unsigned long pfn, n = 0;

	for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn += pageblock_nr_pages)
		n += get_pageblock_migratetype(pfn_to_page(pfn)) == mt;
	return n;
}

/*
 *   64 MiB, every pageblock Movable, Unmovable lists empty:
 *   GFP_KERNEL order 0 -> steal a whole order-10 Movable block
 *   [ Movable 4M ] -> [ Unmovable 4M: 1 page out, 9..0 put back ]
 *   1023 more order-0: from that block; the 1025th steals a second one
 *
 * Expect "steal" of an order-10 Movable block, its pageblock to turn
 * Unmovable (order >= pageblock_order), no steal while its 1023 pages
 * last, and a second pageblock to turn Unmovable on the next request.
 */
static void __rmqueue_fallback_unmovable_steals_pageblock_check(void **state)
{
	struct zone *normal = zone_of(ZONE_NORMAL);
	struct page *page;
	unsigned long pfn;
	int i;

	(void)state;
	node_boot_std(MiB(64), 0);
	assert_int_equal(blocks_of_type(normal, MIGRATE_UNMOVABLE), 0);
	page = t_alloc(GFP_KERNEL, 0);
	assert_non_null(page);
	pfn = page_to_pfn(page);
	assert_ev(0, "steal", pfn, 10, MIGRATE_MOVABLE);
	assert_ev(1, "take", pfn, 10, MIGRATE_UNMOVABLE);
	assert_int_equal(get_pageblock_migratetype(page), MIGRATE_UNMOVABLE);
	assert_int_equal(blocks_of_type(normal, MIGRATE_UNMOVABLE), 1);
	CHECK_BUDDY();
	trace_clear();
	for (i = 0; i < 1023; i++)
		assert_int_equal(page_to_pfn(t_alloc(GFP_KERNEL, 0)) & ~(pageblock_nr_pages - 1), pfn);
	for (i = 0; i < (int)ntrace; i++)
		assert_string_not_equal(trace_evs[i].event, "steal");
	assert_non_null(t_alloc(GFP_KERNEL, 0));
	assert_int_equal(blocks_of_type(normal, MIGRATE_UNMOVABLE), 2);
	CHECK_BUDDY();
	t_free_all();
	assert_int_equal(blocks_of_type(normal, MIGRATE_UNMOVABLE), 2);
	CHECK_BUDDY();
}

/* An 8 MiB node: pageblock 0 free from first_free on, pageblock 1 only its top. */
static void boot_two_pageblocks(phys_addr_t first_free)
{
	const struct rsv rsv[] = {
		{ RAM_BASE, first_free - RAM_BASE },
		{ RAM_BASE + SZ_4M, MiB(3) + MiB(3) / 4 },      /* up to 0x607c0000 */
	};

	node_boot(MiB(8), 0, rsv, ARRAY_SIZE(rsv));
	/* 2048 pages are fewer than a pageblock per migratetype: Linux would
	 * turn mobility grouping off here. These tests are about the rules
	 * with it on, so switch it back on. */
	assert_true(page_group_by_mobility_disabled);
	page_group_by_mobility_disabled = 0;
}

/*
 *   16 MiB node: ~4000 pages < 6 x 1024   |   64 MiB node: ~16000 pages
 *
 * Expect mobility grouping off on the small node (build_all_zonelists'
 * rule), so a movable request is treated as unmovable and its stolen
 * pageblock turns Unmovable whatever it held; and on for the large one.
 */
static void page_group_by_mobility_disabled_small_node_check(void **state)
{
	struct page *page;

	(void)state;
	node_boot_std(MiB(64), 0);
	assert_false(page_group_by_mobility_disabled);
	node_boot_std(MiB(16), 0);
	assert_true(page_group_by_mobility_disabled);
	assert_int_equal(gfp_migratetype(GFP_HIGHUSER_MOVABLE), MIGRATE_UNMOVABLE);
	page = t_alloc(GFP_HIGHUSER_MOVABLE, 0);
	assert_non_null(page);
	assert_ev(0, "steal", page_to_pfn(page) & ~(pageblock_nr_pages - 1), 10, MIGRATE_MOVABLE);
	assert_int_equal(get_pageblock_migratetype(page), MIGRATE_UNMOVABLE);
	CHECK_BUDDY();
	t_free_all();
	CHECK_BUDDY();
}

/*
 *   pageblock 0 (Movable): [ reserved 3 MiB ......... | free o8 ]  256 free
 *   pageblock 1 (Movable): [ reserved .......... | 47 free | mem_map ]
 *   GFP_KERNEL order 0: no order >= 9 anywhere; the largest is o8 at 0x60300
 *
 * Expect the o8 block to be stolen, and its pageblock to stay Movable
 * (256 free < half a pageblock): the o8 block and the halves split from
 * it sit on Unmovable lists inside a Movable pageblock.
 */
static void __rmqueue_fallback_less_than_half_keeps_type_check(void **state)
{
	struct zone *normal = zone_of(ZONE_NORMAL);
	struct page *page;

	(void)state;
	boot_two_pageblocks(RAM_BASE + MiB(3));
	page = t_alloc(GFP_KERNEL, 0);
	assert_non_null(page);
	assert_int_equal(page_to_pfn(page), BASE_PFN + 0x300);
	assert_ev(0, "steal", BASE_PFN + 0x300, 8, MIGRATE_MOVABLE);
	assert_ev(1, "take", BASE_PFN + 0x300, 8, MIGRATE_UNMOVABLE);
	assert_int_equal(get_pageblock_migratetype(page), MIGRATE_MOVABLE);
	assert_int_equal(blocks_of_type(normal, MIGRATE_UNMOVABLE), 0);
	assert_int_equal(normal->free_area[7].nr_free, 1);
	assert_false(list_empty(&normal->free_area[7].free_list[MIGRATE_UNMOVABLE]));
	CHECK_BUDDY();
	t_free_all();
	assert_false(list_empty(&normal->free_area[8].free_list[MIGRATE_MOVABLE]));
	CHECK_BUDDY();
}

/*
 *   pageblock 0 (Movable): [ rsv 1 MiB | free o8 | free o9 ]  768 free
 *   GFP_KERNEL order 0 -> steal the o9 block, move the whole pageblock
 *
 * Expect the pageblock to turn Unmovable (768 >= 512 free), both its
 * blocks to move to Unmovable, and the page to come from the smaller
 * o8 block (__rmqueue_smallest after the steal takes the smallest).
 */
static void __rmqueue_fallback_half_free_changes_type_check(void **state)
{
	struct zone *normal = zone_of(ZONE_NORMAL);
	struct page *page;

	(void)state;
	boot_two_pageblocks(RAM_BASE + MiB(1));
	page = t_alloc(GFP_KERNEL, 0);
	assert_non_null(page);
	assert_ev(0, "steal", BASE_PFN + 0x200, 9, MIGRATE_MOVABLE);
	assert_int_equal(page_to_pfn(page), BASE_PFN + 0x100);
	assert_int_equal(get_pageblock_migratetype(page), MIGRATE_UNMOVABLE);
	assert_false(list_empty(&normal->free_area[9].free_list[MIGRATE_UNMOVABLE]));
	CHECK_BUDDY();
	t_free_all();
	CHECK_BUDDY();
}

/*
 *   Normal has Movable blocks only; GFP_KERNEL | __GFP_RECLAIMABLE order 3
 *
 * Expect Reclaimable to steal like Unmovable (fallbacks: Unmovable, then
 * Movable): a whole order-10 block, its pageblock turning Reclaimable.
 */
static void __rmqueue_fallback_reclaimable_check(void **state)
{
	struct page *page;

	(void)state;
	node_boot_std(MiB(64), 0);
	page = t_alloc(GFP_KERNEL | __GFP_RECLAIMABLE, 3);
	assert_non_null(page);
	assert_ev(0, "steal", page_to_pfn(page), 10, MIGRATE_MOVABLE);
	assert_int_equal(get_pageblock_migratetype(page), MIGRATE_RECLAIMABLE);
	CHECK_BUDDY();
	t_free_all();
	CHECK_BUDDY();
}

/*
 *   Normal 6 MiB, HighMem 6 MiB: the pageblock 0x60400..0x607ff is half each
 *   HighMem: [ 0x60600 o9 | 0x60800 o10 ]   take the o10 (movable), then
 *   GFP_HIGHUSER order 0: steal the o9, whose pageblock crosses into Normal
 *
 * Expect move_freepages_block to refuse that pageblock (Linux returns 0
 * for one the zone does not wholly span): only the o9 block moves to
 * Unmovable, and the pageblock stays Movable although all 512 of the
 * zone's pages in it are free (clamped to the zone, they would count as
 * half a pageblock and turn it).
 */
static void move_freepages_block_zone_edge_refused_check(void **state)
{
	struct page *page;

	(void)state;
	node_boot_std(MiB(6), MiB(6));
	page_group_by_mobility_disabled = 0;    /* 3072 pages: see boot_two_pageblocks */
	assert_int_equal(zone_of(ZONE_HIGHMEM)->zone_start_pfn, BASE_PFN + 0x600);
	assert_int_equal(page_to_pfn(t_alloc(GFP_HIGHUSER_MOVABLE, 10)), BASE_PFN + 0x800);
	trace_clear();
	page = t_alloc(GFP_HIGHUSER, 0);
	assert_non_null(page);
	assert_ev(0, "steal", BASE_PFN + 0x600, 9, MIGRATE_MOVABLE);
	assert_int_equal(page_to_pfn(page), BASE_PFN + 0x600);
	assert_int_equal(get_pageblock_migratetype(page), MIGRATE_MOVABLE);
	assert_false(list_empty(&zone_of(ZONE_HIGHMEM)->free_area[8].free_list[MIGRATE_UNMOVABLE]));
	CHECK_BUDDY();
	t_free_all();
	CHECK_BUDDY();
}

int buddy_rmqueue_group(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(__rmqueue_smallest_split_4_of_10_check),
		cmocka_unit_test(__rmqueue_smallest_empty_type_check),
		cmocka_unit_test(__rmqueue_fallback_unmovable_steals_pageblock_check),
		cmocka_unit_test(__rmqueue_fallback_less_than_half_keeps_type_check),
		cmocka_unit_test(__rmqueue_fallback_half_free_changes_type_check),
		cmocka_unit_test(__rmqueue_fallback_reclaimable_check),
		cmocka_unit_test(page_group_by_mobility_disabled_small_node_check),
		cmocka_unit_test(move_freepages_block_zone_edge_refused_check),
	};

	return cmocka_run_group_tests_name("buddy_rmqueue", tests, NULL, NULL);
}
