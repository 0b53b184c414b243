/*
 * mm/memory.c - the page fault handlers: how a user page comes to be
 * mapped, and how the young and dirty bits the hardware lacks are kept.
 * Linux: mm/memory.c (handle_mm_fault, __handle_mm_fault, handle_pte_fault,
 * do_anonymous_page, do_fault, do_read_fault, do_fault_around, do_cow_fault,
 * do_set_pte, finish_fault, do_wp_page, wp_page_reuse, wp_page_copy,
 * mm_account_fault, vm_normal_page, __pte_alloc).
 *
 *   handle_mm_fault                    count PGFAULT, min_flt/maj_flt
 *    __handle_mm_fault                 pgd/pmd of the address (folded)
 *     handle_pte_fault
 *      no PTE, anonymous VMA  -> do_anonymous_page  read: zero page, RO
 *                                                   write: new zeroed page
 *      no PTE, file VMA       -> do_fault: read  -> do_read_fault (+fault-around)
 *                                          write -> do_cow_fault (private copy)
 *      PTE, write, read-only  -> do_wp_page  (copy, or reuse a sole anon page)
 *      PTE otherwise          -> "young" / "dirty": pte_mkyoung (+ pte_mkdirty
 *                                on a write), ptep_set_access_flags, TLB flush
 *
 * Why young and dirty faults exist on ARM: the hardware PTE has no
 * accessed or dirty bit, so pte-v7.c writes an old PTE's hardware entry as
 * 0 (any access faults) and a clean one's as read-only (a write faults).
 * Those faults end in the last branch above, which sets the Linux bit and
 * rewrites the hardware entry.
 *
 * Left out of Linux's path: swap (do_swap_page), NUMA hinting
 * (do_numa_page), huge pages, userfaultfd, shared writable file mappings
 * (do_shared_fault, page_mkwrite), KSM, memcg, the retry protocol
 * (VM_FAULT_RETRY: nothing here sleeps), locks. PageAnonExclusive is
 * replaced by the refcount test wp_page_reuse's caller makes.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <string.h>
#include <linux/highmem.h>
#include <linux/vm_event_item.h>
#include <asm/pgtable.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include <asm/cacheflush.h>
#include "mmap_internal.h"
#include "memory_internal.h"

/* Linux's default (mm/memory.c fault_around_bytes, debugfs-tunable there). */
unsigned long fault_around_bytes = 65536;

/* The zero page's frame (Linux my_zero_pfn). */
static inline unsigned long zero_pfn(void)
{
	return page_to_pfn(ZERO_PAGE(0));
}

/*
 * vm_normal_page - the struct page behind a present PTE, or NULL for the
 * zero page (Linux: without ARCH_HAS_PTE_SPECIAL on 2-level ARM, the zero
 * pfn is what marks a "special" PTE). Special pages are not counted in
 * RSS and never freed by an unmap.
 */
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	(void)vma;
	(void)addr;
	if (pfn == zero_pfn() || !pfn_valid(pfn))
		return NULL;
	return pfn_to_page(pfn);
}

/*
 * __pte_alloc - give an empty pmd a PTE page (Linux __pte_alloc): VmPTE
 * grows by PTRS_PER_PTE Linux PTEs (2 KiB: the hardware half is not
 * counted, as in Linux's mm_inc_nr_ptes). Return: 0 or -ENOMEM.
 */
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	struct page *new;

	if (!pmd_none(*pmd))
		return 0;
	new = pte_alloc_one(mm);
	if (!new)
		return -ENOMEM;
	pmd_populate(mm, pmd, new);
	mm->pgtables_bytes += PTRS_PER_PTE * sizeof(pte_t);
	return 0;
}

/*
 * flush_icache_page - a page about to be mapped executable: clean its
 * data to the point of unification and invalidate the I-cache, so the
 * CPU does not run stale instructions (Linux does this in set_pte_at ->
 * __sync_icache_dcache, once per page with PG_dcache_clean).
 */
static void flush_icache_page(struct vm_area_struct *vma, struct page *page)
{
	void *kaddr;

	if (!(vma->vm_flags & VM_EXEC))
		return;
	kaddr = kmap_local_page(page);
	clean_dcache_area(kaddr, PAGE_SIZE);
	kunmap_local(kaddr);
#ifndef HOST_TEST
	if (__cpu_smp)          /* ICIALLUIS (Multiprocessing Extensions) */
		__asm__ __volatile__("mcr p15, 0, %0, c7, c1, 0" : : "r" (0) : "memory");
	else                    /* ICIALLU */
		__asm__ __volatile__("mcr p15, 0, %0, c7, c5, 0" : : "r" (0) : "memory");
	__asm__ __volatile__("dsb ish\n\tisb" : : : "memory");
#endif
}

/* A writable VMA's PTE is writable (Linux maybe_mkwrite). */
static inline pte_t maybe_mkwrite(pte_t pte, struct vm_area_struct *vma)
{
	return (vma->vm_flags & VM_WRITE) ? pte_mkwrite(pte) : pte;
}

/*
 * do_set_pte - map page at addr (Linux do_set_pte): young; dirty and
 * writable on a write. A private write makes an anonymous page (the COW
 * copy); anything else is a file page, counted as shmem for the archive.
 */
void do_set_pte(struct vm_fault *vmf, struct page *page, unsigned long addr, pte_t *ptep)
{
	struct vm_area_struct *vma = vmf->vma;
	bool write = vmf->flags & FAULT_FLAG_WRITE;
	pte_t entry;

	flush_icache_page(vma, page);
	entry = pte_mkyoung(mk_pte(page, vma->vm_page_prot));
	if (write)
		entry = maybe_mkwrite(pte_mkdirty(entry), vma);
	if (write && !(vma->vm_flags & VM_SHARED)) {
		inc_mm_counter(vma->vm_mm, MM_ANONPAGES);
		page_add_new_anon_rmap(page, vma, addr);
	} else {
		inc_mm_counter(vma->vm_mm, mm_counter_file(page));
		page_add_file_rmap(page, vma);
	}
	set_pte_at(vma->vm_mm, addr, ptep, entry);
}

/* A new user page, zeroed (Linux alloc_zeroed_user_highpage_movable). */
static struct page *alloc_zeroed_user_page(void)
{
	return alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
}

/* Copy a user page through two kmap_local mappings (Linux copy_user_highpage). */
static void copy_user_highpage(struct page *to, struct page *from)
{
	void *src = kmap_local_page(from);
	void *dst = kmap_local_page(to);

	memcpy(dst, src, PAGE_SIZE);
	kunmap_local(dst);
	kunmap_local(src);
}

/*
 * do_anonymous_page - first touch of an anonymous page (Linux
 * do_anonymous_page). A read maps the shared zero page read-only (and
 * "special": no RSS, never freed); a write gets a new zeroed page, young,
 * dirty and writable, counted in MM_ANONPAGES.
 */
static vm_fault_t do_anonymous_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page;
	pte_t entry;

	if (vma->vm_flags & VM_SHARED)
		return VM_FAULT_SIGBUS;
	if (__pte_alloc(vma->vm_mm, vmf->pmd))
		return VM_FAULT_OOM;
	fault_trace_handler("do_anonymous_page");
	vmf->pte = pte_offset_map(vmf->pmd, vmf->address);
	if (!(vmf->flags & FAULT_FLAG_WRITE)) {
		entry = pfn_pte(zero_pfn(), vma->vm_page_prot);
		set_pte_at(vma->vm_mm, vmf->address, vmf->pte, entry);
		goto unmap;
	}
	if (anon_vma_prepare(vma)) {    /* the VMA now has anonymous pages (fork) */
		pte_unmap(vmf->pte);
		return VM_FAULT_OOM;
	}
	page = alloc_zeroed_user_page();
	if (!page) {
		pte_unmap(vmf->pte);
		return VM_FAULT_OOM;
	}
	SetPageUptodate(page);
	flush_icache_page(vma, page);
	entry = pte_mkyoung(mk_pte(page, vma->vm_page_prot));
	if (vma->vm_flags & VM_WRITE)
		entry = pte_mkwrite(pte_mkdirty(entry));
	inc_mm_counter(vma->vm_mm, MM_ANONPAGES);
	page_add_new_anon_rmap(page, vma, vmf->address);
	set_pte_at(vma->vm_mm, vmf->address, vmf->pte, entry);
unmap:
	update_mmu_cache(vma, vmf->address, vmf->pte);
	pte_unmap(vmf->pte);
	return 0;
}

/* Ask the file for the page (Linux __do_fault): vmf->page, referenced. */
static vm_fault_t __do_fault(struct vm_fault *vmf)
{
	vm_fault_t ret = vmf->vma->vm_ops->fault(vmf);

	if (ret & VM_FAULT_ERROR)
		return ret;
	if (!vmf->page)
		return VM_FAULT_SIGBUS;
	return ret;
}

/*
 * finish_fault - map vmf->page (or the COW copy) at vmf->address, unless
 * something got there first (Linux finish_fault). The page's reference
 * becomes the mapping's.
 */
static vm_fault_t finish_fault(struct vm_fault *vmf)
{
	struct page *page = vmf->cow_page ? vmf->cow_page : vmf->page;
	pte_t *ptep;

	if (__pte_alloc(vmf->vma->vm_mm, vmf->pmd))
		return VM_FAULT_OOM;
	ptep = pte_offset_map(vmf->pmd, vmf->address);
	if (pte_none(*ptep)) {
		do_set_pte(vmf, page, vmf->address, ptep);
		update_mmu_cache(vmf->vma, vmf->address, ptep);
	} else {
		put_page(page);         /* fault-around mapped it meanwhile */
	}
	pte_unmap(ptep);
	return 0;
}

/*
 * do_fault_around - map the page-cache pages around the address that are
 * already there (Linux do_fault_around): a fault_around_bytes-aligned
 * window (64 KiB: 16 pages), clipped to the VMA and to the PTE page, so a
 * program's text comes in 16 pages per fault instead of one.
 */
static vm_fault_t do_fault_around(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long nr_pages = fault_around_bytes >> PAGE_SHIFT;
	unsigned long mask = ~(nr_pages * PAGE_SIZE - 1) & PAGE_MASK;
	unsigned long address = max(vmf->address & mask, vma->vm_start);
	unsigned long off = ((vmf->address - address) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
	unsigned long start_pgoff = vmf->pgoff - off;
	unsigned long end_pgoff;

	end_pgoff = start_pgoff - ((address >> PAGE_SHIFT) & (PTRS_PER_PTE - 1)) +
		    PTRS_PER_PTE - 1;
	end_pgoff = min(end_pgoff, vma_pages(vma) + vma->vm_pgoff - 1);
	end_pgoff = min(end_pgoff, start_pgoff + nr_pages - 1);
	if (__pte_alloc(vma->vm_mm, vmf->pmd))
		return VM_FAULT_OOM;
	return vma->vm_ops->map_pages(vmf, start_pgoff, end_pgoff);
}

/* Read fault on a file page (Linux do_read_fault): fault-around first. */
static vm_fault_t do_read_fault(struct vm_fault *vmf)
{
	vm_fault_t ret;

	fault_trace_handler("do_read_fault");
	if (vmf->vma->vm_ops->map_pages && fault_around_bytes >> PAGE_SHIFT > 1) {
		ret = do_fault_around(vmf);
		if (ret)
			return ret;     /* VM_FAULT_NOPAGE: the address was mapped too */
	}
	ret = __do_fault(vmf);
	if (ret & VM_FAULT_ERROR)
		return ret;
	return ret | finish_fault(vmf);
}

/*
 * Write fault on a file page of a private mapping (Linux do_cow_fault):
 * the file's page is copied into a new anonymous page, mapped dirty and
 * writable; the file's page stays in the page cache, unmapped here.
 */
static vm_fault_t do_cow_fault(struct vm_fault *vmf)
{
	vm_fault_t ret;

	fault_trace_handler("do_cow_fault");
	if (anon_vma_prepare(vmf->vma))
		return VM_FAULT_OOM;
	vmf->cow_page = alloc_page(GFP_HIGHUSER_MOVABLE);
	if (!vmf->cow_page)
		return VM_FAULT_OOM;
	ret = __do_fault(vmf);
	if (ret & VM_FAULT_ERROR) {
		put_page(vmf->cow_page);
		return ret;
	}
	copy_user_highpage(vmf->cow_page, vmf->page);
	SetPageUptodate(vmf->cow_page);
	ret |= finish_fault(vmf);
	put_page(vmf->page);
	return ret;
}

/* No PTE in a file VMA (Linux do_fault); shared writes are not supported. */
static vm_fault_t do_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;

	if (!vma->vm_ops->fault)
		return VM_FAULT_SIGBUS;
	if (!(vmf->flags & FAULT_FLAG_WRITE))
		return do_read_fault(vmf);
	if (!(vma->vm_flags & VM_SHARED))
		return do_cow_fault(vmf);
	return VM_FAULT_SIGBUS;         /* do_shared_fault: no writable shared files */
}

/* The sole user of an anonymous page writes it: make the PTE writable (Linux wp_page_reuse). */
static vm_fault_t wp_page_reuse(struct vm_fault *vmf)
{
	pte_t entry = maybe_mkwrite(pte_mkdirty(pte_mkyoung(vmf->orig_pte)), vmf->vma);

	fault_trace_handler("do_wp_page (reuse)");
	if (ptep_set_access_flags(vmf->vma, vmf->address, vmf->pte, entry, 1))
		update_mmu_cache(vmf->vma, vmf->address, vmf->pte);
	pte_unmap(vmf->pte);
	count_vm_event(PGREUSE);
	return 0;
}

/*
 * wp_page_copy - break COW (Linux wp_page_copy): a new page, zeroed for the
 * zero page or a copy of the old one, replaces the old PTE (cleared and
 * flushed first, as ptep_clear_flush does); RSS moves from file/zero to anon.
 */
static vm_fault_t wp_page_copy(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *old_page = vmf->page;
	struct page *new_page;
	pte_t entry;

	fault_trace_handler(old_page ? "do_wp_page (copy)" : "do_wp_page (zero page)");
	new_page = NULL;
	if (!anon_vma_prepare(vma))
		new_page = old_page ? alloc_page(GFP_HIGHUSER_MOVABLE) : alloc_zeroed_user_page();
	if (!new_page) {
		pte_unmap(vmf->pte);
		return VM_FAULT_OOM;
	}
	if (old_page)
		copy_user_highpage(new_page, old_page);
	SetPageUptodate(new_page);
	if (old_page && !PageAnon(old_page))
		dec_mm_counter(vma->vm_mm, mm_counter_file(old_page));
	if (!old_page || !PageAnon(old_page))
		inc_mm_counter(vma->vm_mm, MM_ANONPAGES);
	flush_icache_page(vma, new_page);
	entry = maybe_mkwrite(pte_mkdirty(pte_mkyoung(mk_pte(new_page, vma->vm_page_prot))), vma);
	ptep_clear_flush(vma, vmf->address, vmf->pte);
	page_add_new_anon_rmap(new_page, vma, vmf->address);
	set_pte_at(vma->vm_mm, vmf->address, vmf->pte, entry);
	update_mmu_cache(vma, vmf->address, vmf->pte);
	pte_unmap(vmf->pte);
	if (old_page) {
		page_remove_rmap(old_page, vma);
		put_page(old_page);     /* the mapping's reference */
	}
	return 0;
}

/*
 * do_wp_page - a write to a present read-only PTE of a writable VMA
 * (Linux 6.1 do_wp_page): the zero page is replaced by a new page; an
 * anonymous page nobody else holds is reused in place; anything else (a
 * page-cache page, an anonymous page fork left mapped by parent and child)
 * is copied, and the other side keeps the old page.
 *
 * "Nobody else holds" is 6.1's rule: PageAnonExclusive, or else a
 * reference count of exactly 1 (after draining the LRU caches' extra
 * references, which armmm has not got). The mapcount, which older kernels
 * tested, is not looked at: after fork a page is reused by whichever side
 * writes it last, once the other side has copied it or exited. armmm has
 * no PageAnonExclusive (mm/mprotect.c); a page that would have it has no
 * other references here (no GUP pins, no swap cache), so the count alone
 * gives 6.1's answer. (wp_can_reuse_anon_folio is the same test after 6.5.)
 */
static vm_fault_t do_wp_page(struct vm_fault *vmf)
{
	struct page *page = vm_normal_page(vmf->vma, vmf->address, vmf->orig_pte);

	vmf->page = page;
	if (page && PageAnon(page) && page_ref_count(page) == 1)
		return wp_page_reuse(vmf);
	return wp_page_copy(vmf);
}

/*
 * handle_pte_fault - which handler (Linux handle_pte_fault). The last part
 * is the young/dirty fault: the PTE is present in Linux's view, and the
 * hardware entry was invalid (old) or read-only (clean). Setting the bits
 * rewrites the hardware entry; ptep_set_access_flags then flushes the
 * stale TLB entry by MVA | ASID (flush_tlb_fix_spurious_fault), and
 * update_mmu_cache has no TLB work on ARMv7. If nothing changed (another
 * path fixed it already), a write still flushes the page, as Linux does.
 */
static vm_fault_t handle_pte_fault(struct vm_fault *vmf)
{
	pte_t entry;

	vmf->pte = NULL;
	if (!pmd_none(*vmf->pmd)) {
		vmf->pte = pte_offset_map(vmf->pmd, vmf->address);
		vmf->orig_pte = *vmf->pte;
		if (pte_none(vmf->orig_pte)) {
			pte_unmap(vmf->pte);
			vmf->pte = NULL;
		}
	}
	fault_trace_before(vmf);
	if (!vmf->pte)
		return vma_is_anonymous(vmf->vma) ? do_anonymous_page(vmf) : do_fault(vmf);
	if (!pte_present(vmf->orig_pte)) {      /* do_swap_page: no swap here */
		pte_unmap(vmf->pte);
		return VM_FAULT_SIGBUS;
	}
	entry = vmf->orig_pte;
	if (vmf->flags & FAULT_FLAG_WRITE) {
		if (!pte_write(entry))
			return do_wp_page(vmf);
		entry = pte_mkdirty(entry);
	}
	fault_trace_handler(!pte_young(entry) ? ((vmf->flags & FAULT_FLAG_WRITE) &&
			    !pte_dirty(vmf->orig_pte) ? "young+dirty" : "young") :
			    (vmf->flags & FAULT_FLAG_WRITE) && !pte_dirty(vmf->orig_pte) ?
			    "dirty" : "spurious");
	entry = pte_mkyoung(entry);
	if (ptep_set_access_flags(vmf->vma, vmf->address, vmf->pte, entry,
				  vmf->flags & FAULT_FLAG_WRITE))
		update_mmu_cache(vmf->vma, vmf->address, vmf->pte);
	else if (vmf->flags & FAULT_FLAG_WRITE)
		flush_tlb_fix_spurious_fault(vmf->vma, vmf->address);
	pte_unmap(vmf->pte);
	return 0;
}

/* Walk to the pmd (the p4d, pud and pmd levels are folded) and go on (Linux __handle_mm_fault). */
static vm_fault_t __handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
				    unsigned int flags)
{
	struct vm_fault vmf = {
		.vma = vma,
		.address = address & PAGE_MASK,
		.real_address = address,
		.flags = flags,
		.pgoff = linear_page_index(vma, address),
		.gfp_mask = GFP_HIGHUSER_MOVABLE,
	};
	vm_fault_t ret;

	vmf.pmd = pmd_offset_pgd(pgd_offset(vma->vm_mm, address));
	ret = handle_pte_fault(&vmf);
	fault_trace_after(&vmf, ret);
	return ret;
}

/*
 * mm_account_fault - Linux 6.1's: a fault that failed or must be retried
 * is not counted; a major one (VM_FAULT_MAJOR) goes to maj_flt, the rest
 * to min_flt of the task that faulted. GUP passes regs == NULL: counted
 * the same (Linux then only skips the perf event).
 */
static void mm_account_fault(struct pt_regs *regs, unsigned int flags, vm_fault_t ret)
{
	(void)regs;
	if (ret & (VM_FAULT_ERROR | VM_FAULT_RETRY))
		return;
	if ((ret & VM_FAULT_MAJOR) || (flags & FAULT_FLAG_TRIED))
		current->maj_flt++;
	else
		current->min_flt++;
}

/**
 * handle_mm_fault - resolve a fault at address in vma
 * @vma: the VMA, its permissions already checked by the caller
 * @address: the faulting address
 * @flags: FAULT_FLAG_WRITE, FAULT_FLAG_USER, FAULT_FLAG_INSTRUCTION, ...
 * @regs: the user registers, or NULL for get_user_pages_remote
 *
 * Return: 0, or VM_FAULT_* error bits (SIGBUS, OOM, SIGSEGV).
 */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs)
{
	vm_fault_t ret;

	count_vm_event(PGFAULT);
	ret = __handle_mm_fault(vma, address, flags);
	mm_account_fault(regs, flags, ret);
	return ret;
}
