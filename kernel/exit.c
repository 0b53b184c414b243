/*
 * kernel/exit.c - the end of a process: do_exit, sys_exit, sys_exit_group
 * (Linux: kernel/exit.c do_exit, exit_mm, exit_notify, do_group_exit).
 *
 * The exit code is Linux's wait status: (status & 0xff) << 8 for exit(),
 * the signal number for a killing signal (WIFSIGNALED). The task gives up
 * its address space (exit_mm: back on init_mm's tables first, then
 * mmput frees the VMAs, pages and page tables), becomes a zombie and
 * switches to the console for the last time. The console prints its
 * status and reaps it (release_task): the kernel stack we are running on
 * here cannot be freed by its own task.
 *
 * Differences: one thread per process, so exit_group is exit; no parent
 * but the console, so no SIGCHLD or reparenting (exit_notify).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/syscalls.h>
#include <asm/mmu_context.h>

/* Linux's exit_mm: the task no longer uses its mm; init_mm's tables go
 * live before the pages of the old ones are freed. */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	switch_mm(tsk->active_mm, &init_mm, tsk);
	tsk->active_mm = &init_mm;
	tsk->mm = NULL;
	mmput(mm);
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
	tsk->exit_state = EXIT_ZOMBIE;
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
