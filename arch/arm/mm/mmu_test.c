/*
 * arch/arm/mm/mmu_test.c - self-tests of the tables paging_init built.
 */
#include <linux/ktest.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <asm/cp15.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/vtop.h>
#include "mm.h"

#define TEST_PATTERN 0x5aa5c33cu

/*
 * The small-page descriptor (ARM ARM B3.5.1, Figure B3-4), written from the
 * manual rather than from pgtable-hwdef.h, so an expected word here does
 * not share a mistake with set_pte_ext:
 *
 *   31         12  11  10   9   8   6  5     4  3  2  1  0
 *  |  PA[31:12]  |nG | S |AP2 | TEX | AP[1:0]| C| B| 1|XN|
 */
#define SMALL_PAGE(pa, ng, s, ap2, tex, ap10, c, b, xn)                         \
	((u32)(pa) | (ng) << 11 | (s) << 10 | (ap2) << 9 | (tex) << 6 |          \
	 (ap10) << 4 | (c) << 3 | (b) << 2 | 1u << 1 | (xn))

/* Write a pattern to a word, read it back, restore the old value. */
static bool word_rw_ok(volatile u32 *p)
{
	u32 old = *p, back;

	*p = TEST_PATTERN;
	back = *p;
	*p = old;
	return back == TEST_PATTERN;
}

/*
 *   lowmem:  | MiB 0 | MiB 1 | ... | MiB n-1 |      (every mapped bank)
 *              ^first word and ^last word of each
 * Expect every first and last word of every lowmem MiB readable and
 * writable through __va(), and vtop to agree with __pa().
 */
static void lowmem_every_mib_rw(struct ktest *t)
{
	phys_addr_t start, end, pa;
	int bad_rw = 0, bad_pa = 0, mibs = 0;
	u64 i;

	for_each_mem_range(i, &start, &end) {
		end = min(end, arm_lowmem_limit);
		for (pa = start; pa < end; pa += SECTION_SIZE, mibs++) {
			u32 *first = __va(pa);
			u32 *last = __va(min(pa + SECTION_SIZE, end) - 4);
			struct vtop_result r;

			bad_rw += !word_rw_ok(first) + !word_rw_ok(last);
			vtop_walk((unsigned long)last, &r);
			bad_pa += r.pa != __pa(last);
		}
	}
	printk("    # %s: %d MiB checked\n", t->name, mibs);
	KTEST_EXPECT_TRUE(t, mibs > 0);
	KTEST_EXPECT_EQ(t, bad_rw, 0);
	KTEST_EXPECT_EQ(t, bad_pa, 0);
}

/* Kernel text is executable; data, free lowmem, the DTB are not. */
static void kernel_text_x_data_nx(struct ktest *t)
{
	struct vtop_result r;

	vtop_walk((unsigned long)_stext, &r);
	KTEST_EXPECT_TRUE(t, r.kind != VTOP_FAULT && r.executable);
	vtop_walk((unsigned long)_sdata, &r);
	KTEST_EXPECT_TRUE(t, r.kind != VTOP_FAULT && !r.executable && r.writable);
	vtop_walk((unsigned long)high_memory - 4, &r);
	KTEST_EXPECT_TRUE(t, r.kind != VTOP_FAULT && !r.executable && r.writable);
	vtop_walk(FDT_FIXED_BASE, &r);
	KTEST_EXPECT_TRUE(t, r.kind == VTOP_SECTION && !r.executable && !r.writable);
}

/*
 * The vectors page is one 4 KiB page through a split PTE page whose L1
 * words point at +0x800 and +0xc00. Its hardware PTE, from the ARM ARM:
 * user and kernel read-only (AP[2:0] = 111), executable, global; Linux's
 * cache policy (build_mem_type_table): on SMP write-back write-allocate
 * (TEX remap index 7 = TEX[0]:C:B 1:1:1) and shareable, on UP write-back
 * (index 3 = 0:1:1), not shareable. At the physical page the Linux PTE
 * names, which the MMU itself (ATS1CPR) reaches.
 */
static void vectors_page_split_pte(struct ktest *t)
{
	struct vtop_result r;
	pmd_t *pmd = pmd_off_k(VECTORS_BASE);
	phys_addr_t page = __pa(pte_offset_kernel(pmd, 0)), pa;
	u32 par = ats1cpr(VECTORS_BASE);

	KTEST_EXPECT_EQ(t, vtop_walk(VECTORS_BASE, &r), VTOP_PAGE);
	KTEST_EXPECT_TRUE(t, r.executable && !r.writable);
	KTEST_EXPECT_EQ(t, pmd_val(pmd[0]) & PMD_TABLE_MASK, page + PTE_HWTABLE_OFF);
	KTEST_EXPECT_EQ(t, pmd_val(pmd[1]) & PMD_TABLE_MASK, page + PTE_HWTABLE_OFF + L2_TABLE_SIZE);
	pa = pte_val(*r.linux_pte) & PAGE_MASK;
	KTEST_EXPECT_EQ(t, r.hw_pte, __cpu_smp ? SMALL_PAGE(pa, 0, 1, 1, 1, 3, 1, 1, 0)
					       : SMALL_PAGE(pa, 0, 0, 1, 0, 3, 1, 1, 0));
	KTEST_EXPECT_EQ(t, par & PAR_F, 0);
	KTEST_EXPECT_EQ(t, par & PAR_PA_MASK, pa);
}

/* head.S's identity map of __turn_mmu_on is gone after paging_init. */
static void identity_map_removed(struct ktest *t)
{
	struct vtop_result r;

	KTEST_EXPECT_EQ(t, vtop_walk(__pa(_stext), &r), VTOP_FAULT);
}

static struct ktest_case mmu_cases[] = {
	KTEST_CASE(lowmem_every_mib_rw),
	KTEST_CASE(kernel_text_x_data_nx),
	KTEST_CASE(vectors_page_split_pte),
	KTEST_CASE(identity_map_removed),
	{}
};
KTEST_SUITE(mmu_lowmem, mmu_cases, NULL);
