/*
 * tests/host/memblock/test_remove.c - memblock_remove() and
 * memblock_phys_free(): memblock_isolate_range splits regions at the ends
 * of the range, then the whole regions inside go.
 */
#include "memblock_test.h"

/*
 *   memory   [0x60000000 ..................................... 0x70000000)
 *   remove                [0x68000000, +16M)
 *   after    [0x60000000, 0x68000000)      [0x69000000, 0x70000000)
 * Expect two regions, 240 MiB in total, the hole not memory any more.
 */
static void memblock_remove_middle_split_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_remove(0x68000000, SZ_16M), 0);
	ASSERT_REGIONS(&memblock.memory,
		       REGION(0x60000000, 0x08000000),
		       REGION(0x69000000, 0x07000000));
	assert_int_equal(memblock_phys_mem_size(), RAM_SIZE - SZ_16M);
	assert_false(memblock_is_memory(0x68000000));
	assert_false(memblock_is_memory(0x68ffffff));
	assert_true(memblock_is_memory(0x67ffffff));
	assert_true(memblock_is_memory(0x69000000));
}

/*
 *   memory   [0x60000000, +16M)        [0x62000000, +16M)
 *   remove            [0x60800000 ........... 0x62800000)
 *   after    [0x60000000, +8M)                [0x62800000, +8M)
 * Expect both regions trimmed, the one between untouched (it is a hole).
 */
static void memblock_remove_across_regions_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0x60000000, SZ_16M), 0);
	assert_int_equal(memblock_add(0x62000000, SZ_16M), 0);
	assert_int_equal(memblock_remove(0x60800000, 0x02000000), 0);
	ASSERT_REGIONS(&memblock.memory,
		       REGION(0x60000000, 0x00800000),
		       REGION(0x62800000, 0x00800000));
}

/*
 *   memory   [0x60000000, +16M)  [0x62000000, +16M)
 *   remove   [0x50000000 ............................. 0x80000000)
 * Expect the empty list: one dummy region {0, 0}, total 0, DRAM 0..0.
 */
static void memblock_remove_everything_leaves_dummy_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0x60000000, SZ_16M), 0);
	assert_int_equal(memblock_add(0x62000000, SZ_16M), 0);
	assert_int_equal(memblock_remove(0x50000000, 0x30000000), 0);
	ASSERT_EMPTY(&memblock.memory);
	assert_int_equal(memblock_start_of_DRAM(), 0);
	assert_int_equal(memblock_end_of_DRAM(), 0);
	/* and it can be filled again */
	assert_int_equal(memblock_add(0x70000000, SZ_1M), 0);
	ASSERT_REGIONS(&memblock.memory, REGION(0x70000000, SZ_1M));
}

/*
 *   memory   [0x60000000, +16M)
 *   remove                         [0x70000000, +1M)   no overlap
 * Expect nothing to change.
 */
static void memblock_remove_outside_noop_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0x60000000, SZ_16M), 0);
	assert_int_equal(memblock_remove(0x70000000, SZ_1M), 0);
	assert_int_equal(memblock_remove(0x61000000, SZ_1M), 0);       /* touching the end */
	assert_int_equal(memblock_remove(0x5ff00000, SZ_1M), 0);       /* touching the start */
	ASSERT_REGIONS(&memblock.memory, REGION(0x60000000, SZ_16M));
}

/*
 *   reserved [0x60000000 ............ +1M)
 *   free            [0x60004000, +16K)
 *   after    [0x60000000,+16K)        [0x60008000 ... 0x60100000)
 * Expect the reserved region split in two; memory untouched.
 */
static void memblock_phys_free_middle_split_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_reserve(0x60000000, SZ_1M), 0);
	assert_int_equal(memblock_phys_free(0x60004000, 0x4000), 0);
	ASSERT_REGIONS(&memblock.reserved,
		       REGION(0x60000000, 0x4000),
		       REGION(0x60008000, SZ_1M - 0x8000));
	ASSERT_REGIONS(&memblock.memory, REGION(RAM_BASE, RAM_SIZE));
	assert_false(memblock_is_reserved(0x60004000));
	assert_true(memblock_is_reserved(0x60008000));
}

/*
 *   reserved [0x60000000,+64K)  [0x60020000,+64K)
 *   free          [0x60008000 ........... 0x60028000)
 * Expect the tail of the first and the head of the second freed;
 * memblock_free() of a virtual address frees the same way.
 */
static void memblock_phys_free_partial_overlap_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(0x60000000, SZ_64K), 0);
	assert_int_equal(memblock_reserve(0x60020000, SZ_64K), 0);
	assert_int_equal(memblock_phys_free(0x60008000, 0x20000), 0);
	ASSERT_REGIONS(&memblock.reserved,
		       REGION(0x60000000, 0x8000),
		       REGION(0x60028000, 0x8000));
	memblock_free(__va(0x60000000), 0x8000);
	memblock_free(NULL, 0x8000);
	ASSERT_REGIONS(&memblock.reserved, REGION(0x60028000, 0x8000));
}

int memblock_remove_group(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(memblock_remove_middle_split_check),
		MB_TEST(memblock_remove_across_regions_check),
		MB_TEST(memblock_remove_everything_leaves_dummy_check),
		MB_TEST(memblock_remove_outside_noop_check),
		MB_TEST(memblock_phys_free_middle_split_check),
		MB_TEST(memblock_phys_free_partial_overlap_check),
	};
	return cmocka_run_group_tests_name("memblock_remove", tests, NULL, NULL);
}
