/*
 * tests/host/memblock/test_limit.c - how much memory there is: mem=
 * (memblock_enforce_memory_limit), mem=size@start
 * (memblock_cap_memory_range), the allocation limit and the simple
 * questions (start/end of DRAM, sizes, is_region_memory).
 */
#include "memblock_test.h"

/*
 *   memory   [0x60000000 ........................................ 0x80000000)  512M
 *   reserved  [pgd 16K)                                          [dtb 0x7ff00000)
 *   mem=256M                             ^ cut at 0x70000000
 * Expect memory [0x60000000, 0x70000000) and the DTB reservation gone.
 */
static void memblock_enforce_memory_limit_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, SZ_512M), 0);
	assert_int_equal(memblock_reserve(0x60004000, 0x4000), 0);
	assert_int_equal(memblock_reserve(0x7ff00000, SZ_4K), 0);
	memblock_enforce_memory_limit(SZ_256M);
	ASSERT_REGIONS(&memblock.memory, REGION(0x60000000, SZ_256M));
	ASSERT_REGIONS(&memblock.reserved, REGION(0x60004000, 0x4000));
	assert_int_equal(memblock_end_of_DRAM(), 0x70000000);
}

/*
 *   memory   [0x60000000 ..................... 0x80000000)
 *   reserved                [0x66400000, +1M)            straddles the cut
 *   mem=0x06401234                  ^ 0x66401234: not on a 1 MiB (nor a page) boundary
 * Expect the cut exactly there, for memory and the straddling reservation:
 * memblock does not round (the arch does, when it maps).
 */
static void memblock_enforce_memory_limit_unaligned_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, SZ_512M), 0);
	assert_int_equal(memblock_reserve(0x66400000, SZ_1M), 0);
	memblock_enforce_memory_limit(0x06401234);
	ASSERT_REGIONS(&memblock.memory, REGION(0x60000000, 0x06401234));
	ASSERT_REGIONS(&memblock.reserved, REGION(0x66400000, 0x1234));
	assert_int_equal(memblock_end_of_DRAM(), 0x66401234);
	assert_int_equal(memblock_phys_mem_size(), 0x06401234);
}

/*
 *   memory   [0x60000000,+16M)        [NOMAP 0x80000000,+1M)[0x80100000,+15M)
 *   mem=24M: 16M from the first bank, then 1M NOMAP (it counts), 7M more
 * Expect [0x60000000,+16M) [NOMAP 0x80000000,+1M) [0x80100000,+7M).
 */
static void memblock_enforce_memory_limit_spans_banks_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0x60000000, SZ_16M), 0);
	assert_int_equal(memblock_add(0x80000000, SZ_16M), 0);
	assert_int_equal(memblock_mark_nomap(0x80000000, SZ_1M), 0);
	memblock_enforce_memory_limit(24 * SZ_1M);
	ASSERT_REGIONS(&memblock.memory,
		       REGION(0x60000000, SZ_16M),
		       REGION_F(0x80000000, SZ_1M, MEMBLOCK_NOMAP),
		       REGION(0x80100000, 7 * SZ_1M));
}

/*
 *   memory   [0x60000000, +256M)
 *   mem=512M (more than there is), mem=256M (exactly all), mem=0
 * Expect nothing to change in any of them.
 */
static void memblock_enforce_memory_limit_noop_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_reserve(RAM_END - SZ_4K, SZ_4K), 0);
	memblock_enforce_memory_limit(SZ_512M);
	memblock_enforce_memory_limit(RAM_SIZE);
	memblock_enforce_memory_limit(0);
	ASSERT_REGIONS(&memblock.memory, REGION(RAM_BASE, RAM_SIZE));
	ASSERT_REGIONS(&memblock.reserved, REGION(RAM_END - SZ_4K, SZ_4K));
}

/*
 *   memory   [NOMAP 1M][0x60100000 ............................... 0x70000000)
 *   reserved   [16K)          [0x65000000,4K)            [0x6ff00000,4K)
 *   keep               [0x64000000 ......... 0x68000000)        mem=64M@0x64000000
 * Expect the NOMAP megabyte kept (firmware memory), the rest of memory
 * outside the range gone, and only the reservation inside it left.
 */
static void memblock_cap_memory_range_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_mark_nomap(RAM_BASE, SZ_1M), 0);
	assert_int_equal(memblock_reserve(0x60004000, 0x4000), 0);
	assert_int_equal(memblock_reserve(0x65000000, SZ_4K), 0);
	assert_int_equal(memblock_reserve(0x6ff00000, SZ_4K), 0);
	memblock_cap_memory_range(0x64000000, 0x04000000);
	ASSERT_REGIONS(&memblock.memory,
		       REGION_F(0x60000000, SZ_1M, MEMBLOCK_NOMAP),
		       REGION(0x64000000, 0x04000000));
	ASSERT_REGIONS(&memblock.reserved, REGION(0x65000000, SZ_4K));
}

/*
 *   (a) memory: 128 regions, the array full, no resize allowed
 *   (b) memory [0x60000000, +256M); the reserved array grown into its top
 *       page 0x6ffff000; mem=128M would drop that reservation
 * Expect mem= refused in both, with a message, nothing changed. (Linux
 * half-applies (a) and unreserves the live array in (b).)
 */
static void memblock_enforce_memory_limit_refuses_check(void **state)
{
	struct memblock_snapshot snap;
	int k;

	(void)state;
	for (k = 0; k < INIT_MEMBLOCK_REGIONS; k++)
		assert_int_equal(memblock_add(RAM_BASE + k * 0x20000, SZ_64K), 0);
	memblock_snapshot_take(&snap);
	memblock_enforce_memory_limit(SZ_1M);
	assert_true(log_has_line("memblock_enforce_memory_limit: memory array is full (128 entries): mem= ignored\n"));
	ASSERT_UNCHANGED(&snap);

	memblock_reset_for_test();
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	memblock_allow_resize();
	for (k = 0; memblock.reserved.max == INIT_MEMBLOCK_REGIONS; k++)
		assert_int_equal(memblock_reserve(RAM_BASE + k * 0x2000, SZ_4K), 0);
	assert_ptr_equal(memblock.reserved.regions, __va(0x6ffff000));
	memblock_snapshot_take(&snap);
	memblock_enforce_memory_limit(SZ_128M);
	assert_true(log_has_line("memblock_enforce_memory_limit: reserved array at [0x6ffff000-0x6fffffff] would be dropped: mem= ignored\n"));
	ASSERT_UNCHANGED(&snap);
	memblock_cap_memory_range(RAM_BASE, SZ_128M);
	assert_true(log_has_line("memblock_cap_memory_range: reserved array at [0x6ffff000-0x6fffffff] would be dropped: mem= ignored\n"));
	ASSERT_UNCHANGED(&snap);
}

/*
 *   memory   [NOMAP 0x60000000, +16M        )[0x61000000 .............. 0x70000000)
 *   keep                [0x60800000, +32M ..................)
 * Expect the NOMAP region kept whole, as one region, though the range
 * edge cut it in two; memory above the range gone.
 */
static void memblock_cap_memory_range_nomap_straddle_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_mark_nomap(RAM_BASE, SZ_16M), 0);
	memblock_cap_memory_range(0x60800000, 2 * SZ_16M);
	ASSERT_REGIONS(&memblock.memory,
		       REGION_F(0x60000000, SZ_16M, MEMBLOCK_NOMAP),
		       REGION(0x61000000, 0x01800000));
}

/*
 *   no memory at all; then memory and size 0
 * Expect Linux's warning and no change; size 0 does nothing, silently.
 */
static void memblock_cap_memory_range_no_memory_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(0x60004000, 0x4000), 0);
	memblock_cap_memory_range(0x64000000, SZ_16M);
	assert_true(log_has_line("memblock_cap_memory_range: No memory registered yet\n"));
	ASSERT_REGIONS(&memblock.reserved, REGION(0x60004000, 0x4000));
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	sim_log_clear();
	memblock_cap_memory_range(0x64000000, 0);
	ASSERT_REGIONS(&memblock.memory, REGION(RAM_BASE, RAM_SIZE));
	assert_string_equal(sim_log(), "");
}

/*
 *   memory   [0xf0000000 ......................... 0xffffffff)
 *   reserved   [0x09000000,4K) (not memory)   [0xf9000000,4K)
 *   keep                    [0xf8000000, +256M)  runs past 4 GiB
 * Expect the range cut at 0xffffffff first: memory [0xf8000000,
 * 0xffffffff), the reservation inside kept, the one below dropped.
 * (Linux adds base + size unclamped, wraps to 0x08000000 and drops the
 * reservation it should keep.)
 */
static void memblock_cap_memory_range_past_4g_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0xf0000000, 0x10000000), 0);
	assert_int_equal(memblock_reserve(0x09000000, SZ_4K), 0);
	assert_int_equal(memblock_reserve(0xf9000000, SZ_4K), 0);
	memblock_cap_memory_range(0xf8000000, 0x10000000);
	ASSERT_REGIONS(&memblock.memory, REGION(0xf8000000, 0x07ffffff));
	ASSERT_REGIONS(&memblock.reserved, REGION(0xf9000000, SZ_4K));
}

/*
 *   boot state
 * Expect current_limit MEMBLOCK_ALLOC_ANYWHERE (0xffffffff), top-down,
 * empty lists with DRAM 0..0, and set/get to round-trip.
 */
static void memblock_current_limit_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_get_current_limit(), MEMBLOCK_ALLOC_ANYWHERE);
	assert_int_equal(MEMBLOCK_ALLOC_ANYWHERE, 0xffffffff);
	assert_false(memblock_bottom_up());
	ASSERT_EMPTY(&memblock.memory);
	ASSERT_EMPTY(&memblock.reserved);
	assert_int_equal(memblock_phys_mem_size(), 0);
	assert_int_equal(memblock_end_of_DRAM(), 0);
	memblock_set_current_limit(0x6fe00000);
	assert_int_equal(memblock_get_current_limit(), 0x6fe00000);
}

/*
 *   memory   [0x60000000,+16M)[NOMAP 0x61000000,+16M)      [0x70000000,+16M)
 * Expect is_region_memory true only inside one region; is_memory per byte.
 */
static void memblock_is_region_memory_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0x60000000, 2 * SZ_16M), 0);
	assert_int_equal(memblock_add(0x70000000, SZ_16M), 0);
	assert_int_equal(memblock_mark_nomap(0x61000000, SZ_16M), 0);
	assert_true(memblock_is_region_memory(0x60000000, SZ_16M));
	assert_false(memblock_is_region_memory(0x60000000, SZ_16M + 1));   /* into NOMAP */
	assert_true(memblock_is_region_memory(0x61000000, SZ_16M));
	assert_false(memblock_is_region_memory(0x6f000000, SZ_1M));        /* a hole */
	assert_false(memblock_is_region_memory(0x70f00000, SZ_1M + 1));    /* past the end */
	assert_true(memblock_is_memory(0x70ffffff));
	assert_false(memblock_is_memory(0x71000000));
	assert_false(memblock_is_memory(0x5fffffff));
	assert_int_equal(memblock_start_of_DRAM(), 0x60000000);
	assert_int_equal(memblock_end_of_DRAM(), 0x71000000);
	assert_int_equal(memblock_phys_mem_size(), 3 * SZ_16M);
}

int memblock_limit_group(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(memblock_enforce_memory_limit_check),
		MB_TEST(memblock_enforce_memory_limit_unaligned_check),
		MB_TEST(memblock_enforce_memory_limit_spans_banks_check),
		MB_TEST(memblock_enforce_memory_limit_noop_check),
		MB_TEST(memblock_enforce_memory_limit_refuses_check),
		MB_TEST(memblock_cap_memory_range_check),
		MB_TEST(memblock_cap_memory_range_nomap_straddle_check),
		MB_TEST(memblock_cap_memory_range_no_memory_check),
		MB_TEST(memblock_cap_memory_range_past_4g_check),
		MB_TEST(memblock_current_limit_check),
		MB_TEST(memblock_is_region_memory_check),
	};
	return cmocka_run_group_tests_name("memblock_limit", tests, NULL, NULL);
}
