/*
 * arch/arm/kernel/traps.c - what happens on an exception or a panic.
 * Linux: arch/arm/kernel/traps.c (die), arch/arm/mm/fault.c
 * (__do_kernel_fault), kernel/panic.c. Every exception is fatal here: the
 * report uses Linux's wording so the same greps work, then the CPU parks.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <string.h>
#include <asm/cacheflush.h>
#include <asm/cp15.h>
#include <asm/fsr.h>
#include <asm/ptrace.h>
#include <stdarg.h>

enum exc_kind { EXC_RESET, EXC_UNDEF, EXC_SWI, EXC_PABT, EXC_DABT, EXC_IRQ, EXC_FIQ };

static const char *const exc_names[] = {
	[EXC_RESET] = "reset", [EXC_UNDEF] = "undefined instruction",
	[EXC_SWI] = "SWI", [EXC_PABT] = "prefetch abort",
	[EXC_DABT] = "data abort", [EXC_IRQ] = "IRQ", [EXC_FIQ] = "FIQ",
};

extern void debug_ll_flush(void);
extern char __vectors_start[], __vectors_end[];

/*
 * Put the vector table into the vectors page (Linux early_trap_init) and
 * make the copy visible to instruction fetches: clean the D-cache lines to
 * the point of unification, then invalidate the I-cache and the branch
 * predictor (ARMv7 ARM B2.2.7).
 */
void __init early_trap_init_vectors(void *vectors)
{
	size_t n = __vectors_end - __vectors_start;

	memcpy(vectors, __vectors_start, n);
	clean_dcache_area(vectors, n);
	__asm__ __volatile__("mcr p15, 0, %0, c7, c5, 0\n\t"   /* ICIALLU */
			     "mcr p15, 0, %0, c7, c5, 6\n\tdsb\n\tisb"  /* BPIALL */
			     : : "r" (0) : "memory");
}

/* From now on exceptions go through 0xffff0000 (SCTLR.V), not VBAR. */
void __init use_high_vectors(void)
{
	write_sctlr(read_sctlr() | SCTLR_V);
}

static __noreturn void park(void)
{
	debug_ll_flush();
	for (;;)
		__asm__ __volatile__("wfe");
}

static void show_regs(const struct pt_regs *regs)
{
	const u32 *r = regs->uregs;

	printk("PC is at 0x%08x\nLR is at 0x%08x\n", r[15], r[14]);
	printk("pc : [<%08x>]    lr : [<%08x>]    psr: %08x\n", r[15], r[14], regs->cpsr);
	printk("sp : %08x  ip : %08x  fp : %08x\n", r[13], r[12], r[11]);
	printk("r10: %08x  r9 : %08x  r8 : %08x\n", r[10], r[9], r[8]);
	printk("r7 : %08x  r6 : %08x  r5 : %08x  r4 : %08x\n", r[7], r[6], r[5], r[4]);
	printk("r3 : %08x  r2 : %08x  r1 : %08x  r0 : %08x\n", r[3], r[2], r[1], r[0]);
}

/* Called from entry-armv.S with the registers at the time of the fault. */
__noreturn void arm_exception(int kind, struct pt_regs *regs)
{
	u32 fsr = 0;

	if (kind == EXC_DABT || kind == EXC_PABT) {
		u32 far = kind == EXC_DABT ? read_dfar() : read_ifar();

		fsr = kind == EXC_DABT ? read_dfsr() : read_ifsr();
		printk("8<--- cut here ---\n");
		printk("Unable to handle kernel paging request at virtual address %08x when %s\n",
		       far, kind == EXC_PABT ? "execute" : (fsr & FSR_WRITE) ? "write" : "read");
		printk("[%08x] %s, FSR 0x%03x (status 0x%02x)\n", far, exc_names[kind], fsr,
		       fsr_fs(fsr));
	}
	printk("Internal error: Oops - %s: %x [#1] ARM\n", exc_names[kind], fsr);
	show_regs(regs);
	panic("Fatal exception");
}

__noreturn void panic(const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("Kernel panic - not syncing: %s\n", msg);
	printk("---[ end Kernel panic - not syncing: %s ]---\n", msg);
	park();
}
