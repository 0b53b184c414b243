/*
 * kernel/sysctl.c - /proc/sys/kernel/randomize_va_space, the one sysctl
 * of the notes' debug files (mm/util.c says what each value moves).
 * Linux: kernel/sysctl.c kern_table ("randomize_va_space",
 * proc_dointvec_minmax with 0..2).
 *
 *   armmm# cat /proc/sys/kernel/randomize_va_space
 *   0
 *   armmm# echo 2 > /proc/sys/kernel/randomize_va_space
 *
 * A value outside 0..2, or not a number, is refused with EINVAL and the
 * old value stays, as proc_dointvec_minmax does. The next exec uses the
 * new value; a running process keeps the layout it was given.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <string.h>

static int randomize_va_space_show(struct seq_file *m, void *priv)
{
	seq_printf(m, "%d\n", randomize_va_space);
	return 0;
}

static int randomize_va_space_write(const char *value, void *priv)
{
	char buf[16];
	size_t len;
	int v;

	/* proc_dointvec skips white space around the number (echo adds a newline) */
	while (*value == ' ' || *value == '\t' || *value == '\n')
		value++;
	len = strnlen(value, sizeof(buf) - 1);
	memcpy(buf, value, len);
	while (len && (buf[len - 1] == ' ' || buf[len - 1] == '\t' || buf[len - 1] == '\n'))
		len--;
	buf[len] = '\0';
	if (kstrtoint(buf, 10, &v) || v < 0 || v > 2)
		return -EINVAL;
	randomize_va_space = v;
	return 0;
}
DUMP_FILE_RW(randomize_va_space, "/proc/sys/kernel/randomize_va_space", randomize_va_space_show,
	     randomize_va_space_write, NULL);

/* The boot argument norandmaps: randomize_va_space 0 (Linux mm/memory.c). */
int disable_randmaps(const char *value)
{
	randomize_va_space = 0;
	return 0;
}
