/*
 * arch/arm/mm/mm.h - what the arch/arm/mm files share, and nothing outside
 * arch/arm sees (Linux: arch/arm/mm/mm.h): mem_types[], the VM_ARM_* flags
 * of the static vm areas, the boot phases of mmu.c and init.c.
 */
#ifndef _ARCH_ARM_MM_MM_H
#define _ARCH_ARM_MM_MM_H

#include <linux/types.h>
#include <asm/pgtable-2level-types.h>
#include <asm/pgtable.h>

/*
 * How one kind of memory is mapped, for each way of mapping it:
 *   prot_pte   Linux PTE bits for 4 KiB pages (L_PTE_*)
 *   prot_l1    L1 bits of a page-table entry pointing at those pages
 *   prot_sect  L1 bits of a 1 MiB section (0: never use sections)
 *   domain     the DACR domain (asm/cp15.h)
 */
struct mem_type {
	pteval_t prot_pte;
	pmdval_t prot_l1;
	pmdval_t prot_sect;
	unsigned int domain;
};

extern struct mem_type mem_types[];

/*
 * vm_struct.flags bits only arch/arm uses (Linux 6.1 values): a mapping
 * iotable_init made, and its MT_* type, so ioremap() can reuse it.
 */
#define VM_ARM_STATIC_MAPPING   0x40000000
#define VM_ARM_MTYPE(mt)        ((mt) << 20)
#define VM_ARM_MTYPE_MASK       (0x1f << 20)

extern phys_addr_t arm_lowmem_limit;
extern unsigned long vmalloc_size;
extern u32 __cpu_smp;          /* head.S __detect_smp: 1 = SMP tables */

void build_mem_type_table(void);
void adjust_lowmem_bounds(void);
void paging_init(void);
void bootmem_init(void);                /* init.c */
void arm_memblock_init(void);           /* init.c */
int early_vmalloc(const char *arg);
void *early_alloc(unsigned long sz);
void early_trap_init_vectors(void *vectors);   /* arch/arm/kernel/traps.c */
void use_high_vectors(void);
void print_vmem_layout(void);

struct map_desc;
#define EARLY_IO_MAX_PAGES 8
/* The pages early_io_map() handed out, for devicemaps_init to map again
 * with iotable_init (early_io.c). */
int early_io_pages(struct map_desc *io, int max);

#endif
