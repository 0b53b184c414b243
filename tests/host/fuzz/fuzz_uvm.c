/*
 * tests/host/fuzz/fuzz_uvm.c - libFuzzer target for user address spaces and
 * the fault path (mm/mmap*.c, mm/mprotect.c, mm/memory*.c, mm/filemap.c,
 * arch/arm/mm/pgd.c, context.c) on the real buddy allocator and slab over a
 * simulated RAM with a HighMem zone (as tests/host/uvm).
 *
 * Each input is a program of calls on one new mm, three or four bytes each:
 *
 *   op % 8 = 0   do_mmap anonymous, 1-32 pages, any PROT_*, a hint, fixed or not
 *            1   do_mmap of a 24-page file, private, fixed, pgoff 0-7
 *            2   do_munmap of a range picked around a VMA
 *            3   sys_mprotect of such a range
 *            4,5 handle_mm_fault at a page of a VMA, read/write/exec where the
 *                VMA allows it (as do_page_fault checks)
 *            6   make a present PTE old (ptep_test_and_clear_young)
 *            7   sys_brk
 *
 * After every call the whole user half is checked: VMAs sorted, disjoint,
 * page aligned, counted in map_count and total_vm; every PTE page hooked
 * into both L1 words with the user domain and counted in VmPTE; every PTE
 * inside a VMA; its hardware entry, read by the independent walker, valid
 * exactly when the Linux PTE is present and young, on the same frame,
 * read-only unless dirty and writable, never global; the zero page only
 * read-only; the RSS counters equal to the pages found. At the end mmput
 * must give back every HighMem page (user pages and PTE pages) except the
 * page-cache pages the file gained.
 *
 * Build and run: tests/host/fuzz/Makefile (target "uvm").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/vmalloc.h>
#include <linux/shell.h>
#include <linux/vm_event_item.h>
#include <asm/pgtable.h>
#include <asm/mmu_context.h>
#include <asm/cp15.h>
#include <asm/mach/map.h>
#include <host/walker.h>
#include "../../../arch/arm/mm/mm.h"
#include "fuzz.h"

#define RAM_BASE      0x60000000u
#define LOWMEM_SIZE   (32u << 20)
#define HIGHMEM_SIZE  (8u << 20)
#define HIGHMEM_BASE  (RAM_BASE + LOWMEM_SIZE)
#define MAX_CALLS     300
#define FILE_PAGES    24

#include "../mmu/boot_stubs.h"

/* ---- what the kernel around the code under test provides ---- */
pgd_t swapper_pg_dir[PTRS_PER_PGD] __attribute__((aligned(16384)));
u32 __cpu_smp = 1;
void vm_area_add_early(struct vm_struct *vm) { (void)vm; }
bool shell_nargs(int argc, char **argv, int min, int max, const char *usage)
{
	(void)argv, (void)usage;
	return argc - 1 >= min && argc - 1 <= max;
}
void host_tlb_invalidate(unsigned long va) { (void)va; }
void host_tlb_invalidate_asid(unsigned long asid) { (void)asid; }
static struct task_struct task = { .pid = 1, .comm = "fuzz" };
struct task_struct *current_task = &task;
struct task_struct init_task;

/* HighMem's bytes: a host buffer, reached through kmap_local_page. */
static unsigned char highmem[HIGHMEM_SIZE] __attribute__((aligned(4096)));
static int kmap_depth;

void *page_address(const struct page *page)
{
	return PageHighMem(page) ? NULL : lowmem_page_address(page);
}

void *kmap_local_page(struct page *page)
{
	u32 pa = (u32)page_to_phys(page);

	kmap_depth++;
	return pa >= HIGHMEM_BASE ? (void *)(highmem + (pa - HIGHMEM_BASE)) :
	       lowmem_page_address(page);
}

void kunmap_local(void *addr)
{
	(void)addr;
	CHECK(kmap_depth > 0, "kunmap_local without kmap_local_page");
	kmap_depth--;
}

static uint32_t read_phys(uint32_t pa)
{
	if (pa >= HIGHMEM_BASE && pa < HIGHMEM_BASE + HIGHMEM_SIZE)
		return *(uint32_t *)(highmem + (pa - HIGHMEM_BASE));
	CHECK(pa >= RAM_BASE && pa < HIGHMEM_BASE, "walk reads outside RAM: 0x%08x", pa);
	return *(uint32_t *)__va(pa);
}

/* ---- the node, once per process ---- */
static struct file file;
static struct inode inode;
static unsigned char file_data[FILE_PAGES * PAGE_SIZE - 100];

static unsigned long free_high(void)
{
	return zone_page_state(&NODE_DATA(0)->node_zones[ZONE_HIGHMEM], NR_FREE_PAGES);
}

static void boot_once(void)
{
	static bool booted;
	unsigned long max_zone_pfn[MAX_NR_ZONES] = { 0 };
	size_t i;

	if (booted)
		return;
	booted = true;
	fuzz_ram_init(RAM_BASE, LOWMEM_SIZE);
	memblock_reset_for_test();
	memblock_add(RAM_BASE, LOWMEM_SIZE + HIGHMEM_SIZE);
	memblock_set_current_limit(HIGHMEM_BASE);
	min_low_pfn = PFN_UP(RAM_BASE);
	max_low_pfn = PFN_DOWN(HIGHMEM_BASE);
	max_pfn = PFN_DOWN(HIGHMEM_BASE + HIGHMEM_SIZE);
	max_zone_pfn[ZONE_NORMAL] = max_low_pfn;
	max_zone_pfn[ZONE_HIGHMEM] = max_pfn;
	free_area_init(max_zone_pfn);
	memblock_free_all();
	free_memblock_ranges(max_low_pfn, max_pfn);
	init_per_zone_wmark_min();
	kmem_cache_init();
	build_mem_type_table();
	empty_zero_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	for (i = 0; i < sizeof(file_data); i++)
		file_data[i] = (unsigned char)(i * 13 + i / PAGE_SIZE);
	inode.i_size = sizeof(file_data);
	inode.i_data = file_data;
	inode.i_data_mapping.host = &inode;
	file.f_inode = &inode;
	file.f_mapping = &inode.i_data_mapping;
}

/* ---- the checks ---- */
static struct mm_struct *mm;
static unsigned long ncalls;
static char call_desc[96];

static void report(void)
{
	struct vm_area_struct *vma;

	fprintf(stderr, "after call %lu: %s\n", ncalls, call_desc);
	if (!mm)
		return;
	for_each_vma(mm, vma)
		fprintf(stderr, "  vma %08lx-%08lx flags %08lx pgoff %lx%s\n", vma->vm_start,
			vma->vm_end, vma->vm_flags, vma->vm_pgoff, vma->vm_file ? " file" : "");
}

static void check_vmas(void)
{
	struct vm_area_struct *vma;
	unsigned long prev_end = 0, pages = 0;
	int n = 0;

	for_each_vma(mm, vma) {
		CHECK(vma->vm_start < vma->vm_end && !offset_in_page(vma->vm_start) &&
		      !offset_in_page(vma->vm_end), "bad VMA bounds");
		CHECK(vma->vm_start >= prev_end, "VMAs overlap or are out of order");
		CHECK(vma->vm_start >= FIRST_USER_ADDRESS && vma->vm_end <= TASK_SIZE,
		      "VMA outside user space");
		CHECK(pgprot_val(vma->vm_page_prot) == pgprot_val(vm_get_page_prot(vma->vm_flags)),
		      "vm_page_prot is not protection_map's");
		prev_end = vma->vm_end;
		pages += vma_pages(vma);
		n++;
	}
	CHECK(n == mm->map_count, "map_count %d, %d VMAs", mm->map_count, n);
	CHECK(pages == mm->total_vm, "total_vm %lu, VMAs %lu pages", mm->total_vm, pages);
}

/* One PTE against the walker; counts the pages found. */
static void check_pte(unsigned long va, pteval_t pte, u32 hw, unsigned long *rss)
{
	struct vm_area_struct *vma = vma_lookup(mm, va);
	bool valid = (pte & L_PTE_PRESENT) && (pte & L_PTE_YOUNG) && !(pte & L_PTE_NONE);
	unsigned long pfn = pte >> PAGE_SHIFT;
	struct hw_walk w;
	bool fault = hw_walk((const uint32_t *)mm->pgd, va, read_phys, &w);

	if (!pte) {
		CHECK(!hw && fault, "0x%08lx: empty Linux PTE, hardware %08x", va, hw);
		return;
	}
	CHECK(vma, "0x%08lx: a PTE outside every VMA", va);
	CHECK(fault == !valid, "0x%08lx: Linux %08x, walker %s", va, pte, fault ? "faults" : "maps");
	if (valid) {
		bool ro = (pte & L_PTE_RDONLY) || !(pte & L_PTE_DIRTY);

		CHECK(w.pa >> PAGE_SHIFT == pfn, "0x%08lx: frame differs", va);
		CHECK(w.ng && w.domain == DOMAIN_USER, "0x%08lx: global or wrong domain", va);
		CHECK((w.ap == 7) == ro && (w.ap == 3) == !ro, "0x%08lx: AP %u for %08x", va, w.ap, pte);
		CHECK(w.xn == !!(pte & L_PTE_XN), "0x%08lx: XN", va);
	}
	CHECK((pte & L_PTE_RDONLY) || (vma->vm_flags & VM_WRITE),
	      "0x%08lx: writable PTE in a read-only VMA", va);
	if (pfn == page_to_pfn(ZERO_PAGE(0))) {
		CHECK(pte & L_PTE_RDONLY, "0x%08lx: writable zero page", va);
		return;
	}
	CHECK(pfn_valid(pfn), "0x%08lx: PTE frame %lx outside RAM", va, pfn);
	rss[mm_counter(pfn_to_page(pfn))]++;
	CHECK(page_mapcount(pfn_to_page(pfn)) >= 1, "0x%08lx: mapped page with mapcount 0", va);
}

static void check_tables(void)
{
	unsigned long rss[NR_MM_COUNTERS] = { 0 }, va, tables = 0;
	int i;

	for (va = 0; va < TASK_SIZE; va += PMD_SIZE) {
		pmd_t *pmd = pmd_offset_pgd(pgd_offset(mm, va));
		pte_t *base;
		u32 pa;

		if (pmd_none(pmd[0])) {
			CHECK(pmd_none(pmd[1]), "0x%08lx: half a pmd", va);
			continue;
		}
		tables++;
		pa = (u32)page_to_phys(pmd_page(*pmd));
		CHECK(pmd_val(pmd[0]) == ((pa + 0x800) | PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_USER)) &&
		      pmd_val(pmd[1]) == pmd_val(pmd[0]) + 0x400, "0x%08lx: pmd %08x %08x", va,
		      pmd_val(pmd[0]), pmd_val(pmd[1]));
		base = pte_offset_map(pmd, va);
		for (i = 0; i < PTRS_PER_PTE; i++)
			check_pte(va + i * PAGE_SIZE, pte_val(base[i]), *pte_hw(base + i), rss);
		pte_unmap(base);
	}
	CHECK(tables * 2048 == mm->pgtables_bytes, "VmPTE %lu for %lu tables", mm->pgtables_bytes, tables);
	for (i = 0; i < NR_MM_COUNTERS; i++)
		CHECK(rss[i] == get_mm_counter(mm, i), "rss[%d] %lu, found %lu", i,
		      get_mm_counter(mm, i), rss[i]);
	CHECK(kmap_depth == 0, "kmap_local left held: %d", kmap_depth);
}

/* ---- the calls ---- */
static const unsigned long hints[] = { 0, 0x10000, 0x1fe000, 0x400000, 0xb6ff0000, 0xbeff0000 };

/* A range around a VMA (or anywhere if there is none): start and pages. */
static void pick_range(struct input *in, unsigned long *start, unsigned long *pages)
{
	struct vm_area_struct *vma;
	unsigned int n = mm->map_count ? g8(in) % mm->map_count : 0;
	unsigned long base = hints[g8(in) % ARRAY_SIZE(hints)];

	for_each_vma(mm, vma)
		if (!n--) {
			base = vma->vm_start;
			break;
		}
	*start = base + ((long)(int8_t)g8(in) % 8) * (long)PAGE_SIZE;
	*pages = g8(in) % 40 + 1;
}

static void call(struct input *in)
{
	u8 op = g8(in);
	unsigned long start, pages, ret;
	struct vm_area_struct *vma;
	unsigned int flags;

	switch (op % 8) {
	case 0:
		pages = g8(in) % 32 + 1;
		start = hints[g8(in) % ARRAY_SIZE(hints)];
		snprintf(call_desc, sizeof(call_desc), "mmap anon %lx %lu pages prot %u%s", start,
			 pages, (op >> 3) & 7, op & 0x40 ? " fixed" : "");
		ret = do_mmap(mm, NULL, start, pages * PAGE_SIZE, (op >> 3) & 7,
			      MAP_PRIVATE | MAP_ANONYMOUS | (op & 0x40 && start ? MAP_FIXED : 0), 0);
		CHECK(IS_ERR_VALUE(ret) || !(op & 0x40) || !start || ret == start, "MAP_FIXED moved");
		break;
	case 1:
		pages = g8(in) % 20 + 1;
		start = hints[1 + g8(in) % (ARRAY_SIZE(hints) - 1)];
		snprintf(call_desc, sizeof(call_desc), "mmap file %lx %lu pages", start, pages);
		do_mmap(mm, &file, start, pages * PAGE_SIZE, (op >> 3) & 7, MAP_PRIVATE | MAP_FIXED,
			g8(in) % 8);
		break;
	case 2:
		pick_range(in, &start, &pages);
		snprintf(call_desc, sizeof(call_desc), "munmap %lx %lu pages", start, pages);
		do_munmap(mm, start, pages * PAGE_SIZE);
		break;
	case 3:
		pick_range(in, &start, &pages);
		snprintf(call_desc, sizeof(call_desc), "mprotect %lx %lu pages %u", start, pages, op >> 5);
		sys_mprotect(start, pages * PAGE_SIZE, op >> 5);
		break;
	case 4:
	case 5:
		pick_range(in, &start, &pages);
		vma = vma_lookup(mm, start);
		flags = op & 0x10 ? FAULT_FLAG_WRITE : op & 0x20 ? FAULT_FLAG_INSTRUCTION : 0;
		snprintf(call_desc, sizeof(call_desc), "fault %lx flags %x", start, flags);
		if (!vma || !(vma->vm_flags & (flags & FAULT_FLAG_WRITE ? VM_WRITE :
			      flags ? VM_EXEC : VM_READ | VM_WRITE | VM_EXEC)))
			break;
		ret = handle_mm_fault(vma, start, flags | FAULT_FLAG_USER, NULL);
		CHECK(!(ret & VM_FAULT_ERROR) || (vma->vm_file &&
		      linear_page_index(vma, start) >= FILE_PAGES), "fault failed: %lx", ret);
		break;
	case 6:
		pick_range(in, &start, &pages);
		vma = vma_lookup(mm, start);
		snprintf(call_desc, sizeof(call_desc), "mkold %lx", start);
		if (vma && !pmd_none(*pmd_offset_pgd(pgd_offset(mm, start)))) {
			pte_t *ptep = pte_offset_map(pmd_offset_pgd(pgd_offset(mm, start)), start);

			ptep_test_and_clear_young(vma, start, ptep);
			pte_unmap(ptep);
		}
		break;
	default:
		start = mm->start_brk + (g8(in) % 48) * 1000UL;
		snprintf(call_desc, sizeof(call_desc), "brk %lx", start);
		sys_brk(start);
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };
	unsigned long before, cached;

	boot_once();
	fuzz_report = report;
	before = free_high();
	cached = inode.i_data_mapping.nrpages;
	mm = mm_alloc();
	CHECK(mm, "mm_alloc failed");
	mm->start_brk = mm->brk = 0x800000;
	task.mm = task.active_mm = mm;
	switch_mm(&init_mm, mm, &task);
	for (ncalls = 0; in.n && ncalls < MAX_CALLS; ncalls++) {
		call(&in);
		check_vmas();
		check_tables();
	}
	snprintf(call_desc, sizeof(call_desc), "mmput");
	mmput(mm);
	mm = NULL;
	task.mm = NULL;
	task.active_mm = &init_mm;
	CHECK(free_high() + (inode.i_data_mapping.nrpages - cached) == before,
	      "HighMem pages lost: %lu free, %lu before, %lu new cache pages", free_high(), before,
	      inode.i_data_mapping.nrpages - cached);
	CHECK(NODE_DATA(0)->vm_stat[NR_PAGETABLE] == 0, "PTE pages left: %lu",
	      NODE_DATA(0)->vm_stat[NR_PAGETABLE]);
	return 0;
}
