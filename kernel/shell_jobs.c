/*
 * kernel/shell_jobs.c - the console as a shell for programs: run one, wait
 * for it, `jobs`, `fg`, `kill` (Linux has no such file: this is the part of
 * bash's job control (jobs.c: wait_for, start_job, kill_builtin) that a
 * console without background jobs needs).
 *
 *   armmm# /bin/hello a b       a line whose first word starts with '/':
 *                               create_task, kernel_execve_task (fs/exec.c),
 *                               then wait until it exits, stops or dies
 *   armmm# STOP_AT=start /bin/zero     NAME=value words before the program
 *                               go into its environment after HOME and
 *                               TERM (a shell's "assignment words")
 *   [1] Stopped  /bin/memtouch  it stopped (SIGSTOP): jobs lists it
 *   [1] Exit 3  /bin/hello exit 3      it exited with a non-zero status
 *   [2] Segmentation fault  /bin/fault null     a signal killed it
 *
 * "Waiting" is schedule(): the console switches to the process and gets the
 * CPU back when the process stops, sleeps or ends (kernel/sched/core.c). A
 * zombie is reaped (release_task) once its line is printed. There is no
 * background: `fg` and `kill -CONT` both continue a process and wait.
 * A program that forks is one job: the console waits for the process it
 * started (the job's leader); the children are reaped by their parent
 * (wait4), or by the console if the parent died first.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/shell.h>
#include <linux/mm.h>
#include <linux/binfmts.h>
#include <linux/kstrtox.h>
#include <string.h>

static int last_stopped;        /* fg's default: the most recently stopped pid */

/* strerror(3)'s text for what exec can return. */
static const char *exec_error(int err)
{
	switch (err) {
	case -ENOENT:  return "No such file or directory";
	case -ENOEXEC: return "Exec format error";
	case -ENOMEM:  return "Cannot allocate memory";
	case -E2BIG:   return "Argument list too long";
	case -EACCES:  return "Permission denied";
	case -EFAULT:  return "Bad address";
	case -EINVAL:  return "Invalid argument";
	default:       return "exec failed";
	}
}

/*
 * What became of p, as bash reports a job: a stopped process stays (for
 * jobs/fg), a dead one is printed and reaped. The exit code is Linux's
 * wait status (kernel/exit.c): a signal number in the low 7 bits, else the
 * exit status in bits 8-15.
 */
static void report(struct task_struct *p)
{
	int code = p->exit_code;

	if (!p->exit_state) {
		if (p->__state == __TASK_STOPPED) {
			con_printf("[%d] Stopped  %s\n", p->pid, p->cmdline);
			last_stopped = p->pid;
		}
		return;
	}
	if (code & 0x7f)
		con_printf("[%d] %s  %s\n", p->pid, strsignal(code & 0x7f), p->cmdline);
	else if ((code >> 8) & 0xff)
		con_printf("[%d] Exit %d  %s\n", p->pid, (code >> 8) & 0xff, p->cmdline);
	release_task(p);
}

static bool any_runnable(void)
{
	struct task_struct *q;

	for_each_process(q)
		if (q->__state == TASK_RUNNING && !q->exit_state)
			return true;
	return false;
}

/*
 * Run p's job until nothing is runnable. The job is the console's child
 * that p is or descends from (fork: job_leader), and the console waits for
 * that leader, as bash waits for a job. schedule() runs the first runnable
 * process: p, a child it forked while it sleeps in wait4, or one a process
 * continued (kill(pid, SIGCONT)); orphans (the console's children now) run
 * too, there being no background. Then: the leader's status line; the end
 * of any other child of the console; and, when the leader sleeps (waiting
 * for a child), the stopped processes of its job, which `fg` continues.
 * A process's dead children are its own to reap (wait4), not ours.
 */
static void wait_task(struct task_struct *p)
{
	struct task_struct *q, *n;

	p = job_leader(p);
	while (any_runnable())
		schedule();
	report(p);
	list_for_each_entry_safe(q, n, &init_task.tasks, tasks)
		if (q != p && q->exit_state && q->real_parent == &init_task)
			report(q);
	if (!p->exit_state && p->__state != __TASK_STOPPED)
		for_each_process(q)
			if (q != p && !q->exit_state && q->__state == __TASK_STOPPED &&
			    job_leader(q) == p)
				report(q);
}

/* argv joined by spaces: the command line jobs and the status lines show. */
static void set_cmdline(struct task_struct *p, int argc, char **argv)
{
	size_t len = 0;
	int i;

	p->cmdline[0] = '\0';
	for (i = 0; i < argc; i++)
		len += snprintf(p->cmdline + len, len < sizeof(p->cmdline) ?
				sizeof(p->cmdline) - len : 0, "%s%s", i ? " " : "", argv[i]);
}

/*
 * A shell "assignment word" (POSIX XCU 2.9.1): NAME=value, NAME a letter or
 * '_' followed by letters, digits or '_'.
 */
bool shell_is_assignment(const char *w)
{
	const char *c = w;

	for (; *c != '='; c++) {
		bool letter = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || *c == '_';

		if (!letter && !(c > w && *c >= '0' && *c <= '9'))
			return false;
	}
	return c > w;
}

/*
 * The line's first word starts with '/', or the line is NAME=value words
 * followed by such a word: run that program from the archive. The
 * environment is the one Linux's init gets (init/main.c envp_init: HOME=/,
 * TERM=linux), then the assignments in the order typed.
 */
void shell_run_program(int argc, char **argv)
{
	const char *envp[SHELL_MAX_ARGS + 3] = { "HOME=/", "TERM=linux" };
	const char *args[SHELL_MAX_ARGS + 1];
	struct task_struct *p;
	int i, n = 0, err;

	while (n < argc && shell_is_assignment(argv[n])) {
		envp[2 + n] = argv[n];
		n++;
	}
	envp[2 + n] = NULL;
	if (n == argc || argv[n][0] != '/') {
		con_printf("%s: give the program as a path: NAME=value ... /bin/<prog> [args]\n",
			   n < argc ? argv[n] : argv[0]);
		return;
	}
	for (i = n; i < argc; i++)
		args[i - n] = argv[i];
	args[argc - n] = NULL;
	p = create_task();
	if (!p) {
		con_printf("%s: Cannot allocate memory (no task)\n", argv[n]);
		return;
	}
	set_cmdline(p, argc, argv);
	err = kernel_execve_task(p, argv[n], args, envp);
	if (err) {
		con_printf("%s: %s\n", argv[n], exec_error(err));
		if (p->mm) {            /* whatever exec had built */
			mmput(p->mm);
			p->mm = NULL;
		}
		release_task(p);
		return;
	}
	wait_task(p);
}

/* A stopped process by pid, or NULL after the shell's message. */
static struct task_struct *stopped_task(const char *cmd, const char *arg)
{
	unsigned int pid;
	struct task_struct *p;

	if (!shell_arg_uint(cmd, "pid", arg, 1, 0x7fffffff, &pid))
		return NULL;
	p = find_task_by_vpid(pid);
	if (!p || p->exit_state) {
		if (!strcmp(cmd, "kill"))       /* bash's words for each */
			con_printf("kill: (%u) - No such process\n", pid);
		else
			con_printf("%s: %u: no such job\n", cmd, pid);
		return NULL;
	}
	return p;
}

static void cmd_jobs(int argc, char **argv)
{
	struct task_struct *p;

	if (!shell_nargs(argc, argv, 0, 0, argv[0]))     /* takes no arguments */
		return;
	for_each_process(p)
		if (!p->exit_state && p->__state == __TASK_STOPPED)
			con_printf("[%d] Stopped  %s\n", p->pid, p->cmdline);
}
SHELL_CMD(jobs, "list the stopped processes", cmd_jobs);

/* Continue p (SIGCONT) and wait for it; bash's fg prints the line first. */
static void continue_task(struct task_struct *p)
{
	con_printf("%s\n", p->cmdline);
	send_sig(SIGCONT, p);
	wait_task(p);
}

static void cmd_fg(int argc, char **argv)
{
	struct task_struct *p, *q;

	if (!shell_nargs(argc, argv, 0, 1, "fg [<pid>]"))
		return;
	if (argc == 2) {
		p = stopped_task(argv[0], argv[1]);
		if (!p)
			return;
	} else {
		p = find_task_by_vpid(last_stopped);
		if (!p || p->exit_state || p->__state != __TASK_STOPPED) {
			p = NULL;       /* else the stopped one with the highest pid */
			for_each_process(q)
				if (!q->exit_state && q->__state == __TASK_STOPPED)
					p = q;
		}
		if (!p) {
			con_printf("fg: current: no such job\n");
			return;
		}
	}
	continue_task(p);
}
SHELL_CMD(fg, "fg [<pid>]: continue a stopped process and wait for it", cmd_fg);

static const struct { const char *name; int sig; } signal_names[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "ILL", SIGILL },
	{ "ABRT", SIGABRT }, { "BUS", SIGBUS }, { "KILL", SIGKILL }, { "USR1", SIGUSR1 },
	{ "SEGV", SIGSEGV }, { "USR2", SIGUSR2 }, { "TERM", SIGTERM }, { "CONT", SIGCONT },
	{ "STOP", SIGSTOP }, { "TSTP", SIGTSTP },
};

/* "-KILL", "-SIGKILL", "-9": the signal number, or -1. */
static int parse_signal(const char *s)
{
	unsigned int i, n;

	if (*s++ != '-')
		return -1;
	if (!strncmp(s, "SIG", 3))
		s += 3;
	for (i = 0; i < ARRAY_SIZE(signal_names); i++)
		if (!strcmp(s, signal_names[i].name))
			return signal_names[i].sig;
	if (!kstrtouint(s, 10, &n) && n < _NSIG)
		return n;
	return -1;
}

/*
 * kill [-SIG] <pid>: SIGTERM by default, as kill(1). A process the signal
 * makes runnable (SIGCONT, or SIGKILL to a stopped one) runs at once and
 * the console waits: there is no background to leave it in.
 */
static void cmd_kill(int argc, char **argv)
{
	struct task_struct *p;
	int sig = SIGTERM;

	if (!shell_nargs(argc, argv, 1, 2, "kill [-STOP|-CONT|-KILL|-9|-SEGV|-<n>] <pid>"))
		return;
	if (argc == 3) {
		sig = parse_signal(argv[1]);
		if (sig < 0) {
			con_printf("kill: %s: invalid signal specification\n", argv[1]);
			return;
		}
	}
	p = stopped_task(argv[0], argv[argc - 1]);
	if (!p)
		return;
	send_sig(sig, p);
	if (p->__state == TASK_RUNNING)         /* SIGCONT, or SIGKILL woke it */
		wait_task(p);
}
SHELL_CMD(kill, "kill [-<signal>] <pid>: send a signal to a process", cmd_kill);
