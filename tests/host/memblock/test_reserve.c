/*
 * tests/host/memblock/test_reserve.c - memblock_reserve() and the
 * questions about reserved memory. The reserved list follows the same
 * rules as memory (sorted, disjoint, merged) and need not lie in memory.
 */
#include "memblock_test.h"

/*
 * What arm_memblock_init reserves on vexpress-a9, in its order, with the
 * DTB overlapping nothing and the kernel image overlapping swapper_pg_dir's
 * tail on purpose:
 *
 *   [pgd 0x60004000,+16K)[kernel 0x60008000 .. 0x60a00000)   [dtb 0x68000000,+8K)
 *          [0x60007000,+8K) overlaps both
 * Expect two reserved regions: pgd+kernel merged, the DTB apart.
 */
static void memblock_reserve_overlap_merge_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_reserve(0x60008000, 0x009f8000), 0);
	assert_int_equal(memblock_reserve(0x68000000, 0x2000), 0);
	assert_int_equal(memblock_reserve(0x60004000, 0x4000), 0);
	assert_int_equal(memblock_reserve(0x60007000, 0x2000), 0);
	ASSERT_REGIONS(&memblock.reserved,
		       REGION(0x60004000, 0x009fc000),
		       REGION(0x68000000, 0x2000));
	assert_int_equal(memblock_reserved_size(), 0x009fc000 + 0x2000);
}

/*
 *   memory   [0x60000000, +256M)
 *   reserve                            [0x90000000, +4K)   not memory
 * Expect it reserved all the same (Linux reserves DT ranges outside RAM),
 * and memory unchanged.
 */
static void memblock_reserve_outside_memory_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_reserve(0x90000000, SZ_4K), 0);
	ASSERT_REGIONS(&memblock.reserved, REGION(0x90000000, SZ_4K));
	ASSERT_REGIONS(&memblock.memory, REGION(RAM_BASE, RAM_SIZE));
}

/*
 *   reserved [0x60000000,+4K)       [0x60002000,+4K)
 *   reserve                 [+4K)   fills the gap exactly
 * Expect one region of 12 KiB; reserving it again changes nothing.
 */
static void memblock_reserve_adjacent_merge_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(0x60000000, SZ_4K), 0);
	assert_int_equal(memblock_reserve(0x60002000, SZ_4K), 0);
	assert_int_equal(memblock.reserved.cnt, 2);
	assert_int_equal(memblock_reserve(0x60001000, SZ_4K), 0);
	assert_int_equal(memblock_reserve(0x60000000, 3 * SZ_4K), 0);
	ASSERT_REGIONS(&memblock.reserved, REGION(0x60000000, 3 * SZ_4K));
}

/*
 *   reserved        [0x60004000, +16K)
 *   queries  [......)  [..x..]   [.....]  and a range starting at the end
 * Expect "overlaps" exactly when a byte is shared; end exclusive.
 */
static void memblock_is_region_reserved_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(0x60004000, 0x4000), 0);
	assert_false(memblock_is_region_reserved(0x60000000, 0x4000)); /* ends at its start */
	assert_true(memblock_is_region_reserved(0x60000000, 0x4001));
	assert_true(memblock_is_region_reserved(0x60005000, 1));
	assert_true(memblock_is_region_reserved(0x60007fff, 0x100));
	assert_false(memblock_is_region_reserved(0x60008000, 0x1000)); /* starts at its end */
	assert_true(memblock_is_reserved(0x60007fff));
	assert_false(memblock_is_reserved(0x60008000));
	assert_true(memblock_overlaps_region(&memblock.reserved, 0x50000000, 0x20000000));
	assert_false(memblock_overlaps_region(&memblock.memory, 0x50000000, 0x20000000));
}

int memblock_reserve_group(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(memblock_reserve_overlap_merge_check),
		MB_TEST(memblock_reserve_outside_memory_check),
		MB_TEST(memblock_reserve_adjacent_merge_check),
		MB_TEST(memblock_is_region_reserved_check),
	};
	return cmocka_run_group_tests_name("memblock_reserve", tests, NULL, NULL);
}
