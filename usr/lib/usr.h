/*
 * usr/lib/usr.h - the programs' whole C library: the Linux system calls
 * they make (syscall.S), the start-up (crt0.S, start.c) and a small
 * printf (print.c). Everything a program needs from Linux's UAPI headers
 * (asm/unistd.h, asm-generic/mman-common.h, asm/signal.h, elf.h's AT_*)
 * is defined here with Linux's values, as the programs are built without
 * a libc.
 */
#ifndef _USR_H
#define _USR_H

#include <stddef.h>
#include <stdint.h>

#define PAGE_SIZE	4096UL

/* mmap (include/uapi/asm-generic/mman-common.h, mman.h) */
#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20

/* open (arch/arm/include/uapi/asm/fcntl.h, include/uapi/asm-generic/fcntl.h) */
#define O_WRONLY	00000001
#define O_CREAT		00000100
#define O_TRUNC		00001000

/* signals (arch/arm/include/uapi/asm/signal.h) */
#define SIGKILL		9
#define SIGSEGV		11
#define SIGSTOP		19
#define SIGCONT		18

/* wait4 (include/uapi/linux/wait.h) and its status word */
#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WIFSTOPPED(s)	(((s) & 0xff) == 0x7f)
#define WIFSIGNALED(s)	(((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WTERMSIG(s)	((s) & 0x7f)
#define WEXITSTATUS(s)	(((s) >> 8) & 0xff)

/* the auxiliary vector (include/uapi/linux/auxvec.h) */
#define AT_NULL		0
#define AT_PHDR		3
#define AT_PAGESZ	6
#define AT_ENTRY	9
#define AT_RANDOM	25

#define EFAULT		14

/* A syscall's raw result is an error when it is in [-4095, -1]. */
#define IS_ERR_VALUE(x)	((unsigned long)(x) >= (unsigned long)-4095)

/* syscall.S: the raw Linux calls, results as the kernel returns them */
void sys_exit(int code) __attribute__((__noreturn__));
void sys_exit_group(int code) __attribute__((__noreturn__));
long sys_write(int fd, const void *buf, size_t count);
long sys_getpid(void);
long sys_open(const char *path, int flags, int mode);
long sys_close(int fd);
long sys_wait4(long pid, int *status, int options, void *rusage);
long sys_fork(void);
long sys_kill(long pid, int sig);
unsigned long sys_brk(unsigned long brk);
long sys_munmap(void *addr, size_t len);
long sys_mprotect(void *addr, size_t len, unsigned long prot);
void *sys_mmap2(void *addr, size_t len, unsigned long prot, unsigned long flags,
		int fd, unsigned long pgoff);

/* start.c: what _start found on the stack */
extern char **environ;
extern unsigned long *__auxv;
unsigned long getauxval(unsigned long type);   /* 0 if absent, as glibc */

/* print.c: %s %c %d %u %x %lx %ld %lu %p %%, output with one write(1) */
int printf(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
size_t strlen(const char *s);
void *memset(void *s, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
/* A decimal argument; on junk prints "<prog>: bad number <s>" and exits 2. */
long parse_long(const char *prog, const char *s);

/* Stop here until the console continues us (SIGSTOP to ourselves). */
void stop_self(void);

int main(int argc, char **argv, char **envp);

#endif
