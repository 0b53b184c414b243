/*
 * kernel/fork.c - tasks: init_task, current, create_task, fork/vfork/clone
 * (kernel_clone, copy_process, dup_mm, dup_mmap), find_task_by_vpid.
 * Linux: kernel/fork.c (kernel_clone, copy_process, dup_task_struct,
 * copy_mm, dup_mm, dup_mmap, mm_release, sys_fork/vfork/clone),
 * init/init_task.c (init_task), kernel/pid.c (find_task_by_vpid,
 * alloc_pid), arch/arm/kernel/process.c (copy_thread).
 *
 * Two ways to a new task:
 *  - the console asks for an empty one (create_task), and exec (fs/exec.c
 *    kernel_execve_task) gives it an mm and its user registers;
 *  - a process forks (sys_fork, sys_vfork, sys_clone -> kernel_clone ->
 *    copy_process): a copy of the caller with a copy of its address space
 *    (dup_mm: every VMA, and the PTEs of those with anonymous pages, made
 *    copy-on-write by mm/memory_fork.c copy_page_range), or, for vfork, the
 *    same address space while the parent sleeps until the child exits.
 * Either way the task starts as Linux's copy_thread prepares a child: a
 * kernel stack whose top holds struct pt_regs (the parent's, with r0 = 0,
 * for a fork), and a cpu_context whose sp points at it and whose pc is
 * ret_from_fork, so the first __switch_to to the task "returns" into
 * ret_to_user and from there into user mode.
 *
 * The child of a fork runs when the parent blocks (wait4, a stop) or
 * exits: no preemption here (kernel/sched/core.c). Linux 6.1 also lets
 * the parent run on (sched_child_runs_first is 0).
 *
 * Differences: no pid namespaces or pid hash (a list walk: few tasks), pids
 * are never reused (Linux wraps at pid_max), task_struct from kmalloc
 * rather than its own slab cache; one thread per process, so clone takes
 * only what fork and vfork need (sys_clone says which flags).
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/mm_types.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/sched/signal.h>
#include <asm/ptrace.h>
#include <asm/tlbflush.h>
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
	.real_parent = &init_task,
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
	p->real_parent = &init_task;    /* the console's, until copy_process says */
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

/* The task's job: its ancestor whose parent is the console (bash's job =
 * process group; here a fork's child stays in its parent's job). */
struct task_struct *job_leader(struct task_struct *p)
{
	while (p->real_parent != &init_task && p->real_parent)
		p = p->real_parent;
	return p;
}

/* ---- the address space: dup_mmap, dup_mm, copy_mm ---- */

/* Linux vm_area_dup: the same VMA, not on any list yet. */
static struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = vm_area_alloc(orig->vm_mm);

	if (new) {
		*new = *orig;
		INIT_LIST_HEAD(&new->vm_list);
	}
	return new;
}

/*
 * dup_mmap - the parent's VMAs into mm, in address order (Linux 6.1
 * dup_mmap). VM_DONTCOPY leaves a VMA out (and its pages from the
 * child's VmSize); VM_WIPEONFORK copies the VMA but not its pages (the
 * child faults in zeroes); the rest get their PTEs from copy_page_range.
 * The child has no mlocked ranges (VM_LOCKED is dropped). The parent's
 * PTEs just made read-only may be in its TLB: one flush for the whole mm.
 * Return: 0 or -ENOMEM; on failure what was copied stays for mmput.
 */
static int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt, *tmp;
	int retval = 0;

	mm->total_vm = oldmm->total_vm;
	mm->data_vm = oldmm->data_vm;
	mm->exec_vm = oldmm->exec_vm;
	mm->stack_vm = oldmm->stack_vm;
	for_each_vma(oldmm, mpnt) {
		if (mpnt->vm_flags & VM_DONTCOPY) {
			vm_stat_account(mm, mpnt->vm_flags, -(long)vma_pages(mpnt));
			continue;
		}
		tmp = vm_area_dup(mpnt);
		if (!tmp) {
			retval = -ENOMEM;
			break;
		}
		tmp->vm_mm = mm;
		if (tmp->vm_flags & VM_WIPEONFORK)
			tmp->anon_vma = NULL;   /* a clean slate: faults make one */
		else if (anon_vma_fork(tmp, mpnt)) {
			vm_area_free(tmp);
			retval = -ENOMEM;
			break;
		}
		tmp->vm_flags &= ~VM_LOCKED;
		list_add_tail(&tmp->vm_list, &mm->mmap);    /* in order: the parent's */
		mm->map_count++;
		if (!(tmp->vm_flags & VM_WIPEONFORK))
			retval = copy_page_range(tmp, mpnt);
		if (retval)
			break;
	}
	flush_tlb_mm(oldmm);
	return retval;
}

/*
 * dup_mm - a copy of the current address space (Linux dup_mm: memcpy of
 * the mm, then mm_init's fresh pgd, counters and lists; here mm_alloc's,
 * and the fields that carry over are copied). The child's VmHWM starts at
 * the RSS it inherits, its VmPeak at its VmSize. Return: NULL if out of
 * memory. (Static in Linux; mm/fork_test.c calls it.)
 */
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();

	(void)tsk;
	if (!mm)
		return NULL;
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	mm->mmap_base = oldmm->mmap_base;
	mm->context.sigpage = oldmm->context.sigpage;
	mm->context.vdso = oldmm->context.vdso;
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);
		return NULL;
	}
	mm->hiwater_rss = get_mm_rss(mm);
	mm->hiwater_vm = mm->total_vm;
	return mm;
}

/* Linux copy_mm: a vfork child shares the mm, a fork child gets a copy. */
static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *oldmm = current->mm;

	tsk->min_flt = tsk->maj_flt = 0;        /* a task counts its own faults */
	if (!oldmm)
		return -EINVAL;                 /* the console does not fork */
	if (clone_flags & CLONE_VM) {
		oldmm->mm_users++;              /* mmget */
		tsk->mm = oldmm;
	} else {
		tsk->mm = dup_mm(tsk, oldmm);
		if (!tsk->mm)
			return -ENOMEM;
	}
	tsk->active_mm = tsk->mm;
	return 0;
}

/* ---- the task: copy_thread, copy_process, kernel_clone ---- */

/*
 * copy_thread - the child's user registers are the parent's at the system
 * call, except r0 (fork returns 0 in the child) and, when clone gave one,
 * sp (Linux arch/arm/kernel/process.c copy_thread). create_task already
 * pointed cpu_context at ret_from_fork.
 */
static void copy_thread(unsigned long newsp, struct task_struct *p)
{
	struct pt_regs *childregs = task_pt_regs(p);

	*childregs = *task_pt_regs(current);
	childregs->ARM_r0 = 0;
	if (newsp)
		childregs->ARM_sp = newsp;
}

/* Linux copy_process, for one thread: *pp = a new task, a copy of
 * current. Return: 0 or -errno. */
static int copy_process(unsigned long clone_flags, unsigned long newsp,
			struct task_struct **pp)
{
	struct task_struct *p = create_task();
	int err;

	if (!p)
		return -ENOMEM;
	memcpy(p->comm, current->comm, sizeof(p->comm));
	memcpy(p->cmdline, current->cmdline, sizeof(p->cmdline));
	err = copy_mm(clone_flags, p);
	if (err) {
		release_task(p);
		return err;
	}
	copy_thread(newsp, p);
	p->real_parent = current;
	p->__state = TASK_RUNNING;      /* wake_up_new_task: runnable, not run yet */
	*pp = p;
	return 0;
}

/* Linux's wait_for_completion_state(x, TASK_KILLABLE): asleep until
 * complete(), or until SIGKILL (send_sig wakes a D sleeper for it). */
static bool wait_for_completion_killable(struct completion *x)
{
	x->waiter = current;
	while (!x->done && !(current->pending & sigmask(SIGKILL))) {
		current->__state = TASK_UNINTERRUPTIBLE;
		schedule();
	}
	current->__state = TASK_RUNNING;
	return x->done;
}

static void complete(struct completion *x)
{
	x->done = 1;
	if (x->waiter)
		wake_up_state(x->waiter, TASK_UNINTERRUPTIBLE);
}

/*
 * mm_release - the task lets go of its mm (Linux mm_release, from exit_mm
 * and exec): a vfork parent waiting for that wakes up.
 */
void mm_release(struct task_struct *tsk)
{
	struct completion *vfork = tsk->vfork_done;

	if (vfork) {
		tsk->vfork_done = NULL;
		complete(vfork);
	}
}

/*
 * kernel_clone - fork, vfork or clone of current (Linux kernel_clone): the
 * child is runnable at once and gets the CPU when the parent gives it up.
 * For CLONE_VFORK the parent sleeps (D) until the child lets go of the
 * shared mm. Return: the child's pid, or -errno.
 */
long kernel_clone(unsigned long clone_flags, unsigned long newsp)
{
	struct completion vfork = { 0, NULL };
	struct task_struct *p;
	int pid, err = copy_process(clone_flags, newsp, &p);

	if (err)
		return err;
	pid = p->pid;
	if (clone_flags & CLONE_VFORK) {
		p->vfork_done = &vfork;
		if (!wait_for_completion_killable(&vfork)) {
			struct task_struct *c = find_task_by_vpid(pid);

			if (c)          /* killed first: the child must not touch our stack */
				c->vfork_done = NULL;
		}
	}
	return pid;
}

long sys_fork(void)
{
	return kernel_clone(SIGCHLD, 0);
}

long sys_vfork(void)
{
	return kernel_clone(CLONE_VFORK | CLONE_VM | SIGCHLD, 0);
}

/*
 * clone(2), ARM's argument order (CONFIG_CLONE_BACKWARDS: flags, newsp,
 * parent_tidptr, tls, child_tidptr). Only what fork and vfork are made of
 * is supported: SIGCHLD alone (fork) or CLONE_VFORK | CLONE_VM | SIGCHLD
 * (vfork, as busybox and glibc's posix_spawn call it). Threads
 * (CLONE_THREAD, CLONE_SIGHAND), the tid pointers glibc's fork() asks for
 * (CLONE_CHILD_SETTID/CLEARTID), namespaces and the rest need what armmm
 * has not got (thread groups, futexes, TLS), so they are -EINVAL rather
 * than half done.
 */
long sys_clone(unsigned long clone_flags, unsigned long newsp, int __user *parent_tidptr,
	       unsigned long tls, int __user *child_tidptr)
{
	(void)parent_tidptr;
	(void)tls;
	(void)child_tidptr;
	if (clone_flags != SIGCHLD && clone_flags != (CLONE_VFORK | CLONE_VM | SIGCHLD))
		return -EINVAL;
	return kernel_clone(clone_flags, newsp);
}
