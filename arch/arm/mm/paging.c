/*
 * arch/arm/mm/paging.c - from head.S's temporary sections to the kernel's
 * real page tables. Linux: arch/arm/mm/mmu.c (adjust_lowmem_bounds,
 * prepare_page_table, map_lowmem, devicemaps_init, paging_init) and
 * arch/arm/mm/init.c (arm_memblock_init).
 *
 * As in the user's notes, map_lowmem maps the three parts of lowmem itself
 * (Linux 6.1 moved the kernel part to map_kernel); the tables are the ones
 * 6.1 builds:
 *
 *   PHYS_OFFSET                 kernel_x_start = section of _text
 *   |  (nothing below: RAM starts here)
 *   +--------------------------+ kernel_x_start
 *   | kernel: head, text,      |  MT_MEMORY_RWX   (RW, executable)
 *   | rodata, init             |
 *   +--------------------------+ kernel_x_end = round_up(__pa(__init_end), 1 MiB)
 *   | data, bss, free lowmem   |  MT_MEMORY_RW    (RW, XN)
 *   +--------------------------+ arm_lowmem_limit (the rest is HighMem)
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/highmem.h>
#include <linux/of_fdt.h>
#include <asm/pgtable.h>
#include <asm/cp15.h>
#include <asm/mach/map.h>
#include <asm/io.h>
#include <asm/ptdump.h>
#include <asm/sections.h>
#include <libfdt.h>
#include "mm.h"

#define VMALLOC_DEFAULT_SIZE (240UL << 20)   /* Linux's default vmalloc area */
#define VMALLOC_MIN_SIZE     (16UL << 20)
#define LOWMEM_MIN_SIZE      (32UL << 20)

phys_addr_t arm_lowmem_limit __initdata;
void *high_memory;
unsigned long vmalloc_size = VMALLOC_DEFAULT_SIZE;

/* Which page-table snapshots to print (boot argument ptdump=phases). */
bool ptdump_phases;

/**
 * early_vmalloc - the vmalloc= boot argument: the size of the vmalloc area
 * @arg: a size, e.g. "256M"
 *
 * Moves the lowmem limit: lowmem ends VMALLOC_OFFSET below the area.
 * Clamped to [16 MiB, what leaves 32 MiB of lowmem], with Linux's warnings.
 */
int __init early_vmalloc(const char *arg)
{
	unsigned long size = (unsigned long)memparse(arg, NULL);
	unsigned long max = VMALLOC_END - (PAGE_OFFSET + LOWMEM_MIN_SIZE + VMALLOC_OFFSET);

	if (size < VMALLOC_MIN_SIZE) {
		size = VMALLOC_MIN_SIZE;
		pr_warn("vmalloc area is too small, limiting to %luMB\n", size >> 20);
	}
	if (size > max) {
		size = max;
		pr_warn("vmalloc area is too big, limiting to %luMB\n", size >> 20);
	}
	vmalloc_size = size;
	return 0;
}

/**
 * adjust_lowmem_bounds - where lowmem ends and HighMem starts
 *
 * Lowmem is what fits below VMALLOC_END - vmalloc_size - VMALLOC_OFFSET
 * (0xf0000000 by default) in the linear map. Sets arm_lowmem_limit,
 * high_memory, and memblock's allocation limit: rounded down to 2 MiB, so
 * that early_alloc() only hands out memory that map_lowmem has already
 * mapped by the time it needs a page table. Called twice, as in Linux:
 * before and after arm_memblock_init (memory may have been removed).
 */
void __init adjust_lowmem_bounds(void)
{
	u64 vmalloc_limit = (u64)VMALLOC_END - vmalloc_size - VMALLOC_OFFSET -
			    PAGE_OFFSET + PHYS_OFFSET;
	phys_addr_t block_start, block_end, lowmem_limit = 0, memblock_limit = 0;
	u64 i;

	/* The first bank must start on a pmd: mark a ragged start NOMAP. */
	for_each_mem_range(i, &block_start, &block_end) {
		if (!IS_ALIGNED(block_start, PMD_SIZE))
			memblock_mark_nomap(block_start,
					    ALIGN(block_start, PMD_SIZE) - block_start);
		break;
	}

	for_each_mem_range(i, &block_start, &block_end) {
		if (block_start >= vmalloc_limit)
			continue;
		if (block_end > lowmem_limit)
			lowmem_limit = (phys_addr_t)min((u64)block_end, vmalloc_limit);
		/* the first ragged start or end bounds early allocations */
		if (!memblock_limit) {
			if (!IS_ALIGNED(block_start, PMD_SIZE))
				memblock_limit = block_start;
			else if (!IS_ALIGNED(block_end, PMD_SIZE))
				memblock_limit = lowmem_limit;
		}
	}

	arm_lowmem_limit = lowmem_limit;
	high_memory = (char *)__va(arm_lowmem_limit - 1) + 1;
	if (!memblock_limit)
		memblock_limit = arm_lowmem_limit;
	memblock_set_current_limit(ALIGN_DOWN(memblock_limit, PMD_SIZE));
}

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

/*
 * prepare_page_table - clear what head.S mapped outside the kernel:
 * everything below PAGE_OFFSET (the identity map of __turn_mmu_on) and the
 * kernel space above the first memory bank, up to the vmalloc area.
 */
static void __init prepare_page_table(void)
{
	phys_addr_t end = memblock.memory.regions[0].base + memblock.memory.regions[0].size;
	unsigned long addr;

	for (addr = 0; addr < PAGE_OFFSET; addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));
	if (end >= arm_lowmem_limit)
		end = arm_lowmem_limit;
	for (addr = __phys_to_virt(end); addr < VMALLOC_START; addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));
}

/* One part of lowmem, [start, end), as type. */
static void __init map_lowmem_part(phys_addr_t start, phys_addr_t end, unsigned int type)
{
	struct map_desc map = {
		.pfn = start >> PAGE_SHIFT,
		.virtual = __phys_to_virt(start),
		.length = end - start,
		.type = type,
	};

	if (start < end)
		create_mapping(&map);
}

/*
 * map_lowmem - the linear map of every lowmem bank, in three parts around
 * the kernel (picture at the top of this file).
 */
static void __init map_lowmem(void)
{
	phys_addr_t kernel_x_start = ALIGN_DOWN(__pa(_text), SECTION_SIZE);
	phys_addr_t kernel_x_end = ALIGN(__pa(__init_end), SECTION_SIZE);
	phys_addr_t start, end;
	u64 i;

	for_each_mem_range(i, &start, &end) {
		if (end > arm_lowmem_limit)
			end = arm_lowmem_limit;
		if (start >= end)
			break;
		map_lowmem_part(start, min(end, kernel_x_start), MT_MEMORY_RW);
		map_lowmem_part(max(start, kernel_x_start), min(end, kernel_x_end), MT_MEMORY_RWX);
		map_lowmem_part(max(start, kernel_x_end), end, MT_MEMORY_RW);
	}
}

/*
 * The early device sections (arch/arm/mm/early_io.c) are cleared with the
 * rest of the vmalloc area; map each device page again, as 4 KiB MT_DEVICE
 * pages at the same virtual address (Linux: debug_ll_io_init).
 */
static void __init early_io_remap(void)
{
	struct map_desc io[EARLY_IO_MAX_PAGES];
	int n = early_io_pages(io, EARLY_IO_MAX_PAGES);

	iotable_init(io, n);
}

/*
 * devicemaps_init - everything above lowmem: the DTB read-only, the vectors
 * page at 0xffff0000 as a 4 KiB page (and the stubs page after it), the
 * early devices; then the TLB flush that makes all of paging_init visible.
 */
static void __init devicemaps_init(void)
{
	void *vectors = early_alloc(PAGE_SIZE * 2);
	struct map_desc map;
	unsigned long addr;

	early_trap_init_vectors(vectors);

	for (addr = VMALLOC_START; addr < (FIXADDR_TOP & PMD_MASK); addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));

	map.pfn = (__atags_pointer & SECTION_MASK) >> PAGE_SHIFT;
	map.virtual = FDT_FIXED_BASE;
	map.length = FDT_FIXED_SIZE;
	map.type = MT_MEMORY_RO;
	create_mapping(&map);

	map.pfn = __pa(vectors) >> PAGE_SHIFT;
	map.virtual = VECTORS_BASE;
	map.length = PAGE_SIZE;
	map.type = MT_HIGH_VECTORS;
	create_mapping(&map);

	map.pfn += 1;
	map.virtual = VECTORS_BASE + PAGE_SIZE;
	map.type = MT_LOW_VECTORS;
	create_mapping(&map);

	early_io_remap();
	local_flush_tlb_all();
	use_high_vectors();
}

static void __init ptdump_phase(const char *phase)
{
	if (!ptdump_phases)
		return;
	pr_info("ptdump: page tables %s:\n", phase);
	ptdump_printk();
}

/**
 * paging_init - set up the kernel's page tables
 *
 * From here memblock may allocate anything below arm_lowmem_limit; before
 * map_lowmem only what head.S mapped (the kernel) is reachable, so nothing
 * may be allocated before it.
 */
void __init paging_init(void)
{
	ptdump_phase("as head.S left them");
	prepare_page_table();
	ptdump_phase("after prepare_page_table");
	map_lowmem();
	memblock_set_current_limit(arm_lowmem_limit);
	ptdump_phase("after map_lowmem");
	devicemaps_init();
	ptdump_phase("after devicemaps_init");
	kmap_init();
	bootmem_init();
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
}
