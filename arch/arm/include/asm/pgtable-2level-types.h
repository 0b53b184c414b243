/*
 * asm/pgtable-2level-types.h - the types of page table entries.
 * Linux: arch/arm/include/asm/pgtable-2level-types.h.
 *
 * With CONFIG_STRICT_MM_TYPECHECKS each entry type is a struct, so a pte_t
 * cannot be mixed up with a pmd_t or a plain number without the compiler
 * complaining; without it they are plain u32 (what the hardware sees).
 * CI builds both (configs/strict_types.config). The kernel build passes
 * the configuration with -include generated/autoconf.h.
 */
#ifndef _ASM_PGTABLE_2LEVEL_TYPES_H
#define _ASM_PGTABLE_2LEVEL_TYPES_H

#include <linux/types.h>

typedef u32 pteval_t;
typedef u32 pmdval_t;

#ifdef CONFIG_STRICT_MM_TYPECHECKS
typedef struct { pteval_t pte; } pte_t;
typedef struct { pmdval_t pmd; } pmd_t;
typedef struct { pmdval_t pgd[2]; } pgd_t;      /* a pair of L1 entries: 2 MiB */
typedef struct { pteval_t pgprot; } pgprot_t;

#define pte_val(x)    ((x).pte)
#define pmd_val(x)    ((x).pmd)
#define pgd_val(x)    ((x).pgd[0])
#define pgprot_val(x) ((x).pgprot)
#define __pte(x)      ((pte_t) { (x) })
#define __pmd(x)      ((pmd_t) { (x) })
#define __pgprot(x)   ((pgprot_t) { (x) })
#else
typedef pteval_t pte_t;
typedef pmdval_t pmd_t;
typedef pmdval_t pgd_t[2];
typedef pteval_t pgprot_t;

#define pte_val(x)    (x)
#define pmd_val(x)    (x)
#define pgd_val(x)    ((x)[0])
#define pgprot_val(x) (x)
#define __pte(x)      (x)
#define __pmd(x)      (x)
#define __pgprot(x)   (x)
#endif

#endif
