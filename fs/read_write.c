/*
 * fs/read_write.c - sys_write (Linux: fs/read_write.c ksys_write,
 * vfs_write; the console is Linux's tty driver behind /dev/console).
 *
 * armmm has no file table: every process has the console as its standard
 * output and standard error, fds 1 and 2, and nothing else (-EBADF, as
 * Linux for an fd that is not open). The bytes come from user memory
 * through copy_from_user, a chunk at a time through a buffer on the
 * kernel stack, so a buffer that runs into an unmapped page writes what
 * came before it and returns that count, and one that starts unmapped is
 * -EFAULT, as Linux's tty write does.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define WRITE_CHUNK 128         /* bytes per copy_from_user */

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	struct console *con = console_get();
	char chunk[WRITE_CHUNK];
	size_t done = 0;

	if (fd != 1 && fd != 2)
		return -EBADF;
	if (!access_ok(buf, count))
		return -EFAULT;
	while (done < count) {
		size_t n = count - done < WRITE_CHUNK ? count - done : WRITE_CHUNK;
		unsigned long left = copy_from_user(chunk, buf + done, n);

		if (n - left)
			con->write(con, chunk, n - left);
		done += n - left;
		if (left)
			return done ? (long)done : -EFAULT;
	}
	return done;
}
