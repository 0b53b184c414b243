/*
 * linux/slab.h - the slab allocator: caches of equal-sized objects carved
 * out of buddy pages, and kmalloc() on top of them (Linux 6.1:
 * include/linux/slab.h, include/linux/slub_def.h, and the parts of
 * mm/slab.h that mm/slub.c and mm/slab_common.c share).
 *
 *   struct kmem_cache "kmalloc-96"                       (one per cache)
 *     node[0] -> struct kmem_cache_node
 *                  partial: slab <-> slab     (some objects free)
 *                  full:    slab <-> slab     (no object free)
 *
 *   a slab = 2^order buddy pages; its head struct page says
 *   page_type = PGTY_slab, slab_cache = the cache, freelist, inuse/objects:
 *
 *   +--------+--------+--------+--------+----  ...  ----+--------+-------+
 *   | obj 0  | obj 1  | obj 2  | obj 3  |               | obj n-1| waste |
 *   +--------+--------+--------+--------+----  ...  ----+--------+-------+
 *    in use    free ----------> free -> NULL
 *              ^ freelist      (the link lives inside the free object,
 *                               at s->offset, as in SLUB)
 *
 * Deliberate differences from Linux 6.1's SLUB (see mm/slub.c for more):
 *  - No per-CPU slabs (one CPU, no preemption): every slab is on its
 *    node's partial or full list, so the slabinfo counts are exact.
 *  - The full list is always kept (Linux keeps it only with debugging on),
 *    and the double-free check always runs (Linux: slub_debug=F).
 *  - No cache merging (as with slub_nomerge): kmem_cache_create() always
 *    makes a new cache, so a test's counts are its own.
 *  - Only the KMALLOC_NORMAL kmalloc caches (no kmalloc-rcl-, kmalloc-cg-,
 *    dma-kmalloc-), down to kmalloc-8 (see KMALLOC_MIN_SIZE).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/reciprocal_div.h>
#include <linux/list.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/page.h>

typedef unsigned int slab_flags_t;

/* Cache flags, Linux 6.1's values (include/linux/slab.h). */
#define SLAB_CONSISTENCY_CHECKS 0x00000100U     /* slub_debug=F: check every free in full */
#define SLAB_HWCACHE_ALIGN      0x00002000U     /* objects on cache lines */
#define SLAB_RECLAIM_ACCOUNT    0x00020000U     /* SReclaimable, __GFP_RECLAIMABLE pages */
#define SLAB_PANIC              0x00040000U     /* panic if kmem_cache_create fails */

/* L1_CACHE_BYTES (asm/cache.h) is the "HWalign" printed at boot. */
#include <linux/cache.h>
/* The smallest alignment any slab object gets (Linux: ARCH_SLAB_MINALIGN). */
#define ARCH_SLAB_MINALIGN      __alignof__(unsigned long long)
/*
 * kmalloc's alignment and smallest size. Real ARM Linux has
 * ARCH_DMA_MINALIGN = 64, so KMALLOC_MIN_SIZE is 64 and there is no
 * kmalloc-8 .. kmalloc-32 (nor -96). We keep the full set, as on x86, so
 * that /proc/slabinfo shows every size class a learner reads about in
 * Linux's kmalloc_info[], and align to 8 like an arch without DMA
 * constraints (we have no DMA).
 */
#define ARCH_KMALLOC_MINALIGN   __alignof__(unsigned long long)
#define KMALLOC_MIN_SIZE        8
#define KMALLOC_SHIFT_LOW       3               /* kmalloc-8 */
#define KMALLOC_SHIFT_HIGH      (PAGE_SHIFT + 1)        /* kmalloc-8k: 2 pages */
#define KMALLOC_MAX_CACHE_SIZE  (1UL << KMALLOC_SHIFT_HIGH)
/* Index 1 is kmalloc-96, 2 is kmalloc-192; 3..13 are 2^index bytes. */
#define KMALLOC_CACHES          (KMALLOC_SHIFT_HIGH + 1)

/* kmalloc(0) returns this: not NULL, but faults when touched. */
#define ZERO_SIZE_PTR           ((void *)16)
#define ZERO_OR_NULL_PTR(x)     ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/* A slab's order and object count in one word (Linux: kmem_cache_order_objects). */
#define OO_SHIFT                16
#define OO_MASK                 ((1U << OO_SHIFT) - 1)
struct kmem_cache_order_objects {
	unsigned int x;         /* order << OO_SHIFT | objects */
};

/*
 * A cache's slabs (Linux: struct kmem_cache_node in mm/slab.h). Invariants:
 * every slab is on exactly one list; on "partial" 0 < free objects (empty
 * slabs included, up to min_partial of them), on "full" none;
 * nr_slabs/total_objects count both lists.
 */
struct kmem_cache_node {
	unsigned long nr_partial;
	struct list_head partial;
	struct list_head full;
	unsigned long nr_slabs;
	unsigned long total_objects;
};

/* One cache (Linux: include/linux/slub_def.h). */
struct kmem_cache {
	slab_flags_t flags;
	unsigned long min_partial;      /* empty slabs kept on the partial list */
	unsigned int size;              /* an object plus metadata, aligned: the stride */
	struct reciprocal_value reciprocal_size;        /* size, for obj_to_index */
	unsigned int object_size;       /* what the user asked for */
	unsigned int offset;            /* where the free pointer lives in a free object */
	struct kmem_cache_order_objects oo;     /* preferred slab size */
	struct kmem_cache_order_objects min;    /* fallback: one object */
	gfp_t allocflags;               /* added to every slab page allocation */
	int refcount;                   /* kmem_cache_destroy() frees at 0; -1: boot cache */
	void (*ctor)(void *object);     /* run on each object of a new slab */
	unsigned int align;
	const char *name;               /* not copied: must outlive the cache */
	struct list_head list;          /* on slab_caches, newest first */
	struct kmem_cache_node *node[1];        /* one node (Linux: MAX_NUMNODES) */
};

/* What /proc/slabinfo prints for a cache (Linux: struct slabinfo, mm/slab.h). */
struct slabinfo {
	unsigned long active_objs;
	unsigned long num_objs;
	unsigned long active_slabs;
	unsigned long num_slabs;
	unsigned long shared_avail;
	unsigned int limit, batchcount, shared; /* SLAB's tunables: 0 for SLUB */
	unsigned int objects_per_slab;
	unsigned int cache_order;
};

/* ---- the API ------------------------------------------------------------ */

void kmem_cache_init(void);
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *object);

void *kmalloc(size_t size, gfp_t gfp);
void *kmalloc_large(size_t size, gfp_t gfp);
void kfree(const void *object);

static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

/* ---- shared by mm/slub.c and mm/slab_common.c (Linux: mm/slab.h) -------- */

/* How far slab has come (Linux: enum slab_state). */
enum slab_state {
	DOWN,           /* nothing works yet */
	PARTIAL,        /* kmem_cache_node works: node structs can be allocated */
	UP,             /* kmalloc caches exist: kmalloc() works */
};
extern enum slab_state slab_state;

extern struct list_head slab_caches;    /* every cache, newest first */
extern struct kmem_cache *kmem_cache;   /* the cache of struct kmem_cache */
extern struct kmem_cache *kmalloc_caches[KMALLOC_CACHES];

/*
 * Misuse reports ("BUG <cache> ...": double free, foreign pointer, corrupt
 * freelist) since boot. Tests read it, like lib/slub_kunit.c's slab_errors.
 */
extern unsigned long slab_errors;

static inline unsigned int oo_order(struct kmem_cache_order_objects x)
{
	return x.x >> OO_SHIFT;
}

static inline unsigned int oo_objects(struct kmem_cache_order_objects x)
{
	return x.x & OO_MASK;
}

/* 2^order pages cut into size-byte objects (Linux: oo_make). */
static inline struct kmem_cache_order_objects oo_make(unsigned int order, unsigned int size)
{
	struct kmem_cache_order_objects x = {
		(order << OO_SHIFT) + (unsigned int)((PAGE_SIZE << order) / size)
	};

	return x;
}

/* Smallest order whose block holds size bytes (Linux: get_order). */
static inline unsigned int slab_get_order(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/* The head page of the slab (or large kmalloc) holding kernel address x. */
static inline struct page *virt_to_head_page(const void *x)
{
	return compound_head(virt_to_page(x));
}
int __kmem_cache_create(struct kmem_cache *s, slab_flags_t flags);
/* slub_debug[=F|-]: SLAB_CONSISTENCY_CHECKS for every cache created after (mm/slub.c). */
extern slab_flags_t slub_debug;
int setup_slub_debug(const char *str);
int __kmem_cache_shrink(struct kmem_cache *s);
int __kmem_cache_shutdown(struct kmem_cache *s);
void __kmem_cache_release(struct kmem_cache *s);
void create_boot_cache(struct kmem_cache *s, const char *name,
		       unsigned int size, slab_flags_t flags);
struct kmem_cache *create_kmalloc_cache(const char *name, unsigned int size,
					slab_flags_t flags);
void create_kmalloc_caches(slab_flags_t flags);
struct kmem_cache *kmalloc_slab(size_t size);
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo);
struct seq_file;
void slabinfo_show_cache(struct seq_file *m, struct kmem_cache *s);
int slab_show(struct seq_file *m, void *priv);

#endif
