/*
 * arch/arm/kernel/traps.c - the vectors page, and what an exception the
 * kernel cannot handle prints: Linux's oops (die, __die, dump_mem,
 * dump_instr, the frame-pointer backtrace) and the end of the task.
 * Linux: arch/arm/kernel/traps.c, arch/arm/lib/backtrace.S (c_backtrace),
 * kernel/exit.c (make_task_dead).
 *
 * An undefined instruction in user mode is not the kernel's problem: the
 * process gets SIGILL (Linux's do_undefinstr -> arm_notify_die without a
 * report, user_debug being 0) and dies on its way back to user mode.
 *
 * The oops, line by line as Linux 6.1 prints it (fault.c prints the first
 * lines, "8<--- cut here ---", "Unable to handle ...", show_pte):
 *   Internal error: Oops: 805 [#1] ARM        __die: err = FSR, die count
 *   CPU: 0 PID: 0 Comm: swapper/0 ...         process.c __show_regs
 *   PC is at / LR is at / registers / Flags / Control
 *   Process swapper/0 (pid: 0, stack limit = 0x...)
 *   Stack: (0x... to 0x...) and the words    dump_mem
 *   Backtrace: and " f from g+0x../0x.."      dump_backtrace (frame pointers)
 *   Code: ... (faulting word)                 dump_instr
 *   ---[ end trace 0000000000000000 ]---      oops_exit
 * Linux also prints "Modules linked in:" (print_modules) after the first
 * line; we have no modules, as a Linux built without CONFIG_MODULES.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <string.h>
#include <asm/cacheflush.h>
#include <asm/cp15.h>
#include <asm/fsr.h>
#include <asm/ptrace.h>
#include <asm/vtop.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

extern char __vectors_start[], __vectors_end[];
extern char init_stack[], init_stack_top[];
extern bool shell_in_command;                  /* kernel/shell.c */
__noreturn void shell_restart(void);            /* kernel/shell.c */
__noreturn void make_task_dead_restart(unsigned long sp, void (*fn)(void));  /* entry-armv.S */
int oops_may_panic(void);                        /* kernel/panic.c: oops=panic */
void add_taint_die(void);                       /* kernel/panic.c */
void oops_exit(void);                           /* kernel/panic.c */

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

/*
 * Linux's get_kernel_nofault() reads through an exception-table fixup; we
 * have none yet, so we ask the page tables first (vtop_walk) and read only
 * a mapped word. The oops itself must never fault.
 */
static bool get_kernel_nofault(u32 *val, unsigned long addr)
{
	struct vtop_result r;

	if ((addr & 3) || vtop_walk(addr, &r) == VTOP_FAULT)
		return false;
	*val = *(volatile u32 *)addr;
	return true;
}

/* Words from bottom to top, 8 a line, each line headed by its low 16 bits. */
static void dump_mem(const char *str, unsigned long bottom, unsigned long top)
{
	unsigned long first, p;
	char line[8 * 9 + 1];
	u32 val = 0;
	int i;

	printk("%s(0x%08lx to 0x%08lx)\n", str, bottom, top);
	for (first = bottom & ~31; first < top; first += 32) {
		memset(line, ' ', sizeof(line) - 1);
		line[sizeof(line) - 1] = '\0';
		for (p = first, i = 0; i < 8 && p < top; i++, p += 4)
			if (p >= bottom)
				snprintf(line + i * 9, 10, get_kernel_nofault(&val, p) ?
					 " %08x" : " ????????", val);
		printk("%04lx:%s\n", first & 0xffff, line);
	}
}

/* Four instructions before pc and the one at pc, "(in parentheses)". */
static void dump_instr(struct pt_regs *regs)
{
	unsigned long addr = instruction_pointer(regs);
	char str[sizeof("00000000 ") * 5 + 2 + 1], *p = str;
	u32 val;
	int i;

	for (i = -4; i < 1; i++) {
		if (!get_kernel_nofault(&val, addr + 4 * i)) {
			p += snprintf(p, str + sizeof(str) - p, "bad PC value");
			break;
		}
		p += snprintf(p, str + sizeof(str) - p, i == 0 ? "(%08x) " : "%08x ", val);
	}
	printk("Code: %s\n", str);
}

/* Is [fp - 12, fp] a frame record inside the current task's kernel stack? */
static bool frame_ok(unsigned long fp)
{
	unsigned long bottom = (unsigned long)current->stack;

	return !(fp & 3) && fp - 12 >= bottom && fp < bottom + THREAD_SIZE;
}

/*
 * dump_backtrace - Linux's frame-pointer unwinder (CONFIG_UNWINDER_FRAME_POINTER,
 * lib/backtrace.S), in C. We build with -mapcs-frame, so every function
 * (leaves too) starts "mov ip, sp; push {fp, ip, lr, pc}; sub fp, ip, #4":
 *
 *   fp ->  saved pc   = this function's push + 8, so its start + 12
 *   fp-4   saved lr   = where this function returns to ("from")
 *   fp-8   saved sp
 *   fp-12  saved fp   = the caller's frame
 *
 * Each line is Linux's dump_backtrace_entry, " <function> from <caller>+off";
 * Linux's ARM_UNWIND kernels (Debian's) print the same line without the
 * "Backtrace:" header. The walk stops at a frame outside the stack: head.S
 * enters start_kernel with the DTB address in fp, and a restarted console
 * with fp = 0.
 */
static void dump_backtrace(struct pt_regs *regs)
{
	unsigned long fp = frame_pointer(regs), prev = 0;

	printk("Backtrace: ");
	if (!fp)
		pr_cont("no frame pointer");
	else if (!frame_ok(fp))
		pr_cont("invalid frame pointer 0x%08lx", fp);
	pr_cont("\n");
	while (frame_ok(fp) && fp > prev) {
		unsigned long *frame = (unsigned long *)fp;
		unsigned long where = frame[0] - 12, from = frame[-1];

		printk(" %ps from %pS\n", (void *)where, (void *)from);
		prev = fp;
		fp = frame[-3];
	}
}

static int die_counter;

/* Linux's __die: the report after the fault lines; err is the FSR. */
static void __die(const char *str, int err, struct pt_regs *regs)
{
	unsigned long stack = (unsigned long)current->stack, top = stack + THREAD_SIZE;

	printk("Internal error: %s: %x [#%d] ARM\n", str, err, ++die_counter);
	__show_regs(regs);
	/* Linux prints the task's end_of_stack() through %p (hashed); we
	 * show the real address: there is nothing to hide from a learner. */
	printk("Process %.*s (pid: %d, stack limit = 0x%08lx)\n", TASK_COMM_LEN,
	       current->comm, current->pid, stack);
	if (!user_mode(regs)) {
		dump_mem("Stack: ", regs->ARM_sp,
			 regs->ARM_sp < top && regs->ARM_sp >= stack ? top : regs->ARM_sp);
		dump_backtrace(regs);
		dump_instr(regs);
	}
}

/*
 * die - Linux's oops: __die, then oops_end: the kernel is tainted 'D',
 * the end marker, and with oops=panic (panic_on_oops) a panic. Otherwise
 * the caller ends the task: make_task_dead().
 */
void die(const char *str, struct pt_regs *regs, int err)
{
	__die(str, err, regs);
	add_taint_die();
	oops_exit();
	if (oops_may_panic())
		panic("Fatal exception");
}

/*
 * make_task_dead - Linux kills the task that oopsed (kernel/exit.c); the
 * idle task (PID 0: the boot, start_kernel) cannot die, so Linux panics
 * "Attempted to kill the idle task!". That is us during boot, and in the
 * self-tests a boot argument runs.
 *
 * A console command is the task Linux would kill: its stack is thrown
 * away and the console starts again on a fresh stack (entry-armv.S
 * make_task_dead_restart, kernel/shell.c shell_restart). What this cannot
 * undo, since it runs no cleanup of the command: memory the command
 * allocated stays allocated (a leak, as in a kernel thread killed while
 * holding pages); a structure it was half-way through changing (a buddy
 * free list, a vmap_area tree, a slab freelist) stays half-changed; a lock
 * it held would stay held (we have none yet: one CPU, IRQs off). The next
 * command may trip over any of these; the oops said "tainted" for that.
 *
 * A user process that oopsed in the kernel (in a system call, or in a
 * fault the kernel took for it) is a task of its own: Linux's do_exit
 * ends it with signr, its kernel stack is abandoned (the console frees
 * it), and the console goes on.
 */
__noreturn void make_task_dead(int signr)
{
	if (current != &init_task)
		do_exit(signr);
	if (shell_in_command) {
		shell_in_command = false;
		make_task_dead_restart((unsigned long)init_stack_top, shell_restart);
	}
	panic("Attempted to kill the idle task!");
}

/*
 * do_undefinstr - an undefined instruction in the kernel: no emulation
 * hooks (VFP, ...) yet, so Linux's arm_notify_die(..., 0, 6) -> die.
 */
void do_undefinstr(struct pt_regs *regs)
{
	if (user_mode(regs)) {
		force_sig_fault(SIGILL, ILL_ILLOPC, (void __user *)instruction_pointer(regs));
		return;
	}
	die("Oops - undefined instruction", regs, 0);
	make_task_dead(SIGILL);
}

static const char *const handler[] = {
	"prefetch abort", "data abort", "address exception", "interrupt",
	"undefined instruction", "supervisor call", "FIQ",
};

/*
 * bad_mode - an exception from a mode the kernel never runs in, or one it
 * has no handler for yet (IRQ, SWI, FIQ): Linux's bad_mode.
 */
__noreturn void bad_mode(struct pt_regs *regs, int reason)
{
	printk("Bad mode in %s handler detected\n", handler[reason]);
	die("Oops - bad mode", regs, 0);
	panic("bad mode");
}
