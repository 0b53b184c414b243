/*
 * mm/memblock.c - the boot-time memory manager: the two lists and every
 * change to them (Linux 6.1: mm/memblock.c, from the top to
 * memblock_clear_nomap, plus memblock_allow_resize).
 *
 * Before the page allocator exists, the kernel describes physical memory as
 * two sorted lists of ranges: what RAM there is (memblock.memory, from the
 * DTB's /memory) and what of it is already in use (memblock.reserved: the
 * kernel image, swapper_pg_dir, the DTB, and every block memblock itself
 * hands out). The free memory is the difference:
 *
 *   0x60000000                                                   0x80000000
 *   memory    [==============================================================)
 *   reserved    [pgd][kernel image]   [dtb]                        [ptes]
 *   free      [)                  [--)     [----------------------)      [)
 *                                            memblock_alloc() takes from
 *                                            the top of the highest hole
 *                                            below memblock.current_limit
 *
 * Every change keeps each list canonical (see struct memblock_type): sorted,
 * disjoint, and merged wherever two touching regions have equal flags. So
 * the same set of addresses always gives the same list, and the debugfs
 * files can be compared with Linux's line by line.
 *
 * The three building blocks, as in Linux:
 *   memblock_add_range()     add the parts of a range not yet in the list
 *   memblock_isolate_range() split regions at a range's ends, so the range is
 *                            a run of whole regions (remove, set flags)
 *   __next_mem_range[_rev]() walk type_a minus type_b (free memory)
 *
 * Linux keeps memblock in one file. We split it along Linux's own sections,
 * in Linux's order, so that each piece stays under our ~600-line rule:
 *   mm/memblock.c         this file: the lists, add/remove/reserve, merging,
 *                         NOMAP, growing the arrays
 *   mm/memblock_iter.c    __next_mem_range[_rev] (for_each_*_range)
 *   mm/memblock_alloc.c   memblock_find_in_range, memblock_alloc*
 *   mm/memblock_query.c   Linux's "Remaining API functions": sizes, mem=,
 *                         memblock_is_*, current_limit
 *   mm/memblock_debug.c   memblock=debug, the boot-log dump, debugfs files
 * What Linux has static and two pieces share is in mm/memblock_internal.h.
 *
 * Phases: memblock_add/reserve are legal from the first line of setup_arch;
 * allocations once memory and the reservations are known and
 * memblock.current_limit is inside the linear map (arm_memblock_init,
 * adjust_lowmem_bounds); the arrays may grow after memblock_allow_resize()
 * (paging_init). After mem_init() only the questions are asked (ioremap's
 * memblock_is_map_memory, the debugfs files), which is why the data is not
 * __initdata (ARM selects ARCH_KEEP_MEMBLOCK).
 *
 * Deliberate differences from Linux 6.1 in this piece (the other pieces
 * list their own):
 *  - One node: no nid in the regions and no mirror or hotplug policy (the
 *    flags exist; nothing here sets them). The arrays are only ever doubled
 *    with memory from memblock itself: Linux switches to kmalloc once slab
 *    is up, and nothing changes memblock that late here.
 *  - Linux's "memblock: %s is doubled ..." debug line has no newline; ours
 *    has one, which is how it shows up in Linux's dmesg anyway.
 *  - A full array before memblock_allow_resize() says so (Linux fails
 *    silently with -ENOMEM).
 *  - When the memory array is doubled, the new array is reserved before it
 *    replaces the old one, so running out of room in the reserved array
 *    fails cleanly instead of hitting Linux's BUG_ON.
 *  - memblock_double_array() does not search "below the new area" when that
 *    area starts at 0 or 1 (an end of 0 or 1 means current_limit to
 *    memblock_find_in_range, so Linux may put the new array inside the very
 *    range being freed, which then unreserves it; a host test fails with
 *    Linux's code).
 *  - A grown array never lands in the range its caller changes: Linux keeps
 *    only the reserved array out of it (see memblock_double_array).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <asm/memory.h>
#include <asm/page.h>
#include <string.h>
#include "memblock_internal.h"

/* Linux's WARN_ON, without the stack dump: report and carry on. */
#define WARN_ON(cond) ({                                                      \
	int __warn = !!(cond);                                                \
	if (unlikely(__warn))                                                 \
		pr_warn("WARNING: at %s:%d %s: %s\n", __FILE__, __LINE__,     \
			__func__, #cond);                                     \
	__warn; })

static struct memblock_region memblock_memory_init_regions[INIT_MEMBLOCK_REGIONS] __initdata_memblock;
static struct memblock_region memblock_reserved_init_regions[INIT_MEMBLOCK_REGIONS] __initdata_memblock;

/* The state at boot: both arrays static, each holding the empty dummy region. */
#define MEMBLOCK_TYPE_INIT(array, type_name) {                                \
	.regions = array, .cnt = 1, .max = INIT_MEMBLOCK_REGIONS,             \
	.name = type_name }
#define MEMBLOCK_BOOT_STATE {                                                 \
	.memory = MEMBLOCK_TYPE_INIT(memblock_memory_init_regions, "memory"),  \
	.reserved = MEMBLOCK_TYPE_INIT(memblock_reserved_init_regions, "reserved"), \
	.bottom_up = false,                                                   \
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE }

struct memblock memblock __initdata_memblock = MEMBLOCK_BOOT_STATE;

int memblock_debug __initdata_memblock;
static int memblock_can_resize __initdata_memblock;

/*
 * Is @regions one of the two static arrays (never given back)? Linux has
 * no such helper: it compares with the arrays in place, which its one
 * file keeps static; here mem= (mm/memblock_query.c) asks too.
 */
bool __init_memblock memblock_is_static_array(const struct memblock_region *regions)
{
	return regions == memblock_memory_init_regions ||
	       regions == memblock_reserved_init_regions;
}

static bool __init_memblock memblock_addrs_overlap(phys_addr_t base1, phys_addr_t size1,
						   phys_addr_t base2, phys_addr_t size2)
{
	return base1 < base2 + size2 && base2 < base1 + size1;
}

/**
 * memblock_overlaps_region - does a range touch any region of a type?
 * @type: the list to look in
 * @base: start of the range
 * @size: its size
 *
 * Return: true if some byte of [@base, @base + @size) is in @type.
 */
bool __init_memblock memblock_overlaps_region(struct memblock_type *type,
					      phys_addr_t base, phys_addr_t size)
{
	unsigned long i;

	memblock_cap_size(base, &size);
	for (i = 0; i < type->cnt; i++)
		if (memblock_addrs_overlap(base, size, type->regions[i].base,
					   type->regions[i].size))
			return true;
	return false;
}

/* Drop regions[@r]; an emptied type gets back its dummy region {0, 0, 0}. */
void __init_memblock memblock_remove_region(struct memblock_type *type, unsigned long r)
{
	type->total_size -= type->regions[r].size;
	memmove(&type->regions[r], &type->regions[r + 1],
		(type->cnt - (r + 1)) * sizeof(type->regions[r]));
	type->cnt--;

	if (type->cnt == 0) {
		WARN_ON(type->total_size != 0);
		type->cnt = 1;
		type->regions[0].base = 0;
		type->regions[0].size = 0;
		type->regions[0].flags = 0;
	}
}

/*
 * Give @type an array twice as long, taken from memblock itself (through
 * __va, so it must lie below memblock.current_limit, in lowmem). Only after
 * memblock_allow_resize(), which the arch calls once every range that must
 * not be handed out is reserved.
 *
 * [@new_area_start, +@new_area_size) is the range the caller is about to
 * change (reserve, free, remove, mark); the new array must not land on it.
 *
 *   before   type->regions --> [ max entries, static or memblock ]
 *   after    type->regions --> [ 2 * max entries, page aligned, reserved ]
 *            the old array is released unless it is a static one
 *
 * Return: 0, or -1 with a message and nothing changed.
 */
static int __init_memblock memblock_double_array(struct memblock_type *type,
						 phys_addr_t new_area_start,
						 phys_addr_t new_area_size)
{
	struct memblock_region *new_array, *old_array;
	phys_addr_t old_alloc_size, new_alloc_size;
	phys_addr_t old_size, new_size, addr, new_end;

	if (!memblock_can_resize) {
		pr_err("memblock: %s array is full (%lu entries) and cannot grow before memblock_allow_resize()\n",
		       type->name, type->max);
		return -1;
	}

	old_size = type->max * sizeof(struct memblock_region);
	new_size = old_size << 1;
	/* whole pages, so that the array can be freed to the buddy allocator later */
	old_alloc_size = PAGE_ALIGN(old_size);
	new_alloc_size = PAGE_ALIGN(new_size);

	/*
	 * Above the area, else below it. Linux excludes the area only for the
	 * reserved array; we do for memory too, so that a memory array grown by
	 * memblock_remove() or memblock_mark_nomap() never lands in the very
	 * memory that stops being mapped. (For memblock_add() the area is not
	 * memory yet: nothing changes.)
	 */
	addr = memblock_find_in_range(new_area_start + new_area_size,
				      memblock.current_limit, new_alloc_size, PAGE_SIZE);
	if (!addr && new_area_size && new_area_start > MEMBLOCK_ALLOC_NOLEAKTRACE)
		addr = memblock_find_in_range(0, min(new_area_start, memblock.current_limit),
					      new_alloc_size, PAGE_SIZE);
	/*
	 * The memory array's new home is reserved before anything changes, so
	 * a full reserved array that cannot grow fails here, cleanly. (Linux
	 * reserves it last and BUG()s then.) The reserved array cannot be
	 * handled this way: reserving needs room in that very array.
	 */
	if (addr && type != &memblock.reserved && memblock_reserve(addr, new_alloc_size))
		addr = 0;
	if (!addr) {
		pr_err("memblock: Failed to double %s array from %lu to %lu entries !\n",
		       type->name, type->max, type->max * 2);
		return -1;
	}

	new_end = addr + new_size - 1;
	memblock_dbg("memblock: %s is doubled to %lu at [0x%08x-0x%08x]\n",
		     type->name, type->max * 2, addr, new_end);

	/* move the array first: it may be the reserved array that is full */
	new_array = __va(addr);
	memcpy(new_array, type->regions, old_size);
	memset(new_array + type->max, 0, old_size);
	old_array = type->regions;
	type->regions = new_array;
	type->max <<= 1;

	if (!memblock_is_static_array(old_array))
		memblock_free(old_array, old_alloc_size);

	/* there is room now: max doubled, at most two entries were added */
	if (type == &memblock.reserved)
		BUG_ON(memblock_reserve(addr, new_alloc_size));
	return 0;
}

/* Merge every pair of touching regions with equal flags. */
void __init_memblock memblock_merge_regions(struct memblock_type *type)
{
	int i = 0;

	while (i < (int)type->cnt - 1) {
		struct memblock_region *this = &type->regions[i];
		struct memblock_region *next = &type->regions[i + 1];

		if (this->base + this->size != next->base || this->flags != next->flags) {
			BUG_ON(this->base + this->size > next->base);
			i++;
			continue;
		}
		this->size += next->size;
		memmove(next, next + 1, (type->cnt - (i + 2)) * sizeof(*next));
		type->cnt--;
	}
}

/* Put [@base, +@size) at regions[@idx], moving the rest up. Needs a free slot. */
static void __init_memblock memblock_insert_region(struct memblock_type *type, int idx,
						   phys_addr_t base, phys_addr_t size,
						   enum memblock_flags flags)
{
	struct memblock_region *rgn = &type->regions[idx];

	BUG_ON(type->cnt >= type->max);
	memmove(rgn + 1, rgn, (type->cnt - idx) * sizeof(*rgn));
	rgn->base = base;
	rgn->size = size;
	rgn->flags = flags;
	type->cnt++;
	type->total_size += size;
}

/*
 * Add [@base, @base + @size) to @type with @flags. Parts already in @type
 * stay as they are (their flags too); only the holes are filled:
 *
 *   type     [  A  )      [ B )
 *   new          [===============)
 *   inserted        [----)     [-)      then merged with A and B if the flags match
 *
 * A first pass counts the pieces, so that the array can grow before
 * anything changes; the second inserts them. (When there is room for the
 * worst case, one piece per hole plus one, the count is skipped.)
 *
 * Return: 0, or -ENOMEM with @type unchanged when the array is full and
 * cannot grow.
 */
static int __init_memblock memblock_add_range(struct memblock_type *type,
					      phys_addr_t base, phys_addr_t size,
					      enum memblock_flags flags)
{
	bool insert = false;
	phys_addr_t obase = base;
	phys_addr_t end = base + memblock_cap_size(base, &size);
	int idx, nr_new;
	struct memblock_region *rgn;

	if (!size)
		return 0;

	if (type->regions[0].size == 0) {       /* the empty type's dummy */
		WARN_ON(type->cnt != 1 || type->total_size);
		type->regions[0].base = base;
		type->regions[0].size = size;
		type->regions[0].flags = flags;
		type->total_size = size;
		return 0;
	}

	if (type->cnt * 2 + 1 < type->max)
		insert = true;
repeat:
	base = obase;
	nr_new = 0;

	for_each_memblock_type(idx, type, rgn) {
		phys_addr_t rbase = rgn->base;
		phys_addr_t rend = rbase + rgn->size;

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		/* rgn overlaps: the hole below it, if any, is a new piece */
		if (rbase > base) {
			WARN_ON(flags != rgn->flags);
			nr_new++;
			if (insert)
				memblock_insert_region(type, idx++, base, rbase - base, flags);
		}
		base = min(rend, end);
	}

	if (base < end) {                       /* the piece above the last overlap */
		nr_new++;
		if (insert)
			memblock_insert_region(type, idx, base, end - base, flags);
	}

	if (!nr_new)
		return 0;

	if (!insert) {
		while (type->cnt + nr_new > type->max)
			if (memblock_double_array(type, obase, size) < 0)
				return -ENOMEM;
		insert = true;
		goto repeat;
	}
	memblock_merge_regions(type);
	return 0;
}

/**
 * memblock_add - add RAM to memblock.memory
 * @base: physical start
 * @size: bytes; a range past 4 GiB is cut at PHYS_ADDR_MAX
 *
 * Parts already known stay as they are. Boot only.
 *
 * Return: 0, or -ENOMEM if the array is full and cannot grow.
 */
int __init_memblock memblock_add(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size - 1;

	memblock_dbg("%s: [0x%08x-0x%08x] " MB_CALLER_FMT "\n", __func__, base, end,
		     MB_CALLER(_RET_IP_));
	return memblock_add_range(&memblock.memory, base, size, MEMBLOCK_NONE);
}

/*
 * Split the regions of @type that cross @base or @base + @size, so that
 * the range is exactly regions [*@start_rgn, *@end_rgn) (an empty run if
 * nothing of it is in @type):
 *
 *   before   [   A        )   [   B        )
 *   range          [===============)
 *   after    [ A1 )[ A2   )   [ B1 )[ B2   )     start_rgn = A2, end_rgn = after B1
 *
 * Splitting adds at most two regions, so the array is first grown to have
 * two free slots. Return: 0, or -ENOMEM with @type unchanged.
 */
int __init_memblock memblock_isolate_range(struct memblock_type *type,
					   phys_addr_t base, phys_addr_t size,
					   int *start_rgn, int *end_rgn)
{
	phys_addr_t end = base + memblock_cap_size(base, &size);
	int idx;
	struct memblock_region *rgn;

	*start_rgn = *end_rgn = 0;

	if (!size)
		return 0;

	while (type->cnt + 2 > type->max)
		if (memblock_double_array(type, base, size) < 0)
			return -ENOMEM;

	for_each_memblock_type(idx, type, rgn) {
		phys_addr_t rbase = rgn->base;
		phys_addr_t rend = rbase + rgn->size;

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;

		if (rbase < base) {
			/* crosses @base: keep the lower part as its own region,
			 * look at the upper part next */
			rgn->base = base;
			rgn->size -= base - rbase;
			type->total_size -= base - rbase;
			memblock_insert_region(type, idx, rbase, base - rbase, rgn->flags);
		} else if (rend > end) {
			/* crosses the end: split, and look at the lower part again */
			rgn->base = end;
			rgn->size -= end - rbase;
			type->total_size -= end - rbase;
			memblock_insert_region(type, idx--, rbase, end - rbase, rgn->flags);
		} else {
			/* inside the range */
			if (!*end_rgn)
				*start_rgn = idx;
			*end_rgn = idx + 1;
		}
	}
	return 0;
}

/* Take [@base, +@size) out of @type. Return: 0 or -ENOMEM, as isolate. */
int __init_memblock memblock_remove_range(struct memblock_type *type,
					  phys_addr_t base, phys_addr_t size)
{
	int start_rgn, end_rgn;
	int i, ret;

	ret = memblock_isolate_range(type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;

	for (i = end_rgn - 1; i >= start_rgn; i--)
		memblock_remove_region(type, i);
	return 0;
}

/**
 * memblock_remove - take a range out of memblock.memory
 * @base: physical start
 * @size: bytes
 *
 * Regions crossing the ends are split. Boot only.
 *
 * Return: 0, or -ENOMEM if splitting needs room the array cannot get.
 */
int __init_memblock memblock_remove(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size - 1;

	memblock_dbg("%s: [0x%08x-0x%08x] " MB_CALLER_FMT "\n", __func__, base, end,
		     MB_CALLER(_RET_IP_));
	return memblock_remove_range(&memblock.memory, base, size);
}

/**
 * memblock_free - give back a block memblock_alloc() returned
 * @ptr: its virtual address (NULL does nothing)
 * @size: its size
 *
 * Only memblock.reserved changes: the memory is not given to the page
 * allocator.
 */
void __init_memblock memblock_free(void *ptr, size_t size)
{
	if (ptr)
		memblock_phys_free(__pa(ptr), size);
}

/**
 * memblock_phys_free - take a range out of memblock.reserved
 * @base: physical start
 * @size: bytes
 *
 * Return: 0, or -ENOMEM if splitting needs room the array cannot get.
 */
int __init_memblock memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size - 1;

	memblock_dbg("%s: [0x%08x-0x%08x] " MB_CALLER_FMT "\n", __func__, base, end,
		     MB_CALLER(_RET_IP_));
	return memblock_remove_range(&memblock.reserved, base, size);
}

/**
 * memblock_reserve - mark a range as in use
 * @base: physical start
 * @size: bytes; the range need not be memory
 *
 * Return: 0, or -ENOMEM if the array is full and cannot grow.
 */
int __init_memblock memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size - 1;

	memblock_dbg("%s: [0x%08x-0x%08x] " MB_CALLER_FMT "\n", __func__, base, end,
		     MB_CALLER(_RET_IP_));
	return memblock_add_range(&memblock.reserved, base, size, MEMBLOCK_NONE);
}

/* Set (@set) or clear @flag on the memory in [@base, +@size), splitting at the ends. */
static int __init_memblock memblock_setclr_flag(phys_addr_t base, phys_addr_t size,
						int set, int flag)
{
	struct memblock_type *type = &memblock.memory;
	int i, ret, start_rgn, end_rgn;

	ret = memblock_isolate_range(type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;

	for (i = start_rgn; i < end_rgn; i++) {
		struct memblock_region *r = &type->regions[i];

		if (set)
			r->flags |= flag;
		else
			r->flags &= ~flag;
	}
	memblock_merge_regions(type);
	return 0;
}

/**
 * memblock_mark_nomap - keep memory out of the linear map
 * @base: physical start
 * @size: bytes; parts that are not memory are ignored
 *
 * NOMAP memory is still memory (memblock_is_memory() and the debugfs file
 * show it) but is never allocated and for_each_mem_range() skips it, so
 * the arch does not map it.
 *
 * Return: 0, or -ENOMEM if splitting needs room the array cannot get.
 */
int __init_memblock memblock_mark_nomap(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(base, size, 1, MEMBLOCK_NOMAP);
}

/**
 * memblock_clear_nomap - undo memblock_mark_nomap() on a range
 * @base: physical start
 * @size: bytes
 *
 * Return: 0, or -ENOMEM if splitting needs room the array cannot get.
 */
int __init_memblock memblock_clear_nomap(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(base, size, 0, MEMBLOCK_NOMAP);
}

/**
 * memblock_allow_resize - let the region arrays grow from now on
 *
 * Call it once everything that must not be handed out is reserved: a grown
 * array is taken from free memory. Before it, a full array makes the call
 * that needed room fail with -ENOMEM.
 */
void __init memblock_allow_resize(void)
{
	memblock_can_resize = 1;
}

#ifdef HOST_TEST
void memblock_reset_for_test(void)
{
	memset(memblock_memory_init_regions, 0, sizeof(memblock_memory_init_regions));
	memset(memblock_reserved_init_regions, 0, sizeof(memblock_reserved_init_regions));
	memblock = (struct memblock)MEMBLOCK_BOOT_STATE;
	memblock_debug = 0;
	memblock_can_resize = 0;
}
#endif
