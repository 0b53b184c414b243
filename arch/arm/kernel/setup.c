/*
 * arch/arm/kernel/setup.c - setup_arch: the CPU, the device tree, the
 * console, then memory: memblock from the DTB, early parameters, the
 * lowmem bounds, arm_memblock_init and paging_init (Linux:
 * arch/arm/kernel/setup.c, devtree.c).
 */
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/of_fdt.h>
#include <asm/setup.h>
#include <asm/memory.h>
#include <asm/cp15.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgd-decode.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/ptdump.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/ioport.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>
#include "../mm/mm.h"

char boot_command_line[COMMAND_LINE_SIZE];
u32 __machine_arch_type __section(".data");
/* Written by head.S with the MMU off, hence .data, not .bss. */
unsigned long __pv_phys_pfn_offset __section(".data");
unsigned long __pv_offset __section(".data");
u32 __cpu_smp __section(".data");

extern void debug_ll_flush(void);
int uart_console_init(const void *blob, const char *cmdline);
void uart_console_claim(const void *blob);
int omap_wdt_init(const void *blob);

struct cpu_part {
	u32 part;
	const char *name;
};
static const struct cpu_part arm_parts[] __initconst = {
	{ 0xc05, "Cortex-A5" }, { 0xc07, "Cortex-A7" }, { 0xc08, "Cortex-A8" },
	{ 0xc09, "Cortex-A9" }, { 0xc0d, "Cortex-A12" }, { 0xc0e, "Cortex-A17" },
	{ 0xc0f, "Cortex-A15" },
};

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
static __noreturn void __init dtb_error(const char *what)
{
	printk("Error: DTB at phys 0x%08x: %s\n", __atags_pointer, what);
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
	if (err) {
		printk("Error: DTB at phys 0x%08x is malformed: %s\n", dt_phys, of_fdt_strerror(err));
		dtb_error("nothing is mapped from it");
	}
	initial_boot_params = blob;
	model = fdt_getprop(blob, 0, "model", NULL);
	if (!model)
		model = fdt_getprop(blob, 0, "compatible", NULL);
	pr_info("OF: fdt: Machine model: %s\n", model ? model : "<unknown>");

	chosen = fdt_path_offset(blob, "/chosen");
	args = chosen >= 0 ? fdt_getprop(blob, chosen, "bootargs", NULL) : NULL;
	snprintf(boot_command_line, sizeof(boot_command_line), "%s", args ? args : CONFIG_CMDLINE);
	early_init_dt_check_for_initrd(blob);
	early_init_dt_scan_memory(blob);
}

/* ---- early parameters (Linux: early_param() handlers) ------------------ */

/*
 * mem=size[@start]: forget the DTB's memory and use this instead; may be
 * given more than once (Linux early_mem / arm_add_memory).
 */
static int __init early_mem(const char *p)
{
	static bool usermem __initdata;
	phys_addr_t start = PHYS_OFFSET;
	u64 size, aligned;
	char *endp;

	size = memparse(p, &endp);
	if (*endp == '@') {
		char *at = endp + 1;

		start = (phys_addr_t)memparse(at, &endp);
		if (endp == at)
			endp = at - 1;          /* "@" with no address: refuse below */
	}
	/* Linux would take "mem=abc" as mem=0 and find no memory; say so instead. */
	if (endp == p || *endp) {
		pr_err("Error: mem=%s: not <size>[K|M|G][@<start>]; ignored, the DTB's memory stays\n",
		       p);
		return -EINVAL;
	}
	if (!usermem) {
		usermem = true;
		memblock_remove(memblock_start_of_DRAM(),
				memblock_end_of_DRAM() - memblock_start_of_DRAM());
	}
	aligned = ALIGN((u64)start, (u64)PAGE_SIZE);
	size = aligned > start + size ? 0 : size - (aligned - start);
	if (aligned < PHYS_OFFSET) {
		pr_info("Ignoring memory below PHYS_OFFSET: 0x%08llx-0x%08llx\n",
			aligned, (u64)PHYS_OFFSET);
		size = aligned + size > PHYS_OFFSET ? size - (PHYS_OFFSET - aligned) : 0;
		aligned = PHYS_OFFSET;
	}
	if (aligned + size > (u64)(phys_addr_t)~0) {
		pr_crit("Truncating memory at 0x%08llx to fit in 32-bit physical address space\n",
			aligned);
		size = (u64)(phys_addr_t)~0 - aligned;
	}
	size &= ~(u64)(PAGE_SIZE - 1);
	if (size)
		memblock_add((phys_addr_t)aligned, (phys_addr_t)size);
	return 0;
}

/* initrd=start,size (Linux early_initrd) */
static int __init early_initrd(const char *p)
{
	char *endp;
	phys_addr_t start = (phys_addr_t)memparse(p, &endp);

	if (*endp == ',') {
		phys_initrd_start = start;
		phys_initrd_size = (phys_addr_t)memparse(endp + 1, NULL);
	}
	return 0;
}

static int __init early_ptdump(const char *p)
{
	ptdump_phases = !strcmp(p, "phases");
	return 0;
}

struct early_param {
	const char *name;       /* "mem" for mem=... */
	int (*fn)(const char *value);   /* value NULL: the bare word (only if bare) */
	bool bare;              /* also given without "=value" ("slub_debug") */
};

static const struct early_param early_params[] __initconst = {
	{ "mem",      early_mem, false },
	{ "vmalloc",  early_vmalloc, false },
	{ "memblock", early_memblock, false },
	{ "initrd",   early_initrd, false },
	{ "ptdump",   early_ptdump, false },
	{ "slub_debug", setup_slub_debug, true },       /* Linux: a __setup() in mm/slub.c */
	{ "fault_trace", setup_fault_trace, true },     /* ours: mm/fault_trace.c */
	{ "norandmaps", disable_randmaps, true },       /* Linux: mm/memory.c, a __setup() */
};

/* Call the handler of every name=value on the command line that has one,
 * in command line order (Linux parse_early_param). */
static void __init parse_early_param(const char *cmdline)
{
	char buf[COMMAND_LINE_SIZE], *p = buf;
	unsigned int i;

	snprintf(buf, sizeof(buf), "%s", cmdline);
	while (*p) {
		char *arg = p, *val;

		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
		val = strchr(arg, '=');
		if (val)
			*val++ = '\0';
		for (i = 0; i < ARRAY_SIZE(early_params); i++)
			if (!strcmp(arg, early_params[i].name) && (val || early_params[i].bare))
				early_params[i].fn(val);
	}
}

/* ---- /proc/iomem (Linux request_standard_resources) --------------------- */

#define MAX_RAM_RESOURCES 8
static struct resource ram_res[MAX_RAM_RESOURCES];
static struct resource kernel_code = { .name = "Kernel code", .flags = IORESOURCE_SYSTEM_RAM };
static struct resource kernel_data = { .name = "Kernel data", .flags = IORESOURCE_SYSTEM_RAM };

static void __init request_standard_resources(void)
{
	struct memblock_region *region;
	int n = 0;

	kernel_code.start = __pa(_text);
	kernel_code.end = __pa(__init_begin) - 1;
	kernel_data.start = __pa(_sdata);
	kernel_data.end = __pa(_end) - 1;
	for_each_mem_region(region) {
		struct resource *res = &ram_res[n];

		if (n == MAX_RAM_RESOURCES)
			break;
		n++;
		res->start = region->base;
		res->end = region->base + region->size - 1;
		if (region->flags & MEMBLOCK_NOMAP) {
			res->name = "reserved";
			res->flags = IORESOURCE_MEM;
		} else {
			res->name = "System RAM";
			res->flags = IORESOURCE_SYSTEM_RAM | IORESOURCE_BUSY;
		}
		request_resource(&iomem_resource, res);
		if (kernel_code.start >= res->start && kernel_code.end <= res->end)
			request_resource(res, &kernel_code);
		if (kernel_data.start >= res->start && kernel_data.end <= res->end)
			request_resource(res, &kernel_data);
	}
}

/* head.S's entries, kept for the self-tests (paging_init replaces them). */
struct head_pgd_entry head_pgd[HEAD_PGD_MAX];
int head_pgd_count;

static void __init snapshot_head_pgd(void)
{
	unsigned int i;

	for (i = 0; i < PTRS_PER_L1 && head_pgd_count < HEAD_PGD_MAX; i++)
		if (swapper_l1[i])
			head_pgd[head_pgd_count++] = (struct head_pgd_entry){ i, swapper_l1[i] };
}

void show_swapper_pg_dir(const char *title, int (*out)(const char *fmt, ...))
{
	u32 prrr = read_prrr(), nmrr = read_nmrr();
	char line[200];
	unsigned int i;

	out("%s: swapper_pg_dir at 0x%08lx (phys 0x%08x):\n", title,
	    (unsigned long)swapper_pg_dir, __pa(swapper_pg_dir));
	for (i = 0; i < PTRS_PER_L1; i++) {
		if (!swapper_l1[i])
			continue;
		l1_desc_format(line, sizeof(line), i, swapper_l1[i], prrr, nmrr);
		out("  %s\n", line);
	}
}

void __init setup_arch(char **cmdline_p)
{
	const void *blob;
	unsigned long long t0;

	setup_processor();
	setup_machine_fdt(__atags_pointer);
	blob = initial_boot_params;
	pr_info("PHYS_OFFSET: 0x%08x (__pv_phys_pfn_offset 0x%05lx, __pv_offset 0x%08lx)\n",
		PHYS_OFFSET, __pv_phys_pfn_offset, __pv_offset);
	pr_info("DTB: phys 0x%08x, virt 0x%08lx, %u bytes\n", __atags_pointer,
		(unsigned long)blob, fdt_totalsize(blob));
	show_swapper_pg_dir("head.S", printk);
	snapshot_head_pgd();
	/* Linux's early_mm_init does this after parse_early_param; here it
	 * comes first, because the console's early_io_map() maps its device
	 * section with mem_types[MT_DEVICE]. */
	build_mem_type_table();
	if (uart_console_init(blob, boot_command_line))
		pr_warn("console: no usable /chosen/stdout-path UART, staying on the early UART\n");
	omap_wdt_init(blob);	/* BeagleBone: U-Boot left WDT1 running (60 s) */
	*cmdline_p = boot_command_line;

	parse_early_param(boot_command_line);
	if (!memblock.memory.total_size)
		dtb_error("no usable memory: no /memory node with a reg of at least a page "
			  "in the 32-bit space above PHYS_OFFSET, and no mem=");
	adjust_lowmem_bounds();
	arm_memblock_init();
	adjust_lowmem_bounds();
	t0 = local_clock_ns();
	paging_init();
	if (arch_timer_rate())	/* instructions, under QEMU -icount shift=0,sleep=off */
		pr_info("paging_init: %llu ns\n", local_clock_ns() - t0);
	request_standard_resources();
	of_iomem_devices(blob);
	uart_console_claim(blob);
}
