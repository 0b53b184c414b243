/*
 * mm/vmalloc.c - the vmalloc area: virtually contiguous mappings of
 * scattered pages (vmalloc) and of device registers (ioremap,
 * arch/arm/mm/ioremap.c), in 4 KiB pages. Linux: mm/vmalloc.c
 * (__get_vm_area_node, alloc_vmap_area, vm_area_add_early,
 * __vmalloc_node_range, __vmalloc_area_node, vmap_range_noflush,
 * vmap_pages_range, vunmap_range, vfree, vmalloc_to_page, s_show).
 *
 * Mapping at run time: the same split PTE pages and the same set_pte_ext()
 * as create_mapping() at boot, but a missing PTE page comes from the buddy
 * allocator (pte_alloc_kernel in asm/pgalloc.h), since memblock is closed.
 * The walk is Linux's vmap_*_range chain with the folded levels squashed
 * into one pgd loop (vmap_walk) that calls a per-PTE-range step.
 *
 * Differences from Linux 6.1:
 *  - The areas are one address-sorted list, vmlist, searched first-fit
 *    from VMALLOC_START (the lowest fitting address, as Linux's augmented
 *    rbtree of free vmap_areas also finds); Linux keeps vmlist only for
 *    the early areas and uses vmap_area trees after boot.
 *  - vfree() unmaps and flushes the TLB at once; Linux defers it (lazy
 *    purge, "unpurged vm_area" lines in vmallocinfo).
 *  - The pages array always comes from kmalloc (Linux vmallocs it when it
 *    is bigger than a page, and says " vpages" in vmallocinfo).
 *  - Callers are printed as raw addresses: with no kallsyms, Linux's %pS
 *    prints 0x%08lx too (look the address up in build/System.map).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/seq_file.h>
#include <asm/cacheflush.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include <string.h>

#define EBUSY 16                 /* Device or resource busy (Linux errno-base.h) */

static struct vm_struct *vmlist;
static bool vmap_initialized;
static unsigned long nr_vmalloc_pages;

#define mk_pte(page, prot) pfn_pte(page_to_pfn(page), prot)
/* Order of the smallest power of two >= size (Linux get_count_order_long). */
#define count_order(size)  ((int)(BITS_PER_LONG - __builtin_clzl((size) - 1)))
#define BITS_PER_LONG      32

/* ---- the page tables ---------------------------------------------------- */

/*
 * One walk over [addr, end) of the kernel page tables: for each 2 MiB pmd,
 * find (or, when mapping, make) its PTE page and hand the part of the
 * range inside it to step(). What the steps share travels in the walk.
 */
struct vmap_walk {
	int (*step)(struct vmap_walk *w, pte_t *pte, unsigned long addr, unsigned long end);
	bool alloc;                  /* mapping: make missing PTE pages */
	phys_addr_t phys;            /* vmap_range: the next physical address */
	struct page **pages;         /* vmap_pages_range: the next page */
	pgprot_t prot;
};

static int vmap_walk(struct vmap_walk *w, unsigned long addr, unsigned long end)
{
	pgd_t *pgd = pgd_offset_k(addr);
	unsigned long next;
	int err;

	do {
		pmd_t *pmd = (pmd_t *)pgd;
		pte_t *pte;

		next = pgd_addr_end(addr, end);
		if (w->alloc)
			pte = pte_alloc_kernel(pmd, addr);
		else if (pmd_none(*pmd))
			continue;        /* unmapping: nothing there */
		else if (pmd_bad(*pmd))
			panic("vunmap_range: 0x%08lx is mapped by a section", addr);
		else
			pte = pte_offset_kernel(pmd, addr);
		if (!pte)
			return -ENOMEM;
		err = w->step(w, pte, addr, next);
		if (err)
			return err;
	} while (pgd++, addr = next, addr != end);
	return 0;
}

/* Linux vmap_pte_range: consecutive physical pages, into empty PTEs. */
static int vmap_pte_step(struct vmap_walk *w, pte_t *pte, unsigned long addr, unsigned long end)
{
	do {
		BUG_ON(!pte_none(*pte));
		set_pte_ext(pte, pfn_pte(w->phys >> PAGE_SHIFT, w->prot), 0);
		w->phys += PAGE_SIZE;
	} while (pte++, addr += PAGE_SIZE, addr != end);
	return 0;
}

/* Linux vmap_pages_pte_range: the next page of the array, per PTE. */
static int vmap_pages_pte_step(struct vmap_walk *w, pte_t *pte, unsigned long addr,
			       unsigned long end)
{
	do {
		struct page *page = *w->pages;

		if (!pte_none(*pte)) {
			pr_warn("WARNING: vmap: 0x%08lx is already mapped\n", addr);
			return -EBUSY;
		}
		if (!page)
			return -ENOMEM;
		set_pte_ext(pte, mk_pte(page, w->prot), 0);
		w->pages++;
	} while (pte++, addr += PAGE_SIZE, addr != end);
	return 0;
}

/* Linux vunmap_pte_range: clear both halves of each PTE (TLB: the caller). */
static int vunmap_pte_step(struct vmap_walk *w, pte_t *pte, unsigned long addr,
			   unsigned long end)
{
	do {
		pte_clear(pte);
	} while (pte++, addr += PAGE_SIZE, addr != end);
	return 0;
}

/**
 * vmap_range - map [addr, end) to consecutive physical pages from phys
 * @addr: page-aligned start in the vmalloc area
 * @end: page-aligned end, exclusive
 * @phys: page-aligned physical start
 * @prot: Linux PTE bits (PAGE_KERNEL; ioremap: mem_types[MT_DEVICE])
 *
 * The PTEs must be empty (BUG otherwise); no TLB flush is needed, since an
 * empty PTE is never cached, only the DSB of flush_cache_vmap. Return: 0, or -ENOMEM if a PTE page could not
 * be allocated (what was mapped stays; the caller unmaps the range).
 */
int vmap_range(unsigned long addr, unsigned long end, phys_addr_t phys, pgprot_t prot)
{
	struct vmap_walk w = { .step = vmap_pte_step, .alloc = true, .phys = phys, .prot = prot };
	int err = vmap_walk(&w, addr, end);

	flush_cache_vmap(addr, end);
	return err;
}

/**
 * vmap_pages_range - map [addr, end) to pages[0], pages[1], ...
 * @addr: page-aligned start in the vmalloc area
 * @end: page-aligned end, exclusive
 * @prot: Linux PTE bits
 * @pages: one page per 4 KiB of the range
 *
 * Return: 0, -ENOMEM (no PTE page, or a NULL page), -EBUSY (a PTE in use).
 */
int vmap_pages_range(unsigned long addr, unsigned long end, pgprot_t prot,
		     struct page **pages)
{
	struct vmap_walk w = { .step = vmap_pages_pte_step, .alloc = true,
			       .pages = pages, .prot = prot };
	int err = vmap_walk(&w, addr, end);

	flush_cache_vmap(addr, end);
	return err;
}

/**
 * vunmap_range - unmap [addr, end) and flush its TLB entries
 * @addr: page-aligned start
 * @end: page-aligned end, exclusive
 *
 * Each PTE is cleared through set_pte_ext, then every page's TLB entry is
 * invalidated (asm/tlbflush.h; its DSB first makes the cleared PTEs
 * visible to the table walker).
 * PTE pages stay, as in Linux: later mappings reuse them.
 */
void vunmap_range(unsigned long addr, unsigned long end)
{
	struct vmap_walk w = { .step = vunmap_pte_step };

	vmap_walk(&w, addr, end);
	flush_tlb_kernel_range(addr, end);
}

/* ---- the areas ---------------------------------------------------------- */

static unsigned long vm_end(const struct vm_struct *vm)
{
	return (unsigned long)vm->addr + vm->size;
}

/**
 * vm_area_add_early - put a boot-time mapping on vmlist
 * @vm: filled in (addr, size, flags, ...); must stay allocated for ever
 *
 * Before vmalloc_init only (Linux: for iotable_init's static mappings).
 * Overlapping another area is a BUG.
 */
void __init vm_area_add_early(struct vm_struct *vm)
{
	struct vm_struct *tmp, **p;

	BUG_ON(vmap_initialized);
	for (p = &vmlist; (tmp = *p) != NULL; p = &tmp->next) {
		if (tmp->addr >= vm->addr) {
			BUG_ON((unsigned long)tmp->addr < vm_end(vm));
			break;
		}
		BUG_ON(vm_end(tmp) > (unsigned long)vm->addr);
	}
	vm->next = *p;
	*p = vm;
}

/**
 * vmalloc_init - open the vmalloc area
 *
 * The static areas the arch handed over while booting (iotable_init ->
 * vm_area_add_early: the early UART and the other device pages mapped in
 * paging_init) are already on vmlist, which is the list vmalloc searches
 * here, so there is nothing to copy (Linux turns each into a vmap_area).
 * Called from mm_init after kmem_cache_init(): from here vmalloc() and
 * ioremap() work, and vm_area_add_early() is refused.
 */
void __init vmalloc_init(void)
{
	vmap_initialized = true;
}

/*
 * The lowest address in [VMALLOC_START, VMALLOC_END) where size bytes fit
 * at align, and the link of vmlist to insert the new area at. NULL if
 * the area is full (Linux alloc_vmap_area / find_vmap_lowest_match).
 */
static struct vm_struct **find_gap(unsigned long size, unsigned long align,
				   unsigned long *addrp)
{
	unsigned long addr = ALIGN(VMALLOC_START, align);
	struct vm_struct **p;

	for (p = &vmlist; *p; p = &(*p)->next) {
		if (addr + size <= (unsigned long)(*p)->addr)
			break;           /* fits before this area */
		if (vm_end(*p) > addr)
			addr = ALIGN(vm_end(*p), align);
	}
	if (addr < VMALLOC_START || addr > VMALLOC_END || VMALLOC_END - addr < size)
		return NULL;
	*addrp = addr;
	return p;
}

/**
 * get_vm_area_caller - reserve a range of the vmalloc area
 * @size: bytes wanted (rounded up to pages; a guard page is added unless
 *        VM_NO_GUARD)
 * @flags: VM_ALLOC, VM_MAP, VM_IOREMAP (aligned to its size's power of
 *         two, up to IOREMAP_MAX_ORDER, as Linux does)
 * @caller: shown in /proc/vmallocinfo
 *
 * Nothing is mapped yet. Return: the area, or NULL if the vmalloc area has
 * no such gap or there is no memory for the vm_struct.
 */
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller)
{
	unsigned long align = PAGE_SIZE, addr;
	struct vm_struct *vm, **link;

	size = ALIGN(size, PAGE_SIZE);
	if (!size || !vmap_initialized || size > VMALLOC_END - VMALLOC_START)
		return NULL;
	if (flags & VM_IOREMAP)
		align = 1UL << min(max(count_order(size), PAGE_SHIFT), IOREMAP_MAX_ORDER);
	if (!(flags & VM_NO_GUARD))
		size += PAGE_SIZE;
	link = find_gap(size, align, &addr);
	if (!link)
		return NULL;
	vm = kzalloc(sizeof(*vm), GFP_KERNEL);
	if (!vm)
		return NULL;
	*vm = (struct vm_struct){ .next = *link, .addr = (void *)addr, .size = size,
				  .flags = flags, .caller = caller };
	*link = vm;
	return vm;
}

/* The link of vmlist pointing at the area holding addr, or NULL. */
static struct vm_struct **find_vm_link(const void *addr)
{
	unsigned long a = (unsigned long)addr;
	struct vm_struct **p;

	for (p = &vmlist; *p; p = &(*p)->next)
		if ((unsigned long)(*p)->addr <= a && a < vm_end(*p))
			return p;
	return NULL;
}

/* The area holding addr (guard page included), or NULL. */
struct vm_struct *find_vm_area(const void *addr)
{
	struct vm_struct **p = find_vm_link(addr);

	return p ? *p : NULL;
}

/**
 * remove_vm_area - unmap an area and take it off vmlist
 * @addr: an address inside it
 *
 * Its pages (if any) are not freed. Return: the area, for the caller to
 * free with kfree, or NULL if no area holds addr.
 */
struct vm_struct *remove_vm_area(const void *addr)
{
	struct vm_struct **p = find_vm_link(addr), *vm;

	if (!p)
		return NULL;
	vm = *p;
	vunmap_range((unsigned long)vm->addr, (unsigned long)vm->addr + get_vm_area_size(vm));
	*p = vm->next;
	vm->next = NULL;
	return vm;
}

void for_each_vm_area(void (*fn)(struct vm_struct *vm, void *arg), void *arg)
{
	struct vm_struct *vm;

	for (vm = vmlist; vm; vm = vm->next)
		fn(vm, arg);
}

bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

/* ---- vmalloc, vfree ----------------------------------------------------- */

/* Free the first nr pages of an area and its pages array. */
static void free_area_pages(struct vm_struct *vm, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		__free_page(vm->pages[i]);
	kfree(vm->pages);
	vm->pages = NULL;
}

/*
 * Fill an area with order-0 pages, HighMem first, and map them (Linux
 * __vmalloc_area_node). Returns 0, or -ENOMEM after undoing everything
 * but the area itself.
 */
static int vmalloc_area_pages(struct vm_struct *vm, gfp_t gfp, pgprot_t prot)
{
	unsigned int nr = get_vm_area_size(vm) >> PAGE_SHIFT, i;
	unsigned long addr = (unsigned long)vm->addr;

	vm->pages = kzalloc(nr * sizeof(struct page *), gfp & ~__GFP_HIGHMEM);
	if (!vm->pages)
		return -ENOMEM;
	for (i = 0; i < nr; i++) {
		vm->pages[i] = alloc_pages(gfp | __GFP_HIGHMEM | __GFP_NOWARN, 0);
		if (!vm->pages[i]) {
			free_area_pages(vm, i);
			return -ENOMEM;
		}
	}
	vm->nr_pages = nr;
	if (vmap_pages_range(addr, addr + get_vm_area_size(vm), prot, vm->pages)) {
		vunmap_range(addr, addr + get_vm_area_size(vm));
		free_area_pages(vm, nr);
		vm->nr_pages = 0;
		return -ENOMEM;
	}
	nr_vmalloc_pages += nr;
	return 0;
}

/* vmalloc and vzalloc (Linux __vmalloc_node_range). NULL on failure. */
static void *__vmalloc_caller(unsigned long size, gfp_t gfp, const void *caller)
{
	struct vm_struct *vm;

	if (!size)
		return NULL;
	vm = get_vm_area_caller(size, VM_ALLOC, caller);
	if (!vm) {
		pr_warn("vmalloc error: size %lu, vm_struct allocation failed\n", size);
		return NULL;
	}
	if (vmalloc_area_pages(vm, gfp, PAGE_KERNEL)) {
		pr_warn("vmalloc error: size %lu, failed to allocate pages\n", size);
		kfree(remove_vm_area(vm->addr));
		return NULL;
	}
	return vm->addr;
}

/**
 * vmalloc - virtually contiguous memory, page by page
 * @size: bytes (rounded up to pages)
 *
 * The pages come one at a time from the buddy allocator, HighMem first,
 * so they need not be physically contiguous; the vmalloc area makes
 * them look contiguous, followed by an unmapped guard page.
 * Return: the address, or NULL.
 */
void *vmalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL, __builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL | __GFP_ZERO, __builtin_return_address(0));
}

/* Unmap an area (and its pages if vmalloc'ed), warning like Linux on a
 * bad address. */
static void __vunmap(const void *addr, bool free_pages)
{
	struct vm_struct *vm;

	if (!addr)
		return;
	vm = find_vm_area(addr);
	if (!vm || vm->addr != addr) {
		pr_warn("WARNING: Trying to vfree() nonexistent vm area (0x%08lx)\n",
			(unsigned long)addr);
		return;
	}
	remove_vm_area(addr);
	if (free_pages && vm->pages) {
		nr_vmalloc_pages -= vm->nr_pages;
		free_area_pages(vm, vm->nr_pages);
	}
	kfree(vm);
}

/* Free what vmalloc() or vzalloc() returned: unmap, flush, free the pages. */
void vfree(const void *addr)
{
	__vunmap(addr, true);
}

/* Unmap an area but keep its pages (iounmap's core). */
void vunmap(const void *addr)
{
	__vunmap(addr, false);
}

/* The page a vmalloc address maps, from its Linux PTE, or NULL. */
struct page *vmalloc_to_page(const void *addr)
{
	pmd_t *pmd = pmd_off_k((unsigned long)addr);
	pte_t *pte;

	if (pmd_none(*pmd) || pmd_bad(*pmd))
		return NULL;
	pte = pte_offset_kernel(pmd, (unsigned long)addr);
	if (pte_none(*pte) || !pfn_valid(pte_pfn(*pte)))
		return NULL;
	return pfn_to_page(pte_pfn(*pte));
}

unsigned long vmalloc_nr_pages(void)
{
	return nr_vmalloc_pages;
}

/* ---- /proc/vmallocinfo -------------------------------------------------- */

/* One line, as Linux 6.1's s_show (with real addresses, see above). */
static void vmallocinfo_line(struct vm_struct *v, void *arg)
{
	struct seq_file *m = arg;

	seq_printf(m, "0x%08lx-0x%08lx %7ld", (unsigned long)v->addr, vm_end(v), (long)v->size);
	if (v->caller)
		seq_printf(m, " %pS", v->caller);
	if (v->nr_pages)
		seq_printf(m, " pages=%d", (int)v->nr_pages);
	if (v->phys_addr)
		seq_printf(m, " phys=0x%08x", v->phys_addr);
	if (v->flags & VM_IOREMAP)
		seq_puts(m, " ioremap");
	if (v->flags & VM_ALLOC)
		seq_puts(m, " vmalloc");
	if (v->flags & VM_MAP)
		seq_puts(m, " vmap");
	if (v->flags & VM_USERMAP)
		seq_puts(m, " user");
	seq_puts(m, "\n");
}

static int vmallocinfo_show(struct seq_file *m, void *priv)
{
	for_each_vm_area(vmallocinfo_line, m);
	return 0;
}
DUMP_FILE(vmallocinfo, "/proc/vmallocinfo", vmallocinfo_show, NULL);
