/*
 * arch/arm/mm/fault.c - data and prefetch aborts: decode the fault status,
 * dispatch through fsr_info[]/ifsr_info[] (fsr-2level.c), and for a fault
 * the kernel cannot handle print Linux's report and die.
 * Linux: arch/arm/mm/fault.c (do_DataAbort, do_PrefetchAbort,
 * do_translation_fault, do_page_fault, do_sect_fault, do_bad, show_pte,
 * __do_kernel_fault).
 *
 * armmm has no user space and no mm_struct yet: every task is a kernel
 * thread with current->mm == NULL, so the paths below end where Linux's
 * end for a kernel thread: do_page_fault's "no_context", i.e.
 * __do_kernel_fault -> die. The user-mode branches come with user space.
 */
#include <linux/kernel.h>
#include <asm/fsr.h>
#include <asm/pgtable.h>
#include <asm/memory.h>
#include <asm/ptrace.h>

/* Linux's signal numbers and si_codes (uapi/asm-generic/siginfo.h), kept in
 * the tables for the user-space faults to come. */
#define SIGKILL      9
#define SIGBUS       7
#define SIGSEGV      11
#define SEGV_MAPERR  1     /* address not mapped */
#define SEGV_ACCERR  2     /* no permission */
#define BUS_ADRALN   1     /* misaligned */
#define BUS_OBJERR   3     /* hardware error */

/* User space ends 16 MiB below PAGE_OFFSET, at the modules area (Linux
 * TASK_SIZE for CONFIG_VMSPLIT_3G). */
#define TASK_SIZE    MODULES_VADDR

struct fsr_info {
	int (*fn)(unsigned long addr, unsigned int fsr, struct pt_regs *regs);
	int sig;
	int code;
	const char *name;
};

/*
 * show_pte - the page table entries behind addr, on one line:
 * "[addr] *pgd=<first L1 word of the pair>" and, when that is a table,
 * ", *pte=<Linux PTE>, *ppte=<hardware PTE>" (the two halves of the split
 * PTE page: see pgtable-2level.h). A section is "(bad)" here as in Linux:
 * pmd_bad() means "not a pointer to a PTE table". With one page table
 * (swapper_pg_dir) there is no mm to choose: Linux's mm argument is gone.
 */
void show_pte(const char *lvl, unsigned long addr)
{
	pmd_t *pmd = pmd_off_k(addr);
	pte_t *pte;

	printk("%s[%08lx] *pgd=%08llx", lvl, addr, (unsigned long long)swapper_l1[
		(addr & PGDIR_MASK) >> SECTION_SHIFT]);
	do {
		if (pmd_none(*pmd))
			break;
		if (pmd_bad(*pmd)) {
			pr_cont("(bad)");
			break;
		}
		pte = pte_offset_kernel(pmd, addr);
		pr_cont(", *pte=%08llx", (unsigned long long)pte_val(*pte));
		pr_cont(", *ppte=%08llx", (unsigned long long)*pte_hw(pte));
	} while (0);
	pr_cont("\n");
}

/*
 * The kernel touched an address it may not: no exception-table fixup
 * exists yet (no get_user), so it is always Linux's "extreme prejudice"
 * path: the report, then die(), then the task is gone.
 */
static void __do_kernel_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	printk("8<--- cut here ---\n");
	printk("Unable to handle kernel %s at virtual address %08lx when %s\n",
		 addr < PAGE_SIZE ? "NULL pointer dereference" : "paging request", addr,
		 (fsr & FSR_LNX_PF) ? "execute" : (fsr & FSR_WRITE) ? "write" : "read");
	show_pte("", addr);
	die("Oops", regs, fsr);
	make_task_dead(SIGKILL);
}

/* Linux sends a user task SIGSEGV here; a kernel fault dies. */
static void do_bad_area(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	__do_kernel_fault(addr, fsr, regs);
}

/*
 * A page-level fault (translation or permission). Linux looks up the
 * faulting task's VMA; with no mm (a kernel thread, which is all we have)
 * it goes straight to no_context.
 */
static int do_page_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	__do_kernel_fault(addr, fsr, regs);     /* in_atomic() || !mm: no_context */
	return 0;
}

/*
 * A section translation fault (the L1 entry is empty). Below TASK_SIZE it
 * is a user address: do_page_fault. Above, Linux copies the entry from
 * init_mm's table into the current one (vmalloc mappings made after the
 * task's table was copied). We run on swapper_pg_dir itself, so there is
 * nothing to copy: an empty entry there is a bad area, and a filled one
 * means the TLB held a stale "fault" (return 0: retry the access).
 */
static int do_translation_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	unsigned int index = (addr >> SECTION_SHIFT) & 1;     /* which L1 of the pair */

	if (addr < TASK_SIZE)
		return do_page_fault(addr, fsr, regs);
	if (pmd_none(pmd_off_k(addr)[index]))
		do_bad_area(addr, fsr, regs);
	return 0;
}

/* Section permission fault: always a bad area for the kernel. */
static int do_sect_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	do_bad_area(addr, fsr, regs);
	return 0;
}

/* Faults nothing handles: the caller reports "Unhandled fault". */
static int do_bad(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	return 1;
}

#include "fsr-2level.c"

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
	show_pte("", addr);
	die("", regs, fsr);
	make_task_dead(inf->sig);
}

/* do_PrefetchAbort - the same for IFAR/IFSR; FSR_LNX_PF marks "execute". */
void do_PrefetchAbort(unsigned long addr, unsigned int ifsr, struct pt_regs *regs)
{
	const struct fsr_info *inf = ifsr_info + fsr_fs(ifsr);

	if (!inf->fn(addr, ifsr | FSR_LNX_PF, regs))
		return;
	printk("8<--- cut here ---\n");
	printk("Unhandled prefetch abort: %s (0x%03x) at 0x%08lx\n", inf->name, ifsr, addr);
	show_pte("", addr);
	die("", regs, ifsr);
	make_task_dead(inf->sig);
}
