/*
 * mm/memory_internal.h - what the fault path's files share (Linux keeps
 * these static in mm/memory.c or in mm/internal.h).
 */
#ifndef _MM_MEMORY_INTERNAL_H
#define _MM_MEMORY_INTERNAL_H

#include <linux/mm.h>

/* mm/memory.c */
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd);
void do_set_pte(struct vm_fault *vmf, struct page *page, unsigned long addr, pte_t *ptep);

/*
 * mm/fault_trace.c: the fault trace (boot argument fault_trace, console
 * fault_trace on|off). fault.c says what the CPU reported before calling
 * handle_mm_fault; handle_pte_fault snapshots the PTE, each handler names
 * itself, and __handle_mm_fault prints the result.
 */
void fault_trace_before(struct vm_fault *vmf);
void fault_trace_handler(const char *name);
void fault_trace_after(struct vm_fault *vmf, vm_fault_t ret);

#endif
