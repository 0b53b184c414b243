/*
 * kernel/shell_args.c - reading console command arguments (see
 * linux/shell.h). Numbers go through kstrto*() (lib/kstrtox.c), which
 * take the whole word or nothing; each refusal names the word and why.
 * No Linux counterpart: Linux's shell is in user space.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/shell.h>

bool shell_nargs(int argc, char **argv, int min, int max, const char *usage)
{
	if (argc - 1 >= min && argc - 1 <= max)
		return true;
	if (argc - 1 > max)
		con_printf("Error: %s: too many arguments ('%s' and after)\n", argv[0],
			   argv[max + 1]);
	else
		con_printf("Error: %s: missing argument\n", argv[0]);
	con_printf("usage: %s\n", usage);
	return false;
}

bool shell_arg_addr(const char *cmd, const char *s, unsigned long *addr)
{
	unsigned long long v;
	int err = kstrtoull(s, 16, &v);

	if (err == -EINVAL) {
		con_printf("Error: %s: '%s' is not a hex address\n", cmd, s);
		return false;
	}
	if (err || v > 0xffffffffULL) {
		con_printf("Error: %s: '%s' is wider than 32 bits\n", cmd, s);
		return false;
	}
	*addr = (unsigned long)v;
	return true;
}

bool shell_arg_uint(const char *cmd, const char *what, const char *s, unsigned int min,
		    unsigned int max, unsigned int *v)
{
	int err = kstrtouint(s, 10, v);

	if (err == -EINVAL) {
		con_printf("Error: %s: %s '%s' is not a decimal number\n", cmd, what, s);
		return false;
	}
	if (err || *v < min || *v > max) {
		con_printf("Error: %s: %s %s is out of range %u..%u\n", cmd, what, s, min, max);
		return false;
	}
	return true;
}
