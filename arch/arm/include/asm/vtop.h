/* asm/vtop.h - a software page-table walk of the kernel's tables (vtop.c). */
#ifndef _ASM_VTOP_H
#define _ASM_VTOP_H

#include <asm/pgtable.h>

enum { VTOP_FAULT, VTOP_SECTION, VTOP_PAGE };

struct vtop_result {
	unsigned long va;
	unsigned int pgd_index;     /* Linux pgd entry (2 MiB) */
	unsigned int l1_index;      /* hardware L1 entry (1 MiB) */
	u32 l1;                     /* that L1 word */
	pte_t *linux_pte;           /* for a page: the Linux PTE ... */
	u32 hw_pte;                 /* ... and the hardware PTE */
	int kind;                   /* VTOP_* */
	phys_addr_t pa;
	bool writable, executable;  /* for the kernel, from the hardware bits */
};

/* Walk va; fills r and returns r->kind. */
int vtop_walk(unsigned long va, struct vtop_result *r);
void vtop_show(unsigned long va);      /* shell: vtop <va> */
void ptepage_show(unsigned long va);   /* shell: ptepage <va> */

struct task_struct;
/* shell: vtop <pid> <va>, ptepage <pid> <va>: a process's tables (mm->pgd) */
void vtop_user_show(struct task_struct *task, unsigned long va);
void ptepage_user_show(struct task_struct *task, unsigned long va);

#endif
