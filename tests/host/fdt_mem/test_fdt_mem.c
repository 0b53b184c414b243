/*
 * tests/host/fdt_mem - memory from the DTB into memblock
 * (drivers/of/fdt_mem.c) and whole-blob validation (drivers/of/fdt.c),
 * on device trees built here with libfdt's sequential writer. The bad
 * inputs of the issue: a zero-size or overlapping region, a region above
 * 4 GiB, no memory node, a truncated blob. PHYS_OFFSET is 0x60000000.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <host/sim.h>
#include <libfdt.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>

#define RAM_BASE 0x60000000u
#define BLOB_SIZE 4096

static char blob[BLOB_SIZE] __attribute__((aligned(8)));   /* as a DTB must be */

/* One /memory node whose reg holds n (base, size) pairs of `cells` cells each. */
static void make_dtb(int cells, const uint64_t *banks, int n, bool with_memory)
{
	fdt32_t reg[16];
	int i, k = 0;

	assert_int_equal(fdt_create(blob, sizeof(blob)), 0);
	assert_int_equal(fdt_finish_reservemap(blob), 0);
	assert_int_equal(fdt_begin_node(blob, ""), 0);
	fdt_property_u32(blob, "#address-cells", cells);
	fdt_property_u32(blob, "#size-cells", cells);
	if (with_memory) {
		fdt_begin_node(blob, "memory");
		fdt_property_string(blob, "device_type", "memory");
		for (i = 0; i < 2 * n; i++) {
			if (cells == 2)
				reg[k++] = cpu_to_fdt32(banks[i] >> 32);
			reg[k++] = cpu_to_fdt32((uint32_t)banks[i]);
		}
		fdt_property(blob, "reg", reg, k * 4);
		fdt_end_node(blob);
	}
	fdt_end_node(blob);
	assert_int_equal(fdt_finish(blob), 0);
}

static int setup(void **state)
{
	(void)state;
	sim_ram_init(RAM_BASE, 1 << 20);
	memblock_reset_for_test();
	sim_log_clear();
	return 0;
}

static void expect_regions(const uint32_t *r, int n)
{
	int i;

	if (!n) {		/* memblock keeps one empty region when empty */
		assert_int_equal(memblock.memory.total_size, 0);
		return;
	}
	assert_int_equal(memblock.memory.cnt, n);
	for (i = 0; i < n; i++) {
		assert_int_equal(memblock.memory.regions[i].base, r[2 * i]);
		assert_int_equal(memblock.memory.regions[i].size, r[2 * i + 1]);
	}
}

/*
 *   reg = <0x60000000 0x20000000>, <0x80000000 0x4>   (U-Boot on -m 512M)
 * Expect one 512 MiB region and Linux's "Ignoring memory block" line.
 */
static void early_init_dt_scan_memory_uboot_bogus_bank_check(void **state)
{
	const uint64_t banks[] = { 0x60000000, 0x20000000, 0x80000000, 4 };
	const uint32_t want[] = { 0x60000000, 0x20000000 };

	(void)state;
	make_dtb(1, banks, 2, true);
	assert_int_equal(early_init_dt_scan_memory(blob), 2);
	expect_regions(want, 1);
	assert_non_null(strstr(sim_log(), "OF: fdt: Ignoring memory block 0x80000000 - 0x80000004"));
}

/* A zero-size bank is reported, not added. Expect no region, a message. */
static void early_init_dt_scan_memory_zero_size_check(void **state)
{
	const uint64_t banks[] = { 0x60000000, 0 };

	(void)state;
	make_dtb(1, banks, 1, true);
	early_init_dt_scan_memory(blob);
	expect_regions(NULL, 0);
	assert_non_null(strstr(sim_log(), "Ignoring memory block 0x60000000 - 0x60000000"));
}

/*
 * 2 address cells: a bank wholly above 4 GiB and one crossing it.
 *   [0x1_00000000 +256M]          ignored
 *   [0xf0000000 +512M]            cut at 4 GiB - 1 page boundary: size 256M
 */
static void early_init_dt_scan_memory_above_4g_check(void **state)
{
	const uint64_t banks[] = { 0x100000000ull, 0x10000000, 0xf0000000, 0x20000000 };
	const uint32_t want[] = { 0xf0000000, 0x0fffffff & ~0xfffu };

	(void)state;
	make_dtb(2, banks, 2, true);
	early_init_dt_scan_memory(blob);
	assert_non_null(strstr(sim_log(), "Ignoring memory block 0x100000000 - 0x110000000"));
	assert_non_null(strstr(sim_log(), "Ignoring memory range 0x100000000 - 0x110000000"));
	assert_int_equal(memblock.memory.cnt, 1);
	assert_int_equal(memblock.memory.regions[0].base, want[0]);
	assert_true(memblock.memory.regions[0].base + memblock.memory.regions[0].size - 1 <= 0xffffffffu);
}

/*
 *   [0x60000000 +256M] and [0x68000000 +256M]   overlap by 128M
 * Expect a warning naming the second, and one merged region of 384M.
 */
static void early_init_dt_scan_memory_overlap_check(void **state)
{
	const uint64_t banks[] = { 0x60000000, 0x10000000, 0x68000000, 0x10000000 };
	const uint32_t want[] = { 0x60000000, 0x18000000 };

	(void)state;
	make_dtb(1, banks, 2, true);
	early_init_dt_scan_memory(blob);
	assert_non_null(strstr(sim_log(), "memory block 0x68000000 - 0x78000000 overlaps"));
	expect_regions(want, 1);
}

/* Below PHYS_OFFSET: cut, with a message. */
static void early_init_dt_scan_memory_below_phys_offset_check(void **state)
{
	const uint64_t banks[] = { 0x5ff00000, 0x00200000 };
	const uint32_t want[] = { 0x60000000, 0x00100000 };

	(void)state;
	make_dtb(1, banks, 1, true);
	early_init_dt_scan_memory(blob);
	assert_non_null(strstr(sim_log(), "Ignoring memory range 0x5ff00000 - 0x60000000"));
	expect_regions(want, 1);
}

/* No /memory node: nothing found, memblock stays empty (setup_arch then
 * stops with "Error: ... no usable memory"). */
static void early_init_dt_scan_memory_no_node_check(void **state)
{
	(void)state;
	make_dtb(1, NULL, 0, false);
	assert_int_equal(early_init_dt_scan_memory(blob), 0);
	expect_regions(NULL, 0);
}

/* A truncated blob (the header still claims the full size, the structure
 * block is cut): of_fdt_validate refuses it before anything is read. */
static void of_fdt_validate_truncated_check(void **state)
{
	const uint64_t banks[] = { 0x60000000, 0x20000000 };
	char cut[BLOB_SIZE] __attribute__((aligned(8)));
	uint32_t off_struct;

	(void)state;
	make_dtb(1, banks, 1, true);
	assert_int_equal(of_fdt_validate(blob), 0);
	memcpy(cut, blob, sizeof(cut));
	off_struct = fdt_off_dt_struct(cut);
	memset(cut + off_struct + 8, 0xff, fdt_size_dt_struct(cut) - 8);
	assert_true(of_fdt_validate(cut) < 0);
	fdt_set_magic(cut, 0xd00dfeee);
	assert_int_equal(of_fdt_validate(cut), -FDT_ERR_BADMAGIC);
}

/*
 * A memory reservation block 4 bytes off its 8-byte alignment (found by
 * fuzz_dtb once it ran as ARM code: libfdt's 64-bit load of an entry
 * faulted). Expect of_fdt_validate to refuse it with its own error and a
 * message that says what is wrong, and to accept the aligned original.
 */
static void of_fdt_validate_misaligned_rsvmap_check(void **state)
{
	const uint64_t banks[] = { 0x60000000, 0x20000000 };
	char moved[BLOB_SIZE + 8] __attribute__((aligned(8)));

	(void)state;
	make_dtb(1, banks, 1, true);
	assert_int_equal(of_fdt_validate(blob), 0);
	memcpy(moved, blob, BLOB_SIZE);
	fdt_set_off_mem_rsvmap(moved, fdt_off_mem_rsvmap(moved) + 4);
	assert_int_equal(of_fdt_validate(moved), -OF_FDT_ERR_MISALIGNED);
	assert_non_null(strstr(of_fdt_strerror(-OF_FDT_ERR_MISALIGNED), "8-byte aligned"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(early_init_dt_scan_memory_uboot_bogus_bank_check, setup),
		cmocka_unit_test_setup(early_init_dt_scan_memory_zero_size_check, setup),
		cmocka_unit_test_setup(early_init_dt_scan_memory_above_4g_check, setup),
		cmocka_unit_test_setup(early_init_dt_scan_memory_overlap_check, setup),
		cmocka_unit_test_setup(early_init_dt_scan_memory_below_phys_offset_check, setup),
		cmocka_unit_test_setup(early_init_dt_scan_memory_no_node_check, setup),
		cmocka_unit_test_setup(of_fdt_validate_truncated_check, setup),
		cmocka_unit_test_setup(of_fdt_validate_misaligned_rsvmap_check, setup),
	};

	return cmocka_run_group_tests_name("fdt_mem", tests, NULL, NULL);
}
