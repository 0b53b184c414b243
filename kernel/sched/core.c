/*
 * kernel/sched/core.c - schedule() and context_switch() (Linux:
 * kernel/sched/core.c __schedule, pick_next_task, context_switch,
 * wake_up_process).
 *
 * armmm's scheduler is the smallest one that lets a process and the
 * console take turns: no run queue, no time slices, no preemption.
 *  - A process runs until it exits, stops, dies or sleeps (wait4, vfork);
 *    each of those calls schedule(), which goes back to the console
 *    (init_task), and the console runs the next runnable process: a
 *    child a parent waits for runs that way.
 *  - The console calls schedule() to run the process it waits for (after
 *    exec, `fg`, `kill -CONT`): the first runnable task on the task list.
 * context_switch is Linux's: the address space first (switch_mm: ASID and
 * TTBR0, arch/arm/mm/context.c), then the registers (__switch_to,
 * entry-armv.S). A switch to the console loads init_mm, where Linux would
 * keep the previous mm lazily (asm/mmu_context.h says why).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm_types.h>
#include <asm/mmu_context.h>

/* entry-armv.S; returns prev ("last" in Linux) */
struct task_struct *__switch_to(struct task_struct *prev, struct cpu_context_save *prev_ctx,
				struct cpu_context_save *next_ctx);

static struct task_struct *pick_next_task(void)
{
	struct task_struct *p;

	if (current != &init_task)
		return &init_task;
	for_each_process(p)
		if (p->__state == TASK_RUNNING && !p->exit_state)
			return p;
	return NULL;
}

static void context_switch(struct task_struct *prev, struct task_struct *next)
{
	struct mm_struct *mm = next->mm ? next->mm : &init_mm;

	if (prev->active_mm != mm)
		switch_mm(prev->active_mm, mm, next);
	next->active_mm = mm;
	current_task = next;
	__switch_to(prev, &prev->cpu_context, &next->cpu_context);
	/* back in prev, switched to by someone's later context_switch */
}

void schedule(void)
{
	struct task_struct *next = pick_next_task();

	if (next && next != current)
		context_switch(current, next);
}

/* Linux wake_up_state / try_to_wake_up: p runs again if it sleeps in one
 * of the states given (a dead task never). Return: 1 if it was woken. */
int wake_up_state(struct task_struct *p, unsigned int state)
{
	if (!(p->__state & state) || p->exit_state)
		return 0;
	p->__state = TASK_RUNNING;
	return 1;
}

void wake_up_process(struct task_struct *p)
{
	if (p->__state == __TASK_STOPPED && !p->exit_state)
		p->__state = TASK_RUNNING;
}
