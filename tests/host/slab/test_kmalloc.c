/*
 * tests/host/slab/test_kmalloc.c - kmalloc's size classes, kmalloc_large,
 * kfree, and /proc/slabinfo.
 */
#include <stdio.h>
#include "slab_test.h"
#include <linux/seq_file.h>

static struct kmem_cache *find_cache(const char *name)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		if (!strcmp(s->name, name))
			return s;
	fail_msg("no cache %s", name);
	return NULL;
}

/*
 *   size:   1  8 | 9 16 | 17 32 | 33 64 | 65 96 | 97 128 | 129 192 | 193 256 | ... | 4097 8192
 *   cache:  kmalloc-8 | -16  | -32   | -64   | -96   | -128   | -192    | -256    | ... | -8k
 * Expect each size to come from the cache named, aligned to the class size
 * for powers of 2 (8 otherwise), writable over its whole size, and the
 * cache's active objects to go up by one and back down on kfree.
 */
static void kmalloc_size_classes_check(void **state)
{
	static const struct { size_t size; const char *cache; unsigned int align; } t[] = {
		{ 1, "kmalloc-8", 8 },       { 8, "kmalloc-8", 8 },       { 9, "kmalloc-16", 16 },
		{ 16, "kmalloc-16", 16 },    { 17, "kmalloc-32", 32 },    { 33, "kmalloc-64", 64 },
		{ 64, "kmalloc-64", 64 },    { 65, "kmalloc-96", 8 },     { 96, "kmalloc-96", 8 },
		{ 97, "kmalloc-128", 128 },  { 129, "kmalloc-192", 8 },   { 192, "kmalloc-192", 8 },
		{ 193, "kmalloc-256", 256 }, { 257, "kmalloc-512", 512 }, { 513, "kmalloc-1k", 1024 },
		{ 1025, "kmalloc-2k", 2048 }, { 2049, "kmalloc-4k", 4096 }, { 4097, "kmalloc-8k", 8192 },
		{ 8192, "kmalloc-8k", 8192 },
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(t); i++) {
		struct kmem_cache *s = find_cache(t[i].cache);
		unsigned long active = cache_info(s).active_objs;
		char *p = kmalloc(t[i].size, GFP_KERNEL);

		assert_non_null(p);
		assert_ptr_equal(kmalloc_slab(t[i].size), s);
		assert_ptr_equal(virt_to_head_page(p)->slab_cache, s);
		assert_int_equal((unsigned long)p % t[i].align, 0);
		memset(p, 0xa5, t[i].size);
		assert_int_equal(cache_info(s).active_objs, active + 1);
		kfree(p);
		assert_int_equal(cache_info(s).active_objs, active);
		check_cache(s);
	}
}

/*
 *   class:        8   16  32  64  96  128 192 256 512 1k  2k  4k  8k
 *   objperslab:   512 256 128 64  42  32  21  16  8   8   8   8   4
 *   pagesperslab: 1   1   1   1   1   1   1   1   1   2   4   8   8
 * Expect SLUB's calculate_order for 1 CPU (min_objects 8, max order 3).
 */
static void kmalloc_slab_orders_check(void **state)
{
	static const struct { const char *name; unsigned int objs, pages; } t[] = {
		{ "kmalloc-8", 512, 1 }, { "kmalloc-16", 256, 1 }, { "kmalloc-32", 128, 1 },
		{ "kmalloc-64", 64, 1 }, { "kmalloc-96", 42, 1 },  { "kmalloc-128", 32, 1 },
		{ "kmalloc-192", 21, 1 }, { "kmalloc-256", 16, 1 }, { "kmalloc-512", 8, 1 },
		{ "kmalloc-1k", 8, 2 },  { "kmalloc-2k", 8, 4 },   { "kmalloc-4k", 8, 8 },
		{ "kmalloc-8k", 4, 8 },
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(t); i++) {
		struct slabinfo si = cache_info(find_cache(t[i].name));

		assert_int_equal(si.objects_per_slab, t[i].objs);
		assert_int_equal(1U << si.cache_order, t[i].pages);
	}
}

/*
 *   kmalloc-64: [64 objs][64 objs][4 objs ...]     130 allocations
 * Expect active_objs +130 and num_slabs +3 over a fresh cache, SUnreclaim
 * +3 pages; after kfree active_objs is back, the empty slabs stay (up to
 * min_partial, as SLUB), and kmem_cache_shrink gives them back.
 */
static void kmalloc_slabinfo_counts_check(void **state)
{
	struct kmem_cache *s = find_cache("kmalloc-64");
	unsigned long unrecl = contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B];
	unsigned long free_pages = nr_free_pages();
	struct slabinfo before = cache_info(s), after;
	void *p[130];
	unsigned int i;

	(void)state;
	assert_int_equal(before.num_slabs, 0);
	for (i = 0; i < ARRAY_SIZE(p); i++)
		p[i] = kmalloc(64, GFP_KERNEL);
	after = cache_info(s);
	assert_int_equal(after.active_objs, ARRAY_SIZE(p));
	assert_int_equal(after.num_objs, 3 * 64);
	assert_int_equal(after.num_slabs, 3);
	assert_int_equal(contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B], unrecl + 3 * PAGE_SIZE);
	assert_int_equal(nr_free_pages(), free_pages - 3);
	assert_int_equal(check_cache(s), ARRAY_SIZE(p));
	for (i = 0; i < ARRAY_SIZE(p); i++)
		kfree(p[i]);
	assert_int_equal(cache_info(s).active_objs, 0);
	assert_int_equal(cache_info(s).num_slabs, 3);      /* 3 <= min_partial */
	assert_int_equal(kmem_cache_shrink(s), 0);
	assert_int_equal(cache_info(s).num_slabs, 0);
	assert_int_equal(nr_free_pages(), free_pages);
	assert_int_equal(contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B], unrecl);
}

/*
 *   kmalloc(16384) -> alloc_pages(GFP_KERNEL | __GFP_COMP, 2): [head|tail|tail|tail]
 * Expect a page-aligned compound page of order 2, not a slab, counted in
 * SUnreclaim; kfree gives all 4 pages back.
 */
static void kmalloc_large_check(void **state)
{
	unsigned long unrecl = contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B];
	unsigned long free_pages = nr_free_pages();
	char *p = kmalloc(16384, GFP_KERNEL);
	struct page *head;

	(void)state;
	assert_non_null(p);
	assert_null(kmalloc_slab(16384));
	head = virt_to_head_page(p + 12345);
	assert_ptr_equal(lowmem_page_address(head), p);
	assert_false(PageSlab(head));
	assert_true(PageHead(head));
	assert_int_equal(compound_order(head), 2);
	memset(p, 0x5a, 16384);
	assert_int_equal(nr_free_pages(), free_pages - 4);
	assert_int_equal(contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B], unrecl + 16384);
	kfree(p);
	assert_int_equal(nr_free_pages(), free_pages);
	assert_int_equal(contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B], unrecl);
}

/* Expect kmalloc(0) to be ZERO_SIZE_PTR, and kfree of it and of NULL to do nothing. */
static void kmalloc_zero_check(void **state)
{
	unsigned long errors = slab_errors;

	(void)state;
	assert_ptr_equal(kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	assert_int_equal(slab_errors, errors);
}

/*
 *   kfree(middle of a large kmalloc), kfree(an alloc_pages page), kfree(0x1000)
 * Expect each reported as "BUG kfree", counted in slab_errors, nothing freed.
 */
static void kfree_not_kmalloc_check(void **state)
{
	unsigned long errors = slab_errors, free_pages;
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	char *big = kmalloc(16384, GFP_KERNEL);

	(void)state;
	free_pages = nr_free_pages();
	kfree(big + PAGE_SIZE);
	kfree(lowmem_page_address(page));
	kfree((void *)0x1000);
	assert_int_equal(slab_errors, errors + 3);
	assert_non_null(strstr(sim_log(), "BUG kfree (Not tainted)"));
	assert_int_equal(nr_free_pages(), free_pages);
	kfree(big);
	__free_pages(page, 0);
}

/*
 * Expect /proc/slabinfo: Linux's two header lines, then the caches newest
 * first: kmalloc-8k first, kmem_cache_node and kmem_cache last; and the
 * kmalloc-192 line exactly as Linux prints one slab of 21 objects.
 */
static void slabinfo_format_check(void **state)
{
	static char buf[8192];
	struct seq_file m;
	void *p = kmalloc(150, GFP_KERNEL);
	const char *line;

	(void)state;
	seq_buf_init(&m, buf, sizeof(buf));
	slab_show(&m, NULL);
	assert_memory_equal(buf, "slabinfo - version: 2.1\n"
		"# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
		" : tunables <limit> <batchcount> <sharedfactor>"
		" : slabdata <active_slabs> <num_slabs> <sharedavail>\n"
		"kmalloc-8k ", 215);
	line = strstr(buf, "\nkmalloc-192 ");
	assert_non_null(line);
	assert_memory_equal(line + 1, "kmalloc-192            1     21    192   21    1 : tunables"
			    "    0    0    0 : slabdata      1      1      0\n", 107);
	assert_non_null(strstr(buf, "\nkmalloc-128 "));
	assert_true(strstr(buf, "\nkmalloc-192 ") < strstr(buf, "\nkmalloc-128 "));
	assert_true(strstr(buf, "\nkmalloc-128 ") < strstr(buf, "\nkmalloc-96 "));
	assert_true(strstr(buf, "\nkmalloc-96 ") < strstr(buf, "\nkmalloc-64 "));
	line = strstr(buf, "\nkmalloc-8 ");
	assert_non_null(line);
	line = strchr(line + 1, '\n');
	assert_memory_equal(line + 1, "kmem_cache_node ", 16);
	line = strchr(line + 1, '\n');
	assert_memory_equal(line + 1, "kmem_cache ", 11);
	assert_int_equal(strchr(line + 1, '\n')[1], '\0');
	kfree(p);
}

/* Expect the boot line Linux prints for one CPU and one node. */
static void kmem_cache_init_boot_line_check(void **state)
{
	(void)state;
	sim_log_clear();
	kmem_cache_init();
	assert_string_equal(sim_log(), "SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=1, Nodes=1\n");
}

int run_kmalloc_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(kmalloc_size_classes_check, slab_test_setup),
		cmocka_unit_test_setup(kmalloc_slab_orders_check, slab_test_setup),
		cmocka_unit_test_setup(kmalloc_slabinfo_counts_check, slab_test_setup),
		cmocka_unit_test_setup(kmalloc_large_check, slab_test_setup),
		cmocka_unit_test_setup(kmalloc_zero_check, slab_test_setup),
		cmocka_unit_test_setup(kfree_not_kmalloc_check, slab_test_setup),
		cmocka_unit_test_setup(slabinfo_format_check, slab_test_setup),
		cmocka_unit_test_setup(kmem_cache_init_boot_line_check, slab_test_setup),
	};

	return cmocka_run_group_tests_name("slab_kmalloc", tests, NULL, NULL);
}
