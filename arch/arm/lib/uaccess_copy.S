/*
 * arch/arm/lib/uaccess_copy.S - the loops behind copy_from_user, copy_to_user
 * and clear_user (Linux: arch/arm/lib/copy_from_user.S, copy_to_user.S,
 * clear_user.S; the C wrappers are arch/arm/lib/uaccess.c, as Linux's
 * include/linux/uaccess.h _copy_from_user).
 *
 * The caller has checked the range (access_ok) and opened DOMAIN_USER
 * (uaccess_save_and_enable). Every load or store of user memory carries an
 * __ex_table entry: when it faults on an address with no mapping, the
 * fault code (fixup_exception) resumes at 9f, and the function returns how
 * many bytes were left, the faulting one included. A fault on a mapped page
 * is serviced (handle_mm_fault) and the instruction re-executed, so a copy
 * pages user memory in as it goes.
 *
 * Linux's versions copy 32 bytes per iteration with preloads; these copy
 * a word at a time when both pointers are word aligned, else a byte at a
 * time: easier to follow, and what goes through here (write() to the
 * console, the strings of exec) is short.
 */
#include <asm/assembler.h>

/* A user access at label 1: its fixup is 9f (the function's own). */
.macro	USER, insn:vararg
1:	\insn
	.pushsection __ex_table, "a"
	.align	2
	.long	1b, 9f
	.popsection
.endm

	.text
	.arm

/* unsigned long arm_copy_from_user(void *to, const void __user *from, unsigned long n) */
ENTRY(arm_copy_from_user)
	orr	r3, r0, r1
	tst	r3, #3
	bne	5f
4:	cmp	r2, #4				@ aligned: words while 4 bytes remain
	blo	5f
	USER	ldr	r3, [r1]
	add	r1, r1, #4
	str	r3, [r0], #4
	sub	r2, r2, #4
	b	4b
5:	cmp	r2, #0				@ the tail (or all of it, unaligned)
	beq	9f
	USER	ldrb	r3, [r1]
	add	r1, r1, #1
	strb	r3, [r0], #1
	sub	r2, r2, #1
	b	5b
9:	mov	r0, r2				@ bytes left: 0, or from the fault on
	bx	lr
ENDPROC(arm_copy_from_user)

/* unsigned long arm_copy_to_user(void __user *to, const void *from, unsigned long n) */
ENTRY(arm_copy_to_user)
	orr	r3, r0, r1
	tst	r3, #3
	bne	5f
4:	cmp	r2, #4
	blo	5f
	ldr	r3, [r1], #4
	USER	str	r3, [r0]
	add	r0, r0, #4
	sub	r2, r2, #4
	b	4b
5:	cmp	r2, #0
	beq	9f
	ldrb	r3, [r1], #1
	USER	strb	r3, [r0]
	add	r0, r0, #1
	sub	r2, r2, #1
	b	5b
9:	mov	r0, r2
	bx	lr
ENDPROC(arm_copy_to_user)

/* unsigned long arm_clear_user(void __user *addr, unsigned long n) */
ENTRY(arm_clear_user)
	mov	r3, #0
5:	cmp	r1, #0
	beq	9f
	USER	strb	r3, [r0]
	add	r0, r0, #1
	sub	r1, r1, #1
	b	5b
9:	mov	r0, r1
	bx	lr
ENDPROC(arm_clear_user)
