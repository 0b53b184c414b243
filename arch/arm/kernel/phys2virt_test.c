/*
 * arch/arm/kernel/phys2virt_test.c - self-tests of the boot path:
 * the patched phys/virt stubs, and the page directory head.S built.
 */
#include <linux/ktest.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/phys2virt.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgd-decode.h>
#include <asm/setup.h>

extern const s32 __pv_table_begin[], __pv_table_end[];
extern char _text[], _end[], __turn_mmu_on[];

/*
 * Where the kernel really runs, from the MMU itself (ATS1CPR): the physical
 * address of va, or ~0 if the hardware finds no mapping. Nothing here reads
 * __pv_offset or __pv_phys_pfn_offset, so what head.S computed from its run
 * address and patched in is checked against an independent oracle.
 */
static phys_addr_t mmu_pa(unsigned long va)
{
	u32 par = ats1cpr(va);

	if (par & PAR_F)
		return ~(phys_addr_t)0;
	return (par & PAR_PA_MASK) | (va & ~PAR_PA_MASK);
}

/* PHYS_OFFSET - PAGE_OFFSET as the hardware sees it: _text's PA minus its VA. */
static u32 mmu_pv_offset(void)
{
	return (u32)(mmu_pa((unsigned long)_text) - (unsigned long)_text);
}

/*
 * Every instruction .pv_table lists holds the byte of PHYS_OFFSET -
 * PAGE_OFFSET its rotation selects: ROR #8 -> bits 31:24, ROR #16 -> bits
 * 23:16, the offset taken from the MMU, not from __pv_offset. Expect: at
 * least one stub pair, every immediate equal to that byte, and nothing in
 * the offset's low 16 bits (which no stub could carry).
 */
static void pv_table_immediates(struct ktest *t)
{
	u32 hw = mmu_pv_offset();
	const s32 *e;

	KTEST_EXPECT_TRUE(t, __pv_table_end - __pv_table_begin >= 2);
	KTEST_EXPECT_EQ(t, hw & 0xffff, 0);
	for (e = __pv_table_begin; e < __pv_table_end; e++) {
		u32 insn = *(const u32 *)((uintptr_t)e + *e);
		u32 rot = (insn & PV_INSN_ROT_MASK) >> PV_INSN_ROT_SHIFT;
		u32 want = rot == PV_ROT_BITS_31_24 ? (hw & 0xff000000) : (hw & 0x00ff0000);

		KTEST_EXPECT_TRUE(t, rot == PV_ROT_BITS_31_24 || rot == PV_ROT_BITS_23_16);
		KTEST_EXPECT_EQ(t, pv_insn_imm(insn), want);
	}
}

/*
 * The run address: __pa() of the first and last byte of the image equals
 * the MMU's translation, PHYS_OFFSET is _text's PA less TEXT_OFFSET and
 * 2 MiB aligned. Expect all equal.
 */
static void pa_matches_run_address(struct ktest *t)
{
	unsigned long last = (unsigned long)_end - 1;

	KTEST_EXPECT_EQ(t, __pa(_text), mmu_pa((unsigned long)_text));
	KTEST_EXPECT_EQ(t, __pa(last), mmu_pa(last));
	KTEST_EXPECT_EQ(t, PHYS_OFFSET, mmu_pa((unsigned long)_text) - TEXT_OFFSET);
	KTEST_EXPECT_EQ(t, PHYS_OFFSET % PHYS_OFFSET_ALIGN, 0);
}

/*
 * The DTB: PHYS_OFFSET and the whole image [__pa(_text), __pa(_end)) lie
 * in one /memory bank the DTB describes. Expect one such bank.
 */
static void image_in_dtb_memory(struct ktest *t)
{
	struct of_mem_range r[8];
	int n = of_memory_ranges(initial_boot_params, r, 8), i, found = 0;
	u64 lo = PHYS_OFFSET, hi = (u64)__pa((unsigned long)_end - 1) + 1;

	for (i = 0; i < n; i++)
		found += r[i].base <= lo && hi <= r[i].base + r[i].size;
	KTEST_EXPECT_EQ(t, found, 1);
}

/*
 * __pa(__va(x)) == x for every page of every RAM bank the kernel uses
 * (memblock.memory: the DTB's banks less those it ignored, such as
 * U-Boot's 4-byte one), __va() equal to the arithmetic it stands for with
 * the MMU's offset, and for each lowmem MiB the MMU translating __va(x)
 * back to x. Expect no mismatch.
 */
static void pa_va_roundtrip_all_ram(struct ktest *t)
{
	phys_addr_t start, end;
	u32 hw = mmu_pv_offset();
	int bad = 0, banks = 0;
	u64 i, x;

	for_each_mem_range(i, &start, &end) {
		banks++;
		for (x = start; x < end; x += PAGE_SIZE) {
			phys_addr_t pa = (phys_addr_t)x;
			unsigned long va = (unsigned long)__va(pa);

			bad += va != pa - hw;
			bad += __pa(va) != pa;
			bad += __pa(va + PAGE_SIZE - 1) != pa + PAGE_SIZE - 1;
			if (va >= PAGE_OFFSET && va < (unsigned long)high_memory &&
			    !(pa & ~SECTION_MASK))
				bad += mmu_pa(va) != pa;
		}
		printk("    # %s: bank 0x%08x-0x%08x checked\n", t->name, start, end - 1);
	}
	KTEST_EXPECT_TRUE(t, banks > 0);
	KTEST_EXPECT_EQ(t, bad, 0);
}

/* head.S's entry for va, from the snapshot setup_arch took (0 if none). */
static u32 section_entry(unsigned long va)
{
	int i;

	for (i = 0; i < head_pgd_count; i++)
		if (head_pgd[i].index == va >> SECTION_SHIFT)
			return head_pgd[i].desc;
	return 0;
}

/*
 * head.S's sections: the kernel image PAGE_OFFSET.._end at PHYS_OFFSET, the
 * identity map of __turn_mmu_on, the DTB's two sections at FDT_FIXED_BASE.
 * Expect each to be a section with the right PA, kernel RW cacheable.
 */
static void head_sections(struct ktest *t)
{
	unsigned long va;
	phys_addr_t idmap = __pa(__turn_mmu_on) & SECTION_MASK;
	struct l1_desc_info d;

	for (va = PAGE_OFFSET; va < (unsigned long)_end; va += SECTION_SIZE) {
		l1_desc_decode(section_entry(va), &d);
		KTEST_EXPECT_EQ(t, d.type, PMD_TYPE_SECT);
		KTEST_EXPECT_EQ(t, d.pa, __pa(va));
		KTEST_EXPECT_EQ(t, d.ap, 3);		/* RW */
	}
	l1_desc_decode(section_entry(idmap), &d);
	KTEST_EXPECT_EQ(t, d.pa, idmap);
	l1_desc_decode(section_entry(FDT_FIXED_BASE), &d);
	KTEST_EXPECT_EQ(t, d.pa, __atags_pointer & SECTION_MASK);
	l1_desc_decode(section_entry(FDT_FIXED_BASE + SECTION_SIZE), &d);
	KTEST_EXPECT_EQ(t, d.pa, (__atags_pointer & SECTION_MASK) + SECTION_SIZE);
}

static struct ktest_case phys2virt_cases[] = {
	KTEST_CASE(pv_table_immediates),
	KTEST_CASE(pa_matches_run_address),
	KTEST_CASE(image_in_dtb_memory),
	KTEST_CASE(pa_va_roundtrip_all_ram),
	KTEST_CASE(head_sections),
	{}
};
KTEST_SUITE(phys2virt, phys2virt_cases, NULL);
