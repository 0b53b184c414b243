/*
 * tests/host/mmu/paging_stubs.h - what arch/arm/mm/mmu.c's boot phases
 * (paging_init and its helpers) call outside the code under test. The
 * host tests drive create_mapping() and iotable_init() only; the boot
 * phases' stubs are boot_stubs.h. Included
 * once per test program (tests/host/mmu, tests/host/fuzz/fuzz_mapping.c).
 */
#ifndef HOST_MMU_PAGING_STUBS_H
#define HOST_MMU_PAGING_STUBS_H

#include <stdlib.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/mach/map.h>
#include "boot_stubs.h"

struct page *mem_map;

/* iotable_init hands its static areas to vmalloc: count them. */
static int host_vm_areas_added;
void vm_area_add_early(struct vm_struct *vm)
{
	(void)vm;
	host_vm_areas_added++;
}

#endif
