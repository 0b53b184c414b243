/*
 * linux/memblock.h - the boot-time memory manager (Linux 6.1:
 * include/linux/memblock.h). The functions, their contracts and where this
 * copy differs from Linux are in mm/memblock*.c: Linux's one mm/memblock.c
 * in five pieces (the list is in the header of mm/memblock.c).
 *
 * Configuration as Debian's armmp kernel: FLATMEM, one node (no NUMA ids
 * in the regions), 32-bit phys_addr_t, ARCH_KEEP_MEMBLOCK (ARM keeps
 * memblock after boot: ioremap asks memblock_is_map_memory, and the
 * debugfs files stay; Linux's ARM pfn_valid asks memblock too, ours is
 * FLATMEM's range check in linux/mm.h).
 *
 *   struct memblock memblock
 *   +-------------------+
 *   | bottom_up = false |  allocate from the top down ...
 *   | current_limit     |  ... below this address
 *   | memory   ---------+--> [ region 0 ][ region 1 ] ... [ region cnt-1 ]   RAM
 *   | reserved ---------+--> [ region 0 ] ...                               in use
 *   +-------------------+
 *   free memory = memory, minus NOMAP regions, minus reserved
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/init.h>

struct seq_file;

#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif

/* Each type starts with a static array this long (Linux keeps this in memblock.c). */
#define INIT_MEMBLOCK_REGIONS   128

/* The highest physical address; no region reaches it (mm/memblock_internal.h: memblock_cap_size). */
#define PHYS_ADDR_MAX           (~(phys_addr_t)0)
#define U64_MAX                 (~(u64)0)       /* iterators: "no more ranges" */

/* One node. Linux's linux/numa.h values for !CONFIG_NUMA. */
#define NUMA_NO_NODE            (-1)            /* "any node" */
#define MAX_NUMNODES            1

/* ARM selects ARCH_KEEP_MEMBLOCK: memblock's code and data stay after boot. */
#define __init_memblock
#define __initdata_memblock

/**
 * enum memblock_flags - attributes of a memory region (Linux's values)
 * @MEMBLOCK_NONE: ordinary RAM
 * @MEMBLOCK_HOTPLUG: may be unplugged later (nothing sets it here)
 * @MEMBLOCK_MIRROR: mirrored RAM (nothing sets it here)
 * @MEMBLOCK_NOMAP: RAM that must stay out of the linear map: never
 *	allocated, skipped by for_each_mem_range()
 * @MEMBLOCK_DRIVER_MANAGED: added by a driver (nothing sets it here)
 */
enum memblock_flags {
	MEMBLOCK_NONE           = 0x0,
	MEMBLOCK_HOTPLUG        = 0x1,
	MEMBLOCK_MIRROR         = 0x2,
	MEMBLOCK_NOMAP          = 0x4,
	MEMBLOCK_DRIVER_MANAGED = 0x8,
};

/* One range [base, base + size). Reserved regions always have flags 0. */
struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;               /* base + size <= PHYS_ADDR_MAX */
	enum memblock_flags flags;
};

/*
 * A set of ranges. Invariants, kept by every function in mm/memblock*.c and
 * checked by tests/host/fuzz:
 *   - regions[0..cnt) sorted by base, not overlapping;
 *   - two regions that touch have different flags (else they are merged);
 *   - total_size is the sum of the sizes;
 *   - 1 <= cnt <= max: an empty type holds one dummy region {0, 0, 0}.
 */
struct memblock_type {
	unsigned long cnt;              /* regions in use */
	unsigned long max;              /* room in regions[] */
	phys_addr_t total_size;
	struct memblock_region *regions;
	char *name;                     /* "memory", "reserved" */
};

struct memblock {
	bool bottom_up;                 /* allocate upwards instead of downwards */
	phys_addr_t current_limit;      /* memblock_alloc() stays below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;
extern int memblock_debug;              /* "memblock=debug": log every call */

/* Where an allocation may end (@end / @max_addr of the allocators). */
#define MEMBLOCK_ALLOC_ANYWHERE    (~(phys_addr_t)0)   /* no limit */
#define MEMBLOCK_ALLOC_ACCESSIBLE  0                   /* memblock.current_limit */
#define MEMBLOCK_ALLOC_NOLEAKTRACE 1                   /* same, for kmemleak */
#define MEMBLOCK_LOW_LIMIT         0                   /* lowest allowed start */

/* Setting up: what RAM exists, what is in use. */
void memblock_allow_resize(void);
int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
void memblock_free(void *ptr, size_t size);
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size);
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size);
bool memblock_overlaps_region(struct memblock_type *type,
			      phys_addr_t base, phys_addr_t size);

/* Allocating. Physical variants return 0, virtual ones NULL, on failure. */
phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align,
				     phys_addr_t start, phys_addr_t end,
				     int nid, bool exact_nid);
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr, int nid);

/* @size bytes aligned to @align (a power of 2), below memblock.current_limit. */
static __always_inline phys_addr_t memblock_phys_alloc(phys_addr_t size,
						       phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE);
}

/* The same, zeroed, as a lowmem virtual address (__va). */
static __always_inline void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

/* The same, not zeroed: for memory the caller fills whole. */
void *memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				 phys_addr_t min_addr, phys_addr_t max_addr, int nid);
static __always_inline void *memblock_alloc_raw(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid_raw(size, align, MEMBLOCK_LOW_LIMIT,
					  MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

static inline void memblock_set_bottom_up(bool enable)
{
	memblock.bottom_up = enable;
}

static inline bool memblock_bottom_up(void)
{
	return memblock.bottom_up;
}

void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_get_current_limit(void);

/* mem= and mem=size@start. */
void memblock_enforce_memory_limit(phys_addr_t limit);
void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size);

/* Questions. */
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_map_memory(phys_addr_t addr);
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);

static inline bool memblock_is_hotpluggable(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_HOTPLUG;
}

static inline bool memblock_is_mirror(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_MIRROR;
}

static inline bool memblock_is_nomap(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_NOMAP;
}

static inline bool memblock_is_driver_managed(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_DRIVER_MANAGED;
}

/* One node: every region is on node 0 and there is nothing to store. */
static inline int memblock_get_region_node(const struct memblock_region *r)
{
	(void)r;
	return 0;
}

static inline void memblock_set_region_node(struct memblock_region *r, int nid)
{
	(void)r, (void)nid;
}

/* Debugging: "memblock=debug", the boot-log dump, the debugfs files. */
int early_memblock(const char *p);
void memblock_dump_all(void);
int memblock_debug_show(struct seq_file *m, void *private);

/*
 * Iterators. The u64 @i carries two indices: bits 31:0 into type_a, bits
 * 63:32 into the gaps of type_b (see __next_mem_range). Ranges are
 * [*p_start, *p_end); p_start, p_end and p_nid may be NULL.
 */
void __next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a, struct memblock_type *type_b,
		      phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid);
void __next_mem_range_rev(u64 *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a, struct memblock_type *type_b,
			  phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid);

/* Parts of type_a not in type_b (or all of type_a if type_b is NULL), upwards. */
#define __for_each_mem_range(i, type_a, type_b, nid, flags, p_start, p_end, p_nid) \
	for (i = 0, __next_mem_range(&i, nid, flags, type_a, type_b,               \
				     p_start, p_end, p_nid);                       \
	     i != U64_MAX;                                                         \
	     __next_mem_range(&i, nid, flags, type_a, type_b, p_start, p_end, p_nid))

/* The same, downwards. */
#define __for_each_mem_range_rev(i, type_a, type_b, nid, flags, p_start, p_end, p_nid) \
	for (i = U64_MAX, __next_mem_range_rev(&i, nid, flags, type_a, type_b,         \
					       p_start, p_end, p_nid);                 \
	     i != U64_MAX;                                                             \
	     __next_mem_range_rev(&i, nid, flags, type_a, type_b, p_start, p_end, p_nid))

/* Every memory region except NOMAP ones. */
#define for_each_mem_range(i, p_start, p_end)                                 \
	__for_each_mem_range(i, &memblock.memory, NULL, NUMA_NO_NODE,         \
			     MEMBLOCK_HOTPLUG | MEMBLOCK_DRIVER_MANAGED,      \
			     p_start, p_end, NULL)

#define for_each_mem_range_rev(i, p_start, p_end)                             \
	__for_each_mem_range_rev(i, &memblock.memory, NULL, NUMA_NO_NODE,     \
				 MEMBLOCK_HOTPLUG | MEMBLOCK_DRIVER_MANAGED,  \
				 p_start, p_end, NULL)

/* Every reserved region. */
#define for_each_reserved_mem_range(i, p_start, p_end)                        \
	__for_each_mem_range(i, &memblock.reserved, NULL, NUMA_NO_NODE,       \
			     MEMBLOCK_NONE, p_start, p_end, NULL)

/* Free memory: memory, not NOMAP (unless @flags has it), minus reserved. */
#define for_each_free_mem_range(i, nid, flags, p_start, p_end, p_nid)         \
	__for_each_mem_range(i, &memblock.memory, &memblock.reserved,         \
			     nid, flags, p_start, p_end, p_nid)

#define for_each_free_mem_range_reverse(i, nid, flags, p_start, p_end, p_nid) \
	__for_each_mem_range_rev(i, &memblock.memory, &memblock.reserved,     \
				 nid, flags, p_start, p_end, p_nid)

/* Every memory region, NOMAP included, as struct memblock_region *. */
#define for_each_mem_region(region)                                           \
	for (region = memblock.memory.regions;                                \
	     region < (memblock.memory.regions + memblock.memory.cnt);        \
	     region++)

/* Every reserved region, as struct memblock_region *. */
#define for_each_reserved_mem_region(region)                                  \
	for (region = memblock.reserved.regions;                              \
	     region < (memblock.reserved.regions + memblock.reserved.cnt);    \
	     region++)

#ifdef HOST_TEST
/* Host tests only: back to the state at boot (static arrays, no debug, no resize). */
void memblock_reset_for_test(void);
#endif

#endif /* _LINUX_MEMBLOCK_H */
