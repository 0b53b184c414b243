/*
 * asm/domain.h - the DACR values that open and close user space to the
 * kernel (Linux: arch/arm/include/asm/domain.h, CONFIG_CPU_SW_DOMAIN_PAN).
 *
 * ARMv7 has no hardware PAN; Linux emulates it with domains (ARM ARM
 * B3.12.3): every user page table hangs off a first-level entry of
 * DOMAIN_USER (_PAGE_USER_TABLE), and while the kernel runs DACR gives
 * that domain "no access", so a stray kernel load from a user pointer is a
 * domain fault instead of a silent read. uaccess (asm/uaccess.h) turns it
 * to "client" for the few instructions that are meant to touch user memory;
 * the return to user mode (entry-common.S restore_user_regs) opens it too,
 * since user code itself needs its pages; every entry from user mode
 * closes it again (usr_entry, vector_swi).
 *
 * The domain numbers and DACR_INIT live in asm/cp15.h (head.S loads
 * DACR_INIT before the MMU is on).
 */
#ifndef _ASM_DOMAIN_H
#define _ASM_DOMAIN_H

#include <asm/cp15.h>

#define DACR_UACCESS_DISABLE  DACR_INIT
#define DACR_UACCESS_ENABLE   ((DACR_INIT & ~domain_val(DOMAIN_USER, 3)) | \
			       domain_val(DOMAIN_USER, DOMAIN_CLIENT))   /* 0x55 */

#ifdef __ASSEMBLER__
/* Write DACR; with isb=1 the change is seen by the next instruction
 * (B3.15.5: a DACR write needs a context synchronisation). */
.macro	set_dacr, val, tmp, isb=1
	mov	\tmp, #\val
	mcr	p15, 0, \tmp, c3, c0, 0
	.if	\isb
	isb
	.endif
.endm
/* Linux's uaccess_disable / uaccess_enable (asm/uaccess-asm.h) */
.macro	uaccess_disable, tmp, isb=1
	set_dacr DACR_UACCESS_DISABLE, \tmp, \isb
.endm
.macro	uaccess_enable, tmp, isb=1
	set_dacr DACR_UACCESS_ENABLE, \tmp, \isb
.endm
#else
static inline unsigned int get_domain(void)
{
	unsigned int dacr;

	__asm__ __volatile__("mrc p15, 0, %0, c3, c0, 0" : "=r" (dacr) : : "memory");
	return dacr;
}

static inline void set_domain(unsigned int dacr)
{
	__asm__ __volatile__("mcr p15, 0, %0, c3, c0, 0\n\tisb" : : "r" (dacr) : "memory");
}
#endif

#endif
