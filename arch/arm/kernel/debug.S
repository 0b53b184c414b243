/*
 * arch/arm/kernel/debug.S - the early debug UART ("DEBUG_LL").
 * Follows Linux arch/arm/kernel/debug.S (printch/printascii/printhex8),
 * with one difference: Linux fixes the UART at build time per board
 * (CONFIG_DEBUG_LL); here that is one way, and the other, for a zImage
 * that boots on several boards, is the DTB at r2 (__debug_ll_setup_fdt:
 * stdout-path, or console= in bootargs). Never a guess: with neither, no
 * UART is touched. PL011, or 8250 with any reg-shift and 1- or 4-byte
 * registers (Linux's 8250 DEBUG_LL: DEBUG_UART_8250_SHIFT, _WORD).
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
#include <linux/of_earlycon.h>
#include <linux/serial_reg.h>
#include <linux/amba/serial.h>

	.text
	.align	2
/*
 * The early UART: struct earlycon_uart (linux/of_earlycon.h). Lives in the
 * image, next to the code, so it is reachable pc-relative with or without
 * the MMU; head.S fills it with the MMU off.
 */
	.globl	__debug_ll_uart, __debug_ll_type
__debug_ll_uart:	.long	0			@ EARLYCON_PHYS
__debug_ll_type:	.long	EARLYCON_NONE		@ EARLYCON_TYPE
			.long	0			@ EARLYCON_SHIFT
			.long	0			@ EARLYCON_IOWIDTH

/*
 * __debug_ll_setup: the UART Kconfig fixes (CONFIG_DEBUG_LL), known before
 * anything is checked, as Linux's DEBUG_LL. Without it, nothing.
 *  in: MMU off; corrupts: r0-r3, r12
 */
ENTRY(__debug_ll_setup)
#ifdef CONFIG_DEBUG_LL
	adr	r12, __debug_ll_uart		@ r12 = run address of the struct
	ldr	r0, =CONFIG_DEBUG_UART_PHYS
#ifdef CONFIG_DEBUG_UART_8250
	mov	r1, #EARLYCON_8250
	mov	r2, #CONFIG_DEBUG_UART_8250_SHIFT
#ifdef CONFIG_DEBUG_UART_8250_WORD
	mov	r3, #4
#else
	mov	r3, #1
#endif
#else
	mov	r1, #EARLYCON_PL011
	mov	r2, #0
	mov	r3, #4
#endif
	stmia	r12, {r0-r3}			@ phys, type, shift, width
#endif
	bx	lr
ENDPROC(__debug_ll_setup)

/*
 * __debug_ll_setup_fdt: with no Kconfig UART, the one the DTB names
 * (drivers/of/fdt_earlycon.c, position independent, safe with the MMU off).
 * If the DTB names none we drive, the struct stays EARLYCON_NONE and no
 * UART is ever touched.
 *  in: r11 = DTB (checked by __vet_atags), sp = a stack; MMU off
 *  corrupts: r0-r3, r12
 */
ENTRY(__debug_ll_setup_fdt)
	adr	r1, __debug_ll_uart		@ r1 = the struct (run address)
	ldr	r0, [r1, #EARLYCON_TYPE]
	teq	r0, #EARLYCON_NONE		@ Kconfig chose already?
	bxne	lr
	push	{r4, lr}			@ (r4: keeps sp 8-byte aligned)
	mov	r0, r11				@ r0 = DTB
	bl	of_earlycon_find		@ fills the struct, or leaves it
	pop	{r4, pc}
ENDPROC(__debug_ll_setup_fdt)

/*
 * __addruart: where the UART is now.
 *  out: r2 = UART base for the current MMU state (0 if none),
 *       r3 = the struct earlycon_uart (current address)
 *  corrupts: r12
 */
__addruart:
	adr	r3, __debug_ll_uart
	ldr	r2, [r3, #EARLYCON_PHYS]
	ldr	r12, [r3, #EARLYCON_TYPE]
	teq	r12, #EARLYCON_NONE
	moveq	r2, #0
	bxeq	lr
	mrc	p15, 0, r12, c1, c0, 0		@ SCTLR
	tst	r12, #SCTLR_M			@ MMU on?
	bxeq	lr				@ no: physical
	bic	r2, r2, #0xff000000		@ offset within the 1 MiB section:
	bic	r2, r2, #0x00f00000		@   (~SECTION_MASK)
	ldr	r12, =DEBUG_LL_VIRT_BASE
	add	r2, r2, r12			@ + head.S's virtual window
	bx	lr

/*
 * wait_8250: wait until LSR shows \bit, on an 8250 at r2 described by the
 * struct at r3 (reg_shift, io_width). out: r12 = io_width; corrupts r3, r4
 */
.macro	wait_8250 bit
	ldr	r12, [r3, #EARLYCON_IOWIDTH]
	ldr	r3, [r3, #EARLYCON_SHIFT]
	mov	r4, #UART_LSR
	add	r4, r2, r4, lsl r3		@ r4 = LSR's address
1:	teq	r12, #4
	ldreq	r3, [r4]			@ 32-bit registers (reg-io-width 4)
	ldrneb	r3, [r4]			@ byte registers
	tst	r3, #\bit
	beq	1b
.endm

/*
 * printch: write one character.
 *  in: r0 = character; corrupts: r2, r3, r12
 */
ENTRY(printch)
	push	{r4, lr}
	bl	__addruart
	teq	r2, #0
	beq	9f				@ no UART: drop it
	ldr	r4, [r3, #EARLYCON_TYPE]
	teq	r4, #EARLYCON_PL011
	beq	2f
	wait_8250 UART_LSR_THRE			@ room in the transmitter
	teq	r12, #4
	streq	r0, [r2]			@ TX is register 0
	strneb	r0, [r2]
	b	9f
2:	ldr	r3, [r2, #UART01x_FR]		@ PL011: wait for room
	tst	r3, #UART01x_FR_TXFF
	bne	2b
	str	r0, [r2, #UART01x_DR]
9:	pop	{r4, pc}
ENDPROC(printch)

/*
 * printascii: write a NUL-terminated string, "\n" as "\r\n".
 *  in: r0 = string (link address; converted with the MMU off)
 *  corrupts: r0-r3, r12
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
 *  in: r0 = value; corrupts: r0-r3, r12
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
 *  corrupts: r2, r3, r12
 */
ENTRY(debug_ll_flush)
	push	{r4, lr}
	bl	__addruart
	teq	r2, #0
	beq	9f
	ldr	r4, [r3, #EARLYCON_TYPE]
	teq	r4, #EARLYCON_PL011
	beq	2f
	wait_8250 UART_LSR_TEMT			@ shift register empty too
	b	9f
2:	ldr	r3, [r2, #UART01x_FR]
	tst	r3, #UART01x_FR_BUSY
	bne	2b
9:	pop	{r4, pc}
ENDPROC(debug_ll_flush)
	.ltorg
