/*
 * lib/vsprintf.c - formatted output, the subset of Linux's vsprintf the
 * kernel uses: flags '-' '0', width (or '*'), precision for %s, length
 * modifiers h hh l ll z, conversions d i u x X s c p %.
 * %p prints the raw pointer as 0x%08lx (Linux's %px).
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct outbuf {
	char *buf;
	size_t size;
	size_t len;		/* characters produced, even past size */
};

static void put(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_padded(struct outbuf *o, const char *s, size_t n, int width,
		       bool left, char pad)
{
	int fill = width > (int)n ? width - (int)n : 0;

	if (!left && pad == '0' && n && (*s == '-')) {	/* sign before zeros */
		put(o, *s++);
		n--;
	}
	while (!left && fill--)
		put(o, pad);
	while (n--)
		put(o, *s++);
	while (left && fill-- > 0)
		put(o, ' ');
}

/* Format an unsigned number in base 10 or 16 into tmp; returns its start. */
static char *number(char *end, unsigned long long v, int base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";

	*--end = '\0';
	do {
		*--end = digits[v % base];
		v /= base;
	} while (v);
	return end;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, size, 0 };
	char tmp[24];

	for (; *fmt; fmt++) {
		bool left = false, upper = false;
		char pad = ' ';
		int width = 0, prec = -1, lng = 0;
		unsigned long long v;
		const char *s;
		char *p;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		for (fmt++; *fmt == '-' || *fmt == '0'; fmt++)
			*fmt == '-' ? (left = true) : (pad = '0');
		if (*fmt == '*') {
			width = va_arg(ap, int);
			fmt++;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			width = width * 10 + (*fmt - '0');
		if (*fmt == '.' && fmt[1] == '*') {
			prec = va_arg(ap, int);
			fmt += 2;
		} else if (*fmt == '.') {
			for (prec = 0, fmt++; *fmt >= '0' && *fmt <= '9'; fmt++)
				prec = prec * 10 + (*fmt - '0');
		}
		for (; *fmt == 'l' || *fmt == 'h' || *fmt == 'z'; fmt++)
			lng += (*fmt == 'l');
		switch (*fmt) {
		case 'd': case 'i': {
			long long sv = lng >= 2 ? va_arg(ap, long long)
				     : lng ? va_arg(ap, long) : va_arg(ap, int);
			p = number(tmp + sizeof(tmp), sv < 0 ? -(unsigned long long)sv : (unsigned long long)sv, 10, false);
			if (sv < 0)
				*--p = '-';
			put_padded(&o, p, strlen(p), width, left, pad);
			break;
		}
		case 'u': case 'x': case 'X':
			v = lng >= 2 ? va_arg(ap, unsigned long long)
			  : lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
			upper = (*fmt == 'X');
			p = number(tmp + sizeof(tmp), v, *fmt == 'u' ? 10 : 16, upper);
			put_padded(&o, p, strlen(p), width, left, pad);
			break;
		case 'p':
			/* %pS: symbol+0xoff/0xsize, %ps: the name (Linux's
			 * symbol_string); an address in no symbol prints bare */
			if (fmt[1] == 'S' || fmt[1] == 's') {
				char sym[KSYM_SYMBOL_LEN];
				unsigned long addr = (unsigned long)va_arg(ap, void *);

				if (*++fmt == 'S')
					sprint_symbol(sym, addr);
				else
					sprint_symbol_no_offset(sym, addr);
				put_padded(&o, sym, strlen(sym), width, left, ' ');
				break;
			}
			p = number(tmp + sizeof(tmp), (uintptr_t)va_arg(ap, void *), 16, false);
			put(&o, '0');
			put(&o, 'x');
			put_padded(&o, p, strlen(p), 8, false, '0');
			break;
		case 's':
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			put_padded(&o, s, prec >= 0 ? strnlen(s, prec) : strlen(s), width, left, ' ');
			break;
		case 'c':
			tmp[0] = (char)va_arg(ap, int);
			put_padded(&o, tmp, 1, width, left, ' ');
			break;
		case '%':
			put(&o, '%');
			break;
		default:		/* unknown: print it as it stands */
			put(&o, '%');
			if (*fmt)
				put(&o, *fmt);
			else
				fmt--;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* Linux's memparse: a number with an optional K, M or G suffix. */
unsigned long long memparse(const char *s, char **end)
{
	char *e;
	unsigned long long v = strtoull(s, &e, 0);

	switch (*e) {
	case 'G': case 'g':
		v <<= 10;
		/* fall through */
	case 'M': case 'm':
		v <<= 10;
		/* fall through */
	case 'K': case 'k':
		v <<= 10;
		e++;
	}
	if (end)
		*end = e;
	return v;
}
