/*
 * linux/sched.h - tasks (Linux: include/linux/sched.h, and
 * arch/arm/include/asm/thread_info.h for cpu_context_save).
 *
 * armmm runs one CPU and no preemptive scheduler. Two kinds of task exist:
 *  - init_task, pid 0: the console (kernel/shell.c) on the boot stack, a
 *    kernel thread as Linux's swapper (mm == NULL, active_mm == &init_mm);
 *  - user processes, pid 1, 2, ...: started from the console, each with
 *    its own mm and an 8 KiB kernel stack whose top holds its user
 *    registers (struct pt_regs) while it is in the kernel.
 * A process runs until it exits, stops (SIGSTOP) or dies; then schedule()
 * switches back to the console, which waits for it. `fg` switches to it
 * again. The switch itself is Linux's __switch_to: callee-saved registers,
 * sp and pc saved in cpu_context.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>

struct mm_struct;
struct pt_regs;

/* Linux's struct completion (include/linux/completion.h), reduced to its
 * flag: one waiter, woken by complete() (kernel/fork.c: vfork). */
struct completion {
	unsigned int done;
	struct task_struct *waiter;
};

#define TASK_COMM_LEN   16
#define THREAD_SIZE     8192            /* a kernel stack */

/* task->__state and exit_state (Linux's values, as /proc/<pid>/stat shows them by letter) */
#define TASK_RUNNING    0x0000          /* R */
#define TASK_INTERRUPTIBLE 0x0001       /* S: sleeping until woken or signalled (wait4) */
#define TASK_UNINTERRUPTIBLE 0x0002     /* D: sleeping until woken (vfork's parent) */
#define __TASK_STOPPED  0x0004          /* T */
#define EXIT_DEAD       0x0010          /* X */
#define EXIT_ZOMBIE     0x0020          /* Z */

#define PF_EXITING      0x00000004      /* in do_exit (Linux's value) */
#define PF_RANDOMIZE    0x00400000      /* exec randomised its layout (Linux's value) */

/* The registers __switch_to saves (Linux: struct cpu_context_save). */
struct cpu_context_save {
	unsigned long r4, r5, r6, r7, r8, r9, sl, fp, sp, pc;
	unsigned long extra[2];
};

struct task_struct {
	unsigned int __state;           /* TASK_RUNNING, __TASK_STOPPED */
	int exit_state;                 /* 0, EXIT_ZOMBIE, EXIT_DEAD */
	int exit_code;                  /* what wait() would report */
	int pid;
	char comm[TASK_COMM_LEN];       /* the program's name, as Linux sets it at exec */
	struct mm_struct *mm;           /* NULL for a kernel thread */
	struct mm_struct *active_mm;    /* the mm whose tables are live */
	void *stack;                    /* kernel stack, THREAD_SIZE bytes */
	struct cpu_context_save cpu_context;
	unsigned long pending;          /* signals sent, bit (sig - 1) */
	unsigned int flags;             /* PF_EXITING, PF_RANDOMIZE */
	unsigned long min_flt, maj_flt; /* faults (mm_account_fault) */
	struct task_struct *real_parent;        /* who forked it (the console: init_task);
						 * it reaps it (wait4), and gets SIGCHLD */
	struct completion *vfork_done;  /* vfork: the parent sleeps until exec/exit */
	struct list_head tasks;         /* on init_task.tasks */
	char cmdline[128];              /* the console's line (TASK_CMDLINE_LEN) */
};

extern struct task_struct init_task;
/* The task running now. Linux reads it from sp (thread_info); one CPU and
 * no preemption make a variable enough. */
extern struct task_struct *current_task;
#define current current_task

#define for_each_process(p) \
	list_for_each_entry(p, &init_task.tasks, tasks)

/* The process with this pid (not init_task), or NULL. */
struct task_struct *find_task_by_vpid(int pid);

/* The task's whole command line as the console typed it (jobs, the
 * status lines); not Linux's (it reads argv from the stack for cmdline). */
#define TASK_CMDLINE_LEN 128

/*
 * Creating, running and ending tasks (kernel/fork.c, kernel/sched/core.c,
 * kernel/exit.c).
 *  create_task: a new task, pid from 1 up, on init_task.tasks, with an
 *    8 KiB kernel stack; it is not run until exec has filled its registers
 *    and the console calls schedule(). NULL when out of memory.
 *  schedule: from a process, back to the console; from the console, to the
 *    first runnable process (none: returns at once). No preemption.
 *  wake_up_process: a stopped task becomes runnable again (SIGCONT/SIGKILL).
 *  do_exit: the end of current (exit code, or the killing signal number,
 *    encoded as Linux's wait status), mm released, a zombie for the
 *    console to reap; never returns.
 *  release_task: free a zombie (or a task that never ran): its stack and
 *    struct; called by the console, never by the task itself.
 */
struct task_struct *create_task(void);
void schedule(void);
void wake_up_process(struct task_struct *p);
/* Make p runnable if its state is one of state's bits (Linux wake_up_state). */
int wake_up_state(struct task_struct *p, unsigned int state);
__attribute__((__noreturn__)) void do_exit(long code);
void release_task(struct task_struct *p);

/*
 * fork (kernel/fork.c) and wait (kernel/exit.c). Every task has a
 * real_parent: the console (init_task) for what it started, the forking
 * process for a child. A job is the console's child and its descendants;
 * job_leader(p) is that child. A dead child stays a zombie until its parent
 * reaps it with wait4; a task whose parent dies first is reparented to the
 * console, which reaps it (Linux reparents to init, which reaps it too).
 */
#define CLONE_VM        0x00000100      /* share the address space (vfork) */
#define CLONE_VFORK     0x00004000      /* the parent sleeps until the child execs or exits */
#define CSIGNAL         0x000000ff      /* the signal sent to the parent at exit */
long kernel_clone(unsigned long clone_flags, unsigned long newsp);
/* A copy-on-write copy of oldmm for tsk (NULL: no memory); fork's, and
 * mm/fork_test.c's. */
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm);
struct task_struct *job_leader(struct task_struct *p);
/* exit_mm's mm_release: wake a vfork parent (kernel/fork.c). */
void mm_release(struct task_struct *tsk);

/* The pt_regs a user process saved on entry: the top of its kernel stack. */
#define task_pt_regs(p) \
	((struct pt_regs *)((unsigned long)(p)->stack + THREAD_SIZE) - 1)

#endif
