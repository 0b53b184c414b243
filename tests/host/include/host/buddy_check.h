/*
 * host/buddy_check.h - an independent checker of the buddy allocator's
 * state (mm/page_alloc.c), shared by tests/host/buddy and the libFuzzer
 * target tests/host/fuzz/fuzz_buddy.c.
 *
 * It reads only what it is given (the node, mem_map and the caller's list
 * of blocks it holds) and none of mm/'s helpers, so every host suite can
 * link it whether or not it links mm/page_alloc.c:
 *
 *   mem_map[0] .. mem_map[end_pfn - base_pfn - 1]
 *   +------+------+------+------+------+------+------+------+
 *   | free block (order 2)      | held (0)    | rsv  | free |
 *   +------+------+------+------+------+------+------+------+
 *     each page is exactly one of: in a free block on a list, in a block
 *     the caller holds, in a block on a per-CPU list (free, but not on the
 *     free lists), or never given to the allocator (PG_reserved)
 */
#ifndef _HOST_BUDDY_CHECK_H
#define _HOST_BUDDY_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/mm.h>

/* A block the caller got from alloc_pages() and has not freed yet. */
struct buddy_block {
	unsigned long pfn;
	unsigned int order;
};

struct buddy_check {
	const struct pglist_data *pgdat;
	const struct page *mem_map;
	unsigned long base_pfn, end_pfn;        /* mem_map covers [base, end) */
	const struct buddy_block *held;         /* every block the caller holds */
	size_t nheld;
	/*
	 * held lists every allocation there is: then each zone's managed
	 * pages must be exactly its free pages plus the held ones.
	 */
	bool held_complete;
	/*
	 * Per pageblock (index (pfn - base_pfn) >> pageblock_order), bit mt
	 * set if a block of that pageblock was ever stolen for type mt (from
	 * buddy_trace's "steal"): only then may a free block there sit on
	 * list mt when the pageblock's type is another. NULL: any of the
	 * three allocatable types is accepted.
	 */
	const unsigned char *stolen;
};

/* What a check found: 0 errors, or the first one's description. */
struct buddy_check_result {
	unsigned long errors;
	char why[256];
	unsigned long free_pages;               /* on the free lists, all zones */
	unsigned long free_blocks;
	unsigned long pcp_pages;                /* on the per-CPU lists, all zones */
	unsigned long stolen_blocks;            /* on a list not their pageblock's type */
};

/*
 * Check every invariant of the free lists and of mem_map (the list of
 * them is at the top of buddy_check.c). Return: true if none is broken;
 * res (if not NULL) says what was found. Allocates scratch memory with
 * malloc, one byte per page.
 */
bool buddy_check_run(const struct buddy_check *c, struct buddy_check_result *res);

#endif
