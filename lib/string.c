/*
 * lib/string.c - the string and memory routines the kernel and libfdt use.
 * Plain byte loops: small and obviously right; nothing here is hot yet.
 * (gcc may turn a struct copy or a loop into a call to memcpy/memset, so
 * these must exist even where no code calls them by name.)
 */
#include <string.h>
#include <stdlib.h>
#include <stdint.h>

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)			/* overlapping, dst above src: copy down */
		d[n] = s[n];
	return dst;
}

/*
 * memset - a word at a time once aligned: memblock_alloc() zeroes mem_map
 * (8 MiB at 1 GiB of RAM) and every page table with it, and a byte loop
 * made that most of bootmem_init's time (make bench).
 */
void *memset(void *p, int c, size_t n)
{
	unsigned char *d = p;
	uint32_t w = (unsigned char)c * 0x01010101u;

	while (n && ((uintptr_t)d & 3)) {
		*d++ = (unsigned char)c;
		n--;
	}
	for (; n >= 16; n -= 16, d += 16) {
		((uint32_t *)d)[0] = w;
		((uint32_t *)d)[1] = w;
		((uint32_t *)d)[2] = w;
		((uint32_t *)d)[3] = w;
	}
	while (n--)
		*d++ = (unsigned char)c;
	return p;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr(const void *p, int c, size_t n)
{
	const unsigned char *s = p;

	for (; n; n--, s++)
		if (*s == (unsigned char)c)
			return (void *)s;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *e = s;

	while (*e)
		e++;
	return e - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (; *s; s++)
		if (*s == (char)c)
			return (char *)s;
	return c ? NULL : (char *)s;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++)
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	return n ? NULL : (char *)haystack;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
	unsigned long long v = 0;

	while (*s == ' ')
		s++;
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')
	    && digit_value(s[2]) < 16) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = (s[0] == '0') ? 8 : 10;
	}
	for (; digit_value(*s) < base; s++)
		v = v * base + digit_value(*s);
	if (end)
		*end = (char *)s;
	return v;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	return (unsigned long)strtoull(s, end, base);
}
