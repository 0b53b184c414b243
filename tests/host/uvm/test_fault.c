/*
 * tests/host/uvm/test_fault.c - address spaces and the fault path, driven
 * through handle_mm_fault and do_mmap/do_munmap/mmput, checked by walking
 * the hardware tables with the independent walker (host/walker.h) and by
 * the counters Linux keeps (RSS, VmPTE, min_flt, pgfault).
 *
 * AP[2:0] as the walker reports it (ARM ARM B3.7.1, no AFE):
 *   011  user read/write       111  user read-only (APX)
 */
#include "uvm_test.h"
#include <linux/mman.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/vm_event_item.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/mmu_context.h>

#define AP_USER_RW  3
#define AP_USER_RO  7
#define PROT_RW     (PROT_READ | PROT_WRITE)
#define MAP_ANON_P  (MAP_PRIVATE | MAP_ANONYMOUS)

static struct mm_struct *new_mm(void)
{
	struct mm_struct *mm = mm_alloc();

	assert_non_null(mm);
	switch_mm(&init_mm, mm, &uvm_task);     /* an ASID, TTBR0 "loaded" */
	uvm_task.mm = uvm_task.active_mm = mm;
	return mm;
}

static void drop_mm(struct mm_struct *mm)
{
	mmput(mm);
	uvm_task.mm = NULL;
	uvm_task.active_mm = &init_mm;
}

static vm_fault_t fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	struct vm_area_struct *vma = vma_lookup(mm, addr);
	vm_fault_t ret;

	assert_non_null(vma);
	ret = handle_mm_fault(vma, addr, flags | FAULT_FLAG_USER, NULL);
	assert_int_equal(uvm_kmap_depth, 0);
	return ret;
}

/* The Linux PTE of addr (0 if there is no PTE page). */
static pteval_t linux_pte(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = pmd_offset_pgd(pgd_offset(mm, addr));
	pte_t *ptep;
	pteval_t v;

	if (pmd_none(*pmd))
		return 0;
	ptep = pte_offset_map(pmd, addr);
	v = pte_val(*ptep);
	pte_unmap(ptep);
	return v;
}

static uint8_t user_byte(struct mm_struct *mm, unsigned long addr)
{
	struct hw_walk w;
	uint32_t word;

	assert_false(uvm_walk(mm, addr, &w));
	word = uvm_read_phys(w.pa & ~3u);
	return (uint8_t)(word >> (8 * (w.pa & 3)));
}

/* mm_alloc: user half empty, kernel half copied; mmap_base Linux's 0xb7000000. */
static void test_mm_alloc(void **state)
{
	struct mm_struct *mm = new_mm();
	struct hw_walk w;

	(void)state;
	assert_int_equal(mm->mmap_base, 0xb7000000);
	assert_true(uvm_walk(mm, 0x10000, &w));
	assert_int_equal(mm->pgd[pgd_index(0xffff0000)][0], 0x6000f001);
	assert_int_not_equal(ASID(mm), 0);
	drop_mm(mm);
}

/* A read of a new anonymous page maps the zero page read-only, nG, not in RSS. */
static void test_read_fault_zero_page(void **state)
{
	struct mm_struct *mm = new_mm();
	unsigned long a = do_mmap(mm, NULL, 0, 16 * PAGE_SIZE, PROT_RW, MAP_ANON_P, 0);
	unsigned long faults = vm_event_states[PGFAULT];
	struct hw_walk w;

	(void)state;
	assert_int_equal(a, 0xb7000000 - 16 * PAGE_SIZE);       /* top-down below mmap_base */
	assert_true(uvm_walk(mm, a, &w));
	assert_int_equal(fault(mm, a + 5, 0), 0);
	assert_false(uvm_walk(mm, a, &w));
	assert_int_equal(w.pa, page_to_phys(ZERO_PAGE(0)));
	assert_int_equal(w.ap, AP_USER_RO);
	assert_true(w.ng && w.xn);
	assert_int_equal(w.domain, DOMAIN_USER);
	assert_int_equal(get_mm_rss(mm), 0);
	assert_int_equal(mm->pgtables_bytes, 2048);
	assert_int_equal(NODE_DATA(0)->vm_stat[NR_PAGETABLE], 1);
	assert_int_equal(uvm_task.min_flt, 1);
	assert_int_equal(vm_event_states[PGFAULT], faults + 1);
	assert_true(uvm_walk(mm, a + PAGE_SIZE, &w));           /* one page only */
	drop_mm(mm);
}

/* A write gets a private zeroed page, young and dirty, user RW; the
 * PTE page sits in HighMem (HIGHPTE) and is walked there. */
static void test_write_fault_private_page(void **state)
{
	struct mm_struct *mm = new_mm();
	unsigned long a = do_mmap(mm, NULL, 0, 4 * PAGE_SIZE, PROT_RW, MAP_ANON_P, 0);
	pmd_t *pmd = pmd_offset_pgd(pgd_offset(mm, a));
	struct hw_walk w;
	pteval_t pte;

	(void)state;
	assert_int_equal(fault(mm, a + PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	assert_false(uvm_walk(mm, a + PAGE_SIZE, &w));
	assert_int_equal(w.ap, AP_USER_RW);
	assert_true(w.pa >= HIGHMEM_BASE);                      /* GFP_HIGHUSER_MOVABLE */
	assert_int_equal(user_byte(mm, a + PAGE_SIZE + 100), 0);
	pte = linux_pte(mm, a + PAGE_SIZE);
	assert_true((pte & (L_PTE_YOUNG | L_PTE_DIRTY)) == (L_PTE_YOUNG | L_PTE_DIRTY));
	assert_false(pte & L_PTE_RDONLY);
	assert_true(PageHighMem(pmd_page(*pmd)));               /* the PTE page */
	/* the hardware half: +0x800 for the pmd's first MiB, +0xc00 for its second */
	assert_int_equal(w.l2_table, (uint32_t)page_to_phys(pmd_page(*pmd)) + 0x800 +
			 (((a + PAGE_SIZE) >> 20) & 1) * 0x400);
	assert_int_equal(get_mm_counter(mm, MM_ANONPAGES), 1);
	assert_true(PageAnon(pfn_to_page(w.pa >> PAGE_SHIFT)));
	assert_int_equal(page_mapcount(pfn_to_page(w.pa >> PAGE_SHIFT)), 1);
	drop_mm(mm);
}

/* Read then write: the zero page is replaced (do_wp_page), with a TLB
 * flush of MVA | ASID. */
static void test_zero_page_then_write(void **state)
{
	struct mm_struct *mm = new_mm();
	unsigned long a = do_mmap(mm, NULL, 0, PAGE_SIZE, PROT_RW, MAP_ANON_P, 0);
	struct hw_walk w;

	(void)state;
	fault(mm, a, 0);
	uvm_tlb_clear();
	assert_int_equal(fault(mm, a, FAULT_FLAG_WRITE), 0);
	assert_false(uvm_walk(mm, a, &w));
	assert_int_not_equal(w.pa, page_to_phys(ZERO_PAGE(0)));
	assert_int_equal(w.ap, AP_USER_RW);
	assert_int_equal(uvm_ntlbi, 1);
	assert_int_equal(uvm_tlbi[0], a | ASID(mm));
	assert_int_equal(get_mm_counter(mm, MM_ANONPAGES), 1);
	assert_int_equal(uvm_task.min_flt, 2);
	drop_mm(mm);
}

/* Young: an old PTE has hardware entry 0; the next access faults and
 * makes it young again, same page, flushed by MVA | ASID. */
static void test_young_fault(void **state)
{
	struct mm_struct *mm = new_mm();
	unsigned long a = do_mmap(mm, NULL, 0, PAGE_SIZE, PROT_RW, MAP_ANON_P, 0);
	struct vm_area_struct *vma = vma_lookup(mm, a);
	pmd_t *pmd = pmd_offset_pgd(pgd_offset(mm, a));
	struct hw_walk w;
	uint32_t pa;
	pte_t *ptep;

	(void)state;
	fault(mm, a, FAULT_FLAG_WRITE);
	assert_false(uvm_walk(mm, a, &w));
	pa = w.pa;
	ptep = pte_offset_map(pmd, a);
	assert_int_equal(ptep_test_and_clear_young(vma, a, ptep), 1);
	assert_int_equal(ptep_test_and_clear_young(vma, a, ptep), 0);
	pte_unmap(ptep);
	assert_true(uvm_walk(mm, a, &w));                       /* hardware entry 0 */
	assert_true(linux_pte(mm, a) & L_PTE_PRESENT);
	uvm_tlb_clear();
	assert_int_equal(fault(mm, a, 0), 0);
	assert_false(uvm_walk(mm, a, &w));
	assert_int_equal(w.pa, pa);
	assert_int_equal(w.ap, AP_USER_RW);                     /* still dirty */
	assert_true(linux_pte(mm, a) & L_PTE_YOUNG);
	assert_int_equal(uvm_ntlbi, 1);
	assert_int_equal(uvm_tlbi[0], a | ASID(mm));
	drop_mm(mm);
}

/* Dirty: a clean writable PTE is read-only in hardware (APX) until the
 * first write, which sets L_PTE_DIRTY in place (no copy). */
static void test_dirty_fault(void **state)
{
	struct mm_struct *mm = new_mm();
	unsigned long a = do_mmap(mm, NULL, 0, PAGE_SIZE, PROT_RW, MAP_ANON_P, 0);
	pmd_t *pmd = pmd_offset_pgd(pgd_offset(mm, a));
	struct hw_walk w;
	uint32_t pa;
	pte_t *ptep;

	(void)state;
	fault(mm, a, FAULT_FLAG_WRITE);
	assert_false(uvm_walk(mm, a, &w));
	pa = w.pa;
	ptep = pte_offset_map(pmd, a);
	set_pte_at(mm, a, ptep, pte_mkclean(*ptep));
	pte_unmap(ptep);
	assert_false(uvm_walk(mm, a, &w));
	assert_int_equal(w.ap, AP_USER_RO);
	assert_int_equal(fault(mm, a, FAULT_FLAG_WRITE), 0);
	assert_false(uvm_walk(mm, a, &w));
	assert_int_equal(w.ap, AP_USER_RW);
	assert_int_equal(w.pa, pa);
	assert_true(linux_pte(mm, a) & L_PTE_DIRTY);
	assert_int_equal(get_mm_counter(mm, MM_ANONPAGES), 1);
	drop_mm(mm);
}

/* A private file mapping: a read maps the page-cache page (shmem: RssShmem)
 * read-only; a write copies it into an anon page; the cache page stays. */
static void test_cow_from_file(void **state)
{
	struct file *file = uvm_file(3 * PAGE_SIZE);
	struct mm_struct *mm = new_mm();
	unsigned long a = do_mmap(mm, file, 0x10000, 3 * PAGE_SIZE, PROT_RW, MAP_PRIVATE | MAP_FIXED, 0);
	struct page *cache;
	struct hw_walk w;
	int i;

	(void)state;
	assert_int_equal(a, 0x10000);
	/* fault-around mapped the address itself: Linux's VM_FAULT_NOPAGE */
	assert_int_equal(fault(mm, a + PAGE_SIZE, 0), VM_FAULT_NOPAGE);
	for (i = 0; i < 3; i++) {                               /* fault-around: all three */
		assert_false(uvm_walk(mm, a + i * PAGE_SIZE, &w));
		assert_int_equal(w.ap, AP_USER_RO);
	}
	assert_int_equal(get_mm_counter(mm, MM_SHMEMPAGES), 3);
	assert_int_equal(uvm_task.min_flt, 1);
	assert_int_equal(user_byte(mm, a + PAGE_SIZE + 9), (uint8_t)((4096 + 9) * 7 + 1));
	assert_false(uvm_walk(mm, a + PAGE_SIZE, &w));
	cache = pfn_to_page(w.pa >> PAGE_SHIFT);
	assert_true(PageSwapBacked(cache) && PageDirty(cache) && !PageAnon(cache));
	assert_int_equal(fault(mm, a + PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	assert_false(uvm_walk(mm, a + PAGE_SIZE, &w));
	assert_int_not_equal(w.pa >> PAGE_SHIFT, page_to_pfn(cache));
	assert_int_equal(w.ap, AP_USER_RW);
	assert_int_equal(user_byte(mm, a + PAGE_SIZE + 9), (uint8_t)((4096 + 9) * 7 + 1));
	assert_int_equal(get_mm_counter(mm, MM_SHMEMPAGES), 2);
	assert_int_equal(get_mm_counter(mm, MM_ANONPAGES), 1);
	assert_int_equal(page_mapcount(cache), 0);
	assert_int_equal(page_ref_count(cache), 1);             /* the cache's own */
	drop_mm(mm);
	/* the first 2 MiB's PTE page too (below free_pgtables' floor: pgd_free) */
	assert_int_equal(NODE_DATA(0)->vm_stat[NR_PAGETABLE], 0);
}

/* A write to a never-touched file page copies straight away (do_cow_fault). */
static void test_cow_fault_first_touch(void **state)
{
	struct file *file = uvm_file(2 * PAGE_SIZE);
	struct mm_struct *mm = new_mm();
	unsigned long a = do_mmap(mm, file, 0x20000, 2 * PAGE_SIZE, PROT_RW, MAP_PRIVATE | MAP_FIXED, 0);
	struct hw_walk w;

	(void)state;
	assert_int_equal(fault(mm, a, FAULT_FLAG_WRITE), 0);
	assert_false(uvm_walk(mm, a, &w));
	assert_int_equal(w.ap, AP_USER_RW);
	assert_int_equal(user_byte(mm, a + 3), 21);
	assert_true(uvm_walk(mm, a + PAGE_SIZE, &w));           /* no fault-around on COW */
	assert_int_equal(get_mm_counter(mm, MM_ANONPAGES), 1);
	assert_int_equal(get_mm_counter(mm, MM_SHMEMPAGES), 0);
	drop_mm(mm);
}

/* Fault-around maps exactly the 64 KiB-aligned window of 16 pages. */
static void test_fault_around_window(void **state)
{
	struct file *file = uvm_file(40 * PAGE_SIZE);
	struct mm_struct *mm = new_mm();
	unsigned long a = do_mmap(mm, file, 0x100000, 40 * PAGE_SIZE, PROT_READ | PROT_EXEC,
				  MAP_PRIVATE | MAP_FIXED, 0);
	struct hw_walk w;
	int i;

	(void)state;
	assert_int_equal(fault(mm, a + 20 * PAGE_SIZE, FAULT_FLAG_INSTRUCTION), VM_FAULT_NOPAGE);
	for (i = 0; i < 40; i++)
		assert_int_equal(uvm_walk(mm, a + i * PAGE_SIZE, &w), !(i >= 16 && i < 32));
	assert_false(uvm_walk(mm, a + 16 * PAGE_SIZE, &w));
	assert_false(w.xn);
	assert_int_equal(get_mm_counter(mm, MM_SHMEMPAGES), 16);
	assert_int_equal(uvm_task.min_flt, 1);
	drop_mm(mm);
}

/* The free pages of ZONE_HIGHMEM, where user pages and PTE pages come from
 * (the pgd, mm_struct and VMAs are lowmem and slab). */
static unsigned long free_high(void)
{
	return zone_page_state(&NODE_DATA(0)->node_zones[ZONE_HIGHMEM], NR_FREE_PAGES);
}

/* munmap: pages and the PTE page freed, counters down, nothing mapped. */
static void test_munmap_frees(void **state)
{
	unsigned long before = free_high(), low = nr_free_pages() - free_high(), a;
	struct mm_struct *mm = new_mm();
	struct hw_walk w;
	int i;

	(void)state;
	a = do_mmap(mm, NULL, 0, 8 * PAGE_SIZE, PROT_RW, MAP_ANON_P, 0);
	for (i = 0; i < 8; i++)
		fault(mm, a + i * PAGE_SIZE, FAULT_FLAG_WRITE);
	assert_int_equal(get_mm_counter(mm, MM_ANONPAGES), 8);
	assert_int_equal(do_munmap(mm, a + 2 * PAGE_SIZE, 2 * PAGE_SIZE), 0);
	assert_int_equal(mm->map_count, 2);                     /* split */
	assert_int_equal(get_mm_counter(mm, MM_ANONPAGES), 6);
	assert_true(uvm_walk(mm, a + 2 * PAGE_SIZE, &w));
	assert_false(uvm_walk(mm, a + 4 * PAGE_SIZE, &w));
	assert_int_equal(mm->pgtables_bytes, 2048);             /* still used */
	assert_int_equal(do_munmap(mm, a, 8 * PAGE_SIZE), 0);
	assert_int_equal(get_mm_rss(mm), 0);
	assert_int_equal(mm->pgtables_bytes, 0);
	assert_int_equal(NODE_DATA(0)->vm_stat[NR_PAGETABLE], 0);
	assert_int_equal(mm->map_count, 0);
	assert_int_equal(mm->total_vm, 0);
	assert_int_equal(free_high(), before);                  /* every user and PTE page */
	drop_mm(mm);
	/* the pgd (4 pages) is back too; at most the slabs made for the mm, the
	 * VMAs and the anon_vma (the first write fault's) stay */
	assert_true(nr_free_pages() - free_high() + 3 >= low);
}

/* Adjacent anonymous mappings with equal flags merge; brk grows its VMA. */
static void test_merge_and_brk(void **state)
{
	struct mm_struct *mm = new_mm();
	unsigned long a, b;

	(void)state;
	a = do_mmap(mm, NULL, 0, 2 * PAGE_SIZE, PROT_RW, MAP_ANON_P, 0);
	b = do_mmap(mm, NULL, 0, 3 * PAGE_SIZE, PROT_RW, MAP_ANON_P, 0);
	assert_int_equal(b, a - 3 * PAGE_SIZE);
	assert_int_equal(mm->map_count, 1);
	assert_int_equal(find_vma(mm, b)->vm_end, a + 2 * PAGE_SIZE);
	do_mmap(mm, NULL, 0, PAGE_SIZE, PROT_READ, MAP_ANON_P, 0);
	assert_int_equal(mm->map_count, 2);                     /* other flags: no merge */
	mm->start_brk = mm->brk = 0x20000;
	uvm_task.mm = mm;
	assert_int_equal(sys_brk(0x20000 + 5000), 0x20000 + 5000);
	assert_int_equal(sys_brk(0x20000 + 3 * PAGE_SIZE), 0x20000 + 3 * PAGE_SIZE);
	assert_int_equal(mm->map_count, 3);
	assert_int_equal(vma_lookup(mm, 0x20000)->vm_end, 0x23000);
	assert_int_equal(sys_brk(0x1000), 0x23000);             /* below start: the old break */
	assert_int_equal(sys_brk(0x21000), 0x21000);            /* shrink */
	assert_int_equal(vma_lookup(mm, 0x20000)->vm_end, 0x21000);
	drop_mm(mm);
}

/* mprotect splits, rewrites the PTEs (young/dirty kept), and merges back. */
static void test_mprotect(void **state)
{
	struct mm_struct *mm = new_mm();
	unsigned long a = do_mmap(mm, NULL, 0, 4 * PAGE_SIZE, PROT_RW, MAP_ANON_P, 0);
	struct hw_walk w;

	(void)state;
	uvm_task.mm = mm;
	fault(mm, a + PAGE_SIZE, FAULT_FLAG_WRITE);
	assert_int_equal(sys_mprotect(a + PAGE_SIZE, PAGE_SIZE, PROT_READ), 0);
	assert_int_equal(mm->map_count, 3);
	assert_false(uvm_walk(mm, a + PAGE_SIZE, &w));
	assert_int_equal(w.ap, AP_USER_RO);
	assert_true(linux_pte(mm, a + PAGE_SIZE) & L_PTE_DIRTY);
	assert_int_equal(sys_mprotect(a + PAGE_SIZE, PAGE_SIZE, PROT_RW), 0);
	assert_int_equal(mm->map_count, 1);
	/* private writable again: __PAGE_COPY, read-only until do_wp_page reuses it */
	assert_false(uvm_walk(mm, a + PAGE_SIZE, &w));
	assert_int_equal(w.ap, AP_USER_RO);
	uvm_tlb_clear();
	fault(mm, a + PAGE_SIZE, FAULT_FLAG_WRITE);
	assert_false(uvm_walk(mm, a + PAGE_SIZE, &w));
	assert_int_equal(w.ap, AP_USER_RW);
	assert_int_equal(get_mm_counter(mm, MM_ANONPAGES), 1);  /* reused, not copied */
	assert_int_equal(sys_mprotect(a, 8 * PAGE_SIZE, PROT_READ), -ENOMEM);
	drop_mm(mm);
}

/*
 * fork's copy_page_range into a hand-made child VMA (dup_mmap's part):
 *   parent  a: page 0 written, page 1 read (zero page)   t: file, read
 *   child   a: both PTEs copied: same frames, hardware entry invalid (old)
 *           t: no anon_vma, so no PTE copied
 * Expect both sides' written page read-only (AP 111) in the hardware,
 * mapcount and refcount 2, RSS 1 anon page in the child; then the child's
 * write copies (new frame, same bytes) and the parent's reuses (pgreuse).
 */
static void test_fork_copy_page_range(void **state)
{
	struct file *file = uvm_file(PAGE_SIZE);
	struct mm_struct *mm = new_mm(), *child = mm_alloc();
	unsigned long a = do_mmap(mm, NULL, 0, 2 * PAGE_SIZE, PROT_RW, MAP_ANON_P, 0);
	unsigned long t = do_mmap(mm, file, 0x10000, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_FIXED, 0);
	struct vm_area_struct *src, *dst[2];
	unsigned long reuse;
	struct hw_walk w;
	struct page *page;
	int i;

	(void)state;
	fault(mm, a, FAULT_FLAG_WRITE);
	fault(mm, a + PAGE_SIZE, 0);
	fault(mm, t, 0);
	for (i = 0; i < 2; i++) {
		src = vma_lookup(mm, i ? t : a);
		dst[i] = vm_area_alloc(child);
		*dst[i] = *src;
		INIT_LIST_HEAD(&dst[i]->vm_list);
		assert_int_equal(anon_vma_fork(dst[i], src), 0);
		assert_int_equal(insert_vm_struct(child, dst[i]), 0);
		assert_int_equal(copy_page_range(dst[i], src), 0);
		assert_int_equal(uvm_kmap_depth, 0);
	}
	page = pfn_to_page(linux_pte(mm, a) >> PAGE_SHIFT);
	assert_int_equal(linux_pte(child, a) >> PAGE_SHIFT, page_to_pfn(page));
	assert_int_equal(page_mapcount(page), 2);
	assert_int_equal(page_ref_count(page), 2);
	assert_false(uvm_walk(mm, a, &w));
	assert_int_equal(w.ap, AP_USER_RO);
	assert_true(uvm_walk(child, a, &w));                    /* old: invalid */
	assert_true(linux_pte(child, a) & L_PTE_RDONLY);
	assert_int_equal(linux_pte(child, a + PAGE_SIZE) >> PAGE_SHIFT, page_to_pfn(ZERO_PAGE(0)));
	assert_int_equal(linux_pte(child, t), 0);
	assert_int_equal(get_mm_counter(child, MM_ANONPAGES), 1);
	assert_int_equal(get_mm_counter(child, MM_SHMEMPAGES) + get_mm_counter(child, MM_FILEPAGES), 0);

	fault(child, a, FAULT_FLAG_WRITE);
	assert_false(uvm_walk(child, a, &w));
	assert_int_equal(w.ap, AP_USER_RW);
	assert_int_not_equal(w.pa >> PAGE_SHIFT, page_to_pfn(page));
	assert_int_equal(user_byte(child, a), user_byte(mm, a));
	assert_int_equal(page_mapcount(page), 1);
	assert_int_equal(page_ref_count(page), 1);
	reuse = vm_event_states[PGREUSE];
	fault(mm, a, FAULT_FLAG_WRITE);
	assert_false(uvm_walk(mm, a, &w));
	assert_int_equal(w.ap, AP_USER_RW);
	assert_int_equal(w.pa >> PAGE_SHIFT, page_to_pfn(page));
	assert_int_equal(vm_event_states[PGREUSE], reuse + 1);
	mmput(child);
	drop_mm(mm);
}

/* get_user_pages_remote faults pages in and holds them; a FOLL_FORCE write
 * into a read-only private mapping gets a COW copy. */
static void test_gup(void **state)
{
	struct file *file = uvm_file(PAGE_SIZE);
	struct mm_struct *mm = new_mm();
	unsigned long a = do_mmap(mm, NULL, 0, 2 * PAGE_SIZE, PROT_RW, MAP_ANON_P, 0);
	unsigned long t = do_mmap(mm, file, 0x10000, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_FIXED, 0);
	struct page *pages[2];
	struct hw_walk w;

	(void)state;
	assert_int_equal(get_user_pages_remote(mm, a, 2, FOLL_WRITE, pages), 2);
	assert_int_equal(page_ref_count(pages[0]), 2);
	assert_int_equal(uvm_task.min_flt, 2);
	put_page(pages[0]);
	put_page(pages[1]);
	assert_int_equal(get_user_pages_remote(mm, 0x40000000, 1, 0, pages), -EFAULT);
	assert_int_equal(get_user_pages_remote(mm, t, 1, FOLL_WRITE, pages), -EFAULT);
	assert_int_equal(get_user_pages_remote(mm, t, 1, FOLL_WRITE | FOLL_FORCE, pages), 1);
	assert_true(PageAnon(pages[0]));
	assert_false(uvm_walk(mm, t, &w));
	assert_int_equal(w.ap, AP_USER_RO);                     /* still not writable */
	put_page(pages[0]);
	drop_mm(mm);
}

/* ASIDs: each mm its own; switching to init_mm loads ASID 0. */
static void test_asids(void **state)
{
	struct mm_struct *m1 = new_mm(), *m2 = new_mm();

	(void)state;
	assert_int_not_equal(ASID(m1), ASID(m2));
	assert_ptr_equal(current_hw_mm(), m2);
	switch_mm(m2, &init_mm, NULL);
	assert_ptr_equal(current_hw_mm(), &init_mm);
	drop_mm(m1);
	drop_mm(m2);
}

/*
 * ASID rollover: 8-bit ASIDs run out after 255 address spaces; the next
 * switch starts a generation (whole TLB flushed), in which the running mm
 * keeps its number and the new one gets another; ASID 0 is never handed out.
 */
static void test_asid_rollover(void **state)
{
	static struct mm_struct *m[300];
	unsigned long before = asid_rollovers;
	int i, j, rolled_at = -1;

	(void)state;
	for (i = 0; i < 300; i++) {
		unsigned long r = asid_rollovers;
		unsigned int prev_asid = i ? ASID(m[i - 1]) : 0;

		m[i] = mm_alloc();
		assert_non_null(m[i]);
		switch_mm(i ? m[i - 1] : &init_mm, m[i], &uvm_task);
		assert_int_not_equal(ASID(m[i]), 0);
		if (asid_rollovers != r) {
			assert_int_equal(asid_rollovers, r + 1);
			rolled_at = i;
			assert_int_equal(ASID(m[i - 1]), prev_asid);     /* kept */
			assert_int_equal(m[i - 1]->context.id >> 8, m[i]->context.id >> 8);
		}
		/* unique among this generation's mms */
		for (j = rolled_at < 0 ? 0 : rolled_at - 1; j < i; j++)
			if (m[j]->context.id >> 8 == m[i]->context.id >> 8)
				assert_int_not_equal(ASID(m[j]), ASID(m[i]));
	}
	assert_true(asid_rollovers > before && rolled_at > 0);
	switch_mm(m[299], &init_mm, NULL);
	for (i = 0; i < 300; i++)
		mmput(m[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_mm_alloc, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_read_fault_zero_page, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_write_fault_private_page, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_zero_page_then_write, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_young_fault, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_dirty_fault, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_cow_from_file, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_cow_fault_first_touch, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_fault_around_window, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_munmap_frees, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_merge_and_brk, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_mprotect, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_gup, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_fork_copy_page_range, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_asids, uvm_setup, uvm_teardown),
		cmocka_unit_test_setup_teardown(test_asid_rollover, uvm_setup, uvm_teardown),
	};

	return cmocka_run_group_tests_name("uvm", tests, NULL, NULL);
}
