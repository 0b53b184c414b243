/*
 * mm/memblock_iter.c - walking memblock's lists (Linux 6.1: the part of
 * mm/memblock.c from should_skip_region to __next_mem_range_rev). A piece
 * of Linux's one memblock.c, split off to keep each file under ~600 lines
 * (see the header of mm/memblock.c).
 *
 * Every for_each_*_range() in linux/memblock.h is a loop around one of
 * these two steps. Each step returns the next piece of type_a that is not
 * in type_b: with type_b = memblock.reserved that is free memory, what
 * memblock_alloc() searches and memblock_free_all() hands to the buddy
 * allocator:
 *
 *   type_a (memory)    [=========================)      [==========)
 *   type_b (reserved)      [res)        [res)                [res)
 *   results            [--)     [------)     [---)      [---)     [)
 *
 * Deliberate differences from Linux 6.1:
 *  - One node: the node filter only tells node 0 from NUMA_NO_NODE, and
 *    __next_mem_pfn_range and memblock_set_node are left out (nothing here
 *    asks for pfn ranges per node). A nid of MAX_NUMNODES is taken as
 *    NUMA_NO_NODE without Linux's "deprecated" WARN_ONCE.
 *  - No movable_node: should_skip_region never skips MEMBLOCK_HOTPLUG
 *    regions, which is what Linux does when movable_node is off.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include "memblock_internal.h"

/*
 * Should the walk over @type skip @m? Only memory regions are filtered:
 * NOMAP (and driver-managed) ones unless @flags asks for them, and mirror
 * requests skip unmirrored ones. No node checks beyond node 0.
 */
static bool should_skip_region(struct memblock_type *type, struct memblock_region *m,
			       int nid, int flags)
{
	if (type != &memblock.memory)
		return false;
	if (nid != NUMA_NO_NODE && nid != memblock_get_region_node(m))
		return true;
	if ((flags & MEMBLOCK_MIRROR) && !memblock_is_mirror(m))
		return true;
	if (!(flags & MEMBLOCK_NOMAP) && memblock_is_nomap(m))
		return true;
	if (!(flags & MEMBLOCK_DRIVER_MANAGED) && memblock_is_driver_managed(m))
		return true;
	return false;
}

/* The two halves of an iterator's u64 cursor. */
static inline u64 mem_range_idx(long idx_a, long idx_b)
{
	return (u32)idx_a | (u64)idx_b << 32;
}

/**
 * __next_mem_range - one step of for_each_free_mem_range() and friends
 * @idx: cursor; 0 to start, U64_MAX when done
 * @nid: node, NUMA_NO_NODE for any
 * @flags: which special memory regions to include (MEMBLOCK_NOMAP, ...)
 * @type_a: the ranges to walk
 * @type_b: ranges to leave out, or NULL
 * @out_start: start of the next range, may be NULL
 * @out_end: its end (exclusive), may be NULL
 * @out_nid: its node, may be NULL
 *
 * The low half of *@idx indexes type_a; the high half indexes the gaps
 * around type_b's regions. For type_b = 0:[0-16) 1:[32-48) 2:[128-130),
 * gap k is the space before region k:
 *
 *     gap 0:[0-0)  gap 1:[16-32)  gap 2:[48-128)  gap 3:[130-PHYS_ADDR_MAX)
 *
 * Both lists are sorted, so the two indices advance in step and each
 * overlap of a type_a region with a gap is one result, in address order.
 */
void __init_memblock __next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
				      struct memblock_type *type_a,
				      struct memblock_type *type_b,
				      phys_addr_t *out_start, phys_addr_t *out_end,
				      int *out_nid)
{
	long idx_a = *idx & 0xffffffff;
	long idx_b = *idx >> 32;

	if (nid == MAX_NUMNODES)
		nid = NUMA_NO_NODE;

	for (; idx_a < (long)type_a->cnt; idx_a++) {
		struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t m_start = m->base;
		phys_addr_t m_end = m->base + m->size;
		int m_nid = memblock_get_region_node(m);

		if (should_skip_region(type_a, m, nid, flags))
			continue;

		if (!type_b) {
			if (out_start)
				*out_start = m_start;
			if (out_end)
				*out_end = m_end;
			if (out_nid)
				*out_nid = m_nid;
			*idx = mem_range_idx(idx_a + 1, idx_b);
			return;
		}

		for (; idx_b < (long)type_b->cnt + 1; idx_b++) {
			struct memblock_region *r = &type_b->regions[idx_b];
			phys_addr_t r_start = idx_b ? r[-1].base + r[-1].size : 0;
			phys_addr_t r_end = idx_b < (long)type_b->cnt ? r->base : PHYS_ADDR_MAX;

			if (r_start >= m_end)
				break;          /* gap past this region: next region */
			if (m_start < r_end) {
				if (out_start)
					*out_start = max(m_start, r_start);
				if (out_end)
					*out_end = min(m_end, r_end);
				if (out_nid)
					*out_nid = m_nid;
				/* step past whichever ends first */
				if (m_end <= r_end)
					idx_a++;
				else
					idx_b++;
				*idx = mem_range_idx(idx_a, idx_b);
				return;
			}
		}
	}
	*idx = U64_MAX;
}

/**
 * __next_mem_range_rev - __next_mem_range() walking downwards
 * @idx: cursor; U64_MAX to start and when done
 * @nid: node, NUMA_NO_NODE for any
 * @flags: which special memory regions to include
 * @type_a: the ranges to walk
 * @type_b: ranges to leave out, or NULL
 * @out_start: start of the next range, may be NULL
 * @out_end: its end (exclusive), may be NULL
 * @out_nid: its node, may be NULL
 */
void __init_memblock __next_mem_range_rev(u64 *idx, int nid, enum memblock_flags flags,
					  struct memblock_type *type_a,
					  struct memblock_type *type_b,
					  phys_addr_t *out_start, phys_addr_t *out_end,
					  int *out_nid)
{
	long idx_a = (s32)(*idx & 0xffffffff);
	long idx_b = (s32)(*idx >> 32);

	if (nid == MAX_NUMNODES)
		nid = NUMA_NO_NODE;

	if (*idx == U64_MAX) {
		idx_a = type_a->cnt - 1;
		idx_b = type_b ? (long)type_b->cnt : 0;
	}

	for (; idx_a >= 0; idx_a--) {
		struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t m_start = m->base;
		phys_addr_t m_end = m->base + m->size;
		int m_nid = memblock_get_region_node(m);

		if (should_skip_region(type_a, m, nid, flags))
			continue;

		if (!type_b) {
			if (out_start)
				*out_start = m_start;
			if (out_end)
				*out_end = m_end;
			if (out_nid)
				*out_nid = m_nid;
			*idx = mem_range_idx(idx_a - 1, idx_b);
			return;
		}

		for (; idx_b >= 0; idx_b--) {
			struct memblock_region *r = &type_b->regions[idx_b];
			phys_addr_t r_start = idx_b ? r[-1].base + r[-1].size : 0;
			phys_addr_t r_end = idx_b < (long)type_b->cnt ? r->base : PHYS_ADDR_MAX;

			if (r_end <= m_start)
				break;          /* gap below this region: next region */
			if (m_end > r_start) {
				if (out_start)
					*out_start = max(m_start, r_start);
				if (out_end)
					*out_end = min(m_end, r_end);
				if (out_nid)
					*out_nid = m_nid;
				/* step past whichever starts last */
				if (m_start >= r_start)
					idx_a--;
				else
					idx_b--;
				*idx = mem_range_idx(idx_a, idx_b);
				return;
			}
		}
	}
	*idx = U64_MAX;
}
