/*
 * arch/arm/mm/extable.c - where a faulting kernel access to user memory
 * resumes. Linux: arch/arm/mm/extable.c (fixup_exception),
 * kernel/extable.c and lib/extable.c (search_exception_tables).
 *
 * Every instruction of the uaccess routines that may touch a user address
 * (arch/arm/lib/uaccess.S, get_user/put_user) has an entry in the
 * __ex_table section: the instruction's address and where to continue if
 * it faults (code that returns -EFAULT). The linker script gathers them
 * between __start___ex_table and __stop___ex_table. When do_page_fault
 * finds no VMA, or a VMA that forbids the access, for a kernel-mode
 * access, it asks here before it oopses.
 *
 * Differences: Linux sorts the table at build time (scripts/sorttable)
 * and binary-searches it; the table here is a few dozen entries and is
 * searched linearly, in link order.
 */
#include <linux/kernel.h>
#include <asm/ptrace.h>

/* Linux's struct exception_table_entry on ARM: absolute addresses. */
struct exception_table_entry {
	unsigned long insn, fixup;
};

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

/* The entry for the instruction at addr, or NULL (Linux search_exception_tables). */
const struct exception_table_entry *search_exception_tables(unsigned long addr)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == addr)
			return e;
	return NULL;
}

/*
 * fixup_exception - resume at the fixup of the faulting instruction
 * (Linux fixup_exception: pc = fixup). Return: 1 if there was one.
 */
int fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *fixup = search_exception_tables(regs->ARM_pc);

	if (!fixup)
		return 0;
	regs->ARM_pc = fixup->fixup;
	return 1;
}
