/*
 * asm/irqflags.h - masking IRQs around a critical section on the local CPU
 * (Linux: arch/arm/include/asm/irqflags.h, the ARMv6+ variant).
 *
 * save reads the whole CPSR and sets its I bit (`cpsid i`); restore writes
 * the saved control byte back (`msr cpsr_c`), so a section entered with
 * IRQs already masked leaves them masked. Only the I bit changes: FIQs,
 * asynchronous aborts and the mode are as they were (CPSR: asm/ptrace.h).
 *
 * armmm runs its kernel with IRQs masked throughout today, so these cost
 * three instructions and change nothing yet; they are where Linux has them
 * (the per-CPU page lists, mm/page_alloc_pcp.c), so the sections that must
 * not be interrupted are marked before anything can interrupt them.
 * The host tests (HOST_TEST) run in user mode, where the CPSR's control
 * bits cannot be written: there the two are empty.
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <linux/types.h>
#include <asm/ptrace.h>

#ifndef HOST_TEST
/* Mask IRQs; return the CPSR as it was (Linux arch_local_irq_save). */
static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	asm volatile("mrs	%0, cpsr	@ arch_local_irq_save\n\t"
		     "cpsid	i" : "=r"(flags) : : "memory", "cc");
	return flags;
}

/* Put the I bit (and the rest of the control byte) back as saved. */
static inline void arch_local_irq_restore(unsigned long flags)
{
	asm volatile("msr	cpsr_c, %0	@ arch_local_irq_restore"
		     : : "r"(flags) : "memory", "cc");
}

static inline bool arch_irqs_disabled_flags(unsigned long flags)
{
	return flags & PSR_I_BIT;
}
#else
static inline unsigned long arch_local_irq_save(void)
{
	return PSR_I_BIT;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	(void)flags;
}

static inline bool arch_irqs_disabled_flags(unsigned long flags)
{
	return flags & PSR_I_BIT;
}
#endif

#endif
