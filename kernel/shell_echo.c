/*
 * kernel/shell_echo.c - the console's `echo`, as a shell's builtin:
 *
 *   echo hello world            prints "hello world"
 *   echo 1 > /proc/3/clear_refs writes "1\n" to the file, as
 *                               `echo 1 > file` does in a Linux shell
 *
 * The file is found with dump_file_find() (fixed DUMP_FILE()s and the
 * DUMP_DIR()s such as /proc/<pid>/) and written through its write
 * callback. Errors are worded as busybox's sh words them, with Linux's
 * errno text: a file that has no write callback is "Invalid argument"
 * (what Linux's write(2) returns for a /proc file without .write, even
 * to root), a missing one "No such file or directory".
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/seq_file.h>
#include <linux/shell.h>
#include <string.h>

#ifndef ESRCH
#define ESRCH  3
#endif
#ifndef EFAULT
#define EFAULT 14
#endif

/* Linux's strerror texts for the errors a dump file's write returns. */
static const char *errno_text(int err)
{
	switch (-err) {
	case ESRCH:  return "No such process";
	case ENOMEM: return "Out of memory";
	case EFAULT: return "Bad address";
	case EINVAL: return "Invalid argument";
	case ERANGE: return "Numerical result out of range";
	default:     return "Unknown error";
	}
}

/* Join argv[first..last) with single spaces into buf (a shell's word list). */
static void join_words(char *buf, size_t size, char **argv, int first, int last)
{
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = first; i < last && n + 1 < size; i++)
		n += snprintf(buf + n, size - n, "%s%s", i > first ? " " : "", argv[i]);
}

static void echo_to_file(const char *value, const char *path)
{
	struct dump_file f;
	int err;

	if (!dump_file_find(path, &f)) {
		con_printf("echo: can't create %s: No such file or directory\n", path);
		return;
	}
	if (!f.write) {
		con_printf("echo: write error: %s\n", errno_text(-EINVAL));
		return;
	}
	err = f.write(value, f.priv);
	if (err < 0)
		con_printf("echo: write error: %s\n", errno_text(err));
}

static void cmd_echo(int argc, char **argv)
{
	char value[SHELL_LINE_MAX];
	const char *path = NULL;
	int last = argc, i;

	/* "> path" or ">path" ends the words; the line has at most one */
	for (i = 1; i < argc; i++) {
		if (argv[i][0] != '>')
			continue;
		path = argv[i][1] ? argv[i] + 1 : (i + 1 < argc ? argv[i + 1] : NULL);
		if (!path || (argv[i][1] ? i + 1 != argc : i + 2 != argc)) {
			con_printf("echo: usage: echo [WORD...] [> FILE]\n");
			return;
		}
		last = i;
		break;
	}
	join_words(value, sizeof(value) - 1, argv, 1, last);
	if (!path) {
		con_printf("%s\n", value);
		return;
	}
	memcpy(value + strlen(value), "\n", 2);        /* what the shell's echo writes */
	echo_to_file(value, path);
}
SHELL_CMD(echo, "echo [WORD...] [> FILE]: print the words, or write them to a /proc file",
	  cmd_echo);
