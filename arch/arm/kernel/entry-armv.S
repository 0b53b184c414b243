/*
 * arch/arm/kernel/entry-armv.S - exception vectors, for now only to report.
 * Linux: entry-armv.S (__vectors_start, vector_stub). Until the vectors page
 * at 0xffff0000 exists (paging_init), VBAR points at this table, and every
 * exception is fatal: save the registers, switch nothing, call
 * arm_exception() which prints a Linux-style oops and panics.
 */
#include <asm/assembler.h>
#include <asm/ptrace.h>

#define EXC_STACK_SIZE	1024

	.arch	armv7-a
	.arm
	.text
	.align	5				@ VBAR needs 32-byte alignment
/*
 * The vector table: position independent (each entry loads an absolute
 * address from the words after it), so paging_init can copy it into the
 * vectors page at 0xffff0000 (early_trap_init_vectors) and switch to high
 * vectors; until then VBAR points here.
 */
	.globl	__vectors_start, __vectors_end
__vectors_start:
	ldr	pc, .Lv_rst			@ 0x00 reset
	ldr	pc, .Lv_und			@ 0x04 undefined instruction
	ldr	pc, .Lv_swi			@ 0x08 supervisor call
	ldr	pc, .Lv_pabt			@ 0x0c prefetch abort
	ldr	pc, .Lv_dabt			@ 0x10 data abort
	ldr	pc, .Lv_rst			@ 0x14 (not used)
	ldr	pc, .Lv_irq			@ 0x18 IRQ
	ldr	pc, .Lv_fiq			@ 0x1c FIQ
.Lv_rst:	.long	vector_rst
.Lv_und:	.long	vector_und
.Lv_swi:	.long	vector_swi
.Lv_pabt:	.long	vector_pabt
.Lv_dabt:	.long	vector_dabt
.Lv_irq:	.long	vector_irq
.Lv_fiq:	.long	vector_fiq
__vectors_end:

/*
 * One stub per kind: lr corrected to the faulting instruction (ARMv7 ARM
 * B1.8.3, table of lr offsets), a struct pt_regs reserved on this mode's
 * stack with r0-r12 in it, r0 = kind, then the common path.
 */
#define S_SP	(13 * 4)
#define S_LR	(14 * 4)
#define S_PC	(15 * 4)
#define S_PSR	(16 * 4)
#define S_FRAME	(17 * 4)
.macro	vector_stub name, kind, correction
vector_\name:
	sub	lr, lr, #\correction		@ lr = faulting instruction
	sub	sp, sp, #S_FRAME		@ struct pt_regs
	stmia	sp, {r0-r12}			@ r0..r12
	mov	r0, #\kind
	b	__exception_common
.endm
	vector_stub rst,  0, 0
	vector_stub und,  1, 4
	vector_stub swi,  2, 4
	vector_stub pabt, 3, 4
	vector_stub dabt, 4, 8
	vector_stub irq,  5, 4
	vector_stub fiq,  6, 4

/*
 * Finish struct pt_regs (sp, lr of the interrupted mode, taken to be SVC:
 * the only mode the kernel runs in; pc; cpsr) and call
 * arm_exception(kind, regs), which never returns.
 */
__exception_common:
	mov	r1, sp				@ r1 = struct pt_regs *
	str	lr, [r1, #S_PC]
	mrs	r2, spsr
	str	r2, [r1, #S_PSR]		@ interrupted cpsr
	mrs	r6, cpsr			@ our (exception) mode
	bic	r7, r6, #MODE_MASK
	orr	r7, r7, #SVC_MODE
	msr	cpsr_c, r7			@ briefly to SVC for its sp, lr
	mov	r4, sp
	mov	r5, lr
	msr	cpsr_c, r6			@ back
	str	r4, [r1, #S_SP]
	str	r5, [r1, #S_LR]
	bl	arm_exception			@ never returns
1:	b	1b

/*
 * early_trap_init: point VBAR at the table above and give the abort and
 * undefined modes a stack each. Called from __mmap_switched (MMU on).
 *  corrupts: r0, r1
 */
ENTRY(early_trap_init)
	ldr	r0, =__vectors_start
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	mrs	r1, cpsr
	msr	cpsr_c, #ABT_MODE | PSR_I_BIT | PSR_F_BIT
	ldr	sp, =abt_stack + EXC_STACK_SIZE
	msr	cpsr_c, #UND_MODE | PSR_I_BIT | PSR_F_BIT
	ldr	sp, =und_stack + EXC_STACK_SIZE
	msr	cpsr_c, #IRQ_MODE | PSR_I_BIT | PSR_F_BIT
	ldr	sp, =irq_stack + EXC_STACK_SIZE
	msr	cpsr_c, r1			@ back to SVC
	isb
	bx	lr
ENDPROC(early_trap_init)
	.ltorg

	.bss
	.align	3
abt_stack:	.space	EXC_STACK_SIZE
und_stack:	.space	EXC_STACK_SIZE
irq_stack:	.space	EXC_STACK_SIZE
