/*
 * usr/lib/crt0.S - the programs' entry point, _start (glibc:
 * sysdeps/arm/start.S, much reduced).
 *
 * The kernel enters _start in USR mode with sp at the initial stack that
 * Linux's create_elf_tables (fs/binfmt_elf.c) lays out, lowest address
 * first:
 *
 *   sp ->  argc
 *          argv[0] .. argv[argc - 1], NULL
 *          envp[0] .. envp[n - 1], NULL
 *          auxv: (type, value) pairs, ending with AT_NULL
 *          ... the strings, AT_RANDOM's 16 bytes, at the top
 *
 * r0 holds 0 (ELF_PLAT_INIT: no atexit function from a dynamic linker);
 * there is none here, so it is ignored. fp and lr are cleared so that a
 * backtrace stops at _start. __libc_start_main (start.c) does the rest.
 */
	.text
	.arm
	.globl	_start
	.type	_start, %function
_start:
	mov	fp, #0
	mov	lr, #0
	mov	r0, sp			@ the initial stack: argc, argv, ...
	bic	sp, sp, #7		@ AAPCS: 8-byte aligned at a public call
	bl	__libc_start_main	@ never returns
	.inst	0xe7f000f0		@ udf #0: it did return
	.size	_start, . - _start

	.section .note.GNU-stack, "", %progbits
