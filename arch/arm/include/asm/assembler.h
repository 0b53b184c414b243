/*
 * asm/assembler.h - helpers for head.S and friends (Linux: asm/assembler.h).
 */
#ifndef _ASM_ASSEMBLER_H
#define _ASM_ASSEMBLER_H
#ifdef __ASSEMBLER__

#define ENTRY(name)  .globl name; .type name, %function; .align 2; name:
#define ENDPROC(name) .size name, . - name

/*
 * Load the *run-time* address of a symbol anywhere in the image, whether or
 * not the MMU is on: link address + (run address - link address of a local
 * label). Linux's adr_l does this with movw/movt pc-relative pairs.
 * Corrupts \tmp.
 */
.macro	adr_l, rd, sym, tmp
	adr	\rd, 9998f			@ run address of the literal
	ldr	\tmp, [\rd]			@ its link address
	sub	\tmp, \rd, \tmp			@ delta = run - link
	ldr	\rd, 9998f + 4			@ link address of \sym
	add	\rd, \rd, \tmp			@ run address of \sym
	b	9999f
	.align	2
9998:	.long	9998b
	.long	\sym
9999:
.endm

#endif
#endif
