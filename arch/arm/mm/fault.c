/*
 * arch/arm/mm/fault.c - data and prefetch aborts: decode the fault status,
 * dispatch through fsr_info[]/ifsr_info[] (fsr-2level.c), resolve a user
 * page fault through the VMAs and handle_mm_fault, and report what cannot
 * be resolved: SIGSEGV/SIGBUS for a user access, a fixup or the oops for
 * the kernel. Linux: arch/arm/mm/fault.c (do_DataAbort, do_PrefetchAbort,
 * do_translation_fault, do_page_fault, __do_page_fault, do_sect_fault,
 * do_bad, do_bad_area, __do_user_fault, __do_kernel_fault, show_pte).
 *
 * Differences: no mmap lock, no retry (nothing sleeps), no kprobes or perf
 * events; Linux prints the user-fault report only with CONFIG_DEBUG_USER
 * and user_debug set, armmm always prints it (a learner wants to see why a
 * program died), with the registers but not the kernel backtrace that
 * Linux's show_regs adds.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>     /* force_sig_fault, SIGSEGV, SEGV_* (kernel/signal.c) */
#include <asm/fsr.h>
#include <asm/pgtable.h>
#include <asm/memory.h>
#include <asm/ptrace.h>
#include <asm/mmu_context.h>

/* fixup_exception: arch/arm/mm/extable.c */
int fixup_exception(struct pt_regs *regs);

/* __do_page_fault's own results (Linux arch/arm/mm/fault.c). */
#define VM_FAULT_BADMAP     0x010000
#define VM_FAULT_BADACCESS  0x020000
#define VM_ACCESS_FLAGS     (VM_READ | VM_WRITE | VM_EXEC)
#define FS_L1_PERM          0xd
#define FS_L2_PERM          0xf

struct fsr_info {
	int (*fn)(unsigned long addr, unsigned int fsr, struct pt_regs *regs);
	int sig;
	int code;
	const char *name;
};
/* The tables (fsr-2level.c, included below): do_page_fault names the fault for the trace. */
static struct fsr_info fsr_info[32];
static struct fsr_info ifsr_info[32];

/*
 * show_pte - the page table entries behind addr in mm (init_mm if NULL),
 * on one line: "[addr] *pgd=<first L1 word of the pair>" and, when that is
 * a table, ", *pte=<Linux PTE>, *ppte=<hardware PTE>" (the two halves of
 * the split PTE page: see pgtable-2level.h), the PTE page reached through
 * pte_offset_map since a user one may be in HighMem. A section is "(bad)"
 * here as in Linux: pmd_bad() means "not a pointer to a PTE table".
 */
void show_pte(const char *lvl, struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd;
	pmd_t *pmd;
	pte_t *pte;

	if (!mm)
		mm = &init_mm;
	pgd = pgd_offset(mm, addr);
	printk("%s[%08lx] *pgd=%08llx", lvl, addr, (unsigned long long)pgd_val(*pgd));
	pmd = pmd_offset_pgd(pgd);
	do {
		if (pmd_none(*pmd))
			break;
		if (pmd_bad(*pmd)) {
			pr_cont("(bad)");
			break;
		}
		pte = pte_offset_map(pmd, addr);
		pr_cont(", *pte=%08llx", (unsigned long long)pte_val(*pte));
		pr_cont(", *ppte=%08llx", (unsigned long long)*pte_hw(pte));
		pte_unmap(pte);
	} while (0);
	pr_cont("\n");
}

/*
 * The kernel touched an address it may not. A user access with an
 * exception-table entry (get_user, copy_to_user, ...) resumes at its
 * fixup and returns -EFAULT; anything else is Linux's "extreme prejudice"
 * path: the report, then die(), then the task is gone.
 */
static void __do_kernel_fault(struct mm_struct *mm, unsigned long addr, unsigned int fsr,
			      struct pt_regs *regs)
{
	if (fixup_exception(regs))
		return;
	printk("8<--- cut here ---\n");
	printk("Unable to handle kernel %s at virtual address %08lx when %s\n",
		 addr < PAGE_SIZE ? "NULL pointer dereference" : "paging request", addr,
		 (fsr & FSR_LNX_PF) ? "execute" : (fsr & FSR_WRITE) ? "write" : "read");
	show_pte("", mm, addr);
	die("Oops", regs, fsr);
	make_task_dead(SIGKILL);
}

/*
 * __do_user_fault - a user access nothing can satisfy: Linux's report
 * (the CONFIG_DEBUG_USER one), then the signal, which kills the task on
 * its way back to user mode (kernel/signal.c).
 */
static void __do_user_fault(unsigned long addr, unsigned int fsr, unsigned int sig, int code,
			    struct pt_regs *regs)
{
	struct task_struct *tsk = current;

	printk("8<--- cut here ---\n");
	printk("%s: unhandled page fault (%d) at 0x%08lx, code 0x%03x\n",
	       tsk->comm, sig, addr, fsr);     /* a prefetch abort shows FSR_LNX_PF, as in Linux */
	show_pte("", tsk->mm, addr);
	__show_regs(regs);
	force_sig_fault(sig, code, (void __user *)addr);
}

/* A fault outside every VMA: SIGSEGV for the user, the kernel path otherwise. */
static void do_bad_area(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	if (user_mode(regs))
		__do_user_fault(addr, fsr, SIGSEGV, SEGV_MAPERR, regs);
	else
		__do_kernel_fault(current->active_mm, addr, fsr, regs);
}

/* Linux is_write_fault: WnR, but a cache maintenance op only reads. */
static bool is_write_fault(unsigned int fsr)
{
	return (fsr & FSR_WRITE) && !(fsr & FSR_CM);
}

static bool is_permission_fault(unsigned int fsr)
{
	unsigned int fs = fsr_fs(fsr);

	return fs == FS_L1_PERM || fs == FS_L2_PERM;
}

/*
 * __do_page_fault - find the VMA (growing a stack down to addr if that is
 * where it lands), check it allows the access, and let handle_mm_fault do
 * the rest (Linux __do_page_fault).
 */
static vm_fault_t __do_page_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags,
				  unsigned long vma_flags, struct pt_regs *regs)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (!vma)
		return VM_FAULT_BADMAP;
	if (vma->vm_start > addr) {
		if (!(vma->vm_flags & VM_GROWSDOWN) || addr < FIRST_USER_ADDRESS)
			return VM_FAULT_BADMAP;
		if (expand_stack(vma, addr))
			return VM_FAULT_BADMAP;
	}
	if (!(vma->vm_flags & vma_flags))
		return VM_FAULT_BADACCESS;
	return handle_mm_fault(vma, addr & PAGE_MASK, flags, regs);
}

/*
 * do_page_fault - a page-level fault on a user address (Linux
 * do_page_fault): a kernel thread (no mm) cannot take it; a user task's
 * is resolved through its VMAs. What the access wanted (write: WnR;
 * execute: a prefetch abort) is what the VMA must allow.
 */
static int do_page_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	struct mm_struct *mm = current->mm;
	unsigned int flags = FAULT_FLAG_DEFAULT;
	unsigned long vm_flags = VM_ACCESS_FLAGS;
	const struct fsr_info *inf;
	vm_fault_t fault;
	int sig, code;

	if (!mm)
		goto no_context;
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	if (is_write_fault(fsr)) {
		flags |= FAULT_FLAG_WRITE;
		vm_flags = VM_WRITE;
	}
	if (fsr & FSR_LNX_PF) {
		flags |= FAULT_FLAG_INSTRUCTION;
		vm_flags = VM_EXEC;
		if (is_permission_fault(fsr) && !user_mode(regs))
			goto no_context;        /* Linux die_kernel_fault("execution of memory") */
	}
	inf = ((fsr & FSR_LNX_PF) ? ifsr_info : fsr_info) + fsr_fs(fsr);
	fault_trace_cpu(fsr & ~FSR_LNX_PF, inf->name);
	fault = __do_page_fault(mm, addr, flags, vm_flags, regs);
	if (!(fault & (VM_FAULT_ERROR | VM_FAULT_BADMAP | VM_FAULT_BADACCESS)))
		return 0;
	if (!user_mode(regs))
		goto no_context;
	if (fault & VM_FAULT_OOM) {
		/* Linux pagefault_out_of_memory: the OOM killer picks a task; here
		 * the one that faulted dies. */
		printk("Out of memory: killed process %d (%s)\n", current->pid, current->comm);
		force_sig_fault(SIGKILL, 0, (void __user *)addr);
		return 0;
	}
	if (fault & VM_FAULT_SIGBUS) {
		sig = SIGBUS;
		code = BUS_ADRERR;
	} else {
		sig = SIGSEGV;
		code = fault == VM_FAULT_BADACCESS ? SEGV_ACCERR : SEGV_MAPERR;
	}
	__do_user_fault(addr, fsr, sig, code, regs);
	return 0;

no_context:
	__do_kernel_fault(mm, addr, fsr, regs);
	return 0;
}

/*
 * A section translation fault (the L1 entry is empty). Below TASK_SIZE it
 * is a user address: do_page_fault. Above, a kernel address: the entry may
 * exist in init_mm's table (vmalloc made it after this process's pgd was
 * copied), so Linux copies the pmd from swapper_pg_dir into the live table
 * and retries. An empty entry there too is a bad area; so is a user-mode
 * access to the kernel half.
 */
static int do_translation_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	unsigned int index = (addr >> SECTION_SHIFT) & 1;     /* which L1 of the pair */
	pmd_t *pmd, *pmd_k;

	if (addr < TASK_SIZE)
		return do_page_fault(addr, fsr, regs);
	if (user_mode(regs))
		goto bad_area;
	pmd = pmd_offset_pgd(pgd_offset(current_hw_mm(), addr));
	pmd_k = pmd_off_k(addr);
	if (pmd_none(pmd_k[index]))
		goto bad_area;
	if (pmd != pmd_k) {             /* Linux copy_pmd: both words of the pair */
		pmd[0] = pmd_k[0];
		pmd[1] = pmd_k[1];
		flush_pmd_entry(pmd);
	}
	return 0;

bad_area:
	do_bad_area(addr, fsr, regs);
	return 0;
}

/* Section permission fault: always a bad area. */
static int do_sect_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	do_bad_area(addr, fsr, regs);
	return 0;
}

/* Faults nothing handles: the caller reports "Unhandled fault". */
static int do_bad(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	(void)addr;
	(void)fsr;
	(void)regs;
	return 1;
}

#include "fsr-2level.c"

/* Linux arm_notify_die: a user task gets the signal, the kernel dies. */
static void arm_notify_die(const char *str, struct pt_regs *regs, int sig, int code,
			   unsigned long addr, unsigned int err)
{
	if (user_mode(regs)) {
		force_sig_fault(sig, code, (void __user *)addr);
		return;
	}
	die(str, regs, err);
	make_task_dead(sig);
}

/*
 * do_DataAbort - entry-armv.S __dabt_svc's C half: DFAR, DFSR, the
 * registers. The FS field picks the handler; a non-zero return means
 * nobody could handle it (Linux then signals the task; for the kernel
 * arm_notify_die() is die()).
 */
void do_DataAbort(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	const struct fsr_info *inf = fsr_info + fsr_fs(fsr);

	if (!inf->fn(addr, fsr & ~FSR_LNX_PF, regs))
		return;
	printk("8<--- cut here ---\n");
	printk("Unhandled fault: %s (0x%03x) at 0x%08lx\n", inf->name, fsr, addr);
	show_pte("", current->mm, addr);
	arm_notify_die("", regs, inf->sig, inf->code, addr, fsr);
}

/* do_PrefetchAbort - the same for IFAR/IFSR; FSR_LNX_PF marks "execute". */
void do_PrefetchAbort(unsigned long addr, unsigned int ifsr, struct pt_regs *regs)
{
	const struct fsr_info *inf = ifsr_info + fsr_fs(ifsr);

	if (!inf->fn(addr, ifsr | FSR_LNX_PF, regs))
		return;
	printk("8<--- cut here ---\n");
	printk("Unhandled prefetch abort: %s (0x%03x) at 0x%08lx\n", inf->name, ifsr, addr);
	show_pte("", current->mm, addr);
	arm_notify_die("", regs, inf->sig, inf->code, addr, ifsr);
}
