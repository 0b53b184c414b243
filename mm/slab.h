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

/* The index of object in its slab (Linux: obj_to_index, a multiply, not a division). */
static inline unsigned int obj_to_index(const struct kmem_cache *s, const void *base,
					const void *object)
{
	return reciprocal_divide((u32)((const char *)object - (const char *)base),
				 s->reciprocal_size);
}

/* Is object the start of one of slab's objects? (Linux: check_valid_pointer) */
static inline bool check_valid_pointer(struct kmem_cache *s, struct page *slab, const void *object)
{
	const char *base = slab_address(slab);
	const char *p = object;
	unsigned int i;

	if (p < base || p >= base + (size_t)slab->objects * s->size)
		return false;
	i = obj_to_index(s, base, p);
	return p == base + (size_t)i * s->size;
}

/* mm/slub_debug.c */
extern unsigned long slab_errors;
struct page *free_consistency_checks(struct kmem_cache *s, void *object);
bool free_object_checks(struct kmem_cache *s, struct page *slab, void *object);
void slab_free(struct kmem_cache *s, struct page *slab, void *object);

#endif
