/*
 * lib/seq_file.c - formatted output for dumps (see linux/seq_file.h).
 */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <stdarg.h>
#include <string.h>

#define SEQ_LINE_MAX 256

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	char line[SEQ_LINE_MAX];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n > 0)
		m->write(m, line, min((size_t)n, sizeof(line) - 1));
}

void seq_puts(struct seq_file *m, const char *s)
{
	m->write(m, s, strlen(s));
}

static void seq_buf_write(struct seq_file *m, const char *s, size_t n)
{
	size_t room = m->size - 1 - m->count;

	n = min(n, room);
	memcpy(m->buf + m->count, s, n);
	m->count += n;
	m->buf[m->count] = '\0';
}

void seq_buf_init(struct seq_file *m, char *buf, size_t size)
{
	*m = (struct seq_file){ .write = seq_buf_write, .buf = buf, .size = size };
	buf[0] = '\0';
}
