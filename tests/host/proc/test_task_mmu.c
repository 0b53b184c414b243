/*
 * tests/host/proc/test_task_mmu.c - fs/proc/task_mmu.c against texts
 * written out by hand from Linux 6.1's format strings (show_vma_header_
 * prefix + seq_pad, __show_smap, task_mem) and its counting rules
 * (smaps_account, clear_refs_pte_range, clear_refs_write).
 *
 * The VMAs, their PTEs and pages are built here; walk_page_vma and
 * walk_page_range call the pte_entry callback for each PTE of the array
 * below that lies in the walked VMA, which is what mm/pagewalk.c does on
 * the real page tables.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagewalk.h>
#include "../../../fs/proc/internal.h"

#define BASE_PFN 0x60000UL

static struct mm_struct mm;
static struct vm_area_struct text, data, anon, stack, gate;
static struct page pages[8];            /* pfn BASE_PFN + i */
static pte_t ptes[16];                  /* one per page of the test's VMAs */
static unsigned long pte_addr[16];
static int nr_ptes, flushes;

/* ---- what mm/ would provide ---- */
struct vm_area_struct *get_gate_vma(struct mm_struct *m) { (void)m; return &gate; }

struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	(void)vma; (void)addr;
	return pfn == 0x7fff8 ? NULL : &pages[pfn - BASE_PFN];  /* 0x7fff8: the zero page */
}

int ptep_test_and_clear_young(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep)
{
	int young = pte_young(*ptep);

	(void)vma; (void)addr;
	*ptep = __pte(pte_val(*ptep) & ~L_PTE_YOUNG);
	return young;
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr) { (void)vma; (void)addr; flushes++; }
void flush_tlb_mm(struct mm_struct *m) { (void)m; }

static int walk_one(struct vm_area_struct *vma, const struct mm_walk_ops *ops, void *priv)
{
	struct mm_walk walk = { .ops = ops, .mm = &mm, .vma = vma, .private = priv };
	int i;

	if (ops->test_walk && ops->test_walk(vma->vm_start, vma->vm_end, &walk))
		return 0;
	for (i = 0; i < nr_ptes; i++)
		if (pte_addr[i] >= vma->vm_start && pte_addr[i] < vma->vm_end)
			ops->pte_entry(&ptes[i], pte_addr[i], pte_addr[i] + PAGE_SIZE, &walk);
	return 0;
}

int walk_page_vma(struct vm_area_struct *vma, const struct mm_walk_ops *ops, void *priv)
{
	return walk_one(vma, ops, priv);
}

int walk_page_range(struct mm_struct *m, unsigned long start, unsigned long end,
		    const struct mm_walk_ops *ops, void *priv)
{
	struct vm_area_struct *vma;

	(void)start; (void)end;
	list_for_each_entry(vma, &m->mmap, vm_list)
		walk_one(vma, ops, priv);
	return 0;
}

/* ---- the scene ---- */
static struct inode inode = { .i_ino = 724, .i_dev_major = 0, .i_dev_minor = 1,
			      .i_path = "/bin/memtouch" };
static struct file file = { .f_inode = &inode };

static void vma_init(struct vm_area_struct *v, unsigned long start, unsigned long end,
		     unsigned long flags, struct file *f, unsigned long pgoff)
{
	*v = (struct vm_area_struct){ .vm_start = start, .vm_end = end, .vm_flags = flags,
				      .vm_mm = &mm, .vm_file = f, .vm_pgoff = pgoff };
	if (v != &gate)
		list_add_tail(&v->vm_list, &mm.mmap);
}

static void map(unsigned long addr, unsigned long pfn, pteval_t bits)
{
	pte_addr[nr_ptes] = addr;
	ptes[nr_ptes++] = __pte((pfn << PAGE_SHIFT) | L_PTE_PRESENT | L_PTE_USER | bits);
}

/* A page's state: anon or shmem (page cache, PageDirty), mapcount, refcount. */
static void page_init(int i, bool is_anon, int mapcount, int refcount)
{
	pages[i] = (struct page){ ._refcount = refcount };
	pages[i]._mapcount = mapcount - 1;
	pages[i].mapping = is_anon ? (struct address_space *)PAGE_MAPPING_ANON
				   : &inode.i_data_mapping;
	SetPageSwapBacked(&pages[i]);
	if (!is_anon)
		SetPageDirty(&pages[i]);
}

static int setup(void **state)
{
	(void)state;
	memset(&mm, 0, sizeof(mm));
	INIT_LIST_HEAD(&mm.mmap);
	nr_ptes = flushes = 0;
	vma_init(&text, 0x10000, 0x11000, VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYWRITE |
		 VM_MAYEXEC, &file, 0);
	vma_init(&data, 0x12000, 0x14000, VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE |
		 VM_MAYEXEC | VM_ACCOUNT, &file, 2);
	vma_init(&anon, 0xb6fef000, 0xb6fff000, VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE |
		 VM_MAYEXEC | VM_ACCOUNT, NULL, 0xb6fef);
	vma_init(&stack, 0xbefdf000, 0xbf000000, VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE |
		 VM_MAYEXEC | VM_GROWSDOWN | VM_ACCOUNT, NULL, 0xbefdf);
	vma_init(&gate, 0xffff0000, 0xffff1000, VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC,
		 NULL, 0);
	gate.vm_mm = NULL;
	mm.start_stack = 0xbefffe50;
	mm.start_brk = mm.brk = 0x15000;
	/* text: a shmem page mapped by two (Pss halves), young, clean PTE */
	page_init(0, false, 2, 3);
	map(0x10000, BASE_PFN + 0, L_PTE_YOUNG | L_PTE_RDONLY);
	/* data: page 0 its own COW copy (anon, dirty); page 1 the file's, old */
	page_init(1, true, 1, 1);
	map(0x12000, BASE_PFN + 1, L_PTE_YOUNG | L_PTE_DIRTY);
	page_init(2, false, 1, 2);
	map(0x13000, BASE_PFN + 2, L_PTE_RDONLY);
	/* anon: two zero-page reads (not counted), one written page */
	map(0xb6fef000, 0x7fff8, L_PTE_YOUNG | L_PTE_RDONLY);
	map(0xb6ff0000, 0x7fff8, L_PTE_YOUNG | L_PTE_RDONLY);
	page_init(3, true, 1, 1);
	map(0xb6ff3000, BASE_PFN + 3, L_PTE_YOUNG | L_PTE_DIRTY);
	return 0;
}

static char buf[8192];

static const char *show_all(int (*show)(struct seq_file *m, struct task_struct *t))
{
	struct task_struct task = { .mm = &mm, .pid = 1 };
	struct seq_file m;

	seq_buf_init(&m, buf, sizeof(buf));
	show(&m, &task);
	return buf;
}

/* Expect Linux's maps: the name from column 50 (48 + a space), an unnamed
 * VMA ending in the space after its inode, [stack] by start_stack and
 * [vectors] for the gate VMA, listed last. */
static void maps_lines(void **state)
{
	(void)state;
	assert_string_equal(show_all(proc_pid_maps_show),
		"00010000-00011000 r-xp 00000000 00:01 724        /bin/memtouch\n"
		"00012000-00014000 rw-p 00002000 00:01 724        /bin/memtouch\n"
		"b6fef000-b6fff000 rw-p 00000000 00:00 0 \n"
		"befdf000-bf000000 rw-p 00000000 00:00 0          [stack]\n"
		"ffff0000-ffff1000 r-xp 00000000 00:00 0          [vectors]\n");
}

/*
 * text: shared shmem page (mapcount 2): Rss 4, Pss 2, Shared_Dirty 4 (PageDirty),
 *       Referenced 4 (young PTE).
 * data: anon copy (private dirty, young) + file page (mapcount 1: private,
 *       PageDirty, old): Rss 8, Pss 8, Private_Dirty 8, Referenced 4, Anonymous 4.
 */
static void smaps_counts(void **state)
{
	struct seq_file m;

	(void)state;
	seq_buf_init(&m, buf, sizeof(buf));
	show_smap(&m, &data);
	assert_string_equal(buf,
		"00012000-00014000 rw-p 00002000 00:01 724        /bin/memtouch\n"
		"Size:                  8 kB\n"
		"KernelPageSize:        4 kB\n"
		"MMUPageSize:           4 kB\n"
		"Rss:                   8 kB\n"
		"Pss:                   8 kB\n"
		"Pss_Dirty:             8 kB\n"
		"Shared_Clean:          0 kB\n"
		"Shared_Dirty:          0 kB\n"
		"Private_Clean:         0 kB\n"
		"Private_Dirty:         8 kB\n"
		"Referenced:            4 kB\n"
		"Anonymous:             4 kB\n"
		"LazyFree:              0 kB\n"
		"AnonHugePages:         0 kB\n"
		"ShmemPmdMapped:        0 kB\n"
		"FilePmdMapped:         0 kB\n"
		"Shared_Hugetlb:        0 kB\n"
		"Private_Hugetlb:       0 kB\n"
		"Swap:                  0 kB\n"
		"SwapPss:               0 kB\n"
		"Locked:                0 kB\n"
		"THPeligible:    0\n"
		"VmFlags: rd wr mr mw me ac \n");
	seq_buf_init(&m, buf, sizeof(buf));
	show_smap(&m, &text);
	assert_non_null(strstr(buf, "\nRss:                   4 kB\nPss:                   2 kB\n"
				    "Pss_Dirty:             2 kB\nShared_Clean:          0 kB\n"
				    "Shared_Dirty:          4 kB\nPrivate_Clean:         0 kB\n"
				    "Private_Dirty:         0 kB\nReferenced:            4 kB\n"));
	assert_non_null(strstr(buf, "VmFlags: rd ex mr mw me \n"));
	seq_buf_init(&m, buf, sizeof(buf));
	show_smap(&m, &anon);           /* the zero-page PTEs count for nothing */
	assert_non_null(strstr(buf, "\nRss:                   4 kB\n"));
	assert_non_null(strstr(buf, "\nAnonymous:             4 kB\n"));
}

/* clear_refs 1 makes the young PTEs of normal pages old, each flushed;
 * the zero page's stay young. 0, 6 and words are EINVAL; 3 only file VMAs. */
static void clear_refs_rules(void **state)
{
	struct task_struct task = { .mm = &mm, .pid = 1 };

	(void)state;
	assert_int_equal(clear_refs_write(&task, "0\n"), -EINVAL);
	assert_int_equal(clear_refs_write(&task, "6\n"), -EINVAL);
	assert_int_equal(clear_refs_write(&task, "abc\n"), -EINVAL);
	assert_int_equal(clear_refs_write(&task, "3\n"), 0);    /* file VMAs: text, data */
	assert_int_equal(flushes, 2);
	assert_true(pte_young(ptes[5]));                        /* the anon page: untouched */
	assert_int_equal(clear_refs_write(&task, " 1\n"), 0);
	assert_int_equal(flushes, 3);
	assert_false(pte_young(ptes[0]) || pte_young(ptes[1]) || pte_young(ptes[5]));
	assert_true(pte_young(ptes[3]) && pte_young(ptes[4]));  /* zero page: skipped */
	mm.hiwater_rss = 100;
	mm.rss_stat[MM_ANONPAGES] = 2;
	assert_int_equal(clear_refs_write(&task, "5"), 0);
	assert_int_equal(mm.hiwater_rss, 2);
}

/* task_mem: VmExe is the text, VmLib the rest of exec_vm, widths 8. */
static void status_vm_lines(void **state)
{
	struct seq_file m;

	(void)state;
	mm.total_vm = 57;
	mm.exec_vm = 2;
	mm.start_code = 0x10000;
	mm.end_code = 0x10b14;
	mm.rss_stat[MM_ANONPAGES] = 15;
	mm.rss_stat[MM_SHMEMPAGES] = 2;
	mm.pgtables_bytes = 3 * 2048;
	seq_buf_init(&m, buf, sizeof(buf));
	task_mem(&m, &mm);
	assert_string_equal(buf,
		"VmPeak:\t     228 kB\nVmSize:\t     228 kB\nVmLck:\t       0 kB\n"
		"VmPin:\t       0 kB\nVmHWM:\t      68 kB\nVmRSS:\t      68 kB\n"
		"RssAnon:\t      60 kB\nRssFile:\t       0 kB\nRssShmem:\t       8 kB\n"
		"VmData:\t       0 kB\nVmStk:\t       0 kB\nVmExe:\t       4 kB\n"
		"VmLib:\t       4 kB\nVmPTE:\t       6 kB\nVmSwap:\t       0 kB\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(maps_lines, setup),
		cmocka_unit_test_setup(smaps_counts, setup),
		cmocka_unit_test_setup(clear_refs_rules, setup),
		cmocka_unit_test_setup(status_vm_lines, setup),
	};

	return cmocka_run_group_tests_name("proc", tests, NULL, NULL);
}
