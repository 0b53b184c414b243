/*
 * arch/arm/mm/init.c - the ARM side of the zones and of mem_init
 * (Linux: arch/arm/mm/init.c find_limits, zone_sizes_init, bootmem_init,
 * free_highpages, mem_init; mm/mm_init.c mem_init_print_info).
 *
 *   min_low_pfn                max_low_pfn                    max_pfn
 *   |  ZONE_NORMAL (lowmem)    |  ZONE_HIGHMEM                |
 *   +--------------------------+------------------------------+
 *   PHYS_OFFSET                arm_lowmem_limit               end of RAM
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/sections.h>
#include "mm.h"

#define K(pages) ((pages) << (PAGE_SHIFT - 10))

static void __init find_limits(unsigned long *min, unsigned long *max_low,
			       unsigned long *max_high)
{
	*max_low = PFN_DOWN(arm_lowmem_limit);
	*min = PFN_UP(memblock_start_of_DRAM());
	*max_high = PFN_DOWN(memblock_end_of_DRAM());
}

/**
 * bootmem_init - the zones and mem_map, at the end of paging_init
 *
 * Lowmem is ZONE_NORMAL, the rest ZONE_HIGHMEM. After it pfn_to_page()
 * works for every pfn of RAM.
 */
void __init bootmem_init(void)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES] = { 0 };
	unsigned long long t0 = local_clock_ns();

	find_limits(&min_low_pfn, &max_low_pfn, &max_pfn);
	max_zone_pfn[ZONE_NORMAL] = max_low_pfn;
	max_zone_pfn[ZONE_HIGHMEM] = max_pfn;
	free_area_init(max_zone_pfn);
	if (arch_timer_rate())	/* instructions, under QEMU -icount shift=0 */
		pr_info("bootmem_init: %llu ns\n", local_clock_ns() - t0);
}

/* Free memblock's HighMem ranges to the buddy allocator (Linux frees them a page at a time). */
static void __init free_highpages(void)
{
	free_memblock_ranges(max_low_pfn, max_pfn);
}

/* The "Memory: ...K/...K available (...)" line, with Linux's terms. */
static void __init mem_init_print_info(void)
{
	unsigned long physpages = NODE_DATA(0)->node_present_pages;
	unsigned long codesize = _etext - _stext, datasize = _edata - _sdata;
	unsigned long rosize = __end_rodata - __start_rodata;
	unsigned long initsize = __init_end - __init_begin, bss = __bss_stop - __bss_start;

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, "
		"%luK init, %luK bss, %luK reserved, %luK cma-reserved, %luK highmem)\n",
		K(nr_free_pages()), K(physpages), codesize >> 10, datasize >> 10, rosize >> 10,
		initsize >> 10, bss >> 10, K(physpages - totalram_pages()), 0UL,
		K(totalhigh_pages()));
}

/**
 * mem_init - memblock hands over to the buddy allocator
 *
 * After it, alloc_pages() is the allocator and memblock must not allocate.
 */
void __init mem_init(void)
{
	memblock_free_all();
	free_highpages();
	init_per_zone_wmark_min();
	mem_init_print_info();
}
