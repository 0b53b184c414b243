/*
 * mm/fault_trace.c - a line or two per user fault, to watch demand paging
 * work: boot argument `fault_trace`, console `fault_trace on|off`. Ours;
 * Linux's nearest tools are the exceptions:page_fault_user tracepoint
 * (x86/arm64 only) and perf's page-fault events. For example:
 *
 *   fault: memtouch[1] 0xb6fff000 FSR 0x807 page translation fault, write
 *          vma b6ff0000-b7000000 rw-p 00100073 do_anonymous_page
 *          pte 00000000/00000000 -> 9f6b145f/9f6b1a3e ret 0
 *
 * "pte L/H" is the Linux PTE and the hardware PTE (the two halves of the
 * split PTE page, pgtable-2level.h) before and after the handler; a GUP
 * fault (the kernel faulting pages in for exec) says "gup" instead of an FSR.
 * `fault_trace bt` (boot argument fault_trace=bt) adds the call chain
 * that chose the handler, outermost first, as Linux's perf would show it:
 *
 *          calls __dabt_usr > do_DataAbort > do_page_fault > handle_mm_fault
 *                > __handle_mm_fault > handle_pte_fault > do_anonymous_page
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/shell.h>
#include <linux/stacktrace.h>
#include <string.h>
#include <asm/pgtable.h>
#include "memory_internal.h"

bool fault_trace;
static bool fault_trace_bt;     /* and the call chain of each */

#define FT_CALLS        16

static struct {
	bool cpu;               /* fault_trace_cpu was called for this fault */
	struct task_struct *cpu_task;   /* ... by this task's abort */
	unsigned int fsr;
	const char *fsr_name;
	const char *handler;
	pteval_t pte, hw;       /* before */
	unsigned int ncalls;
	unsigned long calls[FT_CALLS];  /* return addresses, innermost first */
} ft;

int setup_fault_trace(const char *value)
{
	fault_trace = !value || strcmp(value, "0");
	fault_trace_bt = value && !strcmp(value, "bt");
	return 0;
}

void fault_trace_cpu(unsigned int fsr, const char *fsr_name)
{
	ft.cpu = true;
	ft.cpu_task = current;
	ft.fsr = fsr;
	ft.fsr_name = fsr_name;
}

/* Both halves of addr's PTE now (0/0 without a PTE page). */
static void read_pte(struct vm_fault *vmf, pteval_t *pte, pteval_t *hw)
{
	pte_t *ptep;

	*pte = *hw = 0;
	if (pmd_none(*vmf->pmd))
		return;
	ptep = pte_offset_map(vmf->pmd, vmf->address);
	*pte = pte_val(*ptep);
	*hw = *pte_hw(ptep);
	pte_unmap(ptep);
}

void fault_trace_before(struct vm_fault *vmf)
{
	if (!fault_trace)
		return;
	/*
	 * An abort that never reached handle_mm_fault (no VMA: SIGSEGV) left
	 * ft.cpu set; a fault of another task now is exec's GUP, not it.
	 */
	if (ft.cpu_task != current)
		ft.cpu = false;
	ft.handler = "?";
	read_pte(vmf, &ft.pte, &ft.hw);
}

void fault_trace_handler(const char *name)
{
	ft.handler = name;
	/* calls[0]: the return into the handler that called us (skip our own) */
	ft.ncalls = fault_trace && fault_trace_bt ? stack_trace_save(ft.calls, FT_CALLS, 1) : 0;
}

/* "calls a > b > c": the functions the return addresses lie in, outermost first. */
static void print_calls(void)
{
	unsigned int i = ft.ncalls;

	if (!i)
		return;
	printk("       calls");
	while (i--)
		pr_cont("%s%ps", i + 1 == ft.ncalls ? " " : " > ", (void *)ft.calls[i]);
	pr_cont("\n");
	ft.ncalls = 0;
}

void fault_trace_after(struct vm_fault *vmf, vm_fault_t ret)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long f = vma->vm_flags;
	pteval_t pte, hw;

	if (!fault_trace) {
		ft.cpu = false;
		return;
	}
	read_pte(vmf, &pte, &hw);
	if (ft.cpu)
		printk("fault: %s[%d] 0x%08lx FSR 0x%03x %s, %s\n", current->comm, current->pid,
		       vmf->real_address, ft.fsr, ft.fsr_name,
		       vmf->flags & FAULT_FLAG_INSTRUCTION ? "exec" :
		       vmf->flags & FAULT_FLAG_WRITE ? "write" : "read");
	else
		printk("fault: %s[%d] 0x%08lx gup, %s\n", current->comm, current->pid,
		       vmf->real_address, vmf->flags & FAULT_FLAG_WRITE ? "write" : "read");
	printk("       vma %08lx-%08lx %c%c%c%c %08lx %s pte %08x/%08x -> %08x/%08x ret 0x%x\n",
	       vma->vm_start, vma->vm_end, f & VM_READ ? 'r' : '-', f & VM_WRITE ? 'w' : '-',
	       f & VM_EXEC ? 'x' : '-', f & VM_MAYSHARE ? 's' : 'p', f, ft.handler,
	       (unsigned int)ft.pte, (unsigned int)ft.hw, (unsigned int)pte, (unsigned int)hw,
	       ret);
	print_calls();
	ft.cpu = false;
}

static void cmd_fault_trace(int argc, char **argv)
{
	if (!shell_nargs(argc, argv, 0, 1, "fault_trace [on|off|bt]"))
		return;
	if (argc == 2 && (!strcmp(argv[1], "on") || !strcmp(argv[1], "bt"))) {
		fault_trace = true;
		fault_trace_bt = !strcmp(argv[1], "bt");
	} else if (argc == 2 && !strcmp(argv[1], "off")) {
		fault_trace = fault_trace_bt = false;
	} else if (argc == 2) {
		printk("Error: fault_trace: say on, bt or off, not '%s'\n", argv[1]);
		return;
	}
	printk("fault_trace: %s\n", !fault_trace ? "off" : fault_trace_bt ? "on, with call chains" : "on");
}
SHELL_CMD(fault_trace, "fault_trace [on|off|bt]: print every user page fault and the PTEs it "
	  "changed (bt: and the call chain)", cmd_fault_trace);
