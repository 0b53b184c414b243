/*
 * tests/host/memblock/test_add.c - memblock_add(): the memory list stays
 * sorted, disjoint and merged, whatever order and overlap the ranges come in.
 */
#include "memblock_test.h"

/*
 *   memory   (empty)
 *   add      [0x60000000 ........ 0x70000000)
 * Expect one region, total 256 MiB, start/end of DRAM its ends.
 */
static void memblock_add_first_region_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	ASSERT_REGIONS(&memblock.memory, REGION(RAM_BASE, RAM_SIZE));
	assert_int_equal(memblock_phys_mem_size(), RAM_SIZE);
	assert_int_equal(memblock_start_of_DRAM(), RAM_BASE);
	assert_int_equal(memblock_end_of_DRAM(), RAM_END);
	ASSERT_EMPTY(&memblock.reserved);
}

/*
 *   add 1st              [0x80000000, +16M)
 *   add 2nd   [0x60000000, +16M)
 * Expect two regions sorted by address, not in call order.
 */
static void memblock_add_disjoint_sorted_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0x80000000, SZ_16M), 0);
	assert_int_equal(memblock_add(0x60000000, SZ_16M), 0);
	ASSERT_REGIONS(&memblock.memory,
		       REGION(0x60000000, SZ_16M),
		       REGION(0x80000000, SZ_16M));
	assert_int_equal(memblock_end_of_DRAM(), 0x81000000);
}

/*
 *   [0x60000000, +16M)[0x61000000, +16M)     touching, same flags
 * Expect one region of 32 MiB, added in either order.
 */
static void memblock_add_adjacent_merge_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0x61000000, SZ_16M), 0);
	assert_int_equal(memblock_add(0x60000000, SZ_16M), 0);
	ASSERT_REGIONS(&memblock.memory, REGION(0x60000000, 2 * SZ_16M));
}

/*
 *   existing      [0x61000000 ....... 0x63000000)
 *   add      [0x60800000 ... 0x61800000)           overlaps the bottom
 *   add                          [0x62800000 .... 0x64000000)   and the top
 * Expect one region [0x60800000, 0x64000000): overlaps counted once.
 */
static void memblock_add_overlap_merge_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0x61000000, 2 * SZ_16M), 0);
	assert_int_equal(memblock_add(0x60800000, SZ_16M), 0);
	assert_int_equal(memblock_add(0x62800000, 0x01800000), 0);
	ASSERT_REGIONS(&memblock.memory, REGION(0x60800000, 0x03800000));
}

/*
 *   existing  [A 0x60000000,+1M)   [B 0x60400000,+1M)   [C 0x60800000,+1M)
 *   add            [0x60080000 ..................................... 0x60900000)
 * Expect the two holes filled and everything merged into [0x60000000, 0x60900000).
 */
static void memblock_add_fills_holes_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0x60000000, SZ_1M), 0);
	assert_int_equal(memblock_add(0x60400000, SZ_1M), 0);
	assert_int_equal(memblock_add(0x60800000, SZ_1M), 0);
	assert_int_equal(memblock.memory.cnt, 3);
	assert_int_equal(memblock_add(0x60080000, 0x00880000), 0);
	ASSERT_REGIONS(&memblock.memory, REGION(0x60000000, 0x00900000));
}

/*
 *   existing  [0x60000000 ............ 0x70000000)
 *   add              [0x61000000, +1M)             inside
 * Expect nothing to change; a zero-sized add changes nothing either.
 */
static void memblock_add_contained_noop_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_add(0x61000000, SZ_1M), 0);
	assert_int_equal(memblock_add(0x50000000, 0), 0);
	ASSERT_REGIONS(&memblock.memory, REGION(RAM_BASE, RAM_SIZE));
}

/*
 *   existing          [NOMAP 0x60100000,+1M)
 *   add      [0x60000000 ................... 0x60300000)
 * Expect the NOMAP part to keep its flag (existing parts are never
 * touched) and the new parts around it to be plain memory: three regions.
 * Linux warns about the mismatched flags; so do we.
 */
static void memblock_add_keeps_existing_flags_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0x60100000, SZ_1M), 0);
	assert_int_equal(memblock_mark_nomap(0x60100000, SZ_1M), 0);
	assert_int_equal(memblock_add(0x60000000, 3 * SZ_1M), 0);
	ASSERT_REGIONS(&memblock.memory,
		       REGION(0x60000000, SZ_1M),
		       REGION_F(0x60100000, SZ_1M, MEMBLOCK_NOMAP),
		       REGION(0x60200000, SZ_1M));
	assert_non_null(strstr(sim_log(), "WARNING: at "));
	assert_int_equal(memblock_phys_mem_size(), 3 * SZ_1M);
}

/*
 *   add [0xc0000000, +2 GiB)          would end at 0x140000000
 *                  [0xc0000000 ........ 0xffffffff)   kept: the end must be a
 *                                                     32-bit address
 * Expect size 0x3fffffff (Linux's memblock_cap_size: the byte at
 * 0xffffffff can never be memory), end of DRAM 0xffffffff; the same for a
 * range starting one page below 4 GiB.
 */
static void memblock_add_past_4g_clamped_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0xc0000000, 0x80000000), 0);
	ASSERT_REGIONS(&memblock.memory, REGION(0xc0000000, 0x3fffffff));
	assert_int_equal(memblock_end_of_DRAM(), 0xffffffff);
	assert_true(memblock_is_memory(0xfffffffe));
	assert_false(memblock_is_memory(0xffffffff));

	memblock_reset_for_test();
	assert_int_equal(memblock_add(0xfffff000, 0x2000), 0);
	ASSERT_REGIONS(&memblock.memory, REGION(0xfffff000, 0xfff));
}

int memblock_add_group(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(memblock_add_first_region_check),
		MB_TEST(memblock_add_disjoint_sorted_check),
		MB_TEST(memblock_add_adjacent_merge_check),
		MB_TEST(memblock_add_overlap_merge_check),
		MB_TEST(memblock_add_fills_holes_check),
		MB_TEST(memblock_add_contained_noop_check),
		MB_TEST(memblock_add_keeps_existing_flags_check),
		MB_TEST(memblock_add_past_4g_clamped_check),
	};
	return cmocka_run_group_tests_name("memblock_add", tests, NULL, NULL);
}
