/*
 * tests/host/slab/test_random.c - random alloc/free patterns, checked
 * against SLUB's invariants and against the memory itself.
 */
#include <stdlib.h>
#include "slab_test.h"

#define LIVE_MAX        1500
#define ROUNDS          20000
#define CHECK_EVERY     997

struct live {
	unsigned char *p;
	size_t size;
	struct kmem_cache *cache;       /* NULL: kmalloc */
	unsigned char tag;
};

static struct live live[LIVE_MAX];
static unsigned int nlive;

/* Sizes skewed to small ones, with some above KMALLOC_MAX_CACHE_SIZE. */
static size_t random_size(void)
{
	switch (rand() % 8) {
	case 0:
		return 8193 + (size_t)rand() % (3 * PAGE_SIZE);
	case 1:
	case 2:
		return 1 + (size_t)rand() % 4096;
	default:
		return 1 + (size_t)rand() % 256;
	}
}

/* Every byte of an object still holds its tag: no two live objects overlap. */
static void check_tag(const struct live *l)
{
	size_t i;

	for (i = 0; i < l->size; i++)
		if (l->p[i] != l->tag)
			fail_msg("object %p (%zu bytes) byte %zu is 0x%02x, not 0x%02x",
				 (void *)l->p, l->size, i, l->p[i], l->tag);
}

static void random_alloc(struct kmem_cache **custom, unsigned int ncustom)
{
	struct live *l = &live[nlive];
	unsigned int c = (unsigned int)rand() % (ncustom + 2);

	if (c < ncustom) {
		l->cache = custom[c];
		l->size = custom[c]->object_size;
		l->p = kmem_cache_alloc(l->cache, GFP_KERNEL);
	} else {
		l->cache = NULL;
		l->size = random_size();
		l->p = kmalloc(l->size, GFP_KERNEL);
	}
	assert_non_null(l->p);
	l->tag = (unsigned char)(nlive * 7 + 1);
	memset(l->p, l->tag, l->size);
	nlive++;
}

static void random_free(unsigned int i)
{
	struct live *l = &live[i];

	check_tag(l);
	if (l->cache)
		kmem_cache_free(l->cache, l->p);
	else
		kfree(l->p);
	live[i] = live[--nlive];
}

/* Objects in use over all caches, checking each; and the slab byte count. */
/* The cache of struct kmem_cache_node (slub.c keeps its pointer private). */
static struct kmem_cache *kmem_cache_node_cache(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		if (!strcmp(s->name, "kmem_cache_node"))
			return s;
	fail_msg("no kmem_cache_node cache");
	return NULL;
}

static unsigned long check_all_caches(void)
{
	struct kmem_cache *s;
	unsigned long inuse = 0;

	list_for_each_entry(s, &slab_caches, list)
		inuse += check_cache(s);
	return inuse;
}

/*
 *   20000 rounds of: alloc (kmalloc of a random size, or one of 3 custom
 *   caches) or free a random live object, up to 1500 live
 * Expect no byte of a live object ever overwritten by another, every
 * cache's lists and counts consistent throughout, no misuse report, and
 * after freeing everything, destroying the custom caches and shrinking
 * the rest, exactly the free pages and slab bytes of right after boot.
 */
static void slab_random_alloc_free_check(void **state)
{
	unsigned long free_pages = nr_free_pages(), errors = slab_errors;
	unsigned long unrecl = contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B];
	unsigned long boot_inuse = check_all_caches();
	struct kmem_cache *custom[3];
	struct kmem_cache *s;
	unsigned int r;

	(void)state;
	srand(1234);
	nlive = 0;
	custom[0] = kmem_cache_create("rnd_24", 24, 0, 0, NULL);
	custom[1] = kmem_cache_create("rnd_300", 300, 0, SLAB_HWCACHE_ALIGN, NULL);
	custom[2] = kmem_cache_create("rnd_5000", 5000, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	for (r = 0; r < ROUNDS; r++) {
		bool grow = nlive < LIVE_MAX && (nlive == 0 || rand() % 100 < 55);

		if (grow)
			random_alloc(custom, ARRAY_SIZE(custom));
		else
			random_free((unsigned int)rand() % nlive);
		if (r % CHECK_EVERY == 0)
			check_all_caches();
	}
	while (nlive)
		random_free(nlive - 1);
	/* each custom cache holds a struct kmem_cache and a kmem_cache_node */
	assert_int_equal(check_all_caches(), boot_inuse + 2 * ARRAY_SIZE(custom));
	for (r = 0; r < ARRAY_SIZE(custom); r++)
		kmem_cache_destroy(custom[r]);
	list_for_each_entry(s, &slab_caches, list)
		if (s != kmem_cache && strcmp(s->name, "kmem_cache_node"))
			kmem_cache_shrink(s);
	assert_int_equal(check_all_caches(), boot_inuse);
	assert_int_equal(slab_errors, errors);
	assert_int_equal(contig_page_data.vm_stat[NR_SLAB_RECLAIMABLE_B], 0);
	assert_int_equal(contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B], unrecl);
	assert_int_equal(nr_free_pages(), free_pages);
}

/*
 *   kmem_cache, kmem_cache_node: slabs made before the kmalloc caches
 * Expect after kmem_cache_init every slab's page count in SUnreclaim, and
 * the boot caches' objects exactly: 15 struct kmem_cache, 15 nodes.
 */
static void kmem_cache_init_counts_check(void **state)
{
	struct kmem_cache *s;
	unsigned long bytes = 0;

	(void)state;
	list_for_each_entry(s, &slab_caches, list) {
		struct page *slab;

		list_for_each_entry(slab, &s->node[0]->partial, slab_list)
			bytes += PAGE_SIZE << compound_order(slab);
		list_for_each_entry(slab, &s->node[0]->full, slab_list)
			bytes += PAGE_SIZE << compound_order(slab);
	}
	assert_int_equal(contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B], bytes);
	/* 11 powers of 2, -96, -192, and the two boot caches */
	assert_int_equal(check_cache(kmem_cache), KMALLOC_SHIFT_HIGH - KMALLOC_SHIFT_LOW + 1 + 2 + 2);
	assert_int_equal(cache_info(kmem_cache).active_objs, 15);
	assert_int_equal(cache_info(kmem_cache_node_cache()).active_objs, 15);
}

int run_random_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(slab_random_alloc_free_check, slab_test_setup),
		cmocka_unit_test_setup(kmem_cache_init_counts_check, slab_test_setup),
	};

	return cmocka_run_group_tests_name("slab_random", tests, NULL, NULL);
}
