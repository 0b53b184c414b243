/*
 * arch/arm/kernel/process.c - __show_regs, the register part of an oops;
 * a new program's first registers (start_thread) and its [sigpage].
 * Linux: arch/arm/kernel/process.c (__show_regs, sigpage_addr,
 * arch_setup_additional_pages), arch/arm/include/asm/processor.h
 * (start_thread), arch/arm/kernel/signal.c (get_signal_page),
 * arch/arm/kernel/sigreturn_codes.S, lib/dump_stack.c
 * (dump_stack_print_info, here show_regs_print_info).
 *
 * Differences from Linux: the sigreturn code sits at offset 0x200 of the
 * signal page (Linux adds a random multiple of 4 up to 0x7fc). As in
 * Linux, one hole holds [sigpage] and the vDSO's pages above it ([vvar],
 * [vdso]: arch/arm/kernel/vdso.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <asm/cp15.h>
#include <asm/domain.h>
#include <asm/ptrace.h>
#include <asm/elf.h>
#include <asm/vdso.h>
#include <linux/random.h>
#include <asm/processor.h>
#include <asm/cacheflush.h>
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
 * "CPU: 0 PID: 5 Comm: fault Not tainted 6.1.0-armmm #1": who was running
 * (Linux dump_stack_print_info): the console is init_task, PID 0, named
 * "swapper/0" as Linux's idle task of CPU 0; a process prints its pid and
 * comm. The version is UTS_VERSION up to its first space, as Linux's "%.*s".
 */
void show_regs_print_info(void)
{
	const char *version = "#1 " UTS_VERSION;
	int n = 0;

	while (version[n] && version[n] != ' ')
		n++;
	printk("CPU: 0 PID: %d Comm: %.20s %s %s %.*s\n", current->pid, current->comm,
	       print_tainted(), UTS_RELEASE, n, version);
}

#define domain_mask(dom) domain_val(dom, 3)

void __show_regs(struct pt_regs *regs)
{
	unsigned long flags = regs->ARM_cpsr;
	u32 domain = read_dacr();
	char buf[64];

	/* Linux (CPU_SW_DOMAIN_PAN): user mode runs with the user domain open,
	 * and its DACR is not saved on entry, so show what it was: */
	if (user_mode(regs))
		domain = DACR_UACCESS_ENABLE;

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

/* ---- a new program's registers ---- */

/*
 * start_thread - the registers a process enters user space with (Linux's
 * start_thread macro, asm/processor.h): all zero (so r0 = 0, Linux's
 * ELF_PLAT_INIT), USR mode with IRQs and FIQs enabled, Thumb state if the
 * entry point's bit 0 says so, little-endian data, pc and sp as given.
 */
void start_thread(struct pt_regs *regs, unsigned long pc, unsigned long sp)
{
	memset(regs->uregs, 0, sizeof(regs->uregs));
	regs->ARM_cpsr = USR_MODE;
	if ((elf_hwcap & HWCAP_THUMB) && (pc & 1))
		regs->ARM_cpsr |= PSR_T_BIT;
	regs->ARM_pc = pc & ~1UL;
	regs->ARM_sp = sp;
}

/* ---- [sigpage]: the signal return trampolines ---- */

#define SIGPAGE_POISON          0xe7fddef1      /* an undefined instruction (Linux's) */
#define SIGRETURN_CODES_OFFSET  0x200           /* Linux: 0x200 + random & 0x7fc */
#define NR_sigreturn            119
#define NR_rt_sigreturn         173
#define NR_OABI_SYSCALL_BASE    0x900000

/*
 * sigreturn_codes.S's four snippets, 12 bytes apart: ARM "mov r7, #NR;
 * swi #(NR | 0x900000)" at 0 and 12, Thumb "movs r7, #NR; svc #0" at 8
 * and 20 (halfwords, little-endian, packed two to a word).
 */
static const u32 sigreturn_codes[] = {
	0xe3a07000 | NR_sigreturn, 0xef000000 | NR_OABI_SYSCALL_BASE | NR_sigreturn,
	0xdf002700 | NR_sigreturn,
	0xe3a07000 | NR_rt_sigreturn, 0xef000000 | NR_OABI_SYSCALL_BASE | NR_rt_sigreturn,
	0xdf002700 | NR_rt_sigreturn,
};

static struct page *signal_page;
static struct page *sigpage_pages[2];   /* signal_page, NULL */

/* The page, made once (Linux get_signal_page): poison, then the codes. */
static struct page *get_signal_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	u32 *addr;
	unsigned int i;

	if (!page)
		return NULL;
	addr = page_address(page);
	for (i = 0; i < PAGE_SIZE / sizeof(u32); i++)
		addr[i] = SIGPAGE_POISON;
	memcpy((char *)addr + SIGRETURN_CODES_OFFSET, sigreturn_codes, sizeof(sigreturn_codes));
	/* user space fetches these as instructions: clean to PoU, drop the I-cache */
	clean_dcache_area(addr, PAGE_SIZE);
	__asm__ __volatile__("mcr p15, 0, %0, c7, c5, 0\n\tdsb\n\tisb" : : "r" (0) : "memory");
	return page;
}

/*
 * sigpage_addr - Linux's hint: a random page between the stack's top and
 * TASK_SIZE with room for npages. With the stack at STACK_TOP
 * (randomize_va_space 0) there is no room above it, so the hint is 0 and
 * the address comes from the top-down mmap allocator; a randomised stack
 * leaves up to 8 MiB above it, and [sigpage] lands there.
 */
static unsigned long sigpage_addr(const struct mm_struct *mm, unsigned int npages)
{
	unsigned long first = PAGE_ALIGN(mm->start_stack);
	unsigned long last = TASK_SIZE - ((unsigned long)npages << PAGE_SHIFT);
	unsigned int slots;

	if (first > last)               /* no room after the stack */
		return 0;
	if (first == last)              /* just enough room */
		return first;
	slots = ((last - first) >> PAGE_SHIFT) + 1;
	return first + ((unsigned long)(get_random_u32() % slots) << PAGE_SHIFT);
}

/*
 * arch_align_stack - the initial stack pointer, moved down by a random
 * part of a page when randomize_va_space is on, 16-byte aligned (AAPCS).
 */
unsigned long arch_align_stack(unsigned long sp)
{
	if (randomize_va_space)
		sp -= get_random_u32() & ~PAGE_MASK;
	return sp & ~0xfUL;
}

/*
 * arch_setup_additional_pages - map [sigpage] into mm (Linux's, whose
 * sigreturn trampolines the kernel points a signal handler's lr at), and
 * the vDSO above it. The page is the same for every process, mapped r-x.
 */
int arch_setup_additional_pages(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned int npages = 1 + vdso_pages();
	unsigned long addr;

	if (!signal_page) {
		signal_page = get_signal_page();
		sigpage_pages[0] = signal_page;
	}
	if (!signal_page)
		return -ENOMEM;
	/* the hint is 0 (see sigpage_addr): the highest hole below mmap_base */
	addr = get_unmapped_area(mm, sigpage_addr(mm, npages), npages << PAGE_SHIFT, 0);
	if (IS_ERR_VALUE(addr))
		return (int)addr;
	vma = _install_special_mapping(mm, addr, PAGE_SIZE,
				       VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC,
				       "[sigpage]", sigpage_pages);
	if (IS_ERR_VALUE((unsigned long)vma))
		return (int)(long)vma;
	mm->context.sigpage = addr;
	/* as in Linux, a process without a vDSO still runs: no error here */
	arm_install_vdso(mm, addr + PAGE_SIZE);
	return 0;
}
