/*
 * mm/highmem_test.c - self-tests of kmap() and kmap_local_page() on real
 * HighMem pages, checked through the page tables (vtop_walk). Boards with
 * no HighMem (vexpress-a9 at 512M or less) report the HighMem cases as
 * "# SKIP" with the reason.
 */
#include <linux/ktest.h>
#include <linux/highmem.h>
#include <asm/highmem.h>
#include <asm/fixmap.h>
#include <asm/pgalloc.h>
#include <asm/vtop.h>
#include <string.h>

#define TEST_PATTERN 0x6b6d6170u      /* "kmap" */
#define WORDS_PER_PAGE (PAGE_SIZE / sizeof(u32))

/* A fresh HighMem page, or NULL after marking the case skipped. */
static struct page *alloc_highmem_page(struct ktest *t)
{
	struct page *page;

	if (!totalhigh_pages()) {
		ktest_skip(t, "no HighMem on this board (all RAM is lowmem)");
		return NULL;
	}
	page = alloc_pages(GFP_HIGHUSER, 0);
	if (page && !PageHighMem(page)) {
		__free_page(page);
		page = NULL;
	}
	if (!page)
		ktest_skip(t, "no free HighMem page");
	return page;
}

static void fill_page(u32 *p, u32 seed)
{
	unsigned int i;

	for (i = 0; i < WORDS_PER_PAGE; i++)
		p[i] = seed ^ i;
}

/* Words of the page that differ from what fill_page(seed) wrote. */
static int check_page(const u32 *p, u32 seed)
{
	unsigned int i;
	int bad = 0;

	for (i = 0; i < WORDS_PER_PAGE; i++)
		bad += p[i] != (seed ^ i);
	return bad;
}

/* va is a 4 KiB kernel RW, XN mapping of page. */
static void expect_maps(struct ktest *t, unsigned long va, struct page *page)
{
	struct vtop_result r;

	KTEST_EXPECT_EQ(t, vtop_walk(va, &r), VTOP_PAGE);
	KTEST_EXPECT_EQ(t, r.pa, page_to_phys(page));
	KTEST_EXPECT_TRUE(t, r.writable && !r.executable);
}

/*
 *   HighMem page --kmap--> PKMAP slot nr --write--> kunmap: count 1, still mapped
 *   --kmap_flush_unused--> PTE cleared --kmap_local_page--> fixmap slot 0 --read
 * Expect the pattern written through the PKMAP address to be read back
 * through the fixmap address, page_address() to follow the PKMAP state,
 * and each address to fault once unmapped.
 */
static void kmap_then_kmap_local_same_data(struct ktest *t)
{
	struct page *page = alloc_highmem_page(t);
	unsigned long va, local;
	struct vtop_result r;

	if (!page)
		return;
	va = (unsigned long)kmap(page);
	KTEST_EXPECT_TRUE(t, va >= PKMAP_BASE && va < PAGE_OFFSET);
	KTEST_EXPECT_EQ(t, (unsigned long)page_address(page), va);
	KTEST_EXPECT_EQ(t, pkmap_slot_count(PKMAP_NR(va)), 2);
	expect_maps(t, va, page);
	fill_page((u32 *)va, TEST_PATTERN);
	kunmap(page);
	KTEST_EXPECT_EQ(t, pkmap_slot_count(PKMAP_NR(va)), 1);
	KTEST_EXPECT_EQ(t, (unsigned long)page_address(page), va);   /* lazy */
	kmap_flush_unused();
	KTEST_EXPECT_EQ(t, pkmap_slot_count(PKMAP_NR(va)), 0);
	KTEST_EXPECT_TRUE(t, page_address(page) == NULL);
	KTEST_EXPECT_EQ(t, vtop_walk(va, &r), VTOP_FAULT);

	/* Linux 6.1's first kmap_local slot: a page below FIX_EARLYCON_MEM_BASE */
	local = (unsigned long)kmap_local_page(page);
	KTEST_EXPECT_EQ(t, local, 0xffefe000);
	expect_maps(t, local, page);
	KTEST_EXPECT_EQ(t, check_page((u32 *)local, TEST_PATTERN), 0);
	kunmap_local((void *)local);
	KTEST_EXPECT_EQ(t, vtop_walk(local, &r), VTOP_FAULT);
	KTEST_EXPECT_EQ(t, kmap_local_depth(), 0);
	__free_page(page);
}

/*
 *   kmap(page) = P;  kmap_local_page(page) = P again (ARM's kmap_high_get)
 * Expect no fixmap slot to be used, the slot count to go 2 -> 3 -> 2 -> 1.
 */
static void kmap_local_borrows_pkmap_address(struct ktest *t)
{
	struct page *page = alloc_highmem_page(t);
	void *va, *local;

	if (!page)
		return;
	va = kmap(page);
	local = kmap_local_page(page);
	KTEST_EXPECT_TRUE(t, local == va);
	KTEST_EXPECT_EQ(t, kmap_local_depth(), 0);
	KTEST_EXPECT_EQ(t, pkmap_slot_count(PKMAP_NR((unsigned long)va)), 3);
	kunmap_local(local);
	KTEST_EXPECT_EQ(t, pkmap_slot_count(PKMAP_NR((unsigned long)va)), 2);
	kunmap(page);
	KTEST_EXPECT_EQ(t, pkmap_slot_count(PKMAP_NR((unsigned long)va)), 1);
	kmap_flush_unused();
	__free_page(page);
}

/*
 *   fixmap:  ... | slot 1 = b | slot 0 = a |   (0xffefe000 = slot 0)
 * Expect nested kmap_local_page() calls to take consecutive slots
 * downwards, each mapping its own page, and LIFO unmapping to clear both.
 */
static void kmap_local_nests_downwards(struct ktest *t)
{
	struct page *p1 = alloc_highmem_page(t), *p2;
	unsigned long a, b;
	struct vtop_result r;

	if (!p1)
		return;
	p2 = alloc_highmem_page(t);
	if (!p2) {
		__free_page(p1);
		return;
	}
	a = (unsigned long)kmap_local_page(p1);
	b = (unsigned long)kmap_local_page(p2);
	KTEST_EXPECT_EQ(t, b, a - PAGE_SIZE);
	KTEST_EXPECT_EQ(t, kmap_local_depth(), 2);
	expect_maps(t, a, p1);
	expect_maps(t, b, p2);
	fill_page((u32 *)b, ~TEST_PATTERN);
	KTEST_EXPECT_EQ(t, check_page((u32 *)b, ~TEST_PATTERN), 0);
	kunmap_local((void *)b);
	kunmap_local((void *)a);
	KTEST_EXPECT_EQ(t, vtop_walk(a, &r), VTOP_FAULT);
	KTEST_EXPECT_EQ(t, vtop_walk(b, &r), VTOP_FAULT);
	KTEST_EXPECT_EQ(t, kmap_local_depth(), 0);
	__free_page(p2);
	__free_page(p1);
}

/* Expect kmap and kmap_local_page of a lowmem page to be its linear-map
 * address, with no slot taken. */
static void kmap_lowmem_is_linear_map(struct ktest *t)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);

	KTEST_EXPECT_TRUE(t, page != NULL);
	if (!page)
		return;
	KTEST_EXPECT_TRUE(t, kmap(page) == lowmem_page_address(page));
	KTEST_EXPECT_TRUE(t, kmap_local_page(page) == lowmem_page_address(page));
	KTEST_EXPECT_EQ(t, kmap_local_depth(), 0);
	kunmap_local(lowmem_page_address(page));
	kunmap(page);
	__free_page(page);
}

/*
 *   pgd[0x5ff] 0xbfe00000 -> pkmap_page_table (+0x800, +0xc00)
 *   pgd[0x7ff] 0xffe00000 -> the vectors' PTE page = the kmap_local slots'
 * Expect kmap_init to have hooked up PKMAP's PTE page with page-table L1
 * words (ARM ARM B3.5.1: bits 1:0 = 01, domain in bits 8:5 = 0, the
 * kernel's; bit 4 SBZ, clear here where Linux sets PMD_BIT4: see
 * _PAGE_KERNEL_TABLE in asm/pgalloc.h), and the fixmap slots'
 * MiB (L1 0xffe) and the vectors' (L1 0xfff) to be the two halves of one
 * PTE page, as set up by early_pte_alloc for the vectors.
 */
static void kmap_init_page_tables(struct ktest *t)
{
	pmd_t *pkmap = pmd_off_k(PKMAP_BASE);
	u32 *l1 = (u32 *)swapper_pg_dir;
	u32 d = pmd_val(pkmap[0]);

	KTEST_EXPECT_EQ(t, d & PMD_TABLE_MASK, __pa(pkmap_page_table) + 0x800);
	KTEST_EXPECT_EQ(t, pmd_val(pkmap[1]) & PMD_TABLE_MASK, __pa(pkmap_page_table) + 0xc00);
	KTEST_EXPECT_EQ(t, d & 3, 1);
	KTEST_EXPECT_EQ(t, (d >> 5) & 0xf, 0);
	KTEST_EXPECT_EQ(t, (d >> 4) & 1, 0);
	KTEST_EXPECT_EQ(t, l1[0xffe] & 3, 1);
	KTEST_EXPECT_EQ(t, (l1[0xffe] & PMD_TABLE_MASK) + 0x400, l1[0xfff] & PMD_TABLE_MASK);
}

static struct page *pkmap_test_pages[LAST_PKMAP + 1];

/*
 *   512 PKMAP slots: | busy | busy | ... | busy |  + one more kmap
 * Expect every free slot to be handed out once, then kmap() to return
 * NULL (Linux would sleep), and all slots to come back after kunmap.
 */
static void kmap_all_slots_busy_returns_null(struct ktest *t)
{
	int i, n = 0, busy = 0, mapped = 0;

	if (!totalhigh_pages()) {
		ktest_skip(t, "no HighMem on this board (all RAM is lowmem)");
		return;
	}
	memset(pkmap_test_pages, 0, sizeof(pkmap_test_pages));
	for (i = 0; i < LAST_PKMAP; i++)
		busy += pkmap_slot_count(i) >= 2;
	for (n = 0; n <= LAST_PKMAP - busy; n++) {
		pkmap_test_pages[n] = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN, 0);
		if (!pkmap_test_pages[n] || !PageHighMem(pkmap_test_pages[n]))
			break;
	}
	if (n <= LAST_PKMAP - busy) {
		ktest_skip(t, "not enough free HighMem pages");
	} else {
		for (i = 0; i < n; i++)
			mapped += kmap(pkmap_test_pages[i]) != NULL;
		KTEST_EXPECT_EQ(t, mapped, LAST_PKMAP - busy);
		for (i = 0; i < mapped; i++)
			kunmap(pkmap_test_pages[i]);
		kmap_flush_unused();
	}
	for (i = 0; i <= LAST_PKMAP; i++)
		if (pkmap_test_pages[i])
			__free_page(pkmap_test_pages[i]);
}

static struct ktest_case highmem_cases[] = {
	KTEST_CASE(kmap_init_page_tables),
	KTEST_CASE(kmap_lowmem_is_linear_map),
	KTEST_CASE(kmap_then_kmap_local_same_data),
	KTEST_CASE(kmap_local_borrows_pkmap_address),
	KTEST_CASE(kmap_local_nests_downwards),
	KTEST_CASE(kmap_all_slots_busy_returns_null),
	{}
};

static void highmem_test_init(void)
{
	kmap_flush_unused();     /* every case starts with no lazy slots */
}
KTEST_SUITE(highmem_kmap, highmem_cases, highmem_test_init);
