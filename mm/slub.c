/*
 * mm/slub.c - SLUB, the slab allocator (Linux 6.1: mm/slub.c).
 *
 * A cache hands out objects of one size. It gets memory from the buddy
 * allocator a slab at a time: 2^order pages (a compound page when order > 0,
 * so any object address finds the head page through compound_head()), cut
 * into s->size strides. The head page is the slab's descriptor: PGTY_slab in
 * page_type, and slab_cache, freelist, inuse, objects (see linux/mm_types.h
 * and the picture in linux/slab.h). A free object holds the address of the
 * next free object at s->offset, so the free list costs no memory.
 *
 *   kmem_cache_alloc:  first slab on node->partial (or a new slab), pop its
 *                      freelist; a slab left without free objects -> full
 *   kmem_cache_free:   check the pointer, push it on its slab's freelist; a
 *                      full slab -> partial (tail); an empty slab is given
 *                      back to the buddy allocator once min_partial others
 *                      are on the partial list
 *
 * Deliberate differences from Linux 6.1 (besides those in linux/slab.h):
 *  - No kmem_cache_cpu, no cmpxchg fast paths, no freelist randomization
 *    or pointer hardening: objects are linked in address order, in clear.
 *  - The checks and reports are in mm/slub_debug.c (Linux keeps them in
 *    slub.c under CONFIG_SLUB_DEBUG; apart here to keep this file short).
 *  - Every free is checked cheaply: an address outside any slab, in
 *    another cache's slab, not on an object boundary, or equal to the head
 *    of its slab's freelist (an immediate double free, what Debian's
 *    SLAB_FREELIST_HARDENED catches) is reported ("BUG <cache> (Not
 *    tainted): ...") and refused. Linux checks the cache and boundary only
 *    with slub_debug=F; we keep them, they cost a few instructions. The
 *    full walk of the freelist (any double free) runs, as in Linux, only
 *    with slub_debug=F (SLAB_CONSISTENCY_CHECKS). Of slub_debug's options
 *    only F exists here.
 *  - No poisoning, red zones, owner tracking or sysfs.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <string.h>
#include "slab.h"

/* Orders above this are hard to get (Linux: linux/mmzone.h, which here lacks it). */
#define PAGE_ALLOC_COSTLY_ORDER 3
/* slub_min_order=, slub_max_order=, slub_min_objects= defaults (Linux). */
static const unsigned int slub_min_order;
static const unsigned int slub_max_order = PAGE_ALLOC_COSTLY_ORDER;
static const unsigned int slub_min_objects;     /* 0: derived from the CPU count */
/* One CPU, one node: nr_cpu_ids and nr_node_ids in Linux. */
#define SLUB_NR_CPUS            1U
#define SLUB_NR_NODES           1U
/* Empty slabs a cache keeps around, as ilog2(size) / 2 clamped to these. */
#define MIN_PARTIAL             5
#define MAX_PARTIAL             10
/* How much of a slab may be left over: 1/16 first, then 1/8, 1/4. */
#define SLAB_FRACT_FIRST        16
#define SLAB_FRACT_LAST         4

/* page->objects is an unsigned short: the most objects a slab can have
 * (4-byte objects up to the costly order; bigger orders only for objects
 * above 32 KiB) must fit. */
_Static_assert((PAGE_SIZE << PAGE_ALLOC_COSTLY_ORDER) / sizeof(void *) <
	       (1UL << (8 * sizeof(((struct page *)0)->objects))),
	       "page->objects holds a slab's object count");

static struct kmem_cache *kmem_cache_node;      /* the cache of kmem_cache_node */

/* ---- small helpers ------------------------------------------------------- */

static unsigned int slub_fls(unsigned int x)   /* Linux's fls(): 1-based top bit */
{
	return x ? 32 - (unsigned int)__builtin_clz(x) : 0;
}

/* ---- slabs from the buddy allocator --------------------------------------- */

/* Slab pages show in meminfo's SReclaimable / SUnreclaim, in bytes (Linux: account_slab). */
static void account_slab(struct kmem_cache *s, unsigned int order, long sign)
{
	enum node_stat_item item = (s->flags & SLAB_RECLAIM_ACCOUNT) ?
		NR_SLAB_RECLAIMABLE_B : NR_SLAB_UNRECLAIMABLE_B;

	contig_page_data.vm_stat[item] += (unsigned long)(sign * (long)(PAGE_SIZE << order));
}

static struct page *alloc_slab_page(gfp_t gfp, struct kmem_cache_order_objects oo)
{
	unsigned int order = oo_order(oo);

	if (!order)
		gfp &= ~__GFP_COMP;     /* one page: nothing to bind together */
	return alloc_pages(gfp, order);
}

/*
 * A new slab for s, its objects linked in address order and constructed,
 * not yet on any list nor counted in the node (Linux: allocate_slab).
 * Tries s->oo quietly, then s->min. Returns NULL when the buddy allocator
 * has neither.
 */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct kmem_cache_order_objects oo = s->oo;
	struct page *slab;
	char *p;
	unsigned int i;

	/* Mobility is the cache's (allocflags); __GFP_ZERO is per object. */
	gfp = (gfp & ~(__GFP_ZERO | __GFP_HIGHMEM | GFP_MOVABLE_MASK)) | s->allocflags;
	slab = oo.x != s->min.x ? alloc_slab_page(gfp | __GFP_NOWARN, oo) : NULL;
	if (!slab) {
		oo = s->min;
		slab = alloc_slab_page(gfp, oo);
		if (!slab)
			return NULL;
	}
	BUG_ON(slab->page_type != PAGE_TYPE_NONE);
	__SetPageSlab(slab);
	slab->slab_cache = s;
	slab->objects = (unsigned short)oo_objects(oo);
	slab->inuse = 0;
	slab->freelist = p = slab_address(slab);
	for (i = 0; i < slab->objects; i++, p += s->size) {
		if (s->ctor)
			s->ctor(p);
		set_freepointer(s, p, i + 1 < slab->objects ? p + s->size : NULL);
	}
	account_slab(s, oo_order(oo), 1);
	return slab;
}

/* Give a slab, already off its lists, back to the buddy allocator (Linux: __free_slab). */
static void free_slab(struct kmem_cache *s, struct page *slab)
{
	unsigned int order = compound_order(slab);

	account_slab(s, order, -1);
	__ClearPageSlab(slab);
	slab->slab_cache = NULL;
	slab->freelist = NULL;
	slab->inuse = 0;
	slab->objects = 0;
	__free_pages(slab, order);
}

/* Take slab (on the partial list) off its node and free it (Linux: discard_slab). */
static void discard_slab(struct kmem_cache *s, struct kmem_cache_node *n, struct page *slab)
{
	list_del(&slab->slab_list);
	n->nr_partial--;
	n->nr_slabs--;
	n->total_objects -= slab->objects;
	free_slab(s, slab);
}

static void add_partial(struct kmem_cache_node *n, struct page *slab, bool tail)
{
	if (tail)
		list_add_tail(&slab->slab_list, &n->partial);
	else
		list_add(&slab->slab_list, &n->partial);
	n->nr_partial++;
}

/* ---- allocating and freeing objects --------------------------------------- */

/*
 * kmem_cache_alloc - one object of cache s.
 * @gfp: how to get a new slab if needed; __GFP_ZERO zeroes the object.
 * Return: the object, or NULL when no slab could be had.
 * Takes the first partial slab; only when there is none does it ask the
 * buddy allocator (Linux: slab_alloc_node -> ___slab_alloc -> get_partial
 * or new_slab).
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	struct kmem_cache_node *n = s->node[0];
	struct page *slab = list_first_entry_or_null(&n->partial, struct page, slab_list);
	void *object;

	if (!slab) {
		slab = new_slab(s, gfp);
		if (!slab)
			return NULL;
		n->nr_slabs++;
		n->total_objects += slab->objects;
		add_partial(n, slab, false);
	}
	object = slab->freelist;
	slab->freelist = get_freepointer(s, object);
	slab->inuse++;
	if (!slab->freelist) {          /* now full */
		list_move(&slab->slab_list, &n->full);
		n->nr_partial--;
	}
	if (gfp & __GFP_ZERO)
		memset(object, 0, s->object_size);
	return object;
}

/*
 * kmem_cache_free - give object back to cache s.
 * A NULL object is ignored. A pointer that is not a live object of s is
 * reported and not freed (see free_consistency_checks). Linux: slab_free
 * -> __slab_free, whose list moves and empty-slab rule this follows.
 */
void kmem_cache_free(struct kmem_cache *s, void *object)
{
	struct page *slab;

	if (!object)
		return;
	slab = free_consistency_checks(s, object);
	if (slab)
		slab_free(s, slab, object);
}

/* Put a checked object back on its slab's freelist (Linux: __slab_free). */
void slab_free(struct kmem_cache *s, struct page *slab, void *object)
{
	struct kmem_cache_node *n = s->node[0];
	bool was_full = !slab->freelist;

	set_freepointer(s, object, slab->freelist);
	slab->freelist = object;
	slab->inuse--;
	if (!slab->inuse && n->nr_partial >= s->min_partial) {
		if (was_full) {         /* a one-object slab: make it look partial */
			list_move(&slab->slab_list, &n->partial);
			n->nr_partial++;
		}
		discard_slab(s, n, slab);
		return;
	}
	if (was_full) {
		list_del(&slab->slab_list);
		add_partial(n, slab, true);
	}
}

/* ---- creating caches ------------------------------------------------------ */

/*
 * The first order from the one that holds min_objects up to max_order
 * whose leftover is at most 1/fract_leftover of the slab; an order above
 * max_order when there is none (Linux: calc_slab_order).
 */
static unsigned int calc_slab_order(unsigned int size, unsigned int min_objects,
				    unsigned int max_order, unsigned int fract_leftover)
{
	unsigned int order = max(slub_min_order, slab_get_order((unsigned long)min_objects * size));

	for (; order <= max_order; order++) {
		unsigned int bytes = PAGE_SIZE << order;

		if (bytes % size <= bytes / fract_leftover)
			break;
	}
	return order;
}

/*
 * The slab order for objects of size bytes (Linux: calculate_order). Aim
 * for min_objects = 4 * (fls(nr_cpus) + 1) objects (8 here) within
 * slub_max_order, wasting at most 1/16 of the slab, then 1/8, 1/4; then
 * settle for fewer objects, then for any waste, then for orders above
 * slub_max_order. Returns -EINVAL if not even MAX_ORDER - 1 holds one.
 */
static int calculate_order(unsigned int size)
{
	unsigned int min_objects = slub_min_objects, max_objects, fraction, order;

	if (!min_objects)
		min_objects = 4 * (slub_fls(SLUB_NR_CPUS) + 1);
	max_objects = (PAGE_SIZE << slub_max_order) / size;
	min_objects = min(min_objects, max_objects);
	for (; min_objects > 1; min_objects--) {
		for (fraction = SLAB_FRACT_FIRST; fraction >= SLAB_FRACT_LAST; fraction /= 2) {
			order = calc_slab_order(size, min_objects, slub_max_order, fraction);
			if (order <= slub_max_order)
				return (int)order;
		}
	}
	order = calc_slab_order(size, 1, slub_max_order, 1);
	if (order <= slub_max_order)
		return (int)order;
	order = calc_slab_order(size, 1, MAX_ORDER - 1, 1);
	return order < MAX_ORDER ? (int)order : -EINVAL;
}

/*
 * Lay out s's objects from object_size and align: where the free pointer
 * goes, the stride, the slab order (Linux: calculate_sizes). Without a
 * constructor the free pointer sits in the middle of the free object, so a
 * small overrun of the previous object does not hit it; with one, after the
 * object, so that what the constructor set up survives being free.
 */
static bool calculate_sizes(struct kmem_cache *s)
{
	unsigned int size = ALIGN(s->object_size, (unsigned int)sizeof(void *));
	int order;

	if (s->ctor) {
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = ALIGN_DOWN(s->object_size / 2, (unsigned int)sizeof(void *));
	}
	s->size = size = ALIGN(size, s->align);
	s->reciprocal_size = reciprocal_value(size);
	order = calculate_order(size);
	if (order < 0)
		return false;
	s->allocflags = order ? __GFP_COMP : 0;
	if (s->flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	s->oo = oo_make((unsigned int)order, size);
	s->min = oo_make(slab_get_order(size), size);
	return oo_objects(s->oo) != 0;
}

/* Linux: set_min_partial(s, ilog2(s->size) / 2). */
static void set_min_partial(struct kmem_cache *s)
{
	unsigned long min = (slub_fls(s->size) - 1) / 2;

	s->min_partial = min < MIN_PARTIAL ? MIN_PARTIAL : min > MAX_PARTIAL ? MAX_PARTIAL : min;
}

static void init_kmem_cache_node(struct kmem_cache_node *n)
{
	memset(n, 0, sizeof(*n));
	INIT_LIST_HEAD(&n->partial);
	INIT_LIST_HEAD(&n->full);
}

/*
 * The kmem_cache_node of the kmem_cache_node cache itself, before any cache
 * can allocate one: the first object of its own first slab, which then
 * stays on the partial list with inuse = 1 (Linux:
 * early_kmem_cache_node_alloc). Boot only; panics without memory.
 */
static void __init early_kmem_cache_node_alloc(void)
{
	struct page *slab = new_slab(kmem_cache_node, GFP_KERNEL);
	struct kmem_cache_node *n;

	if (!slab)
		panic("early_kmem_cache_node_alloc: no memory for the first slab");
	n = slab->freelist;
	slab->freelist = get_freepointer(kmem_cache_node, n);
	slab->inuse = 1;
	init_kmem_cache_node(n);
	kmem_cache_node->node[0] = n;
	n->nr_slabs = 1;
	n->total_objects = slab->objects;
	add_partial(n, slab, false);
}

/* Give s its node structure (Linux: init_kmem_cache_nodes). 0 or -ENOMEM. */
static int init_kmem_cache_nodes(struct kmem_cache *s)
{
	struct kmem_cache_node *n;

	if (slab_state == DOWN) {
		early_kmem_cache_node_alloc();
		return 0;
	}
	n = kmem_cache_alloc(kmem_cache_node, GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	init_kmem_cache_node(n);
	s->node[0] = n;
	return 0;
}

/*
 * Finish a cache whose name, object_size, align, ctor are set: layout,
 * order, node structure (Linux: __kmem_cache_create -> kmem_cache_open).
 * Returns 0, -EINVAL if the size cannot be laid out, or -ENOMEM.
 */
int __kmem_cache_create(struct kmem_cache *s, slab_flags_t flags)
{
	s->flags = flags | slub_debug;          /* Linux kmem_cache_flags() */
	if (!calculate_sizes(s))
		return -EINVAL;
	set_min_partial(s);
	return init_kmem_cache_nodes(s);
}

/* Free s's empty slabs; 1 if slabs remain, else 0 (kmem_cache_shrink's work). */
int __kmem_cache_shrink(struct kmem_cache *s)
{
	struct kmem_cache_node *n = s->node[0];
	struct page *slab, *next;

	list_for_each_entry_safe(slab, next, &n->partial, slab_list)
		if (!slab->inuse)
			discard_slab(s, n, slab);
	return n->nr_slabs != 0;
}

/* Empty s for destruction: 0, or 1 if objects are still allocated. */
int __kmem_cache_shutdown(struct kmem_cache *s)
{
	return __kmem_cache_shrink(s);  /* no per-CPU slabs to flush first */
}

/* Free s's node structure; s itself is the caller's (Linux: __kmem_cache_release). */
void __kmem_cache_release(struct kmem_cache *s)
{
	kmem_cache_free(kmem_cache_node, s->node[0]);
	s->node[0] = NULL;
}

/*
 * /proc/slabinfo's numbers for s (Linux: get_slabinfo). Objects on full
 * slabs are all active; on partial slabs, those not on the freelist.
 */
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo)
{
	struct kmem_cache_node *n = s->node[0];
	unsigned long nr_free = 0;
	struct page *slab;

	list_for_each_entry(slab, &n->partial, slab_list)
		nr_free += slab->objects - slab->inuse;
	memset(sinfo, 0, sizeof(*sinfo));
	sinfo->active_objs = n->total_objects - nr_free;
	sinfo->num_objs = n->total_objects;
	sinfo->active_slabs = n->nr_slabs;
	sinfo->num_slabs = n->nr_slabs;
	sinfo->objects_per_slab = oo_objects(s->oo);
	sinfo->cache_order = oo_order(s->oo);
}

/* ---- boot ------------------------------------------------------------------ */

/*
 * Move a boot cache from static storage into an object of kmem_cache, and
 * point its slabs at the copy (Linux: bootstrap). Boot only.
 */
static struct kmem_cache * __init bootstrap(struct kmem_cache *static_cache)
{
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	struct kmem_cache_node *n = static_cache->node[0];
	struct page *slab;

	if (!s)
		panic("bootstrap: no memory for %s", static_cache->name);
	memcpy(s, static_cache, kmem_cache->object_size);
	list_for_each_entry(slab, &n->partial, slab_list)
		slab->slab_cache = s;
	list_for_each_entry(slab, &n->full, slab_list)
		slab->slab_cache = s;
	list_add(&s->list, &slab_caches);
	return s;
}

/*
 * kmem_cache_init - bring up slab; from here kmem_cache_alloc() and
 * kmalloc() work. Call after mem_init() (the buddy allocator is ready).
 *
 * Linux's chicken and egg: every cache needs a kmem_cache_node, and the
 * cache struct itself comes from the kmem_cache cache. So both start in
 * static storage: kmem_cache_node's own node is its first object
 * (early_kmem_cache_node_alloc), kmem_cache's node comes from it, then
 * both move into kmem_cache objects (bootstrap), kmem_cache first, so
 * kmem_cache is the last line of /proc/slabinfo, as in Linux.
 * Host tests call it again after resetting the buddy allocator.
 */
void __init kmem_cache_init(void)
{
	static struct kmem_cache boot_kmem_cache, boot_kmem_cache_node;

	memset(&boot_kmem_cache, 0, sizeof(boot_kmem_cache));
	memset(&boot_kmem_cache_node, 0, sizeof(boot_kmem_cache_node));
	INIT_LIST_HEAD(&slab_caches);
	slab_state = DOWN;
	kmem_cache_node = &boot_kmem_cache_node;
	kmem_cache = &boot_kmem_cache;

	create_boot_cache(kmem_cache_node, "kmem_cache_node",
			  sizeof(struct kmem_cache_node), SLAB_HWCACHE_ALIGN);
	slab_state = PARTIAL;   /* kmem_cache_node objects can be allocated */
	create_boot_cache(kmem_cache, "kmem_cache",
			  offsetof(struct kmem_cache, node) + SLUB_NR_NODES * sizeof(void *),
			  SLAB_HWCACHE_ALIGN);
	kmem_cache = bootstrap(&boot_kmem_cache);
	kmem_cache_node = bootstrap(&boot_kmem_cache_node);

	create_kmalloc_caches(0);
	pr_info("SLUB: HWalign=%d, Order=%u-%u, MinObjects=%u, CPUs=%u, Nodes=%u\n",
		L1_CACHE_BYTES, slub_min_order, slub_max_order, slub_min_objects,
		SLUB_NR_CPUS, SLUB_NR_NODES);
}
