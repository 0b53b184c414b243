/*
 * linux/page-flags.h - what a struct page says about its page
 * (Linux: include/linux/page-flags.h).
 *
 * page->flags (32 bits):
 *
 *   31  30 29                          4   3   2   1   0
 *  +------+------------------------------+---+---+---+---+
 *  | zone |        (unused)              |   | H | R | L |
 *  +------+------------------------------+---+---+---+---+
 *   zone = enum zone_type (ZONES_PGSHIFT)      H = PG_head, R = PG_reserved,
 *                                              L = PG_locked (unused)
 * Linux 6.1 numbers the flags differently (PG_reserved is bit 10 there),
 * so the raw flags word of a dump differs; the names printed are Linux's.
 *
 * page->page_type: Linux 6.12's layout (the type in the top byte, as its
 * FOLIO_TYPE_OPS use), not 6.1's one cleared bit per type, because it
 * reads more plainly in a raw dump. Linux 6.1 also makes PG_slab a page
 * flag rather than a type. dump_page prints the word as it is, so a free
 * block's head shows mapcount:-268435455 where 6.1 shows -128 (mm.h):
 *
 *   31          24 23                                   0
 *  +--------------+--------------------------------------+
 *  |  PGTY_* type |            (unused, ones)            |   UINT_MAX = no type
 *  +--------------+--------------------------------------+
 *
 * A page with a type is exactly one of: the head of a free buddy block
 * (PGTY_buddy) or the head of a slab (PGTY_slab).
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/mm_types.h>

enum pageflags {
	PG_locked,
	PG_reserved,    /* memblock kept it: never given to the buddy allocator */
	PG_head,        /* first page of a compound (multi-page) allocation */
	PG_uptodate,    /* a user page's contents are valid (filled or zeroed) */
	PG_dirty,       /* a page-cache page differs from its backing (shmem: always) */
	PG_swapbacked,  /* backed by swap, not a file: anon and shmem/tmpfs pages */
	PG_referenced,  /* accessed once through an unmapped PTE (mark_page_accessed) */
	__NR_PAGEFLAGS,
};

#define ZONES_SHIFT     2
#define ZONES_PGSHIFT   (32 - ZONES_SHIFT)
#define ZONES_MASK      ((1UL << ZONES_SHIFT) - 1)

#define PAGEFLAG(name, bit)                                                   \
static inline bool Page##name(const struct page *p)                          \
	{ return p->flags & (1UL << (bit)); }                                \
static inline void SetPage##name(struct page *p) { p->flags |= 1UL << (bit); } \
static inline void ClearPage##name(struct page *p) { p->flags &= ~(1UL << (bit)); }

PAGEFLAG(Reserved, PG_reserved)
PAGEFLAG(Head, PG_head)
PAGEFLAG(Uptodate, PG_uptodate)
PAGEFLAG(Dirty, PG_dirty)
PAGEFLAG(SwapBacked, PG_swapbacked)
PAGEFLAG(Referenced, PG_referenced)

/* Tail pages of a compound page point at their head, with bit 0 set. */
static inline bool PageTail(const struct page *p)
{
	return p->compound_head & 1;
}

static inline struct page *compound_head(struct page *p)
{
	return PageTail(p) ? (struct page *)(p->compound_head - 1) : p;
}

#define PAGE_TYPE_NONE  0xffffffffU     /* UINT_MAX: no type */

enum pagetype {
	PGTY_buddy = 0xf0,      /* head of a free block on a free_area list */
	PGTY_slab  = 0xf5,      /* head of a slab */
};

/* PageBuddy(), __SetPageBuddy(), __ClearPageBuddy() and the same for Slab. */
#define PAGE_TYPE_OPS(uname, lname)                                           \
static inline bool Page##uname(const struct page *p)                         \
	{ return (p->page_type >> 24) == PGTY_##lname; }                     \
static inline void __SetPage##uname(struct page *p)                          \
	{ p->page_type = (unsigned int)PGTY_##lname << 24; }                 \
static inline void __ClearPage##uname(struct page *p)                        \
	{ p->page_type = PAGE_TYPE_NONE; }

PAGE_TYPE_OPS(Buddy, buddy)
PAGE_TYPE_OPS(Slab, slab)

#endif
