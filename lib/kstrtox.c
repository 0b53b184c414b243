/*
 * lib/kstrtox.c - strict string to integer conversion, after Linux's
 * lib/kstrtox.c (see linux/kstrtox.h for the rules). Every console
 * command reads its numbers through these, so "peek c0008000" with a
 * typo cannot quietly become address 0.
 */
#include <linux/errno.h>
#include <linux/kstrtox.h>
#include <limits.h>

/* The value of one digit in any base up to 16, or 16 if it is none. */
static unsigned int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;              /* ASCII lower case */
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return 16;
}

/* Skip a base prefix as Linux's _parse_integer_fixup_radix does. */
static const char *fixup_radix(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0' && (s[1] | 0x20) == 'x' && digit_value(s[2]) < 16)
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && s[0] == '0' && (s[1] | 0x20) == 'x')
		s += 2;
	return s;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0;
	unsigned int d;

	if (*s == '+')
		s++;
	s = fixup_radix(s, &base);
	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		d = digit_value(*s);
		if (d >= base)
			return -EINVAL;
		if (v > (~0ULL - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	*res = v;
	return 0;
}

/* kstrtoull, then -ERANGE above max: the narrower types' common part. */
static int kstrtoull_max(const char *s, unsigned int base, unsigned long long max,
			 unsigned long long *v)
{
	int err = kstrtoull(s, base, v);

	return err ? err : *v > max ? -ERANGE : 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int err = kstrtoull_max(s, base, ULONG_MAX, &v);

	if (!err)
		*res = (unsigned long)v;
	return err;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int err = kstrtoull_max(s, base, UINT_MAX, &v);

	if (!err)
		*res = (unsigned int)v;
	return err;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	unsigned long long v;
	int err;

	if (*s == '-') {
		err = kstrtoull(s + 1, base, &v);
		if (err)
			return err;
		if (v > (unsigned long long)INT_MAX + 1)
			return -ERANGE;
		*res = (int)(0 - v);
		return 0;
	}
	err = kstrtoull(s, base, &v);
	if (err)
		return err;
	if (v > INT_MAX)
		return -ERANGE;
	*res = (int)v;
	return 0;
}
