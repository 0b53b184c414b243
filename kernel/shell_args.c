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
#include <string.h>

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

bool shell_arg_hex(const char *cmd, const char *what, const char *s, unsigned long *v)
{
	unsigned long long x;
	int err = kstrtoull(s, 16, &x);

	if (err == -EINVAL) {
		con_printf("Error: %s: '%s' is not a hex %s\n", cmd, s, what);
		return false;
	}
	if (err || x > 0xffffffffULL) {
		con_printf("Error: %s: '%s' is wider than 32 bits\n", cmd, s);
		return false;
	}
	*v = (unsigned long)x;
	return true;
}

bool shell_arg_addr(const char *cmd, const char *s, unsigned long *addr)
{
	return shell_arg_hex(cmd, "address", s, addr);
}

bool shell_arg_size(const char *cmd, const char *s, unsigned long *size)
{
	char num[24];
	size_t n = strlen(s);
	unsigned int shift = 0;
	unsigned long long x;
	int err;

	switch (n ? s[n - 1] | 0x20 : 0) {
	case 'g': shift += 10; /* fall through */
	case 'm': shift += 10; /* fall through */
	case 'k': shift += 10; n--;
	}
	if (n >= sizeof(num)) {
		con_printf("Error: %s: size '%s' is wider than 32 bits\n", cmd, s);
		return false;
	}
	memcpy(num, s, n);
	num[n] = '\0';
	err = kstrtoull(num, 10, &x);
	if (err == -EINVAL) {
		con_printf("Error: %s: '%s' is not a size (decimal bytes, K/M/G allowed)\n", cmd, s);
		return false;
	}
	if (err || x > (0xffffffffULL >> shift)) {
		con_printf("Error: %s: size '%s' is wider than 32 bits\n", cmd, s);
		return false;
	}
	*size = (unsigned long)(x << shift);
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
