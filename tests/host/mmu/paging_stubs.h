/*
 * tests/host/mmu/paging_stubs.h - what arch/arm/mm/mmu.c's boot phases
 * (paging_init and its helpers) call outside the code under test. The
 * host tests drive create_mapping() and iotable_init() only; everything
 * else mmu.c needs to link is here, and aborts if it is reached. Included
 * once per test program (tests/host/mmu, tests/host/fuzz/fuzz_mapping.c).
 */
#ifndef HOST_MMU_PAGING_STUBS_H
#define HOST_MMU_PAGING_STUBS_H

#include <stdlib.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/mach/map.h>

char _text[1], __init_end[1];
phys_addr_t __atags_pointer;
pte_t *pkmap_page_table;
struct page *mem_map;

/* iotable_init hands its static areas to vmalloc: count them. */
static int host_vm_areas_added;
void vm_area_add_early(struct vm_struct *vm)
{
	(void)vm;
	host_vm_areas_added++;
}

/* Only paging_init and early_vmalloc reach these. */
void ptdump_printk(void) { abort(); }
unsigned long long memparse(const char *s, char **end) { (void)s, (void)end; abort(); }
void early_trap_init_vectors(void *vectors) { (void)vectors; abort(); }
int early_io_pages(struct map_desc *io, int max) { (void)io, (void)max; abort(); }
void use_high_vectors(void) { abort(); }
void console_lock(void) { abort(); }
void console_unlock(void) { abort(); }
void bootmem_init(void) { abort(); }

#endif
