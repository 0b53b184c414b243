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

#define SHELL_CMD(cname, chelp, cfn)                                        \
	static const struct shell_cmd shell_cmd_##cname = {                 \
		.name = #cname, .help = chelp, .fn = cfn };                 \
	static const struct shell_cmd *shell_cmd_ptr_##cname                \
	__attribute__((__used__, __section__(".shell_cmds"))) = &shell_cmd_##cname

#endif
