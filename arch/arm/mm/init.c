/*
 * arch/arm/mm/init.c - the ARM side of memblock, the zones and mem_init
 * (Linux: arch/arm/mm/init.c arm_memblock_init, find_limits,
 * zone_sizes_init, bootmem_init, free_highpages, mem_init, free_initmem;
 * mm/mm_init.c mem_init_print_info). Differences: free_initmem is left
 * out: Linux calls it from kernel_init once boot is over, and there is
 * no kernel_init here yet, so .init stays reserved. print_vmem_layout
 * prints the "Virtual kernel memory layout" block older Linux printed
 * from mem_init (start_kernel calls it).
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
#include <linux/highmem.h>
#include <linux/of_fdt.h>
#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/sections.h>
#include <libfdt.h>
#include "mm.h"

/**
 * arm_memblock_init - reserve what is in use before anything is allocated
 *
 * The kernel image from _stext (head.S's page directory separately: it lies
 * below), the DTB, the initrd, the DTB's memreserve entries and its
 * /reserved-memory nodes (no-map ones become NOMAP). Linux:
 * arch/arm/mm/init.c, drivers/of/fdt.c.
 */
void __init arm_memblock_init(void)
{
	const void *blob = initial_boot_params;

	memblock_reserve(__pa(_stext), _end - _stext);
	reserve_initrd_mem();
	memblock_reserve(__pa(swapper_pg_dir), PG_DIR_SIZE);
	memblock_reserve(__atags_pointer, fdt_totalsize(blob));
	early_init_fdt_scan_reserved_mem(blob);
	if (memblock_debug)
		memblock_dump_all();
}

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

/* Linux's "Virtual kernel memory layout" block (it printed it in mem_init). */
static void __init vmem_line(const char *name, unsigned long b, unsigned long t, bool mb)
{
	pr_notice("    %-7s : 0x%08lx - 0x%08lx   (%4lu %s)\n", name, b, t,
		  mb ? (t - b) >> 20 : DIV_ROUND_UP(t - b, SZ_1K), mb ? "MB" : "kB");
}

void __init print_vmem_layout(void)
{
	pr_notice("Virtual kernel memory layout:\n");
	vmem_line("vector", VECTORS_BASE, VECTORS_BASE + PAGE_SIZE, false);
	vmem_line("fixmap", FIXADDR_START, FIXADDR_END, false);
	vmem_line("vmalloc", VMALLOC_START, VMALLOC_END, true);
	vmem_line("lowmem", PAGE_OFFSET, (unsigned long)high_memory, true);
	vmem_line("pkmap", PKMAP_BASE, PAGE_OFFSET, true);
	vmem_line("modules", MODULES_VADDR, PKMAP_BASE, true);
	vmem_line("  .text", (unsigned long)_text, (unsigned long)_etext, false);
	vmem_line("  .init", (unsigned long)__init_begin, (unsigned long)__init_end, false);
	vmem_line("  .data", (unsigned long)_sdata, (unsigned long)_edata, false);
	vmem_line("   .bss", (unsigned long)__bss_start, (unsigned long)__bss_stop, false);
	/* armmm's own line: why .text is much bigger than the "kernel code" of
	 * the Memory: line (Linux's image has no such gap to explain). */
	pr_notice("    (.text: %luK of code from _stext at 0x%08lx; below it head.S and the gap "
		  "to the 1 MiB boundary map_lowmem's sections need)\n",
		  (unsigned long)(_etext - _stext) >> 10, (unsigned long)_stext);
}
