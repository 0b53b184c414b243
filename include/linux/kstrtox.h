/*
 * linux/kstrtox.h - strict string to integer conversion (Linux:
 * include/linux/kstrtox.h, lib/kstrtox.c). Unlike strtoul(), the whole
 * string must be a number: 0 on success, -EINVAL if it is empty or has
 * anything else in it (Linux also allows one trailing newline, which a
 * console argument never has), -ERANGE if it does not fit.
 *
 * base 0: "0x" means hex, a leading "0" octal, else decimal.
 * base 16: hex, with or without "0x".
 * base 10: decimal only.
 */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H

#include <linux/types.h>

int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);

#endif
