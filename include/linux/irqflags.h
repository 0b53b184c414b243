/*
 * linux/irqflags.h - local_irq_save / local_irq_restore (Linux:
 * include/linux/irqflags.h, without lockdep's irq tracing). The
 * architecture's half is asm/irqflags.h.
 *
 *	unsigned long flags;
 *
 *	local_irq_save(flags);          IRQs masked, the old state in flags
 *	... nothing here is interrupted ...
 *	local_irq_restore(flags);       IRQs as they were
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <linux/types.h>
#include <asm/irqflags.h>

#define local_irq_save(flags)           do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags)        arch_local_irq_restore(flags)
#define irqs_disabled_flags(flags)      arch_irqs_disabled_flags(flags)

#endif
