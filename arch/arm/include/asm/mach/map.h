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

enum {
	MT_DEVICE,               /* shared device, XN */
	MT_HIGH_VECTORS,         /* vectors page at 0xffff0000: user-readable */
	MT_LOW_VECTORS,          /* stubs page: kernel read-only */
	MT_MEMORY_RWX,           /* kernel text: read, write, execute */
	MT_MEMORY_RW,            /* the rest of lowmem: read, write, no execute */
	MT_MEMORY_RO,            /* read-only, no execute (the DTB) */
	MT_ROM,                  /* read-only sections */
	MT_NR_TYPES
};

void create_mapping(struct map_desc *md);
void iotable_init(struct map_desc *io_desc, int nr);

#endif
