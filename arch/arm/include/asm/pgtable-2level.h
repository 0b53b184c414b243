/*
 * asm/pgtable-2level.h - how Linux sees ARM's two-level tables.
 * Linux: arch/arm/include/asm/pgtable-2level.h (the essay there is the
 * classic explanation; this is ours).
 *
 * The hardware (ARMv7 short descriptors, asm/pgtable-hwdef.h) has 4096
 * level-1 entries of 1 MiB, and level-2 tables of 256 entries (1 KiB) for
 * 4 KiB pages. Linux wants two things the hardware lacks:
 *
 *  1. page tables that fill a whole 4 KiB page, and
 *  2. software bits in each PTE: present, young (accessed), dirty, ... —
 *     the hardware PTE has no spare bits for them.
 *
 * So Linux's "pgd" entry covers 2 MiB: a pair of hardware L1 entries, and
 * one 4 KiB page holds both the Linux view and the hardware view of those
 * 2 MiB:
 *
 *      pgd                  one PTE page (4 KiB)
 *   +--------+          +0x000 +-------------------------+
 *   | L1 [n] |--+              | Linux PTEs, 1st MiB     |  256 x u32, L_PTE_* bits
 *   +--------+  |       +0x400 +-------------------------+
 *   | L1[n+1]|--|--+           | Linux PTEs, 2nd MiB     |  256 x u32
 *   +--------+  |  |    +0x800 +-------------------------+
 *               +--|---------> | hardware PTEs, 1st MiB  |  256 x u32, PTE_* bits
 *                  |    +0xc00 +-------------------------+
 *                  +---------> | hardware PTEs, 2nd MiB  |  256 x u32
 *                              +-------------------------+
 *
 * A pte_t pointer always points into the Linux half; set_pte_ext() writes
 * the Linux PTE and derives the hardware PTE 2048 bytes further on
 * (arch/arm/mm/pte-v7.c). The L1 entries point at +0x800 and +0xc00
 * (pmd_populate). Sections need none of this: a 1 MiB section is one L1
 * entry, written straight into the pgd.
 */
#ifndef _ASM_PGTABLE_2LEVEL_H
#define _ASM_PGTABLE_2LEVEL_H

#include <linux/const.h>

#define PTRS_PER_PTE     512          /* Linux PTEs per PTE page (2 x 256) */
#define PTRS_PER_PMD     1            /* folded */
#define PTRS_PER_PGD     2048         /* 2 MiB each */
#define PTE_HWTABLE_PTRS (PTRS_PER_PTE)
#define PTE_HWTABLE_OFF  (PTE_HWTABLE_PTRS * 4)   /* 2048: Linux -> hardware half */
#define PTE_HWTABLE_SIZE (PTRS_PER_PTE * 4)

#define PMD_SHIFT        21           /* a Linux pgd/pmd entry maps 2 MiB */
#define PGDIR_SHIFT      21
#define PMD_SIZE         (UL(1) << PMD_SHIFT)
#define PMD_MASK         (~(PMD_SIZE - 1))
#define PGDIR_SIZE       (UL(1) << PGDIR_SHIFT)
#define PGDIR_MASK       (~(PGDIR_SIZE - 1))

/*
 * Linux PTE bits (software view; see pte-v7.c for how each one becomes
 * hardware bits).
 *
 *  31             12 11   10   9   8    7     6    5    2   1      0
 * +-----------------+----+---+--+----+------+-----+-------+-----+-------+
 * | PFN             |NONE|SHD|XN|USER|RDONLY|DIRTY| MT[3:0]|YOUNG|PRESENT|
 * +-----------------+----+---+--+----+------+-----+-------+-----+-------+
 */
#define L_PTE_VALID      (UL(1) << 0)    /* valid */
#define L_PTE_PRESENT    (UL(1) << 0)
#define L_PTE_YOUNG      (UL(1) << 1)    /* accessed; no hardware PTE while clear */
#define L_PTE_DIRTY      (UL(1) << 6)    /* written; read-only in hardware while clear */
#define L_PTE_RDONLY     (UL(1) << 7)
#define L_PTE_USER       (UL(1) << 8)
#define L_PTE_XN         (UL(1) << 9)
#define L_PTE_SHARED     (UL(1) << 10)   /* shareable (SMP) */
#define L_PTE_NONE       (UL(1) << 11)   /* PROT_NONE */

/* Memory types, bits 5:2. With TEX remap, MT[2:0] is the hardware
 * TEX[0]:C:B index (asm/cp15.h table); MT[3] only tells types apart. */
#define L_PTE_MT_SHIFT        2
#define L_PTE_MT_UNCACHED     (UL(0x00) << 2)   /* 0000 */
#define L_PTE_MT_BUFFERABLE   (UL(0x01) << 2)   /* 0001 */
#define L_PTE_MT_WRITETHROUGH (UL(0x02) << 2)   /* 0010 */
#define L_PTE_MT_WRITEBACK    (UL(0x03) << 2)   /* 0011 */
#define L_PTE_MT_MINICACHE    (UL(0x06) << 2)   /* 0110 */
#define L_PTE_MT_WRITEALLOC   (UL(0x07) << 2)   /* 0111 */
#define L_PTE_MT_DEV_SHARED   (UL(0x04) << 2)   /* 0100 */
#define L_PTE_MT_DEV_NONSHARED (UL(0x0c) << 2)  /* 1100 */
#define L_PTE_MT_DEV_WC       (UL(0x09) << 2)   /* 1001 */
#define L_PTE_MT_DEV_CACHED   (UL(0x0b) << 2)   /* 1011 */
#define L_PTE_MT_MASK         (UL(0x0f) << 2)

#endif
