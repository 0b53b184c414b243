/*
 * tests/host/buddy/test_check.c - the checker (tests/host/lib/buddy_check.c)
 * catches what it claims to: each test corrupts a healthy node on purpose
 * and expects exactly the errors that corruption must cause.
 */
#include "buddy_test.h"

/* Run the checker over held[]; return its error count. */
static unsigned long check_errors(struct buddy_check_result *res)
{
	struct buddy_check c = {
		.pgdat = NODE_DATA(0), .mem_map = mem_map,
		.base_pfn = ARCH_PFN_OFFSET, .end_pfn = max_pfn,
		.held = held, .nheld = nheld, .held_complete = true,
	};

	buddy_check_run(&c, res);
	return res->errors;
}

/* The head of the first free block of zone z, order o, type mt. */
static struct page *first_free(enum zone_type z, unsigned int o, int mt)
{
	struct list_head *head = &zone_of(z)->free_area[o].free_list[mt];

	assert_false(list_empty(head));
	return list_first_entry(head, struct page, lru);
}

/*
 *   HighMem order-10 block B: PageBuddy cleared by hand
 *
 * Expect exactly 1 error: B is on a list without PageBuddy (it is still
 * counted, so the counts agree).
 */
static void buddy_check_run_not_pagebuddy_check(void **state)
{
	struct buddy_check_result res;

	(void)state;
	node_boot_std(MiB(16), MiB(8));
	assert_int_equal(check_errors(&res), 0);
	__ClearPageBuddy(first_free(ZONE_HIGHMEM, 10, MIGRATE_MOVABLE));
	assert_int_equal(check_errors(&res), 1);
	assert_non_null(strstr(res.why, "PageBuddy 0"));
}

/*
 *   HighMem free_area[3].nr_free: n -> n + 1 (lists unchanged); then
 *   Normal NR_FREE_PAGES: F -> F - 1
 *
 * Expect nr_free one too high and NR_FREE_PAGES one too low to be one
 * error each.
 */
static void buddy_check_run_counts_check(void **state)
{
	struct buddy_check_result res;

	(void)state;
	node_boot_std(MiB(16), MiB(8));
	zone_of(ZONE_HIGHMEM)->free_area[3].nr_free++;
	assert_int_equal(check_errors(&res), 1);
	assert_non_null(strstr(res.why, "nr_free"));
	zone_of(ZONE_HIGHMEM)->free_area[3].nr_free--;
	zone_of(ZONE_NORMAL)->vm_stat[NR_FREE_PAGES]--;
	assert_int_equal(check_errors(&res), 1);
	assert_non_null(strstr(res.why, "NR_FREE_PAGES"));
}

/*
 *   HighMem: [ B order 10 ]  ->  [ B0 order 9 | B1 order 9 ]  both listed
 *
 * Expect exactly one error: B0 and B1 are buddies left unmerged.
 */
static void buddy_check_run_unmerged_buddies_check(void **state)
{
	struct zone *high = zone_of(ZONE_HIGHMEM);
	struct buddy_check_result res;
	struct page *b;

	(void)state;
	node_boot_std(MiB(16), MiB(8));
	buddy_trace = NULL;
	b = __rmqueue_smallest(high, 9, MIGRATE_MOVABLE);  /* B0 out, B1 put back */
	assert_non_null(b);
	__free_one_page(b, page_to_pfn(b), high, 9, MIGRATE_MOVABLE, FPI_NONE);  /* merges again */
	assert_int_equal(check_errors(&res), 0);
	b = __rmqueue_smallest(high, 9, MIGRATE_MOVABLE);
	/* put B0 back by hand, without merging */
	b->private = 9;
	__SetPageBuddy(b);
	list_add(&b->lru, &high->free_area[9].free_list[MIGRATE_MOVABLE]);
	high->free_area[9].nr_free++;
	high->vm_stat[NR_FREE_PAGES] += 512;
	assert_int_equal(check_errors(&res), 1);
	assert_non_null(strstr(res.why, "not merged"));
}

/*
 *   held: [ P ] from alloc_pages, also put on a free list by hand
 *
 * Expect 6 errors: nr_free and NR_FREE_PAGES off by one, P and its free
 * order-0 buddy unmerged, the held page on a free list, PageBuddy on a
 * held page, and managed != free + held.
 */
static void buddy_check_run_held_on_list_check(void **state)
{
	struct zone *normal = zone_of(ZONE_NORMAL);
	struct buddy_check_result res;
	struct page *p;

	(void)state;
	node_boot_std(MiB(16), 0);
	p = t_alloc(GFP_KERNEL, 0);
	assert_non_null(p);
	assert_int_equal(check_errors(&res), 0);
	p->private = 0;
	__SetPageBuddy(p);
	list_add(&p->lru, &normal->free_area[0].free_list[MIGRATE_UNMOVABLE]);
	assert_int_equal(check_errors(&res), 6);
	assert_non_null(strstr(res.why, "nr_free"));
}

/*
 *   Normal: [ held order 2 ] ... held[] forgets it
 *
 * Expect a leaked page (allocated, then forgotten by the test) to break
 * managed == free + held: one error.
 */
static void buddy_check_run_leak_check(void **state)
{
	struct buddy_check_result res;

	(void)state;
	node_boot_std(MiB(16), 0);
	assert_non_null(t_alloc(GFP_KERNEL, 2));
	nheld = 0;
	assert_int_equal(check_errors(&res), 1);
	assert_non_null(strstr(res.why, "leak"));
}

/*
 *   Normal per-CPU lists after one GFP_KERNEL alloc + free: 3 pages (batch 3)
 *   count 3 -> 4 by hand; then back, and one listed page's type 0 -> 2
 *
 * Expect a count that disagrees with the lists to be one error, and so a
 * page on the Unmovable list that would go back to the Reclaimable list.
 */
static void buddy_check_run_pcp_check(void **state)
{
	struct per_cpu_pages *pcp;
	struct buddy_check_result res;
	struct page *p;

	(void)state;
	node_boot_std(MiB(64), 0);
	setup_per_cpu_pageset();
	assert_non_null(t_alloc(GFP_KERNEL, 0));
	t_free(0);
	pcp = zone_of(ZONE_NORMAL)->per_cpu_pageset;
	assert_int_equal(check_errors(&res), 0);
	assert_int_equal(res.pcp_pages, 3);
	pcp->count++;
	assert_int_equal(check_errors(&res), 1);
	assert_non_null(strstr(res.why, "per-CPU count"));
	pcp->count--;
	p = list_first_entry(&pcp->lists[MIGRATE_UNMOVABLE], struct page, lru);
	set_pcppage_migratetype(p, MIGRATE_RECLAIMABLE);
	assert_int_equal(check_errors(&res), 1);
	assert_non_null(strstr(res.why, "remembers type 2"));
}

int buddy_check_group(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(buddy_check_run_not_pagebuddy_check),
		cmocka_unit_test(buddy_check_run_counts_check),
		cmocka_unit_test(buddy_check_run_unmerged_buddies_check),
		cmocka_unit_test(buddy_check_run_held_on_list_check),
		cmocka_unit_test(buddy_check_run_leak_check),
		cmocka_unit_test(buddy_check_run_pcp_check),
	};

	return cmocka_run_group_tests_name("buddy_check", tests, NULL, NULL);
}
