/*
 * arch/arm/mm/mmu.c - the kernel's page tables: memory types, create_mapping
 * and the boot phases that take over from head.S's temporary sections.
 * Linux: arch/arm/mm/mmu.c (mem_types[], build_mem_type_table, early_alloc,
 * arm_pte_alloc, alloc_init_pte/pmd/pud, create_mapping, iotable_init,
 * early_vmalloc, adjust_lowmem_bounds, prepare_page_table, map_lowmem,
 * devicemaps_init, kmap_init, paging_init).
 *
 * Differences from Linux:
 *  - one CPU family (ARMv7 with TEX remap), so build_mem_type_table has no
 *    per-CPU cases; kernel memory is write-back write-allocate and
 *    shareable on an SMP system, write-back and not shared on a
 *    uniprocessor (head.S's __detect_smp decides, as Linux's
 *    is_smp() does); no 36-bit (supersection) mappings; no LPAE.
 *  - map_lowmem maps the kernel's own part of lowmem itself (Linux 6.1
 *    split that into map_kernel); the tables are the same (picture below).
 *  - early_fixmap_init is left out: nothing here needs a fixmap slot
 *    before paging_init (the early UART has its own sections, early_io.c,
 *    and head.S maps the DTB window). top_pmd is left out too: Linux uses
 *    it only for flush_pfn_alias/copy_user_highpage on aliasing VIPT
 *    caches, which ARMv7 does not have.
 *
 * The linear map map_lowmem builds:
 *
 *   +--------------------------+ PHYS_OFFSET (RAM starts here)
 *   | (below the kernel)       |  MT_MEMORY_RW    (RW, XN)
 *   +--------------------------+ kernel_x_start = section of _text
 *   | kernel: head, text,      |  MT_MEMORY_RWX   (RW, executable)
 *   | rodata, init             |
 *   +--------------------------+ kernel_x_end = round_up(__pa(__init_end), 1 MiB)
 *   | data, bss, free lowmem   |  MT_MEMORY_RW    (RW, XN)
 *   +--------------------------+ arm_lowmem_limit (the rest is HighMem)
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/of_fdt.h>
#include <asm/pgtable.h>
#include <asm/pgalloc.h>
#include <asm/cp15.h>
#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/io.h>
#include <asm/ptdump.h>
#include <asm/sections.h>
#include <asm/tlbflush.h>
#include <asm/mach/map.h>
#include "mm.h"

#define VMALLOC_DEFAULT_SIZE (240UL << 20)   /* Linux's default vmalloc area */
#define VMALLOC_MIN_SIZE     (16UL << 20)
#define LOWMEM_MIN_SIZE      (32UL << 20)

phys_addr_t arm_lowmem_limit __initdata;
void *high_memory;
unsigned long vmalloc_size = VMALLOC_DEFAULT_SIZE;
/* PAGE_KERNEL without XN (Linux: set in build_mem_type_table). */
pgprot_t pgprot_kernel;
/*
 * protection_map - the Linux PTE bits of a user page for each combination
 * of VM_READ, VM_WRITE, VM_EXEC and VM_SHARED (Linux 6.1 keeps it here, in
 * arch/arm/mm/mmu.c). A private writable mapping gets __PAGE_COPY, which is
 * read-only: its first write faults, so the kernel can copy the page
 * (do_wp_page) or mark it dirty. ARM's user pages are always readable
 * (AP has no write-only or exec-only user setting), so VM_WRITE and
 * VM_EXEC alone still read. build_mem_type_table adds user_pgprot.
 */
pgprot_t protection_map[16] = {
	[VM_NONE]                                  = __pgprot(__PAGE_NONE),
	[VM_READ]                                  = __pgprot(__PAGE_READONLY),
	[VM_WRITE]                                 = __pgprot(__PAGE_COPY),
	[VM_WRITE | VM_READ]                       = __pgprot(__PAGE_COPY),
	[VM_EXEC]                                  = __pgprot(__PAGE_READONLY_EXEC),
	[VM_EXEC | VM_READ]                        = __pgprot(__PAGE_READONLY_EXEC),
	[VM_EXEC | VM_WRITE]                       = __pgprot(__PAGE_COPY_EXEC),
	[VM_EXEC | VM_WRITE | VM_READ]             = __pgprot(__PAGE_COPY_EXEC),
	[VM_SHARED]                                = __pgprot(__PAGE_NONE),
	[VM_SHARED | VM_READ]                      = __pgprot(__PAGE_READONLY),
	[VM_SHARED | VM_WRITE]                     = __pgprot(__PAGE_SHARED),
	[VM_SHARED | VM_WRITE | VM_READ]           = __pgprot(__PAGE_SHARED),
	[VM_SHARED | VM_EXEC]                      = __pgprot(__PAGE_READONLY_EXEC),
	[VM_SHARED | VM_EXEC | VM_READ]            = __pgprot(__PAGE_READONLY_EXEC),
	[VM_SHARED | VM_EXEC | VM_WRITE]           = __pgprot(__PAGE_SHARED_EXEC),
	[VM_SHARED | VM_EXEC | VM_WRITE | VM_READ] = __pgprot(__PAGE_SHARED_EXEC),
};
/* The cache policy and shareability of user pages (Linux user_pgprot). */
pteval_t user_pgprot;

/* vm_flags -> vm_page_prot (Linux DECLARE_VM_GET_PAGE_PROT). */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	return protection_map[vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED)];
}

/* A zeroed page for the zero page of user mappings (Linux: set in paging_init). */
struct page *empty_zero_page;

/* Which page-table snapshots to print (boot argument ptdump=phases). */
bool ptdump_phases;

#define PROT_PTE_DEVICE  (L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_XN)
#define PROT_SECT_DEVICE (PMD_TYPE_SECT | PMD_SECT_AP_WRITE)

/*
 * The memory types, before build_mem_type_table() adds what depends on the
 * CPU (cache policy, XN, shareability, domains). Kernel memory sections
 * are AP = 01: privileged read/write, no user access. Only the types this
 * kernel maps are filled in; the others keep Linux's index and stay empty.
 */
struct mem_type mem_types[MT_NR_TYPES] = {
	[MT_DEVICE] = {             /* shared device */
		.prot_pte  = PROT_PTE_DEVICE | L_PTE_MT_DEV_SHARED | L_PTE_SHARED,
		.prot_l1   = PMD_TYPE_TABLE,
		.prot_sect = PROT_SECT_DEVICE | PMD_SECT_S,
		.domain    = DOMAIN_IO,
	},
	[MT_LOW_VECTORS] = {        /* kernel read-only */
		.prot_pte  = L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_RDONLY,
		.prot_l1   = PMD_TYPE_TABLE,
		.domain    = DOMAIN_VECTORS,
	},
	[MT_HIGH_VECTORS] = {       /* user read-only, kernel read-only */
		.prot_pte  = L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY |
			     L_PTE_USER | L_PTE_RDONLY,
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
 *  - every L1 descriptor carries its type's domain;
 *  - pgprot_kernel, the base of PAGE_KERNEL (asm/pgtable.h).
 * Called from setup_arch before anything is mapped with these types.
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
	mem_types[MT_MEMORY_RO].prot_sect |= PMD_SECT_APX | PMD_SECT_AP_WRITE;

	pgprot_kernel = __pgprot(L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | kern_pgprot);
	mem_types[MT_MEMORY_RWX].prot_sect |= shared | cp_pmd;
	mem_types[MT_MEMORY_RWX].prot_pte |= kern_pgprot;
	mem_types[MT_MEMORY_RW].prot_sect |= shared | cp_pmd;
	mem_types[MT_MEMORY_RW].prot_pte |= kern_pgprot;
	mem_types[MT_MEMORY_RO].prot_sect |= shared | cp_pmd;  /* SHD on SMP, as Linux 6.1 maps the DTB */
	mem_types[MT_MEMORY_RO].prot_pte |= kern_pgprot;
	mem_types[MT_LOW_VECTORS].prot_pte |= kern_pgprot;
	mem_types[MT_HIGH_VECTORS].prot_pte |= kern_pgprot;

	/* User pages: the same cache policy, shareable on SMP (Linux user_pgprot). */
	user_pgprot = kern_pgprot;
	for (i = 0; i < ARRAY_SIZE(protection_map); i++)
		protection_map[i] = __pgprot(pgprot_val(protection_map[i]) | user_pgprot);

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

static pte_t * __init early_pte_page(void)
{
	return early_alloc(PTE_HWTABLE_OFF + PTE_HWTABLE_SIZE);
}

/* The Linux PTE for addr, its PTE page made from memblock if the pmd has
 * none yet (Linux arm_pte_alloc; the one path is pte_alloc_populate). */
static pte_t * __init arm_pte_alloc(pmd_t *pmd, unsigned long addr, pmdval_t prot)
{
	return pte_alloc_populate(pmd, addr, prot, early_pte_page, "create_mapping");
}

/* Linux early_pte_alloc: the same, for kmap_init's kernel tables at addr. */
static pte_t * __init early_pte_alloc(unsigned long addr)
{
	return pte_alloc_populate(pmd_off_k(addr), addr, _PAGE_KERNEL_TABLE, early_pte_page,
				  "kmap_init");
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
 * Only used when booting. Each mapping also becomes a static vm area
 * (VM_ARM_STATIC_MAPPING, its MT_* type in the flags) on vmalloc's list,
 * handed over with vm_area_add_early as in Linux, so vmalloc places
 * nothing on it and ioremap() of the same registers reuses it.
 */
void __init iotable_init(struct map_desc *io_desc, int nr)
{
	struct vm_struct *vm;
	int i;

	if (!nr)
		return;
	vm = memblock_alloc(sizeof(*vm) * nr, __alignof__(*vm));
	if (!vm)
		panic("iotable_init: failed to allocate %d static vm areas", nr);
	for (i = 0; i < nr; i++, vm++) {
		struct map_desc *md = &io_desc[i];

		create_mapping(md);
		vm->addr = (void *)(md->virtual & PAGE_MASK);
		vm->size = ALIGN(md->length + (md->virtual & ~PAGE_MASK), PAGE_SIZE);
		vm->phys_addr = PFN_PHYS(md->pfn);
		vm->flags = VM_IOREMAP | VM_ARM_STATIC_MAPPING | VM_ARM_MTYPE(md->type);
		vm->caller = (const void *)iotable_init;
		vm_area_add_early(vm);
	}
}

/**
 * early_vmalloc - the vmalloc= boot argument: the size of the vmalloc area
 * @arg: a size, e.g. "256M"
 *
 * Moves the lowmem limit: lowmem ends VMALLOC_OFFSET below the area.
 * Clamped to [16 MiB, what leaves 32 MiB of lowmem], with Linux's warnings.
 */
int __init early_vmalloc(const char *arg)
{
	unsigned long size = (unsigned long)memparse(arg, NULL);
	unsigned long max = VMALLOC_END - (PAGE_OFFSET + LOWMEM_MIN_SIZE + VMALLOC_OFFSET);

	if (size < VMALLOC_MIN_SIZE) {
		size = VMALLOC_MIN_SIZE;
		pr_warn("vmalloc area is too small, limiting to %luMB\n", size >> 20);
	}
	if (size > max) {
		size = max;
		pr_warn("vmalloc area is too big, limiting to %luMB\n", size >> 20);
	}
	vmalloc_size = size;
	return 0;
}

/**
 * adjust_lowmem_bounds - where lowmem ends and HighMem starts
 *
 * Lowmem is what fits below VMALLOC_END - vmalloc_size - VMALLOC_OFFSET
 * (0xf0000000 by default) in the linear map. Sets arm_lowmem_limit,
 * high_memory, and memblock's allocation limit: rounded down to 2 MiB, so
 * that early_alloc() only hands out memory that map_lowmem has already
 * mapped by the time it needs a page table. Called twice, as in Linux:
 * before and after arm_memblock_init (memory may have been removed).
 */
void __init adjust_lowmem_bounds(void)
{
	u64 vmalloc_limit = (u64)VMALLOC_END - vmalloc_size - VMALLOC_OFFSET -
			    PAGE_OFFSET + PHYS_OFFSET;
	phys_addr_t block_start, block_end, lowmem_limit = 0, memblock_limit = 0;
	u64 i;

	/* The first bank must start on a pmd: mark a ragged start NOMAP. */
	for_each_mem_range(i, &block_start, &block_end) {
		if (!IS_ALIGNED(block_start, PMD_SIZE))
			memblock_mark_nomap(block_start,
					    ALIGN(block_start, PMD_SIZE) - block_start);
		break;
	}

	for_each_mem_range(i, &block_start, &block_end) {
		if (block_start >= vmalloc_limit)
			continue;
		if (block_end > lowmem_limit)
			lowmem_limit = (phys_addr_t)min((u64)block_end, vmalloc_limit);
		/* the first ragged start or end bounds early allocations */
		if (!memblock_limit) {
			if (!IS_ALIGNED(block_start, PMD_SIZE))
				memblock_limit = block_start;
			else if (!IS_ALIGNED(block_end, PMD_SIZE))
				memblock_limit = lowmem_limit;
		}
	}

	arm_lowmem_limit = lowmem_limit;
	high_memory = (char *)__va(arm_lowmem_limit - 1) + 1;
	if (!memblock_limit)
		memblock_limit = arm_lowmem_limit;
	memblock_set_current_limit(ALIGN_DOWN(memblock_limit, PMD_SIZE));
}

/*
 * prepare_page_table - clear what head.S mapped outside the kernel:
 * everything below PAGE_OFFSET (the identity map of __turn_mmu_on) and the
 * kernel space above the first memory bank, up to the vmalloc area.
 */
static void __init prepare_page_table(void)
{
	phys_addr_t end = memblock.memory.regions[0].base + memblock.memory.regions[0].size;
	unsigned long addr;

	for (addr = 0; addr < PAGE_OFFSET; addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));
	if (end >= arm_lowmem_limit)
		end = arm_lowmem_limit;
	for (addr = __phys_to_virt(end); addr < VMALLOC_START; addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));
}

/* One part of lowmem, [start, end), as type. */
static void __init map_lowmem_part(phys_addr_t start, phys_addr_t end, unsigned int type)
{
	struct map_desc map = {
		.pfn = start >> PAGE_SHIFT,
		.virtual = __phys_to_virt(start),
		.length = end - start,
		.type = type,
	};

	if (start < end)
		create_mapping(&map);
}

/*
 * map_lowmem - the linear map of every lowmem bank, in three parts around
 * the kernel (picture at the top of this file).
 */
static void __init map_lowmem(void)
{
	phys_addr_t kernel_x_start = ALIGN_DOWN(__pa(_text), SECTION_SIZE);
	phys_addr_t kernel_x_end = ALIGN(__pa(__init_end), SECTION_SIZE);
	phys_addr_t start, end;
	u64 i;

	for_each_mem_range(i, &start, &end) {
		if (end > arm_lowmem_limit)
			end = arm_lowmem_limit;
		if (start >= end)
			break;
		map_lowmem_part(start, min(end, kernel_x_start), MT_MEMORY_RW);
		map_lowmem_part(max(start, kernel_x_start), min(end, kernel_x_end), MT_MEMORY_RWX);
		map_lowmem_part(max(start, kernel_x_end), end, MT_MEMORY_RW);
	}
}

/*
 * The early device sections (arch/arm/mm/early_io.c) are cleared with the
 * rest of the vmalloc area; map each device page again, as 4 KiB MT_DEVICE
 * pages at the same virtual address, and make them static vm areas
 * (Linux: debug_ll_io_init, through iotable_init).
 */
static void __init early_io_remap(void)
{
	struct map_desc io[EARLY_IO_MAX_PAGES];
	int n = early_io_pages(io, EARLY_IO_MAX_PAGES);

	iotable_init(io, n);
}

/*
 * devicemaps_init - everything above lowmem: the DTB read-only, the vectors
 * page at 0xffff0000 as a 4 KiB page (and the stubs page after it), the
 * early devices; then the TLB flush that makes all of paging_init visible.
 */
static void __init devicemaps_init(void)
{
	void *vectors = early_alloc(PAGE_SIZE * 2);
	struct map_desc map;
	unsigned long addr;

	early_trap_init_vectors(vectors);

	/* the console UART's section goes too: until early_io_remap maps its
	 * page again, printk keeps lines in the log buffer (memblock=debug
	 * prints from create_mapping below); a stale TLB entry used to carry
	 * them, or not, depending on QEMU's TLB sizing */
	console_lock();
	for (addr = VMALLOC_START; addr < (FIXADDR_TOP & PMD_MASK); addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));
	local_flush_tlb_all();

	map.pfn = (__atags_pointer & SECTION_MASK) >> PAGE_SHIFT;
	map.virtual = FDT_FIXED_BASE;
	map.length = FDT_FIXED_SIZE;
	map.type = MT_MEMORY_RO;
	create_mapping(&map);

	map.pfn = __pa(vectors) >> PAGE_SHIFT;
	map.virtual = VECTORS_BASE;
	map.length = PAGE_SIZE;
	map.type = MT_HIGH_VECTORS;
	create_mapping(&map);

	map.pfn += 1;
	map.virtual = VECTORS_BASE + PAGE_SIZE;
	map.type = MT_LOW_VECTORS;
	create_mapping(&map);

	early_io_remap();
	local_flush_tlb_all();
	console_unlock();
	use_high_vectors();
}

/*
 * kmap_init - the page tables kmap() and kmap_local_page() write into
 *
 * Called from paging_init after devicemaps_init, while memblock still
 * allocates. PKMAP_BASE's pmd gets a new PTE page (pkmap_page_table);
 * FIXADDR_START's too, as in Linux. The kmap_local slots live in the pmd
 * at 0xffe00000, whose PTE page devicemaps_init already made for the
 * vectors page: early_pte_alloc finds it and reuses it (Linux's
 * early_fixmap_init made that one). Only empty L1 words are filled, and
 * the TLB never caches a fault, so the flush at the end is not strictly
 * needed; it keeps the phase self-contained.
 */
static void __init kmap_init(void)
{
	pkmap_page_table = early_pte_alloc(PKMAP_BASE);
	early_pte_alloc(FIXADDR_START);
	early_pte_alloc(__fix_to_virt(FIX_KMAP_BEGIN));
	local_flush_tlb_all();
}

/**
 * paging_init - set up the kernel's page tables
 *
 * From here memblock may allocate anything below arm_lowmem_limit; before
 * map_lowmem only what head.S mapped (the kernel) is reachable, so nothing
 * may be allocated before it. Ends with bootmem_init: the zones and
 * mem_map exist, and the zero page has its struct page.
 */
void __init paging_init(void)
{
	void *zero_page;

	ptdump_phase("as head.S left them");        /* ptdump=phases */
	prepare_page_table();
	ptdump_phase("after prepare_page_table");
	map_lowmem();
	memblock_set_current_limit(arm_lowmem_limit);
	ptdump_phase("after map_lowmem");
	devicemaps_init();
	ptdump_phase("after devicemaps_init");
	kmap_init();
	zero_page = early_alloc(PAGE_SIZE);
	bootmem_init();
	empty_zero_page = virt_to_page(zero_page);
}
