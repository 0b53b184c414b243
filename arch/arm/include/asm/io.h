/* asm/io.h - device register access (Linux: arch/arm/include/asm/io.h). */
#ifndef _ASM_IO_H
#define _ASM_IO_H
#include <linux/types.h>

#define __iomem

static inline u32 readl(const volatile void __iomem *a)
{
	u32 v = *(const volatile u32 *)a;

	__asm__ __volatile__("dmb" ::: "memory");	/* order after the read */
	return v;
}

static inline void writel(u32 v, volatile void __iomem *a)
{
	__asm__ __volatile__("dmb" ::: "memory");	/* order before the write */
	*(volatile u32 *)a = v;
}

/* Byte registers (an 8250 with reg-io-width 1): Linux's readb/writeb. */
static inline u8 readb(const volatile void __iomem *a)
{
	u8 v = *(const volatile u8 *)a;

	__asm__ __volatile__("dmb" ::: "memory");
	return v;
}

static inline void writeb(u8 v, volatile void __iomem *a)
{
	__asm__ __volatile__("dmb" ::: "memory");
	*(volatile u8 *)a = v;
}

/*
 * Map the 1 MiB section holding device address pa and return its virtual
 * address (arch/arm/mm/early_io.c). Boot-time only, until paging_init's
 * iotable_init; reuses head.S's DEBUG_LL section when it is the same one.
 */
void __iomem *early_io_map(phys_addr_t pa);

extern u32 __debug_ll_uart;   /* debug.S: the early UART's physical base, 0 if none */

#endif
