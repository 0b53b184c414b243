/*
 * arch/arm/kernel/entry-common.S - system calls and the return to user
 * mode. Linux: arch/arm/kernel/entry-common.S (vector_swi,
 * ret_fast_syscall, ret_to_user, ret_from_fork) and entry-header.S
 * (restore_user_regs).
 *
 * A system call, ARM EABI: the program puts the number in r7 and up to
 * six arguments in r0-r5, and executes "svc #0". The CPU enters SVC mode
 * at the vector (ARM ARM B1.8.10): lr_svc = the instruction after the
 * svc, spsr_svc = the user cpsr; sp_svc is the top of the task's kernel
 * stack, empty while it ran in user mode.
 *
 *   vector_swi        struct pt_regs at the top of the kernel stack (r0-r12,
 *                     user sp/lr, pc, cpsr, ORIG_r0 = r0), user domain
 *                     closed; r4, r5 pushed as the 5th and 6th arguments
 *                     (AAPCS: arguments past the 4th are on the stack);
 *                     sys_call_table[r7](r0, r1, r2, r3, r4, r5)
 *   ret_fast_syscall  the result into regs->ARM_r0, the user's r0
 *   ret_to_user       do_work_pending (kernel/signal.c): a pending signal
 *                     stops the task (schedule() to the console) or ends it
 *                     (do_exit); then restore_user_regs
 *
 * Differences from Linux: no syscall tracing/audit/seccomp hooks, no OABI
 * (the number is always r7), and ret_to_user calls into C every time
 * rather than testing thread_info flags first: one CPU, no preemption, and
 * the check is a few loads. User mode runs with IRQs enabled, as
 * start_thread sets its cpsr and as Linux requires; armmm enables no
 * interrupt source (no GIC driver, the GIC CPU interface is off from
 * reset), so none arrives, and one that did would be a bad_mode report
 * (entry-armv.S __irq_invalid), not a silent hang.
 */
#include <asm/assembler.h>
#include <asm/ptrace.h>
#include <asm/domain.h>

#define BAD_SWI 5               /* bad_mode's reason (entry-armv.S) */

	.arch	armv7-a
	.arm
	.text

/*
 * restore_user_regs - back to user mode from the pt_regs at sp. The user
 * domain is opened (the program's pages are DOMAIN_USER); the exception
 * return (movs pc) is a context synchronisation event, so the DACR write
 * needs no isb of its own. The strex to the pc slot clears the exclusive
 * monitor, so a user ldrex/strex pair interrupted by this entry retries
 * (Linux avoids clrex for Cortex-A15 erratum 830321). The "^" form of ldm
 * loads the USR-mode r0-lr (B9.3.5, LDM user registers); the instruction
 * after it must not touch a banked register, hence the nop.
 *  corrupts: everything: it does not return
 */
.macro	restore_user_regs
	uaccess_enable r1, isb=0
	mov	r2, sp
	ldr	r1, [r2, #S_PSR]		@ the user cpsr
	ldr	lr, [r2, #S_PC]!		@ the user pc; r2 = &regs->ARM_pc
	msr	spsr_cxsf, r1
	strex	r1, r2, [r2]			@ clear the exclusive monitor
	ldmdb	r2, {r0 - lr}^			@ the user r0-r12, sp, lr
	mov	r0, r0
	add	sp, sp, #PT_REGS_SIZE		@ the kernel stack empty again
	movs	pc, lr				@ pc = lr, cpsr = spsr: user mode
.endm

	.align	5
ENTRY(vector_swi)
	sub	sp, sp, #PT_REGS_SIZE
	stmia	sp, {r0 - r12}			@ the caller's r0-r12
	add	r8, sp, #S_PC
	stmdb	r8, {sp, lr}^			@ the user sp and lr
	mrs	r9, spsr			@ the caller's cpsr
	str	lr, [sp, #S_PC]			@ return to the insn after svc
	str	r9, [sp, #S_PSR]
	str	r0, [sp, #S_OLD_R0]		@ r0 before the call replaced it
	and	r9, r9, #MODE_MASK
	teq	r9, #USR_MODE
	bne	__swi_from_kernel
	uaccess_disable ip
	mov	fp, #0				@ backtraces end here

	ldr	r8, =sys_call_table
	ldr	r9, =sys_call_table_size
	ldr	r9, [r9]
	stmdb	sp!, {r4, r5}			@ arguments 5 and 6
	cmp	r7, r9				@ unsigned: a negative number too
	ldrlo	ip, [r8, r7, lsl #2]
	ldrhs	ip, =sys_ni_syscall		@ past the table: -ENOSYS
	adr	lr, ret_fast_syscall
	bx	ip				@ r0-r3 are still the caller's
ENDPROC(vector_swi)

/* The call's result is the user's r0; then the common way out. */
ret_fast_syscall:
	add	sp, sp, #8			@ drop the copies of r4, r5
	str	r0, [sp, #S_R0]
	b	ret_to_user

/*
 * ret_to_user - every return to user mode: exceptions (entry-armv.S
 * __dabt_usr, ...), system calls, and a new task's first run. The pending
 * signals are acted on first; that may switch away (a stop) or never come
 * back (a fatal signal).
 *  in: sp = the task's struct pt_regs
 */
ENTRY(ret_to_user)
	mov	r0, sp
	bl	do_work_pending
	restore_user_regs
ENDPROC(ret_to_user)

/*
 * ret_from_fork - where a new task's first __switch_to lands (its
 * cpu_context.pc, kernel/fork.c create_task), with sp = task_pt_regs:
 * exec filled those registers in (start_thread), so this enters the
 * program at its entry point.
 */
ENTRY(ret_from_fork)
	b	ret_to_user
ENDPROC(ret_from_fork)

/*
 * An svc from kernel mode: the kernel never makes system calls, so this is
 * a bug; bad_mode reports it. sp and lr in pt_regs are made SVC's (the
 * stm^ above stored the USR ones), lr already replaced by the exception.
 */
__swi_from_kernel:
	add	r0, sp, #PT_REGS_SIZE
	str	r0, [sp, #S_SP]
	str	lr, [sp, #S_LR]
	mov	r0, sp
	mov	r1, #BAD_SWI
	bl	bad_mode
	b	.
	.ltorg
