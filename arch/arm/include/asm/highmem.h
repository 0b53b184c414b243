/*
 * asm/highmem.h - the PKMAP window where kmap() maps HighMem pages.
 * Linux: arch/arm/include/asm/highmem.h.
 *
 *   0xbfe00000 = PKMAP_BASE                           PAGE_OFFSET 0xc0000000
 *   +-------+-------+-------+--     ...     --+-------+
 *   | nr 0  | nr 1  | nr 2  |                 |nr 511 |   LAST_PKMAP = 512 pages
 *   +-------+-------+-------+--     ...     --+-------+
 *   exactly one 2 MiB Linux pmd, so one split PTE page (pkmap_page_table,
 *   allocated by kmap_init) holds every slot's PTE: slot nr's Linux PTE is
 *   pkmap_page_table[nr].
 *
 * Cache notes (why flush_cache_kmaps does nothing here): Linux flushes the
 * caches before reusing PKMAP slots only when the data cache is VIVT. ARMv7
 * data caches behave as PIPT, so an old alias cannot hold stale lines.
 */
#ifndef _ASM_HIGHMEM_H
#define _ASM_HIGHMEM_H

#include <asm/memory.h>
#include <asm/pgtable.h>

#define LAST_PKMAP          PTRS_PER_PTE             /* 512 slots */
#define LAST_PKMAP_MASK     (LAST_PKMAP - 1)
#define PKMAP_NR(virt)      (((virt) - PKMAP_BASE) >> PAGE_SHIFT)
#define PKMAP_ADDR(nr)      (PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))

#define flush_cache_kmaps() do { } while (0)

/*
 * Linux defines ARCH_NEEDS_KMAP_HIGH_GET on ARM (unless SMP with v6 TLBs):
 * kmap_local_page() of a page that already has a PKMAP address borrows it
 * (kmap_high_get) instead of taking a fixmap slot.
 */
#define ARCH_NEEDS_KMAP_HIGH_GET

extern pte_t *pkmap_page_table;

_Static_assert(PKMAP_BASE % PMD_SIZE == 0 && PKMAP_BASE + LAST_PKMAP * PAGE_SIZE == PAGE_OFFSET,
	       "PKMAP is the one Linux pmd just below PAGE_OFFSET");

#endif
