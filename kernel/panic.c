/*
 * kernel/panic.c - panic(), the taint flags, and the panic= / oops=
 * boot arguments. Linux: kernel/panic.c.
 *
 * panic=N (Linux's panic_timeout): N > 0 waits N seconds, then restarts
 * the machine; N < 0 restarts at once; 0 (the default) stays parked.
 * oops=panic (panic_on_oops): every oops panics ("Fatal exception"),
 * the console is not restarted.
 * Linux reads both through its core_param/early_param tables; ours (in
 * setup.c) are for the mm arguments, so panic() reads the saved command
 * line itself, the first time it or die() needs them.
 *
 * Parked, the CPU keeps reading the console UART and dropping what it
 * reads: QEMU stops taking keys from the terminal once the UART's receive
 * FIFO is full, and then even its own Ctrl-A x would never be seen.
 */
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <asm/setup.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

extern void debug_ll_flush(void);

int panic_timeout;          /* panic=, seconds */
int panic_on_oops;          /* oops=panic */
static unsigned long tainted_mask;
#define TAINT_DIE 7         /* 'D': the kernel died (oopsed) */

/* Linux's taint_flags[]: the letter when set, a space (or 'G') when not. */
static const char taint_true[] = "PFSRMBUDAWCIOELKXTN";
static const char taint_false[] = "G                  ";

/* The value of "name=" on the command line, or NULL. */
static const char *cmdline_value(const char *name)
{
	size_t n = strlen(name);
	const char *s = boot_command_line;

	while (*s) {
		while (*s == ' ')
			s++;
		if (!strncmp(s, name, n) && s[n] == '=')
			return s + n + 1;
		while (*s && *s != ' ')
			s++;
	}
	return NULL;
}

/* Read panic= and oops= (once: a panic must not depend on much). */
static void panic_params(void)
{
	static bool done;
	const char *v;

	if (done)
		return;
	done = true;
	v = cmdline_value("panic");
	if (v)      /* strtoul of the digits after an optional '-' */
		panic_timeout = *v == '-' ? -(int)strtoul(v + 1, NULL, 10)
					  : (int)strtoul(v, NULL, 10);
	v = cmdline_value("oops");
	if (v && !strncmp(v, "panic", 5) && (v[5] == ' ' || !v[5]))
		panic_on_oops = 1;
}

int oops_may_panic(void)
{
	panic_params();
	return panic_on_oops;
}

void add_taint_die(void)
{
	tainted_mask |= 1ul << TAINT_DIE;
}

/* "Not tainted", or "Tainted: " and one letter or space per flag. */
const char *print_tainted(void)
{
	static char buf[sizeof(taint_true) + sizeof("Tainted: ")];
	unsigned int i;
	char *s;

	if (!tainted_mask)
		return "Not tainted";
	s = buf + snprintf(buf, sizeof(buf), "Tainted: ");
	for (i = 0; i < sizeof(taint_true) - 1; i++)
		*s++ = (tainted_mask >> i) & 1 ? taint_true[i] : taint_false[i];
	*s = '\0';
	return buf;
}

/* The end of an oops report (Linux print_oops_end_marker; 6.1 prints 0 as
 * the id since it stopped using a random one). */
void oops_exit(void)
{
	printk("---[ end trace %016llx ]---\n", 0ull);
}

/* Keep the UART's receive FIFO empty (see the top of this file). */
static void drain_console(void)
{
	struct console *con = console_get();

	if (con && con->read_char)
		while (con->read_char(con) >= 0)
			;
}

/*
 * Linux's mdelay. With the generic timer, real time; without one (the
 * Cortex-A9 of vexpress-a9) a busy loop: Linux calibrates loops_per_jiffy
 * at boot, we do not, so there a "second" is only about one.
 */
#define LOOPS_PER_MS 20000
static void mdelay_draining(unsigned int ms)
{
	if (arch_timer_rate()) {
		unsigned long long end = local_clock_ns() + ms * 1000000ull;

		while (local_clock_ns() < end)
			drain_console();
		return;
	}
	for (; ms; ms--) {
		for (volatile int i = 0; i < LOOPS_PER_MS; i++)
			;
		drain_console();
	}
}

__noreturn void panic(const char *fmt, ...)
{
	static char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	panic_params();
	printk("Kernel panic - not syncing: %s\n", buf);
	if (panic_timeout > 0) {
		printk("Rebooting in %d seconds..\n", panic_timeout);
		mdelay_draining(panic_timeout * 1000u);
	}
	if (panic_timeout != 0)
		emergency_restart();
	printk("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	debug_ll_flush();
	for (;;)
		mdelay_draining(100);
}
