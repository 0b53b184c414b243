/*
 * arch/arm/vdso/vdso.S - the linked vDSO inside the kernel image, page
 * aligned so its pages can be mapped into processes as they are (Linux:
 * arch/arm/vdso/vdso.S; vdso_start/vdso_end, read by arch/arm/kernel/vdso.c).
 */
	.section .rodata.vdso, "a"
	.balign	4096
	.globl	vdso_start, vdso_end
vdso_start:
	.incbin	VDSO_IMAGE
	.balign	4096
vdso_end:

	.section .note.GNU-stack, "", %progbits
