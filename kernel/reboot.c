/*
 * kernel/reboot.c - power off, the two ways our boards offer, both found in
 * the DTB (Linux: kernel/reboot.c, drivers/power/reset/vexpress-poweroff.c,
 * drivers/firmware/psci/psci.c):
 *
 *  - Versatile Express: the motherboard's system registers ("arm,vexpress-sysreg")
 *    take a SYS_CFGCTRL write of function SHUTDOWN to site 0 (the motherboard).
 *    ARM DUI 0447J (V2M-P1 TRM) 4.3, SYS_CFGCTRL:
 *
 *     31  30  29 26 25    20 19 18 17 16 15  12 11         0
 *    +---+---+-----+--------+-----+-----+------+------------+
 *    |STA|WR | DCC |function| --- |site |posn  |  device    |
 *    +---+---+-----+--------+-----+-----+------+------------+
 *
 *  - PSCI (QEMU virt): SYSTEM_OFF, function 0x84000008, through HVC or SMC
 *    as /psci "method" says (ARM DEN 0022, 5.1.9).
 */
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/reboot.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <libfdt.h>
#include <string.h>

#define SYS_CFGDATA          0xa0
#define SYS_CFGCTRL          0xa4
#define SYS_CFGCTRL_START    (1u << 31)
#define SYS_CFGCTRL_WRITE    (1u << 30)
#define SYS_CFGCTRL_FUNC(f)  ((u32)(f) << 20)
#define SYS_CFGCTRL_SITE(s)  ((u32)(s) << 16)
#define SYS_CFG_SHUTDOWN     8
#define SYS_CFG_REBOOT       9
#define SYS_CFG_SITE_MB      0
#define PSCI_0_2_FN_SYSTEM_OFF   0x84000008u
#define PSCI_0_2_FN_SYSTEM_RESET 0x84000009u
#define POWER_OFF_WAIT_LOOPS 10000000

extern void debug_ll_flush(void);

/*
 * Ask the Versatile Express motherboard for function func (SHUTDOWN,
 * REBOOT) through its system registers' SYS_CFGCTRL, then wait for it.
 */
static void vexpress_sys_cfg(const void *blob, u32 func)
{
	int node = of_find_compatible(blob, "arm,vexpress-sysreg");
	u64 addr, size;
	char *base;

	if (node < 0 || of_translate_reg(blob, node, 0, &addr, &size))
		return;
	/* ioremap, not early_io_map: that one is boot-time code (create_mapping,
	 * in .init), and .init is freed by the time anyone powers off */
	base = ioremap((phys_addr_t)addr, SYS_CFGCTRL + 4);
	if (!base)
		return;
	writel(0, base + SYS_CFGDATA);
	writel(SYS_CFGCTRL_START | SYS_CFGCTRL_WRITE | SYS_CFGCTRL_FUNC(func) |
	       SYS_CFGCTRL_SITE(SYS_CFG_SITE_MB), base + SYS_CFGCTRL);
	/* the switch is not instant: give it time before trying anything else */
	for (volatile int i = 0; i < POWER_OFF_WAIT_LOOPS; i++)
		;
}

/* r0 must be set right at the call: nothing may run between (GCC local
 * register variables are only bound at the asm statement). */
static void __attribute__((noinline)) psci_call(u32 fn, bool smc)
{
	register u32 r0 __asm__("r0") = fn;

	if (smc)
		__asm__ __volatile__(".arch_extension sec\n\tsmc #0" : "+r" (r0) : : "memory");
	else
		__asm__ __volatile__(".arch_extension virt\n\thvc #0" : "+r" (r0) : : "memory");
}

/* PSCI function fn (SYSTEM_OFF, SYSTEM_RESET), by the DTB's /psci method. */
static void psci_system(const void *blob, u32 fn)
{
	int node = fdt_path_offset(blob, "/psci");
	const char *method = node >= 0 ? fdt_getprop(blob, node, "method", NULL) : NULL;

	if (method && (!strcmp(method, "hvc") || !strcmp(method, "smc")))
		psci_call(fn, !strcmp(method, "smc"));
}

__noreturn void kernel_power_off(void)
{
	printk("reboot: Power down\n");
	debug_ll_flush();
	if (initial_boot_params) {
		vexpress_sys_cfg(initial_boot_params, SYS_CFG_SHUTDOWN);
		psci_system(initial_boot_params, PSCI_0_2_FN_SYSTEM_OFF);
	}
	panic("reboot: this board has no power-off method in its DTB");
}

void emergency_restart(void)
{
	debug_ll_flush();
	if (initial_boot_params) {
		vexpress_sys_cfg(initial_boot_params, SYS_CFG_REBOOT);
		psci_system(initial_boot_params, PSCI_0_2_FN_SYSTEM_RESET);
	}
	printk("reboot: this board has no restart method in its DTB\n");
}
