/*
 * arch/arm/kernel/process.c - __show_regs, the register part of an oops.
 * Linux: arch/arm/kernel/process.c (__show_regs), lib/dump_stack.c
 * (dump_stack_print_info, here show_regs_print_info).
 */
#include <linux/kernel.h>
#include <asm/cp15.h>
#include <asm/ptrace.h>
#include <generated/compile.h>
#include <string.h>

const char *print_tainted(void);     /* kernel/panic.c */

static const char *const processor_modes[] = {
	"USER_26", "FIQ_26", "IRQ_26", "SVC_26", "UK4_26", "UK5_26", "UK6_26", "UK7_26",
	"UK8_26", "UK9_26", "UK10_26", "UK11_26", "UK12_26", "UK13_26", "UK14_26", "UK15_26",
	"USER_32", "FIQ_32", "IRQ_32", "SVC_32", "UK4_32", "UK5_32", "MON_32", "ABT_32",
	"UK8_32", "UK9_32", "HYP_32", "UND_32", "UK12_32", "UK13_32", "UK14_32", "SYS_32",
};

static const char *const isa_modes[] = { "ARM", "Thumb", "Jazelle", "ThumbEE" };

/*
 * "CPU: 0 PID: 0 Comm: swapper/0 Not tainted 6.1.0-armmm #1": who was
 * running. armmm has no tasks: everything, the console included, runs in
 * the boot context, which in Linux is the idle task of CPU 0 (PID 0,
 * renamed "swapper/0" by sched_init's init_idle). The version is
 * UTS_VERSION up to its first space, as Linux's "%.*s".
 */
void show_regs_print_info(void)
{
	const char *version = "#1 " UTS_VERSION;
	int n = 0;

	while (version[n] && version[n] != ' ')
		n++;
	printk("CPU: 0 PID: 0 Comm: swapper/0 %s %s %.*s\n", print_tainted(), UTS_RELEASE,
	       n, version);
}

#define domain_mask(dom) domain_val(dom, 3)

void __show_regs(struct pt_regs *regs)
{
	unsigned long flags = regs->ARM_cpsr;
	u32 domain = read_dacr();
	char buf[64];

	show_regs_print_info();
	printk("PC is at %pS\n", (void *)instruction_pointer(regs));
	printk("LR is at %pS\n", (void *)regs->ARM_lr);
	printk("pc : [<%08lx>]    lr : [<%08lx>]    psr: %08lx\n",
	       regs->ARM_pc, regs->ARM_lr, regs->ARM_cpsr);
	printk("sp : %08lx  ip : %08lx  fp : %08lx\n", regs->ARM_sp, regs->ARM_ip, regs->ARM_fp);
	printk("r10: %08lx  r9 : %08lx  r8 : %08lx\n", regs->ARM_r10, regs->ARM_r9, regs->ARM_r8);
	printk("r7 : %08lx  r6 : %08lx  r5 : %08lx  r4 : %08lx\n",
	       regs->ARM_r7, regs->ARM_r6, regs->ARM_r5, regs->ARM_r4);
	printk("r3 : %08lx  r2 : %08lx  r1 : %08lx  r0 : %08lx\n",
	       regs->ARM_r3, regs->ARM_r2, regs->ARM_r1, regs->ARM_r0);

	buf[0] = flags & PSR_N_BIT ? 'N' : 'n';
	buf[1] = flags & PSR_Z_BIT ? 'Z' : 'z';
	buf[2] = flags & PSR_C_BIT ? 'C' : 'c';
	buf[3] = flags & PSR_V_BIT ? 'V' : 'v';
	buf[4] = '\0';
	/* "Segment none": DOMAIN_USER is no-access (DACR_INIT, cp15.h), so a
	 * user address cannot be touched by accident, as in Linux. */
	printk("Flags: %s  IRQs o%s  FIQs o%s  Mode %s  ISA %s  Segment %s\n", buf,
	       interrupts_enabled(regs) ? "n" : "ff", fast_interrupts_enabled(regs) ? "n" : "ff",
	       processor_modes[processor_mode(regs)], isa_modes[isa_mode(regs)],
	       (domain & domain_mask(DOMAIN_USER)) ==
	       domain_val(DOMAIN_USER, DOMAIN_NOACCESS) ? "none" : "user");
	snprintf(buf, sizeof(buf), "  Table: %08x  DAC: %08x", read_ttbr0(), domain);
	printk("Control: %08x%s\n", read_sctlr(), buf);
}
