/*
 * asm/mmu_context.h - switching the MMU between address spaces.
 * Linux: arch/arm/include/asm/mmu_context.h (switch_mm, check_and_switch_context,
 * init_new_context), arch/arm/mm/context.c, proc-v7-2level.S cpu_v7_switch_mm.
 *
 * What changes on a switch is two registers (ARMv7 ARM B4.1.36, B4.1.154):
 *
 *   CONTEXTIDR  the ASID (bits 7:0) that tags every non-global TLB entry
 *   TTBR0       the physical address of the new pgd, with the walk attributes
 *
 * Every process table also holds the kernel half (pgd_alloc copies it), so
 * TTBCR.N = 0 and TTBR0 alone is switched, as in Linux without LPAE.
 * Differences from Linux: one CPU (no per-CPU active_asids or IPI flush
 * masks); and a switch to a kernel thread (the console, init_task) really
 * loads init_mm (swapper_pg_dir, ASID 0), where Linux keeps the previous mm
 * live ("lazy TLB", active_mm = prev) and saves the switch.
 */
#ifndef _ASM_MMU_CONTEXT_H
#define _ASM_MMU_CONTEXT_H

#include <linux/types.h>

struct mm_struct;
struct task_struct;

/* A new mm starts with no ASID: generation 0 never matches (Linux init_new_context). */
static inline int init_new_context(struct task_struct *tsk, struct mm_struct *mm);

/*
 * cpu_v7_switch_mm - load CONTEXTIDR with context_id, then TTBR0 with pgd_phys
 * and the walk attributes head.S uses (TTB_FLAGS_SMP / _UP), an ISB after
 * each (Linux's order: the new ASID is in place before any walk of the new
 * table can be tagged with the old one). arch/arm/mm/context.c.
 */
void cpu_v7_switch_mm(phys_addr_t pgd_phys, unsigned int context_id);

/* Give mm a current-generation ASID if it lacks one, then switch to it. */
void check_and_switch_context(struct mm_struct *mm, struct task_struct *tsk);

/*
 * switch_mm - make next's tables live (Linux switch_mm; prev is only
 * compared: nothing to do if next is already loaded).
 */
void switch_mm(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk);

/* The mm whose tables TTBR0 holds now (cpu_switch_mm's last argument). */
struct mm_struct *current_hw_mm(void);

/* Generation rollovers so far (each flushed the whole TLB): for tests and the trace. */
extern unsigned long asid_rollovers;

static inline int init_new_context(struct task_struct *tsk, struct mm_struct *mm)
{
	(void)tsk;
	(void)mm;       /* mm_alloc zeroed context.id */
	return 0;
}

#endif
