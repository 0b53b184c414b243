/*
 * usr/lib/start.c - from _start to main (glibc: csu/libc-start.c
 * __libc_start_main, reduced to what a static program without a libc
 * needs): find argv, envp and the auxiliary vector on the initial stack
 * (the layout is in crt0.S), call main, and exit_group with its result.
 */
#include "usr.h"

char **environ;
unsigned long *__auxv;

void __libc_start_main(unsigned long *sp) __attribute__((__noreturn__));

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
	sys_exit_group(main(argc, argv, envp));
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
