/*
 * usr/fault.c - /bin/fault <kind>: one deliberate bad access, for the
 * kernel's user fault path (Linux: arch/arm/mm/fault.c __do_user_fault,
 * arch/arm/kernel/traps.c do_undefinstr, arch/arm/mm/extable.c). Every
 * kind but efault must end with the kernel killing the process and saying
 * why; a kind that comes back prints what happened and exits 1.
 *
 *   null        read address 0                          SIGSEGV (no VMA)
 *   write-text  store into its own text                 SIGSEGV (VMA not writable)
 *   exec-data   branch into a page mapped without PROT_EXEC  SIGSEGV (prefetch abort)
 *   stack       recurse until the stack cannot grow     SIGSEGV (stack guard gap / rlimit)
 *   unmapped    read 0x40000000, far from every mapping SIGSEGV
 *   undef       an undefined instruction                SIGILL
 *   efault      write(1, (void *)1, 8)                  -EFAULT, exits 0
 *   nosys       system call 17 (ARM's old "break": in Linux's table, never
 *               implemented, so sys_ni_syscall)             -ENOSYS, exits 0
 *               (a number past the table would be SIGILL in Linux: bad_syscall)
 */
#include "lib/usr.h"

#define UNMAPPED_ADDR	0x40000000UL
#define NR_BREAK	17              /* sys_ni_syscall in Linux's ARM table */
#define ENOSYS		38

/* An EABI system call with no arguments: number in r7, result in r0. */
static long raw_syscall0(long nr)
{
	register long r7 __asm__("r7") = nr;
	register long r0 __asm__("r0");

	__asm__ volatile("svc #0" : "=r" (r0) : "r" (r7) : "memory");
	return r0;
}
#define ARM_BX_LR	0xe12fff1eU     /* bx lr: returns if the page ran */

/*
 * A real frame per level: each call writes into its caller's array, so
 * every frame stays live and the compiler cannot make the recursion a
 * loop or a tail call.
 */
#pragma GCC diagnostic ignored "-Winfinite-recursion"   /* that is the point */
static __attribute__((__noinline__)) unsigned long recurse(volatile unsigned char *up)
{
	volatile unsigned char frame[1024];

	up[1] = 1;
	frame[0] = up[0] + 1;
	return recurse(frame) + frame[1];
}

static int exec_data(void)
{
	unsigned int *page;

	page = sys_mmap2(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (IS_ERR_VALUE(page)) {
		printf("fault: mmap failed: %ld\n", (long)page);
		return 1;
	}
	page[0] = ARM_BX_LR;
	((void (*)(void))page)();
	printf("fault: executed a page without PROT_EXEC at 0x%lx\n", (unsigned long)page);
	return 1;
}

int main(int argc, char **argv, char **envp)
{
	const char *kind = argc == 2 ? argv[1] : "";
	long ret;

	if (!strcmp(kind, "null")) {
		printf("fault: read 0x%x at 0\n", *(volatile unsigned int *)0);
	} else if (!strcmp(kind, "write-text")) {
		*(volatile unsigned int *)(unsigned long)main = 0;
		printf("fault: wrote into text at 0x%lx\n", (unsigned long)main);
	} else if (!strcmp(kind, "exec-data")) {
		return exec_data();
	} else if (!strcmp(kind, "stack")) {
		printf("fault: recursion returned %lu\n", recurse((volatile unsigned char [2]){ 0 }));
	} else if (!strcmp(kind, "unmapped")) {
		printf("fault: read 0x%x at 0x%lx\n",
		       *(volatile unsigned int *)UNMAPPED_ADDR, UNMAPPED_ADDR);
	} else if (!strcmp(kind, "undef")) {
		__asm__ volatile(".inst 0xe7f000f0");   /* udf #0 (ARM ARM A8.8.247) */
		printf("fault: an undefined instruction ran\n");
	} else if (!strcmp(kind, "efault")) {
		ret = sys_write(1, (const void *)1, 8);
		printf("fault: write returned %ld\n", ret);
		return ret == -EFAULT ? 0 : 1;
	} else if (!strcmp(kind, "nosys")) {
		ret = raw_syscall0(NR_BREAK);
		printf("fault: syscall %d returned %ld\n", NR_BREAK, ret);
		return ret == -ENOSYS ? 0 : 1;
	} else {
		printf("usage: fault null|write-text|exec-data|stack|unmapped|undef|efault|nosys\n");
		return 2;
	}
	return 1;
}
