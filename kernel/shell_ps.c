/*
 * kernel/shell_ps.c - `ps`: every task and the address space it runs in.
 * Ours (Linux's ps is a user program reading /proc/<pid>/stat); the
 * columns are struct task_struct's memory fields (include/linux/sched.h):
 *
 *   armmm# ps
 *     PID S COMM             MM       ACTIVE_MM PGD      ASID
 *       0 R [swapper/0]      -        init_mm   c0004000    0
 *       1 T memtouch         c1f0e000 c1f0e000  c080c000    1
 *
 * A kernel thread has no address space of its own: mm is NULL, and it
 * runs on active_mm, whose table (TTBR0) the CPU keeps. Linux's ps shows
 * such a task's name in brackets (its cmdline is empty: no mm to read it
 * from); so does this one. In Linux active_mm is whatever mm ran before
 * ("lazy TLB"); armmm loads init_mm (swapper_pg_dir, ASID 0) instead, see
 * asm/mmu_context.h. ASID is the 8 bits of mm->context.id that tag the
 * mm's non-global TLB entries (arch/arm/mm/context.c), 0 for init_mm.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/shell.h>

static char task_state_letter(const struct task_struct *p)
{
	if (p->exit_state)
		return 'Z';
	return p->__state == __TASK_STOPPED ? 'T' : 'R';
}

static void ps_line(struct task_struct *p)
{
	struct mm_struct *am = p->active_mm;
	char name[TASK_COMM_LEN + 2], mm[12], active[12];

	snprintf(name, sizeof(name), p->mm ? "%s" : "[%s]", p->comm);
	if (p->mm)
		snprintf(mm, sizeof(mm), "%08lx", (unsigned long)p->mm);
	else
		snprintf(mm, sizeof(mm), "-");
	if (am == &init_mm)
		snprintf(active, sizeof(active), "init_mm");
	else if (am)
		snprintf(active, sizeof(active), "%08lx", (unsigned long)am);
	else
		snprintf(active, sizeof(active), "-");
	con_printf("%5d %c %-16s %-8s %-9s %08lx %4u\n", p->pid, task_state_letter(p), name, mm,
		   active, am ? (unsigned long)am->pgd : 0UL,
		   am ? (unsigned int)(am->context.id & 0xff) : 0);
}

static void cmd_ps(int argc, char **argv)
{
	struct task_struct *p;

	if (!shell_nargs(argc, argv, 0, 0, argv[0]))     /* takes no arguments */
		return;
	con_printf("  PID S COMM             MM       ACTIVE_MM PGD      ASID\n");
	ps_line(&init_task);
	for_each_process(p)
		ps_line(p);
}
SHELL_CMD(ps, "every task, its mm and active_mm (a kernel thread has mm NULL)", cmd_ps);
