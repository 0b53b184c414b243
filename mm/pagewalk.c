/*
 * mm/pagewalk.c - walk a process's page tables, calling the user's
 * callbacks at each level (Linux: mm/pagewalk.c, walk_page_range,
 * walk_page_vma, walk_pmd_range, walk_pte_range). See linux/pagewalk.h.
 *
 *   walk_page_range(mm, start, end)
 *     for each VMA overlapping [start, end), holes -> pte_hole(depth -1)
 *       test_walk (or skip VM_PFNMAP)          walk_page_test
 *       for each 2 MiB pgd entry:              walk_pmd_range
 *         empty -> pte_hole(depth 3)
 *         pmd_entry(pmd, addr, next)
 *         pte_entry for each PTE               walk_pte_range: the PTE page
 *                                              through pte_offset_map, since
 *                                              with HIGHPTE it may be HighMem
 *
 * Differences from Linux 6.1: the p4d and pud levels are folded away here
 * rather than walked as one-entry levels (on ARM they are folded there too);
 * no huge pages, no locks (one CPU; the walked process is stopped).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pagewalk.h>

static int walk_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pte_t *start = pte_offset_map(pmd, addr), *pte = start;
	int err = 0;

	for (;;) {
		err = walk->ops->pte_entry(pte, addr, addr + PAGE_SIZE, walk);
		if (err || addr >= end - PAGE_SIZE)
			break;
		addr += PAGE_SIZE;
		pte++;
	}
	pte_unmap(start);
	return err;
}

/*
 * One pgd entry per step: on 2-level ARM the pgd, p4d, pud and pmd are the
 * same pair of L1 words, so Linux's walk_pgd_range .. walk_pmd_range
 * collapse into this loop (pmd_addr_end == pgd_addr_end).
 */
static int walk_pmd_range(unsigned long addr, unsigned long end, struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;
	unsigned long next;
	int err = 0;

	do {
		pmd_t *pmd = (pmd_t *)pgd_offset(walk->mm, addr);

		next = pgd_addr_end(addr, end);
again:
		if (pmd_none(*pmd)) {
			if (ops->pte_hole)
				err = ops->pte_hole(addr, next, 3, walk);
			if (err)
				break;
			continue;
		}
		walk->action = ACTION_SUBTREE;
		if (ops->pmd_entry)
			err = ops->pmd_entry(pmd, addr, next, walk);
		if (err)
			break;
		if (walk->action == ACTION_AGAIN)
			goto again;
		if (walk->action == ACTION_CONTINUE || !ops->pte_entry || pmd_bad(*pmd))
			continue;
		err = walk_pte_range(pmd, addr, next, walk);
		if (err)
			break;
	} while (addr = next, addr != end);
	return err;
}

/* Linux walk_page_test: the caller's test_walk, else skip raw-PFN VMAs. */
static int walk_page_test(unsigned long start, unsigned long end, struct mm_walk *walk)
{
	if (walk->ops->test_walk)
		return walk->ops->test_walk(start, end, walk);
	if (walk->vma->vm_flags & VM_PFNMAP) {
		int err = 0;

		if (walk->ops->pte_hole)
			err = walk->ops->pte_hole(start, end, -1, walk);
		return err ? err : 1;
	}
	return 0;
}

/* The first VMA that ends above addr (find_vma), or NULL. */
int walk_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		    const struct mm_walk_ops *ops, void *private)
{
	struct mm_walk walk = { .ops = ops, .mm = mm, .private = private };
	struct vm_area_struct *vma;
	unsigned long next;
	int err = 0;

	if (start >= end || !mm)
		return -EINVAL;
	walk.pgd = mm->pgd;
	vma = find_vma(mm, start);
	do {
		if (!vma || start < vma->vm_start) {    /* a hole: no VMA here */
			walk.vma = NULL;
			next = vma ? min(end, vma->vm_start) : end;
			if (ops->pte_hole)
				err = ops->pte_hole(start, next, -1, &walk);
		} else {
			walk.vma = vma;
			next = min(end, vma->vm_end);
			vma = next < end ? find_vma(mm, vma->vm_end) : NULL;
			err = walk_page_test(start, next, &walk);
			if (err > 0) {
				err = 0;
				continue;
			}
			if (err < 0)
				break;
			err = walk_pmd_range(start, next, &walk);
		}
		if (err)
			break;
	} while (start = next, start < end);
	return err;
}

int walk_page_vma(struct vm_area_struct *vma, const struct mm_walk_ops *ops, void *private)
{
	struct mm_walk walk = { .ops = ops, .mm = vma->vm_mm, .vma = vma, .private = private };
	int err;

	if (!walk.mm)
		return -EINVAL;
	walk.pgd = walk.mm->pgd;
	err = walk_page_test(vma->vm_start, vma->vm_end, &walk);
	if (err > 0)
		return 0;
	if (err < 0)
		return err;
	return walk_pmd_range(vma->vm_start, vma->vm_end, &walk);
}
