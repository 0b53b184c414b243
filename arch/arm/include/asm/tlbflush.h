/*
 * asm/tlbflush.h - removing stale kernel translations from the TLB.
 * Linux: arch/arm/include/asm/tlbflush.h (local_flush_tlb_kernel_page,
 * __flush_tlb_kernel_page) and arch/arm/mm/tlb-v7.S
 * (v7wbi_flush_kern_tlb_range). Only the ARMv7 cases; local_flush_tlb_all
 * (TLBIALL) is in asm/cp15.h.
 *
 * Why a page needs an invalidate after its PTE is cleared: the MMU may have
 * cached the old translation, and keeps using it until told otherwise
 * (ARMv7 ARM B3.10.1 "General TLB maintenance requirements"). The order is
 *
 *   set_pte_ext(ptep, __pte(0), 0)   write the entry, DCCMVAU + DSB (pte-v7.c)
 *   TLBIMVA[IS] va                   drop any cached copy of va's translation
 *   DSB                              wait until the invalidate is complete
 *   ISB                              refetch: later instructions see the change
 *
 * Kernel mappings are global (nG = 0), so TLBIMVA matches them whatever the
 * current ASID is. With the SMP tables (head.S __detect_smp, __cpu_smp = 1)
 * the Inner Shareable form TLBIMVAIS is used, as Linux's ALT_SMP() picks it;
 * a CPU without the Multiprocessing Extensions (Cortex-A8) has only TLBIMVA.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <linux/types.h>
#include <asm/page.h>
#include <asm/cp15.h>

extern u32 __cpu_smp;          /* head.S __detect_smp: 1 = SMP tables */

#ifndef HOST_TEST
/* TLBIMVA (B4.2.2, c8 c7 1): invalidate va on this CPU. */
static inline void tlbimva(unsigned long va)
{
	__asm__ __volatile__("mcr p15, 0, %0, c8, c7, 1" : : "r" (va) : "memory");
}

/* TLBIMVAIS (c8 c3 1): invalidate va on every CPU of the Inner Shareable
 * domain (Multiprocessing Extensions only). */
static inline void tlbimvais(unsigned long va)
{
	__asm__ __volatile__("mcr p15, 0, %0, c8, c3, 1" : : "r" (va) : "memory");
}

/* TLBIASID (c8 c7 2) / TLBIASIDIS (c8 c3 2): every non-global entry of an ASID. */
static inline void tlbiasid(unsigned long asid)
{
	__asm__ __volatile__("mcr p15, 0, %0, c8, c7, 2" : : "r" (asid) : "memory");
}

static inline void tlbiasidis(unsigned long asid)
{
	__asm__ __volatile__("mcr p15, 0, %0, c8, c3, 2" : : "r" (asid) : "memory");
}

#define tlb_dsb(opt)  __asm__ __volatile__("dsb " #opt : : : "memory")
#define tlb_isb()     __asm__ __volatile__("isb" : : : "memory")
#else
/* Host tests: no TLB; a test may count the invalidates it expects. */
void host_tlb_invalidate(unsigned long va);
#define tlbimva(va)   host_tlb_invalidate(va)
#define tlbimvais(va) host_tlb_invalidate(va)
void host_tlb_invalidate_asid(unsigned long asid);
#define tlbiasid(a)   host_tlb_invalidate_asid(a)
#define tlbiasidis(a) host_tlb_invalidate_asid(a)
#define tlb_dsb(opt)  do { } while (0)
#define tlb_isb()     do { } while (0)
#endif

/**
 * local_flush_tlb_kernel_page - forget one kernel page's translation here
 * @kaddr: any address in the page
 *
 * Linux local_flush_tlb_kernel_page for ARMv7: DSB NSHST so the cleared
 * PTE is written before the invalidate, TLBIMVA, DSB NSH, ISB.
 */
static inline void local_flush_tlb_kernel_page(unsigned long kaddr)
{
	kaddr &= PAGE_MASK;
	tlb_dsb(nshst);
	tlbimva(kaddr);
	tlb_dsb(nsh);
	tlb_isb();
}

/**
 * flush_tlb_kernel_page - forget one kernel page's translation everywhere
 * @kaddr: any address in the page
 *
 * Linux __flush_tlb_kernel_page: the Inner Shareable form on SMP tables,
 * the local one otherwise (one CPU runs here either way).
 */
static inline void flush_tlb_kernel_page(unsigned long kaddr)
{
	if (!__cpu_smp) {
		local_flush_tlb_kernel_page(kaddr);
		return;
	}
	kaddr &= PAGE_MASK;
	tlb_dsb(ishst);
	tlbimvais(kaddr);
	tlb_dsb(ish);
	tlb_isb();
}

/**
 * flush_tlb_kernel_range - forget the translations of [start, end)
 * @start: first address (rounded down to its page)
 * @end: end, exclusive
 *
 * Linux v7wbi_flush_kern_tlb_range: one barrier before, one invalidate per
 * page (IS form on SMP tables), then DSB and ISB once.
 */
static inline void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long va;

	tlb_dsb(ish);
	for (va = start & PAGE_MASK; va < end; va += PAGE_SIZE) {
		if (__cpu_smp)
			tlbimvais(va);
		else
			tlbimva(va);
	}
	tlb_dsb(ish);
	tlb_isb();
}

/* ------------------------------------------------------------------------
 * User translations (Linux: tlbflush.h __flush_tlb_page, local_flush_tlb_mm,
 * tlb-v7.S v7wbi_flush_user_tlb_range). User PTEs are non-global (nG), so
 * the TLB tags them with the ASID they were loaded under: an invalidate by
 * MVA must carry that ASID in its low 8 bits (TLBIMVA's operand is
 * MVA[31:12] | ASID, ARMv7 ARM B4.2.2), and one mm's entries can be
 * dropped at once by ASID. The IS forms on SMP tables, as ALT_SMP picks.
 * ------------------------------------------------------------------------ */
struct vm_area_struct;
struct mm_struct;

#define ASID_BITS   8
#define ASID_MASK   ((~0ULL) << ASID_BITS)
/* The hardware ASID of an mm (Linux ASID(mm)): the low 8 bits of context.id. */
#define ASID(mm)    ((unsigned int)((mm)->context.id & ~ASID_MASK))

/* One user page of vma's mm: TLBIMVA[IS] (addr & PAGE_MASK) | ASID. */
void flush_tlb_page(struct vm_area_struct *vma, unsigned long uaddr);
/* Every page of [start, end) of vma's mm. */
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
/* Everything of mm: TLBIASID[IS]. */
void flush_tlb_mm(struct mm_struct *mm);
/* Linux's default: a spurious fault (a stale read-only or invalid entry). */
#define flush_tlb_fix_spurious_fault(vma, addr) flush_tlb_page(vma, addr)

#endif
