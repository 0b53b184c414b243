/*
 * linux/mm.h - pages and page frame numbers (Linux: include/linux/mm.h,
 * include/asm-generic/memory_model.h for FLATMEM).
 *
 *   pfn = physical address >> PAGE_SHIFT
 *
 *   mem_map[0]            mem_map[i]                  mem_map[max_pfn - ARCH_PFN_OFFSET - 1]
 *   +--------+--  ...  --+--------+--  ...  --+--------+
 *   | page   |           | page   |           | page   |
 *   +--------+--  ...  --+--------+--  ...  --+--------+
 *    pfn = ARCH_PFN_OFFSET  pfn = ARCH_PFN_OFFSET + i
 *
 * ARCH_PFN_OFFSET (asm/memory.h) is PHYS_PFN_OFFSET = __pv_phys_pfn_offset,
 * found by head.S.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>
#include <linux/gfp.h>
#include <asm/memory.h>

extern struct page *mem_map;
extern unsigned long max_low_pfn, max_pfn, min_low_pfn;
extern unsigned long totalreserve_pages;

#define pfn_to_page(pfn)        (mem_map + ((pfn) - ARCH_PFN_OFFSET))
#define page_to_pfn(page)       ((unsigned long)((page) - mem_map) + ARCH_PFN_OFFSET)
#define PFN_PHYS(pfn)           ((phys_addr_t)(pfn) << PAGE_SHIFT)
#define PHYS_PFN(pa)            ((unsigned long)((pa) >> PAGE_SHIFT))
#define PFN_UP(x)               ((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_DOWN(x)             ((unsigned long)((x) >> PAGE_SHIFT))
#define page_to_phys(page)      PFN_PHYS(page_to_pfn(page))
/* Pages to KiB, for every report that prints kB. */
#define K(pages) ((pages) << (PAGE_SHIFT - 10))
#define virt_to_page(kaddr)     pfn_to_page(virt_to_pfn(kaddr))

/* Is there a struct page for pfn? (FLATMEM: inside mem_map.) */
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= ARCH_PFN_OFFSET && pfn < max_pfn;
}

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags &= ~(ZONES_MASK << ZONES_PGSHIFT);
	page->flags |= (unsigned long)zone << ZONES_PGSHIFT;
}

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(0)->node_zones[page_zonenum(page)];
}

static inline bool PageHighMem(const struct page *page)
{
	return is_highmem_idx(page_zonenum(page));
}

static inline int page_ref_count(const struct page *page)
{
	return page->_refcount;
}

static inline void set_page_count(struct page *page, int v)
{
	page->_refcount = v;
}

/* A lowmem page's address in the linear map. */
static inline void *lowmem_page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

/* The page's kernel address: NULL for a HighMem page not kmap()ed now. */
void *page_address(const struct page *page);

/* Pages the buddy allocator manages, all zones / HighMem zones. */
unsigned long totalram_pages(void);
unsigned long totalhigh_pages(void);
unsigned long nr_free_pages(void);

/* mm/mm_init.c: boot-time hand-over from memblock (see the diagram there). */
void free_area_init(const unsigned long *max_zone_pfn);
unsigned long memblock_free_all(void);
void free_pages_memory(unsigned long start_pfn, unsigned long end_pfn);
unsigned long free_memblock_ranges(unsigned long lo_pfn, unsigned long hi_pfn);
void init_per_zone_wmark_min(void);
/* arch/arm/mm/init.c: memblock_free_all + HighMem + watermarks, then "Memory:" */
void mem_init(void);

/*
 * Linux 6.1's page_mapcount(): _mapcount + 1, where _mapcount is the word
 * page_type shares (-1, so 0, for a page nobody maps). We have no user
 * mappings yet, so that word only ever holds page_type; a buddy page
 * prints its type word + 1, as on Linux 6.1 (whose encoding gives -128).
 */
static inline int page_mapcount(const struct page *page)
{
	return (int)page->page_type + 1;
}

/* mm/page_alloc.c: what a struct page holds, in Linux's format (Linux: mm/debug.c). */
void dump_page(struct page *page, const char *reason);

/* A compound page's order (0 for a single page). */
static inline unsigned int compound_order(struct page *page)
{
	return PageHead(page) ? page[1].compound_order : 0;
}

/* ---- user address spaces (mm/mmap.c, mm/memory.c, mm/mprotect.c) ---- */

struct vm_area_struct;
struct pt_regs;
struct file;

/* vm_flags (Linux's values) */
#define VM_NONE         0x00000000UL
#define VM_READ         0x00000001UL
#define VM_WRITE        0x00000002UL
#define VM_EXEC         0x00000004UL
#define VM_SHARED       0x00000008UL
#define VM_MAYREAD      0x00000010UL
#define VM_MAYWRITE     0x00000020UL
#define VM_MAYEXEC      0x00000040UL
#define VM_MAYSHARE     0x00000080UL
#define VM_GROWSDOWN    0x00000100UL
#define VM_PFNMAP       0x00000400UL
#define VM_LOCKED       0x00002000UL
#define VM_IO           0x00004000UL
#define VM_DONTEXPAND   0x00040000UL
#define VM_ACCOUNT      0x00100000UL
#define VM_NORESERVE    0x00200000UL
#define VM_DONTDUMP     0x04000000UL
#define VM_SOFTDIRTY    0x08000000UL
#define VM_MIXEDMAP     0x10000000UL
#define VM_STACK        VM_GROWSDOWN
#define VM_DATA_DEFAULT_FLAGS  (VM_READ | VM_WRITE | VM_EXEC | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_STACK_DEFAULT_FLAGS VM_DATA_DEFAULT_FLAGS
#define VM_STACK_FLAGS  (VM_STACK | VM_STACK_DEFAULT_FLAGS | VM_ACCOUNT)

/* handle_mm_fault's flags (Linux enum fault_flag) */
#define FAULT_FLAG_WRITE        0x0001
#define FAULT_FLAG_MKWRITE      0x0002
#define FAULT_FLAG_ALLOW_RETRY  0x0004
#define FAULT_FLAG_RETRY_NOWAIT 0x0008
#define FAULT_FLAG_KILLABLE     0x0010
#define FAULT_FLAG_TRIED        0x0020
#define FAULT_FLAG_USER         0x0040
#define FAULT_FLAG_REMOTE       0x0080
#define FAULT_FLAG_INSTRUCTION  0x0100
#define FAULT_FLAG_INTERRUPTIBLE 0x0200
#define FAULT_FLAG_DEFAULT      (FAULT_FLAG_ALLOW_RETRY | FAULT_FLAG_KILLABLE | FAULT_FLAG_INTERRUPTIBLE)

/* handle_mm_fault's result (Linux vm_fault_t bits) */
typedef unsigned int vm_fault_t;
#define VM_FAULT_OOM        0x000001
#define VM_FAULT_SIGBUS     0x000002
#define VM_FAULT_MAJOR      0x000004
#define VM_FAULT_HWPOISON   0x000010
#define VM_FAULT_SIGSEGV    0x000040
#define VM_FAULT_NOPAGE     0x000100
#define VM_FAULT_LOCKED     0x000200
#define VM_FAULT_RETRY      0x000400
#define VM_FAULT_FALLBACK   0x000800
#define VM_FAULT_DONE_COW   0x001000
#define VM_FAULT_ERROR      (VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV | VM_FAULT_HWPOISON)

/* protection_map[VM_READ|VM_WRITE|VM_EXEC|VM_SHARED] (arch/arm/mm/mmu.c) */
extern pgprot_t protection_map[16];
pgprot_t vm_get_page_prot(unsigned long vm_flags);

/* mm/mmap.c, mm/memory.c: see those files (the contract is in Documentation/user-space.md) */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs);

#endif
