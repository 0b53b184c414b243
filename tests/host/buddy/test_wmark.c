/*
 * tests/host/buddy/test_wmark.c - what mem_init hands over (managed pages)
 * and init_per_zone_wmark_min's numbers, against values worked out by
 * hand with Linux 6.1's formulas:
 *
 *   min_free_kbytes = int_sqrt(16 * lowmem KiB), clamped to [128, 262144]
 *   pages_min       = min_free_kbytes / 4
 *   lowmem zone:  min = pages_min * managed / lowmem managed
 *   HighMem:      min = clamp(managed / 1024, 32, 128)
 *   tmp  = max(pages_min * managed / lowmem managed / 4, managed * 10 / 10000)
 *   low  = min + tmp,  high = min + 2 * tmp
 *   Normal's lowmem_reserve[j] = (managed of zones above, up to j) / 32
 */
#include "buddy_test.h"

static void assert_wmarks(enum zone_type z, unsigned long min, unsigned long low,
			  unsigned long high)
{
	struct zone *zone = zone_of(z);

	assert_int_equal(min_wmark_pages(zone), min);
	assert_int_equal(low_wmark_pages(zone), low);
	assert_int_equal(high_wmark_pages(zone), high);
}

/*
 *   0x60000000         0x60100000                      0x63f7f000 0x63f80000  0x64000000
 *   | 4 free | pgd+kernel 252 | free ..................| flags (1) | mem_map 128 |
 *
 * managed = 16384 - 252 - 128 - 1 = 16003; lowmem KiB 64012;
 * int_sqrt(1024192) = 1012 (1012^2 = 1024144); pages_min = 253;
 * tmp = max(63, 16) = 63.
 * Expect Normal min 253, low 316, high 379, no lowmem_reserve,
 * totalreserve_pages 379, and the empty HighMem zone min 32.
 */
static void init_per_zone_wmark_min_64m_lowmem_check(void **state)
{
	struct zone *normal = zone_of(ZONE_NORMAL);

	(void)state;
	node_boot_std(MiB(64), 0);
	assert_int_equal(normal->managed_pages, 16003);
	assert_int_equal(normal->present_pages, 16384);
	assert_int_equal(nr_free_pages(), 16003);
	assert_int_equal(min_free_kbytes, 1012);
	assert_wmarks(ZONE_NORMAL, 253, 316, 379);
	assert_int_equal(normal->lowmem_reserve[ZONE_HIGHMEM], 0);
	assert_int_equal(totalreserve_pages, 379);
	assert_int_equal(min_wmark_pages(zone_of(ZONE_HIGHMEM)), 32);
	CHECK_BUDDY();
}

/*
 *   Normal 48 MiB: 12288 - 252 - 128 (mem_map of 64 MiB) - 1 (both flag
 *   arrays share a page) = 11907 managed;  HighMem 16 MiB: 4096 managed
 *
 * int_sqrt(16 * 47628 = 762048) = 872 (873^2 = 762129); pages_min = 218.
 * Normal:  min 218, tmp = max(54, 11) = 54 -> low 272, high 326
 * HighMem: share 218 * 4096 / 11907 = 74, min clamp(4, 32, 128) = 32,
 *          tmp = max(18, 4) = 18 -> low 50, high 68
 * Movable: empty, min 32 = low = high
 * Expect those, Normal's protection (0, 128, 128), and totalreserve
 * (326 + 128) + 68 = 522.
 */
static void init_per_zone_wmark_min_48m_16m_highmem_check(void **state)
{
	struct zone *normal = zone_of(ZONE_NORMAL);

	(void)state;
	node_boot_std(MiB(48), MiB(16));
	assert_int_equal(normal->managed_pages, 11907);
	assert_int_equal(zone_of(ZONE_HIGHMEM)->managed_pages, 4096);
	assert_int_equal(totalhigh_pages(), 4096);
	assert_int_equal(totalram_pages(), 11907 + 4096);
	assert_int_equal(min_free_kbytes, 872);
	assert_wmarks(ZONE_NORMAL, 218, 272, 326);
	assert_wmarks(ZONE_HIGHMEM, 32, 50, 68);
	assert_wmarks(ZONE_MOVABLE, 32, 32, 32);
	assert_int_equal(normal->lowmem_reserve[ZONE_NORMAL], 0);
	assert_int_equal(normal->lowmem_reserve[ZONE_HIGHMEM], 128);
	assert_int_equal(normal->lowmem_reserve[ZONE_MOVABLE], 128);
	assert_int_equal(zone_of(ZONE_HIGHMEM)->lowmem_reserve[ZONE_MOVABLE], 0);
	assert_int_equal(totalreserve_pages, 522);
	CHECK_BUDDY();
}

/*
 *   HighMem 256 MiB: 65536 pages, /1024 = 64, inside [32, 128]
 *   HighMem 576 MiB: 147456 pages, /1024 = 144, clamped to 128
 *
 * Expect HighMem min 64, then 128 (only struct pages exist for HighMem:
 * mem_map of 320 MiB / 640 MiB sits in the 64 MiB of lowmem).
 */
static void init_per_zone_wmark_min_highmem_clamp_check(void **state)
{
	(void)state;
	node_boot_std(MiB(64), MiB(256));
	assert_int_equal(zone_of(ZONE_HIGHMEM)->managed_pages, 65536);
	assert_int_equal(min_wmark_pages(zone_of(ZONE_HIGHMEM)), 64);
	CHECK_BUDDY();
	node_boot_std(MiB(64), MiB(576));
	assert_int_equal(zone_of(ZONE_HIGHMEM)->managed_pages, 147456);
	assert_int_equal(min_wmark_pages(zone_of(ZONE_HIGHMEM)), 128);
	assert_int_equal(zone_of(ZONE_NORMAL)->lowmem_reserve[ZONE_HIGHMEM], 147456 / 32);
	CHECK_BUDDY();
}

/*
 *   4 MiB node, 3 MiB + 16K reserved: 1024 - 772 - 8 (mem_map) - 1 = 243 managed
 *   int_sqrt(16 * 972 = 15552) = 124 < 128
 *
 * Expect min_free_kbytes clamped up to 128: pages_min 32, Normal min 32,
 * tmp = max(8, 0) = 8 -> low 40, high 48.
 */
static void init_per_zone_wmark_min_clamp_128_check(void **state)
{
	const struct rsv rsv[] = { { RAM_BASE, MiB(3) + SZ_16K } };

	(void)state;
	node_boot(MiB(4), 0, rsv, ARRAY_SIZE(rsv));
	assert_int_equal(zone_of(ZONE_NORMAL)->managed_pages, 243);
	assert_int_equal(min_free_kbytes, 128);
	assert_wmarks(ZONE_NORMAL, 32, 40, 48);
	CHECK_BUDDY();
}

/*
 *   Normal (48 MiB + 16 MiB HighMem node): free F, min 218, reserve[HighMem] 128
 *
 * Expect zone_watermark_ok to need F - (2^order - 1) > mark + reserve:
 * true just above, false at; __GFP_HIGH lowers the mark by half.
 */
static void zone_watermark_ok_boundaries_check(void **state)
{
	struct zone *normal = zone_of(ZONE_NORMAL);
	unsigned long f;

	(void)state;
	node_boot_std(MiB(48), MiB(16));
	f = zone_page_state(normal, NR_FREE_PAGES);
	assert_true(zone_watermark_ok(normal, 0, f - 1, ZONE_NORMAL, false));
	assert_false(zone_watermark_ok(normal, 0, f, ZONE_NORMAL, false));
	assert_true(zone_watermark_ok(normal, 0, f - 129, ZONE_HIGHMEM, false));
	assert_false(zone_watermark_ok(normal, 0, f - 128, ZONE_HIGHMEM, false));
	assert_true(zone_watermark_ok(normal, 3, f - 8, ZONE_NORMAL, false));
	assert_false(zone_watermark_ok(normal, 3, f - 7, ZONE_NORMAL, false));
	assert_true(zone_watermark_ok(normal, 0, 2 * f - 2, ZONE_NORMAL, true));
	assert_false(zone_watermark_ok(normal, 0, 2 * f, ZONE_NORMAL, true));
	/* an empty zone never passes */
	assert_false(zone_watermark_ok(zone_of(ZONE_MOVABLE), 0, 0, ZONE_MOVABLE, false));
}

int buddy_wmark_group(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(init_per_zone_wmark_min_64m_lowmem_check),
		cmocka_unit_test(init_per_zone_wmark_min_48m_16m_highmem_check),
		cmocka_unit_test(init_per_zone_wmark_min_highmem_clamp_check),
		cmocka_unit_test(init_per_zone_wmark_min_clamp_128_check),
		cmocka_unit_test(zone_watermark_ok_boundaries_check),
	};

	return cmocka_run_group_tests_name("buddy_wmark", tests, NULL, NULL);
}
