/*
 * tests/host/buddy/test_random.c - seeded random alloc/free sequences,
 * every step checked by the independent checker (host/buddy_check.h).
 *
 * Each step allocates (orders 0-10, small ones more often; GFP_KERNEL,
 * GFP_HIGHUSER, movable, reclaimable; sometimes __GFP_COMP or __GFP_ZERO)
 * or frees a random held block. Lowmem blocks are filled with 0xa5 before
 * they are freed, so a __GFP_ZERO block that is not zeroed shows.
 */
#include "buddy_test.h"
#include <stdio.h>
#include <stdlib.h>

static u32 rnd_state;

static u32 rnd(void)
{
	u32 x = rnd_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return rnd_state = x;
}

static const gfp_t gfps[] = {
	GFP_KERNEL, GFP_HIGHUSER, GFP_HIGHUSER_MOVABLE, GFP_KERNEL | __GFP_RECLAIMABLE,
	GFP_KERNEL | __GFP_MOVABLE, GFP_ATOMIC,
};

static unsigned int random_order(void)
{
	return (rnd() & 1) ? rnd() % 3 : rnd() % MAX_ORDER;
}

/* Per zone and order, the free blocks now (to compare start and end). */
struct free_counts {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_pages;
};

static void count_free(struct free_counts *fc)
{
	int z;
	unsigned int o;

	for (z = 0; z < MAX_NR_ZONES; z++)
		for (o = 0; o < MAX_ORDER; o++)
			fc->nr_free[z][o] = zone_of(z)->free_area[o].nr_free;
	fc->free_pages = nr_free_pages();
}

static bool all_zero(const u8 *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

/* One allocation step: a failure must change nothing; a zeroed lowmem block must be zero. */
static void step_alloc(void)
{
	gfp_t gfp = gfps[rnd() % ARRAY_SIZE(gfps)] | __GFP_NOWARN;
	unsigned int order = random_order();
	struct node_snapshot s;
	struct page *page;

	if (rnd() % 4 == 0)
		gfp |= __GFP_COMP;
	if (rnd() % 4 == 0)
		gfp |= __GFP_ZERO;
	snapshot_take(&s);
	page = t_alloc(gfp, order);
	if (!page) {
		ASSERT_UNCHANGED(&s);
		return;
	}
	free(s.map);
	if ((gfp & __GFP_ZERO) && !PageHighMem(page))
		assert_true(all_zero(page_address(page), PAGE_SIZE << order));
}

static void step_free(void)
{
	size_t i = rnd() % nheld;
	struct page *page = pfn_to_page(held[i].pfn);

	if (!PageHighMem(page))
		memset(page_address(page), 0xa5, PAGE_SIZE << held[i].order);
	t_free(i);
}

/* steps random steps from seed on the booted node, then free everything. */
static void run_random(u32 seed, int steps)
{
	struct free_counts start, end;
	int i;

	rnd_state = seed;
	count_free(&start);
	for (i = 0; i < steps; i++) {
		if (nheld && (nheld == HELD_MAX || rnd() % 100 < 45))
			step_free();
		else
			step_alloc();
		CHECK_BUDDY();
	}
	t_free_all();
	CHECK_BUDDY();
	count_free(&end);
	assert_int_equal(end.free_pages, start.free_pages);
	assert_memory_equal(&end, &start, sizeof(start));
	assert_int_equal(bad_page_count, 0);
}

/*
 *   64 MiB lowmem: [ pgd+kernel | free ............ | mem_map ]
 *   3000 steps of seed 1, then 3000 of seed 2
 *
 * Expect every invariant after every step, and after freeing all, the
 * very same free blocks per zone and order as after boot (the fully
 * merged form of a set of free pages is unique).
 */
static void alloc_pages_random_lowmem_check(void **state)
{
	(void)state;
	node_boot_std(MiB(64), 0);
	run_random(1, 3000);
	run_random(2, 3000);
}

/*
 *   48 MiB lowmem + 16 MiB HighMem (struct pages only)
 *   4000 steps of seed 0x5eed, GFP_HIGHUSER* taking HighMem first
 *
 * Expect the same as above, across both zones, with pageblocks stolen
 * back and forth between the three types.
 */
static void alloc_pages_random_highmem_check(void **state)
{
	(void)state;
	node_boot_std(MiB(48), MiB(16));
	run_random(0x5eed, 4000);
}

/*
 *   12 MiB lowmem + 4 MiB HighMem: small zones, so requests run into the
 *   watermarks and fail all the time
 *
 * Expect each failure to change nothing, and the invariants to hold.
 */
static void alloc_pages_random_small_node_check(void **state)
{
	(void)state;
	node_boot_std(MiB(12), MiB(4));
	run_random(0xdecafbad, 4000);
}

int buddy_random_group(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(alloc_pages_random_lowmem_check),
		cmocka_unit_test(alloc_pages_random_highmem_check),
		cmocka_unit_test(alloc_pages_random_small_node_check),
	};

	return cmocka_run_group_tests_name("buddy_random", tests, NULL, NULL);
}
