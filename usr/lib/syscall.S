/*
 * usr/lib/syscall.S - the Linux system calls the programs make, as the
 * ARM EABI defines them (Linux: arch/arm/kernel/entry-common.S
 * vector_swi; glibc: sysdeps/unix/sysv/linux/arm/sysdep.h INTERNAL_SYSCALL).
 *
 * Arguments in r0-r6, the call number in r7, `svc #0`; the result comes
 * back in r0, a negative errno (-4095..-1) on failure. These wrappers
 * return that raw value (no errno variable, unlike glibc). r4-r7 are
 * callee-saved under the AAPCS, so a wrapper that needs them saves them.
 * The numbers are Linux's arch/arm/tools/syscall.tbl.
 */
#define __NR_exit		1
#define __NR_fork		2
#define __NR_write		4
#define __NR_open		5
#define __NR_close		6
#define __NR_getpid		20
#define __NR_kill		37
#define __NR_brk		45
#define __NR_munmap		91
#define __NR_wait4		114
#define __NR_mprotect		125
#define __NR_mmap2		192
#define __NR_exit_group		248

	.text
	.arm

/* A call with at most four arguments: they are already in r0-r3. */
.macro	syscall4 name, nr
	.globl	\name
	.type	\name, %function
\name:
	push	{r7, lr}
	mov	r7, #\nr
	svc	#0
	pop	{r7, pc}
	.size	\name, . - \name
.endm

	syscall4 sys_exit, __NR_exit
	syscall4 sys_exit_group, __NR_exit_group
	syscall4 sys_write, __NR_write
	syscall4 sys_getpid, __NR_getpid
	syscall4 sys_kill, __NR_kill
	syscall4 sys_brk, __NR_brk
	syscall4 sys_munmap, __NR_munmap
	syscall4 sys_mprotect, __NR_mprotect
	syscall4 sys_open, __NR_open
	syscall4 sys_close, __NR_close
	syscall4 sys_wait4, __NR_wait4
	syscall4 sys_fork, __NR_fork

/*
 * mmap2(addr, len, prot, flags, fd, pgoff): the fifth and sixth arguments
 * arrive on the stack (AAPCS) and go to r4 and r5. The offset is in pages
 * (4096 bytes whatever PAGE_SIZE is), hence mmap2, not mmap.
 */
	.globl	sys_mmap2
	.type	sys_mmap2, %function
sys_mmap2:
	push	{r4, r5, r7, lr}
	ldr	r4, [sp, #16]
	ldr	r5, [sp, #20]
	mov	r7, #__NR_mmap2
	svc	#0
	pop	{r4, r5, r7, pc}
	.size	sys_mmap2, . - sys_mmap2

	.section .note.GNU-stack, "", %progbits
