/*
 * tests/host/memblock/test_resize.c - full region arrays. Before
 * memblock_allow_resize() a call that needs room fails with -ENOMEM, says
 * why, and changes nothing; after it, the array doubles into memory that
 * memblock allocates from itself (in the simulated RAM, through __va).
 */
#include "memblock_test.h"

#define REGION_BYTES    sizeof(struct memblock_region)  /* 12 */

/* 128 disjoint memory regions of 64K, 128K apart, from RAM_BASE. */
static void fill_memory(void)
{
	int k;

	for (k = 0; k < INIT_MEMBLOCK_REGIONS; k++)
		assert_int_equal(memblock_add(RAM_BASE + k * 0x20000, SZ_64K), 0);
	assert_int_equal(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
}

/* @n disjoint reserved 4K blocks, 8K apart, from @base. */
static void reserve_blocks(phys_addr_t base, int n)
{
	int k;

	for (k = 0; k < n; k++)
		assert_int_equal(memblock_reserve(base + k * 0x2000, SZ_4K), 0);
}

/*
 *   memory   [r0][r1] ... [r127]          128 of 128 slots used
 *   add      a 129th disjoint region; then one filling the hole r0..r1
 * Expect -ENOMEM and a line saying the memory array is full, both lists
 * unchanged. Filling a hole fails too: room is counted before merging,
 * as Linux. A range already inside memory needs no room: 0.
 */
static void memblock_add_full_array_fails_before_resize_check(void **state)
{
	struct memblock_snapshot snap;

	(void)state;
	fill_memory();
	memblock_snapshot_take(&snap);
	assert_int_equal(memblock_add(0x70000000, SZ_64K), -ENOMEM);
	assert_true(log_has_line("memblock: memory array is full (128 entries) and cannot grow before memblock_allow_resize()\n"));
	assert_int_equal(memblock_add(RAM_BASE + SZ_64K, SZ_64K), -ENOMEM);
	assert_int_equal(memblock_add(RAM_BASE, SZ_4K), 0);
	ASSERT_UNCHANGED(&snap);
	assert_int_equal(memblock.memory.max, INIT_MEMBLOCK_REGIONS);
}

/*
 *   reserved [b0] [b1] ... [b126]   one slot left
 *   free all of b6                  -> -ENOMEM: isolating asks for two
 *                                      slots, even when it will not split
 *   reserve b127                    -> 0: adding needs only one
 *   reserved [b0] ... [b127]        full
 *   reserve another; free the middle of b5; free b6; allocate
 * Expect -ENOMEM (and 0 from the allocator) for each, and nothing changed.
 */
static void memblock_reserve_full_array_fails_before_resize_check(void **state)
{
	struct memblock_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	reserve_blocks(RAM_BASE, INIT_MEMBLOCK_REGIONS - 1);
	assert_int_equal(memblock_phys_free(RAM_BASE + 6 * 0x2000, SZ_4K), -ENOMEM);
	assert_int_equal(memblock_reserve(RAM_BASE + 127 * 0x2000, SZ_4K), 0);
	assert_int_equal(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS);
	memblock_snapshot_take(&snap);
	assert_int_equal(memblock_reserve(0x6f000000, SZ_4K), -ENOMEM);
	assert_true(log_has_line("memblock: reserved array is full (128 entries) and cannot grow before memblock_allow_resize()\n"));
	assert_int_equal(memblock_phys_free(RAM_BASE + 5 * 0x2000 + 0x800, 0x100), -ENOMEM);
	assert_int_equal(memblock_phys_free(RAM_BASE + 6 * 0x2000, SZ_4K), -ENOMEM);
	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	ASSERT_UNCHANGED(&snap);
}

/*
 *   memory   [0x60000000 ............................... 0x70000000)
 *   reserved [b0] [b1] ... [b127]                                      full
 *   allow_resize, reserve b128
 *   new array: 256 x 12 bytes = 3 KiB -> one page at the top: 0x6ffff000
 * Expect success, max 256, the array at __va(0x6ffff000) and reserved
 * there, all 129 blocks in it, its unused slots zeroed, Linux's debug line.
 */
static void memblock_reserve_doubles_after_allow_resize_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	reserve_blocks(RAM_BASE, INIT_MEMBLOCK_REGIONS);
	memblock_allow_resize();
	early_memblock("debug");
	memset(__va(0x6ffff000), 0xa5, SZ_4K);          /* not zero: the new array is cleared */
	assert_int_equal(memblock_reserve(RAM_BASE + 128 * 0x2000, SZ_4K), 0);
	assert_true(log_has_line("memblock: reserved is doubled to 256 at [0x6ffff000-0x6ffffbff]\n"));
	assert_int_equal(memblock.reserved.max, 256);
	assert_ptr_equal(memblock.reserved.regions, __va(0x6ffff000));
	assert_int_equal(memblock.reserved.cnt, 130);
	assert_int_equal(memblock.reserved.regions[0].base, RAM_BASE);
	assert_int_equal(memblock.reserved.regions[128].base, RAM_BASE + 128 * 0x2000);
	assert_int_equal(memblock.reserved.regions[129].base, 0x6ffff000);
	assert_int_equal(memblock.reserved.regions[129].size, SZ_4K);
	assert_int_equal(memblock_reserved_size(), 130 * SZ_4K);
	/* the slots above cnt were cleared */
	assert_int_equal(memblock.reserved.regions[255].size, 0);
}

/*
 *   memory   [r0] ... [r127]     full; the highest free page is r127's last
 *   allow_resize, add r128 at 0x61000000
 * Expect the memory array doubled into 0x60fef000 (top of r127), that page
 * reserved, and r128 added.
 */
static void memblock_add_doubles_after_allow_resize_check(void **state)
{
	(void)state;
	fill_memory();
	memblock_allow_resize();
	assert_int_equal(memblock_add(0x61000000, SZ_64K), 0);
	assert_int_equal(memblock.memory.max, 256);
	assert_int_equal(memblock.memory.cnt, 129);
	assert_ptr_equal(memblock.memory.regions, __va(0x60fef000));
	assert_int_equal(memblock.memory.regions[128].base, 0x61000000);
	ASSERT_REGIONS(&memblock.reserved, REGION(0x60fef000, SZ_4K));
	assert_int_equal(memblock_phys_mem_size(), 129 * SZ_64K);
}

/*
 *   memory   [0x60000000,+1M) all reserved (1 region)
 *   reserved + 127 blocks outside memory            full, and no free memory
 *   allow_resize, reserve one more
 * Expect -ENOMEM with Linux's "Failed to double" line and nothing changed.
 */
static void memblock_double_array_no_room_check(void **state)
{
	struct memblock_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, SZ_1M), 0);
	assert_int_equal(memblock_reserve(RAM_BASE, SZ_1M), 0);
	reserve_blocks(0x90000000, INIT_MEMBLOCK_REGIONS - 1);
	memblock_allow_resize();
	memblock_snapshot_take(&snap);
	assert_int_equal(memblock_reserve(0xa0000000, SZ_4K), -ENOMEM);
	assert_true(log_has_line("memblock: Failed to double reserved array from 128 to 256 entries !\n"));
	ASSERT_UNCHANGED(&snap);
}

/*
 *   memory   [r0] ... [r127]                        full
 *   reserved [r0][r1] ... [r127 less its top page]  full; one free page: P
 *   allow_resize, add a 129th memory region
 *   memory's new array would go to P, but reserving P needs a slot, the
 *   reserved array must grow, and its new array must avoid P: no room.
 * Expect -ENOMEM, both "Failed to double" lines, nothing changed. (Linux
 * switches the memory array first and then hits BUG_ON here.)
 */
static void memblock_double_array_memory_fails_cleanly_check(void **state)
{
	struct memblock_snapshot snap;
	int k;

	(void)state;
	fill_memory();
	for (k = 0; k < INIT_MEMBLOCK_REGIONS - 1; k++)
		assert_int_equal(memblock_reserve(RAM_BASE + k * 0x20000, SZ_64K), 0);
	assert_int_equal(memblock_reserve(RAM_BASE + 127 * 0x20000, SZ_64K - SZ_4K), 0);
	assert_int_equal(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS);
	memblock_allow_resize();
	memblock_snapshot_take(&snap);
	assert_int_equal(memblock_add(0x61000000, SZ_64K), -ENOMEM);
	assert_true(log_has_line("memblock: Failed to double reserved array from 128 to 256 entries !\n"));
	assert_true(log_has_line("memblock: Failed to double memory array from 128 to 256 entries !\n"));
	ASSERT_UNCHANGED(&snap);
}

/*
 *   reserved grows 128 -> 256 (one page at 0x6ffff000)
 *                  256 -> 512 (6 KiB: two pages, 0x6fffd000)
 * Expect the 512-entry array reserved, the 256-entry one freed (its page
 * no longer reserved: only static arrays are kept), the right debug lines.
 */
static void memblock_double_array_twice_frees_old_check(void **state)
{
	int k;

	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	memblock_allow_resize();
	early_memblock("debug");
	for (k = 0; memblock.reserved.max < 512; k++) {
		assert_true(k < 300);
		assert_int_equal(memblock_reserve(RAM_BASE + k * 0x2000, SZ_4K), 0);
	}
	assert_true(log_has_line("memblock: reserved is doubled to 256 at [0x6ffff000-0x6ffffbff]\n"));
	assert_true(log_has_line("memblock: reserved is doubled to 512 at [0x6fffd000-0x6fffe7ff]\n"));
	assert_ptr_equal(memblock.reserved.regions, __va(0x6fffd000));
	assert_true(memblock_is_reserved(0x6fffd000));
	assert_true(memblock_is_reserved(0x6fffefff));
	assert_false(memblock_is_reserved(0x6ffff000));
	assert_int_equal(memblock.reserved.regions[memblock.reserved.cnt - 1].base, 0x6fffd000);
	assert_int_equal(memblock.reserved.regions[memblock.reserved.cnt - 1].size, 2 * SZ_4K);
	assert_int_equal(memblock.reserved.cnt, k + 1);
}

/*
 *   RAM at physical 0 (sim re-mapped there)
 *   memory   [0x0 ........ 0x8000)[reserved 0x8000 ... 0x10000)
 *   reserved + 127 blocks outside memory          full
 *   allow_resize, memblock_phys_free(0, 0x8000)   needs room: double reserved,
 *                                                 avoiding [0, 0x8000)
 *   above the area: nothing free; below it: [0, 0) - nothing.
 * Expect -ENOMEM and nothing changed. (Linux searches "below 0" with an
 * end of 0, which means current_limit, finds 0x7000 inside the area, puts
 * the array there, and the free then unreserves the live array.)
 */
static void memblock_double_array_area_at_zero_check(void **state)
{
	struct memblock_snapshot snap;

	(void)state;
	sim_ram_init(0, SZ_1M);
	assert_int_equal(memblock_add(0, SZ_64K), 0);
	assert_int_equal(memblock_reserve(0x8000, 0x8000), 0);
	reserve_blocks(0x90000000, INIT_MEMBLOCK_REGIONS - 1);
	memblock_allow_resize();
	memblock_snapshot_take(&snap);
	assert_int_equal(memblock_phys_free(0, 0x8000), -ENOMEM);
	assert_true(log_has_line("memblock: Failed to double reserved array from 128 to 256 entries !\n"));
	ASSERT_UNCHANGED(&snap);
}

/*
 *   memory   [r0] ... [r126][r127]        full; the highest free page is r127's last
 *   allow_resize, memblock_remove(r127)   isolating needs two slots: grow
 * Expect the new memory array not in r127 (it is going away) but at the
 * top of r126, 0x60fcf000, reserved; r127 gone. (Linux would put it in
 * r127: a live array in memory that is no longer mapped.)
 */
static void memblock_remove_grows_outside_range_check(void **state)
{
	(void)state;
	fill_memory();
	memblock_allow_resize();
	assert_int_equal(memblock_remove(RAM_BASE + 127 * 0x20000, 0x20000), 0);
	assert_int_equal(memblock.memory.max, 256);
	assert_ptr_equal(memblock.memory.regions, __va(0x60fcf000));
	assert_int_equal(memblock.memory.cnt, 127);
	assert_int_equal(memblock_end_of_DRAM(), RAM_BASE + 126 * 0x20000 + SZ_64K);
	ASSERT_REGIONS(&memblock.reserved, REGION(0x60fcf000, SZ_4K));
}

int memblock_resize_group(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(memblock_add_full_array_fails_before_resize_check),
		MB_TEST(memblock_reserve_full_array_fails_before_resize_check),
		MB_TEST(memblock_reserve_doubles_after_allow_resize_check),
		MB_TEST(memblock_add_doubles_after_allow_resize_check),
		MB_TEST(memblock_double_array_no_room_check),
		MB_TEST(memblock_double_array_memory_fails_cleanly_check),
		MB_TEST(memblock_double_array_twice_frees_old_check),
		MB_TEST(memblock_double_array_area_at_zero_check),
		MB_TEST(memblock_remove_grows_outside_range_check),
	};
	return cmocka_run_group_tests_name("memblock_resize", tests, NULL, NULL);
}
