/*
 * tests/host/slab/test_cache.c - kmem_cache_create/alloc/free/destroy/
 * shrink, object layout and slab order, and the misuse reports.
 */
#include "slab_test.h"

static bool in_slab_caches(struct kmem_cache *s)
{
	struct kmem_cache *c;

	list_for_each_entry(c, &slab_caches, list)
		if (c == s)
			return true;
	return false;
}

/*
 *   kmem_cache_create("test_40", 40) -> [40|40|...|40] x 102, order 0
 * Expect stride 40, the free pointer at 20 (the middle, as SLUB), objects
 * allocated in address order from one slab, listed first in slab_caches;
 * destroy unlists it and every page comes back.
 */
static void kmem_cache_create_alloc_free_destroy_check(void **state)
{
	unsigned long free_pages = nr_free_pages();
	struct kmem_cache *s = kmem_cache_create("test_40", 40, 0, 0, NULL);
	char *a, *b;

	(void)state;
	assert_non_null(s);
	assert_ptr_equal(list_first_entry(&slab_caches, struct kmem_cache, list), s);
	assert_int_equal(s->size, 40);
	assert_int_equal(s->offset, 20);
	assert_int_equal(oo_order(s->oo), 0);
	assert_int_equal(oo_objects(s->oo), PAGE_SIZE / 40);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_zalloc(s, GFP_KERNEL);
	assert_ptr_equal(b, a + 40);
	assert_int_equal(b[0] | b[20] | b[39], 0);
	assert_int_equal(check_cache(s), 2);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	assert_int_equal(check_cache(s), 0);
	kmem_cache_destroy(s);
	assert_false(in_slab_caches(s));
	assert_int_equal(nr_free_pages(), free_pages);
}

/*
 * Expect kmem_cache_destroy with a live object to print Linux's message,
 * keep the cache, and succeed once the object is freed.
 */
static void kmem_cache_destroy_live_objects_check(void **state)
{
	unsigned long free_pages = nr_free_pages();
	struct kmem_cache *s = kmem_cache_create("test_live", 100, 0, 0, NULL);
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	(void)state;
	kmem_cache_destroy(s);
	assert_non_null(strstr(sim_log(),
			       "kmem_cache_destroy test_live: Slab cache still has objects"));
	assert_true(in_slab_caches(s));
	assert_int_equal(check_cache(s), 1);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	assert_false(in_slab_caches(s));
	assert_int_equal(nr_free_pages(), free_pages);
}

/*
 *   free a, free b: freelist b -> a -> ...   then free a again
 * a is not the freelist's head, so only the full walk finds it. Expect no
 * report without slub_debug (Linux neither: only slub_debug=F walks), and
 * with slub_debug=F one "Object already free" and the free refused.
 */
static void kmem_cache_free_double_free_needs_slub_debug_check(void **state)
{
	struct kmem_cache *s;
	unsigned long errors = slab_errors;
	char *a, *b;

	(void)state;
	slub_debug = SLAB_CONSISTENCY_CHECKS;   /* as the boot argument slub_debug=F */
	s = kmem_cache_create("test_dbg", 64, 0, 0, NULL);
	slub_debug = 0;
	assert_true(s->flags & SLAB_CONSISTENCY_CHECKS);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	sim_log_clear();
	kmem_cache_free(s, a);
	assert_int_equal(slab_errors, errors + 1);
	assert_non_null(strstr(sim_log(), "BUG test_dbg (Not tainted): Object already free"));
	assert_int_equal(check_cache(s), 0);
	s = kmem_cache_create("test_nodbg", 64, 0, 0, NULL);
	assert_false(s->flags & SLAB_CONSISTENCY_CHECKS);
}

/*
 *   freelist: c -> a -> (rest)     then kmem_cache_free(s, a) again
 * Expect exactly one "Object already free" report, the free refused, the
 * freelist intact, and every object handed out once afterwards.
 */
static void kmem_cache_free_double_free_check(void **state)
{
	struct kmem_cache *s = kmem_cache_create("test_df", 64, 0, 0, NULL);
	unsigned long errors = slab_errors, i, n = oo_objects(s->oo);
	char *a = kmem_cache_alloc(s, GFP_KERNEL), *b = kmem_cache_alloc(s, GFP_KERNEL);
	char *seen[PAGE_SIZE / 64];

	(void)state;
	kmem_cache_free(s, a);
	sim_log_clear();
	kmem_cache_free(s, a);
	assert_int_equal(slab_errors, errors + 1);
	assert_non_null(strstr(sim_log(), "BUG test_df (Not tainted): Object already free"));
	assert_non_null(strstr(sim_log(), "FIX test_df: Object at "));
	assert_int_equal(check_cache(s), 1);
	for (i = 0; i < n - 1; i++) {         /* all but b */
		seen[i] = kmem_cache_alloc(s, GFP_KERNEL);
		assert_true(seen[i] != b);
	}
	assert_int_equal(check_cache(s), n);
	assert_int_equal(s->node[0]->nr_slabs, 1);
	for (i = 0; i < n - 1; i++)
		kmem_cache_free(s, seen[i]);
	kmem_cache_free(s, b);
	assert_int_equal(slab_errors, errors + 1);
	kmem_cache_destroy(s);
}

/*
 * Expect a pointer into the middle of an object, an object of another
 * cache, and a non-slab page each to be reported once and not freed.
 */
static void kmem_cache_free_foreign_pointer_check(void **state)
{
	struct kmem_cache *s = kmem_cache_create("test_a", 32, 0, 0, NULL);
	struct kmem_cache *t = kmem_cache_create("test_b", 32, 0, 0, NULL);
	char *a = kmem_cache_alloc(s, GFP_KERNEL), *b = kmem_cache_alloc(t, GFP_KERNEL);
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	unsigned long errors = slab_errors;

	(void)state;
	kmem_cache_free(s, a + 8);
	assert_non_null(strstr(sim_log(), "BUG test_a (Not tainted): Invalid object pointer"));
	kmem_cache_free(s, b);
	assert_non_null(strstr(sim_log(), "BUG test_a (Not tainted): Wrong slab cache"));
	kmem_cache_free(s, lowmem_page_address(page));
	assert_non_null(strstr(sim_log(), "outside of slab"));
	assert_int_equal(slab_errors, errors + 3);
	assert_int_equal(check_cache(s), 1);
	assert_int_equal(check_cache(t), 1);
	kmem_cache_free(s, a);
	kmem_cache_free(t, b);
	__free_pages(page, 0);
	kmem_cache_destroy(s);
	kmem_cache_destroy(t);
}

/*
 *   a corrupted link: obj0 free -> 0x60 bytes into obj1 (not an object)
 * Expect the next free of that slab to report "Freechain corrupt" and
 * refuse, in a cache with SLAB_CONSISTENCY_CHECKS (slub_debug=F's walk).
 */
static void kmem_cache_free_corrupt_freelist_check(void **state)
{
	struct kmem_cache *s = kmem_cache_create("test_fc", 128, 0, SLAB_CONSISTENCY_CHECKS, NULL);
	char *a = kmem_cache_alloc(s, GFP_KERNEL), *b = kmem_cache_alloc(s, GFP_KERNEL);
	struct page *slab = virt_to_head_page(a);
	unsigned long errors = slab_errors;

	(void)state;
	*(char **)((char *)slab->freelist + s->offset) = b + 0x20;
	kmem_cache_free(s, a);
	assert_int_equal(slab_errors, errors + 1);
	assert_non_null(strstr(sim_log(), "BUG test_fc (Not tainted): Freechain corrupt"));
	assert_int_equal(slab->inuse, 2);
}

/*
 * Expect Linux's layouts: SLAB_HWCACHE_ALIGN puts 20-byte objects on 32
 * bytes (half a line still fits one); a constructor moves the free pointer
 * after the object and runs once per object of each new slab; 700 bytes
 * take order 1 (11 objects, 448 bytes left <= 1/16); 9000 bytes order 3
 * (3 objects: 8 cannot fit below order 4).
 */
static unsigned int ctor_calls;
static void count_ctor(void *p)
{
	ctor_calls++;
	*(unsigned int *)p = 0xc7c7c7c7;
}

static void kmem_cache_create_layout_check(void **state)
{
	struct kmem_cache *hw = kmem_cache_create("test_hw", 20, 0, SLAB_HWCACHE_ALIGN, NULL);
	struct kmem_cache *ct = kmem_cache_create("test_ctor", 24, 0, 0, count_ctor);
	struct kmem_cache *k700 = kmem_cache_create("test_700", 700, 0, 0, NULL);
	struct kmem_cache *k9000 = kmem_cache_create("test_9000", 9000, 0, 0, NULL);
	unsigned int *p;

	(void)state;
	assert_int_equal(hw->align, 32);
	assert_int_equal(hw->size, 32);
	assert_int_equal(ct->offset, 24);
	assert_int_equal(ct->size, 32);
	p = kmem_cache_alloc(ct, GFP_KERNEL);
	assert_int_equal(ctor_calls, oo_objects(ct->oo));
	assert_int_equal(*p, 0xc7c7c7c7);
	assert_int_equal(oo_order(k700->oo), 1);
	assert_int_equal(oo_objects(k700->oo), 11);
	assert_int_equal(oo_order(k9000->oo), 3);
	assert_int_equal(oo_objects(k9000->oo), 3);
	assert_int_equal(oo_order(k9000->min), 2);
	kmem_cache_free(ct, p);
	kmem_cache_destroy(hw);
	kmem_cache_destroy(ct);
	kmem_cache_destroy(k700);
	kmem_cache_destroy(k9000);
}

/*
 * Expect a SLAB_RECLAIM_ACCOUNT cache's slabs in SReclaimable (bytes), not
 * SUnreclaim, allocated with __GFP_RECLAIMABLE.
 */
static void kmem_cache_create_reclaim_account_check(void **state)
{
	unsigned long recl = contig_page_data.vm_stat[NR_SLAB_RECLAIMABLE_B];
	unsigned long unrecl = contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B];
	struct kmem_cache *s = kmem_cache_create("test_rcl", 1024, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	unsigned long unrecl_created = contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B];
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	(void)state;
	assert_true(s->allocflags & __GFP_RECLAIMABLE);
	assert_int_equal(contig_page_data.vm_stat[NR_SLAB_RECLAIMABLE_B], recl + 2 * PAGE_SIZE);
	assert_int_equal(contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B], unrecl_created);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	assert_int_equal(contig_page_data.vm_stat[NR_SLAB_RECLAIMABLE_B], recl);
	assert_int_equal(contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B], unrecl);
}

/*
 *   16 slabs of 64 objects, all freed
 * Expect SLUB's rule (__slab_free): a slab that becomes empty is given
 * back once the partial list, itself included, holds min_partial (5 for
 * 64 bytes) slabs, so the first 4 emptied stay; shrink frees those.
 */
static void kmem_cache_free_min_partial_check(void **state)
{
	struct kmem_cache *s = kmem_cache_create("test_mp", 64, 0, 0, NULL);
	enum { N = 16 * 64 };
	static void *p[N];
	unsigned int i;

	(void)state;
	assert_int_equal(s->min_partial, 5);
	for (i = 0; i < N; i++)
		p[i] = kmem_cache_alloc(s, GFP_KERNEL);
	assert_int_equal(s->node[0]->nr_slabs, 16);
	assert_int_equal(s->node[0]->nr_partial, 0);
	for (i = 0; i < N; i++)
		kmem_cache_free(s, p[i]);
	assert_int_equal(s->node[0]->nr_slabs, s->min_partial - 1);
	assert_int_equal(check_cache(s), 0);
	assert_int_equal(kmem_cache_shrink(s), 0);
	assert_int_equal(s->node[0]->nr_slabs, 0);
	kmem_cache_destroy(s);
}

/* Expect bad arguments to fail with a warning, and SLAB_PANIC to panic. */
static void kmem_cache_create_bad_args_check(void **state)
{
	(void)state;
	assert_null(kmem_cache_create("test_zero", 0, 0, 0, NULL));
	assert_non_null(strstr(sim_log(), "kmem_cache_create(test_zero) failed with error -22"));
	assert_true(SIM_EXPECT_PANIC(kmem_cache_create("test_p", 0, 0, SLAB_PANIC, NULL)));
	assert_non_null(strstr(sim_panic_msg, "Failed to create slab 'test_p'"));
}

int run_cache_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(kmem_cache_create_alloc_free_destroy_check, slab_test_setup),
		cmocka_unit_test_setup(kmem_cache_destroy_live_objects_check, slab_test_setup),
		cmocka_unit_test_setup(kmem_cache_free_double_free_check, slab_test_setup),
		cmocka_unit_test_setup(kmem_cache_free_double_free_needs_slub_debug_check,
				       slab_test_setup),
		cmocka_unit_test_setup(kmem_cache_free_foreign_pointer_check, slab_test_setup),
		cmocka_unit_test_setup(kmem_cache_free_corrupt_freelist_check, slab_test_setup),
		cmocka_unit_test_setup(kmem_cache_create_layout_check, slab_test_setup),
		cmocka_unit_test_setup(kmem_cache_create_reclaim_account_check, slab_test_setup),
		cmocka_unit_test_setup(kmem_cache_free_min_partial_check, slab_test_setup),
		cmocka_unit_test_setup(kmem_cache_create_bad_args_check, slab_test_setup),
	};

	return cmocka_run_group_tests_name("slab_cache", tests, NULL, NULL);
}
