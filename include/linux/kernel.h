/* linux/kernel.h - small helpers every file uses. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/const.h>
#include <linux/printk.h>

#define ARRAY_SIZE(a)       (sizeof(a) / sizeof((a)[0]))
#define ALIGN(x, a)         (((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)    ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)    (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)  (((n) + (d) - 1) / (d))
#define min(a, b)           ((a) < (b) ? (a) : (b))
#define max(a, b)           ((a) > (b) ? (a) : (b))
#define SZ_1K   0x00000400
#define SZ_1M   0x00100000

/* Print "Kernel panic - not syncing: <msg>" and park the CPU forever. */
__noreturn __printf(1, 2) void panic(const char *fmt, ...);

#define BUG_ON(cond) do { if (unlikely(cond)) \
	panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond); } while (0)

/* lib/vsprintf.c: a Linux-compatible subset (%d %u %x %X %s %c %p %%, l/ll/z, width, '-', '0'). */
int vsnprintf(char *buf, size_t size, const char *fmt, __builtin_va_list ap);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
/* Parse an unsigned number in C syntax (0x.., 0.., decimal) with optional K/M/G suffix. */
unsigned long long memparse(const char *s, char **end);

#endif
