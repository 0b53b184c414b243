/*
 * arch/arm/kernel/setup.c - setup_arch: the CPU, the device tree, the
 * console (Linux: arch/arm/kernel/setup.c, devtree.c). For now it stops
 * before memory: memblock and paging_init come with the memory bring-up.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/of_fdt.h>
#include <asm/setup.h>
#include <asm/memory.h>
#include <asm/cp15.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgd-decode.h>
#include <libfdt.h>
#include <string.h>

char boot_command_line[COMMAND_LINE_SIZE];
u32 __machine_arch_type __section(".data");
/* Written by head.S with the MMU off, hence .data, not .bss. */
unsigned long __pv_phys_pfn_offset __section(".data");
unsigned long __pv_offset __section(".data");

extern u32 swapper_pg_dir[PTRS_PER_L1];
extern void debug_ll_flush(void);
int uart_console_init(const void *blob, const char *cmdline);

struct cpu_part {
	u32 part;
	const char *name;
};
static const struct cpu_part arm_parts[] __initconst = {
	{ 0xc05, "Cortex-A5" }, { 0xc07, "Cortex-A7" }, { 0xc08, "Cortex-A8" },
	{ 0xc09, "Cortex-A9" }, { 0xc0d, "Cortex-A12" }, { 0xc0e, "Cortex-A17" },
	{ 0xc0f, "Cortex-A15" },
};

#define MIDR_IMPLEMENTER(m) ((m) >> 24)
#define MIDR_VARIANT(m)     (((m) >> 20) & 0xf)
#define MIDR_PARTNUM(m)     (((m) >> 4) & 0xfff)
#define MIDR_REVISION(m)    ((m) & 0xf)
#define ARM_CPU_IMP_ARM     0x41
#define MPIDR_HWID_BITMASK  0xffffff

static void __init setup_processor(void)
{
	u32 midr = read_cpuid_id();
	const char *name = "unknown";
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(arm_parts); i++)
		if (MIDR_IMPLEMENTER(midr) == ARM_CPU_IMP_ARM && MIDR_PARTNUM(midr) == arm_parts[i].part)
			name = arm_parts[i].name;
	pr_info("CPU: ARMv7 Processor [%08x] revision %u (ARMv7), cr=%08x\n",
		midr, MIDR_REVISION(midr), read_sctlr());
	pr_info("CPU: %s r%up%u (implementer 0x%02x, part 0x%03x)\n", name,
		MIDR_VARIANT(midr), MIDR_REVISION(midr), MIDR_IMPLEMENTER(midr), MIDR_PARTNUM(midr));
}

/* A bad DTB after head.S let it through: say why and park, like head.S. */
static __noreturn void __init dtb_error(const char *what, int err)
{
	printk("Error: DTB at phys 0x%08x: %s: %s\n", __atags_pointer, what, fdt_strerror(err));
	debug_ll_flush();
	for (;;)
		__asm__ __volatile__("wfe");
}

static void __init setup_machine_fdt(phys_addr_t dt_phys)
{
	const void *blob = (const void *)(FDT_FIXED_BASE + (dt_phys & ~SECTION_MASK));
	const char *model, *args;
	int err, chosen;

	err = of_fdt_validate(blob);
	if (err)
		dtb_error("malformed", err);
	initial_boot_params = blob;
	model = fdt_getprop(blob, 0, "model", NULL);
	if (!model)
		model = fdt_getprop(blob, 0, "compatible", NULL);
	pr_info("OF: fdt: Machine model: %s\n", model ? model : "<unknown>");

	chosen = fdt_path_offset(blob, "/chosen");
	args = chosen >= 0 ? fdt_getprop(blob, chosen, "bootargs", NULL) : NULL;
	if (args)
		snprintf(boot_command_line, sizeof(boot_command_line), "%s", args);
}

void show_swapper_pg_dir(const char *title)
{
	u32 prrr = read_prrr(), nmrr = read_nmrr();
	char line[200];
	unsigned int i;

	pr_info("%s: swapper_pg_dir at 0x%08lx (phys 0x%08x):\n", title,
		(unsigned long)swapper_pg_dir, __pa(swapper_pg_dir));
	for (i = 0; i < PTRS_PER_L1; i++) {
		if (!swapper_pg_dir[i])
			continue;
		l1_desc_format(line, sizeof(line), i, swapper_pg_dir[i], prrr, nmrr);
		pr_info("  %s\n", line);
	}
}

void __init setup_arch(char **cmdline_p)
{
	const void *blob;

	setup_processor();
	setup_machine_fdt(__atags_pointer);
	blob = initial_boot_params;
	pr_info("PHYS_OFFSET: 0x%08x (__pv_phys_pfn_offset 0x%05lx, __pv_offset 0x%08lx)\n",
		PHYS_OFFSET, __pv_phys_pfn_offset, __pv_offset);
	pr_info("DTB: phys 0x%08x, virt 0x%08lx, %u bytes\n", __atags_pointer,
		(unsigned long)blob, fdt_totalsize(blob));
	show_swapper_pg_dir("head.S");
	if (uart_console_init(blob, boot_command_line))
		pr_warn("console: no usable /chosen/stdout-path UART, staying on the early UART\n");
	*cmdline_p = boot_command_line;
}
