/*
 * mm/memblock_internal.h - what the pieces of memblock share and nobody
 * else needs. Linux has no such header: its mm/memblock.c is one file, and
 * everything below is static there. We split that file in five (see the
 * header of mm/memblock.c), so the helpers one piece calls in another are
 * declared here, with Linux's names, instead of in linux/memblock.h.
 *
 *   mm/memblock.c         the two lists: add, remove, reserve, merge, flags,
 *                         growing the arrays
 *   mm/memblock_alloc.c   finding and reserving free memory
 *   mm/memblock_iter.c    __next_mem_range[_rev]: for_each_*_range
 *   mm/memblock_query.c   sizes, bounds, lookups, mem=, current_limit
 *   mm/memblock_debug.c   memblock=debug, the boot-log dump, debugfs files
 */
#ifndef _MM_MEMBLOCK_INTERNAL_H
#define _MM_MEMBLOCK_INTERNAL_H

#include <linux/kernel.h>
#include <linux/memblock.h>
#include <asm/page.h>

/* The caller of the function this is used in (Linux: linux/instruction_pointer.h). */
#define _RET_IP_        ((unsigned long)__builtin_return_address(0))

#define PAGE_ALIGN(addr)        ALIGN(addr, PAGE_SIZE)

/*
 * One line per call with memblock=debug. The formats are spelled out where
 * Linux uses %pa (a 32-bit phys_addr_t prints exactly 0x%08x); the caller
 * is Linux's %pS (symbol+off/size, kernel/kallsyms.c). The host tests have
 * no symbol table and read the raw return address back: MB_CALLER.
 */
#ifdef HOST_TEST
#define MB_CALLER_FMT   "0x%08lx"
#define MB_CALLER(ip)   (ip)
#else
#define MB_CALLER_FMT   "%pS"
#define MB_CALLER(ip)   ((void *)(ip))
#endif
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

/* mm/memblock.c */
bool memblock_is_static_array(const struct memblock_region *regions);
void memblock_remove_region(struct memblock_type *type, unsigned long r);
void memblock_merge_regions(struct memblock_type *type);
int memblock_isolate_range(struct memblock_type *type, phys_addr_t base,
			   phys_addr_t size, int *start_rgn, int *end_rgn);
int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
			  phys_addr_t size);

/* mm/memblock_alloc.c */
phys_addr_t memblock_find_in_range(phys_addr_t start, phys_addr_t end,
				   phys_addr_t size, phys_addr_t align);

#endif /* _MM_MEMBLOCK_INTERNAL_H */
