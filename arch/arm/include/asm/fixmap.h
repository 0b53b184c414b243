/*
 * asm/fixmap.h - fixed virtual addresses chosen at compile time.
 * Linux: arch/arm/include/asm/fixmap.h and include/asm-generic/fixmap.h.
 *
 * Index 0 is the top page, FIXADDR_TOP; index i lies i pages below it:
 *
 *   0xffc80000 FIXADDR_START                     FIXADDR_TOP 0xffeff000
 *   |                          ...  | KMAP 15 | ... | KMAP 0 | EARLYCON |
 *                            0xffeef000       0xffefe000  0xffeff000
 *
 * The kmap_local_page() slots are FIX_KMAP_BEGIN .. FIX_KMAP_END,
 * KM_MAX_IDX per CPU (one CPU here): a stack, slot 0 first. All of them
 * lie in the 2 MiB pmd at 0xffe00000, which also holds the vectors page
 * at 0xffff0000, so they share its PTE page (see kmap_init).
 * FIX_EARLYCON_MEM_BASE and FIX_TEXT_POKE* are kept only so the slots
 * sit at Linux's addresses; nothing maps them here.
 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include <asm/page.h>
#include <asm/pgtable-2level.h>

/* The fixmap area (asm/memory.h draws the whole map). */
#define FIXADDR_START   0xffc80000UL
#define FIXADDR_END     0xfff00000UL
#define FIXADDR_TOP     (FIXADDR_END - PAGE_SIZE)

#define KM_MAX_IDX      16   /* kmap_local nesting depth (asm-generic/kmap_size.h) */
#ifndef NR_CPUS
#define NR_CPUS         1
#endif

enum fixed_addresses {
	FIX_EARLYCON_MEM_BASE,
	__end_of_permanent_fixed_addresses,
	FIX_KMAP_BEGIN = __end_of_permanent_fixed_addresses,
	FIX_KMAP_END = FIX_KMAP_BEGIN + (KM_MAX_IDX * NR_CPUS) - 1,
	FIX_TEXT_POKE0,
	FIX_TEXT_POKE1,
	__end_of_fixmap_region,
};

#define __fix_to_virt(x)  (FIXADDR_TOP - ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(x)  ((FIXADDR_TOP - ((x) & PAGE_MASK)) >> PAGE_SHIFT)

_Static_assert(__fix_to_virt(__end_of_fixmap_region) > FIXADDR_START,
	       "every fixmap slot lies above FIXADDR_START");
_Static_assert((__fix_to_virt(FIX_KMAP_END) & PMD_MASK) == (__fix_to_virt(FIX_KMAP_BEGIN) & PMD_MASK),
	       "the kmap_local slots share one PTE page");

#endif
