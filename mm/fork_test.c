/*
 * mm/fork_test.c - self-tests of fork's address-space copy and of copy on
 * write (KTAP, boot argument "selftest"): dup_mm (kernel/fork.c dup_mmap,
 * mm/memory_fork.c copy_page_range) on an mm built here, then writes
 * through get_user_pages_remote, which fault as a user write does
 * (mm/memory.c do_wp_page). No task runs: the mms are only walked.
 *
 *   parent mm                                   child mm (dup_mm)
 *   A  3 pages: written, written, read (zero)   same PTEs, all read-only
 *   B  1 page: read only (no anon_vma)          no PTE: faulted in later
 *   C  1 page: written, VM_DONTCOPY             no VMA
 *   D  1 page: written, VM_WIPEONFORK           the VMA, no PTE
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/highmem.h>
#include <asm/pgtable.h>

#define NPAGES_A 3

struct fork_env {
	struct mm_struct *mm;
	unsigned long a, b, c, d;       /* the four VMAs' starts */
};

/* The PTE at addr (0 if it has no PTE page). */
static pte_t pte_at(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = pmd_offset_pgd(pgd_offset(mm, addr));
	pte_t *ptep, pte;

	if (pmd_none(*pmd))
		return __pte(0);
	ptep = pte_offset_map(pmd, addr);
	pte = *ptep;
	pte_unmap(ptep);
	return pte;
}

/* Fault addr in for a write (FOLL_WRITE) or a read; the page, unreferenced. */
static struct page *touch(struct ktest *t, struct mm_struct *mm, unsigned long addr, bool write)
{
	struct page *page = NULL;

	if (get_user_pages_remote(mm, addr, 1, write ? FOLL_WRITE : 0, &page) != 1) {
		ktest_fail(t, __FILE__, __LINE__, "fault at %08lx failed", addr);
		return NULL;
	}
	put_page(page);
	return page;
}

/* The first byte of a page, through kmap_local (it may be HighMem). */
static unsigned char peek(struct page *page)
{
	unsigned char *p = kmap_local_page(page), v = *p;

	kunmap_local(p);
	return v;
}

static void poke(struct page *page, unsigned char v)
{
	unsigned char *p = kmap_local_page(page);

	*p = v;
	kunmap_local(p);
}

/* Anonymous private RW pages at addr: MAP_FIXED, 64 KiB apart, so that
 * the VMAs stay apart (neighbours with equal flags would merge). */
#define TEST_BASE 0x40000000UL
static unsigned long map(struct mm_struct *mm, int n, unsigned long pages)
{
	return do_mmap(mm, NULL, TEST_BASE + n * 0x10000UL, pages * PAGE_SIZE,
		       PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, 0);
}

/* The parent of the picture above. false: out of memory (skipped), or
 * failed. e->mm is for the caller to mmput either way. */
static bool make_parent(struct ktest *t, struct fork_env *e)
{
	struct page *p;

	e->mm = mm_alloc();
	if (!e->mm) {
		ktest_skip(t, "mm_alloc: out of memory");
		return false;
	}
	e->a = map(e->mm, 0, NPAGES_A);
	e->b = map(e->mm, 1, 1);
	e->c = map(e->mm, 2, 1);
	e->d = map(e->mm, 3, 1);
	if (IS_ERR_VALUE(e->a) || IS_ERR_VALUE(e->b) || IS_ERR_VALUE(e->c) || IS_ERR_VALUE(e->d)) {
		ktest_fail(t, __FILE__, __LINE__, "do_mmap failed");
		return false;
	}
	if ((p = touch(t, e->mm, e->a, true)))
		poke(p, 0xa0);
	if ((p = touch(t, e->mm, e->a + PAGE_SIZE, true)))
		poke(p, 0xa1);
	touch(t, e->mm, e->a + 2 * PAGE_SIZE, false);
	touch(t, e->mm, e->b, false);
	touch(t, e->mm, e->c, true);
	touch(t, e->mm, e->d, true);
	vma_lookup(e->mm, e->c)->vm_flags |= VM_DONTCOPY;
	vma_lookup(e->mm, e->d)->vm_flags |= VM_WIPEONFORK;
	return true;
}

/*
 * Expect: the child's written pages of A map the parent's frames, both
 * PTEs read-only, the child's old; each page mapcount 2 and refcount 2;
 * the zero page copied as it is (no counts); B, C's VMA and D's PTE not
 * copied; the child's RSS the three anon pages of A.
 */
static void dup_mm_copies_ptes_read_only(struct ktest *t)
{
	struct fork_env e = { 0 };
	struct mm_struct *child;
	unsigned long before = nr_free_pages();
	int i;

	if (!make_parent(t, &e))
		goto out;
	child = dup_mm(NULL, e.mm);
	KTEST_EXPECT_TRUE(t, child != NULL);
	if (!child)
		goto out;
	for (i = 0; i < NPAGES_A; i++) {
		unsigned long addr = e.a + i * PAGE_SIZE;
		pte_t pp = pte_at(e.mm, addr), cp = pte_at(child, addr);

		KTEST_EXPECT_TRUE(t, pte_present(pp) && pte_present(cp));
		KTEST_EXPECT_EQ(t, pte_pfn(pp), pte_pfn(cp));
		KTEST_EXPECT_TRUE(t, !pte_write(pp) && !pte_write(cp));
		KTEST_EXPECT_TRUE(t, pte_young(pp) && !pte_young(cp));
		if (i < 2) {
			struct page *page = pfn_to_page(pte_pfn(pp));

			KTEST_EXPECT_EQ(t, page_mapcount(page), 2);
			KTEST_EXPECT_EQ(t, page_ref_count(page), 2);
			KTEST_EXPECT_TRUE(t, PageAnon(page));
		} else {
			KTEST_EXPECT_EQ(t, pte_pfn(pp), page_to_pfn(ZERO_PAGE(0)));
		}
	}
	KTEST_EXPECT_TRUE(t, pte_none(pte_at(child, e.b)));
	KTEST_EXPECT_TRUE(t, vma_lookup(child, e.b) != NULL);
	KTEST_EXPECT_TRUE(t, vma_lookup(child, e.c) == NULL);
	KTEST_EXPECT_TRUE(t, vma_lookup(child, e.d) != NULL);
	KTEST_EXPECT_TRUE(t, pte_none(pte_at(child, e.d)));
	KTEST_EXPECT_TRUE(t, pte_write(pte_at(e.mm, e.c)));     /* not touched by fork */
	KTEST_EXPECT_EQ(t, get_mm_counter(child, MM_ANONPAGES), 2);
	KTEST_EXPECT_EQ(t, child->map_count, e.mm->map_count - 1);
	KTEST_EXPECT_EQ(t, child->total_vm, e.mm->total_vm - 1);
	mmput(child);
	KTEST_EXPECT_EQ(t, page_mapcount(pfn_to_page(pte_pfn(pte_at(e.mm, e.a)))), 1);
out:
	if (e.mm)
		mmput(e.mm);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/*
 * Expect: the child's write to a shared page copies it (new frame, same
 * contents, writable, young, dirty), the parent keeps the old frame,
 * read-only, now mapped once; a write to the zero page gets a new page;
 * once the child is gone, the parent's write reuses its page in place.
 */
static void do_wp_page_copies_then_reuses(struct ktest *t)
{
	struct fork_env e = { 0 };
	struct mm_struct *child;
	struct page *old, *new;
	unsigned long before = nr_free_pages();
	pte_t pp, cp;

	if (!make_parent(t, &e))
		goto out;
	child = dup_mm(NULL, e.mm);
	if (!child) {
		ktest_fail(t, __FILE__, __LINE__, "dup_mm: out of memory");
		goto out;
	}
	old = pfn_to_page(pte_pfn(pte_at(e.mm, e.a)));
	new = touch(t, child, e.a, true);
	pp = pte_at(e.mm, e.a);
	cp = pte_at(child, e.a);
	KTEST_EXPECT_TRUE(t, new != old);
	KTEST_EXPECT_EQ(t, pte_pfn(pp), page_to_pfn(old));
	KTEST_EXPECT_TRUE(t, new && pte_pfn(cp) == page_to_pfn(new));
	KTEST_EXPECT_TRUE(t, pte_write(cp) && pte_dirty(cp) && pte_young(cp));
	KTEST_EXPECT_TRUE(t, !pte_write(pp));
	if (new)
		KTEST_EXPECT_EQ(t, peek(new), 0xa0);
	KTEST_EXPECT_EQ(t, page_mapcount(old), 1);
	KTEST_EXPECT_EQ(t, page_ref_count(old), 1);
	KTEST_EXPECT_EQ(t, get_mm_counter(child, MM_ANONPAGES), 2);

	/* the zero page: a write in the child gets a page of its own */
	new = touch(t, child, e.a + 2 * PAGE_SIZE, true);
	KTEST_EXPECT_TRUE(t, new && new != ZERO_PAGE(0));
	KTEST_EXPECT_EQ(t, get_mm_counter(child, MM_ANONPAGES), 3);

	/* page 0 is the parent's alone now: its write reuses it, no copy */
	KTEST_EXPECT_TRUE(t, touch(t, e.mm, e.a, true) == old);
	KTEST_EXPECT_TRUE(t, pte_write(pte_at(e.mm, e.a)));

	/* page 1 is still shared; the child goes, then the parent reuses it */
	old = pfn_to_page(pte_pfn(pte_at(e.mm, e.a + PAGE_SIZE)));
	KTEST_EXPECT_EQ(t, page_ref_count(old), 2);
	mmput(child);
	KTEST_EXPECT_EQ(t, page_ref_count(old), 1);
	KTEST_EXPECT_TRUE(t, touch(t, e.mm, e.a + PAGE_SIZE, true) == old);
	KTEST_EXPECT_EQ(t, peek(old), 0xa1);
	KTEST_EXPECT_EQ(t, get_mm_counter(e.mm, MM_ANONPAGES), 4);
out:
	if (e.mm)
		mmput(e.mm);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/*
 * Negative: a write from the parent to a page the child still maps must
 * copy, not reuse (the child would see the write otherwise). Expect a
 * new frame in the parent and the child's contents unchanged.
 */
static void do_wp_page_never_reuses_shared(struct ktest *t)
{
	struct fork_env e = { 0 };
	struct mm_struct *child;
	struct page *old, *new;
	unsigned long before = nr_free_pages();

	if (!make_parent(t, &e))
		goto out;
	child = dup_mm(NULL, e.mm);
	if (!child) {
		ktest_fail(t, __FILE__, __LINE__, "dup_mm: out of memory");
		goto out;
	}
	old = pfn_to_page(pte_pfn(pte_at(child, e.a + PAGE_SIZE)));
	new = touch(t, e.mm, e.a + PAGE_SIZE, true);
	KTEST_EXPECT_TRUE(t, new && new != old);
	if (new)
		poke(new, 0x55);
	KTEST_EXPECT_EQ(t, peek(old), 0xa1);
	KTEST_EXPECT_EQ(t, pte_pfn(pte_at(child, e.a + PAGE_SIZE)), page_to_pfn(old));
	mmput(child);
out:
	if (e.mm)
		mmput(e.mm);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/* One round of all of it, so that the slab caches the others use have
 * their slabs already and free pages can be compared exactly. */
static void fork_test_init(void)
{
	static bool warm;
	struct ktest t = { .name = "fork_test_init" };
	struct fork_env e = { 0 };
	struct mm_struct *child;

	if (warm)
		return;
	warm = true;
	if (make_parent(&t, &e) && (child = dup_mm(NULL, e.mm))) {
		touch(&t, child, e.a, true);
		mmput(child);
	}
	if (e.mm)
		mmput(e.mm);
}

static struct ktest_case fork_cases[] = {
	KTEST_CASE(dup_mm_copies_ptes_read_only),
	KTEST_CASE(do_wp_page_copies_then_reuses),
	KTEST_CASE(do_wp_page_never_reuses_shared),
	{}
};
KTEST_SUITE(fork_cow, fork_cases, fork_test_init);
