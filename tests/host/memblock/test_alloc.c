/*
 * tests/host/memblock/test_alloc.c - memblock_phys_alloc*() and
 * memblock_alloc(): where blocks land (top-down below current_limit,
 * aligned, around reservations), and that a failure is 0/NULL with both
 * lists untouched.
 */
#include "memblock_test.h"

/*
 *   memory   [0x60000000 ................................ 0x70000000)
 *   alloc 4K, then 8K                                [8K][4K]
 * Expect the blocks at the very top, each below the previous, reserved
 * as one merged region.
 */
static void memblock_phys_alloc_top_down_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), RAM_END - SZ_4K);
	assert_int_equal(memblock_phys_alloc(2 * SZ_4K, SZ_4K), RAM_END - 3 * SZ_4K);
	ASSERT_REGIONS(&memblock.reserved, REGION(RAM_END - 3 * SZ_4K, 3 * SZ_4K));
}

/*
 *   memory   [0x60000000 ..................................... 0x70000000)
 *   current_limit                  ^ 0x68000000
 * Expect memblock_phys_alloc to end exactly at the limit; an explicit
 * range end (memblock_phys_alloc_range) is not limited by it, as Linux.
 */
static void memblock_phys_alloc_below_current_limit_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	memblock_set_current_limit(0x68000000);
	assert_int_equal(memblock_get_current_limit(), 0x68000000);
	assert_int_equal(memblock_phys_alloc(SZ_64K, SZ_4K), 0x68000000 - SZ_64K);
	assert_int_equal(memblock_phys_alloc_range(SZ_4K, SZ_4K, 0, RAM_END), RAM_END - SZ_4K);
	assert_int_equal(memblock_phys_alloc_range(SZ_4K, SZ_4K, 0, 0x61000000), 0x61000000 - SZ_4K);
}

/*
 *   memory   [0x60000000 .......................... 0x6ff12345)   ragged top
 *   alloc 4K align 1M     -> 0x6ff00000  the highest 1M boundary with 4K above it
 *   alloc 1K align 4K     -> 0x6ff11000  the page below the ragged end
 *   alloc 16K align 16K   -> 0x6ff0c000  the hole above 0x6ff11400 is too small
 *   alloc 8 align 8       -> 0x6ff12338  back in that hole
 * Expect every block aligned, inside memory, as high as it fits.
 */
static void memblock_phys_alloc_alignment_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, 0x0ff12345), 0);
	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_1M), 0x6ff00000);
	assert_int_equal(memblock_phys_alloc(SZ_1K, SZ_4K), 0x6ff11000);
	assert_int_equal(memblock_phys_alloc(0x4000, 0x4000), 0x6ff0c000);
	assert_int_equal(memblock_phys_alloc(8, 8), 0x6ff12338);
}

/*
 *   memory   [0x60000000 ................................................ 0x70000000)
 *   reserved                             [R2 0x6fe00000 ... 0x6ff00000)  [R1 top 64K)
 *   holes                                                            [ 0x6ff00000,+960K )
 *   alloc 1M: the top hole is too small -> below R2: 0x6fd00000
 *   alloc 512K: fits the top hole -> 0x6ff70000
 * Expect the highest hole that fits, not the highest hole.
 */
static void memblock_phys_alloc_skips_reserved_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_reserve(RAM_END - SZ_64K, SZ_64K), 0);
	assert_int_equal(memblock_reserve(0x6fe00000, SZ_1M), 0);
	assert_int_equal(memblock_phys_alloc(SZ_1M, SZ_4K), 0x6fd00000);
	assert_int_equal(memblock_phys_alloc(0x80000, SZ_4K), 0x6ff70000);
	ASSERT_REGIONS(&memblock.reserved,
		       REGION(0x6fd00000, 2 * SZ_1M),
		       REGION(0x6ff70000, 0x90000));
}

/*
 *   memory   [0x60000000 ............ ]   bottom_up
 *   reserved [4K at 0x60000000)
 * Expect the lowest fit: 0x60001000, then 0x60002000; with a start
 * bound, the lowest fit above it.
 */
static void memblock_phys_alloc_bottom_up_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_reserve(RAM_BASE, SZ_4K), 0);
	memblock_set_bottom_up(true);
	assert_true(memblock_bottom_up());
	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), 0x60001000);
	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_64K), 0x60010000);
	assert_int_equal(memblock_phys_alloc_range(SZ_4K, SZ_4K, 0x64000000, 0x70000000), 0x64000000);
	ASSERT_REGIONS(&memblock.reserved,
		       REGION(0x60000000, 2 * SZ_4K),
		       REGION(0x60010000, SZ_4K),
		       REGION(0x64000000, SZ_4K));
}

/*
 *   memory   [0x60000000, +256M), all reserved but one 64K hole:
 *            [reserved 64K][hole 0x60010000,+64K][reserved ..................)
 *   alloc 1M; memblock_alloc 1M; alloc 64K aligned to 128K
 * Expect 0, NULL and 0, silently (callers decide whether to panic), with
 * both lists exactly as before: nothing half-reserved. A fitting request
 * still gets the hole.
 */
static void memblock_phys_alloc_exhausted_check(void **state)
{
	struct memblock_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_reserve(RAM_BASE, SZ_64K), 0);
	assert_int_equal(memblock_reserve(RAM_BASE + 2 * SZ_64K, RAM_SIZE - 2 * SZ_64K), 0);
	memblock_snapshot_take(&snap);
	sim_log_clear();
	assert_int_equal(memblock_phys_alloc(SZ_1M, SZ_4K), 0);
	assert_null(memblock_alloc(SZ_1M, SZ_4K));
	assert_int_equal(memblock_phys_alloc(SZ_64K, 2 * SZ_64K), 0);  /* big enough, misaligned */
	ASSERT_UNCHANGED(&snap);
	assert_string_equal(sim_log(), "");
	assert_int_equal(memblock_phys_alloc(SZ_64K, SZ_64K), RAM_BASE + SZ_64K);
	ASSERT_REGIONS(&memblock.reserved, REGION(RAM_BASE, RAM_SIZE));
}

/*
 *   memory   [0x60000000, +256M), limit 0x60100000, the RAM under it dirty
 *   memblock_alloc(8K, 4K)
 * Expect __va(0x600fe000), all zero, and [0x600fe000, +8K) reserved.
 */
static void memblock_alloc_zeroed_check(void **state)
{
	unsigned char *p;
	size_t i;

	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	memblock_set_current_limit(0x60100000);
	memset(__va(0x600f0000), 0xa5, SZ_64K);
	p = memblock_alloc(2 * SZ_4K, SZ_4K);
	assert_ptr_equal(p, __va(0x600fe000));
	for (i = 0; i < 2 * SZ_4K; i++)
		assert_int_equal(p[i], 0);
	assert_int_equal(*(unsigned char *)__va(0x600fdfff), 0xa5);    /* only the block */
	ASSERT_REGIONS(&memblock.reserved, REGION(0x600fe000, 2 * SZ_4K));
}

/*
 *   memory   [0x00000000, +8K)     page 0 is never handed out
 * Expect, top-down, the first 4K at 0x1000 and the second to fail: 0 is
 * the failure value, so page 0 cannot be a result. Bottom-up, the first
 * fit is 0x1000 too, not 0.
 */
static void memblock_phys_alloc_never_page_zero_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0, 2 * SZ_4K), 0);
	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), SZ_4K);
	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	ASSERT_REGIONS(&memblock.reserved, REGION(SZ_4K, SZ_4K));

	memblock_reset_for_test();
	assert_int_equal(memblock_add(0, 2 * SZ_4K), 0);
	memblock_set_bottom_up(true);
	assert_int_equal(memblock_phys_alloc(SZ_1K, SZ_1K), SZ_4K);
	ASSERT_REGIONS(&memblock.reserved, REGION(SZ_4K, SZ_1K));
}

/*
 *   align 0  -> SMP_CACHE_BYTES (64), with a warning, as Linux
 *   align 3  -> an error and 0 (our addition: Linux would misalign)
 * Expect both messages and only the first block reserved.
 */
static void memblock_phys_alloc_bad_align_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	assert_int_equal(memblock_phys_alloc(100, 0), RAM_END - 128);
	assert_true(log_has_line("memblock: allocation of 0x00000064 bytes with align 0: using 64\n"));
	assert_int_equal(memblock_phys_alloc(100, 3), 0);
	assert_true(log_has_line("memblock: align 0x00000003 is not a power of 2\n"));
	ASSERT_REGIONS(&memblock.reserved, REGION(RAM_END - 128, 100));
}

/*
 *   memory   [0x60000000, +256M), limit 0x61000000
 *   memblock_alloc_try_nid(4K, 4K, min 0x60800000, max 0x60900000)
 *   then with min above everything free below the max
 * Expect the block under max_addr, then the min_addr dropped on retry.
 */
static void memblock_alloc_try_nid_bounds_check(void **state)
{
	void *p;

	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	memblock_set_current_limit(0x61000000);
	p = memblock_alloc_try_nid(SZ_4K, SZ_4K, 0x60800000, 0x60900000, NUMA_NO_NODE);
	assert_ptr_equal(p, __va(0x608ff000));
	assert_int_equal(memblock_reserve(0x60800000, 0x000ff000), 0);
	p = memblock_alloc_try_nid(SZ_4K, SZ_4K, 0x60800000, 0x60900000, NUMA_NO_NODE);
	assert_ptr_equal(p, __va(0x607ff000));
	/* max_addr above current_limit is cut to it */
	p = memblock_alloc_try_nid(SZ_4K, SZ_4K, 0, 0x70000000, NUMA_NO_NODE);
	assert_ptr_equal(p, __va(0x60fff000));
}

int memblock_alloc_group(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(memblock_phys_alloc_top_down_check),
		MB_TEST(memblock_phys_alloc_below_current_limit_check),
		MB_TEST(memblock_phys_alloc_alignment_check),
		MB_TEST(memblock_phys_alloc_skips_reserved_check),
		MB_TEST(memblock_phys_alloc_bottom_up_check),
		MB_TEST(memblock_phys_alloc_exhausted_check),
		MB_TEST(memblock_alloc_zeroed_check),
		MB_TEST(memblock_phys_alloc_never_page_zero_check),
		MB_TEST(memblock_phys_alloc_bad_align_check),
		MB_TEST(memblock_alloc_try_nid_bounds_check),
	};
	return cmocka_run_group_tests_name("memblock_alloc", tests, NULL, NULL);
}
