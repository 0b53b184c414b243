/*
 * arch/arm/mm/init.c - the ARM side of memblock, the zones and mem_init
 * (Linux: arch/arm/mm/init.c arm_memblock_init, find_limits,
 * zone_sizes_init, bootmem_init, free_highpages, mem_init, the
 * STRICT_KERNEL_RWX part: section_perm, free_initmem, mark_rodata_ro;
 * mm/mm_init.c mem_init_print_info; mm/page_alloc.c free_reserved_area).
 * print_vmem_layout prints the "Virtual kernel memory layout" block older
 * Linux printed from mem_init (start_kernel calls it).
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
#include <asm/tlbflush.h>
#include <libfdt.h>
#include <asm/ptdump.h>
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

/*
 * ---- STRICT_KERNEL_RWX: the kernel image's permissions after boot --------
 *
 * map_lowmem maps [_text's section, __init_end) RW and executable: boot
 * code patches .pv_table and runs .init.text. Once boot is over, Linux
 * rewrites those section descriptors in two steps (kernel_init):
 *
 *   free_initmem()   pre-text and init (and rodata) NX, init freed
 *   mark_rodata_ro() text and rodata read-only (AP[2] = 1: APX + AP[0])
 *
 *   _text's section  _stext       __start_rodata  __init_begin  _sdata
 *   | pre-text: RW NX | text: ro x | rodata: ro NX | init: RW NX | data: RW NX
 *
 * Sections only (no 4 KiB split), so every boundary is a section boundary
 * (vmlinux.lds.S, RWX_ALIGN); set_section_perms refuses any other.
 */
#ifdef CONFIG_STRICT_KERNEL_RWX
struct section_perm {
	const char *name;
	unsigned long start, end;       /* section aligned */
	pmdval_t mask;                  /* the bits kept */
	pmdval_t prot;                  /* the bits set */
};

static const struct section_perm nx_perms[] = {
	{ "pre-text NX", PAGE_OFFSET, (unsigned long)_stext, ~PMD_SECT_XN, PMD_SECT_XN },
	{ "init NX", (unsigned long)__init_begin, (unsigned long)_sdata,
	  ~PMD_SECT_XN, PMD_SECT_XN },
	{ "rodata NX", (unsigned long)__start_rodata_section_aligned,
	  (unsigned long)__init_begin, ~PMD_SECT_XN, PMD_SECT_XN },
};

/* AP[2:0] = 101: privileged read-only, no user access (ARM ARM B3.7.1). */
static const struct section_perm ro_perms[] = {
	{ "text/rodata RO", (unsigned long)_stext, (unsigned long)__init_begin,
	  ~(PMD_SECT_APX | PMD_SECT_AP_READ | PMD_SECT_AP_WRITE),
	  PMD_SECT_APX | PMD_SECT_AP_WRITE },
};

/*
 * One section descriptor of swapper_pg_dir (Linux section_update). The
 * 2 MiB pgd entry holds two 1 MiB descriptors: bit 20 picks one. The TLB
 * may hold the old descriptor as one 1 MiB entry, so after the store (and
 * its clean, for a table walker that does not snoop the cache) it is
 * invalidated, on every CPU when the tables are shared (ARM ARM B3.10.1:
 * a changed translation needs TLB maintenance before it is relied on).
 */
static void section_update(unsigned long addr, pmdval_t mask, pmdval_t prot)
{
	pmd_t *pmd = pmd_off_k(addr) + ((addr & SECTION_SIZE) ? 1 : 0);

	*pmd = __pmd((pmd_val(*pmd) & mask) | prot);
	flush_pmd_entry(pmd);
	flush_tlb_kernel_range(addr, addr + SECTION_SIZE);
}

/* Linux set_section_perms (the "set" direction only: nothing undoes it here). */
static void set_section_perms(const struct section_perm *perms, size_t n)
{
	unsigned long addr;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!IS_ALIGNED(perms[i].start, SECTION_SIZE) ||
		    !IS_ALIGNED(perms[i].end, SECTION_SIZE)) {
			pr_err("BUG: %s section %lx-%lx not aligned to %lx\n", perms[i].name,
			       perms[i].start, perms[i].end, SECTION_SIZE);
			continue;
		}
		for (addr = perms[i].start; addr < perms[i].end; addr += SECTION_SIZE)
			section_update(addr, perms[i].mask, perms[i].prot);
	}
}

/*
 * mark_rodata_ro - text and rodata read-only, then the W+X check
 *
 * Linux runs the update under stop_machine and on every mm's copy of the
 * kernel entries (update_sections_early); one CPU and one page directory
 * here. From now on a write to text or rodata is a permission fault.
 */
void mark_rodata_ro(void)
{
	set_section_perms(ro_perms, ARRAY_SIZE(ro_perms));
	debug_checkwx();
	ptdump_phase("after mark_rodata_ro");   /* ptdump=phases */
}

/* The NX half, before init is freed (Linux fix_kernmem_perms). */
static void fix_kernmem_perms(void)
{
	set_section_perms(nx_perms, ARRAY_SIZE(nx_perms));
}
#else
void mark_rodata_ro(void) { }
static void fix_kernmem_perms(void) { }
#endif

/*
 * Fill init memory with an undefined instruction (Linux poison_init_mem):
 * a call into freed init code stops at once with "Internal error: Oops -
 * undefined instruction" instead of running whatever the page holds next.
 */
static void poison_init_mem(void *s, size_t count)
{
	const u32 v = 0xe7fddef0;
	u32 *p = s;

	/* 8 words a turn (12 instructions, not 32 of a word loop): the init
	 * area is ~1 MiB, and a word loop was a fifth of the boot */
	for (; count >= 32; count -= 32, p += 8) {
		p[0] = v; p[1] = v; p[2] = v; p[3] = v;
		p[4] = v; p[5] = v; p[6] = v; p[7] = v;
	}
	for (; count; count -= 4)
		*p++ = v;
}

/*
 * Linux free_reserved_area + free_reserved_page: each page of [start, end)
 * leaves PG_reserved and goes to the buddy allocator as an order-0 page,
 * counted as managed (so MemTotal and MemFree grow by the same amount).
 */
static unsigned long free_reserved_area(void *start, void *end, const char *s)
{
	unsigned long addr = ALIGN((unsigned long)start, PAGE_SIZE), pages = 0;

	for (; addr + PAGE_SIZE <= (unsigned long)end; addr += PAGE_SIZE, pages++) {
		struct page *page = virt_to_page((void *)addr);

		ClearPageReserved(page);
		set_page_count(page, 1);
		page_zone(page)->managed_pages++;
		__free_page(page);
	}
	if (pages && s)
		pr_info("Freeing %s memory: %luK\n", s, K(pages));
	return pages;
}

/**
 * free_initmem - give .init back once boot is over (Linux: arch/arm/mm/init.c)
 *
 * First the NX half of STRICT_KERNEL_RWX (Linux fix_kernmem_perms), so the
 * freed pages are never executable again; then the poison; then the pages.
 * Not __init: it frees its own caller's section otherwise.
 */
void free_initmem(void)
{
	fix_kernmem_perms();
	poison_init_mem(__init_begin, __init_end - __init_begin);
	free_reserved_area(__init_begin, __init_end, "unused kernel image (initmem)");
}
