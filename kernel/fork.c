/*
 * kernel/fork.c - tasks: init_task, current, create_task, find_task_by_vpid.
 * Linux: kernel/fork.c (copy_process, dup_task_struct, alloc_thread_stack_node),
 * init/init_task.c (init_task), kernel/pid.c (find_task_by_vpid, alloc_pid),
 * arch/arm/kernel/process.c (copy_thread).
 *
 * Linux makes a process by copying one (fork) and then replacing its
 * program (exec). armmm has no fork: the console asks for an empty task
 * (create_task), and exec (fs/exec.c kernel_execve_task) gives it an mm
 * and its user registers. What create_task prepares is what Linux's
 * copy_thread prepares for a child: a kernel stack whose top holds struct
 * pt_regs, and a cpu_context whose sp points at it and whose pc is
 * ret_from_fork, so the first __switch_to to the task "returns" into
 * ret_to_user and from there into the program.
 *
 * Differences: no pid namespaces or pid hash (a list walk: few tasks), pids
 * are never reused (Linux wraps at pid_max), task_struct from kmalloc
 * rather than its own slab cache.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/mm_types.h>
#include <asm/ptrace.h>
#include <string.h>

#define THREAD_SIZE_ORDER 1     /* 8 KiB = 2 pages */

extern char init_stack[];       /* vmlinux.lds.S: the boot stack, THREAD_SIZE */
void ret_from_fork(void);       /* entry-common.S */

/* pid 0: the console, on the boot stack, a kernel thread (init/init_task.c). */
struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.pid = 0,
	.comm = "swapper/0",
	.mm = NULL,
	.active_mm = &init_mm,
	.stack = init_stack,
	.tasks = LIST_HEAD_INIT(init_task.tasks),
};

struct task_struct *current_task = &init_task;

static int last_pid;            /* Linux's pid allocation, without reuse */

struct task_struct *create_task(void)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);
	unsigned long stack;

	if (!p)
		return NULL;
	stack = __get_free_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	if (!stack) {
		kfree(p);
		return NULL;
	}
	p->stack = (void *)stack;
	p->pid = ++last_pid;
	p->__state = TASK_RUNNING;
	p->active_mm = &init_mm;        /* exec gives it its own mm */
	memset(task_pt_regs(p), 0, sizeof(struct pt_regs));
	/* copy_thread: the first switch lands in ret_from_fork with sp at
	 * the pt_regs, fp = 0 so a backtrace stops there. */
	p->cpu_context.sp = (unsigned long)task_pt_regs(p);
	p->cpu_context.pc = (unsigned long)ret_from_fork;
	list_add_tail(&p->tasks, &init_task.tasks);
	return p;
}

struct task_struct *find_task_by_vpid(int pid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pid == pid)
			return p;
	return NULL;
}

/* Linux's release_task + put_task_struct: the zombie's last traces. */
void release_task(struct task_struct *p)
{
	if (p == &init_task || p == current)
		panic("release_task: pid %d is running", p->pid);
	list_del(&p->tasks);
	free_pages((unsigned long)p->stack, THREAD_SIZE_ORDER);
	kfree(p);
}
