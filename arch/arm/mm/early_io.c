/*
 * arch/arm/mm/early_io.c - device mappings before there is an ioremap().
 * The console UART and the power-off registers are found in the DTB and
 * must be reachable before any allocator exists. Like Linux's static I/O
 * maps (iotable_init, debug_ll_io_init), a few fixed 1 MiB windows below
 * the DTB window hold them; a device keeps its virtual address for life:
 *
 *   0xff700000  slot 0  the DEBUG_LL UART's section (head.S maps it)
 *   0xff600000  slot 1
 *   0xff500000  slot 2
 *   0xff400000  slot 3
 *
 * Before paging_init a slot is one device section, mapped as Linux maps an
 * MT_DEVICE section (mem_types[], so build_mem_type_table must have run);
 * devicemaps_init clears the area and hands each page back to
 * iotable_init (early_io_pages()) to map again as a 4 KiB MT_DEVICE page
 * and a static vm area. After that, new pages are mapped as pages at
 * once, without a vm area: the only such user is the power-off path
 * (kernel/reboot.c), at the very end.
 */
#include <linux/kernel.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/cp15.h>
#include <asm/mach/map.h>
#include "mm.h"

#define EARLY_IO_SLOTS 4

static phys_addr_t slot_sect[EARLY_IO_SLOTS];   /* the section a slot holds */
static bool slot_used[EARLY_IO_SLOTS];
static bool slots_probed, paging_done;
static struct { phys_addr_t pa; unsigned long va; } io_pages[EARLY_IO_MAX_PAGES];
static int nr_io_pages;

static unsigned long slot_va(int i)
{
	return DEBUG_LL_VIRT_BASE - i * SECTION_SIZE;
}

/* Write an L1 section entry and make the table walker see it (ARMv7 ARM
 * B3.10.1: clean the entry to the point of unification, invalidate TLB). */
static void set_l1_section(unsigned long va, u32 desc)
{
	u32 *l1 = &((u32 *)swapper_pg_dir)[va >> SECTION_SHIFT];

	*l1 = desc;
	clean_table_entry(l1);
	local_flush_tlb_all();
}

/* The slot for pa's section: the one holding it, else a free one, else -1. */
static int find_slot(phys_addr_t sect)
{
	int i, free = -1;

	if (!slots_probed && __debug_ll_uart) {
		slot_sect[0] = __debug_ll_uart & SECTION_MASK;   /* head.S mapped it */
		slot_used[0] = true;
	}
	slots_probed = true;
	for (i = 0; i < EARLY_IO_SLOTS; i++) {
		if (slot_used[i] && slot_sect[i] == sect)
			return i;
		if (!slot_used[i] && free < 0)
			free = i;
	}
	return free;
}

void __iomem *early_io_map(phys_addr_t pa)
{
	phys_addr_t sect = pa & SECTION_MASK;
	unsigned long va;
	int i, slot;

	for (i = 0; i < nr_io_pages; i++)
		if (io_pages[i].pa == (pa & PAGE_MASK))
			return (void __iomem *)(io_pages[i].va + (pa & ~PAGE_MASK));
	slot = find_slot(sect);
	if (slot < 0 || nr_io_pages == EARLY_IO_MAX_PAGES)
		panic("early_io_map: no free slot for 0x%08x", pa);
	va = slot_va(slot) + (pa & ~SECTION_MASK);
	if (paging_done) {
		struct map_desc md = { va & PAGE_MASK, pa >> PAGE_SHIFT, PAGE_SIZE, MT_DEVICE };

		create_mapping(&md);
		local_flush_tlb_all();
	} else if (!slot_used[slot]) {
		set_l1_section(slot_va(slot), sect | mem_types[MT_DEVICE].prot_sect);
	}
	slot_used[slot] = true;
	slot_sect[slot] = sect;
	io_pages[nr_io_pages].pa = pa & PAGE_MASK;
	io_pages[nr_io_pages++].va = va & PAGE_MASK;
	return (void __iomem *)va;
}

int early_io_pages(struct map_desc *io, int max)
{
	int i, n = 0;

	if (__debug_ll_uart && max > 0)
		io[n++] = (struct map_desc){
			.virtual = DEBUG_LL_VIRT_BASE + (__debug_ll_uart & ~SECTION_MASK & PAGE_MASK),
			.pfn = __debug_ll_uart >> PAGE_SHIFT,
			.length = PAGE_SIZE,
			.type = MT_DEVICE,
		};
	for (i = 0; i < nr_io_pages && n < max; i++) {
		if (n && io[0].virtual == io_pages[i].va)
			continue;	/* the DEBUG_LL page again */
		io[n++] = (struct map_desc){
			.virtual = io_pages[i].va,
			.pfn = io_pages[i].pa >> PAGE_SHIFT,
			.length = PAGE_SIZE,
			.type = MT_DEVICE,
		};
	}
	paging_done = true;
	return n;
}
