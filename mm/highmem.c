/*
 * mm/highmem.c - kernel addresses for HighMem pages: kmap() through the
 * PKMAP window and kmap_local_page() through fixmap slots.
 * Linux: mm/highmem.c (kmap_high, kunmap_high, map_new_virtual,
 * flush_all_zero_pkmaps, kmap_high_get, __kmap_local_pfn_prot,
 * kunmap_local_indexed) and arch/arm/mm/mmu.c (kmap_init).
 *
 * A PKMAP slot's count (pkmap_count[], as in Linux):
 *
 *    0   free, and no TLB entry can hold it: map_new_virtual may take it
 *    1   nobody uses it, but the PTE is still there (kunmap is lazy):
 *        page_address() still finds the page, and a new kmap() of the same
 *        page reuses it for free. Cleared in bulk, with one TLB flush, by
 *        flush_all_zero_pkmaps() when the search wraps around.
 *    n   n - 1 kmap()s are outstanding
 *
 * Differences from Linux: one CPU and no sleeping, so no lock and no wait
 * queue: when all 512 slots are busy, kmap() prints why and returns NULL
 * where Linux would sleep. page_address() of a HighMem page scans the 512
 * slots instead of Linux's hash table (page_address_htable): slower, but
 * the slot array is the whole truth. kmap_local nests per CPU here, where
 * Linux keeps the stack per task; and a kunmap_local() out of order is a
 * BUG here (Linux warns once and carries on).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/highmem.h>
#include <linux/shell.h>
#include <asm/highmem.h>
#include <asm/fixmap.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include <asm/vtop.h>
#include <stdlib.h>

#define kmap_prot PAGE_KERNEL    /* Linux arch/arm/include/asm/highmem.h */

pte_t *pkmap_page_table;
static int pkmap_count[LAST_PKMAP];
static struct page *pkmap_page[LAST_PKMAP];   /* who each slot maps (count >= 1) */
static unsigned int last_pkmap_nr;

static pte_t *kmap_pte;          /* Linux PTE of FIX_KMAP_BEGIN; slot i is kmap_pte - i */
static int kmap_local_idx;       /* kmap_local mappings held */

#define mk_pte(page, prot)  pfn_pte(page_to_pfn(page), prot)
#define pte_page(pte)       pfn_to_page(pte_pfn(pte))

/* The PTE page for addr's pmd, made from memblock if the pmd has none yet
 * (Linux early_pte_alloc). Returns addr's Linux PTE. Boot only. */
static pte_t * __init early_pte_alloc(unsigned long addr)
{
	pmd_t *pmd = pmd_off_k(addr);

	if (pmd_none(*pmd))
		__pmd_populate(pmd, __pa(early_alloc(PTE_HWTABLE_OFF + PTE_HWTABLE_SIZE)),
			       _PAGE_KERNEL_TABLE);
	BUG_ON(pmd_bad(*pmd));
	return pte_offset_kernel(pmd, addr);
}

/**
 * kmap_init - the page tables kmap() and kmap_local_page() write into
 *
 * Called from paging_init after devicemaps_init, while memblock still
 * allocates. PKMAP_BASE's pmd gets a new PTE page (pkmap_page_table);
 * FIXADDR_START's too, as in Linux. The kmap_local slots live in the pmd
 * at 0xffe00000, whose PTE page devicemaps_init already made for the
 * vectors page: early_pte_alloc finds it and reuses it. Only empty L1
 * words are filled, and the TLB never caches a fault, so the flush at the
 * end is not strictly needed; it keeps the phase self-contained.
 */
void __init kmap_init(void)
{
	pkmap_page_table = early_pte_alloc(PKMAP_BASE);
	early_pte_alloc(FIXADDR_START);
	kmap_pte = early_pte_alloc(__fix_to_virt(FIX_KMAP_BEGIN));
	local_flush_tlb_all();
}

/* Record which page PKMAP slot nr maps (NULL: none). Linux's
 * set_page_address() keys its hash table by page; we keep one entry per slot. */
static void set_page_address(unsigned int nr, struct page *page)
{
	pkmap_page[nr] = page;
}

/**
 * page_address - the kernel virtual address of a page
 * @page: any page with a struct page
 *
 * Lowmem: its linear-map address. HighMem: its PKMAP address while it has
 * one (count >= 1, so also after a kunmap until the slot is flushed),
 * else NULL. A kmap_local_page() mapping is not reported, as in Linux.
 */
void *page_address(const struct page *page)
{
	unsigned int nr;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	for (nr = 0; nr < LAST_PKMAP; nr++)
		if (pkmap_page[nr] == page)
			return (void *)PKMAP_ADDR(nr);
	return NULL;
}

/*
 * Unmap every slot whose count is 1 (mapped, unused), then one TLB flush
 * for the whole window: afterwards those slots are 0, free and clean.
 */
static void flush_all_zero_pkmaps(void)
{
	bool need_flush = false;
	unsigned int i;

	flush_cache_kmaps();
	for (i = 0; i < LAST_PKMAP; i++) {
		if (pkmap_count[i] != 1)
			continue;
		pkmap_count[i] = 0;
		BUG_ON(pte_none(pkmap_page_table[i]));
		BUG_ON(pte_page(pkmap_page_table[i]) != pkmap_page[i]);
		set_page_address(i, NULL);
		pte_clear(&pkmap_page_table[i]);
		need_flush = true;
	}
	if (need_flush)
		flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP));
}

void kmap_flush_unused(void)
{
	flush_all_zero_pkmaps();
}

/*
 * Find a free slot for page, going round from after the last one used,
 * flushing the lazily kept ones each time the search passes slot 0
 * (Linux map_new_virtual). Returns its address, or 0 when every slot is
 * in use (Linux would sleep until one is freed).
 */
static unsigned long map_new_virtual(struct page *page)
{
	int count = LAST_PKMAP;
	unsigned long vaddr;

	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & LAST_PKMAP_MASK;
		if (last_pkmap_nr == 0) {
			flush_all_zero_pkmaps();
			count = LAST_PKMAP;
		}
		if (!pkmap_count[last_pkmap_nr])
			break;
		if (--count == 0) {
			pr_warn("kmap: all %d PKMAP slots are in use (Linux would sleep here)\n",
				LAST_PKMAP);
			return 0;
		}
	}
	vaddr = PKMAP_ADDR(last_pkmap_nr);
	set_pte_ext(&pkmap_page_table[last_pkmap_nr], mk_pte(page, kmap_prot), 0);
	pkmap_count[last_pkmap_nr] = 1;
	set_page_address(last_pkmap_nr, page);
	return vaddr;
}

/* kmap() of a HighMem page: its slot, found or new, with one more user. */
static void *kmap_high(struct page *page)
{
	unsigned long vaddr = (unsigned long)page_address(page);

	BUG_ON(!pkmap_page_table);   /* before kmap_init */
	if (!vaddr)
		vaddr = map_new_virtual(page);
	if (!vaddr)
		return NULL;
	pkmap_count[PKMAP_NR(vaddr)]++;
	BUG_ON(pkmap_count[PKMAP_NR(vaddr)] < 2);
	return (void *)vaddr;
}

void *kmap_high_get(struct page *page)
{
	unsigned long vaddr = (unsigned long)page_address(page);

	if (vaddr) {
		BUG_ON(pkmap_count[PKMAP_NR(vaddr)] < 1);
		pkmap_count[PKMAP_NR(vaddr)]++;
	}
	return (void *)vaddr;
}

/* One user fewer; at 1 the mapping stays until the next flush. */
static void kunmap_high(struct page *page)
{
	unsigned long vaddr = (unsigned long)page_address(page);

	BUG_ON(!vaddr);
	BUG_ON(--pkmap_count[PKMAP_NR(vaddr)] == 0);   /* kunmap without kmap */
}

/**
 * kmap - a kernel address for any page, valid until kunmap()
 * @page: the page
 *
 * Return: page_address() for lowmem; for HighMem a PKMAP address (the
 * one it already has, or a new slot), or NULL if all slots are in use.
 */
void *kmap(struct page *page)
{
	if (!PageHighMem(page))
		return page_address(page);
	return kmap_high(page);
}

void kunmap(struct page *page)
{
	if (PageHighMem(page))
		kunmap_high(page);
}

int pkmap_slot_count(unsigned int nr)
{
	return nr < LAST_PKMAP ? pkmap_count[nr] : -1;
}

/*
 * Map pfn in the next kmap_local fixmap slot (Linux __kmap_local_pfn_prot).
 * The slot's PTE must be empty: a full one means a kunmap_local was
 * missed. ARM flushes the page's TLB entry after writing it
 * (arch_kmap_local_post_map).
 */
static void *kmap_local_pfn_prot(unsigned long pfn, pgprot_t prot)
{
	int idx = kmap_local_idx;
	unsigned long vaddr = __fix_to_virt(FIX_KMAP_BEGIN + idx);

	BUG_ON(!kmap_pte);           /* before kmap_init */
	BUG_ON(idx >= KM_MAX_IDX);   /* nested too deep */
	BUG_ON(!pte_none(*(kmap_pte - idx)));
	kmap_local_idx++;
	set_pte_ext(kmap_pte - idx, pfn_pte(pfn, prot), 0);
	local_flush_tlb_kernel_page(vaddr);
	return (void *)vaddr;
}

/**
 * kmap_local_page - a short-lived kernel address for a page
 * @page: the page
 *
 * Lowmem: page_address(). HighMem with a PKMAP address: that address, with
 * one more user (ARM's kmap_high_get). Otherwise the next fixmap slot.
 * Mappings nest; undo them with kunmap_local() in reverse order.
 */
void *kmap_local_page(struct page *page)
{
	void *vaddr;

	if (!PageHighMem(page))
		return page_address(page);
	vaddr = kmap_high_get(page);
	if (vaddr)
		return vaddr;
	return kmap_local_pfn_prot(page_to_pfn(page), kmap_prot);
}

/**
 * kunmap_local - undo the most recent kmap_local_page()
 * @addr: any address inside that mapping
 *
 * A fixmap slot is cleared and its TLB entry flushed; it must be the
 * newest one (BUG otherwise). A PKMAP address (borrowed by kmap_high_get)
 * loses one user. A lowmem address needs nothing.
 */
void kunmap_local(void *addr)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;
	int idx = kmap_local_idx - 1;

	if (vaddr < __fix_to_virt(FIX_KMAP_END) || vaddr > __fix_to_virt(FIX_KMAP_BEGIN)) {
		if (vaddr >= PKMAP_ADDR(0) && vaddr < PKMAP_ADDR(LAST_PKMAP))
			kunmap_high(pte_page(pkmap_page_table[PKMAP_NR(vaddr)]));
		else if (vaddr < PAGE_OFFSET)
			pr_warn("WARNING: kunmap_local: 0x%08lx was not mapped by kmap_local_page\n",
				vaddr);
		return;
	}
	if (idx < 0 || vaddr != __fix_to_virt(FIX_KMAP_BEGIN + idx))
		panic("kunmap_local: 0x%08lx is not the newest kmap_local slot (0x%08lx)",
		      vaddr, idx < 0 ? 0 : __fix_to_virt(FIX_KMAP_BEGIN + idx));
	pte_clear(kmap_pte - idx);
	local_flush_tlb_kernel_page(vaddr);
	kmap_local_idx--;
}

int kmap_local_depth(void)
{
	return kmap_local_idx;
}

/* ---- console: kmap <pfn>, kunmap <pfn>, kmap_flush ---------------------- */

/* The page for the pfn in argv[1], or NULL after saying why. */
static struct page *arg_page(int argc, char **argv)
{
	unsigned long pfn;

	if (argc < 2) {
		con_printf("usage: %s <pfn>\n", argv[0]);
		return NULL;
	}
	pfn = strtoul(argv[1], NULL, 0);
	if (!pfn_valid(pfn)) {
		con_printf("%s: pfn 0x%lx has no struct page (RAM is pfn 0x%lx-0x%lx)\n",
			   argv[0], pfn, ARCH_PFN_OFFSET, max_pfn - 1);
		return NULL;
	}
	return pfn_to_page(pfn);
}

static void cmd_kmap(int argc, char **argv)
{
	struct page *page = arg_page(argc, argv);
	unsigned long va;

	if (!page)
		return;
	if (!PageHighMem(page))
		con_printf("pfn 0x%lx is lowmem: kmap returns its linear-map address, "
			   "no PKMAP slot\n", page_to_pfn(page));
	va = (unsigned long)kmap(page);
	if (!va)
		return;
	if (PageHighMem(page))
		con_printf("kmap(pfn 0x%lx): PKMAP slot %lu, va 0x%08lx, count %d (%d kmap%s)\n",
			   page_to_pfn(page), PKMAP_NR(va), va, pkmap_count[PKMAP_NR(va)],
			   pkmap_count[PKMAP_NR(va)] - 1, pkmap_count[PKMAP_NR(va)] == 2 ? "" : "s");
	vtop_show(va);
	con_printf("first word at 0x%08lx: 0x%08x\n", va, *(volatile u32 *)va);
}
SHELL_CMD(kmap, "kmap <pfn>: map a page (HighMem: a PKMAP slot), show its PTEs", cmd_kmap);

static void cmd_kunmap(int argc, char **argv)
{
	struct page *page = arg_page(argc, argv);
	unsigned long va;

	if (!page || !PageHighMem(page)) {
		if (page)
			con_printf("kunmap: a lowmem page has nothing to unmap\n");
		return;
	}
	va = (unsigned long)page_address(page);
	if (!va || pkmap_count[PKMAP_NR(va)] < 2) {
		con_printf("kunmap: pfn 0x%lx is not kmapped\n", page_to_pfn(page));
		return;
	}
	kunmap(page);
	con_printf("PKMAP slot %lu (0x%08lx): count now %d%s\n", PKMAP_NR(va), va,
		   pkmap_count[PKMAP_NR(va)], pkmap_count[PKMAP_NR(va)] == 1 ?
		   ": unused, but the PTE stays until the slots wrap (or kmap_flush)" : "");
}
SHELL_CMD(kunmap, "kunmap <pfn>: drop one kmap of a HighMem page", cmd_kunmap);

static void cmd_kmap_flush(int argc, char **argv)
{
	int i, before = 0, after = 0;

	(void)argc, (void)argv;
	for (i = 0; i < LAST_PKMAP; i++)
		before += pkmap_count[i] == 1;
	kmap_flush_unused();
	for (i = 0; i < LAST_PKMAP; i++)
		after += pkmap_count[i] == 1;
	con_printf("kmap_flush_unused: %d unused PKMAP slot%s unmapped, TLB flushed for "
		   "0x%08lx-0x%08lx\n", before - after, before - after == 1 ? "" : "s",
		   PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP) - 1);
}
SHELL_CMD(kmap_flush, "kmap_flush: unmap the PKMAP slots no one uses (kmap_flush_unused)",
	  cmd_kmap_flush);
