/*
 * init/main.c - start_kernel, the first C code (Linux: init/main.c).
 * head.S calls it with the MMU on, .bss cleared, on init_stack.
 */
#include <generated/autoconf.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/ktest.h>
#include <linux/reboot.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/fs.h>
#include <asm/setup.h>
#include <asm/cp15.h>
#include <generated/compile.h>
#include <string.h>

/*
 * Linux's banner: "#N" is the build count Kbuild keeps in the tree's
 * .version (scripts/mkcompile_h), 1 for the first build of a clean tree,
 * as for every Debian kernel. Our Makefile keeps no count, so every build
 * is a first build: 1 (UTS_VERSION is the git commit instead of a date).
 */
#define BUILD_COUNT "1"

static const char linux_banner[] =
	"Linux version " UTS_RELEASE " (armmm) (" CC_VERSION ") #" BUILD_COUNT " " UTS_VERSION "\n";

__noreturn void shell_run(void);
void dump_all_files(void);
void print_vmem_layout(void);
void mm_bench(void);
void lkdtm_boot(const char *cmdline);   /* drivers/misc/lkdtm.c */

/* CNTVCT at kernel entry, stored by head.S with the MMU off (so not .bss). */
u64 __boot_cntvct __section(".data");

/* How long from stext to here, in ns of the generic timer (virtual time:
 * instructions, under QEMU -icount shift=0). Nothing to say without one. */
static void report_boot_time(void)
{
	u32 rate = arch_timer_rate();

	if (!rate || !__boot_cntvct)
		return;
	pr_info("boot: %llu ns from kernel entry (stext) to the shell, generic timer at %u Hz\n",
		(read_cntvct() - __boot_cntvct) * 1000000000ull / rate, rate);
}

/* Is word on the command line, alone or as word=value? */
static bool __init cmdline_has(const char *s, const char *word)
{
	size_t n = strlen(word);

	while (*s) {
		while (*s == ' ')
			s++;
		if (!strncmp(s, word, n) && (s[n] == '\0' || s[n] == ' ' || s[n] == '='))
			return true;
		while (*s && *s != ' ')
			s++;
	}
	return false;
}

/*
 * mm_init - from memblock to the real allocators (Linux: init/main.c
 * mm_init). After mem_init() memblock must not allocate; after
 * kmem_cache_init() kmalloc works; after vmalloc_init() vmalloc does.
 * Under QEMU -icount shift=0 the printed ns are instructions.
 */
static void __init mm_init(void)
{
	unsigned long long t0 = local_clock_ns();

	mem_init();
	if (arch_timer_rate())
		pr_info("mem_init: %llu ns\n", local_clock_ns() - t0);
	kmem_cache_init();
	vmalloc_init();
}

/*
 * kernel_init - boot is over (Linux: init/main.c kernel_init, the init
 * task's body after kernel_init_freeable). Here it is start_kernel's last
 * call; not __init and never inlined, as .init is freed under it. The
 * self-tests and the bench ran before it (they are init code, Linux's
 * initcalls); dump_all reads the files as Linux's user space would, after
 * mark_rodata_ro (which ends with Linux's debug_checkwx).
 */
static __attribute__((__noinline__)) __noreturn void kernel_init(bool dump_all, bool power_off)
{
	free_initmem();
	mark_rodata_ro();
	if (dump_all)
		dump_all_files();
	if (power_off)
		kernel_power_off();
	report_boot_time();
	shell_run();
}

extern u32 __cpu_smp;           /* head.S __detect_smp: 1 = SMP */

__noreturn void __init start_kernel(void)
{
	char *command_line;

	/*
	 * Linux's smp_setup_processor_id: MPIDR only when is_smp() (head.S
	 * __detect_smp); a uniprocessor such as Cortex-A8 has no MP extensions
	 * and its MPIDR reads as something else (the MIDR on AM335x): 0.
	 */
	pr_info("Booting Linux on physical CPU 0x%x\n",
		__cpu_smp ? read_mpidr() & MPIDR_HWID_BITMASK : 0);
	pr_info("%s", linux_banner);
	setup_arch(&command_line);
	pr_info("Kernel command line: %s\n", command_line);
	mm_init();
	setup_per_cpu_pageset();        /* the per-CPU page lists: boot pageset until now */

	print_vmem_layout();
	populate_rootfs();              /* the built-in archive: /bin's programs */
#ifdef CONFIG_KTEST
	if (cmdline_has(command_line, "selftest")) {
		int failed = ktest_run_all();

		pr_info("selftest: exit status %d\n", failed ? 1 : 0);
	}
#endif
	if (cmdline_has(command_line, "bench"))
		mm_bench();
	lkdtm_boot(command_line);       /* lkdtm.cpoint_type=<CASE>: a fault at boot */
	/* the harness's runs (selftest, dump_all, bench) report, then switch off */
	kernel_init(cmdline_has(command_line, "dump_all"),
		    cmdline_has(command_line, "selftest") || cmdline_has(command_line, "dump_all") ||
		    cmdline_has(command_line, "bench"));
}
