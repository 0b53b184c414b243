/*
 * asm/page.h - the 4 KiB page (Linux: arch/arm/include/asm/page.h).
 * Usable from C and from assembly.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <linux/const.h>

#define PAGE_SHIFT   12
#define PAGE_SIZE    (UL(1) << PAGE_SHIFT)          /* 4 KiB */
#define PAGE_MASK    (~(PAGE_SIZE - 1))

#define SECTION_SHIFT 20
#define SECTION_SIZE  (UL(1) << SECTION_SHIFT)      /* 1 MiB: one L1 entry */
#define SECTION_MASK  (~(SECTION_SIZE - 1))

#endif
