/*
 * linux/sched/signal.h - sending signals (Linux: include/linux/sched/
 * signal.h, kernel/signal.c). armmm has no handlers (no sigaction, no
 * signal frames): every signal takes its default action, decided when the
 * task next returns to user mode (do_work_pending):
 *   SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU  stop the task: back to the console
 *   SIGCONT                             continue a stopped task (else nothing)
 *   SIGCHLD, SIGURG, SIGWINCH           ignored
 *   every other signal                  kill the task (do_exit(sig))
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/compiler.h>
#include <linux/signal.h>

struct task_struct;
struct pt_regs;

/* Queue sig for p (stop/continue/kill take effect as above); 0 or -EINVAL. */
int send_sig(int sig, struct task_struct *p);
/* A fault current cannot survive (fault.c: SIGSEGV/SIGBUS, traps.c:
 * SIGILL): it dies with sig on the way back to user mode. code is the
 * si_code, addr the faulting address (kept for the report). */
int force_sig_fault(int sig, int code, void __user *addr);
/* True if p has a signal pending that will kill or stop it. */
bool signal_pending(struct task_struct *p);
/* strsignal(3)'s text: "Segmentation fault", "Killed", ... */
const char *strsignal(int sig);
/* Called by entry-common.S ret_to_user with the user registers: act on
 * pending signals (this is where a task stops or dies). */
void do_work_pending(struct pt_regs *regs);
/* tsk died or stopped: SIGCHLD to its parent process, which is woken if
 * it waits (kernel/exit.c; nothing for the console's own children). */
void do_notify_parent(struct task_struct *tsk);

#endif
