/*
 * kernel/signal.c - signals with their default actions only (Linux:
 * kernel/signal.c send_signal, prepare_signal, force_sig_fault, sys_kill,
 * get_signal, do_signal_stop; arch/arm/kernel/signal.c do_work_pending).
 *
 * A signal is one bit in task->pending (no siginfo queue, no handlers,
 * no blocked mask). Sending sorts out the stop/continue interplay at once,
 * as Linux's prepare_signal does:
 *   a stop signal (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU) drops a pending SIGCONT;
 *   SIGCONT drops pending stop signals and wakes a stopped task;
 *   SIGKILL wakes a stopped task too, so that it can die;
 *   ignored-by-default signals (SIGCHLD, SIGURG, SIGWINCH) are dropped.
 * The rest waits until the task next returns to user mode (entry-common.S
 * ret_to_user -> do_work_pending): the lowest pending signal is taken, as
 * Linux's dequeue_signal does, and a stop signal stops the task there (back
 * to the console) while any other kills it (do_exit with the signal's
 * number: the console prints strsignal's text).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <asm/ptrace.h>

#define STOP_SIGNALS    (sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | \
			 sigmask(SIGTTOU))
#define IGNORED_SIGNALS (sigmask(SIGCHLD) | sigmask(SIGURG) | sigmask(SIGWINCH))

int send_sig(int sig, struct task_struct *p)
{
	if (sig < 0 || sig >= _NSIG)
		return -EINVAL;
	if (!sig || p->exit_state)
		return 0;               /* kill(pid, 0): only "does it exist" */
	if (sigmask(sig) & STOP_SIGNALS) {
		p->pending &= ~sigmask(SIGCONT);
	} else if (sig == SIGCONT) {
		p->pending &= ~STOP_SIGNALS;
		wake_up_process(p);
		return 0;               /* nothing left to deliver */
	} else if (sig == SIGKILL) {
		p->pending &= ~STOP_SIGNALS;
		wake_up_process(p);
	}
	if (sigmask(sig) & IGNORED_SIGNALS)
		return 0;
	p->pending |= sigmask(sig);
	/* Linux signal_wake_up: a sleeper in wait4 wakes to take the signal;
	 * SIGKILL also ends a killable sleep (vfork's parent: TASK_KILLABLE). */
	wake_up_state(p, TASK_INTERRUPTIBLE | (sig == SIGKILL ? TASK_UNINTERRUPTIBLE : 0));
	return 0;
}

/*
 * A synchronous fault current cannot survive: Linux's force_sig_fault
 * also unblocks and un-ignores the signal; with no handlers here it is
 * simply pending, and kills on the way out (do_work_pending). The
 * si_code and address went into the report the caller printed.
 */
int force_sig_fault(int sig, int code, void __user *addr)
{
	return send_sig(sig, current);
}

bool signal_pending(struct task_struct *p)
{
	return p->pending != 0;
}

static const char *const signal_text[_NSIG] = {
	[SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted", [SIGBUS] = "Bus error",
	[SIGFPE] = "Floating point exception", [SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1", [SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2", [SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock", [SIGTERM] = "Terminated",
	[SIGSTKFLT] = "Stack fault", [SIGCHLD] = "Child exited",
	[SIGCONT] = "Continued", [SIGSTOP] = "Stopped (signal)", [SIGTSTP] = "Stopped",
	[SIGTTIN] = "Stopped (tty input)", [SIGTTOU] = "Stopped (tty output)",
	[SIGURG] = "Urgent I/O condition", [SIGXCPU] = "CPU time limit exceeded",
	[SIGXFSZ] = "File size limit exceeded", [SIGVTALRM] = "Virtual timer expired",
	[SIGPROF] = "Profiling timer expired", [SIGWINCH] = "Window changed",
	[SIGIO] = "I/O possible", [SIGPWR] = "Power failure", [SIGSYS] = "Bad system call",
};

/* glibc's strsignal(3) wording, "Unknown signal <n>" past the table. */
const char *strsignal(int sig)
{
	static char unknown[24];

	if (sig > 0 && sig < _NSIG && signal_text[sig])
		return signal_text[sig];
	snprintf(unknown, sizeof(unknown), "Unknown signal %d", sig);
	return unknown;
}

/* Linux's do_signal_stop: the console sees __TASK_STOPPED and the signal
 * in exit_code (as wait(WUNTRACED) reports it; a parent process is told,
 * kernel/exit.c do_notify_parent); SIGCONT or SIGKILL makes the task
 * runnable, and the console's schedule() brings it back here. */
static void do_signal_stop(int sig)
{
	current->__state = __TASK_STOPPED;
	current->exit_code = sig;
	do_notify_parent(current);      /* a parent in wait4(WUNTRACED) sees it */
	schedule();
	current->exit_code = 0;
}

void do_work_pending(struct pt_regs *regs)
{
	while (current->pending) {
		int sig = __builtin_ctzl(current->pending) + 1;     /* the lowest */

		current->pending &= ~sigmask(sig);
		if (sigmask(sig) & STOP_SIGNALS)
			do_signal_stop(sig);
		else
			do_exit(sig);
	}
}

/*
 * kill(2) for one pid (Linux's kill_proc_info): pid 0 and negative pids
 * mean process groups, which armmm has not got (-ESRCH, as for a group
 * with no members); pid 0 itself is the console, not a process.
 */
long sys_kill(int pid, int sig)
{
	struct task_struct *p;

	if (sig < 0 || sig >= _NSIG)
		return -EINVAL;
	p = pid > 0 ? find_task_by_vpid(pid) : NULL;
	if (!p || p->exit_state)
		return -ESRCH;
	return send_sig(sig, p);
}
