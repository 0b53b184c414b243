/*
 * arch/arm/kernel/entry-armv.S - exception vectors, the exception entry
 * from kernel and from user mode, and the task switch. Linux:
 * arch/arm/kernel/entry-armv.S (vector_stub, __dabt_svc, __pabt_svc,
 * __und_svc, __dabt_usr, __pabt_usr, __und_usr, usr_entry, __switch_to,
 * __*_invalid + bad_mode), entry-header.S (svc_entry/svc_exit),
 * arch/arm/mm/abort-ev7.S (v7_early_abort) and pabort-v7.S (v7_pabort).
 * System calls and the return to user mode are in entry-common.S.
 *
 * The path of a data abort:
 *
 *   vector table (0xffff0000)  ldr pc, =vector_dabt
 *   vector_dabt (ABT mode)     lr -= 8; r0, lr, spsr -> the 3-word abt area;
 *                              switch to SVC mode, IRQs and FIQs masked;
 *                              by the interrupted mode:
 *   SVC: __dabt_svc            svc_entry: struct pt_regs on the SVC stack
 *                              do_DataAbort(DFAR, DFSR, regs)  (mm/fault.c)
 *                              svc_exit: reload r0-pc and cpsr from pt_regs
 *   USR: __dabt_usr            usr_entry: struct pt_regs at the top of the
 *                              task's kernel stack, user domain closed
 *                              do_DataAbort(DFAR, DFSR, regs)
 *                              ret_to_user (entry-common.S): signals, then
 *                              back to user mode with the domain open
 *   any other mode             __dabt_invalid: bad_mode, an oops
 *
 * Why switch to SVC mode at all: C then runs on the stack of the code that
 * faulted (the task's kernel stack, empty while it was in user mode), so
 * an oops can show that stack, and the abort mode keeps only 3 words.
 *
 * Where we differ from Linux: svc_entry/svc_exit neither save nor close
 * DACR (Linux's svc_entry stores it in struct svc_pt_regs): a kernel fault
 * inside copy_from_user is handled with the user domain still open, and
 * returns to the copy (or its fixup) with it open, as the copy needs.
 */
#include <asm/assembler.h>
#include <asm/ptrace.h>
#include <asm/domain.h>

/* bad_mode() reasons, Linux's BAD_* (asm/traps.h), and two of ours */
#define BAD_PREFETCH    0
#define BAD_DATA        1
#define BAD_ADDREXCPTN  2
#define BAD_IRQ         3
#define BAD_UNDEFINSTR  4
#define BAD_SWI         5       /* ours: an svc from kernel mode */
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
 * r0 = the area: interrupted mode SVC goes to \svc, USR to \usr, any
 * other to __\name\()_invalid (Linux's per-mode jump table, with the SVC
 * and USR slots filled in).
 *  corrupts: lr and spsr of the exception mode; lr of SVC mode when the
 *  interrupted mode was not SVC (user mode has no use for it)
 */
.macro	vector_stub name, correction, svc, usr
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
	ldr	lr, [r0, #8]			@ SVC's lr is free: not from SVC
	and	lr, lr, #MODE_MASK
	teq	lr, #USR_MODE
	beq	\usr
	b	__\name\()_invalid
.endm
	vector_stub dabt, 8, __dabt_svc, __dabt_usr
	vector_stub pabt, 4, __pabt_svc, __pabt_usr
	vector_stub und,  4, __und_svc,  __und_usr
/* Exceptions the kernel does not take yet: bad modes from any mode. The
 * supervisor call has its own entry, vector_swi (entry-common.S). */
	vector_stub irq,  4, __irq_invalid, __irq_invalid
	vector_stub fiq,  4, __fiq_invalid, __fiq_invalid
	vector_stub rst,  0, __rst_invalid, __rst_invalid

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
 * usr_entry - the exception came from user mode: the SVC stack is the
 * task's kernel stack, empty, its sp at the top (THREAD_SIZE-aligned, so
 * 8-byte aligned). struct pt_regs goes right there (task_pt_regs), as
 * Linux's usr_entry: r0-r12, pc and cpsr from the exception mode's area,
 * the user sp and lr through the "^" form of stm (ARM ARM B9.3.6, STM
 * user registers: the banked USR registers, not SVC's), ORIG_r0 = -1.
 * Then the user domain is closed (CPU_SW_DOMAIN_PAN: the kernel may touch
 * user memory only through uaccess) and fp = 0 ends backtraces here.
 *  in: r0 = the 3-word area      out: sp = struct pt_regs *
 *  corrupts: r0-r6, ip
 */
.macro	usr_entry
	sub	sp, sp, #PT_REGS_SIZE
	stmib	sp, {r1 - r12}			@ r1..r12
	ldmia	r0, {r3 - r5}			@ r3 = r0, r4 = pc, r5 = cpsr
	add	r0, sp, #S_PC
	mvn	r6, #0				@ ORIG_r0 = -1: not a syscall
	str	r3, [sp, #S_R0]
	stmia	r0, {r4 - r6}			@ pc, cpsr, ORIG_r0
	stmdb	r0, {sp, lr}^			@ the user sp and lr
	uaccess_disable ip
	mov	fp, #0
.endm

/* Data abort in user mode: a page fault, usually (mm/fault.c). */
__dabt_usr:
	usr_entry
	mrc	p15, 0, r0, c6, c0, 0		@ DFAR
	mrc	p15, 0, r1, c5, c0, 0		@ DFSR
	mov	r2, sp
	bl	do_DataAbort
	b	ret_to_user

/* Prefetch abort in user mode: an instruction page to fault in, or a
 * jump where the process may not execute. */
__pabt_usr:
	usr_entry
	mrc	p15, 0, r0, c6, c0, 2		@ IFAR
	mrc	p15, 0, r1, c5, c0, 1		@ IFSR
	mov	r2, sp
	bl	do_PrefetchAbort
	b	ret_to_user

/* Undefined instruction in user mode: no emulation (VFP, ...), so
 * do_undefinstr sends SIGILL. */
__und_usr:
	usr_entry
	mov	r0, sp
	bl	do_undefinstr
	b	ret_to_user

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
 * __switch_to(prev, &prev->cpu_context, &next->cpu_context): Linux's task
 * switch. The callee-saved registers, fp, sp and the return address of the
 * caller (context_switch) go into prev's cpu_context; next's are loaded,
 * and the ldm's pc resumes next where it last called __switch_to, or at
 * ret_from_fork the first time (kernel/fork.c create_task). Everything
 * else is caller-saved (AAPCS), so nothing more needs keeping. Returns
 * prev in r0, as Linux does ("last").
 */
ENTRY(__switch_to)
	stmia	r1, {r4 - sl, fp, sp, lr}	@ r4..sl, fp, sp, pc
	ldmia	r2, {r4 - sl, fp, sp, pc}
ENDPROC(__switch_to)

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
