/*
 * arch/arm/include/asm/vdso.h - the vDSO's mappings (arch/arm/kernel/vdso.c).
 * Linux: arch/arm/include/asm/vdso.h.
 */
#ifndef _ASM_ARM_VDSO_H
#define _ASM_ARM_VDSO_H

struct mm_struct;

#ifdef CONFIG_VDSO
/* [vvar] + [vdso] pages, finding them on first use; 0 if the image is bad. */
unsigned int vdso_pages(void);
/* Map [vvar] at addr and [vdso] above it; sets mm->context.vdso. */
void arm_install_vdso(struct mm_struct *mm, unsigned long addr);
#else
static inline unsigned int vdso_pages(void) { return 0; }
static inline void arm_install_vdso(struct mm_struct *mm, unsigned long addr) { }
#endif

#endif
