/*
 * fs/proc/array.c - /proc/<pid>/status, stat and statm (Linux:
 * fs/proc/array.c, 6.1: proc_pid_status, do_task_stat, proc_pid_statm).
 *
 * Line order, labels and widths are Linux 6.1's as Debian's armmp kernel
 * prints them (no NUMA, no THP, no hugetlb, seccomp on). What armmm has no
 * concept of is printed as Linux prints it for a root process started by
 * the boot shell with nothing special done: uid/gid 0, all capabilities,
 * umask 0022, no signal handlers, process group and session 0, no tty,
 * 0 context switches and start time 0 (no scheduler clock).
 *
 * Differences from Linux 6.1, each because armmm has one CPU and the
 * console is pid 0 (Linux: /init is pid 1):
 *  - PPid is 0, the console's pid, where a busybox shell would be 1 (a
 *    forked child's is its parent's);
 *  - Cpus_allowed is 1 / 0: one CPU (Linux: every possible CPU of the DTB);
 *  - SigQ's limit is computed from totalram_pages() now (Linux: at
 *    fork_init, before the init sections and CMA were added).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include "internal.h"

#define NR_OPEN_DEFAULT 32      /* BITS_PER_LONG: the smallest fd table (FDSize) */
#define SIGCHLD         17      /* exit_signal of a process started by a shell */
#define RLIM_INFINITY   (~0UL)

/* Linux task_state_array, indexed by the bit number of state + 1. */
static const char * const task_state_array[] = {
	"R (running)", "S (sleeping)", "D (disk sleep)", "T (stopped)",
	"t (tracing stop)", "X (dead)", "Z (zombie)", "P (parked)", "I (idle)",
};

static const char *get_task_state(const struct task_struct *tsk)
{
	unsigned int state = (tsk->__state & 0x7f) | (unsigned int)tsk->exit_state;
	unsigned int i = 0;

	while (state && i + 1 < ARRAY_SIZE(task_state_array)) {
		state >>= 1;
		i++;
	}
	return task_state_array[i];
}

static bool task_is_running(const struct task_struct *tsk)
{
	return tsk->__state == TASK_RUNNING && !tsk->exit_state;
}

/* Linux set_max_threads() and RLIMIT_SIGPENDING = max_threads / 2. */
static unsigned long sigpending_rlimit(void)
{
	unsigned long threads = totalram_pages() / (THREAD_SIZE * 8 / PAGE_SIZE);

	return max(threads, 20UL) / 2;
}

static void task_state(struct seq_file *m, struct task_struct *p)
{
	seq_puts(m, "Umask:\t0022\n");       /* Linux "%#04o" of the default umask 022 */
	seq_printf(m, "State:\t%s", get_task_state(p));
	seq_printf(m, "\nTgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0", p->pid, p->pid,
		   p->real_parent ? p->real_parent->pid : 0);
	seq_puts(m, "\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0");
	seq_printf(m, "\nFDSize:\t%d\nGroups:\t ", NR_OPEN_DEFAULT);
	seq_printf(m, "\nNStgid:\t%d\nNSpid:\t%d\nNSpgid:\t0\nNSsid:\t0\n", p->pid, p->pid);
}

/* Linux render_sigset_t: 64 signals, 16 hex digits, signal 64 first. */
static void render_sigset_t(struct seq_file *m, const char *header, unsigned long long set)
{
	seq_printf(m, "%s%016llx\n", header, set);
}

static void task_sig(struct seq_file *m, struct task_struct *p)
{
	seq_printf(m, "Threads:\t1\nSigQ:\t0/%lu\n", sigpending_rlimit());
	render_sigset_t(m, "SigPnd:\t", p->pending);
	render_sigset_t(m, "ShdPnd:\t", 0);
	render_sigset_t(m, "SigBlk:\t", 0);
	render_sigset_t(m, "SigIgn:\t", 0);
	render_sigset_t(m, "SigCgt:\t", 0);
}

/* root's capabilities in 6.1: CAP_LAST_CAP 40, so 41 bits. */
static void task_cap(struct seq_file *m)
{
	seq_puts(m, "CapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\n"
		 "CapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\n"
		 "CapAmb:\t0000000000000000\n");
}

/* ARM has no speculation controls: arch_prctl_spec_ctrl_get says -EINVAL. */
static void task_seccomp(struct seq_file *m)
{
	seq_puts(m, "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n"
		 "Speculation_Store_Bypass:\tunknown\nSpeculationIndirectBranch:\tunsupported\n");
}

int proc_pid_status(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = task->mm;

	seq_printf(m, "Name:\t%s\n", task->comm);
	task_state(m, task);
	if (mm) {
		task_mem(m, mm);
		seq_puts(m, "CoreDumping:\t0\nTHP_enabled:\t0\n");
	}
	task_sig(m, task);
	task_cap(m);
	task_seccomp(m);
	seq_puts(m, "Cpus_allowed:\t1\nCpus_allowed_list:\t0\n");
	seq_puts(m, "Mems_allowed:\t1\nMems_allowed_list:\t0\n");
	seq_puts(m, "voluntary_ctxt_switches:\t0\nnonvoluntary_ctxt_switches:\t0\n");
	return 0;
}

/*
 * Linux do_task_stat, 52 fields. Field 10 is minflt, 12 majflt (the
 * process's own; 11 and 13 are its waited-for children's). esp/eip
 * (29, 30) are 0 as Linux shows them for a task that is not exiting;
 * wchan (35) is 1 while the task is not running.
 */
int proc_tgid_stat(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = task->mm;

	seq_printf(m, "%d (%s) %c %d 0 0 0 -1 0", task->pid, task->comm, *get_task_state(task),
		   task->real_parent ? task->real_parent->pid : 0);
	seq_printf(m, " %lu 0 %lu 0", task->min_flt, task->maj_flt);
	seq_puts(m, " 0 0 0 0 20 0 1 0 0");            /* times, prio 20, nice 0, 1 thread, start */
	seq_printf(m, " %lu %lu %lu", mm ? task_vsize(mm) : 0, mm ? get_mm_rss(mm) : 0,
		   RLIM_INFINITY);
	seq_printf(m, " %lu %lu %lu 0 0", mm ? mm->start_code : 0, mm ? mm->end_code : 0,
		   mm ? mm->start_stack : 0);
	seq_printf(m, " %lu 0 0 0", task->pending & 0x7fffffffUL);
	seq_printf(m, " %d 0 0 %d 0 0 0 0 0 0", !task_is_running(task), SIGCHLD);
	if (mm)
		seq_printf(m, " %lu %lu %lu %lu %lu %lu %lu", mm->start_data, mm->end_data,
			   mm->start_brk, mm->arg_start, mm->arg_end, mm->env_start, mm->env_end);
	else
		seq_puts(m, " 0 0 0 0 0 0 0");
	seq_printf(m, " %d\n", task->exit_code);
	return 0;
}

int proc_pid_statm(struct seq_file *m, struct task_struct *task)
{
	unsigned long size = 0, resident = 0, shared = 0, text = 0, data = 0;

	if (task->mm)
		size = task_statm(task->mm, &shared, &text, &data, &resident);
	seq_printf(m, "%lu %lu %lu %lu 0 %lu 0\n", size, resident, shared, text, data);
	return 0;
}
