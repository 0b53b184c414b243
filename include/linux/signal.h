/*
 * linux/signal.h - signal numbers and the si_codes the kernel raises
 * (Linux: arch/arm/include/uapi/asm/signal.h, include/uapi/asm-generic/
 * siginfo.h). ARM's numbers are the classic ones.
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#define SIGHUP     1
#define SIGINT     2
#define SIGQUIT    3
#define SIGILL     4
#define SIGTRAP    5
#define SIGABRT    6
#define SIGBUS     7
#define SIGFPE     8
#define SIGKILL    9
#define SIGUSR1   10
#define SIGSEGV   11
#define SIGUSR2   12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGSTKFLT 16
#define SIGCHLD   17
#define SIGCONT   18
#define SIGSTOP   19
#define SIGTSTP   20
#define SIGTTIN   21
#define SIGTTOU   22
#define SIGURG    23
#define SIGXCPU   24
#define SIGXFSZ   25
#define SIGVTALRM 26
#define SIGPROF   27
#define SIGWINCH  28
#define SIGIO     29
#define SIGPWR    30
#define SIGSYS    31
#define _NSIG     32            /* 1..31: one bit each in task->pending */

#define sigmask(sig)  (1UL << ((sig) - 1))

/* si_code values for the faults (asm-generic/siginfo.h) */
#define ILL_ILLOPC   1          /* illegal opcode */
#define SEGV_MAPERR  1          /* address not mapped to object */
#define SEGV_ACCERR  2          /* invalid permissions for mapped object */
#define BUS_ADRALN   1          /* invalid address alignment */
#define BUS_ADRERR   2          /* non-existent physical address */
#define BUS_OBJERR   3          /* object specific hardware error */

#endif
