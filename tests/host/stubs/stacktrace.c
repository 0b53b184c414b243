/*
 * tests/host/stubs/stacktrace.c - stack_trace_save for host suites: the
 * ARM frame walk (arch/arm/kernel/stacktrace.c) reads the kernel stack
 * of `current`, which the host has none of; no call chain is recorded.
 */
#include <linux/stacktrace.h>

unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr)
{
	(void)store; (void)size; (void)skipnr;
	return 0;
}
