/*
 * arch/arm/mm/pte-v7.c - set_pte_ext for ARMv7: from Linux PTE to hardware
 * PTE. Linux: cpu_v7_set_pte_ext in arch/arm/mm/proc-v7-2level.S (assembly
 * there; C here so the host tests run the very same rules).
 *
 *   Linux PTE bit(s)          hardware small-page PTE
 *   ---------------------     -------------------------------------------
 *   PFN [31:12]               PA [31:12]
 *   MT[1:0] (bits 3:2)        C, B   (bits 3:2, kept in place)
 *   MT[2]   (bit 4)           TEX[0] (bit 6)    => TEX remap index MT[2:0]
 *   SHARED  (bit 10)          S      (bit 10, kept in place)
 *   NONE    (bit 11)          (none: a NONE PTE is written as 0, below)
 *   always                    AP[0] = 1, type = small page
 *   RDONLY, or !DIRTY         APX = 1 (read-only: a write faults, so Linux
 *                             can mark the page dirty then)
 *   USER                      AP[1] = 1 (user access)
 *   XN                        XN
 *   !YOUNG or !PRESENT or NONE  the whole hardware PTE is 0 (faults, so
 *                             Linux learns about the access)
 *   ext                       ORed in (e.g. PTE_EXT_NG)
 */
#include <asm/pgtable.h>
#include "mm.h"

/* Linux PTE bits 9:4 (XN, USER, RDONLY, DIRTY, MT[3:2]) and the type
 * field do not survive into the hardware PTE. */
#define LINUX_ONLY_BITS (UL(0x3f0) | PTE_TYPE_MASK)
#define MT_BIT_TEX0     (UL(1) << 4)

u32 pte_v7_hw(pteval_t v, unsigned int ext)
{
	u32 hw = (v & ~LINUX_ONLY_BITS) | ext | PTE_EXT_AP0 | PTE_TYPE_SMALL;

	if (v & MT_BIT_TEX0)
		hw |= PTE_EXT_TEX(1);
	if ((v & L_PTE_RDONLY) || !(v & L_PTE_DIRTY))
		hw |= PTE_EXT_APX;
	if (v & L_PTE_USER)
		hw |= PTE_EXT_AP1;
	if (v & L_PTE_XN)
		hw |= PTE_EXT_XN;
	if (!(v & L_PTE_YOUNG) || !(v & L_PTE_VALID) || (v & L_PTE_NONE))
		hw = 0;
	return hw;
}

/**
 * set_pte_ext - write a kernel PTE
 * @ptep: the Linux PTE, in the first half of a PTE page
 * @pte: its new value (L_PTE_* bits)
 * @ext: hardware-only bits to add (PTE_EXT_NG)
 *
 * Writes the Linux PTE, then the hardware PTE 2048 bytes further on. As
 * Linux's cpu_v7_set_pte_ext: on SMP nothing more, because the table
 * walker reads through the (coherent) data cache; on a uniprocessor the
 * walker may not, so the hardware word is cleaned to the point of
 * coherency (DCCMVAC). No barrier: the caller's TLB flush starts with a
 * DSB, and a new mapping that needs no flush ends with flush_cache_vmap
 * (asm/cacheflush.h). The caller invalidates the TLB if an old valid
 * entry may be cached.
 */
void set_pte_ext(pte_t *ptep, pte_t pte, unsigned int ext)
{
	u32 *hw = pte_hw(ptep);

	*ptep = pte;
	*hw = pte_v7_hw(pte_val(pte), ext);
#ifndef HOST_TEST
	if (!__cpu_smp)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c10, 1" : : "r" (hw) : "memory");
#endif
}
