/*
 * usr/lib/print.c - a small printf and the string functions the programs
 * (and GCC's generated code) need. Not Linux code: the format is a subset
 * of C's printf, enough for the programs' lines. A call formats the whole
 * line into a buffer and writes it with one write(1, ...), so a line is
 * never split between two system calls (a test reading the console sees
 * it whole).
 */
#include <stdarg.h>
#include "usr.h"

#define PRINT_BUF	512

struct out {
	char buf[PRINT_BUF];
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len < sizeof(o->buf))
		o->buf[o->len++] = c;
}

/* Unsigned v in base 10 or 16 (constant divisors: no libgcc division). */
static void put_num(struct out *o, unsigned long v, int hex, int neg)
{
	char tmp[12];
	int n = 0;

	do {
		tmp[n++] = hex ? "0123456789abcdef"[v & 15] : (char)('0' + v % 10);
		v = hex ? v >> 4 : v / 10;
	} while (v);
	if (neg)
		put(o, '-');
	while (n)
		put(o, tmp[--n]);
}

static void format(struct out *o, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		const char *s;
		long v;

		if (*fmt != '%') {
			put(o, *fmt);
			continue;
		}
		if (*++fmt == 'l')              /* long is int on ARM EABI */
			fmt++;
		switch (*fmt) {
		case 's':
			for (s = va_arg(ap, const char *); s && *s; s++)
				put(o, *s);
			break;
		case 'c':
			put(o, (char)va_arg(ap, int));
			break;
		case 'd':
			v = va_arg(ap, long);
			put_num(o, v < 0 ? -(unsigned long)v : (unsigned long)v, 0, v < 0);
			break;
		case 'u':
			put_num(o, va_arg(ap, unsigned long), 0, 0);
			break;
		case 'p':
			put(o, '0');
			put(o, 'x');
			put_num(o, (unsigned long)va_arg(ap, void *), 1, 0);
			break;
		case 'x':
			put_num(o, va_arg(ap, unsigned long), 1, 0);
			break;
		case '\0':
			return;
		default:
			put(o, *fmt);
		}
	}
}

int printf(const char *fmt, ...)
{
	struct out o;
	va_list ap;

	o.len = 0;
	va_start(ap, fmt);
	format(&o, fmt, ap);
	va_end(ap);
	return (int)sys_write(1, o.buf, o.len);
}

long parse_long(const char *prog, const char *s)
{
	const char *p = s;
	long v = 0;

	if (!*p)
		goto bad;
	for (; *p; p++) {
		if (*p < '0' || *p > '9' || v > 100000000)
			goto bad;
		v = v * 10 + (*p - '0');
	}
	return v;
bad:
	printf("%s: bad number %s\n", prog, s);
	sys_exit_group(2);
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n && *a && *a == *b; n--)
		a++, b++;
	return n ? (unsigned char)*a - (unsigned char)*b : 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

/* GCC may call these for structure copies and clears even when freestanding. */
void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;

	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

void *memcpy(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	while (n--)
		*dp++ = *sp++;
	return d;
}
