/*
 * tests/host/fuzz/fuzz_mapping.c - libFuzzer over create_mapping()
 * (arch/arm/mm/mmu.c, pte-v7.c): the input is a list of map_desc requests
 * (virtual address, physical address, length, MT_* type); each is mapped
 * into a fresh swapper_pg_dir, page tables from memblock over a simulated
 * RAM at PAGE_OFFSET, then every 4 KiB page of every 2 MiB pmd a request
 * touched is walked by the independent table walker (host/walker.h):
 *  - a page inside an accepted request translates to its own PA, with the
 *    type's access, XN, TEX remap index, shareability and domain, as a
 *    section exactly when the request's part of that pmd and its PA are
 *    all 1 MiB aligned and the type has sections, else as a small page
 *    whose hardware PTE is what set_pte_ext derives from its Linux PTE;
 *  - every other page there faults, and no L1 entry elsewhere is set;
 *  - a request in the user half, or an unaligned one of a sections-only
 *    type, is refused with a "BUG:" line and maps nothing.
 * A request whose 2 MiB pmds touch an earlier one's is skipped: pages over
 * a section is a panic (tests/host/mmu checks that one).
 */
#include <stdio.h>
#include <string.h>
#include <host/walker.h>
#include <asm/pgtable.h>
#include <asm/cp15.h>
#include <asm/mach/map.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include "../../../arch/arm/mm/mm.h"
#include "../mmu/paging_stubs.h"
#include "fuzz.h"

#define PHYS_BASE 0x60000000u
#define RAM_SIZE  (32u << 20)
#define MAX_REQ   8

u32 __cpu_smp = 1;
pgd_t swapper_pg_dir[PTRS_PER_PGD];

/* What the walker must see for a type: AP[2:0], XN, TEX remap index, S, domain. */
struct attrs {
	unsigned ap;
	bool xn;
	unsigned index;
	bool s;                 /* checked only where the type promises it */
	unsigned domain;
};

/* By the types' definitions (asm/mach/map.h), SMP flavour: written out, not read from mem_types[]. */
static const struct attrs want_attrs[MT_NR_TYPES] = {
	[MT_DEVICE]       = { 1, true,  4, true, DOMAIN_IO },       /* kernel RW, shared device */
	[MT_HIGH_VECTORS] = { 7, false, 7, true, DOMAIN_VECTORS },  /* RO for kernel and user */
	[MT_LOW_VECTORS]  = { 5, false, 7, true, DOMAIN_VECTORS },  /* kernel RO */
	[MT_MEMORY_RWX]   = { 1, false, 7, true, DOMAIN_KERNEL },
	[MT_MEMORY_RW]    = { 1, true,  7, true, DOMAIN_KERNEL },
	[MT_MEMORY_RO]    = { 5, true,  7, true, DOMAIN_KERNEL },
};

/* The types mem_types[] fills in (the others keep Linux's numbers, empty). */
static const unsigned fuzz_types[] = {
	MT_DEVICE, MT_LOW_VECTORS, MT_HIGH_VECTORS, MT_MEMORY_RWX, MT_MEMORY_RW, MT_MEMORY_RO,
};

static struct map_desc req[MAX_REQ];
static int nreq;
static bool pmd_used[PTRS_PER_PGD];

static uint32_t read_phys(uint32_t pa)
{
	return *(uint32_t *)__va(pa);
}

static bool has_sections(unsigned type)
{
	return type != MT_HIGH_VECTORS && type != MT_LOW_VECTORS;
}

/* Section or page for va in request md: the part of va's 2 MiB pmd it covers decides. */
static int want_level(const struct map_desc *md, uint32_t va)
{
	u64 start = md->virtual, end = start + md->length;
	u64 lo = max(start, (u64)(va & PGDIR_MASK)), hi = min(end, (u64)(va & PGDIR_MASK) + PGDIR_SIZE);
	u64 pa = ((u64)md->pfn << PAGE_SHIFT) + (lo - start);

	return has_sections(md->type) && !((lo | hi | pa) & (SECTION_SIZE - 1)) ? 1 : 2;
}

static void report(void)
{
	int i;

	for (i = 0; i < nreq; i++)
		fprintf(stderr, "request %d: va 0x%08lx pa 0x%08llx len 0x%08lx type %u\n", i,
			req[i].virtual, (u64)req[i].pfn << PAGE_SHIFT, req[i].length, req[i].type);
}

/* The page at va, wanted inside md (or unmapped, md NULL). */
static void check_page(uint32_t va, const struct map_desc *md)
{
	const struct attrs *a;
	struct hw_walk w;
	uint32_t pa;

	hw_walk((uint32_t *)swapper_pg_dir, va, read_phys, &w);
	if (!md) {
		CHECK(w.fault, "0x%08x mapped to 0x%08x, outside every request", va, w.pa);
		return;
	}
	pa = (md->pfn << PAGE_SHIFT) + (va - md->virtual);
	a = &want_attrs[md->type];
	CHECK(!w.fault && w.pa == pa, "0x%08x: walk fault %d pa 0x%08x, want 0x%08x", va, w.fault, w.pa, pa);
	CHECK(w.ap == a->ap && w.xn == a->xn && w.index == a->index && w.domain == a->domain,
	      "0x%08x type %u: ap %u xn %d index %u domain %u", va, md->type, w.ap, w.xn, w.index, w.domain);
	/* RO sections are not shareable: Linux's build_mem_type_table leaves out their S too */
	CHECK(w.s == a->s || (w.level == 1 && md->type == MT_MEMORY_RO),
	      "0x%08x type %u level %d: S %d", va, md->type, w.level, w.s);
	CHECK(w.level == want_level(md, va), "0x%08x: level %d, want %d", va, w.level, want_level(md, va));
	if (w.level == 2) {
		pte_t *pte = pte_offset_kernel(pmd_off_k(va), va);

		CHECK(*pte_hw(pte) == pte_v7_hw(pte_val(*pte), 0),
		      "0x%08x: hardware PTE 0x%08x, Linux PTE 0x%08x", va, *pte_hw(pte), pte_val(*pte));
		CHECK((pte_val(*pte) & PAGE_MASK) == pa, "0x%08x: Linux PTE 0x%08x", va, pte_val(*pte));
	}
}

/* Every page of every pmd in use, and no L1 entry outside them. */
static void check_all(void)
{
	uint32_t p, k;
	int i;

	for (p = 0; p < PTRS_PER_PGD; p++) {
		if (!pmd_used[p]) {
			CHECK(!pmd_val(swapper_pg_dir[p][0]) && !pmd_val(swapper_pg_dir[p][1]),
			      "L1 of 0x%08x set outside every request", p << PGDIR_SHIFT);
			continue;
		}
		for (k = 0; k < PGDIR_SIZE / PAGE_SIZE; k++) {
			uint32_t va = (p << PGDIR_SHIFT) + k * PAGE_SIZE;
			const struct map_desc *md = NULL;

			for (i = 0; i < nreq; i++)
				if (va >= req[i].virtual && va - req[i].virtual < req[i].length)
					md = &req[i];
			check_page(va, md);
		}
	}
}

/* One request from 13 bytes: often section aligned, sometimes at the top or in user space. */
static void decode(struct input *in, struct map_desc *md)
{
	u32 va = g32(in), pa = g32(in), len = g32(in);
	u8 f = g8(in);

	md->length = ((len % (8u << 20)) & PAGE_MASK) + PAGE_SIZE;
	md->virtual = (MODULES_VADDR + va % (0 - MODULES_VADDR - (8u << 20))) & PAGE_MASK;
	md->pfn = (PHYS_BASE + pa % (512u << 20)) >> PAGE_SHIFT;      /* any 512 MiB of PA */
	if (f & 0x10) {
		md->virtual &= SECTION_MASK;
		md->pfn &= SECTION_MASK >> PAGE_SHIFT;
	}
	if (f & 0x20)
		md->length = ALIGN(md->length, SECTION_SIZE);
	if ((f & 0xc0) == 0x40)
		md->virtual = 0 - md->length;           /* ends at 4 GiB: end wraps to 0 */
	if ((f & 0xc0) == 0x80 && !(va & 7))
		md->virtual = va % MODULES_VADDR & PAGE_MASK;      /* user half: refused */
	md->type = fuzz_types[f % ARRAY_SIZE(fuzz_types)];
}

/* Map md, unless it would overlap an earlier request's pmds; record what to expect. */
static void map_one(struct map_desc *md)
{
	uint32_t first = md->virtual >> PGDIR_SHIFT, last = (md->virtual + md->length - 1) >> PGDIR_SHIFT, p;
	bool refused = md->virtual < MODULES_VADDR && md->virtual != VECTORS_BASE;
	unsigned long logged = fuzz_log_count;

	for (p = first; !refused && p <= last; p++)
		if (pmd_used[p])
			return;
	create_mapping(md);
	if (refused) {
		CHECK(fuzz_log_count > logged && strstr(fuzz_log_line, "BUG:"),
		      "a refused request (va 0x%08lx type %u) logged no BUG: line", md->virtual, md->type);
		return;
	}
	for (p = first; p <= last; p++)
		pmd_used[p] = true;
	req[nreq++] = *md;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_ram_init(PHYS_BASE, RAM_SIZE);
	build_mem_type_table();
	fuzz_report = report;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };

	memset(swapper_pg_dir, 0, sizeof(swapper_pg_dir));
	memset(pmd_used, 0, sizeof(pmd_used));
	nreq = 0;
	memblock_reset_for_test();
	memblock_add(PHYS_BASE, RAM_SIZE);
	memblock_set_current_limit(PHYS_BASE + RAM_SIZE);
	while (in.n >= 13 && nreq < MAX_REQ) {
		struct map_desc md;

		decode(&in, &md);
		map_one(&md);
	}
	check_all();
	return 0;
}
