/*
 * linux/syscalls.h - the system calls armmm implements, with Linux 6.1's
 * prototypes (include/linux/syscalls.h; sys_mmap2 is ARM's, from
 * arch/arm/kernel/entry-common.S + mm/mmap.c ksys_mmap_pgoff).
 * arch/arm/kernel/calls.c puts them in sys_call_table at ARM EABI's
 * numbers; entry-common.S vector_swi calls them with the user's r0-r5.
 * Every one returns a value or a negative errno, which becomes the user's r0.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/types.h>
#include <linux/compiler.h>

long sys_ni_syscall(void);                                      /* calls.c: -ENOSYS */
long sys_exit(int error_code);                                  /* kernel/exit.c */
long sys_exit_group(int error_code);                            /* kernel/exit.c */
long sys_write(unsigned int fd, const char __user *buf, size_t count);  /* fs/read_write.c */
long sys_getpid(void);                                          /* kernel/sys.c */
long sys_fork(void);                                            /* kernel/fork.c */
long sys_vfork(void);                                           /* kernel/fork.c */
long sys_clone(unsigned long clone_flags, unsigned long newsp, int __user *parent_tidptr,
	       unsigned long tls, int __user *child_tidptr);   /* kernel/fork.c */
struct rusage;
long sys_wait4(int upid, int __user *stat_addr, int options,
	       struct rusage __user *ru);                       /* kernel/exit.c */
long sys_kill(int pid, int sig);                                /* kernel/signal.c */
long sys_brk(unsigned long brk);                                /* mm/mmap.c */
long sys_munmap(unsigned long addr, size_t len);                /* mm/mmap.c */
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);  /* mm/mprotect.c */
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff);  /* mm/mmap.c */

#endif
