/*
 * arch/arm/mm/vtop.c - translate a kernel virtual address by walking the
 * tables the way the MMU does (ARMv7 ARM B3.5.1), and show every level:
 * the Linux pgd entry (2 MiB), both hardware L1 words of its pair, and for
 * a 4 KiB page the Linux PTE and the hardware PTE 2048 bytes after it (see
 * the split PTE page in pgtable-2level.h). Shell commands `vtop <va>` and
 * `ptepage <va>`; the self-tests use vtop_walk().
 */
#include <linux/kernel.h>
#include <asm/pgtable.h>
#include <asm/pgd-decode.h>
#include <asm/cp15.h>
#include <asm/vtop.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/sched.h>

int vtop_walk(unsigned long va, struct vtop_result *r)
{
	pmd_t *pmd = pmd_off_k(va);

	*r = (struct vtop_result){ .va = va };
	r->pgd_index = pgd_index(va);
	r->l1_index = va >> SECTION_SHIFT;
	r->l1 = swapper_l1[r->l1_index];
	switch (r->l1 & PMD_TYPE_MASK) {
	case PMD_TYPE_FAULT:
		return r->kind = VTOP_FAULT;
	case PMD_TYPE_TABLE:
		r->linux_pte = pte_offset_kernel(pmd, va);
		r->hw_pte = *pte_hw(r->linux_pte);
		if (!(r->hw_pte & PTE_TYPE_SMALL))
			return r->kind = VTOP_FAULT;
		r->pa = (r->hw_pte & PTE_SMALL_BASE_MASK) | (va & ~PAGE_MASK);
		r->writable = l2_kernel_writable(r->hw_pte);
		r->executable = !(r->hw_pte & PTE_EXT_XN);
		return r->kind = VTOP_PAGE;
	default:
		r->pa = (r->l1 & PMD_SECT_BASE_MASK) | (va & ~SECTION_MASK);
		r->writable = l1_sect_kernel_writable(r->l1);
		r->executable = !(r->l1 & PMD_SECT_XN);
		return r->kind = VTOP_SECTION;
	}
}

void vtop_show(unsigned long va)
{
	u32 prrr = read_prrr(), nmrr = read_nmrr();
	unsigned int first = pgd_index(va) * 2, i;
	struct vtop_result r;
	char line[200];

	vtop_walk(va, &r);
	con_printf("pgd[0x%03x] covers 0x%08lx-0x%08lx (2 MiB: a pair of L1 entries)\n",
		   r.pgd_index, va & PGDIR_MASK, (va & PGDIR_MASK) + PGDIR_SIZE - 1);
	for (i = first; i < first + 2; i++) {
		l1_desc_format(line, sizeof(line), i, swapper_l1[i], prrr, nmrr);
		con_printf("  L1%s %s\n", i == r.l1_index ? "*" : " ", line);
	}
	if ((r.l1 & PMD_TYPE_MASK) == PMD_TYPE_TABLE) {
		linux_pte_format(line, sizeof(line), pte_val(*r.linux_pte));
		con_printf("  Linux PTE at 0x%08lx: %s\n", (unsigned long)r.linux_pte, line);
		l2_desc_format(line, sizeof(line), r.hw_pte, prrr, nmrr);
		con_printf("  hw PTE    at 0x%08lx: %s\n", (unsigned long)pte_hw(r.linux_pte), line);
	}
	if (r.kind == VTOP_FAULT)
		con_printf("0x%08lx: not mapped (translation fault)\n", va);
	else
		con_printf("0x%08lx -> 0x%08x (%s), kernel %s, %s\n", va, r.pa,
			   r.kind == VTOP_PAGE ? "4 KiB page" : "1 MiB section",
			   r.writable ? "read/write" : "read-only",
			   r.executable ? "executable" : "execute-never");
}

#define PTEPAGE_AROUND 4   /* entries shown each side of va's */

void ptepage_show(unsigned long va)
{
	pmd_t *pmd = pmd_off_k(va);
	pte_t *page, *pte;
	int idx = pte_index(va), i;

	u32 l1 = swapper_l1[va >> SECTION_SHIFT];

	if ((l1 & PMD_TYPE_MASK) == PMD_TYPE_SECT) {
		con_printf("0x%08lx: mapped by a 1 MiB section (L1[0x%03lx] 0x%08x), so there is "
			   "no PTE page: vtop 0x%08lx shows the section\n",
			   va, va >> SECTION_SHIFT, l1, va);
		return;
	}
	if ((pmd_val(*pmd) & PMD_TYPE_MASK) != PMD_TYPE_TABLE) {
		con_printf("0x%08lx: not mapped: pgd[0x%03lx] is empty (L1 0x%08x), no PTE page\n",
			   va, pgd_index(va), pmd_val(*pmd));
		return;
	}
	page = pte_offset_kernel(pmd, 0);
	con_printf("PTE page at 0x%08lx (phys 0x%08x) for 0x%08lx-0x%08lx:\n",
		   (unsigned long)page, __pa(page), va & PGDIR_MASK, (va & PGDIR_MASK) + PGDIR_SIZE - 1);
	con_printf("  +0x000 Linux 1st MiB  +0x400 Linux 2nd MiB  "
		   "+0x800 hw 1st MiB (L1 0x%08x)  +0xc00 hw 2nd MiB (L1 0x%08x)\n",
		   pmd_val(pmd[0]), pmd_val(pmd[1]));
	con_printf("  index  va          offset  Linux PTE   offset  hw PTE\n");
	for (i = max(idx - PTEPAGE_AROUND, 0); i <= min(idx + PTEPAGE_AROUND, PTRS_PER_PTE - 1); i++) {
		pte = page + i;
		con_printf("  %s%3d  0x%08lx  +0x%03x  0x%08x  +0x%03x  0x%08x\n", i == idx ? "*" : " ",
			   i, (va & PGDIR_MASK) + i * PAGE_SIZE, i * 4, pte_val(*pte),
			   i * 4 + PTE_HWTABLE_OFF, *pte_hw(pte));
	}
}

/* ---- a process's tables: vtop <pid> <va>, ptepage <pid> <va> ------------ */

/*
 * A user PTE page may be a HighMem page (HIGHPTE): it has no permanent
 * kernel address, so both halves are read through a kmap_local_page()
 * slot, as Linux's pte_offset_map() does, and unmapped at once.
 */

/* What a struct page says about a page a process maps. */
static void user_page_show(unsigned long pfn)
{
	struct page *page;

	if (!pfn_valid(pfn)) {
		con_printf("  page: pfn 0x%05lx has no struct page (not RAM)\n", pfn);
		return;
	}
	page = pfn_to_page(pfn);
	con_printf("  page: pfn 0x%05lx, %s, %s, mapcount %d, refcount %d%s\n", pfn,
		   PageHighMem(page) ? "HighMem" : "lowmem",
		   page == ZERO_PAGE(0) ? "the zero page" :
		   PageAnon(page) ? "anon" : page->mapping ? "file (page cache)" : "no mapping",
		   page == ZERO_PAGE(0) ? 0 : page_mapcount(page), page_ref_count(page),
		   PageDirty(page) ? ", PageDirty" : "");
}

/* The hardware PTE's permissions for user mode (ARMv7 ARM B3.7.1, AP[2:0]). */
static const char *user_access(u32 hw)
{
	if (!(hw & PTE_TYPE_SMALL))
		return "no access (hardware entry 0: the next access faults)";
	if (!(hw & PTE_EXT_AP1))
		return "no user access";
	return hw & PTE_EXT_APX ? "user read-only" : "user read/write";
}

static void l1_pair_show(struct mm_struct *mm, unsigned long va)
{
	u32 *l1 = (u32 *)mm->pgd, prrr = read_prrr(), nmrr = read_nmrr();
	unsigned int first = pgd_index(va) * 2, i;
	char line[200];

	con_printf("pgd[0x%03lx] of mm pgd 0x%08lx covers 0x%08lx-0x%08lx\n", pgd_index(va),
		   (unsigned long)mm->pgd, va & PGDIR_MASK, (va & PGDIR_MASK) + PGDIR_SIZE - 1);
	for (i = first; i < first + 2; i++) {
		l1_desc_format(line, sizeof(line), i, l1[i], prrr, nmrr);
		con_printf("  L1%s %s\n", i == (va >> SECTION_SHIFT) ? "*" : " ", line);
	}
}

/* The PTE page behind mm's pgd entry for va, or NULL (said why). */
static struct page *user_pte_page(struct mm_struct *mm, unsigned long va)
{
	pmd_t *pmd = (pmd_t *)pgd_offset(mm, va);
	struct page *page;

	if ((pmd_val(*pmd) & PMD_TYPE_MASK) != PMD_TYPE_TABLE) {
		con_printf("0x%08lx: no PTE page (pgd entry 0x%08x): never touched, or a "
			   "kernel address\n", va, pmd_val(*pmd));
		return NULL;
	}
	page = pmd_page(*pmd);
	con_printf("PTE page: pfn 0x%05lx (%s)\n", page_to_pfn(page),
		   PageHighMem(page) ? "HighMem, reached through kmap_local_page" : "lowmem");
	return page;
}

void vtop_user_show(struct task_struct *task, unsigned long va)
{
	u32 prrr = read_prrr(), nmrr = read_nmrr(), hw;
	struct page *ptepage;
	pte_t *map, *pte;
	char line[200];

	con_printf("pid %d (%s):\n", task->pid, task->comm);
	l1_pair_show(task->mm, va);
	ptepage = user_pte_page(task->mm, va);
	if (!ptepage)
		return;
	map = kmap_local_page(ptepage);
	pte = map + pte_index(va);
	hw = *pte_hw(pte);
	linux_pte_format(line, sizeof(line), pte_val(*pte));
	con_printf("  Linux PTE at +0x%03lx: %s\n", pte_index(va) * 4, line);
	l2_desc_format(line, sizeof(line), hw, prrr, nmrr);
	con_printf("  hw PTE    at +0x%03lx: %s\n", pte_index(va) * 4 + PTE_HWTABLE_OFF, line);
	if (pte_present(*pte)) {
		con_printf("0x%08lx -> 0x%08llx (4 KiB page), %s\n", va,
			   (unsigned long long)PFN_PHYS(pte_pfn(*pte)) | (va & ~PAGE_MASK),
			   user_access(hw));
		user_page_show(pte_pfn(*pte));
	} else {
		con_printf("0x%08lx: not present (no page yet: the first access faults)\n", va);
	}
	kunmap_local(map);
}

void ptepage_user_show(struct task_struct *task, unsigned long va)
{
	struct page *ptepage;
	pte_t *map;
	int idx = pte_index(va), i;

	con_printf("pid %d (%s):\n", task->pid, task->comm);
	ptepage = user_pte_page(task->mm, va);
	if (!ptepage)
		return;
	map = kmap_local_page(ptepage);
	con_printf("  for 0x%08lx-0x%08lx, mapped at 0x%08lx\n", va & PGDIR_MASK,
		   (va & PGDIR_MASK) + PGDIR_SIZE - 1, (unsigned long)map);
	con_printf("  +0x000 Linux 1st MiB  +0x400 Linux 2nd MiB  +0x800 hw 1st MiB  "
		   "+0xc00 hw 2nd MiB\n");
	con_printf("  index  va          offset  Linux PTE   offset  hw PTE\n");
	for (i = max(idx - PTEPAGE_AROUND, 0); i <= min(idx + PTEPAGE_AROUND, PTRS_PER_PTE - 1); i++)
		con_printf("  %s%3d  0x%08lx  +0x%03x  0x%08x  +0x%03x  0x%08x\n", i == idx ? "*" : " ",
			   i, (va & PGDIR_MASK) + i * PAGE_SIZE, i * 4, pte_val(map[i]),
			   i * 4 + PTE_HWTABLE_OFF, *pte_hw(map + i));
	kunmap_local(map);
}
