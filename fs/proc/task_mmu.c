/*
 * fs/proc/task_mmu.c - /proc/<pid>/maps, smaps and clear_refs, and the Vm*
 * lines of status (Linux: fs/proc/task_mmu.c, 6.1: show_map_vma,
 * show_smap, smaps_account, clear_refs_write, task_mem).
 *
 * The formats are Linux 6.1's byte for byte (Debian armmp: 32-bit, no THP,
 * no hugetlb, no soft-dirty, no pkeys):
 *
 *   00010000-00012000 r-xp 00000000 00:02 6          /bin/memtouch
 *   |start    end      perms pgoff   dev   ino        name from column 50
 *   (seq_setwidth 25 + 6 * sizeof(void *) - 1 = 48, then one space)
 *
 * An anonymous VMA without a name ends in the space after the inode, as
 * in Linux. smaps adds the counts of smaps_account() per present PTE,
 * found with walk_page_vma(); clear_refs 1 makes every PTE old.
 *
 * Differences from Linux 6.1:
 *  - VMAs are on mm->mmap (a list) rather than the maple tree;
 *  - clear_refs flushes the TLB entry of each PTE it makes old. Linux 6.1
 *    does not (since 5.12, for the young bit it relies on the next context
 *    switch); here a process stopped and continued keeps its ASID and its
 *    TLB entries, and the next access would not fault;
 *  - no idle page tracking (page_is_young), no swap, no locked pages;
 *  - status's RSS lines (VmRSS, RssAnon, ...) are exact. Linux 6.1 (with
 *    SPLIT_RSS_COUNTING, NR_CPUS >= 4 as on Debian's armmp) counts a task's
 *    own faults in a per-task cache that reaches the mm only every 64
 *    faults or at exit, so there a stopped process's VmRSS can lag far
 *    behind the sum of its smaps Rss (seen on Debian's 6.1: RssAnon 4 kB
 *    for memtouch at its first stop, smaps 60 kB); smaps is the one to
 *    compare.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/pagewalk.h>
#include <asm/tlbflush.h>
#include <string.h>
#include "internal.h"

void seq_put_decimal_ull_width(struct seq_file *m, const char *str,
			       unsigned long long v, unsigned int width)
{
	seq_printf(m, "%s%*llu", str, (int)width, v);
}

/* ---- status: the Vm* and Rss* lines (Linux task_mem) ------------------- */

#define SEQ_PUT_DEC(str, pages) seq_put_decimal_ull_width(m, str, K(pages), 8)

void task_mem(struct seq_file *m, struct mm_struct *mm)
{
	unsigned long anon = get_mm_counter(mm, MM_ANONPAGES);
	unsigned long file = get_mm_counter(mm, MM_FILEPAGES);
	unsigned long shmem = get_mm_counter(mm, MM_SHMEMPAGES);
	unsigned long total_rss = anon + file + shmem, text, lib;

	/* VmExe is the text segment; the rest of the executable VMAs is "lib" */
	text = PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);
	text = min(text, mm->exec_vm << PAGE_SHIFT);
	lib = (mm->exec_vm << PAGE_SHIFT) - text;
	SEQ_PUT_DEC("VmPeak:\t", max(mm->hiwater_vm, mm->total_vm));
	SEQ_PUT_DEC(" kB\nVmSize:\t", mm->total_vm);
	SEQ_PUT_DEC(" kB\nVmLck:\t", mm->locked_vm);
	SEQ_PUT_DEC(" kB\nVmPin:\t", mm->pinned_vm);
	SEQ_PUT_DEC(" kB\nVmHWM:\t", max(mm->hiwater_rss, total_rss));
	SEQ_PUT_DEC(" kB\nVmRSS:\t", total_rss);
	SEQ_PUT_DEC(" kB\nRssAnon:\t", anon);
	SEQ_PUT_DEC(" kB\nRssFile:\t", file);
	SEQ_PUT_DEC(" kB\nRssShmem:\t", shmem);
	SEQ_PUT_DEC(" kB\nVmData:\t", mm->data_vm);
	SEQ_PUT_DEC(" kB\nVmStk:\t", mm->stack_vm);
	seq_put_decimal_ull_width(m, " kB\nVmExe:\t", text >> 10, 8);
	seq_put_decimal_ull_width(m, " kB\nVmLib:\t", lib >> 10, 8);
	seq_put_decimal_ull_width(m, " kB\nVmPTE:\t", mm_pgtables_bytes(mm) >> 10, 8);
	SEQ_PUT_DEC(" kB\nVmSwap:\t", get_mm_counter(mm, MM_SWAPENTS));
	seq_puts(m, " kB\n");
	/* hugetlb_report_usage prints nothing: no CONFIG_HUGETLB_PAGE on ARM without LPAE */
}
#undef SEQ_PUT_DEC

unsigned long task_vsize(struct mm_struct *mm)
{
	return PAGE_SIZE * mm->total_vm;
}

unsigned long task_statm(struct mm_struct *mm, unsigned long *shared, unsigned long *text,
			 unsigned long *data, unsigned long *resident)
{
	*shared = get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_SHMEMPAGES);
	*text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;
	*data = mm->data_vm + mm->stack_vm;
	*resident = *shared + get_mm_counter(mm, MM_ANONPAGES);
	return mm->total_vm;
}

/* ---- maps ---------------------------------------------------------------- */

#define MAPS_NAME_COLUMN (25 + sizeof(void *) * 6 - 1)  /* Linux seq_setwidth in show_vma_header_prefix */

static bool is_gate_vma(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;

	return vma == get_gate_vma(mm);
}

/* The bracketed name Linux gives a VMA without a file, or NULL. */
static const char *vma_special_name(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;

	if (vma->vm_special_name)               /* vm_ops->name: special_mapping_name */
		return vma->vm_special_name;
	if (is_gate_vma(vma))                   /* ARM's arch_vma_name */
		return "[vectors]";
	if (!mm)
		return NULL;
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";                /* Linux is_stack() */
	return NULL;
}

void show_map_vma(struct seq_file *m, struct vm_area_struct *vma)
{
	struct inode *inode = vma->vm_file ? vma->vm_file->f_inode : NULL;
	unsigned long flags = vma->vm_flags;
	unsigned long long pgoff = 0;
	unsigned int major = 0, minor = 0;
	unsigned long ino = 0;
	const char *name;
	char line[80];
	int n;

	if (inode) {
		major = inode->i_dev_major;
		minor = inode->i_dev_minor;
		ino = inode->i_ino;
		pgoff = (unsigned long long)vma->vm_pgoff << PAGE_SHIFT;
	}
	n = snprintf(line, sizeof(line), "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ",
		     vma->vm_start, vma->vm_end,
		     flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		     flags & VM_EXEC ? 'x' : '-', flags & VM_MAYSHARE ? 's' : 'p',
		     pgoff, major, minor, ino);
	seq_puts(m, line);
	name = inode ? inode->i_path : vma_special_name(vma);
	if (name)       /* seq_pad: spaces up to the name column, then one more */
		seq_printf(m, "%*s%s", (int)(n < (int)MAPS_NAME_COLUMN ? MAPS_NAME_COLUMN - n : 0) + 1,
			   "", name);
	seq_puts(m, "\n");
}

int proc_pid_maps_show(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = task->mm;
	struct vm_area_struct *vma, *gate;

	if (!mm)
		return 0;
	list_for_each_entry(vma, &mm->mmap, vm_list)
		show_map_vma(m, vma);
	gate = get_gate_vma(mm);
	if (gate)
		show_map_vma(m, gate);
	return 0;
}

/* ---- smaps --------------------------------------------------------------- */

#define PSS_SHIFT 12    /* Linux: PSS kept in 1/4096 bytes so sharing divides evenly */

struct mem_size_stats {
	unsigned long resident, shared_clean, shared_dirty, private_clean, private_dirty;
	unsigned long referenced, anonymous, lazyfree, swap;
	u64 pss, pss_dirty, pss_locked, swap_pss;
};

/* Linux smaps_page_accumulate: one page's share into the sums. */
static void smaps_page_accumulate(struct mem_size_stats *mss, struct page *page,
				  unsigned long size, u64 pss, bool dirty, bool locked,
				  bool private)
{
	mss->pss += pss;
	if (locked)
		mss->pss_locked += pss;
	if (dirty || PageDirty(page)) {
		mss->pss_dirty += pss;
		if (private)
			mss->private_dirty += size;
		else
			mss->shared_dirty += size;
	} else if (private) {
		mss->private_clean += size;
	} else {
		mss->shared_clean += size;
	}
}

/*
 * Linux smaps_account for one 4 KiB page: a page only we hold
 * (page_count 1) or mapped once is private; one mapped by n > 1 adds 1/n
 * to Pss. dirty is the PTE's; a shmem page (the archive, tmpfs in Linux)
 * is PageDirty from the start, so it counts as dirty even when clean in
 * the PTE.
 */
static void smaps_account(struct mem_size_stats *mss, struct page *page, bool young,
			  bool dirty, bool locked)
{
	int mapcount;

	if (PageAnon(page)) {
		mss->anonymous += PAGE_SIZE;
		if (!PageSwapBacked(page) && !dirty && !PageDirty(page))
			mss->lazyfree += PAGE_SIZE;
	}
	mss->resident += PAGE_SIZE;
	if (young || PageReferenced(page))
		mss->referenced += PAGE_SIZE;
	if (page_ref_count(page) == 1) {
		smaps_page_accumulate(mss, page, PAGE_SIZE, (u64)PAGE_SIZE << PSS_SHIFT,
				      dirty, locked, true);
		return;
	}
	mapcount = page_mapcount(page);
	smaps_page_accumulate(mss, page, PAGE_SIZE,
			      ((u64)PAGE_SIZE << PSS_SHIFT) / (mapcount >= 2 ? mapcount : 1),
			      dirty, locked, mapcount < 2);
}

static int smaps_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			   struct mm_walk *walk)
{
	struct vm_area_struct *vma = walk->vma;
	pte_t ptent = *pte;
	struct page *page;

	if (!pte_present(ptent))        /* no swap entries here: nothing else to count */
		return 0;
	page = vm_normal_page(vma, addr, ptent);        /* NULL for the zero page */
	if (page)
		smaps_account(walk->private, page, pte_young(ptent), pte_dirty(ptent),
			      vma->vm_flags & VM_LOCKED);
	return 0;
}

static const struct mm_walk_ops smaps_walk_ops = {
	.pte_entry = smaps_pte_entry,
};

/* Linux show_smap_vma_flags: two letters per vm_flags bit, ARM 6.1's table. */
static void show_smap_vma_flags(struct seq_file *m, struct vm_area_struct *vma)
{
	static const char mnemonics[32][3] = {
		"rd", "wr", "ex", "sh", "mr", "mw", "me", "ms",         /* 0x00000001.. */
		"gd", "um", "pf", "??", "uw", "lo", "io", "sr",         /* 0x00000100.. */
		"rr", "dc", "de", "??", "ac", "nr", "ht", "sf",         /* 0x00010000.. */
		/* bit 27: VM_SOFTDIRTY is 0 in an ARM Linux (no MEM_SOFT_DIRTY): never shown */
		"ar", "wf", "dd", "",   "mm", "hg", "nh", "mg",         /* 0x01000000.. */
	};
	unsigned int i;

	seq_puts(m, "VmFlags: ");
	for (i = 0; i < 32; i++)
		if (mnemonics[i][0] && (vma->vm_flags & (1UL << i)))
			seq_printf(m, "%s ", mnemonics[i]);
	seq_puts(m, "\n");
}

#define SEQ_PUT_DEC(str, bytes) seq_put_decimal_ull_width(m, str, (bytes) >> 10, 8)

/* Linux __show_smap (not the rollup form). */
static void __show_smap(struct seq_file *m, const struct mem_size_stats *mss)
{
	SEQ_PUT_DEC("Rss:            ", mss->resident);
	SEQ_PUT_DEC(" kB\nPss:            ", mss->pss >> PSS_SHIFT);
	SEQ_PUT_DEC(" kB\nPss_Dirty:      ", mss->pss_dirty >> PSS_SHIFT);
	SEQ_PUT_DEC(" kB\nShared_Clean:   ", mss->shared_clean);
	SEQ_PUT_DEC(" kB\nShared_Dirty:   ", mss->shared_dirty);
	SEQ_PUT_DEC(" kB\nPrivate_Clean:  ", mss->private_clean);
	SEQ_PUT_DEC(" kB\nPrivate_Dirty:  ", mss->private_dirty);
	SEQ_PUT_DEC(" kB\nReferenced:     ", mss->referenced);
	SEQ_PUT_DEC(" kB\nAnonymous:      ", mss->anonymous);
	SEQ_PUT_DEC(" kB\nLazyFree:       ", mss->lazyfree);
	SEQ_PUT_DEC(" kB\nAnonHugePages:  ", 0UL);
	SEQ_PUT_DEC(" kB\nShmemPmdMapped: ", 0UL);
	SEQ_PUT_DEC(" kB\nFilePmdMapped:  ", 0UL);
	SEQ_PUT_DEC(" kB\nShared_Hugetlb: ", 0UL);
	seq_put_decimal_ull_width(m, " kB\nPrivate_Hugetlb: ", 0, 7);
	SEQ_PUT_DEC(" kB\nSwap:           ", mss->swap);
	SEQ_PUT_DEC(" kB\nSwapPss:        ", mss->swap_pss >> PSS_SHIFT);
	SEQ_PUT_DEC(" kB\nLocked:         ", mss->pss_locked >> PSS_SHIFT);
	seq_puts(m, " kB\n");
}

int show_smap(struct seq_file *m, struct vm_area_struct *vma)
{
	struct mem_size_stats mss;

	memset(&mss, 0, sizeof(mss));
	/* the gate VMA has no mm in Linux: walk_page_vma says -EINVAL, all 0 */
	if (!is_gate_vma(vma))
		walk_page_vma(vma, &smaps_walk_ops, &mss);
	show_map_vma(m, vma);
	SEQ_PUT_DEC("Size:           ", vma->vm_end - vma->vm_start);
	SEQ_PUT_DEC(" kB\nKernelPageSize: ", PAGE_SIZE);
	SEQ_PUT_DEC(" kB\nMMUPageSize:    ", PAGE_SIZE);
	seq_puts(m, " kB\n");
	__show_smap(m, &mss);
	seq_printf(m, "THPeligible:    %d\n", 0);   /* no THP on ARM without LPAE */
	show_smap_vma_flags(m, vma);
	return 0;
}
#undef SEQ_PUT_DEC

int proc_pid_smaps_show(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = task->mm;
	struct vm_area_struct *vma, *gate;

	if (!mm)
		return 0;
	list_for_each_entry(vma, &mm->mmap, vm_list)
		show_smap(m, vma);
	gate = get_gate_vma(mm);
	if (gate)
		show_smap(m, gate);
	return 0;
}

/* ---- clear_refs ---------------------------------------------------------- */

enum clear_refs_types {
	CLEAR_REFS_ALL = 1,             /* every page old */
	CLEAR_REFS_ANON,                /* anonymous VMAs only */
	CLEAR_REFS_MAPPED,              /* file VMAs only */
	CLEAR_REFS_SOFT_DIRTY,          /* nothing to clear: no soft-dirty on ARM */
	CLEAR_REFS_MM_HIWATER_RSS,      /* VmHWM := VmRSS */
	CLEAR_REFS_LAST,
};

struct clear_refs_private {
	enum clear_refs_types type;
};

/*
 * Linux clear_refs_pte_range, one PTE at a time: a present PTE of a normal
 * page becomes old (its hardware entry 0, pte-v7.c), so the next access
 * takes a young fault; the page's own referenced bit is cleared too.
 */
static int clear_refs_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
				struct mm_walk *walk)
{
	struct clear_refs_private *cp = walk->private;
	struct vm_area_struct *vma = walk->vma;
	struct page *page;

	if (cp->type == CLEAR_REFS_SOFT_DIRTY || !pte_present(*pte))
		return 0;
	page = vm_normal_page(vma, addr, *pte);
	if (!page)
		return 0;
	if (ptep_test_and_clear_young(vma, addr, pte))
		flush_tlb_page(vma, addr);      /* see the header: Linux leaves it to the next switch */
	ClearPageReferenced(page);
	return 0;
}

/* Linux clear_refs_test_walk: 2 skips file VMAs, 3 anonymous ones. */
static int clear_refs_test_walk(unsigned long start, unsigned long end, struct mm_walk *walk)
{
	struct clear_refs_private *cp = walk->private;
	struct vm_area_struct *vma = walk->vma;

	if (vma->vm_flags & VM_PFNMAP)
		return 1;
	if (cp->type == CLEAR_REFS_ANON && vma->vm_file)
		return 1;
	if (cp->type == CLEAR_REFS_MAPPED && !vma->vm_file)
		return 1;
	return 0;
}

static const struct mm_walk_ops clear_refs_walk_ops = {
	.pte_entry = clear_refs_pte_entry,
	.test_walk = clear_refs_test_walk,
};

/* Linux clear_refs_write: what `echo VALUE > /proc/<pid>/clear_refs` does. */
int clear_refs_write(struct task_struct *task, const char *value)
{
	struct clear_refs_private cp;
	struct mm_struct *mm = task->mm;
	char buf[16];
	size_t len;
	int itype, rv;

	/* Linux strips surrounding white space (strstrip), then kstrtoint base 10 */
	while (*value == ' ' || *value == '\t' || *value == '\n')
		value++;
	len = strlen(value);
	if (len >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, value, len + 1);
	while (len && (buf[len - 1] == ' ' || buf[len - 1] == '\n' || buf[len - 1] == '\t'))
		buf[--len] = '\0';
	rv = kstrtoint(buf, 10, &itype);
	if (rv < 0)
		return rv;
	if (itype < CLEAR_REFS_ALL || itype >= CLEAR_REFS_LAST)
		return -EINVAL;
	if (!mm)
		return 0;
	cp.type = itype;
	if (cp.type == CLEAR_REFS_MM_HIWATER_RSS) {
		mm->hiwater_rss = get_mm_rss(mm);       /* Linux reset_mm_hiwater_rss */
		return 0;
	}
	walk_page_range(mm, 0, ~0UL, &clear_refs_walk_ops, &cp);
	if (cp.type == CLEAR_REFS_SOFT_DIRTY)
		flush_tlb_mm(mm);
	return 0;
}
