/*
 * linux/pagewalk.h - walking a process's page tables with callbacks
 * (Linux: include/linux/pagewalk.h, mm/pagewalk.c).
 *
 * A user (smaps, clear_refs, vtop with a pid) fills a struct mm_walk_ops
 * with the callbacks it needs and calls walk_page_vma() or
 * walk_page_range(). On ARM's two-level tables the p4d, pud and pmd levels
 * are folded into the pgd entry, so the levels that exist are:
 *
 *   pmd_entry(pmd, addr, next)   once per 2 MiB pgd entry that has a PTE
 *                                page (pmd points at the first L1 word of
 *                                the pair; [addr, next) is inside it)
 *   pte_entry(pte, addr, next)   once per Linux PTE of that PTE page, the
 *                                page mapped by pte_offset_map() (HIGHPTE)
 *   pte_hole(addr, next, depth)  a range with no PTE page (depth 3, the
 *                                pmd level) or no VMA (depth -1)
 *   test_walk(addr, next)        per VMA: 0 walk it, 1 skip it, <0 stop
 *
 * Differences from Linux 6.1: no pgd/p4d/pud_entry (folded levels), no
 * hugetlb_entry (ARM without LPAE has no huge pages), no pre/post_vma, no
 * locking (one CPU, nothing runs while the console walks).
 */
#ifndef _LINUX_PAGEWALK_H
#define _LINUX_PAGEWALK_H

#include <linux/mm.h>
#include <asm/pgtable.h>

struct mm_walk;

struct mm_walk_ops {
	int (*pmd_entry)(pmd_t *pmd, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*pte_entry)(pte_t *pte, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*pte_hole)(unsigned long addr, unsigned long next, int depth,
			struct mm_walk *walk);
	int (*test_walk)(unsigned long addr, unsigned long next, struct mm_walk *walk);
};

/* What a pmd_entry asks the walker to do next (Linux enum page_walk_action). */
enum page_walk_action {
	ACTION_SUBTREE = 0,     /* go down to the PTEs (if there is a pte_entry) */
	ACTION_CONTINUE = 1,    /* done with this pmd, next one */
	ACTION_AGAIN = 2,       /* call pmd_entry again for this pmd */
};

struct mm_walk {
	const struct mm_walk_ops *ops;
	struct mm_struct *mm;
	pgd_t *pgd;                     /* mm->pgd */
	struct vm_area_struct *vma;     /* the VMA being walked */
	enum page_walk_action action;
	void *private;                  /* the caller's */
};

/* Walk [start, end) of mm VMA by VMA; the first non-zero callback result ends it. */
int walk_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		    const struct mm_walk_ops *ops, void *private);
/* Walk all of one VMA; -EINVAL for a VMA with no mm (the [vectors] gate VMA). */
int walk_page_vma(struct vm_area_struct *vma, const struct mm_walk_ops *ops, void *private);

#endif
