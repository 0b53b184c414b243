/* SPDX-License-Identifier: GPL-2.0 */
/*
 * boot/compressed/head.S - the zImage wrapper: find where the kernel goes,
 * move out of its way, decompress it there and jump to it.
 *
 * Follows Linux's arch/arm/boot/compressed/head.S (6.1) with
 * CONFIG_AUTO_ZRELADDR, ARM mode, no appended DTB, no ATAGs, no EFI stub,
 * and these deliberate differences:
 *   - the MMU and caches stay off the whole time (Linux turns them on in
 *     cache_on to decompress faster).  Nothing is ever dirty in a D-cache, so
 *     the only cache maintenance is invalidating the I-cache and branch
 *     predictor after writing code;
 *   - entered in HYP mode, it drops to SVC as Linux's safe_svcmode_maskall
 *     does, but installs no HYP stub and so enters the kernel in SVC (Linux
 *     goes back to HYP for KVM, which we do not have);
 *   - no GOT and no relocation of it: the C code (unlz4.c) uses no global
 *     data, which the Makefile checks; every address here is computed from
 *     the pc, so the wrapper runs wherever it was loaded;
 *   - the messages need a UART, which Linux's wrapper only has with
 *     DEBUG_LL; here it is the one the DTB names (drivers/of/fdt_earlycon.c,
 *     built in: stdout-path, else console= in bootargs), and with none
 *     nothing is printed and no UART touched. (No DEBUG_LL here: a build-
 *     time UART is for head.S; the wrapper speaks only from the DTB.)
 *
 * Register use, kept the same as Linux's where the meaning is the same:
 *   r4  = kernel destination, PHYS_OFFSET + TEXT_OFFSET   (Linux: r4)
 *   r5  = run address of `start` in the copy now running
 *   r6  = size of the uncompressed kernel Image
 *   r7  = machine id, r1 at entry                          (Linux: r7)
 *   r8  = DTB physical address, r2 at entry                (Linux: r8)
 *   r9  = PHYS_OFFSET
 *   r10 = end of the decompressed kernel, r4 + r6          (Linux: r10)
 *   r11 = the early UART, a struct earlycon_uart on our stack (type
 *         EARLYCON_NONE when the DTB names none we drive)
 * r4-r11 survive the calls into C (AAPCS callee-saved).
 *
 * Memory picture for the QEMU -kernel case (RAM at 0x60000000, zImage loaded
 * at RAM + 0x10000), the case that needs relocation:
 *
 *   PHYS_OFFSET  r4 = +0x8000        r10 = r4 + Image size
 *   |            |                   |        new r5 (4 KiB aligned)
 *   v            v                   v        v
 *   +------------+-------------------+--------+-------------------+-------+
 *   |            | decompressed Image|        | zImage copy       | stack |
 *   +------------+-------------------+--------+-------------------+-------+
 *          ^ zImage loaded here, at +0x10000: overlaps [PHYS_OFFSET, r10),
 *            so it first copies itself above r10 and continues in the copy.
 */
#include "unlz4.h"
#include <linux/of_earlycon.h>
#include <linux/serial_reg.h>
#include <linux/amba/serial.h>

#ifndef TEXT_OFFSET
#error "TEXT_OFFSET must be passed by the Makefile (kernel Image offset in RAM)"
#endif

/* zImage header, as read by U-Boot's bootz (arch/arm/lib/zimage.c) */
ZIMAGE_MAGIC		= 0x016f2818	@ at offset 0x24: "this is a zImage"
ZIMAGE_START_PI		= 0		@ at 0x28: load/run address, 0 = any
ZIMAGE_ENDIAN_MAGIC	= 0x04030201	@ at 0x30: reads as this if little endian
ZIMAGE_MAGIC_OFFSET	= 0x24		@ where the header starts

/*
 * CONFIG_AUTO_ZRELADDR: PHYS_OFFSET = (address we run at) & this mask.
 * It assumes RAM starts on a 128 MiB boundary and that the zImage was loaded
 * in the first 128 MiB of RAM (Documentation/arm/booting.rst asks boot
 * loaders for that); loaded any higher, the kernel would land in the wrong
 * place.
 */
PHYS_OFFSET_MASK	= 0xf8000000

/*
 * Where the relocated copy goes is rounded up to this.  The copy loop only
 * needs word alignment; 4 KiB makes the copy's address a round number for
 * gdb's add-symbol-file and costs at most 4 KiB of RAM.  (1 MiB would buy
 * nothing: the MMU is off, there is no section mapping to line up with.)
 */
RELOC_ALIGN_SHIFT	= 12
RELOC_ALIGN		= 1 << RELOC_ALIGN_SHIFT	@ 4 KiB

/* CPSR (ARMv7-A ARM, B1.3.3) */
PSR_MODE_MASK		= 0x1f
PSR_HYP_MODE		= 0x1a
PSR_SVC_MODE		= 0x13
PSR_A_BIT		= 1 << 8
PSR_I_BIT		= 1 << 7
PSR_F_BIT		= 1 << 6

/*
 * sync_icache - make code just written to memory visible to instruction
 * fetch (ARMv7-A ARM, B2.2.9).  The D-cache is off, so there is nothing to
 * clean: only wait for the stores, then drop stale I-cache lines and branch
 * predictions.
 * in: -   out: -   clobbers: \tmp
 */
	.macro	sync_icache, tmp
	dsb					@ the stores have reached memory
	mov	\tmp, #0			@ ICIALLU/BPIALL ignore the value (SBZ)
	mcr	p15, 0, \tmp, c7, c5, 0		@ ICIALLU: invalidate all I-cache
	mcr	p15, 0, \tmp, c7, c5, 6		@ BPIALL: invalidate branch predictor
	dsb					@ ... and both have completed
	isb					@ refetch everything after this
	.endm

	.arm
	.syntax	unified

	.section ".start", "ax"
/*
 * start - entry point, offset 0 of the zImage.
 * in:  r0 = 0, r1 = machine id, r2 = DTB physical address;
 *      MMU off, D-cache off; SVC or HYP mode; any load address in the first
 *      128 MiB of RAM
 * out: does not return; enters the kernel (see __enter_kernel)
 *
 * Eight nops and a branch, as Linux: old boot loaders for a.out images
 * jumped in at offset 0x20, so the first 32 bytes must be harmless.
 */
	.globl	start
	.type	start, %function
start:
	.rept	8
	mov	r0, r0				@ nop (the a.out-era "patch area")
	.endr
	b	1f				@ 0x20: jump over the header
	.if	. - start != ZIMAGE_MAGIC_OFFSET
	.error	"zImage header not at offset 0x24"
	.endif
	.word	ZIMAGE_MAGIC			@ 0x24: magic, checked by bootz
	.word	ZIMAGE_START_PI			@ 0x28: 0: position independent
	.word	_edata				@ 0x2c: end = zImage size (linked at 0)
	.word	ZIMAGE_ENDIAN_MAGIC		@ 0x30: endianness marker

1:	bl	safe_svcmode_maskall		@ SVC, A/I/F masked, even from HYP
	mov	r7, r1				@ r7 = machine id, kept for the kernel
	mov	r8, r2				@ r8 = DTB pointer, kept for the kernel
	mov	r0, pc				@ r0 = an address inside this zImage
	and	r9, r0, #PHYS_OFFSET_MASK	@ r9 = PHYS_OFFSET (AUTO_ZRELADDR)
	add	r4, r9, #TEXT_OFFSET		@ r4 = where the kernel Image goes

/*
 * restart - (re)start in the copy that is running now; the relocated copy
 * jumps back here.
 * in:  r4 = kernel destination, r7 = machine id, r8 = DTB, r9 = PHYS_OFFSET
 * out: r5, r6, r10, sp set up as in the table at the top, then either
 *      wont_overwrite here or (after copying) restart in the copy
 * clobbers: r0-r3, r12, flags
 */
restart:
	adr	r5, start			@ r5 = our run address
	adr	r0, LC0				@ r0 = link-time offsets below
	ldmia	r0, {r0-r3}			@ r0 = size word, r1 = _edata,
						@ r2 = stack top, r3 = reloc_code_end
	ldr	r6, [r5, r0]			@ r6 = uncompressed Image size
	add	sp, r5, r2			@ sp = top of our stack, past _edata
	add	r10, r4, r6			@ r10 = end of the decompressed kernel

	/*
	 * Do we overlap the kernel's [PHYS_OFFSET, r10)?  We run at or above
	 * PHYS_OFFSET (it is our address rounded down), and everything of ours,
	 * compressed data and stack included, is above r5, so we are clear
	 * exactly when r5 >= r10.  (Linux: the second check before
	 * wont_overwrite; its first, "zImage wholly below the page directory",
	 * can never hold when PHYS_OFFSET is our own address rounded down.)
	 */
	cmp	r5, r10				@ zImage starts at/after the kernel end?
	bhs	wont_overwrite			@ yes: decompress from where we are

	/*
	 * Relocate: copy [r5, r5 + _edata) to r0 = ALIGN(r10 + reloc_code_end).
	 * Adding reloc_code_end keeps the copy clear of the code below that
	 * is running it (Linux does the same); the destination is above the
	 * source, so copy from the end downwards (memmove-safe).
	 */
	add	r0, r10, r3			@ r0 = lowest safe destination
	add	r0, r0, #RELOC_ALIGN		@ round up to RELOC_ALIGN:
	sub	r0, r0, #1			@   add RELOC_ALIGN - 1,
	bfc	r0, #0, #RELOC_ALIGN_SHIFT	@   clear the low bits
	add	r2, r0, r1			@ r2 = end of the destination
	add	r3, r5, r1			@ r3 = end of the source
1:	ldr	r12, [r3, #-4]!			@ copy one word, last to first
	str	r12, [r2, #-4]!			@
	cmp	r3, r5				@ back at the start of the source?
	bhi	1b				@ no: next word

	sync_icache r12				@ the copy is code: refetch it
	adr	r1, restart			@ r1 = restart in this copy
	sub	r1, r1, r5			@ r1 = offset of restart
	add	r1, r1, r0			@ r1 = restart in the new copy
	bx	r1				@ continue there (r4, r7-r9 kept)

/*
 * LC0 - link-time addresses, which are offsets from `start` because the
 * wrapper is linked at 0 (vmlinux.lds.S asserts it).  (Linux: LC0)
 */
	.align	2
	.type	LC0, %object
LC0:	.word	input_data_size			@ piggy.S: uncompressed size word
	.word	_edata				@ end of the loaded image
	.word	.L_stack_top			@ top of the stack (past _edata)
	.word	reloc_code_end			@ end of the code used while copying
	.size	LC0, . - LC0

reloc_code_end:

/*
 * wont_overwrite - we are clear of the kernel: decompress it and enter it.
 * in:  r4-r10 and sp as in the table at the top
 * out: does not return
 */
wont_overwrite:
	sub	sp, sp, #EARLYCON_SIZE		@ the early UART's description
	mov	r11, sp				@ r11 = it, kept
	mov	r0, #EARLYCON_NONE		@ none until the DTB says
	str	r0, [r11, #EARLYCON_TYPE]	@
	mov	r0, r8				@ r0 = DTB (r2 at entry)
	tst	r0, #3				@ word aligned, as a DTB must be,
	bne	1f				@
	cmp	r0, r9				@ and in RAM (not below PHYS_OFFSET)?
	movhs	r1, r11				@ then look: fills *r11, or not
	blhs	of_earlycon_find		@
1:

	adr	r0, str_uncompressing		@ "Uncompressing Linux..."
	mov	r1, r11				@ on our UART, if any
	bl	puts				@

	adr	r0, LC1				@ r0 = offsets of the piggy data
	ldmia	r0, {r0, r1}			@ r0 = input_data, r1 = input_data_end
	sub	r1, r1, r0			@ r1 = in_len
	add	r0, r0, r5			@ r0 = in (run address)
	mov	r2, r4				@ r2 = out = kernel destination
	mov	r3, r6				@ r3 = out_max = Image size
	bl	unlz4				@ r0 = bytes written or UNLZ4_E*
	cmp	r0, r6				@ exactly the whole Image?
	bne	decompress_error		@ no

	adr	r0, str_done			@ " done, booting the kernel."
	mov	r1, r11				@
	bl	puts				@
	/* fall through */

/*
 * __enter_kernel - jump to the decompressed Image.  (Linux: __enter_kernel)
 * in:  r4 = kernel entry, r7 = machine id, r8 = DTB
 * out: kernel entry contract, in the CPU mode we were entered in:
 *      r0 = 0, r1 = machine id, r2 = DTB physical address,
 *      MMU off, D-cache off, IRQ/FIQ masked, I-cache and BP invalidated
 */
__enter_kernel:
	sync_icache r0				@ the kernel is freshly written code
	mov	r0, #0				@ r0 = 0
	mov	r1, r7				@ r1 = machine id
	mov	r2, r8				@ r2 = DTB physical address
	bx	r4				@ enter the kernel (ARM state)

/*
 * decompress_error - report a failed decompression and stop.
 * in:  r0 = unlz4() result (negative code, or a length other than r6),
 *      r11 = UART base or 0
 * out: does not return
 */
decompress_error:
	cmp	r0, #0				@ a length, not an error code?
	movge	r0, #UNLZ4_ESHORT		@ then the output was short
	mov	r4, r0				@ r4 = code, kept across puts
	adr	r0, str_error			@ "\nError: ... (code "
	mov	r1, r11				@
	bl	puts				@
	mov	r0, r4				@ r0 = code
	mov	r1, r11				@
	bl	putdec				@ "-N"
	adr	r0, str_error_end		@ ")\n"
	mov	r1, r11				@
	bl	puts				@
	.globl	zimage_park_decompress_error
zimage_park_decompress_error:
	b	zimage_park_decompress_error	@ park here; gdb: "where" shows why

	.align	2
	.type	LC1, %object
LC1:	.word	input_data			@ offset of the compressed kernel
	.word	input_data_end			@ offset of its end
	.size	LC1, . - LC1

/*
 * safe_svcmode_maskall - SVC mode with asynchronous aborts, IRQ and FIQ
 * masked (Linux: safe_svcmode_maskall, asm/assembler.h). From HYP an
 * exception return is the only way down: SPSR (SPSR_hyp, the banked one;
 * naming spsr_hyp from HYP mode is UNPREDICTABLE) gets the new mode,
 * ELR_hyp the return address.
 * in: lr = return address   out: SVC mode   clobbers: r0, flags
 */
	.arch_extension virt
safe_svcmode_maskall:
	mrs	r0, cpsr			@ r0 = current mode
	eor	r0, r0, #PSR_HYP_MODE		@ mode bits 0 iff HYP
	tst	r0, #PSR_MODE_MASK		@ HYP?
	bic	r0, r0, #PSR_MODE_MASK		@ r0 = SVC, A/I/F masked
	orr	r0, r0, #PSR_SVC_MODE | PSR_I_BIT | PSR_F_BIT
	orr	r0, r0, #PSR_A_BIT		@
	msrne	cpsr_c, r0			@ not HYP: just switch
	bxne	lr				@
	msr	spsr_cxsf, r0			@ HYP: the mode to return to
	msr	elr_hyp, lr			@ where to
	eret					@ drop to SVC, at our caller

/*
 * puts - print a NUL-terminated string on the early UART: a PL011, or an
 * 8250 with its reg-shift and 1- or 4-byte registers. No "\n" -> "\r\n"
 * translation: the strings below carry their own "\r".
 * in:  r0 = string, r1 = struct earlycon_uart (type NONE: print nothing)
 * out: -
 * clobbers: r0-r3, r12, flags
 */
puts:
	push	{r4, r5}			@
	ldr	r4, [r1, #EARLYCON_PHYS]	@ r4 = UART base
	ldr	r12, [r1, #EARLYCON_TYPE]	@ r12 = type
	ldr	r3, [r1, #EARLYCON_SHIFT]	@
	mov	r5, #UART_LSR			@
	add	r5, r4, r5, lsl r3		@ r5 = 8250 LSR address
	ldr	r3, [r1, #EARLYCON_IOWIDTH]	@ r3 = 8250 register width
1:	ldrb	r2, [r0], #1			@ r2 = next character
	teq	r2, #0				@ end of string?
	teqne	r12, #EARLYCON_NONE		@ or no UART?
	beq	9f				@ then done
	teq	r12, #EARLYCON_PL011		@
	bne	3f				@
2:	ldr	r1, [r4, #UART01x_FR]		@ PL011: flags
	tst	r1, #UART01x_FR_TXFF		@ transmit FIFO full?
	bne	2b				@ yes: wait
	str	r2, [r4, #UART01x_DR]		@ send the character
	b	1b				@ next one
3:	teq	r3, #4				@ 8250: word registers?
	ldreq	r1, [r5]			@ r1 = LSR
	ldrbne	r1, [r5]			@
	tst	r1, #UART_LSR_THRE		@ room to send?
	beq	3b				@ no: wait
	teq	r3, #4				@
	streq	r2, [r4]			@ TX is register 0
	strbne	r2, [r4]			@
	b	1b				@ next one
9:	pop	{r4, r5}			@
	bx	lr				@
/*
 * putdec - print a signed 32-bit number in decimal on a PL011.
 * in:  r0 = number, r1 = UART base (0: print nothing)
 * out: -
 * clobbers: r0, r2, r3, r12, flags; 16 bytes of stack
 */
DEC_RECIPROCAL		= 0xcccccccd	@ ceil(2^35 / 10): x / 10 = (x * this) >> 35
DEC_RECIPROCAL_SHIFT	= 3		@ after taking the high word: 35 - 32
DEC_BUF_SIZE		= 12		@ "-2147483648" and its NUL

putdec:
	push	{r4, r5, r6, lr}		@ r4-r6 used below
	sub	sp, sp, #DEC_BUF_SIZE + 4	@ digit buffer, sp kept 8-byte aligned
	add	r12, sp, #DEC_BUF_SIZE - 1	@ r12 = last byte of the buffer
	mov	r2, #0				@
	strb	r2, [r12]			@ NUL terminator
	movs	r4, r0				@ r4 = number, N = its sign
	rsbmi	r0, r0, #0			@ r0 = magnitude (unsigned)
	movw	r5, #:lower16:DEC_RECIPROCAL	@ r5 = reciprocal of 10
	movt	r5, #:upper16:DEC_RECIPROCAL	@
1:	umull	r2, r3, r0, r5			@ r3 = high word of r0 * r5
	lsr	r3, r3, #DEC_RECIPROCAL_SHIFT	@ r3 = r0 / 10
	add	r6, r3, r3, lsl #2		@ r6 = r3 * 5
	sub	r2, r0, r6, lsl #1		@ r2 = r0 - r3 * 10 = last digit
	add	r2, r2, #'0'			@ as ASCII
	strb	r2, [r12, #-1]!			@ store it, right to left
	movs	r0, r3				@ more digits?
	bne	1b				@ yes
	cmp	r4, #0				@ negative?
	movlt	r2, #'-'			@ then prefix a minus sign
	strblt	r2, [r12, #-1]!			@
	mov	r0, r12				@ r0 = first character
	bl	puts				@ print it (r1 = UART base)
	add	sp, sp, #DEC_BUF_SIZE + 4	@ drop the buffer
	pop	{r4, r5, r6, pc}		@ return

/* Word aligned, so that an adr to them fits its rotated 8-bit immediate. */
	.align	2
str_uncompressing:
	.asciz	"Uncompressing Linux..."
	.align	2
str_done:
	.asciz	" done, booting the kernel.\r\n"
	.align	2
str_error:
	.asciz	"\r\nError: zImage: decompression failed (code "
	.align	2
str_error_end:
	.asciz	")\r\n"
	.align	2

/*
 * The stack: 4 KiB, not part of the zImage file, right after _edata in
 * whichever copy is running (vmlinux.lds.S places .stack after _edata).
 * unlz4() needs well under 100 bytes; the rest is margin.
 */
STACK_SIZE		= 4096
	.section ".stack", "aw", %nobits
	.align	3				@ AAPCS: sp 8-byte aligned at calls
	.space	STACK_SIZE
.L_stack_top:
