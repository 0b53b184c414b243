/*
 * tests/host/buddy/test_vmstat.c - /proc/buddyinfo, /proc/pagetypeinfo and
 * /proc/zoneinfo (mm/vmstat.c) of a tiny node, against text written out
 * by hand from Linux 6.1's format strings (frag_show_print,
 * pagetypeinfo_showfree_print, pagetypeinfo_showblockcount_print,
 * zoneinfo_show_print). mm/vmstat.c is included, not linked, to reach its
 * static show functions.
 *
 *   0x60000000 0x60004000          0x60100000                   0x607e7000 0x607e8000 0x60800000   0x60c00000
 *   | free o2  | pgd + kernel       | free: 8 9 9 8 7 6 5 2 1 0 | flags     | mem_map 24 | HighMem o10 |
 *
 * Normal: 2048 pages, 1771 free (4 + 1767); HighMem: 1024 pages, one
 * order-10 block. int_sqrt(16 * 7084) = 336 -> pages_min 84:
 * Normal min 84, low 84 + 21 = 105, high 126; HighMem share
 * 84 * 1024 / 1771 = 48, min 32, low 32 + 12 = 44, high 56; Movable 32.
 */
#include "buddy_test.h"
#include <stdio.h>
#include <stdlib.h>
#include "../../../mm/vmstat.c"

static void boot_tiny(void)
{
	node_boot_std(MiB(8), MiB(4));
}

/*
 *   Normal:  o0 0x607e6, o1 0x607e4, o2 0x60000 0x607e0, o5 0x607c0,
 *            o6 0x60780, o7 0x60700, o8 0x60100 0x60600, o9 0x60200 0x60400
 *   HighMem: o10 0x60800
 *
 * Expect one line per populated zone: free blocks per order 0..10.
 */
static void buddyinfo_show_tiny_node_check(void **state)
{
	(void)state;
	boot_tiny();
	ASSERT_TEXT(show(buddyinfo_show),
	"Node 0, zone   Normal      1      1      2      0      0      1      1      1      2      2      0 \n"
	"Node 0, zone  HighMem      0      0      0      0      0      0      0      0      0      0      1 \n");
	CHECK_BUDDY();
}

/*
 *   HighMem order 10 -> take 1, put back 9 8 7 6 5 4
 *
 * Expect buddyinfo's HighMem line to show one block at each order 4..9
 * after an order-4 GFP_HIGHUSER_MOVABLE allocation, and the order-10
 * block again after freeing it.
 */
static void buddyinfo_show_after_split_check(void **state)
{
	(void)state;
	boot_tiny();
	assert_non_null(t_alloc(GFP_HIGHUSER_MOVABLE, 4));
	assert_non_null(strstr(show(buddyinfo_show),
		"Node 0, zone  HighMem      0      0      0      0      1      1      1      1      1      1      0 \n"));
	t_free(0);
	assert_non_null(strstr(show(buddyinfo_show),
		"Node 0, zone  HighMem      0      0      0      0      0      0      0      0      0      0      1 \n"));
	CHECK_BUDDY();
}

/*
 *   pageblocks: Normal [0x60000 Movable][0x60400 Movable]  HighMem [0x60800 Movable]
 *
 * Expect every free block on a Movable list (all pageblocks start
 * Movable), the six types Linux 6.1 lists (with CMA and isolation), and
 * 2 Normal + 1 HighMem Movable pageblocks.
 */
static void pagetypeinfo_show_tiny_node_check(void **state)
{
	(void)state;
	boot_tiny();
	ASSERT_TEXT(show(pagetypeinfo_show),
	"Page block order: 10\n"
	"Pages per block:  1024\n"
	"\n"
	"Free pages count per migrate type at order       0      1      2      3      4      5      6      7      8      9     10 \n"
	"Node    0, zone   Normal, type    Unmovable      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone   Normal, type      Movable      1      1      2      0      0      1      1      1      2      2      0 \n"
	"Node    0, zone   Normal, type  Reclaimable      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone   Normal, type   HighAtomic      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone   Normal, type          CMA      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone   Normal, type      Isolate      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone  HighMem, type    Unmovable      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone  HighMem, type      Movable      0      0      0      0      0      0      0      0      0      0      1 \n"
	"Node    0, zone  HighMem, type  Reclaimable      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone  HighMem, type   HighAtomic      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone  HighMem, type          CMA      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone  HighMem, type      Isolate      0      0      0      0      0      0      0      0      0      0      0 \n"
	"\nNumber of blocks type     Unmovable      Movable  Reclaimable   HighAtomic          CMA      Isolate \n"
	"Node 0, zone   Normal            0            2            0            0            0            0 \n"
	"Node 0, zone  HighMem            0            1            0            0            0            0 \n");
}

/*
 *   Normal  2048 spanned, 1771 managed   min 84 low 105 high 126   protection (0, 32, 32)
 *   HighMem 1024 spanned, 1024 managed   min 32 low 44  high 56    protection (0, 0, 0)
 *   Movable empty                        min 32 low 32  high 32
 *
 * Expect the per-node stats (all 0) under the first populated zone, each
 * zone's watermarks and protection as worked out above, the pageset as
 * Linux prints the boot pageset, before setup_per_cpu_pageset (count 0,
 * high 0, batch 1), stat threshold
 * 2 * fls(1) * (1 + fls(managed >> 15)) = 2), and the empty Movable zone
 * cut short after its protection line.
 */
static void zoneinfo_show_tiny_node_check(void **state)
{
	static char got[1 << 15];

	(void)state;
	boot_tiny();
	snprintf(got, sizeof(got), "%s", show(zoneinfo_show));
	ASSERT_TEXT(got,
	"Node 0, zone   Normal\n"
	"  per-node stats\n"
	"      nr_inactive_anon 0\n"
	"      nr_active_anon 0\n"
	"      nr_inactive_file 0\n"
	"      nr_active_file 0\n"
	"      nr_unevictable 0\n"
	"      nr_slab_reclaimable 0\n"
	"      nr_slab_unreclaimable 0\n"
	"      nr_isolated_anon 0\n"
	"      nr_isolated_file 0\n"
	"      workingset_nodes 0\n"
	"      workingset_refault_anon 0\n"
	"      workingset_refault_file 0\n"
	"      workingset_activate_anon 0\n"
	"      workingset_activate_file 0\n"
	"      workingset_restore_anon 0\n"
	"      workingset_restore_file 0\n"
	"      workingset_nodereclaim 0\n"
	"      nr_anon_pages 0\n"
	"      nr_mapped    0\n"
	"      nr_file_pages 0\n"
	"      nr_dirty     0\n"
	"      nr_writeback 0\n"
	"      nr_writeback_temp 0\n"
	"      nr_shmem     0\n"
	"      nr_shmem_hugepages 0\n"
	"      nr_shmem_pmdmapped 0\n"
	"      nr_file_hugepages 0\n"
	"      nr_file_pmdmapped 0\n"
	"      nr_anon_transparent_hugepages 0\n"
	"      nr_vmscan_write 0\n"
	"      nr_vmscan_immediate_reclaim 0\n"
	"      nr_dirtied   0\n"
	"      nr_written   0\n"
	"      nr_throttled_written 0\n"
	"      nr_kernel_misc_reclaimable 0\n"
	"      nr_foll_pin_acquired 0\n"
	"      nr_foll_pin_released 0\n"
	"      nr_kernel_stack 0\n"
	"      nr_page_table_pages 0\n"
	"      nr_sec_page_table_pages 0\n"
	"      nr_swapcached 0\n"
	"  pages free     1771\n"
	"        boost    0\n"
	"        min      84\n"
	"        low      105\n"
	"        high     126\n"
	"        spanned  2048\n"
	"        present  2048\n"
	"        managed  1771\n"
	"        cma      0\n"
	"        protection: (0, 32, 32)\n"
	"      nr_free_pages 1771\n"
	"      nr_zone_inactive_anon 0\n"
	"      nr_zone_active_anon 0\n"
	"      nr_zone_inactive_file 0\n"
	"      nr_zone_active_file 0\n"
	"      nr_zone_unevictable 0\n"
	"      nr_zone_write_pending 0\n"
	"      nr_mlock     0\n"
	"      nr_bounce    0\n"
	"      nr_zspages   0\n"
	"      nr_free_cma  0\n"
	"  pagesets\n"
	"    cpu: 0\n"
	"              count: 0\n"
	"              high:  0\n"
	"              batch: 1\n"
	"  vm stats threshold: 2\n"
	"  node_unreclaimable:  0\n"
	"  start_pfn:           393216\n"
	"Node 0, zone  HighMem\n"
	"  pages free     1024\n"
	"        boost    0\n"
	"        min      32\n"
	"        low      44\n"
	"        high     56\n"
	"        spanned  1024\n"
	"        present  1024\n"
	"        managed  1024\n"
	"        cma      0\n"
	"        protection: (0, 0, 0)\n"
	"      nr_free_pages 1024\n"
	"      nr_zone_inactive_anon 0\n"
	"      nr_zone_active_anon 0\n"
	"      nr_zone_inactive_file 0\n"
	"      nr_zone_active_file 0\n"
	"      nr_zone_unevictable 0\n"
	"      nr_zone_write_pending 0\n"
	"      nr_mlock     0\n"
	"      nr_bounce    0\n"
	"      nr_zspages   0\n"
	"      nr_free_cma  0\n"
	"  pagesets\n"
	"    cpu: 0\n"
	"              count: 0\n"
	"              high:  0\n"
	"              batch: 1\n"
	"  vm stats threshold: 2\n"
	"  node_unreclaimable:  0\n"
	"  start_pfn:           395264\n"
	"Node 0, zone  Movable\n"
	"  pages free     0\n"
	"        boost    0\n"
	"        min      32\n"
	"        low      32\n"
	"        high     32\n"
	"        spanned  0\n"
	"        present  0\n"
	"        managed  0\n"
	"        cma      0\n"
	"        protection: (0, 0, 0)\n");
}

/* The pages a zone's buddyinfo line counts: sum of blocks x 2^order. */
static unsigned long buddyinfo_line_pages(const char *text, const char *zone)
{
	char key[32];
	const char *p;
	unsigned long sum = 0, n;
	unsigned int o;
	int used;

	snprintf(key, sizeof(key), "zone %8s ", zone);
	p = strstr(text, key);
	assert_non_null(p);
	p += strlen(key);
	for (o = 0; o < MAX_ORDER; o++, p += used) {
		assert_int_equal(sscanf(p, "%lu%n", &n, &used), 1);
		sum += n << o;
	}
	return sum;
}

/*
 *   tiny node with per-CPU lists: Normal batch 1 (1771 >> 10 = 1, / 4 = 0
 *   -> 1 -> 2^0 - 1 = 0 -> at least 1), high max(low 105, 4) = 105;
 *   HighMem batch 1, high max(44, 4) = 44
 *   GFP_KERNEL order 0: refill 1, hand it out, free it: 1 page on the list
 *
 * Expect zoneinfo's pagesets to print the lists as they are (count 1, high
 * 105, batch 1 for Normal; 0, 44, 1 for HighMem), the page on the list to
 * be missing from "pages free" and nr_free_pages (1770), and buddyinfo to
 * leave it out too, as Linux does.
 */
static void zoneinfo_show_pagesets_check(void **state)
{
	const char *zi;
	const char *b;

	(void)state;
	boot_tiny();
	setup_per_cpu_pageset();
	assert_non_null(t_alloc(GFP_KERNEL, 0));
	t_free(0);
	zi = show(zoneinfo_show);
	assert_non_null(strstr(zi, "  pages free     1770\n"));
	assert_non_null(strstr(zi, "      nr_free_pages 1770\n"));
	assert_non_null(strstr(zi, "  pagesets\n    cpu: 0\n              count: 1\n"
				   "              high:  105\n              batch: 1\n"
				   "  vm stats threshold: 2\n  node_unreclaimable:  0\n"
				   "  start_pfn:           393216\n"));
	assert_non_null(strstr(zi, "  pagesets\n    cpu: 0\n              count: 0\n"
				   "              high:  44\n              batch: 1\n"
				   "  vm stats threshold: 2\n  node_unreclaimable:  0\n"
				   "  start_pfn:           395264\n"));
	b = show(buddyinfo_show);
	assert_int_equal(buddyinfo_line_pages(b, "Normal"), 1770);
	CHECK_BUDDY();
}

int buddy_vmstat_group(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(buddyinfo_show_tiny_node_check),
		cmocka_unit_test(buddyinfo_show_after_split_check),
		cmocka_unit_test(pagetypeinfo_show_tiny_node_check),
		cmocka_unit_test(zoneinfo_show_tiny_node_check),
		cmocka_unit_test(zoneinfo_show_pagesets_check),
	};

	return cmocka_run_group_tests_name("buddy_vmstat", tests, NULL, NULL);
}
