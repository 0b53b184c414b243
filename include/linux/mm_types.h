/*
 * linux/mm_types.h - struct page (Linux: include/linux/mm_types.h).
 *
 * One struct page per 4 KiB physical page, in mem_map[] (FLATMEM: see
 * linux/mm.h). 32 bytes on ARM, as in Linux 6.1, so mem_map costs 0.8%
 * of RAM (8 MiB for 1 GiB). The middle 20 bytes mean different things
 * depending on who owns the page:
 *
 *            +0        +4              +8        +12          +16   +20  +24         +28
 *  free:     | flags   | lru.next      | lru.prev | private=order |  -  |   | page_type | _refcount
 *  slab:     | flags   | slab_list.next| .prev    | slab_cache | freelist | inuse,objects |...
 *  tail:     | flags   | compound_head = head | 1 |
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/list.h>

struct kmem_cache;

struct page {
	unsigned long flags;            /* PG_* bits and the zone (page-flags.h) */
	union {
		struct {                /* the page allocator */
			struct list_head lru;   /* free: on free_area[order].free_list[mt] */
			unsigned long private;  /* free: the block's order */
		};
		struct {                /* a slab (mm/slub.c), in its first page */
			struct list_head slab_list;     /* on its cache's partial list */
			struct kmem_cache *slab_cache;
			void *freelist;         /* first free object, or NULL */
			unsigned short inuse;   /* objects handed out */
			unsigned short objects; /* objects the slab holds */
		};
		struct {                /* a tail page of a compound page */
			unsigned long compound_head;    /* head page | 1 */
			unsigned char compound_order;   /* in the first tail page */
		};
	};
	unsigned int page_type;         /* PGTY_* << 24, or PAGE_TYPE_NONE */
	int _refcount;                  /* users; 0 while free */
};

_Static_assert(sizeof(void *) != 4 || sizeof(struct page) == 32,
	       "struct page is 32 bytes on 32-bit, as in Linux");

#endif
