/*
 * linux/shell.h - commands of the serial console (kernel/shell.c). A file
 * adds its own commands, the way it adds dump files with DUMP_FILE():
 *
 *   static void cmd_alloc(int argc, char **argv) { ... }
 *   SHELL_CMD(alloc, "alloc <order> [high]: take a block from the buddy allocator", cmd_alloc);
 *
 * The linker gathers them in .shell_cmds (vmlinux.lds.S); `help` lists them.
 */
#ifndef _LINUX_SHELL_H
#define _LINUX_SHELL_H

struct shell_cmd {
	const char *name;
	const char *help;
	void (*fn)(int argc, char **argv);
};

/*
 * Reading a command's arguments (kernel/shell_args.c). Each checks one
 * thing, and on a bad argument prints "Error: <cmd>: <the cause>" and
 * returns false, so the command can return having done nothing.
 *
 * shell_nargs: argc - 1 within [min, max], else the usage line.
 * shell_arg_hex: an address or a pfn (what says which), hex with or
 *   without 0x, at most 32 bits.
 * shell_arg_addr: shell_arg_hex for "address".
 * shell_arg_uint: a decimal count within [min, max], what names it
 *   ("order").
 * shell_arg_size: a size in bytes, decimal with an optional K, M or G
 *   suffix as Linux's memparse(), at most 32 bits.
 */
#include <linux/types.h>

#define SHELL_LINE_MAX 128      /* a line's buffer, its NUL included */
#define SHELL_MAX_ARGS 8        /* words in a line */

/* Run the program argv[0] ("/bin/hello") with argv and wait for it to
 * exit, stop or die (kernel/shell_jobs.c). */
void shell_run_program(int argc, char **argv);
bool shell_is_assignment(const char *word);

struct console;
/*
 * Read one line at the prompt with editing and history (kernel/shell_line.c):
 * its length, 0 for an abandoned line (^C), -1 if it was too long (it is
 * then not to be run).
 */
int shell_read_line(struct console *con, const char *prompt, char *buf, int max);
/*
 * Tab completion (kernel/shell.c): word (what is typed of the word that
 * starts at line[start]) is extended in place by at most room characters;
 * returns how many were added, or -1 after printing the candidates.
 */
int shell_complete(const char *line, int start, char *word, int room);

bool shell_nargs(int argc, char **argv, int min, int max, const char *usage);
bool shell_arg_hex(const char *cmd, const char *what, const char *s, unsigned long *v);
bool shell_arg_addr(const char *cmd, const char *s, unsigned long *addr);
bool shell_arg_size(const char *cmd, const char *s, unsigned long *size);
bool shell_arg_uint(const char *cmd, const char *what, const char *s, unsigned int min,
		    unsigned int max, unsigned int *v);

#define SHELL_CMD(cname, chelp, cfn)                                        \
	static const struct shell_cmd shell_cmd_##cname = {                 \
		.name = #cname, .help = chelp, .fn = cfn };                 \
	static const struct shell_cmd *shell_cmd_ptr_##cname                \
	__attribute__((__used__, __section__(".shell_cmds"))) = &shell_cmd_##cname

#endif
