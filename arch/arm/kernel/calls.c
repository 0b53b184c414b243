/*
 * arch/arm/kernel/calls.c - sys_call_table, indexed by the syscall number
 * a program puts in r7 (Linux: arch/arm/tools/syscall.tbl, turned into
 * calls.S by syscallhdr.sh/syscalltbl.sh; ARM EABI numbers).
 *
 * Every number without an implementation here is sys_ni_syscall, which
 * returns -ENOSYS as Linux does for a call it was built without; numbers
 * at or above NR_syscalls are rejected by vector_swi before the table.
 *
 * Linux builds the table in assembly from the .tbl file; a C array with
 * designated initialisers says the same in one place. The functions have
 * different prototypes: the table stores plain addresses, and vector_swi
 * calls through them with r0-r3 in registers and r4, r5 on the stack,
 * which is the AAPCS call of any function of up to six word arguments.
 */
#include <linux/errno.h>
#include <linux/syscalls.h>

#define NR_syscalls 452         /* Linux 6.1 ARM: the table's length */

long sys_ni_syscall(void)
{
	return -ENOSYS;
}

#pragma GCC diagnostic ignored "-Woverride-init"   /* the range, then the entries */
const void *const sys_call_table[NR_syscalls] = {
	[0 ... NR_syscalls - 1] = sys_ni_syscall,
	[1]   = sys_exit,
	[2]   = sys_fork,
	[4]   = sys_write,
	[20]  = sys_getpid,
	[37]  = sys_kill,
	[45]  = sys_brk,
	[91]  = sys_munmap,
	[114] = sys_wait4,
	[120] = sys_clone,
	[125] = sys_mprotect,
	[190] = sys_vfork,
	[192] = sys_mmap2,
	[248] = sys_exit_group,
};
const unsigned int sys_call_table_size = NR_syscalls;
