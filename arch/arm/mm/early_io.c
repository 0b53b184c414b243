/*
 * arch/arm/mm/early_io.c - device sections before paging_init.
 * The console UART and the power-off registers are found in the DTB, and
 * must be reachable before the page allocator exists. Like Linux's
 * early_ioremap/fixmap, a few fixed virtual slots below the DTB window take
 * a 1 MiB device section each; the first slot is head.S's DEBUG_LL window.
 *
 *   0xff700000  slot 0  (head.S: DEBUG_LL UART section)
 *   0xff600000  slot 1
 *   0xff500000  slot 2
 *   0xff400000  slot 3
 */
#include <linux/kernel.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <asm/cp15.h>

#define EARLY_IO_SLOTS 4
/*
 * Linux mem_types[MT_DEVICE] section under TEX remap: shared device is
 * S=1, TEX[0]CB=100 (index 4, see cp15.h), never executable.
 */
#define PROT_SECT_DEVICE (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_AP_READ | \
			  PMD_SECT_XN | PMD_SECT_S | PMD_SECT_TEX(1) | \
			  PMD_DOMAIN(DOMAIN_IO))

extern u32 swapper_pg_dir[PTRS_PER_L1];

static unsigned long slot_va(int i)
{
	return DEBUG_LL_VIRT_BASE - i * SECTION_SIZE;
}

/* Write an L1 entry and make the table walker see it (ARMv7 ARM B3.10.1:
 * clean the entry to the point of unification, then invalidate the TLB). */
static void set_l1(unsigned long va, u32 desc)
{
	u32 *pgd = &swapper_pg_dir[va >> SECTION_SHIFT];

	*pgd = desc;
	__asm__ __volatile__("mcr p15, 0, %0, c7, c11, 1" : : "r" (pgd) : "memory"); /* DCCMVAU */
	local_flush_tlb_all();
}

void __iomem *early_io_map(phys_addr_t pa)
{
	int i;

	for (i = 0; i < EARLY_IO_SLOTS; i++) {
		u32 desc = swapper_pg_dir[slot_va(i) >> SECTION_SHIFT];

		if ((desc & PMD_TYPE_MASK) == PMD_TYPE_FAULT) {
			set_l1(slot_va(i), (pa & SECTION_MASK) | PROT_SECT_DEVICE);
			break;
		}
		if ((desc & PMD_SECT_BASE_MASK) == (pa & SECTION_MASK))
			break;	/* already mapped (head.S or an earlier call) */
	}
	if (i == EARLY_IO_SLOTS)
		panic("early_io_map: no free slot for 0x%08x", pa);
	return (void __iomem *)(slot_va(i) + (pa & ~SECTION_MASK));
}
