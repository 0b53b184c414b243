/*
 * kernel/shell.c - a tiny serial console for learners: read a line, run a
 * command. Later dumps (/proc/..., /sys/kernel/debug/...) plug in as
 * `cat <path>` entries in the command table.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/reboot.h>
#include <linux/seq_file.h>
#include <linux/sched.h>
#include <linux/shell.h>
#include <asm/setup.h>
#include <asm/vtop.h>
#include <string.h>

#define SHELL_PROMPT "armmm# "
#define LINE_MAX_LEN SHELL_LINE_MAX
#define MAX_ARGS     SHELL_MAX_ARGS

static void cmd_help(int argc, char **argv);

extern const struct dump_file *__dump_files_start[], *__dump_files_end[];
extern const struct shell_cmd *__shell_cmds_start[], *__shell_cmds_end[];
extern const struct dump_dir *__dump_dirs_start[], *__dump_dirs_end[];

static void console_seq_write(struct seq_file *m, const char *s, size_t n)
{
	struct console *con = console_get();

	con->write(con, s, n);
}

/* Print one dump file, as `cat <path>` would on Linux. */
static void show_dump(const struct dump_file *f)
{
	struct seq_file m = { .write = console_seq_write, .private = f->priv };

	f->show(&m, f->priv);
}

static const struct dump_file *find_dump(const char *path)
{
	const struct dump_file **f;

	for (f = __dump_files_start; f < __dump_files_end; f++)
		if (!strcmp((*f)->path, path))
			return *f;
	return NULL;
}

bool dump_file_find(const char *path, struct dump_file *f)
{
	const struct dump_file *fixed = find_dump(path);
	const struct dump_dir **d;

	if (fixed) {
		*f = *fixed;
		return true;
	}
	for (d = __dump_dirs_start; d < __dump_dirs_end; d++)
		if (!strncmp(path, (*d)->prefix, strlen((*d)->prefix)) && (*d)->lookup(path, f))
			return true;
	return false;
}

const char *dump_file_read(const char *path, char *buf, size_t size)
{
	struct dump_file f;
	struct seq_file m;

	seq_buf_init(&m, buf, size);
	if (dump_file_find(path, &f))
		f.show(&m, f.priv);
	return buf;
}

/* Every dump, framed by the markers scripts/compare-dumps looks for. */
void dump_all_files(void)
{
	const struct dump_file **f;

	for (f = __dump_files_start; f < __dump_files_end; f++) {
		con_printf(DUMP_BEGIN_MARKER, (*f)->path);
		show_dump(*f);
		con_printf(DUMP_END_MARKER, (*f)->path);
	}
}

static void cmd_cat(int argc, char **argv)
{
	struct dump_file f;

	if (!shell_nargs(argc, argv, 1, 1, "cat <path> (ls lists them)"))
		return;
	if (!dump_file_find(argv[1], &f)) {
		con_printf("cat: %s: No such file or directory\n", argv[1]);
		return;
	}
	show_dump(&f);
}

static void ls_one(struct inode *inode, void *count)
{
	con_printf("%s\n", inode->i_path);
	(*(unsigned int *)count)++;
}

static unsigned int ls_dir_count;

static void ls_dir_emit(const char *path)
{
	con_printf("%s\n", path);
	ls_dir_count++;
}

/* The entries a DUMP_DIR has under dir ("/proc", "/proc/1"); how many. */
static unsigned int ls_dump_dirs(const char *dir)
{
	const struct dump_dir **d;
	size_t len = strlen(dir);

	ls_dir_count = 0;
	for (d = __dump_dirs_start; d < __dump_dirs_end; d++) {
		const char *prefix = (*d)->prefix;      /* "/proc/" */
		size_t plen = strlen(prefix);

		if (!strncmp(dir, prefix, len < plen ? len : plen) &&
		    (len >= plen || len == plen - 1) && (*d)->list)
			(*d)->list(dir, ls_dir_emit);
	}
	return ls_dir_count;
}

/* ls: the dump files; ls <dir>: the archive's entries in dir (/bin), or a
 * DUMP_DIR's (/proc, /proc/<pid>). */
static void cmd_ls(int argc, char **argv)
{
	const struct dump_file **f;
	unsigned int n = 0;

	if (!shell_nargs(argc, argv, 0, 1, "ls [<dir>]"))
		return;
	if (argc == 2) {
		initramfs_for_each(argv[1], ls_one, &n);
		n += ls_dump_dirs(argv[1]);
		if (!n)
			con_printf("ls: cannot access '%s': No such file or directory\n", argv[1]);
		return;
	}
	for (f = __dump_files_start; f < __dump_files_end; f++)
		con_printf("%s\n", (*f)->path);
}

static void dmesg_out(const char *s, size_t n)
{
	struct console *con = console_get();

	con->write(con, s, n);
}

static void cmd_dmesg(int argc, char **argv)
{
	if (!shell_nargs(argc, argv, 0, 0, argv[0]))     /* takes no arguments */
		return;
	log_buf_dump(dmesg_out);
}

static void cmd_poweroff(int argc, char **argv)
{
	if (!shell_nargs(argc, argv, 0, 0, argv[0]))     /* takes no arguments */
		return;
	kernel_power_off();
}

static void cmd_pgd(int argc, char **argv)
{
	if (!shell_nargs(argc, argv, 0, 0, argv[0]))     /* takes no arguments */
		return;
	show_swapper_pg_dir("now", con_printf);
}

/*
 * The self-tests are init code and data, freed by free_initmem before the
 * shell starts (as Linux's built-in KUnit suites are): they run from the
 * boot argument, not from here.
 */
static void cmd_selftest(int argc, char **argv)
{
	if (!shell_nargs(argc, argv, 0, 0, argv[0]))     /* takes no arguments */
		return;
	con_printf("Error: selftest: the tests are init code, freed after boot (free_initmem); "
		   "boot with the argument 'selftest' (make run BOOTARGS=\"console=ttyAMA0 selftest\")\n");
}

/* The one argument of vtop, ptepage, peek: a hex virtual address. */
static bool parse_va(int argc, char **argv, unsigned long *va)
{
	static char usage[40];

	snprintf(usage, sizeof(usage), "%s <va>  (hex, 0x optional)", argv[0]);
	return shell_nargs(argc, argv, 1, 1, usage) && shell_arg_addr(argv[0], argv[1], va);
}

/*
 * vtop and ptepage: "<va>" walks the kernel's tables (swapper_pg_dir),
 * "<pid> <va>" the process's (its mm->pgd). Null: a bad argument (said).
 */
static struct task_struct *parse_pid_va(int argc, char **argv, unsigned long *va)
{
	static char usage[48];
	struct task_struct *task = &init_task;
	unsigned int pid;

	snprintf(usage, sizeof(usage), "%s [<pid>] <va>  (hex, 0x optional)", argv[0]);
	if (!shell_nargs(argc, argv, 1, 2, usage))
		return NULL;
	if (argc == 3) {
		if (!shell_arg_uint(argv[0], "pid", argv[1], 1, 0x7fffffff, &pid))
			return NULL;
		task = find_task_by_vpid(pid);
		if (!task || !task->mm) {
			con_printf("Error: %s: no process with pid %u\n", argv[0], pid);
			return NULL;
		}
	}
	return shell_arg_addr(argv[0], argv[argc - 1], va) ? task : NULL;
}

static void cmd_vtop(int argc, char **argv)
{
	struct task_struct *task;
	unsigned long va;

	task = parse_pid_va(argc, argv, &va);
	if (task == &init_task)
		vtop_show(va);
	else if (task)
		vtop_user_show(task, va);
}

static void cmd_ptepage(int argc, char **argv)
{
	struct task_struct *task;
	unsigned long va;

	task = parse_pid_va(argc, argv, &va);
	if (task == &init_task)
		ptepage_show(va);
	else if (task)
		ptepage_user_show(task, va);
}

/* Read a word at a virtual address: a deliberate fault if it is unmapped. */
static void cmd_peek(int argc, char **argv)
{
	unsigned long va;

	if (parse_va(argc, argv, &va))
		con_printf("0x%08lx: 0x%08x\n", va, *(volatile u32 *)va);
}

static const struct shell_cmd commands[] = {
	{ "help",     "list the commands",                          cmd_help },
	{ "dmesg",    "print the kernel log",                       cmd_dmesg },
	{ "ls",       "list the files cat can show",                cmd_ls },
	{ "cat",      "cat <path>: show a /proc or /sys file",      cmd_cat },
	{ "pgd",      "show the non-zero swapper_pg_dir entries",   cmd_pgd },
	{ "vtop",     "vtop [<pid>] <va>: walk the page tables for va", cmd_vtop },
	{ "ptepage",  "ptepage [<pid>] <va>: the split PTE page around va", cmd_ptepage },
	{ "peek",     "peek <va>: read a word (faults if unmapped)", cmd_peek },
	{ "selftest", "how to run the self-tests (boot argument)",  cmd_selftest },
	{ "poweroff", "switch the machine off",                     cmd_poweroff },
};

static void cmd_help(int argc, char **argv)
{
	const struct shell_cmd **c;
	unsigned int i;

	if (!shell_nargs(argc, argv, 0, 0, argv[0]))     /* takes no arguments */
		return;
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		con_printf("  %-10s %s\n", commands[i].name, commands[i].help);
	for (c = __shell_cmds_start; c < __shell_cmds_end; c++)
		con_printf("  %-10s %s\n", (*c)->name, (*c)->help);
}

/* The built-in command, or one another file registered with SHELL_CMD(). */
static const struct shell_cmd *find_cmd(const char *name)
{
	const struct shell_cmd **c;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	for (c = __shell_cmds_start; c < __shell_cmds_end; c++)
		if (!strcmp(name, (*c)->name))
			return *c;
	return NULL;
}

/* The candidates for the word being completed: command names, or dump paths after "cat ". */
static int candidates(const char *line, int start, const char **out, int max)
{
	const struct shell_cmd **c;
	const struct dump_file **f;
	unsigned int i;
	int n = 0;

	if (start == 0) {
		for (i = 0; i < ARRAY_SIZE(commands) && n < max; i++)
			out[n++] = commands[i].name;
		for (c = __shell_cmds_start; c < __shell_cmds_end && n < max; c++)
			out[n++] = (*c)->name;
	} else if (!strncmp(line, "cat ", 4) && !strchr(line + 4, ' ') && start == 4) {
		for (f = __dump_files_start; f < __dump_files_end && n < max; f++)
			out[n++] = (*f)->path;
	}
	return n;
}

int shell_complete(const char *line, int start, char *word, int room)
{
	const char *all[64], *match[64];
	int n = candidates(line, start, all, 64), m = 0, len = strlen(word), common, i;

	for (i = 0; i < n; i++)
		if (!strncmp(all[i], word, len))
			match[m++] = all[i];
	if (!m)
		return 0;
	/* the longest prefix every match shares */
	for (common = strlen(match[0]), i = 1; i < m; i++)
		while (strncmp(match[i], match[0], common))
			common--;
	if (common > len || m == 1) {
		int add = common - len + (m == 1);     /* a unique match gets its space */

		if (add > room)
			add = room;
		memcpy(word + len, match[0] + len, common - len);
		word[common] = ' ';
		word[len + add] = '\0';
		return add;
	}
	con_printf("\n");
	for (i = 0; i < m; i++)
		con_printf("%s%s", match[i], i + 1 < m ? "  " : "\n");
	return -1;
}

/* Split at spaces into argv; -1 if there are more than MAX_ARGS words. */
static int split_args(char *line, char **argv)
{
	int argc = 0;

	for (;;) {
		while (*line == ' ')
			*line++ = '\0';
		if (!*line)
			return argc;
		if (argc == MAX_ARGS)
			return -1;
		argv[argc++] = line;
		while (*line && *line != ' ')
			line++;
	}
}

/*
 * True while a command runs: an oops then kills the command, not the
 * kernel (traps.c make_task_dead). False at boot, so a boot fault panics.
 */
bool shell_in_command;

__noreturn void shell_run(void)
{
	struct console *con = console_get();
	char line[LINE_MAX_LEN], *argv[MAX_ARGS];

	if (!con || !con->read_char)
		panic("shell: no console to read from");
	for (;;) {
		const struct shell_cmd *cmd;
		int argc;

		if (shell_read_line(con, SHELL_PROMPT, line, sizeof(line)) < 0) {
			con_printf("Error: line longer than %d characters: not run\n",
				   LINE_MAX_LEN - 1);
			continue;
		}
		argc = split_args(line, argv);
		if (argc < 0) {
			con_printf("Error: more than %d words: not run\n", MAX_ARGS);
			continue;
		}
		if (!argc)
			continue;
		cmd = find_cmd(argv[0]);
		if (argv[0][0] == '/' || shell_is_assignment(argv[0])) {
			/* a program, as a shell runs one */
			shell_in_command = true;
			shell_run_program(argc, argv);
			shell_in_command = false;
		} else if (cmd) {
			shell_in_command = true;
			cmd->fn(argc, argv);
			shell_in_command = false;
		}
		else
			con_printf("%s: command not found (try 'help')\n", argv[0]);
	}
}

/*
 * Where the console starts again after an oops killed a command: called
 * on a fresh stack (traps.c make_task_dead), with nothing of the old
 * command's frames left. The line editor's history and the console are
 * static and survive; the half-read line is gone.
 */
__noreturn void shell_restart(void)
{
	shell_run();
}
