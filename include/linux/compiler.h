/* linux/compiler.h - attributes, with Linux's names. */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define __section(s)    __attribute__((__section__(s)))
#define __aligned(x)    __attribute__((__aligned__(x)))
#define __used          __attribute__((__used__))
#define __noreturn      __attribute__((__noreturn__))
#define __printf(a, b)  __attribute__((__format__(printf, a, b)))
#define __maybe_unused  __attribute__((__unused__))
#define likely(x)       __builtin_expect(!!(x), 1)
#define unlikely(x)     __builtin_expect(!!(x), 0)
/* A pointer into user space: never dereferenced directly (asm/uaccess.h).
 * Linux gives it meaning for sparse; to the compiler it is nothing. */
#define __user
#define barrier()       __asm__ __volatile__("" ::: "memory")
/* Make var opaque to the optimiser: kept in one register as computed, not
 * recomputed at each use (Linux's, from compiler.h). */
#define OPTIMIZER_HIDE_VAR(var) __asm__ ("" : "=r" (var) : "0" (var))

/* READ_ONCE/WRITE_ONCE: one access, not torn, not cached in a register. */
#define READ_ONCE(x)     (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

/* A pointer into user space (sparse's address space in Linux; nothing to the compiler). */
#ifndef __user
#define __user
#endif

#endif
