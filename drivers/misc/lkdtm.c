/*
 * drivers/misc/lkdtm.c - faults on purpose, to see the abort path and the
 * oops. Linux: drivers/misc/lkdtm/ (core.c's crashtypes, bugs.c, perms.c),
 * driven there by writing a name to /sys/kernel/debug/provoke-crash/DIRECT;
 * here by the console command `lkdtm <CASE>`.
 *
 *   ACCESS_NULL         read address 0       section translation fault, read
 *   ACCESS_USERSPACE    read 0x00010000      (a user address; nothing mapped)
 *   READ_VMALLOC_GUARD  read just past a vmalloc'd page: its guard page
 *   WRITE_RO            write a const in .rodata      } permission faults once
 *   WRITE_KERN          write over a function's code  } STRICT_KERNEL_RWX
 *   EXEC_DATA           call code copied into .bss    } makes the image
 *   EXEC_STACK          call code copied onto the stack  ro / NX
 *
 * A case that should have faulted and did not says so, and why, instead
 * of pretending (Linux prints "FAIL: survived ..." and its expected-config
 * hint the same way).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/shell.h>
#include <linux/vmalloc.h>
#include <asm/cacheflush.h>
#include <asm/page.h>
#include <string.h>

#define USER_ADDR 0x00010000UL     /* where an ARM ELF's text starts */
#define ARM_BX_LR 0xe12fff1eu      /* "bx lr": a function that returns */

static const unsigned long rodata = 0xAA55AA55;
static u32 data_area[4];

static void survived(const char *what)
{
	pr_err("lkdtm: FAIL: survived bad %s\n", what);
	/* What happened, not what the .config claims: until mark_rodata_ro()
	 * exists the image is RWX whatever CONFIG_STRICT_KERNEL_RWX says. */
	pr_warn("lkdtm: no fault: the kernel image is still writable — STRICT_KERNEL_RWX off\n");
}

static void lkdtm_ACCESS_NULL(void)
{
	volatile unsigned long *p = NULL;

	pr_info("lkdtm: attempting bad read at 0x%08lx\n", (unsigned long)p);
	(void)*p;
	pr_err("lkdtm: FAIL: survived bad read\n");
}

static void lkdtm_ACCESS_USERSPACE(void)
{
	volatile unsigned long *p = (unsigned long *)USER_ADDR;

	pr_info("lkdtm: attempting bad read at 0x%08lx\n", (unsigned long)p);
	(void)*p;
	pr_err("lkdtm: FAIL: survived bad read\n");
}

static void lkdtm_READ_VMALLOC_GUARD(void)
{
	char *p = vmalloc(PAGE_SIZE);

	if (!p) {
		pr_err("lkdtm: FAIL: vmalloc(PAGE_SIZE) failed\n");
		return;
	}
	pr_info("lkdtm: attempting bad read at 0x%08lx (guard page after 0x%08lx)\n",
		(unsigned long)(p + PAGE_SIZE), (unsigned long)p);
	(void)*(volatile char *)(p + PAGE_SIZE);
	pr_err("lkdtm: FAIL: survived bad read\n");
	vfree(p);
}

static void lkdtm_WRITE_RO(void)
{
	volatile unsigned long *p = (volatile unsigned long *)&rodata;

	pr_info("lkdtm: attempting bad rodata write at 0x%08lx\n", (unsigned long)p);
	*p = *p;                       /* the same value: nothing is damaged */
	survived("write");
}

static void __attribute__((noinline)) do_overwritten(void)
{
	__asm__ __volatile__("" ::: "memory");
}

static void lkdtm_WRITE_KERN(void)
{
	volatile u32 *p = (volatile u32 *)do_overwritten;

	pr_info("lkdtm: attempting bad 4 byte write at 0x%08lx\n", (unsigned long)p);
	*p = *p;                       /* its own first instruction back */
	survived("write");
}

/* Put "bx lr" at dst, make it visible to instruction fetch, call it. */
static void execute_location(u32 *dst, const char *where)
{
	void (*fn)(void) = (void (*)(void))dst;

	dst[0] = ARM_BX_LR;
	clean_dcache_area(dst, sizeof(u32));
	__asm__ __volatile__("mcr p15, 0, %0, c7, c5, 0\n\tdsb\n\tisb" : : "r" (0) : "memory");
	pr_info("lkdtm: attempting bad execution at 0x%08lx (%s)\n", (unsigned long)dst, where);
	fn();
	survived("execution");
}

static void lkdtm_EXEC_DATA(void)
{
	execute_location(data_area, ".bss");
}

static void lkdtm_EXEC_STACK(void)
{
	u32 stack_area[4];

	execute_location(stack_area, "stack");
}

struct crashtype {
	const char *name;
	void (*func)(void);
};

#define CRASHTYPE(n) { #n, lkdtm_##n }
static const struct crashtype crashtypes[] = {
	CRASHTYPE(ACCESS_NULL),
	CRASHTYPE(ACCESS_USERSPACE),
	CRASHTYPE(READ_VMALLOC_GUARD),
	CRASHTYPE(WRITE_RO),
	CRASHTYPE(WRITE_KERN),
	CRASHTYPE(EXEC_DATA),
	CRASHTYPE(EXEC_STACK),
};

static void cmd_lkdtm(int argc, char **argv)
{
	unsigned int i;

	if (!shell_nargs(argc, argv, 1, 1, "lkdtm <CASE>  (lkdtm LIST lists them)"))
		return;
	for (i = 0; i < ARRAY_SIZE(crashtypes); i++) {
		if (!strcmp(argv[1], "LIST"))
			con_printf("%s\n", crashtypes[i].name);
		else if (!strcmp(argv[1], crashtypes[i].name)) {
			pr_info("lkdtm: Performing direct entry %s\n", crashtypes[i].name);
			crashtypes[i].func();
			return;
		}
	}
	if (strcmp(argv[1], "LIST"))
		con_printf("lkdtm: %s: no such crash type (lkdtm LIST)\n", argv[1]);
}
SHELL_CMD(lkdtm, "lkdtm <CASE>: fault on purpose (Linux's lkdtm)", cmd_lkdtm);

/*
 * lkdtm.cpoint_type=<CASE> on the command line: the fault at boot, from
 * start_kernel, before the shell (Linux's lkdtm takes cpoint_name= and
 * cpoint_type= as module parameters; with no cpoint_name it does nothing,
 * here DIRECT is implied). A fault then is a fault of the idle task: the
 * panic, not a return to a prompt.
 */
void __init lkdtm_boot(const char *cmdline)
{
	const char *p = strstr(cmdline, "lkdtm.cpoint_type=");
	unsigned int i;
	size_t n;

	if (!p)
		return;
	p += strlen("lkdtm.cpoint_type=");
	for (n = 0; p[n] && p[n] != ' '; n++)
		;
	for (i = 0; i < ARRAY_SIZE(crashtypes); i++)
		if (strlen(crashtypes[i].name) == n && !strncmp(p, crashtypes[i].name, n)) {
			pr_info("lkdtm: Performing direct entry %s at boot\n", crashtypes[i].name);
			crashtypes[i].func();
			return;
		}
	pr_err("Error: lkdtm.cpoint_type=%.*s: no such crash type\n", (int)n, p);
}
