/*
 * tests/host/mmu - create_mapping() into a simulated RAM, checked page by
 * page over the whole 4 GiB by an independent ARMv7 table walker
 * (host/walker.h): physical address, access, XN, memory type, and that
 * nothing outside the requested ranges is mapped. The simulated RAM is
 * PHYS 0x60000000.. mapped at PAGE_OFFSET, like vexpress-a9.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <host/sim.h>
#include <host/walker.h>
#include <asm/pgtable.h>
#include <asm/mach/map.h>
#include <asm/cp15.h>
#include <linux/memblock.h>
#include "../../../arch/arm/mm/mm.h"
#include "paging_stubs.h"

#define RAM_BASE   0x60000000u
#define RAM_SIZE   (64u << 20)          /* simulated lowmem */
#define AP_KRW     1                    /* AP[2:0] = 001: kernel RW, user none */
#define AP_KRO     5                    /* 101: kernel RO, user none */
#define AP_RO_RO   7                    /* 111: read-only for both */
#define IDX_WBWA   7                    /* TEX remap index of normal WBWA memory */
#define IDX_DEVICE 4                    /* shared device */

/*
 * The ARMv7 short-descriptor small-page descriptor (ARM ARM DDI 0406C,
 * B3.5.1, Figure B3-4), written here from the manual, not from
 * pgtable-hwdef.h, so that the expected words below do not share a
 * mistake with the code under test:
 *
 *   31         12  11  10   9   8   6  5     4  3  2  1  0
 *  +-------------+---+---+----+-----+--------+--+--+--+--+
 *  |  PA[31:12]  |nG | S |AP2 | TEX | AP[1:0]| C| B| 1|XN|
 *  +-------------+---+---+----+-----+--------+--+--+--+--+
 */
#define SMALL_PAGE(pa, ng, s, ap2, tex, ap10, c, b, xn)                         \
	((uint32_t)(pa) | (ng) << 11 | (s) << 10 | (ap2) << 9 | (tex) << 6 |     \
	 (ap10) << 4 | (c) << 3 | (b) << 2 | 1u << 1 | (xn))

pgd_t swapper_pg_dir[PTRS_PER_PGD];
u32 __cpu_smp = 1;                      /* the SMP (virt) flavour of mem_types */
static phys_addr_t alloc_top;           /* memblock's allocation limit */

/* PTE pages allocated so far (all page tables here are 4 KiB). */
static int tables_allocated(void)
{
	return memblock_reserved_size() / PAGE_SIZE;
}

/* Allocate page tables below pa from now on. */
static void alloc_below(phys_addr_t pa)
{
	alloc_top = pa;
	memblock_set_current_limit(pa);
}

static uint32_t read_phys(uint32_t pa)
{
	return *(uint32_t *)__va(pa);
}

static int setup(void **state)
{
	(void)state;
	sim_ram_init(RAM_BASE, RAM_SIZE);
	memblock_reset_for_test();
	memblock_add(RAM_BASE, RAM_SIZE);
	alloc_below(RAM_BASE + RAM_SIZE);
	memset(swapper_pg_dir, 0, sizeof(swapper_pg_dir));
	sim_log_clear();
	return 0;
}

struct expect {
	uint32_t va, pa, len;
	unsigned ap;
	bool xn;
	unsigned index;
	int level;                          /* 1 section, 2 page */
};

static void map(uint32_t va, uint32_t pa, uint32_t len, unsigned type)
{
	struct map_desc md = { .virtual = va, .pfn = pa >> PAGE_SHIFT, .length = len, .type = type };

	create_mapping(&md);
}

/* Walk every 4 KiB page of the 4 GiB space: each one either inside one
 * expected range with exactly its attributes, or unmapped. */
static void check_all_pages(const struct expect *e, int n)
{
	uint64_t va;

	for (va = 0; va < (1ull << 32); va += PAGE_SIZE) {
		struct hw_walk w;
		const struct expect *x = NULL;
		int i;

		for (i = 0; i < n; i++)
			if (va >= e[i].va && va - e[i].va < e[i].len)
				x = &e[i];
		hw_walk((uint32_t *)swapper_pg_dir, (uint32_t)va, read_phys, &w);
		if (!x) {
			if (!w.fault)
				fail_msg("0x%08llx is mapped (to 0x%08x) but should not be",
					 (unsigned long long)va, w.pa);
			continue;
		}
		if (w.fault)
			fail_msg("0x%08llx is not mapped", (unsigned long long)va);
		assert_int_equal(w.pa, x->pa + (uint32_t)(va - x->va));
		assert_int_equal(w.ap, x->ap);
		assert_int_equal(w.xn, x->xn);
		assert_int_equal(w.index, x->index);
		assert_int_equal(w.level, x->level);
		assert_true(w.s);
	}
}

/*
 * map_lowmem's three parts, all 1 MiB aligned:
 *   0xc0000000 +1M RW | 0xc0100000 +2M RWX | 0xc0300000 +61M RW
 * Expect sections only (no PTE page allocated) with RW/RWX/RW and XN.
 */
static void create_mapping_sections_three_parts_check(void **state)
{
	const struct expect e[] = {
		{ 0xc0000000, RAM_BASE, 1 << 20, AP_KRW, true, IDX_WBWA, 1 },
		{ 0xc0100000, RAM_BASE + (1 << 20), 2 << 20, AP_KRW, false, IDX_WBWA, 1 },
		{ 0xc0300000, RAM_BASE + (3 << 20), 61 << 20, AP_KRW, true, IDX_WBWA, 1 },
	};

	(void)state;
	map(0xc0000000, RAM_BASE, 1 << 20, MT_MEMORY_RW);
	map(0xc0100000, RAM_BASE + (1 << 20), 2 << 20, MT_MEMORY_RWX);
	map(0xc0300000, RAM_BASE + (3 << 20), 61 << 20, MT_MEMORY_RW);
	assert_int_equal(tables_allocated(), 0);
	check_all_pages(e, 3);
}

/*
 * RAM ending off a 1 MiB boundary (mem=63.5M):
 *   ... 0xc3c00000 [ section | section? no: one 2 MiB pmd ] 0xc3f80000 end
 * Linux maps the whole last 2 MiB pmd [0xc3e00000, 0xc3f80000) with pages
 * (its check is per pmd); everything before it with sections.
 * Expect exactly one PTE page, its 384 pages RW NX, and nothing after.
 */
static void create_mapping_unaligned_end_uses_pages_check(void **state)
{
	const uint32_t len = (63u << 20) + (512u << 10);
	const struct expect e[] = {
		{ 0xc0000000, RAM_BASE, 62 << 20, AP_KRW, true, IDX_WBWA, 1 },
		{ 0xc3e00000, RAM_BASE + (62 << 20), len - (62 << 20), AP_KRW, true, IDX_WBWA, 2 },
	};

	(void)state;
	alloc_below(RAM_BASE + (32u << 20));    /* tables from already-mapped memory */
	map(0xc0000000, RAM_BASE, len, MT_MEMORY_RW);
	assert_int_equal(tables_allocated(), 1);
	check_all_pages(e, 2);
}

/*
 * The vectors: 0xffff0000 user-readable (MT_HIGH_VECTORS), 0xffff1000
 * kernel read-only (MT_LOW_VECTORS), in one split PTE page:
 *   L1[0xffe] -> page+0x800, L1[0xfff] -> page+0xc00,
 *   Linux PTE at page + 4*idx, hardware PTE at page + 0x800 + 4*idx.
 * Expect that layout, both pages executable, read-only, domain 3.
 */
static void create_mapping_vectors_split_pte_check(void **state)
{
	const uint32_t page_pa = RAM_BASE + (8u << 20);
	const struct expect e[] = {
		{ 0xffff0000, page_pa, PAGE_SIZE, AP_RO_RO, false, IDX_WBWA, 2 },
		{ 0xffff1000, page_pa + PAGE_SIZE, PAGE_SIZE, AP_KRO, false, IDX_WBWA, 2 },
	};
	uint32_t *l1 = (uint32_t *)swapper_pg_dir, table;
	pte_t *lpte;
	unsigned idx = (0xffff0000u >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);

	(void)state;
	map(0xffff0000, page_pa, PAGE_SIZE, MT_HIGH_VECTORS);
	map(0xffff1000, page_pa + PAGE_SIZE, PAGE_SIZE, MT_LOW_VECTORS);
	assert_int_equal(tables_allocated(), 1);
	table = alloc_top - PAGE_SIZE;          /* the PTE page: memblock is top-down */
	assert_int_equal(l1[0xffe] & ~0x3ffu, table + 0x800);
	assert_int_equal(l1[0xfff] & ~0x3ffu, table + 0xc00);
	assert_int_equal((l1[0xfff] >> 5) & 0xf, DOMAIN_VECTORS);
	lpte = (pte_t *)__va(table) + idx;
	assert_int_equal(pte_val(*lpte) & PAGE_MASK, page_pa);
	assert_true(pte_val(*lpte) & L_PTE_USER);
	/* user RO and kernel RO, executable, WBWA (index 7), shared (SMP), global */
	assert_int_equal(*(uint32_t *)((char *)lpte + 0x800),
			 SMALL_PAGE(page_pa, 0, 1, 1, 1, 3, 1, 1, 0));
	assert_int_equal(*(uint32_t *)((char *)(lpte + 1) + 0x800),
			 SMALL_PAGE(page_pa + PAGE_SIZE, 0, 1, 1, 1, 1, 1, 1, 0));
	check_all_pages(e, 2);
}

/* A device page: XN, device memory (index 4), kernel RW, domain IO. */
static void create_mapping_device_page_check(void **state)
{
	struct hw_walk w;

	(void)state;
	map(0xff709000, 0x10009000, PAGE_SIZE, MT_DEVICE);
	hw_walk((uint32_t *)swapper_pg_dir, 0xff709abc, read_phys, &w);
	assert_false(w.fault);
	assert_int_equal(w.pa, 0x10009abc);
	assert_int_equal(w.ap, AP_KRW);
	assert_true(w.xn);
	assert_int_equal(w.index, IDX_DEVICE);
	assert_int_equal(w.domain, DOMAIN_IO);
}

/*
 *   0xff600000 +------------------+  one 1 MiB MT_DEVICE section, through
 *              | device 0x10000000|  iotable_init (as early_io.c's slots)
 *   0xff700000 +------------------+
 * Expect a section that only the kernel can reach (AP = 001: Linux's
 * MT_DEVICE is AP_WRITE only, never user-accessible), XN, device memory,
 * domain IO, and one static vm area handed to vmalloc.
 */
static void iotable_init_device_section_check(void **state)
{
	struct map_desc md = { 0xff600000, 0x10000000 >> PAGE_SHIFT, 1 << 20, MT_DEVICE };
	int added = host_vm_areas_added;
	struct hw_walk w;

	(void)state;
	iotable_init(&md, 1);
	hw_walk((uint32_t *)swapper_pg_dir, 0xff612345, read_phys, &w);
	assert_false(w.fault);
	assert_int_equal(w.level, 1);
	assert_int_equal(w.pa, 0x10012345);
	assert_int_equal(w.ap, AP_KRW);
	assert_true(w.xn);
	assert_int_equal(w.index, IDX_DEVICE);
	assert_int_equal(w.domain, DOMAIN_IO);
	assert_int_equal(host_vm_areas_added, added + 1);
	assert_int_equal(memblock_reserved_size(), sizeof(struct vm_struct));  /* no PTE page */
}

/* A mapping in the user half is refused with Linux's BUG: warning. */
static void create_mapping_user_region_refused_check(void **state)
{
	(void)state;
	map(0x10000000, RAM_BASE, 1 << 20, MT_MEMORY_RW);
	assert_non_null(strstr(sim_log(), "BUG: not creating mapping for 0x60000000 at 0x10000000"));
	check_all_pages(NULL, 0);
}

/* Pages over a section: a broken invariant, a panic, not a silent overwrite. */
static void create_mapping_pages_over_section_panics_check(void **state)
{
	(void)state;
	map(0xc0000000, RAM_BASE, 2 << 20, MT_MEMORY_RW);
	assert_true(SIM_EXPECT_PANIC(map(0xc0001000, RAM_BASE, PAGE_SIZE, MT_DEVICE)));
	assert_non_null(strstr(sim_panic_msg, "already mapped by a section"));
}

/*
 * set_pte_ext's rules (Linux: cpu_v7_set_pte_ext, proc-v7-2level.S): a
 * Linux PTE and the hardware word it must give, row by row. AP[2:0] 001
 * kernel RW, 101 kernel RO, 011 user RW, 111 RO for both; TEX[0]:C:B is
 * the TEX remap index (7 WBWA, 4 device, 3 WB, 2 WT, 1 bufferable, 0 SO).
 */
#define PA  0x60001000u
#define PYD (L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY)
static const struct {
	const char *what;
	pteval_t linux_pte;
	unsigned int ext;
	uint32_t hw;
} pte_rows[] = {
	{ "kernel RW WBWA", PYD | L_PTE_MT_WRITEALLOC, 0, SMALL_PAGE(PA, 0, 0, 0, 1, 1, 1, 1, 0) },
	{ "clean: RO until written", L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_MT_WRITEALLOC, 0,
	  SMALL_PAGE(PA, 0, 0, 1, 1, 1, 1, 1, 0) },
	{ "kernel RO", PYD | L_PTE_RDONLY | L_PTE_MT_WRITEALLOC, 0,
	  SMALL_PAGE(PA, 0, 0, 1, 1, 1, 1, 1, 0) },
	{ "user RW", PYD | L_PTE_USER | L_PTE_MT_WRITEALLOC, 0,
	  SMALL_PAGE(PA, 0, 0, 0, 1, 3, 1, 1, 0) },
	{ "user RO (high vectors)", PYD | L_PTE_USER | L_PTE_RDONLY | L_PTE_MT_WRITEALLOC, 0,
	  SMALL_PAGE(PA, 0, 0, 1, 1, 3, 1, 1, 0) },
	{ "user clean", L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_USER | L_PTE_MT_WRITEALLOC, 0,
	  SMALL_PAGE(PA, 0, 0, 1, 1, 3, 1, 1, 0) },
	{ "XN", PYD | L_PTE_XN | L_PTE_MT_WRITEALLOC, 0, SMALL_PAGE(PA, 0, 0, 0, 1, 1, 1, 1, 1) },
	{ "shared, ext nG", PYD | L_PTE_SHARED | L_PTE_MT_WRITEALLOC, 1u << 11,
	  SMALL_PAGE(PA, 1, 1, 0, 1, 1, 1, 1, 0) },
	{ "device shared", PYD | L_PTE_XN | L_PTE_MT_DEV_SHARED, 0,
	  SMALL_PAGE(PA, 0, 0, 0, 1, 1, 0, 0, 1) },
	{ "device non-shared", PYD | L_PTE_XN | L_PTE_MT_DEV_NONSHARED, 0,
	  SMALL_PAGE(PA, 0, 0, 0, 1, 1, 0, 0, 1) },
	{ "device WC", PYD | L_PTE_XN | L_PTE_MT_DEV_WC, 0, SMALL_PAGE(PA, 0, 0, 0, 0, 1, 0, 1, 1) },
	{ "write-back", PYD | L_PTE_MT_WRITEBACK, 0, SMALL_PAGE(PA, 0, 0, 0, 0, 1, 1, 1, 0) },
	{ "write-through", PYD | L_PTE_MT_WRITETHROUGH, 0, SMALL_PAGE(PA, 0, 0, 0, 0, 1, 1, 0, 0) },
	{ "strongly ordered", PYD | L_PTE_MT_UNCACHED, 0, SMALL_PAGE(PA, 0, 0, 0, 0, 1, 0, 0, 0) },
	{ "old: no entry", L_PTE_PRESENT | L_PTE_DIRTY | L_PTE_MT_WRITEALLOC, 0, 0 },
	{ "not present", L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_MT_WRITEALLOC, 0, 0 },
	{ "PROT_NONE", PYD | L_PTE_NONE | L_PTE_MT_WRITEALLOC, 0, 0 },
};

/*
 * Each row through set_pte_ext into a PTE page: the Linux PTE lands as
 * given, the hardware word 2048 bytes on is the row's.
 */
static void set_pte_ext_rows_check(void **state)
{
	pte_t *page = __va(RAM_BASE + (4u << 20));
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(pte_rows) / sizeof(pte_rows[0]); i++) {
		pte_t *ptep = page + i;

		set_pte_ext(ptep, __pte(PA | pte_rows[i].linux_pte), pte_rows[i].ext);
		if (pte_val(*ptep) != (PA | pte_rows[i].linux_pte) || *pte_hw(ptep) != pte_rows[i].hw)
			fail_msg("%s: Linux PTE 0x%08x, hardware 0x%08x, want 0x%08x", pte_rows[i].what,
				 pte_val(*ptep), *pte_hw(ptep), pte_rows[i].hw);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(create_mapping_sections_three_parts_check, setup),
		cmocka_unit_test_setup(create_mapping_unaligned_end_uses_pages_check, setup),
		cmocka_unit_test_setup(create_mapping_vectors_split_pte_check, setup),
		cmocka_unit_test_setup(create_mapping_device_page_check, setup),
		cmocka_unit_test_setup(iotable_init_device_section_check, setup),
		cmocka_unit_test_setup(create_mapping_user_region_refused_check, setup),
		cmocka_unit_test_setup(create_mapping_pages_over_section_panics_check, setup),
		cmocka_unit_test_setup(set_pte_ext_rows_check, setup),
	};

	build_mem_type_table();
	return cmocka_run_group_tests_name("create_mapping", tests, NULL, NULL);
}
