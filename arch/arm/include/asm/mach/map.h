/*
 * asm/mach/map.h - one static mapping, and the memory types (Linux:
 * arch/arm/include/asm/mach/map.h). Policy lives in the mem_types[] table
 * (arch/arm/mm/mmu.c); create_mapping() never takes raw bits.
 */
#ifndef _ASM_MACH_MAP_H
#define _ASM_MACH_MAP_H

#include <linux/types.h>

struct map_desc {
	unsigned long virtual;   /* where: a kernel virtual address */
	unsigned long pfn;       /* what: the first physical page frame */
	unsigned long length;    /* how much, in bytes */
	unsigned int type;       /* how: an MT_* index into mem_types[] */
};

/*
 * The memory types, numbered as Linux 6.1 numbers them (MT_DEVICE..
 * MT_DEVICE_WC in asm/io.h, the rest in asm/mach/map.h), so an index read
 * in a VM_ARM_MTYPE() flag or a debugger means the same in both. Only
 * the types this kernel maps are named; the numbers between are Linux's
 * MT_DEVICE_NONSHARED (1), MT_DEVICE_CACHED (2), MT_DEVICE_WC (3),
 * MT_UNCACHED (4), MT_CACHECLEAN (5), MT_MINICLEAN (6), and after
 * MT_MEMORY_RO come MT_ROM (12) .. MT_MEMORY_DMA_READY (17).
 */
enum {
	MT_DEVICE = 0,           /* shared device, XN */
	MT_LOW_VECTORS = 7,      /* stubs page: kernel read-only */
	MT_HIGH_VECTORS = 8,     /* vectors page at 0xffff0000: user-readable */
	MT_MEMORY_RWX = 9,       /* kernel text: read, write, execute */
	MT_MEMORY_RW = 10,       /* the rest of lowmem: read, write, no execute */
	MT_MEMORY_RO = 11,       /* read-only, no execute (the DTB) */
	MT_NR_TYPES              /* mem_types[] entries: one past the last used */
};

void create_mapping(struct map_desc *md);
void iotable_init(struct map_desc *io_desc, int nr);

#endif
