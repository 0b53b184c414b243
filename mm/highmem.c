/*
 * mm/highmem.c - kernel addresses for HighMem pages: kmap() through the
 * PKMAP window and kmap_local_page() through fixmap slots.
 * Linux: mm/highmem.c (kmap_high, kunmap_high, map_new_virtual,
 * flush_all_zero_pkmaps, kmap_high_get, __kmap_local_pfn_prot,
 * kunmap_local_indexed, kmap_get_pte). kmap_init, which makes the PTE
 * pages, is the arch's (arch/arm/mm/mmu.c); the console commands are in
 * mm/highmem_debug.c.
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
#include <asm/highmem.h>
#include <asm/fixmap.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>

#define kmap_prot PAGE_KERNEL    /* Linux arch/arm/include/asm/highmem.h */

pte_t *pkmap_page_table;
static int pkmap_count[LAST_PKMAP];
static struct page *pkmap_page[LAST_PKMAP];   /* who each slot maps (count >= 1) */
static unsigned int last_pkmap_nr;

static pte_t *kmap_pte;          /* Linux PTE of FIX_KMAP_BEGIN (kmap_get_pte) */
static int kmap_local_idx;       /* kmap_local mappings held */

#define mk_pte(page, prot)  pfn_pte(page_to_pfn(page), prot)
#define pte_page(pte)       pfn_to_page(pte_pfn(pte))

/*
 * The Linux PTE of kmap_local slot idx: slot i is i PTEs below slot 0's
 * (Linux kmap_get_pte). The PTE page is kmap_init's (arch/arm/mm/mmu.c);
 * before it there is none, and mapping is a BUG.
 */
static pte_t *kmap_get_pte(int idx)
{
	if (!kmap_pte) {
		unsigned long vaddr = __fix_to_virt(FIX_KMAP_BEGIN);
		pmd_t *pmd = pmd_off_k(vaddr);

		BUG_ON(pmd_none(*pmd));      /* before kmap_init */
		kmap_pte = pte_offset_kernel(pmd, vaddr);
	}
	return kmap_pte - idx;
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

	pte_t *kpte = kmap_get_pte(idx);

	BUG_ON(idx >= KM_MAX_IDX);   /* nested too deep */
	BUG_ON(!pte_none(*kpte));
	kmap_local_idx++;
	set_pte_ext(kpte, pfn_pte(pfn, prot), 0);
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
	pte_clear(kmap_get_pte(idx));
	local_flush_tlb_kernel_page(vaddr);
	kmap_local_idx--;
}

int kmap_local_depth(void)
{
	return kmap_local_idx;
}
