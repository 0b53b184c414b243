/*
 * linux/printk.h - the kernel log. Every line goes into the log buffer
 * (read back by `dmesg`) and to the console, prefixed with a Linux-style
 * "[    5.000123] " timestamp. See kernel/printk.c.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H
#include <linux/compiler.h>
#include <stddef.h>

__printf(1, 2) int printk(const char *fmt, ...);

/* The clock behind the timestamps: the ARMv7 generic timer, if present. */
u32 arch_timer_rate(void);            /* Hz, 0 if the CPU has no generic timer */
unsigned long long local_clock_ns(void);

#define pr_emerg(fmt, ...)  printk(fmt, ##__VA_ARGS__)
#define pr_crit(fmt, ...)   printk(fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)    printk(fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)   printk(fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)   printk(fmt, ##__VA_ARGS__)
#define pr_cont(fmt, ...)   printk(fmt, ##__VA_ARGS__)
#ifdef DEBUG
#define pr_debug(fmt, ...)  printk(fmt, ##__VA_ARGS__)
#else
#define pr_debug(fmt, ...)  do { if (0) printk(fmt, ##__VA_ARGS__); } while (0)
#endif

/* A console: where printk's text goes once registered. */
struct console {
	const char *name;                          /* "ttyAMA" */
	int index;
	void (*write)(struct console *, const char *, size_t);
	int (*read_char)(struct console *);        /* -1 when nothing waits */
	void *data;
	short flags;                               /* CON_* */
};

/* console.flags (Linux include/linux/console.h) */
#define CON_PRINTBUFFER 0x1  /* replay the log on registering, unless a boot
			      * console (our early UART) already showed it */

/*
 * Write straight to the console: no timestamp, not kept in the log. For
 * what a command prints (dumps must match Linux's files byte for byte).
 */
__printf(1, 2) int con_printf(const char *fmt, ...);

void register_console(struct console *con);
/* The console every line goes to, or NULL while only the early UART exists. */
struct console *console_get(void);
/* Write the whole log buffer through fn (for `dmesg`). */
void log_buf_dump(void (*fn)(const char *s, size_t len));

#endif
