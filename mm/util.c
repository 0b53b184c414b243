/*
 * mm/util.c - where exec puts a new address space's moving parts when
 * randomize_va_space asks for it: the stack's top, the mmap area's base
 * and the heap. Linux: mm/util.c (randomize_stack_top, randomize_page,
 * arch_randomize_brk, arch_mmap_rnd, arch_pick_mmap_layout; ARM uses
 * these generic ones since 5.2), mm/memory.c (randomize_va_space).
 *
 *   randomize_va_space  0: nothing moves (Linux's norandmaps)
 *                       1: the stack (up to 8 MiB lower), the mmap base
 *                          (up to 1 MiB: ARCH_MMAP_RND_BITS 8, Debian's),
 *                          [sigpage] and the vDSO, the stack pointer
 *                          within its page (arch_align_stack)
 *                       2: and the heap: brk starts up to 32 MiB above
 *                          the bss
 *
 * Differences from Linux: armmm boots with 0 (CONFIG_RANDOMIZE_VA_SPACE,
 * Linux's default is 2), so a run's addresses are the same every time
 * and `make compare` needs no norandmaps; `echo 2 >
 * /proc/sys/kernel/randomize_va_space` switches it on. The random numbers
 * have no entropy (drivers/char/random.c). A process's PF_RANDOMIZE is
 * decided when exec builds the new mm, not in load_elf_binary: armmm
 * copies the argument strings to the stack's final place instead of
 * moving them there afterwards (fs/exec.c). And Linux's functions read
 * current's PF_RANDOMIZE; armmm's exec runs on the console for a task
 * that has not run yet, so they are given that task.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/sched.h>
#include "mmap_internal.h"

int randomize_va_space = CONFIG_RANDOMIZE_VA_SPACE;

#define STACK_RND_MASK  0x7ffUL         /* pages: 8 MiB of VA (the generic value) */
#define MMAP_RND_BITS   8               /* CONFIG_ARCH_MMAP_RND_BITS, Debian's armmp */
#define BRK_RND_RANGE   (32UL << 20)    /* SZ_32M for a 32-bit task */

/* The top of a new stack: up to STACK_RND_MASK pages below stack_top. */
unsigned long randomize_stack_top(struct task_struct *p, unsigned long stack_top)
{
	unsigned long random_variable = 0;

	if (p->flags & PF_RANDOMIZE)
		random_variable = (get_random_long() & STACK_RND_MASK) << PAGE_SHIFT;
	return PAGE_ALIGN(stack_top) - random_variable;
}

/* A page-aligned address in [start, start + range), start itself if range < a page. */
unsigned long randomize_page(unsigned long start, unsigned long range)
{
	if (start & ~PAGE_MASK) {                       /* !PAGE_ALIGNED */
		range -= PAGE_ALIGN(start) - start;
		start = PAGE_ALIGN(start);
	}
	if (start > ~0UL - range)                       /* ULONG_MAX */
		range = ~0UL - start;
	range >>= PAGE_SHIFT;
	if (range == 0)
		return start;
	return start + ((get_random_long() % range) << PAGE_SHIFT);
}

unsigned long arch_randomize_brk(struct mm_struct *mm)
{
	return randomize_page(mm->brk, BRK_RND_RANGE);
}

/* How far below its usual place the mmap area starts: MMAP_RND_BITS of pages. */
static unsigned long arch_mmap_rnd(void)
{
	return (get_random_long() & ((1UL << MMAP_RND_BITS) - 1)) << PAGE_SHIFT;
}

/* The top-down layout (mmap_is_legacy is never true here: RLIMIT_STACK is finite). */
void arch_pick_mmap_layout(struct mm_struct *mm, struct task_struct *p)
{
	bool rnd = p->flags & PF_RANDOMIZE;

	/* the gap below the stack also leaves room for the stack's own move */
	mm->mmap_base = mmap_base(rnd ? arch_mmap_rnd() : 0,
				  rnd ? STACK_RND_MASK << PAGE_SHIFT : 0);
}
