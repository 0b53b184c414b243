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
 * page_type shares (-1, so 0, for a page nobody maps). A user page's
 * mappings move it (mm/rmap.c); a buddy or slab page prints its type word
 * + 1, as on Linux 6.1 (whose encoding gives -128).
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

#ifndef PAGE_ALIGN
#define PAGE_ALIGN(addr)        ALIGN_MM(addr, PAGE_SIZE)
#define ALIGN_MM(x, a)          (((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#endif
#ifndef IS_ERR_VALUE
#define MAX_ERRNO               4095
/* An address return that is really -errno (Linux linux/err.h). */
#define IS_ERR_VALUE(x)         ((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)
#endif
#define offset_in_page(p)       ((unsigned long)(p) & ~PAGE_MASK)

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
#define VM_DONTCOPY     0x00020000UL    /* fork leaves it out (madvise MADV_DONTFORK) */
#define VM_DONTEXPAND   0x00040000UL
#define VM_ACCOUNT      0x00100000UL
#define VM_NORESERVE    0x00200000UL
#define VM_WIPEONFORK   0x02000000UL    /* the child gets it empty (MADV_WIPEONFORK) */
#define VM_DONTDUMP     0x04000000UL
/* 0 on ARM: CONFIG_MEM_SOFT_DIRTY needs HAVE_ARCH_SOFT_DIRTY, which ARM
 * lacks (Linux defines VM_SOFTDIRTY 0 then); smaps prints no "sd". */
#define VM_SOFTDIRTY    0x0UL
#define VM_MIXEDMAP     0x10000000UL
#define VM_STACK        VM_GROWSDOWN

/*
 * is_cow_mapping - a private mapping that may be written (Linux
 * is_cow_mapping): its pages are copied on write, so fork makes both
 * sides' PTEs read-only. VM_MAYWRITE, not VM_WRITE: a private mapping
 * mprotect'ed read-only may become writable again later.
 */
static inline bool is_cow_mapping(unsigned long flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}
/* ARM's VM_DATA_FLAGS_TSK_EXEC for a task without READ_IMPLIES_EXEC (an
 * EABI binary with a non-executable PT_GNU_STACK): heap and stack rw-p.
 * exec adds VM_EXEC where Linux's personality would. */
#define VM_DATA_DEFAULT_FLAGS  (VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
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

/*
 * struct vm_fault - one fault in progress (Linux: include/linux/mm.h).
 * handle_mm_fault fills it and hands it down the handlers.
 */
struct vm_fault {
	struct vm_area_struct *vma;
	gfp_t gfp_mask;                 /* for new pages: GFP_HIGHUSER_MOVABLE */
	unsigned long pgoff;            /* the page's offset in the file (linear_page_index) */
	unsigned long address;          /* faulting address, page aligned */
	unsigned long real_address;     /* as the CPU reported it */
	unsigned int flags;             /* FAULT_FLAG_* */
	pmd_t *pmd;                     /* the folded pmd covering address */
	pte_t orig_pte;                 /* the Linux PTE when the fault began */
	struct page *cow_page;          /* do_cow_fault: the private copy */
	struct page *page;              /* ->fault's answer, referenced */
	pte_t *pte;                     /* pte_offset_map()ed, or NULL */
};

/* What a file mapping can do (Linux: struct vm_operations_struct, the two
 * members the fault path uses). shmem_vm_ops is the archive's. */
struct vm_operations_struct {
	vm_fault_t (*fault)(struct vm_fault *vmf);
	vm_fault_t (*map_pages)(struct vm_fault *vmf, unsigned long start_pgoff,
				unsigned long end_pgoff);
};

static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* The file offset (in pages) that address maps in vma (Linux linear_page_index). */
static inline unsigned long linear_page_index(const struct vm_area_struct *vma,
					      unsigned long address)
{
	return ((address - vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff;
}

/* ---- references and mappings of user pages (mm/memory.c, mm/rmap.c) ---- */

static inline void get_page(struct page *page)
{
	page->_refcount++;
}

/* Drop a reference; the last one frees the page (Linux put_page). */
void put_page(struct page *page);

static inline bool PageAnon(const struct page *page)
{
	return ((unsigned long)page->mapping & PAGE_MAPPING_ANON) != 0;
}

/* MM_ANONPAGES, MM_SHMEMPAGES or MM_FILEPAGES (Linux mm_counter). */
static inline int mm_counter_file(const struct page *page)
{
	return PageSwapBacked(page) ? MM_SHMEMPAGES : MM_FILEPAGES;
}

static inline int mm_counter(const struct page *page)
{
	return PageAnon(page) ? MM_ANONPAGES : mm_counter_file(page);
}

static inline unsigned long get_mm_counter(const struct mm_struct *mm, int member)
{
	return mm->rss_stat[member];
}

static inline unsigned long get_mm_rss(const struct mm_struct *mm)
{
	return mm->rss_stat[MM_FILEPAGES] + mm->rss_stat[MM_ANONPAGES] +
	       mm->rss_stat[MM_SHMEMPAGES];
}

/* Linux's hiwater_rss is updated lazily; here on every increase. */
static inline void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	mm->rss_stat[member] += value;
	if (get_mm_rss(mm) > mm->hiwater_rss)
		mm->hiwater_rss = get_mm_rss(mm);
}
#define inc_mm_counter(mm, member) add_mm_counter(mm, member, 1)
#define dec_mm_counter(mm, member) add_mm_counter(mm, member, -1)

/* VmPTE: a user PTE page counts PTRS_PER_PTE Linux PTEs (Linux mm_inc_nr_ptes). */
static inline unsigned long mm_pgtables_bytes(const struct mm_struct *mm)
{
	return mm->pgtables_bytes;
}

/* mm/rmap.c: _mapcount and ->mapping of a page as it gets mapped and unmapped. */
void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address);
void page_add_file_rmap(struct page *page, struct vm_area_struct *vma);
void page_remove_rmap(struct page *page, struct vm_area_struct *vma);
int anon_vma_prepare(struct vm_area_struct *vma);
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma);
void free_anon_vmas(struct mm_struct *mm);
int page_try_dup_anon_rmap(struct page *page, struct vm_area_struct *src_vma);
void page_dup_file_rmap(struct page *page);

/* The struct page a PTE maps, NULL for the zero page (Linux vm_normal_page). */
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte);

/* ---- address spaces (mm/mmap.c) ---- */

/* mm_alloc: a new mm with its pgd (pgd_alloc), no VMAs; NULL when out of memory. */
struct mm_struct *mm_alloc(void);
/* Drop a user; the last one unmaps everything, frees the tables and the pgd. */
void mmput(struct mm_struct *mm);
void mmgrab(struct mm_struct *mm);
void mmdrop(struct mm_struct *mm);

/* The VMA before addr's (or the last one), and find_vma's own answer. */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);
/* The VMA that contains addr, or NULL. */
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);
/* The next VMA after vma on mm->mmap, or NULL. */
struct vm_area_struct *vma_next_of(struct mm_struct *mm, struct vm_area_struct *vma);
/* Every VMA of mm in address order. */
#define for_each_vma(mm, vma) list_for_each_entry(vma, &(mm)->mmap, vm_list)

/* Linux's start of a VMA counting the stack guard gap (vm_start_gap). */
extern unsigned long stack_guard_gap;
unsigned long vm_start_gap(const struct vm_area_struct *vma);

/* Where a mapping of len bytes could go (Linux get_unmapped_area, on mm):
 * MAP_FIXED: addr itself; else a free hint, else top-down below mmap_base. */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr, unsigned long len,
				unsigned long flags);
unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int vm_brk_flags(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long flags);
int expand_stack(struct vm_area_struct *vma, unsigned long address);
/* Insert a VMA the caller filled (vm_start/end/flags/...; vm_mm set here). */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
void vm_area_free(struct vm_area_struct *vma);
/* A VMA of fixed pages (vm_special_name printed by maps), Linux's. */
struct vm_area_struct *_install_special_mapping(struct mm_struct *mm, unsigned long addr,
						unsigned long len, unsigned long vm_flags,
						const char *name, struct page **pages);
/* ARM's [vectors] page at 0xffff0000: in no mm's list, maps prints it last. */
struct vm_area_struct *get_gate_vma(struct mm_struct *mm);
bool in_gate_area(struct mm_struct *mm, unsigned long addr);
/* Tell the mm how many pages a VMA adds (total_vm, data_vm, exec_vm, stack_vm). */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
/* fork: the PTEs of src_vma into its copy dst_vma (mm/memory_fork.c).
 * Return: 0 or -ENOMEM. */
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma);

/* The system calls (sys_brk, sys_mmap2, sys_munmap, sys_mprotect) are in linux/syscalls.h. */

/* ---- mm/memory.c ---- */

#define FOLL_WRITE      0x01    /* the pages will be written */
#define FOLL_GET        0x04    /* take a reference (always, here) */
#define FOLL_FORCE      0x10    /* also into a VMA without the permission (COW) */
/*
 * Fault in nr_pages pages of mm from start and return them referenced
 * (put_page each). Return: how many, or -EFAULT/-ENOMEM if the first fails.
 */
long get_user_pages_remote(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages);
/* Unmap [start, end) of vma: pages freed, RSS down, TLB flushed. */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long size);
/* Free the PTE pages of [start, end) that lie wholly in [floor, ceiling). */
void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end,
		    unsigned long floor, unsigned long ceiling);
void free_pgtables(struct mm_struct *mm, struct vm_area_struct *vma,
		   unsigned long floor, unsigned long ceiling);
/* The Linux PTE for addr in mm, its PTE page allocated if need be (pte_unmap it). */
pte_t *get_locked_pte(struct mm_struct *mm, unsigned long addr);
/*
 * mm/util.c: randomize_va_space (0, 1 or 2: /proc/sys/kernel/randomize_va_space)
 * and what exec moves with it. The task is the one exec builds (Linux: current).
 */
struct task_struct;
extern int randomize_va_space;
unsigned long randomize_stack_top(struct task_struct *p, unsigned long stack_top);
unsigned long randomize_page(unsigned long start, unsigned long range);
unsigned long arch_randomize_brk(struct mm_struct *mm);
void arch_pick_mmap_layout(struct mm_struct *mm, struct task_struct *p);
/* The boot argument norandmaps (kernel/sysctl.c). */
int disable_randmaps(const char *value);

/* 64 KiB: the window do_read_fault maps at once (Linux fault_around_bytes). */
extern unsigned long fault_around_bytes;
/* Print every user fault (boot argument fault_trace, console fault_trace on|off|bt). */
extern bool fault_trace;
/* arch/arm/mm/fault.c tells the trace what the CPU reported for the next fault. */
void fault_trace_cpu(unsigned int fsr, const char *fsr_name);
/* The boot argument: "fault_trace", "fault_trace=1" on, "fault_trace=bt" on with call
 * chains, "fault_trace=0" off. */
int setup_fault_trace(const char *value);

/* ---- mm/filemap.c (the archive's page cache, modelled as tmpfs) ---- */
extern const struct vm_operations_struct shmem_vm_ops;
vm_fault_t filemap_fault(struct vm_fault *vmf);
vm_fault_t filemap_map_pages(struct vm_fault *vmf, unsigned long start_pgoff,
			     unsigned long end_pgoff);
/* The page-cache page of mapping at index, created from the archive; referenced. */
struct page *find_or_create_cache_page(struct address_space *mapping, unsigned long index);

#endif
