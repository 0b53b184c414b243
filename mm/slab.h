/*
 * mm/slab.h - what mm/slub.c and mm/slub_debug.c share (Linux: mm/slab.h,
 * the slab allocators' internal header): the freelist and object helpers,
 * and the free-time checks.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/mm.h>
#include <linux/slab.h>

/* The first object of a slab. Slab pages are never HighMem (allocate_slab). */
static inline void *slab_address(const struct page *slab)
{
	return lowmem_page_address(slab);
}

/* The next free object after free object `object` (Linux: get_freepointer). */
static inline void *get_freepointer(struct kmem_cache *s, void *object)
{
	return *(void **)((char *)object + s->offset);
}

static inline void set_freepointer(struct kmem_cache *s, void *object, void *fp)
{
	*(void **)((char *)object + s->offset) = fp;
}

/* Is object the start of one of slab's objects? (Linux: check_valid_pointer) */
static inline bool check_valid_pointer(struct kmem_cache *s, struct page *slab, const void *object)
{
	const char *base = slab_address(slab);
	const char *p = object;

	if (p < base || p >= base + (size_t)slab->objects * s->size)
		return false;
	return (size_t)(p - base) % s->size == 0;
}

/* mm/slub_debug.c */
extern unsigned long slab_errors;
struct page *free_consistency_checks(struct kmem_cache *s, void *object);

#endif
