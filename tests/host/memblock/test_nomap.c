/*
 * tests/host/memblock/test_nomap.c - NOMAP memory and the iterators:
 * NOMAP regions stay memory, but for_each_mem_range and the allocator skip
 * them; for_each_free_mem_range is memory minus NOMAP minus reserved.
 */
#include "memblock_test.h"

#define MAX_RANGES 16

struct range {
	phys_addr_t start, end;
};

/*
 *   memory   [0x60000000 ........................................ 0x70000000)
 *   nomap               [0x64000000, +16M)
 *   after    [ NONE      )[ NOMAP          )[ NONE                          )
 * Expect three regions, total still 256 MiB; the middle is memory but
 * not map memory.
 */
static void memblock_mark_nomap_split_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_mark_nomap(0x64000000, SZ_16M), 0);
	ASSERT_REGIONS(&memblock.memory,
		       REGION(0x60000000, 0x04000000),
		       REGION_F(0x64000000, SZ_16M, MEMBLOCK_NOMAP),
		       REGION(0x65000000, 0x0b000000));
	assert_int_equal(memblock_phys_mem_size(), RAM_SIZE);
	assert_true(memblock_is_memory(0x64800000));
	assert_false(memblock_is_map_memory(0x64800000));
	assert_true(memblock_is_map_memory(0x63ffffff));
	assert_true(memblock_is_map_memory(0x65000000));
	assert_false(memblock_is_map_memory(0x70000000));
	/* a range crossing into NOMAP is not inside one memory region */
	assert_false(memblock_is_region_memory(0x63f00000, 0x200000));
	assert_true(memblock_is_region_memory(0x64000000, SZ_16M));
}

/*
 *   after mark:  [ NONE )[ NOMAP )[ NONE )
 *   clear nomap on a range covering the NOMAP part and more
 * Expect one merged region again; marking a range that is not memory
 * changes nothing.
 */
static void memblock_clear_nomap_merges_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_mark_nomap(0x64000000, SZ_16M), 0);
	assert_int_equal(memblock_clear_nomap(0x63000000, 0x03000000), 0);
	ASSERT_REGIONS(&memblock.memory, REGION(RAM_BASE, RAM_SIZE));
	assert_int_equal(memblock_mark_nomap(0x80000000, SZ_16M), 0);
	ASSERT_REGIONS(&memblock.memory, REGION(RAM_BASE, RAM_SIZE));
}

/*
 *   memory   [A 0x60000000,+1M) [B NOMAP 0x60100000,+1M) [C 0x60200000,+2M)   [D 0x61000000,+1M)
 * Expect for_each_mem_range to give A..C minus B (two ranges, A and C,
 * since A and C do not touch) and D; for_each_mem_region all four, B
 * flagged; the reverse walk the same ranges downwards.
 */
static void for_each_mem_range_skips_nomap_check(void **state)
{
	struct range got[MAX_RANGES];
	struct memblock_region *r;
	phys_addr_t start, end;
	int n = 0, regions = 0, nomap = 0;
	u64 i;

	(void)state;
	assert_int_equal(memblock_add(0x60000000, 4 * SZ_1M), 0);
	assert_int_equal(memblock_add(0x61000000, SZ_1M), 0);
	assert_int_equal(memblock_mark_nomap(0x60100000, SZ_1M), 0);

	for_each_mem_range(i, &start, &end) {
		assert_true(n < MAX_RANGES);
		got[n++] = (struct range){ start, end };
	}
	assert_int_equal(n, 3);
	assert_int_equal(got[0].start, 0x60000000); assert_int_equal(got[0].end, 0x60100000);
	assert_int_equal(got[1].start, 0x60200000); assert_int_equal(got[1].end, 0x60400000);
	assert_int_equal(got[2].start, 0x61000000); assert_int_equal(got[2].end, 0x61100000);

	for_each_mem_region(r) {
		regions++;
		nomap += memblock_is_nomap(r);
	}
	assert_int_equal(regions, 4);
	assert_int_equal(nomap, 1);

	n = 0;
	for_each_mem_range_rev(i, &start, &end) {
		assert_true(n < 3);
		assert_int_equal(start, got[2 - n].start);
		assert_int_equal(end, got[2 - n].end);
		n++;
	}
	assert_int_equal(n, 3);
}

/*
 *   memory    [0x60000000 ................................ 0x60800000)   [0x61000000,+1M)
 *   nomap                       [0x60400000,+1M)
 *   reserved   [0x60001000,+4K)            [0x60600000,+1M)       [0x60ff0000 ... 0x61010000)
 *   free      [)       [---------)          [---)  [--)             [----)
 * Expect exactly these free ranges upwards, the same downwards, and with
 * MEMBLOCK_NOMAP asked for, the NOMAP part included.
 */
static void for_each_free_mem_range_check(void **state)
{
	static const struct range want[] = {
		{ 0x60000000, 0x60001000 },
		{ 0x60002000, 0x60400000 },
		{ 0x60500000, 0x60600000 },
		{ 0x60700000, 0x60800000 },
		{ 0x61010000, 0x61100000 },
	};
	phys_addr_t start, end;
	int n = 0, nid = -2;
	u64 i;

	(void)state;
	assert_int_equal(memblock_add(0x60000000, 0x00800000), 0);
	assert_int_equal(memblock_add(0x61000000, SZ_1M), 0);
	assert_int_equal(memblock_mark_nomap(0x60400000, SZ_1M), 0);
	assert_int_equal(memblock_reserve(0x60001000, SZ_4K), 0);
	assert_int_equal(memblock_reserve(0x60600000, SZ_1M), 0);
	assert_int_equal(memblock_reserve(0x60ff0000, 0x20000), 0);

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, &nid) {
		assert_true(n < (int)ARRAY_SIZE(want));
		assert_int_equal(start, want[n].start);
		assert_int_equal(end, want[n].end);
		assert_int_equal(nid, 0);
		n++;
	}
	assert_int_equal(n, ARRAY_SIZE(want));

	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		n--;
		assert_true(n >= 0);
		assert_int_equal(start, want[n].start);
		assert_int_equal(end, want[n].end);
	}
	assert_int_equal(n, 0);

	/* asking for NOMAP too: 0x60400000..0x60500000 joins, still split at the region edge */
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NOMAP, &start, &end, NULL)
		n++;
	assert_int_equal(n, ARRAY_SIZE(want) + 1);
}

/*
 *   reserved [0x60004000,+16K)  [0x68000000,+8K)   nothing about memory
 * Expect for_each_reserved_mem_range to give both, in order.
 */
static void for_each_reserved_mem_range_check(void **state)
{
	phys_addr_t start, end;
	int n = 0;
	u64 i;

	(void)state;
	assert_int_equal(memblock_reserve(0x68000000, 0x2000), 0);
	assert_int_equal(memblock_reserve(0x60004000, 0x4000), 0);
	for_each_reserved_mem_range(i, &start, &end) {
		assert_int_equal(start, n ? 0x68000000 : 0x60004000);
		assert_int_equal(end, n ? 0x68002000 : 0x60008000);
		n++;
	}
	assert_int_equal(n, 2);
}

/*
 *   memory   [0x60000000 .................................. 0x70000000)
 *   nomap                                     [0x6ff00000, +1M)  the top
 * Expect an allocation to come from just below the NOMAP megabyte, and
 * one that only fits in NOMAP memory to fail.
 */
static void memblock_phys_alloc_skips_nomap_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_mark_nomap(0x6ff00000, SZ_1M), 0);
	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), 0x6feff000);
	assert_int_equal(memblock_phys_alloc_range(SZ_4K, SZ_4K, 0x6ff00000, 0x70000000), 0);
	ASSERT_REGIONS(&memblock.reserved, REGION(0x6feff000, SZ_4K));
}

int memblock_nomap_group(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(memblock_mark_nomap_split_check),
		MB_TEST(memblock_clear_nomap_merges_check),
		MB_TEST(for_each_mem_range_skips_nomap_check),
		MB_TEST(for_each_free_mem_range_check),
		MB_TEST(for_each_reserved_mem_range_check),
		MB_TEST(memblock_phys_alloc_skips_nomap_check),
	};
	return cmocka_run_group_tests_name("memblock_nomap", tests, NULL, NULL);
}
