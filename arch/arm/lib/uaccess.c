/*
 * arch/arm/lib/uaccess.c - the checked entry points of uaccess
 * (Linux: include/linux/uaccess.h _copy_from_user/_copy_to_user,
 * arch/arm/include/asm/uaccess.h clear_user, lib/strncpy_from_user.c).
 * Each checks the range against TASK_SIZE (access_ok), opens the user
 * domain around the loop (uaccess_copy.S) and closes it again.
 */
#include <linux/kernel.h>
#include <asm/uaccess.h>
#include <string.h>

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;
	unsigned int ua;

	if (access_ok(from, n)) {
		ua = uaccess_save_and_enable();
		left = arm_copy_from_user(to, from, n);
		uaccess_restore(ua);
	}
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	unsigned long left = n;
	unsigned int ua;

	if (access_ok(to, n)) {
		ua = uaccess_save_and_enable();
		left = arm_copy_to_user(to, from, n);
		uaccess_restore(ua);
	}
	return left;
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	unsigned long left = n;
	unsigned int ua;

	if (access_ok(to, n)) {
		ua = uaccess_save_and_enable();
		left = arm_clear_user(to, n);
		uaccess_restore(ua);
	}
	return left;
}

/*
 * A byte at a time through __get_user until the NUL or count bytes. Like
 * Linux, a string that runs into the end of user space (TASK_SIZE) or an
 * unmapped page is -EFAULT; count bytes without a NUL return count (the
 * destination is then not terminated).
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	if (count <= 0)
		return 0;
	for (i = 0; i < count; i++) {
		char c;

		if (!access_ok(src + i, 1) || __get_user(c, src + i))
			return -EFAULT;
		dst[i] = c;
		if (!c)
			return i;
	}
	return count;
}
