/*
 * mm/memblock_query.c - what memblock knows, asked by the rest of the
 * kernel, and mem= (Linux 6.1: the part of mm/memblock.c headed
 * "Remaining API functions", from memblock_phys_mem_size to
 * memblock_get_current_limit). A piece of Linux's one memblock.c, split off
 * to keep each file under ~600 lines (see the header of mm/memblock.c).
 *
 *   how much, where      memblock_phys_mem_size, memblock_reserved_size,
 *                        memblock_start_of_DRAM, memblock_end_of_DRAM
 *   mem=                 memblock_enforce_memory_limit (mem=size),
 *                        memblock_cap_memory_range (mem=size@start)
 *   is it ...?           memblock_is_memory, _map_memory, _reserved,
 *                        _region_memory, _region_reserved (binary search)
 *   allocation ceiling   memblock_set/get_current_limit
 *
 * Deliberate differences from Linux 6.1:
 *  - mem= is refused with a message rather than drop the reservation of a
 *    grown array or grow one into what it cuts; Linux would unreserve a
 *    live array there (found by the fuzzer; see memblock_may_cut).
 *  - memblock_cap_memory_range() caps its size first, so base + size
 *    cannot wrap past 4 GiB and drop the wrong reservations (a host test
 *    fails with Linux's code).
 *  - memblock_cap_memory_range() merges the memory list at the end: a NOMAP
 *    region across the kept range's edge is split by the isolation and
 *    both halves are kept, which Linux leaves as two touching regions with
 *    equal flags (breaking the canonical form; found by the fuzzer).
 *  - memblock_mem_limit_remove_map, memblock_search_pfn_nid and
 *    memblock_trim_memory are left out: no caller here.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <asm/memory.h>
#include <asm/page.h>
#include "memblock_internal.h"

phys_addr_t __init_memblock memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

phys_addr_t __init_memblock memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

/* The lowest memory address (0 with no memory). */
phys_addr_t __init_memblock memblock_start_of_DRAM(void)
{
	return memblock.memory.regions[0].base;
}

/* The end (exclusive) of the highest memory region (0 with no memory). */
phys_addr_t __init_memblock memblock_end_of_DRAM(void)
{
	int idx = memblock.memory.cnt - 1;

	return memblock.memory.regions[idx].base + memblock.memory.regions[idx].size;
}

/*
 * The address below which memory (NOMAP included) adds up to @limit bytes,
 * or PHYS_ADDR_MAX if there is not that much memory.
 */
static phys_addr_t __init_memblock __find_max_addr(phys_addr_t limit)
{
	phys_addr_t max_addr = PHYS_ADDR_MAX;
	struct memblock_region *r;

	for_each_mem_region(r) {
		if (limit <= r->size) {
			max_addr = r->base + limit;
			break;
		}
		limit -= r->size;
	}
	return max_addr;
}

/*
 * May mem= cut memory and reservations down to [@keep_base, @keep_end)?
 * Not if an array might have to grow meanwhile (it could land in what is
 * cut, and its reservation be dropped), nor if a grown array already lies
 * outside: dropping its reservation would let the next allocation
 * overwrite it. Linux does both silently; we refuse, and say so.
 */
static bool __init memblock_may_cut(const char *func, phys_addr_t keep_base,
				    phys_addr_t keep_end)
{
	struct memblock_type *types[] = { &memblock.memory, &memblock.reserved };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		struct memblock_type *type = types[i];
		phys_addr_t pa = __pa(type->regions);
		phys_addr_t end = pa + PAGE_ALIGN(type->max * sizeof(struct memblock_region));

		if (type->cnt + 2 > type->max) {
			pr_err("%s: %s array is full (%lu entries): mem= ignored\n",
			       func, type->name, type->max);
			return false;
		}
		if (!memblock_is_static_array(type->regions) &&
		    (pa < keep_base || end > keep_end)) {
			pr_err("%s: %s array at [0x%08x-0x%08x] would be dropped: mem= ignored\n",
			       func, type->name, pa, end - 1);
			return false;
		}
	}
	return true;
}

/**
 * memblock_enforce_memory_limit - keep only the first @limit bytes of memory
 * @limit: bytes (mem=); 0 does nothing
 *
 * Memory and reservations above the address where @limit bytes of memory
 * are reached are removed. The cut is exact, to the byte: rounding it is
 * the arch's business. Refused, with a message, when an array is full or
 * a grown array lies above the cut (see memblock_may_cut).
 */
void __init memblock_enforce_memory_limit(phys_addr_t limit)
{
	phys_addr_t max_addr;

	if (!limit)
		return;

	max_addr = __find_max_addr(limit);
	if (max_addr == PHYS_ADDR_MAX)
		return;                         /* there is less memory than that */
	if (!memblock_may_cut(__func__, 0, max_addr))
		return;

	memblock_remove_range(&memblock.memory, max_addr, PHYS_ADDR_MAX);
	memblock_remove_range(&memblock.reserved, max_addr, PHYS_ADDR_MAX);
}

/**
 * memblock_cap_memory_range - keep only memory inside one range
 * @base: physical start (mem=size@start)
 * @size: bytes; 0 does nothing; a range past 4 GiB is cut at PHYS_ADDR_MAX
 *
 * Memory outside [@base, @base + @size) is removed, except NOMAP regions
 * (firmware tables that must stay known); reservations outside it are
 * removed too. Refused, with a message, as memblock_enforce_memory_limit.
 */
void __init memblock_cap_memory_range(phys_addr_t base, phys_addr_t size)
{
	int start_rgn, end_rgn;
	int i, ret;

	if (!memblock_cap_size(base, &size))
		return;

	if (!memblock.memory.total_size) {
		pr_warn("%s: No memory registered yet\n", __func__);
		return;
	}
	if (!memblock_may_cut(__func__, base, base + size))
		return;

	ret = memblock_isolate_range(&memblock.memory, base, size, &start_rgn, &end_rgn);
	if (ret)
		return;

	/* the regions above the range, then those below it */
	for (i = memblock.memory.cnt - 1; i >= end_rgn; i--)
		if (!memblock_is_nomap(&memblock.memory.regions[i]))
			memblock_remove_region(&memblock.memory, i);

	for (i = start_rgn - 1; i >= 0; i--)
		if (!memblock_is_nomap(&memblock.memory.regions[i]))
			memblock_remove_region(&memblock.memory, i);
	/* a NOMAP region the isolation split is whole again (Linux leaves it split) */
	memblock_merge_regions(&memblock.memory);

	memblock_remove_range(&memblock.reserved, 0, base);
	memblock_remove_range(&memblock.reserved, base + size, PHYS_ADDR_MAX);
}

/* Binary search: the index of the region of @type holding @addr, or -1. */
static int __init_memblock memblock_search(struct memblock_type *type, phys_addr_t addr)
{
	unsigned int left = 0, right = type->cnt;

	do {
		unsigned int mid = (right + left) / 2;

		if (addr < type->regions[mid].base)
			right = mid;
		else if (addr >= type->regions[mid].base + type->regions[mid].size)
			left = mid + 1;
		else
			return mid;
	} while (left < right);
	return -1;
}

bool __init_memblock memblock_is_reserved(phys_addr_t addr)
{
	return memblock_search(&memblock.reserved, addr) != -1;
}

/* Is @addr memory (NOMAP included)? */
bool __init_memblock memblock_is_memory(phys_addr_t addr)
{
	return memblock_search(&memblock.memory, addr) != -1;
}

/* Is @addr memory that may be in the linear map (memory, not NOMAP)? */
bool __init_memblock memblock_is_map_memory(phys_addr_t addr)
{
	int i = memblock_search(&memblock.memory, addr);

	if (i == -1)
		return false;
	return !memblock_is_nomap(&memblock.memory.regions[i]);
}

/**
 * memblock_is_region_memory - is a range inside one memory region?
 * @base: physical start
 * @size: bytes
 *
 * Return: true if all of [@base, @base + @size) lies in the memory region
 * holding @base. (Two touching regions with different flags count as two.)
 */
bool __init_memblock memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	int idx = memblock_search(&memblock.memory, base);
	phys_addr_t end = base + memblock_cap_size(base, &size);

	if (idx == -1)
		return false;
	return memblock.memory.regions[idx].base + memblock.memory.regions[idx].size >= end;
}

/**
 * memblock_is_region_reserved - does a range touch reserved memory?
 * @base: physical start
 * @size: bytes
 *
 * Return: true if some byte of [@base, @base + @size) is reserved.
 */
bool __init_memblock memblock_is_region_reserved(phys_addr_t base, phys_addr_t size)
{
	return memblock_overlaps_region(&memblock.reserved, base, size);
}

/* Allocations with MEMBLOCK_ALLOC_ACCESSIBLE end at or below @limit. */
void __init_memblock memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

phys_addr_t __init_memblock memblock_get_current_limit(void)
{
	return memblock.current_limit;
}
