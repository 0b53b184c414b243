/*
 * kernel/exit.c - the end of a process and waiting for it: do_exit,
 * sys_exit, sys_exit_group, sys_wait4 (Linux: kernel/exit.c do_exit,
 * exit_mm, exit_notify, forget_original_parent, do_group_exit, do_wait,
 * wait_task_zombie, wait_task_stopped, kernel_wait4; kernel/signal.c
 * do_notify_parent).
 *
 * The exit code is Linux's wait status: (status & 0xff) << 8 for exit(),
 * the signal number for a killing signal (WIFSIGNALED). The task gives up
 * its address space (exit_mm: back on init_mm's tables first, then
 * mmput frees the VMAs, pages and page tables; a vfork parent wakes),
 * becomes a zombie and switches away for the last time. Its parent reaps
 * it: a process with wait4, the console (for the programs it started, and
 * for orphans) when it prints the job's status line (kernel/shell_jobs.c).
 * The kernel stack we are running on here cannot be freed by its own task.
 *
 * exit_notify: the dead task's children go to the console (Linux hands
 * them to init or a subreaper; the console is armmm's init), and its
 * parent gets SIGCHLD, ignored by default, and is woken if it sleeps in
 * wait4. wait4 also reports a child's stop (WUNTRACED), once per stop.
 *
 * Differences: one thread per process, so exit_group is exit; no process
 * groups (wait4's pid 0 means every child, -pgid the children in that
 * job); no WCONTINUED, __WALL, WNOWAIT (-EINVAL); rusage holds only the
 * fault counts; no SIGCHLD handlers, so never auto-reaping.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/sched/signal.h>
#include <asm/mmu_context.h>
#include <asm/uaccess.h>
#include <asm/ptrace.h>
#include <string.h>
#include <limits.h>

#define WNOHANG         0x00000001      /* wait4's options (Linux's values) */
#define WUNTRACED       0x00000002

/* Linux's exit_mm: the task no longer uses its mm; init_mm's tables go
 * live before the pages of the old ones are freed. */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	mm_release(tsk);
	switch_mm(tsk->active_mm, &init_mm, tsk);
	tsk->active_mm = &init_mm;
	tsk->mm = NULL;
	mmput(mm);
}

/* Linux forget_original_parent: tsk's children are now the console's. */
static void forget_original_parent(struct task_struct *tsk)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->real_parent == tsk)
			p->real_parent = &init_task;
}

/*
 * do_notify_parent - tell tsk's parent that tsk died or stopped (Linux
 * do_notify_parent, do_notify_parent_cldstop): SIGCHLD, which it ignores
 * by default, and a wake-up if it sleeps in wait4.
 */
void do_notify_parent(struct task_struct *tsk)
{
	struct task_struct *parent = tsk->real_parent;

	if (!parent || parent == &init_task)
		return;                 /* the console looks for itself */
	send_sig(SIGCHLD, parent);
	wake_up_state(parent, TASK_INTERRUPTIBLE);
}

/* Linux exit_notify: orphans to the console, then a zombie for the parent. */
static void exit_notify(struct task_struct *tsk)
{
	forget_original_parent(tsk);
	tsk->exit_state = EXIT_ZOMBIE;
	do_notify_parent(tsk);
}

__noreturn void do_exit(long code)
{
	struct task_struct *tsk = current;

	if (tsk == &init_task)
		panic("Attempted to kill the idle task!");
	/* An oops inside do_exit itself (in mmput, say) comes back here:
	 * Linux skips the cleanup that failed and just ends the task. */
	if (tsk->flags & PF_EXITING) {
		printk("Fixing recursive fault but reboot is needed!\n");
		tsk->mm = NULL;         /* active_mm stays: schedule() leaves it */
	}
	tsk->flags |= PF_EXITING;
	exit_mm(tsk);
	tsk->exit_code = code;
	exit_notify(tsk);
	schedule();
	panic("do_exit: zombie pid %d ran again", tsk->pid);
}

long sys_exit(int error_code)
{
	do_exit((error_code & 0xff) << 8);
}

long sys_exit_group(int error_code)
{
	do_exit((error_code & 0xff) << 8);
}

/*
 * What wait4 can say about child p now (Linux wait_consider_task): its
 * death (it is reaped), or, with WUNTRACED, a stop not reported yet (the
 * stop signal in exit_code, cleared once reported, as Linux clears
 * group_exit_code). Return: the child's pid with *status set, or 0.
 */
static int wait_consider_task(struct task_struct *p, int options, int *status,
			      struct task_struct **reap)
{
	if (p->exit_state == EXIT_ZOMBIE) {
		*status = p->exit_code;
		*reap = p;
		return p->pid;
	}
	if ((options & WUNTRACED) && p->__state == __TASK_STOPPED && p->exit_code) {
		*status = (p->exit_code << 8) | 0x7f;   /* WIFSTOPPED, WSTOPSIG */
		p->exit_code = 0;
		return p->pid;
	}
	return 0;
}

/* Does child p match wait4's pid argument (Linux eligible_pid)? */
static bool eligible_pid(struct task_struct *p, int pid)
{
	if (pid > 0)
		return p->pid == pid;
	if (pid < -1)
		return job_leader(p)->pid == -pid;
	return true;                    /* -1: any child; 0: our group, i.e. any */
}

/* One pass over current's children: a pid with *status, 0, or -ECHILD. */
static int do_wait_once(int pid, int options, int *status, struct task_struct **reap)
{
	struct task_struct *p;
	bool any = false;
	int ret;

	for_each_process(p) {
		if (p->real_parent != current || !eligible_pid(p, pid))
			continue;
		any = true;
		ret = wait_consider_task(p, options, status, reap);
		if (ret)
			return ret;
	}
	return any ? 0 : -ECHILD;
}

/* struct rusage (include/uapi/linux/resource.h): 32-bit longs. */
struct rusage {
	long ru_utime[2], ru_stime[2];
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt;
	long ru_nswap, ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv;
	long ru_nsignals, ru_nvcsw, ru_nivcsw;
};

/*
 * A signal arrived while wait4 slept. Linux returns -ERESTARTSYS, and
 * do_signal (no handler) restarts the call: r0 back from ORIG_r0, pc back
 * onto the svc. wait4 is armmm's only call that sleeps, so it rewinds its
 * own registers; the signal is then taken on the way out (a stop stops
 * the task there, and the call is made again once it continues; a fatal
 * one kills it first). Return: the r0 the caller will see again.
 */
static long restart_syscall(void)
{
	struct pt_regs *regs = task_pt_regs(current);

	regs->ARM_pc -= (regs->ARM_cpsr & PSR_T_BIT) ? 2 : 4;
	return regs->ARM_ORIG_r0;
}

/**
 * sys_wait4 - wait for a child to die or stop (Linux kernel_wait4)
 * @upid: > 0 that child, -1 or 0 any child, < -1 the children in job -upid
 * @stat_addr: where the wait status goes (may be NULL)
 * @options: WNOHANG (do not sleep), WUNTRACED (report stops too)
 * @ru: struct rusage of the child (only ru_minflt/ru_majflt), or NULL
 *
 * A dead child is reaped (release_task). Return: its pid, 0 with WNOHANG
 * when no child is ready, -ECHILD with no such child, -EINVAL for other
 * options, -EFAULT for a bad pointer (the child is reaped all the same).
 */
long sys_wait4(int upid, int __user *stat_addr, int options, struct rusage __user *ru)
{
	struct task_struct *reap = NULL;
	struct rusage r;
	int status = 0;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED))
		return -EINVAL;
	if (upid == INT_MIN)            /* -INT_MIN overflows (Linux: -ESRCH) */
		return -ESRCH;
	for (;;) {
		ret = do_wait_once(upid, options, &status, &reap);
		if (ret || (options & WNOHANG))
			break;
		if (signal_pending(current))
			return restart_syscall();
		current->__state = TASK_INTERRUPTIBLE;
		schedule();
		current->__state = TASK_RUNNING;
	}
	if (ret <= 0)
		return ret;
	if (ru) {
		memset(&r, 0, sizeof(r));
		r.ru_minflt = reap ? reap->min_flt : 0;
		r.ru_majflt = reap ? reap->maj_flt : 0;
	}
	if (reap)
		release_task(reap);
	if (stat_addr && copy_to_user(stat_addr, &status, sizeof(status)))
		return -EFAULT;
	if (ru && copy_to_user(ru, &r, sizeof(r)))
		return -EFAULT;
	return ret;
}
