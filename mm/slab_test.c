/*
 * mm/slab_test.c - self-tests of SLUB and kmalloc on the running kernel
 * (KTAP; Linux: lib/slub_kunit.c). Other code may hold kmalloc objects
 * already, so every count is a difference from a baseline taken after
 * kmem_cache_shrink() (which frees only empty slabs).
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <string.h>

#define TEST_BYTE       0x5a
#define LARGE_SIZE      (16 * SZ_1K)    /* above KMALLOC_MAX_CACHE_SIZE */
#define OBJS_MAX        (PAGE_SIZE / KMALLOC_MIN_SIZE + 1)

static void *objs[OBJS_MAX];

/* Fill every byte, then read them all back. */
static bool writable(unsigned char *p, size_t size)
{
	size_t i;

	memset(p, TEST_BYTE, size);
	for (i = 0; i < size; i++)
		if (p[i] != TEST_BYTE)
			return false;
	return true;
}

/*
 * One size class: take one slab's worth of objects plus one, so at least
 * one new slab is made. Expect the cache named, natural alignment for
 * powers of 2, writable memory, active_objs up by exactly n and num_slabs
 * by what the free objects could not hold; then back to the baseline
 * after kfree and kmem_cache_shrink.
 */
static void kmalloc_one_class(struct ktest *t, unsigned int size, const char *name)
{
	struct kmem_cache *s = kmalloc_slab(size);
	struct slabinfo base, now;
	unsigned int n, i, bad = 0, free_objs;

	KTEST_EXPECT_TRUE(t, s && !strcmp(s->name, name));
	if (!s)
		return;
	kmem_cache_shrink(s);
	get_slabinfo(s, &base);
	n = base.objects_per_slab + 1;
	free_objs = base.num_objs - base.active_objs;
	for (i = 0; i < n; i++) {
		objs[i] = kmalloc(size, GFP_KERNEL);
		bad += !objs[i] || virt_to_head_page(objs[i])->slab_cache != s ||
		       (unsigned long)objs[i] % ((size & (size - 1)) ? ARCH_KMALLOC_MINALIGN : size) ||
		       !writable(objs[i], size);
	}
	get_slabinfo(s, &now);
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, now.active_objs, base.active_objs + n);
	KTEST_EXPECT_EQ(t, now.num_slabs, base.num_slabs +
			(n > free_objs ? DIV_ROUND_UP(n - free_objs, base.objects_per_slab) : 0));
	for (i = 0; i < n; i++)
		kfree(objs[i]);
	kmem_cache_shrink(s);
	get_slabinfo(s, &now);
	KTEST_EXPECT_EQ(t, now.active_objs, base.active_objs);
	KTEST_EXPECT_EQ(t, now.num_slabs, base.num_slabs);
}

static void kmalloc_every_size_class(struct ktest *t)
{
	static const struct { unsigned int size; const char *name; } classes[] = {
		{ 8, "kmalloc-8" },     { 16, "kmalloc-16" },   { 32, "kmalloc-32" },
		{ 64, "kmalloc-64" },   { 96, "kmalloc-96" },   { 128, "kmalloc-128" },
		{ 192, "kmalloc-192" }, { 256, "kmalloc-256" }, { 512, "kmalloc-512" },
		{ 1024, "kmalloc-1k" }, { 2048, "kmalloc-2k" }, { 4096, "kmalloc-4k" },
		{ 8192, "kmalloc-8k" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(classes); i++)
		kmalloc_one_class(t, classes[i].size, classes[i].name);
}

/* Expect 65..96 -> kmalloc-96, 129..192 -> kmalloc-192 (Linux's size_index). */
static void kmalloc_slab_odd_sizes(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, !strcmp(kmalloc_slab(65)->name, "kmalloc-96"));
	KTEST_EXPECT_TRUE(t, !strcmp(kmalloc_slab(97)->name, "kmalloc-128"));
	KTEST_EXPECT_TRUE(t, !strcmp(kmalloc_slab(129)->name, "kmalloc-192"));
	KTEST_EXPECT_TRUE(t, !strcmp(kmalloc_slab(193)->name, "kmalloc-256"));
	KTEST_EXPECT_TRUE(t, kmalloc_slab(KMALLOC_MAX_CACHE_SIZE + 1) == NULL);
}

/*
 * Expect kmalloc(16 KiB) to be an order-2 compound page from the buddy
 * allocator, not a slab, counted in SUnreclaim, and kfree to return it.
 */
static void kmalloc_large_page_allocator(struct ktest *t)
{
	unsigned long free_pages = ktest_nr_free_pages();
	unsigned long unrecl = contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B];
	void *p = kmalloc(LARGE_SIZE, GFP_KERNEL);
	struct page *head;

	KTEST_EXPECT_TRUE(t, p != NULL);
	if (!p)
		return;
	head = virt_to_head_page(p);
	KTEST_EXPECT_TRUE(t, !PageSlab(head) && PageHead(head));
	KTEST_EXPECT_EQ(t, compound_order(head), 2);
	KTEST_EXPECT_TRUE(t, writable(p, LARGE_SIZE));
	KTEST_EXPECT_EQ(t, ktest_nr_free_pages(), free_pages - 4);
	KTEST_EXPECT_EQ(t, contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B], unrecl + LARGE_SIZE);
	kfree(p);
	KTEST_EXPECT_EQ(t, ktest_nr_free_pages(), free_pages);
	KTEST_EXPECT_EQ(t, contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B], unrecl);
}

static struct ktest_case slab_kmalloc_cases[] = {
	KTEST_CASE(kmalloc_every_size_class),
	KTEST_CASE(kmalloc_slab_odd_sizes),
	KTEST_CASE(kmalloc_large_page_allocator),
	{}
};
KTEST_SUITE(slab_kmalloc, slab_kmalloc_cases, NULL);

/*
 * Expect a custom cache to be listed, give distinct objects, take a slab
 * from the buddy allocator, refuse kmem_cache_destroy while an object is
 * live, and give every page back once destroyed.
 */
static void kmem_cache_create_alloc_free_destroy(struct ktest *t)
{
	unsigned long free_pages = ktest_nr_free_pages();
	struct kmem_cache *s = kmem_cache_create("slab_test_40", 40, 0, 0, NULL);
	struct slabinfo si;
	void *a, *b;

	KTEST_EXPECT_TRUE(t, s != NULL);
	if (!s)
		return;
	KTEST_EXPECT_TRUE(t, list_first_entry(&slab_caches, struct kmem_cache, list) == s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_zalloc(s, GFP_KERNEL);
	KTEST_EXPECT_TRUE(t, a && b && a != b && !*(char *)b);
	get_slabinfo(s, &si);
	KTEST_EXPECT_EQ(t, si.active_objs, 2);
	KTEST_EXPECT_EQ(t, si.num_slabs, 1);
	kmem_cache_free(s, a);
	printk("    # %s: a refused kmem_cache_destroy follows, on purpose\n", t->name);
	kmem_cache_destroy(s);          /* refused: b is live */
	KTEST_EXPECT_TRUE(t, list_first_entry(&slab_caches, struct kmem_cache, list) == s);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
	KTEST_EXPECT_TRUE(t, list_first_entry(&slab_caches, struct kmem_cache, list) != s);
	KTEST_EXPECT_EQ(t, ktest_nr_free_pages(), free_pages);
}

/*
 * A deliberate double free: free a, then a again.
 * Expect exactly one report, the second free refused, and the freelist
 * intact: the next two allocations are a and then a new object.
 */
static void kmem_cache_free_double_free_reported(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("slab_test_df", 64, 0, 0, NULL);
	unsigned long errors = slab_errors;
	void *a, *b, *c, *d;

	if (!s) {
		KTEST_EXPECT_TRUE(t, s != NULL);
		return;
	}
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, a);
	printk("    # %s: a double free of %p follows, on purpose\n", t->name, a);
	kmem_cache_free(s, a);
	KTEST_EXPECT_EQ(t, slab_errors, errors + 1);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	d = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_TRUE(t, c == a && d != a && d != b);
	KTEST_EXPECT_EQ(t, virt_to_head_page(a)->inuse, 3);
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	kmem_cache_free(s, d);
	KTEST_EXPECT_EQ(t, slab_errors, errors + 1);
	kmem_cache_destroy(s);
}

static struct ktest_case slab_cache_cases[] = {
	KTEST_CASE(kmem_cache_create_alloc_free_destroy),
	KTEST_CASE(kmem_cache_free_double_free_reported),
	{}
};
KTEST_SUITE(slab_cache, slab_cache_cases, NULL);
