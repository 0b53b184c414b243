/*
 * arch/arm/vdso/vgettimeofday.c - the functions of armmm's vDSO, the
 * shared object every process finds mapped as [vdso] (its ELF header at
 * AT_SYSINFO_EHDR). Linux: arch/arm/vdso/vgettimeofday.c and
 * lib/vdso/gettimeofday.c.
 *
 * Linux's versions read the ARM generic timer's virtual counter from user
 * space and scale it with the clock data the kernel keeps in the [vvar]
 * page. A Cortex-A9 (vexpress-a9, the BeagleBone's A8) has no generic
 * timer: there Linux patches these symbols away at boot
 * (arch/arm/kernel/vdso.c, vdso_nullpatch_one) and the C library makes
 * the system call itself. armmm has no clocksource to publish at all, so
 * each function here *is* that fallback: the system call, from the
 * vDSO's own page. What matters for memory management is the same as in
 * Linux: one data page ([vvar], r--) and one text page ([vdso], r-x),
 * mapped by exec above [sigpage], touched only if a program calls in.
 *
 * Built -fPIC -shared with no libc (arch/arm/vdso/Makefile); the kernel
 * carries the linked vdso.so (vdso.S) and maps its pages.
 */

struct timespec;
struct timeval;
struct timezone;

#define __NR_gettimeofday	78
#define __NR_clock_gettime	263
#define __NR_clock_getres	264
#define __NR_clock_gettime64	403

/* One system call with two arguments (ARM EABI: number in r7, svc #0). */
static inline long vdso_syscall2(long nr, long a0, long a1)
{
	register long r0 __asm__("r0") = a0;
	register long r1 __asm__("r1") = a1;
	register long r7 __asm__("r7") = nr;

	__asm__ volatile("svc #0" : "+r" (r0) : "r" (r1), "r" (r7) : "memory");
	return r0;
}

int __vdso_gettimeofday(struct timeval *tv, struct timezone *tz);
int __vdso_clock_gettime(int clock, struct timespec *ts);
int __vdso_clock_gettime64(int clock, struct timespec *ts);
int __vdso_clock_getres(int clock, struct timespec *res);

int __vdso_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	return vdso_syscall2(__NR_gettimeofday, (long)tv, (long)tz);
}

int __vdso_clock_gettime(int clock, struct timespec *ts)
{
	return vdso_syscall2(__NR_clock_gettime, clock, (long)ts);
}

int __vdso_clock_gettime64(int clock, struct timespec *ts)
{
	return vdso_syscall2(__NR_clock_gettime64, clock, (long)ts);
}

int __vdso_clock_getres(int clock, struct timespec *res)
{
	return vdso_syscall2(__NR_clock_getres, clock, (long)res);
}
