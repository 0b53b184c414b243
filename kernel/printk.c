/*
 * kernel/printk.c - the kernel log (Linux: kernel/printk/printk.c, much
 * reduced). Each line gets a "[seconds.micros] " prefix, is kept in a ring
 * buffer that `dmesg` replays, and goes to the console: the early debug
 * UART (debug.S) until a real console driver registers.
 *
 * The clock: the ARMv7 generic timer (CNTVCT / CNTFRQ) when the CPU has one
 * (Cortex-A15, QEMU virt). Cortex-A9 has none, and there the timestamps
 * stay 0.000000, as Linux's do before a sched_clock is registered.
 */
#include <generated/autoconf.h>
#include <linux/kernel.h>
#include <asm/cp15.h>
#include <stdarg.h>
#include <string.h>

#define LOG_BUF_LEN (1 << CONFIG_LOG_BUF_SHIFT)

static char log_buf[LOG_BUF_LEN];
static u32 log_head;		/* total characters ever written */
static bool at_line_start = true;
static struct console *console;

extern void printascii(const char *s);	/* debug.S: early UART */
extern u32 __debug_ll_type;

/* The generic timer's frequency, or 0 when the CPU has none. */
u32 arch_timer_rate(void)
{
	static u32 freq;	/* 0: not probed; ~0u: no timer */

	if (!freq) {
		u32 gentimer = (read_id_pfr1() >> ID_PFR1_GENTIMER_SHIFT) & 0xf;

		freq = gentimer ? read_cntfrq() : 0;
		if (!freq)
			freq = ~0u;
	}
	return freq == ~0u ? 0 : freq;
}

/* Nanoseconds since the counter started, or 0 with no generic timer. */
unsigned long long local_clock_ns(void)
{
	u32 freq = arch_timer_rate();

	return freq ? read_cntvct() * 1000000000ull / freq : 0;
}

static void log_store(const char *s, size_t n)
{
	for (; n; n--, s++)
		log_buf[log_head++ % LOG_BUF_LEN] = *s;
}

static void console_emit(const char *s, size_t n)
{
	if (console) {
		console->write(console, s, n);
	} else if (__debug_ll_type) {
		char tmp[160];

		while (n) {	/* printascii wants a NUL-terminated string */
			size_t k = min(n, sizeof(tmp) - 1);

			memcpy(tmp, s, k);
			tmp[k] = '\0';
			printascii(tmp);
			s += k;
			n -= k;
		}
	}
}

static void emit(const char *s, size_t n)
{
	log_store(s, n);
	console_emit(s, n);
}

int printk(const char *fmt, ...)
{
	char text[512];
	va_list ap;
	int len;
	const char *p, *nl;

	va_start(ap, fmt);
	len = vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	len = min(len, (int)sizeof(text) - 1);

	for (p = text; p < text + len; p = nl) {
		if (at_line_start) {
			char stamp[24];
			u64 ns = local_clock_ns();
			u32 sec = (u32)(ns / 1000000000ull);
			u32 usec = (u32)(ns % 1000000000ull) / 1000;
			int n = snprintf(stamp, sizeof(stamp), "[%5u.%06u] ", sec, usec);

			emit(stamp, n);
		}
		nl = memchr(p, '\n', text + len - p);
		nl = nl ? nl + 1 : text + len;
		emit(p, nl - p);
		at_line_start = (nl[-1] == '\n');
	}
	return len;
}

int con_printf(const char *fmt, ...)
{
	char text[512];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	len = min(len, (int)sizeof(text) - 1);
	console_emit(text, len);
	return len;
}

void register_console(struct console *con)
{
	console = con;
	/*
	 * Linux's register_console: a console with CON_PRINTBUFFER starts with
	 * the whole log, except when a boot console was already printing it
	 * (then the flag is dropped, or the first lines would show twice).
	 */
	if (__debug_ll_type)
		con->flags &= ~CON_PRINTBUFFER;
	if (con->flags & CON_PRINTBUFFER)
		log_buf_dump(NULL);
	printk("printk: console [%s%d] enabled\n", con->name, con->index);
}

struct console *console_get(void)
{
	return console;
}

/* Hand the log to fn (or to the console when fn is NULL), oldest first. */
void log_buf_dump(void (*fn)(const char *s, size_t len))
{
	u32 start = log_head > LOG_BUF_LEN ? log_head - LOG_BUF_LEN : 0;

	while (start < log_head) {
		u32 off = start % LOG_BUF_LEN;
		u32 n = min(log_head - start, LOG_BUF_LEN - off);

		if (fn)
			fn(log_buf + off, n);
		else
			console_emit(log_buf + off, n);
		start += n;
	}
}
