/*
 * usr/lib/start.c - from _start to main (glibc: csu/libc-start.c
 * __libc_start_main, reduced to what a static program without a libc
 * needs): find argv, envp and the auxiliary vector on the initial stack
 * (the layout is in crt0.S), call main, and exit_group with its result.
 *
 * STOP_AT=start,exit in the environment makes every program stop itself
 * (SIGSTOP) before main and after it returns, so that its memory can be
 * read in /proc as exec left it and as the program leaves it, in armmm and
 * in Linux alike (make compare's user-space rows, scripts/user_scenario).
 * Checking costs no page fault: envp is on the stack page sp is in.
 */
#include "usr.h"

char **environ;
unsigned long *__auxv;

void __libc_start_main(unsigned long *sp) __attribute__((__noreturn__));
static int stop_at(const char *when);

void __libc_start_main(unsigned long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;          /* past argv's NULL */
	char **p = envp;

	while (*p)
		p++;
	environ = envp;
	__auxv = (unsigned long *)(p + 1);      /* past envp's NULL */
	if (stop_at("start"))
		stop_self();
	argc = main(argc, argv, envp);
	if (stop_at("exit"))
		stop_self();
	sys_exit_group(argc);
}

/* Is `when` one of the comma-separated words of STOP_AT? */
static int stop_at(const char *when)
{
	static const char var[] = "STOP_AT=";
	size_t n = strlen(when);
	const char *v;
	char **e;

	for (e = environ; *e; e++) {
		if (strncmp(*e, var, sizeof(var) - 1))
			continue;
		for (v = *e + sizeof(var) - 1; *v; v++) {
			if (!strncmp(v, when, n) && (v[n] == ',' || !v[n]))
				return 1;
			while (*v && *v != ',')
				v++;
			if (!*v)
				break;
		}
	}
	return 0;
}

unsigned long getauxval(unsigned long type)
{
	unsigned long *a;

	for (a = __auxv; a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}

void stop_self(void)
{
	sys_kill(sys_getpid(), SIGSTOP);
}
