/*
 * arch/arm/kernel/stacktrace.c - the return addresses of the current call
 * chain, for a trace that wants to say how it got somewhere (the fault
 * trace's `bt`). Linux: arch/arm/kernel/stacktrace.c (walk_stackframe,
 * unwind_frame for CONFIG_FRAME_POINTER) behind kernel/stacktrace.c's
 * stack_trace_save.
 *
 * The frame records are the ones traps.c's dump_backtrace reads (APCS
 * frames, -mapcs-frame): fp[0] saved pc, fp[-1] saved lr (the return
 * address into the caller), fp[-3] the caller's fp. The walk stops at a
 * frame outside the current task's kernel stack, which is where an
 * exception entry (entry-armv.S, no frame of its own) meets the frame
 * pointer of the interrupted user code.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/stacktrace.h>

static bool frame_on_stack(unsigned long fp)
{
	unsigned long bottom = (unsigned long)current->stack;

	return !(fp & 3) && fp - 12 >= bottom && fp < bottom + THREAD_SIZE;
}

/*
 * stack_trace_save - store up to size return addresses, innermost first:
 * store[0] is where the caller of stack_trace_save will return to (skipnr
 * drops that many more). Return: how many were stored.
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr)
{
	unsigned long fp = (unsigned long)__builtin_frame_address(0), prev = 0;
	unsigned int n = 0;

	while (n < size && frame_on_stack(fp) && fp > prev) {
		unsigned long *frame = (unsigned long *)fp;

		if (skipnr)
			skipnr--;
		else
			store[n++] = frame[-1];
		prev = fp;
		fp = frame[-3];
	}
	return n;
}
