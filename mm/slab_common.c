/*
 * mm/slab_common.c - what every slab allocator shares (Linux 6.1:
 * mm/slab_common.c): the list of caches, kmem_cache_create/destroy, the
 * kmalloc size classes and kmalloc/kfree, and /proc/slabinfo. The console
 * commands `kmalloc <size>` and `kfree <addr>` are in mm/slab_debug.c.
 *
 *   kmalloc(size)    size                  cache
 *                    0                     ZERO_SIZE_PTR, no memory
 *                    1 .. 8                kmalloc-8
 *                    9 .. 16, 17 .. 32     kmalloc-16, kmalloc-32
 *                    33 .. 64              kmalloc-64
 *                    65 .. 96              kmalloc-96   (not a power of 2:
 *                    97 .. 128             kmalloc-128   Linux's size_index
 *                    129 .. 192            kmalloc-192   for small sizes)
 *                    193 .. 256, ..        kmalloc-256, -512, -1k, -2k, -4k
 *                    4097 .. 8192          kmalloc-8k (KMALLOC_MAX_CACHE_SIZE)
 *                    above                 kmalloc_large: a compound page
 *                                          straight from the buddy allocator
 *
 * kfree() tells the two apart by the head page: PGTY_slab for a slab
 * object, a plain compound head for kmalloc_large.
 *
 * Deliberate differences from Linux 6.1: no cache merging, no
 * kmalloc-rcl-/-cg-/dma- caches (see linux/slab.h); a cache's name is not
 * copied (kstrdup_const needs kmalloc, and our callers pass literals); a
 * kmem_cache_destroy() refused for live objects can be retried after they
 * are freed (Linux leaves the refcount at 0, so a retry does nothing); the
 * "still has objects" warning prints the caller as a raw address, not %pS.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <string.h>
#include "slab.h"

enum slab_state slab_state;
struct list_head slab_caches = LIST_HEAD_INIT(slab_caches);
struct kmem_cache *kmem_cache;
struct kmem_cache *kmalloc_caches[KMALLOC_CACHES];

/* Index 0 is unused; 1 and 2 are the odd sizes (Linux: kmalloc_info). */
static const struct {
	const char *name;
	unsigned int size;
} kmalloc_info[KMALLOC_CACHES] = {
	[1] = { "kmalloc-96", 96 },     [2] = { "kmalloc-192", 192 },
	[3] = { "kmalloc-8", 8 },       [4] = { "kmalloc-16", 16 },
	[5] = { "kmalloc-32", 32 },     [6] = { "kmalloc-64", 64 },
	[7] = { "kmalloc-128", 128 },   [8] = { "kmalloc-256", 256 },
	[9] = { "kmalloc-512", 512 },   [10] = { "kmalloc-1k", 1024 },
	[11] = { "kmalloc-2k", 2048 },  [12] = { "kmalloc-4k", 4096 },
	[13] = { "kmalloc-8k", 8192 },
};
#define KMALLOC_INDEX_96        1
#define KMALLOC_INDEX_192       2

/*
 * An object's alignment in a cache (Linux: calculate_alignment). With
 * SLAB_HWCACHE_ALIGN, a cache line, halved while two objects still fit in
 * it; never below ARCH_SLAB_MINALIGN; a multiple of the pointer size.
 */
static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, (unsigned int)ARCH_SLAB_MINALIGN);
	return ALIGN(align, (unsigned int)sizeof(void *));
}

static bool is_power_of_2(unsigned int n)
{
	return n && !(n & (n - 1));
}

/*
 * Set up a cache in storage the caller owns, during boot (Linux:
 * create_boot_cache). Power-of-2 sizes are aligned to their size, as
 * kmalloc promises. Panics on failure: boot cannot go on without it.
 */
void __init create_boot_cache(struct kmem_cache *s, const char *name,
			      unsigned int size, slab_flags_t flags)
{
	unsigned int align = ARCH_KMALLOC_MINALIGN;
	int err;

	if (is_power_of_2(size))
		align = max(align, size);
	s->name = name;
	s->size = s->object_size = size;
	s->align = calculate_alignment(flags, align, size);
	err = __kmem_cache_create(s, flags);
	if (err)
		panic("Creation of kmalloc slab %s size=%u failed. Reason %d", name, size, err);
	s->refcount = -1;       /* never destroyed */
}

/* A kmalloc cache, listed in slab_caches (Linux: create_kmalloc_cache). Boot only. */
struct kmem_cache *__init create_kmalloc_cache(const char *name, unsigned int size,
					       slab_flags_t flags)
{
	/* GFP_KERNEL where Linux says GFP_NOWAIT: nothing here ever sleeps */
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);

	if (!s)
		panic("Out of memory when creating slab %s", name);
	create_boot_cache(s, name, size, flags);
	list_add(&s->list, &slab_caches);
	s->refcount = 1;
	return s;
}

/*
 * Every kmalloc cache, in Linux's order: powers of 2 from 8 up, -96 right
 * after -64 and -192 after -128 (Linux: create_kmalloc_caches), so
 * /proc/slabinfo, newest first, reads kmalloc-8k ... kmalloc-192,
 * kmalloc-128, kmalloc-96, kmalloc-64 ... kmalloc-8.
 */
void __init create_kmalloc_caches(slab_flags_t flags)
{
	unsigned int i;

	memset(kmalloc_caches, 0, sizeof(kmalloc_caches));
	for (i = KMALLOC_SHIFT_LOW; i <= KMALLOC_SHIFT_HIGH; i++) {
		kmalloc_caches[i] = create_kmalloc_cache(kmalloc_info[i].name,
							 kmalloc_info[i].size, flags);
		if (kmalloc_info[i].size == 64)
			kmalloc_caches[KMALLOC_INDEX_96] = create_kmalloc_cache(
				kmalloc_info[KMALLOC_INDEX_96].name, kmalloc_info[KMALLOC_INDEX_96].size, flags);
		if (kmalloc_info[i].size == 128)
			kmalloc_caches[KMALLOC_INDEX_192] = create_kmalloc_cache(
				kmalloc_info[KMALLOC_INDEX_192].name, kmalloc_info[KMALLOC_INDEX_192].size, flags);
	}
	slab_state = UP;
}

/*
 * The kmalloc cache for size bytes, 1 <= size <= KMALLOC_MAX_CACHE_SIZE,
 * else NULL (Linux: kmalloc_slab; its size_index[] sends 65..96 to
 * kmalloc-96 and 129..192 to kmalloc-192, the rest to the next power of 2).
 */
struct kmem_cache *kmalloc_slab(size_t size)
{
	unsigned int i;

	if (size > KMALLOC_MAX_CACHE_SIZE || !size)
		return NULL;
	if (size > 64 && size <= 96)
		return kmalloc_caches[KMALLOC_INDEX_96];
	if (size > 128 && size <= 192)
		return kmalloc_caches[KMALLOC_INDEX_192];
	/* the next power of 2: fls(size - 1), one clz (Linux: fls in __kmalloc_index) */
	i = size <= (1UL << KMALLOC_SHIFT_LOW) ? KMALLOC_SHIFT_LOW :
	    32 - (unsigned int)__builtin_clz((unsigned int)size - 1);
	return kmalloc_caches[i];
}

/* ---- kmalloc / kfree -------------------------------------------------------- */

/*
 * kmalloc_large - size bytes (above KMALLOC_MAX_CACHE_SIZE) as one
 * compound page of the buddy allocator, counted as unreclaimable slab like
 * Linux 6.1 does (Linux: __kmalloc_large_node). NULL if none.
 */
void *kmalloc_large(size_t size, gfp_t gfp)
{
	unsigned int order = slab_get_order(size);
	struct page *page;

	page = alloc_pages((gfp & ~__GFP_HIGHMEM) | __GFP_COMP, order);
	if (!page)
		return NULL;
	contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B] += PAGE_SIZE << order;
	return lowmem_page_address(page);
}

/*
 * kmalloc - size bytes from the smallest kmalloc cache that fits, or from
 * the page allocator above KMALLOC_MAX_CACHE_SIZE. ZERO_SIZE_PTR for 0.
 * Return: the memory, aligned to ARCH_KMALLOC_MINALIGN (to the size for
 * powers of 2), or NULL.
 */
void *kmalloc(size_t size, gfp_t gfp)
{
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, gfp);
	if (!size)
		return ZERO_SIZE_PTR;
	return kmem_cache_alloc(kmalloc_slab(size), gfp);
}

/*
 * kfree of a kmalloc_large block (Linux: free_large_kmalloc). Anything
 * else, a tail page or an address inside the block, is reported and kept;
 * Linux only warns about order 0 and frees whatever page it was given.
 */
static void free_large_kmalloc(struct page *head, const void *object)
{
	unsigned int order = compound_order(head);

	if (!PageHead(head) || object != lowmem_page_address(head)) {
		slab_errors++;
		pr_err("BUG kfree (Not tainted): %p is not a kmalloc() object (pfn 0x%lx)\n",
		       object, page_to_pfn(head));
		return;
	}
	contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B] -= PAGE_SIZE << order;
	__free_pages(head, order);
}

/*
 * kfree - free memory from kmalloc(); NULL and ZERO_SIZE_PTR are ignored.
 * A pointer kmalloc never returned is reported and not freed, so that a
 * learner's `kfree 0x1234` at the console is an error message; Linux
 * would fault on the struct page lookup, or free whatever it finds.
 */
void kfree(const void *object)
{
	struct page *head;

	if (ZERO_OR_NULL_PTR(object))
		return;
	if ((unsigned long)object < PAGE_OFFSET || !pfn_valid(virt_to_pfn(object))) {
		slab_errors++;
		pr_err("BUG kfree (Not tainted): %p is not a kernel address with a struct page\n",
		       object);
		return;
	}
	head = virt_to_head_page(object);
	/* the slab is known: only the per-slab checks remain (kmem_cache_free
	 * would look it up again) */
	if (PageSlab(head)) {
		if (free_object_checks(head->slab_cache, head, (void *)object))
			slab_free(head->slab_cache, head, (void *)object);
	} else
		free_large_kmalloc(head, object);
}

/* ---- kmem_cache_create / destroy -------------------------------------------- */

/*
 * kmem_cache_create - a new cache of size-byte objects.
 * @align: least alignment (0: ARCH_SLAB_MINALIGN); @flags: SLAB_*;
 * @ctor: run on every object when its slab is made, or NULL.
 * @name must outlive the cache (it is not copied).
 * Return: the cache, or NULL (after a warning; a panic with SLAB_PANIC).
 * Needs kmem_cache_init() to have run. Called before it, or with a size no
 * slab order can hold, it fails with -EINVAL at once; Linux has no check
 * for the first, and finds the second in calculate_sizes().
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	int err = -EINVAL;

	if (slab_state < UP || !name || !size || size > (PAGE_SIZE << (MAX_ORDER - 1)))
		goto out;
	err = -ENOMEM;
	s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	if (!s)
		goto out;
	s->name = name;
	s->object_size = s->size = size;
	s->align = calculate_alignment(flags, align, size);
	s->ctor = ctor;
	err = __kmem_cache_create(s, flags);
	if (err)
		goto out_free;
	s->refcount = 1;
	list_add(&s->list, &slab_caches);
	return s;

out_free:
	kmem_cache_free(kmem_cache, s);
out:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create: Failed to create slab '%s'. Error %d", name, err);
	pr_warn("kmem_cache_create(%s) failed with error %d\n", name, err);
	return NULL;
}

/*
 * kmem_cache_destroy - free cache s and its empty slabs, once its last
 * user lets go. Refused, with Linux's message, while objects are live.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s || --s->refcount)
		return;
	if (__kmem_cache_shutdown(s)) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects when called from 0x%08lx\n",
		       s->name, (unsigned long)__builtin_return_address(0));
		s->refcount++;
		return;
	}
	list_del(&s->list);
	__kmem_cache_release(s);
	kmem_cache_free(kmem_cache, s);
}

/*
 * kmem_cache_shrink - give s's empty slabs back to the buddy allocator.
 * Return: 1 if s still has slabs (objects in use, or none freed), else 0.
 */
int kmem_cache_shrink(struct kmem_cache *s)
{
	return __kmem_cache_shrink(s);
}

/* ---- /proc/slabinfo ---------------------------------------------------------- */

static void print_slabinfo_header(struct seq_file *m)
{
	seq_puts(m, "slabinfo - version: 2.1\n");
	seq_puts(m, "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>");
	seq_puts(m, " : tunables <limit> <batchcount> <sharedfactor>");
	seq_puts(m, " : slabdata <active_slabs> <num_slabs> <sharedavail>");
	seq_puts(m, "\n");
}

/* One cache's line, in Linux's format (Linux: cache_show). */
void slabinfo_show_cache(struct seq_file *m, struct kmem_cache *s)
{
	struct slabinfo sinfo;

	get_slabinfo(s, &sinfo);
	seq_printf(m, "%-17s %6lu %6lu %6u %4u %4d", s->name, sinfo.active_objs,
		   sinfo.num_objs, s->size, sinfo.objects_per_slab, 1 << sinfo.cache_order);
	seq_printf(m, " : tunables %4u %4u %4u", sinfo.limit, sinfo.batchcount, sinfo.shared);
	seq_printf(m, " : slabdata %6lu %6lu %6lu", sinfo.active_slabs, sinfo.num_slabs,
		   sinfo.shared_avail);
	seq_puts(m, "\n");
}

/* /proc/slabinfo: the header, then every cache, newest first (Linux: slab_show). */
int slab_show(struct seq_file *m, void *priv)
{
	struct kmem_cache *s;

	(void)priv;
	print_slabinfo_header(m);
	list_for_each_entry(s, &slab_caches, list)
		slabinfo_show_cache(m, s);
	return 0;
}
DUMP_FILE(slabinfo, "/proc/slabinfo", slab_show, NULL);
