/*
 * arch/arm/mm/mmu.c - the kernel's page tables: memory types and
 * create_mapping(). Linux: arch/arm/mm/mmu.c (mem_types[],
 * build_mem_type_table, alloc_init_pte/pmd/pud, create_mapping,
 * iotable_init). The boot-time callers (prepare_page_table, map_lowmem,
 * devicemaps_init, paging_init) are in paging.c.
 *
 * Differences from Linux: one CPU family (ARMv7, TEX remap, SMP-style
 * shareable memory, write-allocate caches), so build_mem_type_table has no
 * per-CPU cases; no 36-bit (supersection) mappings; no LPAE.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <asm/pgtable.h>
#include <asm/cp15.h>
#include <asm/mach/map.h>
#include "mm.h"

#define PROT_PTE_DEVICE  (L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_XN)
#define PROT_SECT_DEVICE (PMD_TYPE_SECT | PMD_SECT_AP_WRITE)

/*
 * The memory types, before build_mem_type_table() adds what depends on the
 * CPU (cache policy, XN, shareability, domains). Kernel memory sections
 * are AP = 01: privileged read/write, no user access.
 */
struct mem_type mem_types[MT_NR_TYPES] = {
	[MT_DEVICE] = {             /* shared device */
		.prot_pte  = PROT_PTE_DEVICE | L_PTE_MT_DEV_SHARED | L_PTE_SHARED,
		.prot_l1   = PMD_TYPE_TABLE,
		.prot_sect = PROT_SECT_DEVICE | PMD_SECT_S,
		.domain    = DOMAIN_IO,
	},
	[MT_HIGH_VECTORS] = {       /* user read-only, kernel read-only */
		.prot_pte  = L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY |
			     L_PTE_USER | L_PTE_RDONLY,
		.prot_l1   = PMD_TYPE_TABLE,
		.domain    = DOMAIN_VECTORS,
	},
	[MT_LOW_VECTORS] = {        /* kernel read-only */
		.prot_pte  = L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_RDONLY,
		.prot_l1   = PMD_TYPE_TABLE,
		.domain    = DOMAIN_VECTORS,
	},
	[MT_MEMORY_RWX] = {
		.prot_pte  = L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY,
		.prot_l1   = PMD_TYPE_TABLE,
		.prot_sect = PMD_TYPE_SECT | PMD_SECT_AP_WRITE,
		.domain    = DOMAIN_KERNEL,
	},
	[MT_MEMORY_RW] = {
		.prot_pte  = L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_XN,
		.prot_l1   = PMD_TYPE_TABLE,
		.prot_sect = PMD_TYPE_SECT | PMD_SECT_AP_WRITE,
		.domain    = DOMAIN_KERNEL,
	},
	[MT_MEMORY_RO] = {
		.prot_pte  = L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY |
			     L_PTE_XN | L_PTE_RDONLY,
		.prot_l1   = PMD_TYPE_TABLE,
		.prot_sect = PMD_TYPE_SECT,
		.domain    = DOMAIN_KERNEL,
	},
	[MT_ROM] = {
		.prot_sect = PMD_TYPE_SECT,
		.domain    = DOMAIN_KERNEL,
	},
};

/*
 * build_mem_type_table - finish mem_types[] for ARMv7 with TEX remap
 *
 * What Linux's build_mem_type_table works out on these CPUs:
 *  - cache policy: "writealloc" on SMP (sections PMD_SECT_WBWA, PTEs
 *    L_PTE_MT_WRITEALLOC), "writeback" on a uniprocessor (PMD_SECT_WB,
 *    L_PTE_MT_WRITEBACK) (head.S's __detect_smp decided);
 *  - device and non-executable memory get XN (no speculative fetches);
 *  - shared device = TEX[0]CB 100 (TEX remap index 4);
 *  - on SMP head.S mapped with the S bit, so kernel memory stays shareable;
 *  - read-only sections are APX + AP=01 (kernel read-only);
 *  - every L1 descriptor carries its type's domain.
 */
void __init build_mem_type_table(void)
{
	pteval_t kern_pgprot = __cpu_smp ? L_PTE_MT_WRITEALLOC | L_PTE_SHARED : L_PTE_MT_WRITEBACK;
	pmdval_t cp_pmd = __cpu_smp ? PMD_SECT_WBWA : PMD_SECT_WB;
	pmdval_t shared = __cpu_smp ? PMD_SECT_S : 0;
	unsigned int i;

	mem_types[MT_DEVICE].prot_sect |= PMD_SECT_XN | PMD_SECT_TEX(1);
	mem_types[MT_MEMORY_RW].prot_sect |= PMD_SECT_XN;
	mem_types[MT_MEMORY_RO].prot_sect |= PMD_SECT_XN;

	mem_types[MT_ROM].prot_sect |= PMD_SECT_APX | PMD_SECT_AP_WRITE;
	mem_types[MT_MEMORY_RO].prot_sect |= PMD_SECT_APX | PMD_SECT_AP_WRITE;

	mem_types[MT_MEMORY_RWX].prot_sect |= shared | cp_pmd;
	mem_types[MT_MEMORY_RWX].prot_pte |= kern_pgprot;
	mem_types[MT_MEMORY_RW].prot_sect |= shared | cp_pmd;
	mem_types[MT_MEMORY_RW].prot_pte |= kern_pgprot;
	mem_types[MT_MEMORY_RO].prot_sect |= shared | cp_pmd;  /* SHD on SMP, as Linux 6.1 maps the DTB */
	mem_types[MT_MEMORY_RO].prot_pte |= kern_pgprot;
	mem_types[MT_ROM].prot_sect |= cp_pmd;
	mem_types[MT_LOW_VECTORS].prot_pte |= kern_pgprot;
	mem_types[MT_HIGH_VECTORS].prot_pte |= kern_pgprot;

	for (i = 0; i < MT_NR_TYPES; i++) {
		struct mem_type *t = &mem_types[i];

		if (t->prot_l1)
			t->prot_l1 |= PMD_DOMAIN(t->domain);
		if (t->prot_sect)
			t->prot_sect |= PMD_DOMAIN(t->domain);
	}
	pr_info("Memory policy: Data cache %s\n", __cpu_smp ? "writealloc" : "writeback");
}

/**
 * early_alloc - zeroed, naturally aligned boot memory for page tables
 * @sz: bytes (a power of two)
 *
 * Only used when booting, from memblock, below its current limit (which
 * paging_init keeps inside what is already mapped). Panics on failure:
 * without page tables there is no way on.
 */
void * __init early_alloc(unsigned long sz)
{
	void *ptr = memblock_alloc(sz, sz);

	if (!ptr)
		panic("early_alloc: failed to allocate %lu bytes align=0x%lx", sz, sz);
	return ptr;
}

/* The PTE page for the 2 MiB pmd points at, allocated and hooked up
 * (both L1 words) on first use; returns the Linux PTE for addr. */
static pte_t * __init arm_pte_alloc(pmd_t *pmd, unsigned long addr, pmdval_t prot)
{
	if (pmd_none(*pmd)) {
		pte_t *pte = early_alloc(PTE_HWTABLE_OFF + PTE_HWTABLE_SIZE);

		__pmd_populate(pmd, __pa(pte), prot);
	}
	if (pmd_bad(*pmd))
		panic("create_mapping: 0x%08lx is already mapped by a section (pmd 0x%08x)",
		      addr, pmd_val(*pmd));
	return pte_offset_kernel(pmd, addr);
}

/* Map [addr, end) with 4 KiB pages from pfn on (Linux alloc_init_pte). */
static void __init alloc_init_pte(pmd_t *pmd, unsigned long addr, unsigned long end,
				  unsigned long pfn, const struct mem_type *type)
{
	pte_t *pte = arm_pte_alloc(pmd, addr, type->prot_l1);

	do {
		set_pte_ext(pte, pfn_pte(pfn, __pgprot(type->prot_pte)), 0);
		pfn++;
	} while (pte++, addr += PAGE_SIZE, addr != end);
}

/*
 * Map [addr, end) with 1 MiB sections. pmd is the pair's first L1 word; an
 * odd megabyte is its second word (see pgtable-2level.h).
 */
static void __init __map_init_section(pmd_t *pmd, unsigned long addr, unsigned long end,
				      phys_addr_t phys, const struct mem_type *type)
{
	pmd_t *p = pmd;

	if (addr & SECTION_SIZE)
		pmd++;
	do {
		*pmd = __pmd(phys | type->prot_sect);
		phys += SECTION_SIZE;
	} while (pmd++, addr += SECTION_SIZE, addr != end);
	flush_pmd_entry(p);
	flush_pmd_entry(pmd - 1);
}

/*
 * One 2 MiB pmd: sections when the virtual range and the physical address
 * are all section aligned, else pages for the whole [addr, end) (so a
 * range that ends off a 1 MiB boundary gets pages for its last pmd).
 */
static void __init alloc_init_pmd(pmd_t *pmd, unsigned long addr, unsigned long end,
				  phys_addr_t phys, const struct mem_type *type)
{
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (type->prot_sect && ((addr | next | phys) & ~SECTION_MASK) == 0)
			__map_init_section(pmd, addr, next, phys, type);
		else
			alloc_init_pte(pmd, addr, next, phys >> PAGE_SHIFT, type);
		phys += next - addr;
	} while (pmd++, addr = next, addr != end);
}

/* The folded pud level: one pud per pgd, which is the pmd (Linux alloc_init_pud). */
static void __init alloc_init_pud(pgd_t *pgd, unsigned long addr, unsigned long end,
				  phys_addr_t phys, const struct mem_type *type)
{
	alloc_init_pmd((pmd_t *)pgd, addr, end, phys, type);
}

/**
 * create_mapping - map a region in the kernel's page tables
 * @md: virtual start, first pfn, length and MT_* type
 *
 * Only used when booting: page tables come from early_alloc(), and the
 * caller flushes the TLB (devicemaps_init does, once, at the end). A
 * region in the user half, or one that needs pages when its type has none,
 * is refused with Linux's "BUG:" message and not mapped.
 */
void __init create_mapping(struct map_desc *md)
{
	const struct mem_type *type = &mem_types[md->type];
	unsigned long addr = md->virtual & PAGE_MASK;
	phys_addr_t phys = (phys_addr_t)md->pfn << PAGE_SHIFT;
	unsigned long length = ALIGN(md->length + (md->virtual & ~PAGE_MASK), PAGE_SIZE);
	unsigned long end = addr + length;
	pgd_t *pgd = pgd_offset_k(addr);

	if (md->virtual != VECTORS_BASE && md->virtual < MODULES_VADDR) {
		pr_warn("BUG: not creating mapping for 0x%08x at 0x%08lx in user region\n",
			phys, md->virtual);
		return;
	}
	if (!type->prot_l1 && ((addr | phys | length) & ~SECTION_MASK)) {
		pr_warn("BUG: map for 0x%08x at 0x%08lx can not be mapped using pages, ignoring.\n",
			phys, addr);
		return;
	}
	do {
		unsigned long next = pgd_addr_end(addr, end);

		alloc_init_pud(pgd, addr, next, phys, type);
		phys += next - addr;
		addr = next;
	} while (pgd++, addr != end);
}

/**
 * iotable_init - create a table of static device mappings
 * @io_desc: the mappings
 * @nr: how many
 *
 * Only used when booting. vmalloc_init() later records the early device
 * pages as static vm areas (Linux: vm_area_add_early from here).
 */
void __init iotable_init(struct map_desc *io_desc, int nr)
{
	int i;

	for (i = 0; i < nr; i++)
		create_mapping(&io_desc[i]);
}
