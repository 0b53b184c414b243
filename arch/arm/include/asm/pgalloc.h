/*
 * asm/pgalloc.h - page tables for the kernel at run time.
 * Linux: arch/arm/include/asm/pgalloc.h (pte_alloc_one_kernel,
 * pmd_populate_kernel, _PAGE_KERNEL_TABLE), include/linux/mm.h and
 * mm/memory.c (pte_alloc_kernel, __pte_alloc_kernel).
 *
 * At boot, create_mapping() takes PTE pages from memblock (early_alloc in
 * arch/arm/mm/mmu.c). Once the buddy allocator runs, memblock is closed, and
 * vmalloc/ioremap take them from the page allocator instead. The page is
 * the same split PTE page either way (see pgtable-2level.h): the Linux
 * half at +0x000/+0x400, the hardware half at +0x800/+0xc00, and both L1
 * words of the 2 MiB pmd pointing at the hardware half.
 *
 * Also here, because Linux's asm/pgtable.h is not ours to change:
 * PAGE_KERNEL, the protection vmalloc and kmap map with. Linux builds it
 * as pgprot_kernel | L_PTE_XN in build_mem_type_table; that is exactly
 * mem_types[MT_MEMORY_RW].prot_pte (arch/arm/mm/mmu.c).
 */
#ifndef _ASM_PGALLOC_H
#define _ASM_PGALLOC_H

#include <linux/kernel.h>
#include <linux/gfp.h>
#include <asm/pgtable.h>
#include <asm/cp15.h>
#include <asm/mach/map.h>
#include "../../mm/mm.h"   /* mem_types[] (Linux: pgprot_kernel in mmu.c) */

#define PAGE_KERNEL  __pgprot(mem_types[MT_MEMORY_RW].prot_pte)

/*
 * L1 bits of a kernel page-table entry (Linux _PAGE_KERNEL_TABLE). Linux
 * also sets PMD_BIT4, which ARMv7 defines as SBZ in a table descriptor
 * and which mem_types[] already drops on v6+; we leave it clear, so a
 * pmd made here reads the same as one create_mapping() made for
 * MT_MEMORY_RW.
 */
#define _PAGE_KERNEL_TABLE  (PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_KERNEL))

#define PGALLOC_GFP  (GFP_KERNEL | __GFP_ZERO)   /* Linux GFP_PGTABLE_KERNEL */

/* CTR (B4.1.42) DminLine, bits 19:16: log2 of the smallest D-cache line in words. */
#define CTR_DMINLINE_SHIFT 16
#define CTR_DMINLINE_MASK  0xfu

/*
 * Clean [addr, addr + size) to the point of unification, one cache line at
 * a time, then DSB, so the table walker reads what was written (Linux
 * clean_dcache_area / cpu_v7_dcache_clean_area).
 */
static inline void clean_dcache_area(void *addr, size_t size)
{
#ifndef HOST_TEST
	unsigned long line = 4UL << ((read_ctr() >> CTR_DMINLINE_SHIFT) & CTR_DMINLINE_MASK);
	unsigned long p = (unsigned long)addr & ~(line - 1);

	for (; p < (unsigned long)addr + size; p += line)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c11, 1" : : "r" (p) : "memory");
	__asm__ __volatile__("dsb" : : : "memory");
#else
	(void)addr, (void)size;
#endif
}

/**
 * pte_alloc_one_kernel - a zeroed PTE page from the buddy allocator
 *
 * Return: its Linux half (offset 0), or NULL when out of memory. The
 * hardware half is cleaned for the table walker (Linux clean_pte_table),
 * because zeroing went through the cache.
 */
static inline pte_t *pte_alloc_one_kernel(void)
{
	pte_t *pte = (pte_t *)__get_free_page(PGALLOC_GFP);

	if (pte)
		clean_dcache_area(pte_hw(pte), PTE_HWTABLE_SIZE);
	return pte;
}

static inline void pte_free_kernel(pte_t *pte)
{
	free_page((unsigned long)pte);
}

/* Hook a kernel PTE page into both L1 words of pmdp (Linux pmd_populate_kernel). */
static inline void pmd_populate_kernel(pmd_t *pmdp, pte_t *ptep)
{
	__pmd_populate(pmdp, __pa(ptep), _PAGE_KERNEL_TABLE);
}

/**
 * pte_alloc_kernel - the Linux PTE for addr, allocating its PTE page if needed
 * @pmd: the pmd (first of the L1 pair) covering addr
 * @addr: a kernel virtual address
 *
 * Linux's pte_alloc_kernel macro and __pte_alloc_kernel in one. A new
 * page needs no TLB flush: the L1 word was a fault entry, and the ARMv7
 * TLB never holds faulting translations. Return: NULL when out of
 * memory. Panics if a 1 MiB section maps addr: a page cannot go there.
 */
static inline pte_t *pte_alloc_kernel(pmd_t *pmd, unsigned long addr)
{
	if (pmd_none(*pmd)) {
		pte_t *new = pte_alloc_one_kernel();

		if (!new)
			return NULL;
		pmd_populate_kernel(pmd, new);
	}
	if (pmd_bad(*pmd))
		panic("pte_alloc_kernel: 0x%08lx is mapped by a section (pmd 0x%08x)",
		      addr, pmd_val(*pmd));
	return pte_offset_kernel(pmd, addr);
}

/* Empty a kernel PTE, both halves (Linux pte_clear on ARM). The caller
 * flushes the TLB (asm/tlbflush.h). */
static inline void pte_clear(pte_t *ptep)
{
	set_pte_ext(ptep, __pte(0), 0);
}

#endif
