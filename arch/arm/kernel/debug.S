/*
 * arch/arm/kernel/debug.S - the early debug UART ("DEBUG_LL").
 * Follows Linux arch/arm/kernel/debug.S (printch/printascii/printhex8),
 * with one difference: Linux fixes the UART at build time per board; one
 * of our zImages boots on several boards, so __debug_ll_setup picks the
 * UART at run time from a table keyed by the RAM base (PHYS_OFFSET) and
 * the CPU part number, unless CONFIG_DEBUG_UART_PHYS fixes it.
 *
 * Works with the MMU off (physical UART address) and on (head.S maps the
 * UART's section at DEBUG_LL_VIRT_BASE). Strings are passed by their link
 * (virtual) address; with the MMU off the routines add the run/link delta.
 * Needs a stack (head.S sets one before the first call).
 */
#include <generated/autoconf.h>
#include <asm/assembler.h>
#include <asm/memory.h>
#include <asm/cp15.h>

#define UART_NONE      0
#define UART_PL011     1        /* ARM PrimeCell UART */
#define UART_8250_32   2        /* 16550-style, registers 4 bytes apart */

#define UART01x_DR     0x00     /* PL011 data register */
#define UART01x_FR     0x18     /* PL011 flag register */
#define UART01x_FR_TXFF (1 << 5)  /* transmit FIFO full */
#define UART01x_FR_BUSY (1 << 3)  /* still transmitting */
#define UART8250_THR   0x00     /* transmit holding register (reg 0) */
#define UART8250_LSR   0x14     /* line status register (reg 5 << 2) */
#define UART8250_LSR_THRE (1 << 5)  /* transmit holding register empty */
#define UART8250_LSR_TEMT (1 << 6)  /* transmitter empty */

#define RAM_BASE_MASK  0xf8000000   /* as the zImage's AUTO_ZRELADDR */
#define MIDR_PART_SHIFT 4
#define MIDR_PART_MASK  0xfff

	.text
	.align	2
/* The chosen UART: physical base and type. Lives in the image, next to the
 * code, so it is reachable pc-relative with or without the MMU. */
	.globl	__debug_ll_uart, __debug_ll_type
__debug_ll_uart:	.long	0
__debug_ll_type:	.long	UART_NONE

/*
 * Known boards: RAM base, CPU part (0 = any), UART physical base, type.
 * The facts come from each board's DTB (and design.md section 5).
 */
__debug_ll_table:
	.long	0x60000000, 0,     0x10009000, UART_PL011	@ vexpress-a9 (V2P-CA9)
	.long	0x40000000, 0,     0x09000000, UART_PL011	@ QEMU virt
	.long	0x80000000, 0xc0f, 0x1c090000, UART_PL011	@ vexpress-a15 (V2P-CA15)
	.long	0x80000000, 0xc08, 0x44e09000, UART_8250_32	@ BeagleBone Black (AM335x)
	.long	0xffffffff					@ end

/*
 * __debug_ll_setup: choose the early UART.
 *  in:  r8 = PHYS_OFFSET (any alignment), MMU off
 *  out: __debug_ll_uart/__debug_ll_type written (UART_NONE when unknown)
 *  corrupts: r0-r3, r12
 */
ENTRY(__debug_ll_setup)
	adr	r12, __debug_ll_uart		@ r12 = run address of the pair
#if CONFIG_DEBUG_UART_PHYS != 0
	ldr	r0, =CONFIG_DEBUG_UART_PHYS	@ fixed by Kconfig
#ifdef CONFIG_DEBUG_UART_8250
	mov	r1, #UART_8250_32
#else
	mov	r1, #UART_PL011
#endif
	stmia	r12, {r0, r1}			@ store base, type
	bx	lr
#else
	and	r0, r8, #RAM_BASE_MASK		@ r0 = RAM base
	mrc	p15, 0, r1, c0, c0, 0		@ r1 = MIDR
	ubfx	r1, r1, #MIDR_PART_SHIFT, #12	@ r1 = part number
	adr	r2, __debug_ll_table		@ r2 -> first entry
1:	ldr	r3, [r2], #4			@ r3 = entry's RAM base
	cmn	r3, #1				@ end of table?
	beq	2f
	teq	r3, r0				@ RAM base matches?
	ldr	r3, [r2], #4			@ r3 = entry's CPU part
	addne	r2, r2, #8			@ no: skip UART, type
	bne	1b
	teq	r3, #0				@ any CPU?
	teqne	r3, r1				@ or this CPU part?
	addne	r2, r2, #8			@ no: skip UART, type
	bne	1b
	ldmia	r2, {r0, r1}			@ r0 = UART base, r1 = type
	stmia	r12, {r0, r1}			@ remember them
2:	bx	lr
#endif
ENDPROC(__debug_ll_setup)

/*
 * __addruart: where the UART is now.
 *  out: r2 = UART base for the current MMU state (0 if none), r3 = type
 *  corrupts: nothing else
 */
__addruart:
	adr	r3, __debug_ll_uart
	ldr	r2, [r3]			@ physical base
	ldr	r3, [r3, #4]			@ type
	teq	r3, #UART_NONE
	moveq	r2, #0
	push	{r0}
	mrc	p15, 0, r0, c1, c0, 0		@ SCTLR
	tst	r0, #SCTLR_M			@ MMU on?
	ldrne	r0, =~SECTION_MASK
	andne	r2, r2, r0			@ offset within the section
	ldrne	r0, =DEBUG_LL_VIRT_BASE
	orrne	r2, r2, r0			@ + head.S's virtual window
	pop	{r0}
	bx	lr

/*
 * printch: write one character.
 *  in: r0 = character; corrupts: r2, r3
 */
ENTRY(printch)
	push	{lr}
	bl	__addruart
	teq	r2, #0
	beq	9f				@ no UART: drop it
	teq	r3, #UART_PL011
	beq	2f
1:	ldr	r3, [r2, #UART8250_LSR]		@ 8250: wait for room
	tst	r3, #UART8250_LSR_THRE
	beq	1b
	str	r0, [r2, #UART8250_THR]
	b	9f
2:	ldr	r3, [r2, #UART01x_FR]		@ PL011: wait for room
	tst	r3, #UART01x_FR_TXFF
	bne	2b
	str	r0, [r2, #UART01x_DR]
9:	pop	{pc}
ENDPROC(printch)

/*
 * printascii: write a NUL-terminated string, "\n" as "\r\n".
 *  in: r0 = string (link address; converted with the MMU off)
 *  corrupts: r0-r3
 */
ENTRY(printascii)
	push	{r4, lr}
	adr	r1, 3f
	ldr	r2, [r1]			@ link address of 3f
	sub	r2, r1, r2			@ delta = run - link (0 with MMU on)
	add	r1, r0, r2			@ r1 = string as we can reach it
1:	ldrb	r0, [r1], #1
	teq	r0, #0
	beq	2f
	teq	r0, #'\n'
	moveq	r4, r0
	moveq	r0, #'\r'
	bleq	printch				@ CR before LF
	moveq	r0, r4
	bl	printch
	b	1b
2:	pop	{r4, pc}
	.align	2
3:	.long	3b
ENDPROC(printascii)

/*
 * printhex8: write a word as 8 hex digits.
 *  in: r0 = value; corrupts: r0-r3
 */
ENTRY(printhex8)
	push	{r4, r5, lr}
	mov	r4, r0				@ r4 = value, shifted left
	mov	r5, #8				@ r5 = digits left
1:	mov	r0, r4, lsr #28			@ top nibble
	cmp	r0, #10
	addlo	r0, r0, #'0'
	addhs	r0, r0, #'a' - 10
	bl	printch
	mov	r4, r4, lsl #4
	subs	r5, r5, #1
	bne	1b
	pop	{r4, r5, pc}
ENDPROC(printhex8)

/*
 * debug_ll_flush: wait until the last character has left the UART, so that
 * a message is complete before the CPU parks or the machine powers off.
 *  corrupts: r2, r3
 */
ENTRY(debug_ll_flush)
	push	{lr}
	bl	__addruart
	teq	r2, #0
	beq	9f
	teq	r3, #UART_PL011
	beq	2f
1:	ldr	r3, [r2, #UART8250_LSR]
	tst	r3, #UART8250_LSR_TEMT
	beq	1b
	b	9f
2:	ldr	r3, [r2, #UART01x_FR]
	tst	r3, #UART01x_FR_BUSY
	bne	2b
9:	pop	{pc}
ENDPROC(debug_ll_flush)
	.ltorg
