/*
 * tests/host/mmu/boot_stubs.h - what arch/arm/mm/mmu.c's boot phases
 * (paging_init, early_vmalloc and their helpers) call outside mmu.c. No
 * host program runs those phases: each stub aborts if it is reached.
 * Included once per program that links mmu.c (tests/host/mmu through
 * paging_stubs.h, tests/host/uvm, tests/host/fuzz).
 */
#ifndef HOST_MMU_BOOT_STUBS_H
#define HOST_MMU_BOOT_STUBS_H

#include <stdlib.h>
#include <linux/mm.h>
#include <asm/mach/map.h>

char _text[1], __init_end[1];
phys_addr_t __atags_pointer;
pte_t *pkmap_page_table;

void ptdump_phase(const char *title) { (void)title; abort(); }
unsigned long long memparse(const char *s, char **end) { (void)s, (void)end; abort(); }
void early_trap_init_vectors(void *vectors) { (void)vectors; abort(); }
int early_io_pages(struct map_desc *io, int max) { (void)io, (void)max; abort(); }
void use_high_vectors(void) { abort(); }
void console_lock(void) { abort(); }
void console_unlock(void) { abort(); }
void bootmem_init(void) { abort(); }

#endif
