/*
 * mm/vmalloc_test.c - self-tests of vmalloc, vfree and /proc/vmallocinfo
 * (ioremap's are in arch/arm/mm/ioremap_test.c), checked through the page tables (vtop_walk: the
 * hardware PTEs) and vmalloc_to_page (the Linux PTEs).
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/seq_file.h>
#include <asm/pgalloc.h>
#include <asm/pgd-decode.h>
#include <asm/vtop.h>
#include <string.h>

#define NR_TEST_PAGES   16
#define NR_HELD_PAGES   (2 * NR_TEST_PAGES)
#define TEST_PATTERN    0x766d616cu     /* "vmal" */
#define INFO_BUF_SIZE   2048

static struct page *held[NR_HELD_PAGES];

/*
 * Fragment the free lists on purpose: take 32 pages the way vmalloc
 * does, then give back the even page of each pair whose odd buddy we
 * keep, so the order-0 free list holds isolated pages that cannot merge.
 */
static void fragment_free_pages(void)
{
	int i, j;

	for (i = 0; i < NR_HELD_PAGES; i++)
		held[i] = alloc_pages(GFP_KERNEL | __GFP_HIGHMEM | __GFP_NOWARN, 0);
	for (i = 0; i < NR_HELD_PAGES; i++) {
		unsigned long pfn = held[i] ? page_to_pfn(held[i]) : 1;

		for (j = 0; j < NR_HELD_PAGES && !(pfn & 1); j++) {
			if (held[j] && page_to_pfn(held[j]) == pfn + 1) {
				__free_page(held[i]);
				held[i] = NULL;
				break;
			}
		}
	}
}

static void release_held_pages(void)
{
	int i;

	for (i = 0; i < NR_HELD_PAGES; i++)
		if (held[i])
			__free_page(held[i]);
	memset(held, 0, sizeof(held));
}

/* /proc/vmallocinfo as text, for the cases that read it. */
static char info[INFO_BUF_SIZE];

static const char *vmallocinfo_text(void)
{
	return dump_file_read("/proc/vmallocinfo", info, sizeof(info));
}

/*
 *   virtual:   | p0 | p1 | ... | p15 | guard |     contiguous
 *   physical:    pfn 0x..a  0x..6  0x..2 ...       scattered
 * Expect 16 mapped pages, RW and XN, each PTE naming the page vm->pages[]
 * holds, not all physically adjacent, data written reads back, the guard
 * page unmapped; after vfree no page is mapped and VmallocUsed is back.
 */
static void vmalloc_16_pages_scattered(struct ktest *t)
{
	unsigned long used = vmalloc_nr_pages(), pfn[NR_TEST_PAGES];
	int i, adjacent = 0, bad_pfn = 0, bad_data = 0;
	struct vtop_result r;
	struct vm_struct *vm;
	u32 *p;

	fragment_free_pages();
	p = vmalloc(NR_TEST_PAGES * PAGE_SIZE);
	KTEST_EXPECT_TRUE(t, p != NULL);
	if (!p)
		goto out;
	vm = find_vm_area(p);
	KTEST_EXPECT_EQ(t, vm->size, (NR_TEST_PAGES + 1) * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, vm->nr_pages, NR_TEST_PAGES);
	KTEST_EXPECT_EQ(t, vmalloc_nr_pages(), used + NR_TEST_PAGES);
	for (i = 0; i < NR_TEST_PAGES; i++) {
		unsigned long va = (unsigned long)p + i * PAGE_SIZE;

		KTEST_EXPECT_EQ(t, vtop_walk(va, &r), VTOP_PAGE);
		KTEST_EXPECT_TRUE(t, r.writable && !r.executable);
		pfn[i] = r.pa >> PAGE_SHIFT;
		bad_pfn += pfn[i] != page_to_pfn(vm->pages[i]) ||
			   vmalloc_to_page((void *)va) != vm->pages[i];
		adjacent += i && pfn[i] == pfn[i - 1] + 1;
	}
	printk("    # %s: pfns 0x%05lx 0x%05lx 0x%05lx 0x%05lx ... 0x%05lx, %d adjacent pairs\n",
	       t->name, pfn[0], pfn[1], pfn[2], pfn[3], pfn[NR_TEST_PAGES - 1], adjacent);
	KTEST_EXPECT_EQ(t, bad_pfn, 0);
	KTEST_EXPECT_TRUE(t, adjacent < NR_TEST_PAGES - 1);
	for (i = 0; i < NR_TEST_PAGES * (int)(PAGE_SIZE / 4); i++)
		p[i] = TEST_PATTERN ^ i;
	for (i = 0; i < NR_TEST_PAGES * (int)(PAGE_SIZE / 4); i++)
		bad_data += p[i] != (TEST_PATTERN ^ i);
	KTEST_EXPECT_EQ(t, bad_data, 0);
	KTEST_EXPECT_EQ(t, vtop_walk((unsigned long)p + NR_TEST_PAGES * PAGE_SIZE, &r), VTOP_FAULT);

	vfree(p);
	for (i = 0, bad_pfn = 0; i < NR_TEST_PAGES; i++)
		bad_pfn += vtop_walk((unsigned long)p + i * PAGE_SIZE, &r) != VTOP_FAULT;
	KTEST_EXPECT_EQ(t, bad_pfn, 0);
	KTEST_EXPECT_TRUE(t, find_vm_area(p) == NULL);
	KTEST_EXPECT_EQ(t, vmalloc_nr_pages(), used);
out:
	release_held_pages();
}

/*
 *   | a: 2 pages | guard |      one line in /proc/vmallocinfo:
 *   0xf0800000-0xf0803000   12288 vmallocinfo_counts_guard_page+0x../0x.. pages=2 vmalloc
 * Expect the size to include the guard page, as in Linux, and the caller
 * named as Linux's %pS names it (kallsyms): this function.
 */
static void vmallocinfo_counts_guard_page(struct ktest *t)
{
	void *a = vmalloc(2 * PAGE_SIZE);
	char line[96];

	KTEST_EXPECT_TRUE(t, a != NULL);
	if (!a)
		return;
	snprintf(line, sizeof(line), "0x%08lx-0x%08lx   12288 vmallocinfo_counts_guard_page+0x",
		 (unsigned long)a, (unsigned long)a + 3 * PAGE_SIZE);
	KTEST_EXPECT_TRUE(t, strstr(vmallocinfo_text(), line) != NULL);
	KTEST_EXPECT_TRUE(t, strstr(info, " pages=2 vmalloc\n") != NULL);
	vfree(a);
	KTEST_EXPECT_TRUE(t, strstr(vmallocinfo_text(), line) == NULL);
}

/* Expect a freed range to be the first one handed out again (lowest fit),
 * its PTE page reused, with the L1 bits of a kernel table. */
static void vmalloc_reuses_lowest_free_range(struct ktest *t)
{
	void *a = vmalloc(PAGE_SIZE), *b;
	pmd_t *pmd = pmd_off_k((unsigned long)a);

	KTEST_EXPECT_TRUE(t, a != NULL && is_vmalloc_addr(a));
	vfree(a);
	b = vmalloc(PAGE_SIZE);
	KTEST_EXPECT_TRUE(t, b == a);
	KTEST_EXPECT_EQ(t, pmd_val(*pmd) & ~PMD_TABLE_MASK, _PAGE_KERNEL_TABLE);
	vfree(b);
}

static struct ktest_case vmalloc_cases[] = {
	KTEST_CASE(vmalloc_16_pages_scattered),
	KTEST_CASE(vmallocinfo_counts_guard_page),
	KTEST_CASE(vmalloc_reuses_lowest_free_range),
	{}
};
KTEST_SUITE(vmalloc, vmalloc_cases, NULL);
