/*
 * mm/memblock.c - the boot-time memory manager (Linux 6.1: mm/memblock.c).
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
 * Phases: memblock_add/reserve are legal from the first line of setup_arch;
 * allocations once memory and the reservations are known and
 * memblock.current_limit is inside the linear map (arm_memblock_init,
 * adjust_lowmem_bounds); the arrays may grow after memblock_allow_resize()
 * (paging_init). Nothing here runs after mem_init(), except the debugfs
 * show function, which is why the data is not __initdata (ARM selects
 * ARCH_KEEP_MEMBLOCK).
 *
 * Deliberate differences from Linux 6.1:
 *  - One node, no slab: no nid in the regions, no NUMA fallbacks, arrays
 *    are only ever doubled with memory from memblock itself, and no mirror
 *    or hotplug policy (the flags exist; nothing here sets them).
 *  - The caller in the memblock=debug lines is printed as 0x%08lx, the raw
 *    return address: Linux prints it with %pS (symbol+offset/size) and we
 *    have no symbol table in the kernel yet. Look it up in System.map.
 *  - Formats are spelled out: Linux's %pa of a 32-bit phys_addr_t prints
 *    exactly 0x%08x, and its %#x prints 0x0 for zero, i.e. exactly 0x%x;
 *    our vsnprintf (and the host's) has neither %pa nor Linux's %#x.
 *  - Linux's "memblock: %s is doubled ..." debug line has no newline; ours
 *    has one, which is how it shows up in Linux's dmesg anyway.
 *  - A full array before memblock_allow_resize() says so (Linux fails
 *    silently with -ENOMEM).
 *  - When the memory array is doubled, the new array is reserved before it
 *    replaces the old one, so running out of room in the reserved array
 *    fails cleanly instead of hitting Linux's BUG_ON.
 *  - An alignment that is not a power of 2 is an error (Linux's round_down
 *    would return a wrong address); align 0 prints a warning where Linux
 *    dumps the stack, and then uses SMP_CACHE_BYTES as Linux does.
 *  - Two latent Linux bugs are avoided (each has a host test that fails
 *    with Linux's code):
 *    memblock_double_array() does not search "below the new area" when that
 *    area starts at 0 or 1 (an end of 0 or 1 means current_limit to
 *    memblock_find_in_range, so Linux may put the new array inside the very
 *    range being freed, which then unreserves it); and
 *    memblock_cap_memory_range() caps its size first, so base + size
 *    cannot wrap past 4 GiB and drop the wrong reservations.
 *  - A grown array never lands in the range its caller changes (Linux
 *    keeps only the reserved array out of it), and mem= (enforce_memory_limit,
 *    cap_memory_range) is refused with a message rather than drop the
 *    reservation of a grown array or grow one into what it cuts; Linux
 *    would unreserve a live array there (found by the fuzzer).
 *  - memblock_cap_memory_range() merges the memory list at the end: a NOMAP
 *    region across the kept range's edge is split by the isolation and
 *    both halves are kept, which Linux leaves as two touching regions with
 *    equal flags (breaking the canonical form; found by the fuzzer).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/seq_file.h>
#include <asm/memory.h>
#include <asm/page.h>
#include <string.h>

/* The caller of the function this is used in (Linux: linux/instruction_pointer.h). */
#define _RET_IP_        ((unsigned long)__builtin_return_address(0))

/* ARMv7's L1 cache line (CONFIG_ARM_L1_CACHE_SHIFT = 6): what align 0 means. */
#define SMP_CACHE_BYTES 64

#define PAGE_ALIGN(addr)        ALIGN(addr, PAGE_SIZE)
#define clamp(val, lo, hi)      min(max(val, lo), hi)

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

#define memblock_dbg(fmt, ...)                                                \
	do {                                                                  \
		if (memblock_debug)                                           \
			pr_info(fmt, ##__VA_ARGS__);                          \
	} while (0)

#define for_each_memblock_type(i, memblock_type, rgn)                         \
	for (i = 0, rgn = &(memblock_type)->regions[0];                       \
	     i < (int)(memblock_type)->cnt;                                   \
	     i++, rgn = &(memblock_type)->regions[i])

/*
 * Shrink *@size so that @base + *@size does not wrap around: a range can
 * reach PHYS_ADDR_MAX but not include it, since its end must be a
 * phys_addr_t too. On 32-bit, memblock_add(0xc0000000, 0x80000000) keeps
 * [0xc0000000, 0xffffffff). Returns the new size.
 */
static inline phys_addr_t memblock_cap_size(phys_addr_t base, phys_addr_t *size)
{
	return *size = min(*size, PHYS_ADDR_MAX - base);
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

static phys_addr_t __init_memblock memblock_find_in_range(phys_addr_t start,
		phys_addr_t end, phys_addr_t size, phys_addr_t align)
{
	return memblock_find_in_range_node(size, align, start, end, NUMA_NO_NODE,
					   MEMBLOCK_NONE);
}

/* Drop regions[@r]; an emptied type gets back its dummy region {0, 0, 0}. */
static void __init_memblock memblock_remove_region(struct memblock_type *type, unsigned long r)
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

	if (old_array != memblock_memory_init_regions &&
	    old_array != memblock_reserved_init_regions)
		memblock_free(old_array, old_alloc_size);

	/* there is room now: max doubled, at most two entries were added */
	if (type == &memblock.reserved)
		BUG_ON(memblock_reserve(addr, new_alloc_size));
	return 0;
}

/* Merge every pair of touching regions with equal flags. */
static void __init_memblock memblock_merge_regions(struct memblock_type *type)
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

	memblock_dbg("%s: [0x%08x-0x%08x] 0x%08lx\n", __func__, base, end, _RET_IP_);
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
static int __init_memblock memblock_isolate_range(struct memblock_type *type,
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
static int __init_memblock memblock_remove_range(struct memblock_type *type,
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

	memblock_dbg("%s: [0x%08x-0x%08x] 0x%08lx\n", __func__, base, end, _RET_IP_);
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

	memblock_dbg("%s: [0x%08x-0x%08x] 0x%08lx\n", __func__, base, end, _RET_IP_);
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

	memblock_dbg("%s: [0x%08x-0x%08x] 0x%08lx\n", __func__, base, end, _RET_IP_);
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
	memblock_dbg("%s: %llu bytes align=0x%llx from=0x%08x max_addr=0x%08x 0x%08lx\n",
		     __func__, (u64)size, (u64)align, start, end, _RET_IP_);
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

	memblock_dbg("%s: %llu bytes align=0x%llx nid=%d from=0x%08x max_addr=0x%08x 0x%08lx\n",
		     __func__, (u64)size, (u64)align, nid, min_addr, max_addr, _RET_IP_);
	ptr = memblock_alloc_internal(size, align, min_addr, max_addr, nid, false);
	if (ptr)
		memset(ptr, 0, size);
	return ptr;
}

/* Sizes and bounds. */

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
	struct memblock_region *static_arrays[] = { memblock_memory_init_regions,
						    memblock_reserved_init_regions };
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
		if (type->regions != static_arrays[i] && (pa < keep_base || end > keep_end)) {
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

/* One type, as Linux's memblock_dump prints it for one node (no "on node"). */
static void __init_memblock memblock_dump(struct memblock_type *type)
{
	phys_addr_t base, end, size;
	struct memblock_region *rgn;
	int idx;

	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);

	for_each_memblock_type(idx, type, rgn) {
		base = rgn->base;
		size = rgn->size;
		end = base + size - 1;
		pr_info(" %s[0x%x]\t[0x%08x-0x%08x], 0x%08x bytes flags: 0x%x\n",
			type->name, (unsigned int)idx, base, end, size,
			(unsigned int)rgn->flags);
	}
}

/**
 * memblock_dump_all - print both lists to the kernel log
 *
 * Only with memblock=debug, as Linux. ARM calls it at the end of
 * arm_memblock_init().
 */
void __init_memblock memblock_dump_all(void)
{
	if (!memblock_debug)
		return;
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = 0x%08x reserved size = 0x%08x\n",
		memblock.memory.total_size, memblock.reserved.total_size);
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
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

/**
 * early_memblock - the "memblock=" early parameter
 * @p: its value; one containing "debug" turns memblock_debug on
 *
 * Return: 0.
 */
int __init early_memblock(const char *p)
{
	if (p && strstr(p, "debug"))
		memblock_debug = 1;
	return 0;
}

/**
 * memblock_debug_show - /sys/kernel/debug/memblock/{memory,reserved}
 * @m: where to print; m->private is the struct memblock_type
 * @private: unused (the same pointer)
 *
 * One line per region, index and inclusive bounds, as Linux 6.1 (later
 * versions add the node and flags):
 *
 *        0: 0x60000000..0x7fffffff
 *
 * An empty type prints its dummy region: "   0: 0x00000000..0xffffffff".
 *
 * Return: 0.
 */
int __init_memblock memblock_debug_show(struct seq_file *m, void *private)
{
	struct memblock_type *type = m->private;
	struct memblock_region *reg;
	phys_addr_t end;
	int i;

	(void)private;
	for_each_memblock_type(i, type, reg) {
		end = reg->base + reg->size - 1;
		seq_printf(m, "%4d: 0x%08x..0x%08x\n", i, reg->base, end);
	}
	return 0;
}

DUMP_FILE(memblock_memory, "/sys/kernel/debug/memblock/memory",
	  memblock_debug_show, &memblock.memory);
DUMP_FILE(memblock_reserved, "/sys/kernel/debug/memblock/reserved",
	  memblock_debug_show, &memblock.reserved);

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
