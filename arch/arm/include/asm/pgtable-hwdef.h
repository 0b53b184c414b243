/*
 * asm/pgtable-hwdef.h - ARMv7 short-descriptor translation table formats.
 *
 * ARMv7-A/R ARM (DDI 0406C), B3.5 "Short-descriptor translation table
 * format". Only hardware bits live here; Linux's software PTE bits (L_PTE_*)
 * belong in pgtable.h. Prefixes say which table: PMD_ = level 1 entry,
 * PTE_ = hardware level 2 entry. Names as in Linux pgtable-2level-hwdef.h.
 * Usable from C and assembly (head.S builds sections from these).
 */
#ifndef _ASM_PGTABLE_HWDEF_H
#define _ASM_PGTABLE_HWDEF_H

#include <linux/const.h>

/*
 * Level 1 - section / page table (B3.5.1, figure B3-4)
 *
 *  31        20 19 18 17 16  15 14 12 11 10 9 8    5 4  3 2 1 0
 * +------------+--+--+--+--+---+-----+-----+-+------+--+-+-+---+
 * | PA[31:20]  |NS| 0|nG| S|APX| TEX | AP  |-|Domain|XN|C|B|1 x|  section (x: PXN)
 * +------------+--+--+--+--+---+-----+-----+-+------+--+-+-+---+
 *
 *  31                              10 9 8    5 4 3  2   1 0
 * +----------------------------------+-+------+-+--+---+---+
 * | level 2 table PA[31:10]          |-|Domain|0|NS|PXN|0 1|  page table
 * +----------------------------------+-+------+-+--+---+---+
 *
 *  bits 1:0 = 00: fault (translation fault on any access)
 */
#define PMD_TYPE_MASK        (UL(3) << 0)
#define PMD_TYPE_FAULT       (UL(0) << 0)    /* 00 */
#define PMD_TYPE_TABLE       (UL(1) << 0)    /* 01 */
#define PMD_TYPE_SECT        (UL(2) << 0)    /* 10 (11 = section with PXN) */
#define PMD_PXNTABLE         (UL(1) << 2)    /* table: privileged execute-never */
#define PMD_DOMAIN_SHIFT     5
#define PMD_DOMAIN_MASK      (UL(0xf) << PMD_DOMAIN_SHIFT)
#define PMD_DOMAIN(x)        ((x) << PMD_DOMAIN_SHIFT)
#define PMD_TABLE_MASK       UL(0xfffffc00)  /* table: L2 base PA[31:10] */

#define PMD_SECT_PXN         (UL(1) << 0)    /* section: privileged XN */
#define PMD_SECT_BUFFERABLE  (UL(1) << 2)    /* B */
#define PMD_SECT_CACHEABLE   (UL(1) << 3)    /* C */
#define PMD_SECT_XN          (UL(1) << 4)    /* execute never */
#define PMD_SECT_AP_WRITE    (UL(1) << 10)   /* AP[0] */
#define PMD_SECT_AP_READ     (UL(1) << 11)   /* AP[1] */
#define PMD_SECT_AP_SHIFT    10
#define PMD_SECT_TEX_SHIFT   12
#define PMD_SECT_TEX(x)      ((x) << PMD_SECT_TEX_SHIFT)
#define PMD_SECT_TEX_MASK    PMD_SECT_TEX(UL(7))
#define PMD_SECT_APX         (UL(1) << 15)   /* AP[2]: read-only */
#define PMD_SECT_S           (UL(1) << 16)   /* shareable */
#define PMD_SECT_nG          (UL(1) << 17)   /* not global (ASID tagged) */
#define PMD_SECT_SUPER       (UL(1) << 18)   /* 16 MiB supersection */
#define PMD_SECT_NS          (UL(1) << 19)   /* non-secure */
#define PMD_SECT_BASE_MASK   UL(0xfff00000)  /* section: PA[31:20] */
#define PMD_SECT_AF          UL(0)           /* no access flag (SCTLR.AFE=0) */

/* Section memory types as TEX[0]:C:B. With TEX remap on (SCTLR.TRE) the
 * three bits are an index into PRRR/NMRR (see cp15.h). */
#define PMD_SECT_UNCACHED    UL(0)                                      /* 000 */
#define PMD_SECT_BUFFERED    (PMD_SECT_BUFFERABLE)                      /* 001 */
#define PMD_SECT_WT          (PMD_SECT_CACHEABLE)                       /* 010 */
#define PMD_SECT_WB          (PMD_SECT_CACHEABLE | PMD_SECT_BUFFERABLE) /* 011 */
#define PMD_SECT_WBWA        (PMD_SECT_TEX(UL(1)) | PMD_SECT_WB)        /* 111 */
#define PMD_SECT_CACHE_MASK  (PMD_SECT_TEX(UL(1)) | PMD_SECT_WB)

/*
 * Level 2 - small page (B3.5.1, figure B3-5)
 *
 *  31               12 11 10  9  8  6 5  4 3 2 1 0
 * +-------------------+--+--+---+-----+----+-+-+-+--+
 * | PA[31:12]         |nG| S|APX| TEX | AP |C|B|1|XN|  small page (4 KiB)
 * +-------------------+--+--+---+-----+----+-+-+-+--+
 */
#define PTE_TYPE_MASK        (UL(3) << 0)
#define PTE_TYPE_FAULT       (UL(0) << 0)    /* 00 */
#define PTE_TYPE_LARGE       (UL(1) << 0)    /* 01: 64 KiB (unused) */
#define PTE_TYPE_SMALL       (UL(2) << 0)    /* 1x: 4 KiB, bit 0 = XN */
#define PTE_EXT_XN           (UL(1) << 0)    /* execute never */
#define PTE_BUFFERABLE       (UL(1) << 2)    /* B */
#define PTE_CACHEABLE        (UL(1) << 3)    /* C */
#define PTE_EXT_AP0          (UL(1) << 4)    /* AP[0] */
#define PTE_EXT_AP1          (UL(2) << 4)    /* AP[1] */
#define PTE_EXT_AP_SHIFT     4
#define PTE_EXT_TEX_SHIFT    6
#define PTE_EXT_TEX(x)       ((x) << PTE_EXT_TEX_SHIFT)
#define PTE_EXT_APX          (UL(1) << 9)    /* AP[2]: read-only */
#define PTE_EXT_SHARED       (UL(1) << 10)   /* S */
#define PTE_EXT_NG           (UL(1) << 11)   /* not global */
#define PTE_SMALL_BASE_MASK  UL(0xfffff000)

/* Table geometry (B3.5): 4096 L1 entries of 1 MiB, 256 L2 entries of 4 KiB. */
#define PTRS_PER_L1          4096
#define PTRS_PER_L2          256
#define L2_TABLE_SIZE        (PTRS_PER_L2 * 4)   /* 1 KiB */

#endif
