/*
 * include/linux/of_earlycon.h - the early console found from facts: the
 * DTB's /chosen/stdout-path (drivers/of/fdt_earlycon.c), shared by head.S
 * (debug.S keeps one struct earlycon_uart) and the zImage wrapper.
 * Linux: include/linux/serial_core.h (struct earlycon_id, OF_EARLYCON_DECLARE).
 */
#ifndef _LINUX_OF_EARLYCON_H
#define _LINUX_OF_EARLYCON_H

/* earlycon_uart.type */
#define EARLYCON_NONE      0   /* nothing known: the UART is never touched */
#define EARLYCON_PL011     1   /* arm,pl011 (ttyAMA) */
#define EARLYCON_8250      2   /* 16550-style: ns16550a, snps,dw-apb-uart, ti,omap3-uart (ttyS) */

/* struct earlycon_uart as seen from assembly (byte offsets) */
#define EARLYCON_PHYS      0
#define EARLYCON_TYPE      4
#define EARLYCON_SHIFT     8
#define EARLYCON_IOWIDTH   12
#define EARLYCON_SIZE      16

/* Why no early console came out of the DTB (of_earlycon_find returns -E) */
#define EARLYCON_E_BADFDT   1  /* no FDT header, or its blocks lie outside it */
#define EARLYCON_E_NOSTDOUT 2  /* no /chosen/stdout-path (or linux,stdout-path) */
#define EARLYCON_E_NOALIAS  3  /* stdout-path names an alias /aliases lacks */
#define EARLYCON_E_NONODE   4  /* the path names no node */
#define EARLYCON_E_UNKNOWN  5  /* a UART (or anything) we do not drive */
#define EARLYCON_E_REG      6  /* reg missing, too short, or > 2 cells */
#define EARLYCON_E_RANGES   7  /* a parent bus cannot translate the address */
#define EARLYCON_E_IOWIDTH  8  /* reg-io-width other than 1 or 4 */
#define EARLYCON_E_HIGH     9  /* the UART is above 4 GiB (no LPAE here) */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct earlycon_uart {
	uint32_t phys;        /* register base, CPU physical address */
	uint32_t type;        /* EARLYCON_* */
	uint32_t reg_shift;   /* 8250: register n is at phys + (n << reg_shift) */
	uint32_t io_width;    /* 8250: access size in bytes, 1 or 4 */
};

int of_earlycon_find(const void *blob, struct earlycon_uart *uart);
#endif

#endif
