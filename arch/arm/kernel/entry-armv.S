/*
 * arch/arm/kernel/entry-armv.S - exception vectors and the kernel-mode
 * exception entry. Linux: arch/arm/kernel/entry-armv.S (vector_stub,
 * __dabt_svc, __pabt_svc, __und_svc, svc_entry/svc_exit in entry-header.S,
 * __*_invalid + bad_mode), arch/arm/mm/abort-ev7.S (v7_early_abort) and
 * pabort-v7.S (v7_pabort).
 *
 * The path of a data abort taken in SVC mode (the only mode the kernel
 * runs in; the _usr entries come with user space):
 *
 *   vector table (0xffff0000)  ldr pc, =vector_dabt
 *   vector_dabt (ABT mode)     lr -= 8; r0, lr, spsr -> the 3-word abt area;
 *                              switch to SVC mode, IRQs and FIQs masked
 *   __dabt_svc  (SVC mode)     svc_entry: struct pt_regs on the SVC stack
 *                              do_DataAbort(DFAR, DFSR, regs)  (mm/fault.c)
 *                              svc_exit: reload r0-pc and cpsr from pt_regs
 *
 * Why switch to SVC mode at all: C then runs on the stack of the code that
 * faulted, so an oops can show that stack, and a fault in a console command
 * can be "killed" by resetting that stack (traps.c make_task_dead) without
 * an ABT-mode context left behind. The abort mode keeps only 3 words.
 */
#include <asm/assembler.h>
#include <asm/ptrace.h>

/* bad_mode() reasons, Linux's BAD_* (asm/traps.h), and two of ours */
#define BAD_PREFETCH    0
#define BAD_DATA        1
#define BAD_ADDREXCPTN  2
#define BAD_IRQ         3
#define BAD_UNDEFINSTR  4
#define BAD_SWI         5       /* ours: no system calls until user space */
#define BAD_FIQ         6       /* ours: Linux ignores a stray FIQ */

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
 * vector_stub - runs in the exception's mode, whose sp points at a 3-word
 * area (early_trap_init). lr is corrected to the faulting instruction
 * (ARMv7 ARM B1.8.3, "link values saved on exception entry": data abort
 * +8, prefetch abort and undefined +4), then r0, that pc and the
 * interrupted cpsr go into the area, and we continue in SVC mode with
 * r0 = the area. Interrupted mode SVC goes to \svc, any other to \bad
 * (Linux's per-mode jump table, with only the SVC slot filled in).
 *  corrupts: lr and spsr of the exception mode
 */
.macro	vector_stub name, correction, svc
vector_\name:
	.if	\correction
	sub	lr, lr, #\correction
	.endif
	stmia	sp, {r0, lr}			@ r0, pc of the faulting instruction
	mrs	lr, spsr
	str	lr, [sp, #8]			@ interrupted cpsr
	mov	r0, sp
	and	lr, lr, #MODE_MASK
	teq	lr, #SVC_MODE
	msr	cpsr_c, #SVC_MODE | PSR_I_BIT | PSR_F_BIT
	beq	\svc				@ flags survive the msr cpsr_c
	b	__\name\()_invalid
.endm
	vector_stub dabt, 8, __dabt_svc
	vector_stub pabt, 4, __pabt_svc
	vector_stub und,  4, __und_svc
/* Exceptions the kernel does not take yet: bad modes from any mode. */
	vector_stub irq,  4, __irq_invalid
	vector_stub swi,  0, __swi_invalid
	vector_stub fiq,  4, __fiq_invalid
	vector_stub rst,  0, __rst_invalid

/*
 * svc_entry - build struct pt_regs (asm/ptrace.h) on the SVC stack, as
 * Linux's svc_entry: r0-r12, sp and lr of the interrupted SVC code, pc and
 * cpsr from the exception mode's area, ORIG_r0 = -1. The frame starts on
 * an 8-byte boundary (AAPCS); S_SP holds the sp from before the frame, so
 * svc_exit needs no record of the padding.
 *  in: r0 = the 3-word area      out: sp = struct pt_regs *, r4 = pc
 *  corrupts: r1-r7
 */
.macro	svc_entry
	sub	sp, sp, #PT_REGS_SIZE
	tst	sp, #4
	subne	sp, sp, #4			@ 8-byte aligned for C
	stmib	sp, {r1 - r12}			@ r1..r12 (stmib: r0's slot skipped)
	ldmia	r0, {r3 - r5}			@ r3 = r0, r4 = pc, r5 = cpsr
	str	r3, [sp, #S_R0]
	addeq	r2, sp, #PT_REGS_SIZE		@ the sp the faulting code had
	addne	r2, sp, #PT_REGS_SIZE + 4	@ (flags still from the tst)
	mov	r3, lr				@ its lr
	mvn	r6, #0				@ ORIG_r0 = -1: not a syscall
	add	r7, sp, #S_SP
	stmia	r7, {r2 - r6}			@ sp, lr, pc, cpsr, ORIG_r0
.endm

/*
 * svc_exit - return to the interrupted code from pt_regs: cpsr through
 * spsr, then r0-pc in one exception-returning ldm (its sp comes from S_SP,
 * dropping the frame). The strex to a dead word clears the exclusive
 * monitor, so an interrupted ldrex/strex pair retries (Linux uses strex
 * rather than clrex for Cortex-A15 erratum 830321).
 */
.macro	svc_exit
	ldr	r1, [sp, #S_PSR]
	msr	spsr_cxsf, r1
	sub	r0, sp, #4
	strex	r1, r2, [r0]
	ldmia	sp, {r0 - pc}^
.endm

/* Data abort in SVC mode: v7_early_abort reads DFAR and DFSR. */
__dabt_svc:
	svc_entry
	mrc	p15, 0, r0, c6, c0, 0		@ DFAR: the address
	mrc	p15, 0, r1, c5, c0, 0		@ DFSR: the status
	mov	r2, sp
	bl	do_DataAbort
	svc_exit

/* Prefetch abort in SVC mode: v7_pabort reads IFAR and IFSR. */
__pabt_svc:
	svc_entry
	mrc	p15, 0, r0, c6, c0, 2		@ IFAR
	mrc	p15, 0, r1, c5, c0, 1		@ IFSR
	mov	r2, sp
	bl	do_PrefetchAbort
	svc_exit

/* Undefined instruction in SVC mode (no emulation: traps.c dies). */
__und_svc:
	svc_entry
	mov	r0, sp
	bl	do_undefinstr
	svc_exit

/*
 * An exception from a mode other than SVC, or one we have no handler for:
 * Linux's inv_entry + bad_mode(regs, reason), which does not return. As in
 * Linux, sp and lr in pt_regs are SVC's, not the interrupted mode's.
 *  in: r0 = the 3-word area
 */
.macro	inv_entry name, reason
__\name\()_invalid:
	svc_entry
	mov	r0, sp
	mov	r1, #\reason
	bl	bad_mode
	b	.
.endm
	inv_entry dabt, BAD_DATA
	inv_entry pabt, BAD_PREFETCH
	inv_entry und,  BAD_UNDEFINSTR
	inv_entry irq,  BAD_IRQ
	inv_entry swi,  BAD_SWI
	inv_entry fiq,  BAD_FIQ
	inv_entry rst,  BAD_ADDREXCPTN

/*
 * early_trap_init: point VBAR at the table above and give each exception
 * mode its 3-word area (Linux cpu_init's struct stack). Called from
 * __mmap_switched (MMU on).
 *  corrupts: r0, r1
 */
ENTRY(early_trap_init)
	ldr	r0, =__vectors_start
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	mrs	r1, cpsr
	msr	cpsr_c, #ABT_MODE | PSR_I_BIT | PSR_F_BIT
	ldr	sp, =exc_stacks + 0
	msr	cpsr_c, #UND_MODE | PSR_I_BIT | PSR_F_BIT
	ldr	sp, =exc_stacks + 12
	msr	cpsr_c, #IRQ_MODE | PSR_I_BIT | PSR_F_BIT
	ldr	sp, =exc_stacks + 24
	msr	cpsr_c, #FIQ_MODE | PSR_I_BIT | PSR_F_BIT
	ldr	sp, =exc_stacks + 36
	msr	cpsr_c, r1			@ back to SVC
	isb
	bx	lr
ENDPROC(early_trap_init)

/*
 * make_task_dead_restart(sp, fn): Linux ends a task killed by an oops in
 * do_exit() and never comes back to its stack; our one "task" is the
 * console, so traps.c restarts it instead: sp reset to the top of its
 * stack, IRQs and FIQs masked as at boot, fp = 0 (the end of backtraces),
 * then fn (shell_restart), which does not return.
 */
ENTRY(make_task_dead_restart)
	msr	cpsr_c, #SVC_MODE | PSR_I_BIT | PSR_F_BIT
	mov	sp, r0
	mov	fp, #0
	bx	r1
ENDPROC(make_task_dead_restart)
	.ltorg

	.bss
	.align	3
exc_stacks:	.space	4 * 12			@ abt, und, irq, fiq: 3 words each
