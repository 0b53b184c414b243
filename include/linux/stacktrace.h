/*
 * linux/stacktrace.h - the current call chain as return addresses
 * (arch/arm/kernel/stacktrace.c). Linux: include/linux/stacktrace.h.
 */
#ifndef _LINUX_STACKTRACE_H
#define _LINUX_STACKTRACE_H

unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr);

#endif
