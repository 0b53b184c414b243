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
 */
#ifndef _ASM_PGALLOC_H
#define _ASM_PGALLOC_H

#include <linux/kernel.h>
#include <linux/gfp.h>
#include <asm/pgtable.h>
#include <asm/cacheflush.h>
#include <linux/mm.h>

/*
 * L1 bits of a kernel page-table entry (Linux _PAGE_KERNEL_TABLE). Linux
 * also sets PMD_BIT4, which ARMv7 defines as SBZ in a table descriptor
 * and which mem_types[] already drops on v6+; we leave it clear, so a
 * pmd made here reads the same as one create_mapping() made for
 * MT_MEMORY_RW.
 */
#define _PAGE_KERNEL_TABLE  (PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_KERNEL))

#define PGALLOC_GFP  (GFP_KERNEL | __GFP_ZERO)   /* Linux GFP_PGTABLE_KERNEL */

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
 * pte_alloc_populate - the Linux PTE for addr, giving an empty pmd a PTE page
 * @pmd: the pmd (first of the L1 pair) covering addr
 * @addr: a kernel virtual address
 * @prot: the L1 bits of the new table entry (domain, type)
 * @alloc: where a new PTE page comes from: memblock at boot (mmu.c's
 *         early_alloc), the page allocator after (pte_alloc_one_kernel)
 * @who: the caller, for the panic
 *
 * The one path that hooks a PTE page into a pmd (Linux: arm_pte_alloc in
 * arch/arm/mm/mmu.c and __pte_alloc_kernel in mm/memory.c do the same
 * with their own allocator). A new page needs no TLB flush: the L1 word
 * was a fault entry, and the ARMv7 TLB never holds faulting translations.
 * Return: NULL when alloc() fails. Panics if a 1 MiB section maps addr:
 * a page cannot go there.
 */
static inline pte_t *pte_alloc_populate(pmd_t *pmd, unsigned long addr, pmdval_t prot,
					pte_t *(*alloc)(void), const char *who)
{
	if (pmd_none(*pmd)) {
		pte_t *new = alloc();

		if (!new)
			return NULL;
		__pmd_populate(pmd, __pa(new), prot);
	}
	if (pmd_bad(*pmd))
		panic("%s: 0x%08lx is already mapped by a section (pmd 0x%08x)",
		      who, addr, pmd_val(*pmd));
	return pte_offset_kernel(pmd, addr);
}

/* The Linux PTE for addr, its PTE page from the page allocator if needed
 * (Linux's pte_alloc_kernel). Return: NULL when out of memory. */
static inline pte_t *pte_alloc_kernel(pmd_t *pmd, unsigned long addr)
{
	return pte_alloc_populate(pmd, addr, _PAGE_KERNEL_TABLE, pte_alloc_one_kernel,
				  "pte_alloc_kernel");
}

/* ------------------------------------------------------------------------
 * User PTE pages (Linux: arch/arm/include/asm/pgalloc.h pte_alloc_one,
 * pmd_populate, _PAGE_USER_TABLE; include/asm-generic/pgalloc.h).
 * ------------------------------------------------------------------------ */

/*
 * L1 bits of a user page-table entry (Linux _PAGE_USER_TABLE): the user
 * domain, which CPU_SW_DOMAIN_PAN keeps closed while the kernel runs (DACR,
 * asm/cp15.h), so a stray kernel access to user memory faults. PMD_BIT4 is
 * dropped as for _PAGE_KERNEL_TABLE (SBZ on ARMv7).
 */
#define _PAGE_USER_TABLE    (PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_USER))
/* GFP_PGTABLE_USER | __GFP_HIGHMEM (CONFIG_HIGHPTE); __GFP_ACCOUNT is memcg's. */
#define GFP_PGTABLE_USER    (GFP_KERNEL | __GFP_ZERO | __GFP_HIGHMEM)

struct mm_struct;
/* A zeroed user PTE page, maybe in HighMem, its hardware half cleaned
 * (arch/arm/mm/pgd.c). NULL when out of memory. */
struct page *pte_alloc_one(struct mm_struct *mm);
void pte_free(struct mm_struct *mm, struct page *pte_page);

/* Hook a user PTE page into both L1 words of pmdp (Linux pmd_populate). */
static inline void pmd_populate(struct mm_struct *mm, pmd_t *pmdp, struct page *pte_page)
{
	(void)mm;
	__pmd_populate(pmdp, page_to_phys(pte_page), _PAGE_USER_TABLE);
}

/* Empty a kernel PTE, both halves (Linux pte_clear on ARM). The caller
 * flushes the TLB (asm/tlbflush.h). */
static inline void pte_clear(pte_t *ptep)
{
	set_pte_ext(ptep, __pte(0), 0);
}

#endif
