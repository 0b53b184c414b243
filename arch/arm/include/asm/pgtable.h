/*
 * asm/pgtable.h - walking and filling the kernel's page tables.
 * Linux: arch/arm/include/asm/pgtable.h, pgtable-2level.h, pgalloc.h.
 * The split PTE page is explained in pgtable-2level.h; the hardware bits
 * are in pgtable-hwdef.h, the Linux PTE bits in pgtable-2level.h.
 *
 * The p4d, pud and pmd levels are folded: a "pmd" is the pgd entry itself,
 * seen as a pointer to the first of its two L1 words.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <linux/types.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgtable-2level.h>
#include <asm/pgtable-2level-types.h>
#include <asm/fixmap.h>         /* FIXADDR_START .. FIXADDR_END: kmap_local slots */

/* The end of lowmem's linear map, set by adjust_lowmem_bounds (Linux: linux/mm.h). */
extern void *high_memory;

/*
 * The kernel's virtual areas above lowmem (asm/memory.h draws the map).
 * vmalloc starts at the next 8 MiB boundary above lowmem, leaving a gap
 * that catches stray accesses just past the end of the linear map.
 */
#define VMALLOC_OFFSET  (8UL << 20)
#define VMALLOC_START   (((unsigned long)high_memory + VMALLOC_OFFSET) & ~(VMALLOC_OFFSET - 1))
#define VECTORS_BASE    0xffff0000UL

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];
/* The same table as the hardware sees it: 4096 L1 words. */
#define swapper_l1 ((u32 *)swapper_pg_dir)

/* Kernel page tables: L1 word of a section-level walk */
#define pgd_index(addr)     ((addr) >> PGDIR_SHIFT)
#define pgd_offset_k(addr)  (swapper_pg_dir + pgd_index(addr))

/* The folded pmd of a pgd entry: its first L1 word. */
static inline pmd_t *pmd_off_k(unsigned long addr)
{
	return (pmd_t *)pgd_offset_k(addr);
}

/* [addr, end) clipped at the next 2 MiB boundary; end == 0 means 4 GiB. */
static inline unsigned long pgd_addr_end(unsigned long addr, unsigned long end)
{
	unsigned long boundary = (addr + PGDIR_SIZE) & PGDIR_MASK;

	return boundary - 1 < end - 1 ? boundary : end;
}
#define pmd_addr_end(addr, end) (end)   /* folded: one pmd per pgd */

#define pmd_none(pmd)   (!pmd_val(pmd))
#define pmd_bad(pmd)    ((pmd_val(pmd) & PMD_TYPE_MASK) != PMD_TYPE_TABLE)
#define pmd_leaf(pmd)   ((pmd_val(pmd) & PMD_TYPE_MASK) == PMD_TYPE_SECT)

/* The PTE page behind a table pmd (the Linux half, at offset 0). */
static inline pte_t *pmd_page_vaddr(pmd_t pmd)
{
	return (pte_t *)__va(pmd_val(pmd) & PAGE_MASK);
}
#define pte_index(addr)       (((addr) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))
#define pte_offset_kernel(pmd, addr) (pmd_page_vaddr(*(pmd)) + pte_index(addr))

/* The hardware PTE that goes with a Linux PTE (pgtable-2level.h). */
static inline u32 *pte_hw(pte_t *ptep)
{
	return (u32 *)((char *)ptep + PTE_HWTABLE_OFF);
}

#define pfn_pte(pfn, prot) __pte(((pteval_t)(pfn) << PAGE_SHIFT) | pgprot_val(prot))
#define pte_pfn(pte)       (pte_val(pte) >> PAGE_SHIFT)
#define pte_none(pte)      (!pte_val(pte))

/*
 * Clean an L1 entry to where the table walker reads it (ARMv7 ARM
 * B3.10.1): DCCMVAU, then DSB. A no-op in the host tests. Linux's
 * flush_pmd_entry cleans only on a uniprocessor (TLB_DCLEAN) and always
 * issues the DSB; cleaning on SMP too costs one instruction per L1 write
 * (a handful, at boot and when vmalloc adds a PTE page) and keeps one
 * rule for both. PTE writes follow Linux exactly (set_pte_ext, pte-v7.c).
 */
static inline void clean_table_entry(void *p)
{
#ifndef HOST_TEST
	__asm__ __volatile__("mcr p15, 0, %0, c7, c11, 1\n\tdsb" : : "r" (p) : "memory");
#else
	(void)p;
#endif
}
#define flush_pmd_entry(pmdp) clean_table_entry(pmdp)

/* Empty both L1 words of the pair pmdp points at (Linux pmd_clear). */
static inline void pmd_clear(pmd_t *pmdp)
{
	pmdp[0] = __pmd(0);
	pmdp[1] = __pmd(0);
	clean_table_entry(pmdp);
}

/* Point both L1 words at the two hardware tables of a PTE page:
 * +0x800 and +0xc00 (Linux __pmd_populate). */
static inline void __pmd_populate(pmd_t *pmdp, phys_addr_t pte_page, pmdval_t prot)
{
	pmdval_t v = (pte_page + PTE_HWTABLE_OFF) | prot;

	pmdp[0] = __pmd(v);
	pmdp[1] = __pmd(v + L2_TABLE_SIZE);
	flush_pmd_entry(pmdp);
}

/*
 * PAGE_KERNEL, what vmalloc and kmap map with: kernel read/write, never
 * executable, in the kernel's cache policy. pgprot_kernel is set by
 * build_mem_type_table (arch/arm/mm/mmu.c), as in Linux; PAGE_KERNEL then
 * equals mem_types[MT_MEMORY_RW].prot_pte.
 */
extern pgprot_t pgprot_kernel;
#define PAGE_KERNEL  __pgprot(pgprot_val(pgprot_kernel) | L_PTE_XN)

/* A zeroed page shared by every read-only user mapping of "nothing yet"
 * (Linux ZERO_PAGE); allocated by paging_init. */
struct page;
extern struct page *empty_zero_page;
#define ZERO_PAGE(vaddr)  ((void)(vaddr), empty_zero_page)

/* Write a Linux PTE and its hardware twin (arch/arm/mm/pte-v7.c). */
void set_pte_ext(pte_t *ptep, pte_t pte, unsigned int ext);
/* The hardware PTE set_pte_ext would write for a Linux PTE. */
u32 pte_v7_hw(pteval_t linux_pte, unsigned int ext);

/* ------------------------------------------------------------------------
 * User page tables (Linux: arch/arm/include/asm/pgtable.h, pgtable-2level.h)
 *
 * A process's pgd is its own 16 KiB table (pgd_alloc, arch/arm/mm/pgd.c);
 * its user PTE pages may sit in HighMem (CONFIG_HIGHPTE), so a user PTE is
 * reached with pte_offset_map() (a kmap_local mapping of the PTE page) and
 * let go with pte_unmap(), never through __va().
 * ------------------------------------------------------------------------ */
struct mm_struct;
struct vm_area_struct;

/* The pgd entry (the pair of L1 words) of addr in mm's table. */
#define pgd_offset(mm, addr)  ((mm)->pgd + pgd_index(addr))
/* Folded levels: the pmd is the pgd entry seen as its first L1 word. */
#define pmd_offset_pgd(pgd)   ((pmd_t *)(pgd))
#define USER_PTRS_PER_PGD     (TASK_SIZE / PGDIR_SIZE)        /* 1528 */

/* The PTE page a table pmd points at (its hardware half is at +0x800). */
#define pmd_page(pmd)         pfn_to_page(pmd_val(pmd) >> PAGE_SHIFT)

/* Map the PTE page of pmd (HighMem or not) and return addr's Linux PTE in
 * it; pte_unmap() undoes the mapping (Linux __pte_map/__pte_unmap with
 * CONFIG_HIGHPTE: kmap_atomic, which 6.1 implements with kmap_local). */
pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr);
void pte_unmap(pte_t *ptep);

/* Linux's user protections (pgtable.h _L_PTE_DEFAULT, __PAGE_*), before
 * build_mem_type_table adds the cache policy (user_pgprot). */
#define _L_PTE_DEFAULT        (L_PTE_PRESENT | L_PTE_YOUNG)
#define __PAGE_NONE           (_L_PTE_DEFAULT | L_PTE_RDONLY | L_PTE_XN | L_PTE_NONE)
#define __PAGE_SHARED         (_L_PTE_DEFAULT | L_PTE_USER | L_PTE_XN)
#define __PAGE_SHARED_EXEC    (_L_PTE_DEFAULT | L_PTE_USER)
#define __PAGE_COPY           (_L_PTE_DEFAULT | L_PTE_USER | L_PTE_RDONLY | L_PTE_XN)
#define __PAGE_COPY_EXEC      (_L_PTE_DEFAULT | L_PTE_USER | L_PTE_RDONLY)
#define __PAGE_READONLY       (_L_PTE_DEFAULT | L_PTE_USER | L_PTE_RDONLY | L_PTE_XN)
#define __PAGE_READONLY_EXEC  (_L_PTE_DEFAULT | L_PTE_USER | L_PTE_RDONLY)
extern pteval_t user_pgprot;    /* cache policy | shareability of user pages (mmu.c) */

/* The predicates (Linux pgtable.h: pte_isset/pte_isclear on 2-level). */
#define pte_present(pte)   (!!(pte_val(pte) & L_PTE_PRESENT))
#define pte_young(pte)     (!!(pte_val(pte) & L_PTE_YOUNG))
#define pte_dirty(pte)     (!!(pte_val(pte) & L_PTE_DIRTY))
#define pte_write(pte)     (!(pte_val(pte) & L_PTE_RDONLY))
#define pte_exec(pte)      (!(pte_val(pte) & L_PTE_XN))
#define pte_valid_user(pte) \
	((pte_val(pte) & (L_PTE_PRESENT | L_PTE_USER | L_PTE_YOUNG)) == \
	 (L_PTE_PRESENT | L_PTE_USER | L_PTE_YOUNG))
/* Present and not PROT_NONE: the MMU may hold it (Linux pte_accessible). */
#define pte_accessible(mm, pte) (pte_present(pte) && !(pte_val(pte) & L_PTE_NONE))
#define pte_same(a, b)     (pte_val(a) == pte_val(b))

#define PTE_SET(name, bit)   static inline pte_t pte_##name(pte_t pte) \
	{ return __pte(pte_val(pte) | (bit)); }
#define PTE_CLEAR(name, bit) static inline pte_t pte_##name(pte_t pte) \
	{ return __pte(pte_val(pte) & ~(bit)); }
PTE_SET(mkyoung, L_PTE_YOUNG)
PTE_CLEAR(mkold, L_PTE_YOUNG)
PTE_SET(mkdirty, L_PTE_DIRTY)
PTE_CLEAR(mkclean, L_PTE_DIRTY)
PTE_SET(wrprotect, L_PTE_RDONLY)
PTE_CLEAR(mkwrite, L_PTE_RDONLY)
PTE_CLEAR(mkexec, L_PTE_XN)
PTE_SET(mknexec, L_PTE_XN)
#undef PTE_SET
#undef PTE_CLEAR

/* A PTE for page with prot (Linux mk_pte). */
#define mk_pte(page, prot)  pfn_pte(page_to_pfn(page), prot)

/* New permissions, keeping the page, young and dirty (Linux pte_modify). */
static inline pte_t pte_modify(pte_t pte, pgprot_t newprot)
{
	const pteval_t mask = L_PTE_XN | L_PTE_RDONLY | L_PTE_USER | L_PTE_NONE | L_PTE_VALID;

	return __pte((pte_val(pte) & ~mask) | (pgprot_val(newprot) & mask));
}

/*
 * set_pte_at - write a user PTE (Linux pgtable.h set_pte_at): a valid user
 * page is not global (PTE_EXT_NG), so its TLB entry is tagged with the ASID
 * and another process's switch does not have to flush it. Linux also syncs
 * the I-cache for a new executable page here (__sync_icache_dcache); the
 * cache of these CPUs (VIPT non-aliasing D, PIPT-like I after the copy's
 * clean) is kept coherent by the fault path instead (flush_icache_page).
 */
static inline void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte)
{
	unsigned int ext = 0;

	(void)mm;
	if (addr < TASK_SIZE && pte_valid_user(pte))
		ext |= PTE_EXT_NG;
	set_pte_ext(ptep, pte, ext);
}

/* Empty a user PTE and return what it held (Linux ptep_get_and_clear). */
static inline pte_t ptep_get_and_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	pte_t old = *ptep;

	set_pte_at(mm, addr, ptep, __pte(0));
	return old;
}

/* Make a user PTE read-only, keeping the rest (Linux's generic
 * ptep_set_wrprotect, which ARM uses): fork's COW mappings. The caller
 * flushes the TLB (dup_mmap: flush_tlb_mm once at the end). */
static inline void ptep_set_wrprotect(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	set_pte_at(mm, addr, ptep, pte_wrprotect(*ptep));
}

/* mm/pgtable.c in Linux; arch/arm/mm/pgd.c here (they need flush_tlb_page). */
int ptep_set_access_flags(struct vm_area_struct *vma, unsigned long address, pte_t *ptep,
			  pte_t entry, int dirty);
int ptep_test_and_clear_young(struct vm_area_struct *vma, unsigned long address, pte_t *ptep);
int ptep_clear_flush_young(struct vm_area_struct *vma, unsigned long address, pte_t *ptep);
pte_t ptep_clear_flush(struct vm_area_struct *vma, unsigned long address, pte_t *ptep);
/*
 * update_mmu_cache: on ARMv7 (VIPT non-aliasing) Linux's __update_mmu_cache
 * only makes the I-cache coherent for a page first mapped executable; no
 * TLB work. Done by the fault path when it copies a page in.
 */
#define update_mmu_cache(vma, addr, ptep) do { } while (0)

/* pgd.c */
pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);

#endif
