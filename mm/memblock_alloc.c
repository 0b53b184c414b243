/*
 * mm/memblock_alloc.c - memblock's allocator: find free memory, reserve it
 * (Linux 6.1: two parts of mm/memblock.c, memblock_find_in_range_node and
 * its helpers near the top, and the allocation API from
 * memblock_alloc_range_nid to memblock_alloc_try_nid). A piece of Linux's
 * one memblock.c, split off to keep each file under ~600 lines (see the
 * header of mm/memblock.c).
 *
 * An allocation is a search and a reservation:
 *
 *   memblock_alloc(size, align)                       virtual, zeroed
 *     memblock_alloc_try_nid -> memblock_alloc_internal   clamp to current_limit
 *       memblock_alloc_range_nid                      physical
 *         memblock_find_in_range_node                 walk the free ranges
 *         memblock_reserve(found, size)               (mm/memblock.c)
 *
 * Deliberate differences from Linux 6.1:
 *  - No mirrored memory (choose_memblock_flags() would say MEMBLOCK_NONE):
 *    the "retry without MEMBLOCK_MIRROR" steps and the warning are left out;
 *    with one node there is no fallback to other nodes either.
 *  - An alignment that is not a power of 2 is an error (Linux's round_down
 *    would return a wrong address); align 0 prints a warning where Linux
 *    dumps the stack, and then uses SMP_CACHE_BYTES as Linux does.
 *  - No kmemleak, so nothing is registered with it.
 *  - memblock_alloc_internal() has no "slab is up already" check (Linux
 *    WARNs and calls kzalloc): nothing calls memblock_alloc() after
 *    mem_init() here.
 *  - Only memblock_alloc, memblock_phys_alloc and what they call; the
 *    _raw, _exact_nid, _from and _low variants have no caller here.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <asm/memory.h>
#include <asm/page.h>
#include <string.h>
#include "memblock_internal.h"

#include <linux/cache.h>           /* SMP_CACHE_BYTES: what align 0 means */

#define clamp(val, lo, hi)      min(max(val, lo), hi)

/*
 * The lowest @align-aligned block of @size free bytes inside [@start, @end),
 * or 0. Free ranges are walked upwards; each is clipped to [@start, @end).
 */
static phys_addr_t __init_memblock
__memblock_find_range_bottom_up(phys_addr_t start, phys_addr_t end,
				phys_addr_t size, phys_addr_t align, int nid,
				enum memblock_flags flags)
{
	phys_addr_t this_start, this_end, cand;
	u64 i;

	for_each_free_mem_range(i, nid, flags, &this_start, &this_end, NULL) {
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);

		cand = ALIGN(this_start, align);
		if (cand < this_end && this_end - cand >= size)
			return cand;
	}
	return 0;
}

/* The same, the highest such block: free ranges walked downwards. */
static phys_addr_t __init_memblock
__memblock_find_range_top_down(phys_addr_t start, phys_addr_t end,
			       phys_addr_t size, phys_addr_t align, int nid,
			       enum memblock_flags flags)
{
	phys_addr_t this_start, this_end, cand;
	u64 i;

	for_each_free_mem_range_reverse(i, nid, flags, &this_start, &this_end, NULL) {
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);

		if (this_end < size)
			continue;
		cand = ALIGN_DOWN(this_end - size, align);
		if (cand >= this_start)
			return cand;
	}
	return 0;
}

/*
 * Find (do not reserve) @size free bytes aligned to @align in [@start, @end),
 * in memblock's direction. @end MEMBLOCK_ALLOC_ACCESSIBLE means
 * memblock.current_limit. Page 0 is never handed out, so 0 can mean
 * failure. Return: the address, or 0.
 */
static phys_addr_t __init_memblock memblock_find_in_range_node(phys_addr_t size,
		phys_addr_t align, phys_addr_t start, phys_addr_t end, int nid,
		enum memblock_flags flags)
{
	if (end == MEMBLOCK_ALLOC_ACCESSIBLE || end == MEMBLOCK_ALLOC_NOLEAKTRACE)
		end = memblock.current_limit;

	start = max(start, (phys_addr_t)PAGE_SIZE);
	end = max(start, end);

	if (memblock_bottom_up())
		return __memblock_find_range_bottom_up(start, end, size, align, nid, flags);
	return __memblock_find_range_top_down(start, end, size, align, nid, flags);
}

/* The same, any node, plain memory: what memblock_double_array() searches with. */
phys_addr_t __init_memblock memblock_find_in_range(phys_addr_t start, phys_addr_t end,
						   phys_addr_t size, phys_addr_t align)
{
	return memblock_find_in_range_node(size, align, start, end, NUMA_NO_NODE,
					   MEMBLOCK_NONE);
}

/**
 * memblock_alloc_range_nid - find and reserve a block
 * @size: bytes
 * @align: alignment of the start, a power of 2 (0 means SMP_CACHE_BYTES)
 * @start: lowest acceptable address (page 0 is never used)
 * @end: the block ends at or below this; MEMBLOCK_ALLOC_ACCESSIBLE means
 *	memblock.current_limit. An explicit @end is not limited by it.
 * @nid: node, NUMA_NO_NODE for any (one node here)
 * @exact_nid: no fallback to other nodes (none here)
 *
 * Takes free memory only: memory, not NOMAP, not reserved; top-down unless
 * memblock.bottom_up. Boot only.
 *
 * Return: the physical address, or 0 with nothing changed.
 */
phys_addr_t __init memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align,
					    phys_addr_t start, phys_addr_t end,
					    int nid, bool exact_nid)
{
	phys_addr_t found;

	(void)exact_nid;
	if (nid == MAX_NUMNODES)
		nid = NUMA_NO_NODE;

	if (!align) {
		pr_warn("memblock: allocation of 0x%08x bytes with align 0: using %u\n",
			size, SMP_CACHE_BYTES);
		align = SMP_CACHE_BYTES;
	}
	if (align & (align - 1)) {
		pr_err("memblock: align 0x%08x is not a power of 2\n", align);
		return 0;
	}

	found = memblock_find_in_range_node(size, align, start, end, nid, MEMBLOCK_NONE);
	if (found && !memblock_reserve(found, size))
		return found;
	return 0;
}

/**
 * memblock_phys_alloc_range - allocate a block inside a range
 * @size: bytes
 * @align: alignment, a power of 2
 * @start: lowest acceptable address
 * @end: highest end, or MEMBLOCK_ALLOC_ACCESSIBLE for memblock.current_limit
 *
 * The memory is not zeroed and may lie outside the linear map. Boot only.
 *
 * Return: the physical address, or 0.
 */
phys_addr_t __init memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
					     phys_addr_t start, phys_addr_t end)
{
	memblock_dbg("%s: %llu bytes align=0x%llx from=0x%08x max_addr=0x%08x " MB_CALLER_FMT "\n",
		     __func__, (u64)size, (u64)align, start, end, MB_CALLER(_RET_IP_));
	return memblock_alloc_range_nid(size, align, start, end, NUMA_NO_NODE, false);
}

/*
 * Allocate below min(@max_addr, current_limit), preferring @min_addr and
 * above but falling back to below it. Return: the virtual address or NULL.
 */
static void * __init memblock_alloc_internal(phys_addr_t size, phys_addr_t align,
					     phys_addr_t min_addr, phys_addr_t max_addr,
					     int nid, bool exact_nid)
{
	phys_addr_t alloc;

	if (max_addr > memblock.current_limit)
		max_addr = memblock.current_limit;

	alloc = memblock_alloc_range_nid(size, align, min_addr, max_addr, nid, exact_nid);
	if (!alloc && min_addr)
		alloc = memblock_alloc_range_nid(size, align, 0, max_addr, nid, exact_nid);
	if (!alloc)
		return NULL;
	return __va(alloc);
}

/**
 * memblock_alloc_try_nid - allocate a zeroed block in the linear map
 * @size: bytes
 * @align: alignment, a power of 2
 * @min_addr: preferred lowest address (dropped if nothing fits above it)
 * @max_addr: highest end, or MEMBLOCK_ALLOC_ACCESSIBLE; never above
 *	memblock.current_limit, so __va() of the result is valid
 * @nid: node, NUMA_NO_NODE
 *
 * What memblock_alloc() calls. Boot only.
 *
 * Return: the virtual address, or NULL with nothing changed.
 */
void * __init memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
				     phys_addr_t min_addr, phys_addr_t max_addr, int nid)
{
	void *ptr;

	memblock_dbg("%s: %llu bytes align=0x%llx nid=%d from=0x%08x max_addr=0x%08x " MB_CALLER_FMT "\n",
		     __func__, (u64)size, (u64)align, nid, min_addr, max_addr, MB_CALLER(_RET_IP_));
	ptr = memblock_alloc_internal(size, align, min_addr, max_addr, nid, false);
	if (ptr)
		memset(ptr, 0, size);
	return ptr;
}

/**
 * memblock_alloc_try_nid_raw - as memblock_alloc_try_nid, not zeroed
 *
 * For a caller that writes every byte itself (mem_map: each struct page
 * is written whole by free_area_init). Linux's, without its debug poison.
 * Return: the virtual address, or NULL with nothing changed.
 */
void * __init memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
					 phys_addr_t min_addr, phys_addr_t max_addr, int nid)
{
	memblock_dbg("%s: %llu bytes align=0x%llx nid=%d from=0x%08x max_addr=0x%08x " MB_CALLER_FMT "\n",
		     __func__, (u64)size, (u64)align, nid, min_addr, max_addr, MB_CALLER(_RET_IP_));
	return memblock_alloc_internal(size, align, min_addr, max_addr, nid, false);
}
