/*
 * usr/launch.c - `launch PIDFILE [NAME=value ...] /bin/<prog> [args]`: run
 * a program the way armmm's console runs one, under Debian's Linux
 * (scripts/linux_ref/user.py uses it; it is not in armmm's archive).
 *
 * Why not let busybox's shell run it: the shell forks, and its child
 * takes copy-on-write faults on busybox's pages before it calls execve.
 * Linux counts a task's faults from fork on and exec does not reset them
 * (kernel/fork.c copy_process zeroes min_flt; fs/exec.c leaves it), so
 * the program's minflt would include busybox's. vfork shares our address
 * space instead: the child runs two system calls and touches no memory
 * between them, so its counts start at exec, as a program started by
 * armmm's console (kernel/shell_jobs.c) starts at 0.
 *
 * The environment is armmm console's: HOME=/ TERM=linux (Linux's
 * init/main.c envp_init), then the NAME=value words in order. The child's
 * pid goes to PIDFILE; launch then waits for it and exits as a shell
 * reports a job: its exit status, or 128 + the signal that killed it.
 */
#include "lib/usr.h"

#define __NR_exit	1
#define __NR_execve	11
#define __NR_vfork	190

#define MAX_ENV		8

/*
 * vfork, and in the child execve at once: pid (or -errno) in the parent.
 * naked, all in registers: until execve the child runs on our stack and
 * must not store to it. A failed execve ends the child with exit(127).
 */
static __attribute__((__naked__, __noinline__)) long
vfork_execve(const char *path, char *const argv[], char *const envp[])
{
	__asm__ volatile(
		"push	{r4-r7, lr}\n\t"
		"mov	r4, r0\n\t"
		"mov	r5, r1\n\t"
		"mov	r6, r2\n\t"
		"mov	r7, %[vfork]\n\t"
		"svc	#0\n\t"
		"cmp	r0, #0\n\t"
		"popne	{r4-r7, pc}\n\t"        /* parent: pid or -errno */
		"mov	r0, r4\n\t"
		"mov	r1, r5\n\t"
		"mov	r2, r6\n\t"
		"mov	r7, %[execve]\n\t"
		"svc	#0\n\t"
		"mov	r0, #127\n\t"
		"mov	r7, %[exit]\n\t"
		"svc	#0\n\t"
		:: [vfork] "I" (__NR_vfork), [execve] "I" (__NR_execve), [exit] "I" (__NR_exit));
}

static void write_pid(const char *file, long pid)
{
	char buf[16];
	int n = 0, fd;
	long d;

	for (d = 1; d * 10 <= pid; d *= 10)
		;
	for (; d; d /= 10)
		buf[n++] = '0' + (pid / d) % 10;
	buf[n++] = '\n';
	fd = sys_open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || sys_write(fd, buf, n) != n) {
		printf("launch: cannot write %s: %d\n", file, fd);
		sys_exit_group(126);
	}
	sys_close(fd);
}

int main(int argc, char **argv, char **envp)
{
	char *env[MAX_ENV + 3] = { "HOME=/", "TERM=linux" };
	int i = 2, n = 0, status = 0;
	long pid;

	for (; i < argc && argv[i][0] != '/' && n < MAX_ENV; i++)
		env[2 + n++] = argv[i];
	env[2 + n] = NULL;
	if (argc < 3 || i == argc || argv[i][0] != '/') {
		printf("usage: launch PIDFILE [NAME=value ...] /path/to/prog [args]\n");
		return 2;
	}
	pid = vfork_execve(argv[i], argv + i, env);
	if (pid < 0) {
		printf("launch: vfork failed: %ld\n", pid);
		return 126;
	}
	write_pid(argv[1], pid);
	if (sys_wait4(pid, &status, 0, NULL) != pid) {
		printf("launch: wait4 failed\n");
		return 126;
	}
	if (status & 0x7f)                      /* WIFSIGNALED */
		return 128 + (status & 0x7f);
	return (status >> 8) & 0xff;            /* WEXITSTATUS */
}
