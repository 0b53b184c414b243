/*
 * linux/mm_types.h - struct page (Linux: include/linux/mm_types.h).
 *
 * One struct page per 4 KiB physical page, in mem_map[] (FLATMEM: see
 * linux/mm.h). 32 bytes on ARM, as in Linux 6.1, so mem_map costs 0.8%
 * of RAM (8 MiB for 1 GiB). The middle 20 bytes mean different things
 * depending on who owns the page:
 *
 *            +0        +4              +8        +12          +16   +20  +24         +28
 *  free:     | flags   | lru.next      | lru.prev | private=order |  -  |   | page_type | _refcount
 *  slab:     | flags   | slab_list.next| .prev    | slab_cache | freelist | inuse,objects |...
 *  tail:     | flags   | compound_head = head | 1 |
 *  user:     | flags   | lru.next      | lru.prev | mapping  | index | private |  _mapcount  | _refcount
 *
 * A page a process maps (anonymous, or a page of the archive's page cache)
 * uses the "user" layout: mapping is the anon_vma | PAGE_MAPPING_ANON for an
 * anonymous page, the file's address_space for a page-cache page; index is
 * its offset in pages (into the file, or vma->vm_pgoff-relative for anon).
 * _mapcount shares page_type's word, as in Linux 6.1: -1 (PAGE_TYPE_NONE)
 * for a page nobody maps, 0 for one mapping, ...
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/list.h>
#include <asm/pgtable-2level-types.h>

struct kmem_cache;
struct address_space;
struct file;
struct vm_operations_struct;

struct page {
	unsigned long flags;            /* PG_* bits and the zone (page-flags.h) */
	union {
		struct {                /* the page allocator */
			struct list_head lru;   /* free: on free_area[order].free_list[mt] */
			unsigned long private;  /* free: the block's order */
		};
		struct {                /* a slab (mm/slub.c), in its first page */
			struct list_head slab_list;     /* on its cache's partial list */
			struct kmem_cache *slab_cache;
			void *freelist;         /* first free object, or NULL */
			unsigned short inuse;   /* objects handed out */
			unsigned short objects; /* objects the slab holds */
		};
		struct {                /* mapped into a process (mm/memory.c) */
			struct list_head __user_lru;    /* unused: no LRU lists yet */
			struct address_space *mapping;  /* PAGE_MAPPING_ANON bit: anon */
			unsigned long index;            /* offset in pages */
		};
		struct {                /* a tail page of a compound page */
			unsigned long compound_head;    /* head page | 1 */
			unsigned char compound_order;   /* in the first tail page */
		};
	};
	union {
		unsigned int page_type; /* PGTY_* << 24, or PAGE_TYPE_NONE */
		int _mapcount;          /* user pages: mappings - 1 */
	};
	int _refcount;                  /* users; 0 while free */
};

_Static_assert(sizeof(void *) != 4 || sizeof(struct page) == 32,
	       "struct page is 32 bytes on 32-bit, as in Linux");

#define PAGE_MAPPING_ANON 0x1UL     /* page->mapping low bit: anonymous page */

/*
 * vm_area_struct - one region of a process's address space with one set of
 * permissions and one backing (Linux: include/linux/mm_types.h). Linux 6.1
 * keeps an mm's VMAs in a maple tree; armmm keeps them on a list sorted by
 * address (mm->mmap), which find_vma walks: a process here has a handful of
 * VMAs, and a list is what a learner can print and follow.
 */
struct mm_struct;

/*
 * anon_vma - Linux's head of the reverse map of a VMA's anonymous pages
 * (include/linux/rmap.h). armmm has no reverse map (mm/rmap.c says why), so
 * what is left is the one fact the rest of mm reads from it: whether the
 * VMA has ever had an anonymous page. Linux sets it at the first anonymous
 * page (anon_vma_prepare: a write fault, a COW copy), and fork copies the
 * PTEs of a VMA only if it is set (mm/memory.c vma_needs_copy): the rest
 * is faulted in again by the child. One per VMA that needed one, shared
 * by the parts of a split VMA as Linux's is; they live on
 * mm->anon_vma_list and go with the mm (exit_mmap), where Linux counts
 * references (Linux's anon_vma also chains a child's to its parent's for
 * rmap; nothing here walks that chain, so it is not kept).
 */
struct anon_vma {
	struct list_head mm_list;       /* on vma->vm_mm->anon_vma_list (armmm) */
};

struct vm_area_struct {
	unsigned long vm_start;         /* first address inside */
	unsigned long vm_end;           /* first address after */
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;          /* Linux PTE bits for its pages (protection_map) */
	unsigned long vm_flags;         /* VM_READ, VM_WRITE, ... (linux/mm.h) */
	struct list_head vm_list;       /* on mm->mmap, by address */
	unsigned long vm_pgoff;         /* offset in pages into vm_file (anon: vm_start >> PAGE_SHIFT) */
	struct file *vm_file;           /* backing file, NULL for anonymous */
	const struct vm_operations_struct *vm_ops;
	const char *vm_special_name;    /* "[sigpage]", ...: a special mapping's name, else NULL */
	void *vm_private_data;          /* a special mapping's struct page *pages[] */
	struct anon_vma *anon_vma;      /* NULL until its first anonymous page */
};

/* The RSS counters of an mm (Linux's enum in mm_types_task.h). */
enum {
	MM_FILEPAGES,       /* resident file-backed pages */
	MM_ANONPAGES,       /* resident anonymous pages */
	MM_SWAPENTS,        /* swap entries (always 0: no swap) */
	MM_SHMEMPAGES,      /* resident shmem pages: the archive's files (tmpfs in Linux) */
	NR_MM_COUNTERS
};

/*
 * mm_struct - a process's address space (Linux: include/linux/mm_types.h).
 * init_mm is the kernel's own: pgd = swapper_pg_dir, no VMAs.
 */
struct mm_struct {
	struct list_head mmap;          /* VMAs, sorted by vm_start */
	int map_count;                  /* how many */
	pgd_t *pgd;                     /* 16 KiB first-level table (pgd_alloc) */
	int mm_users;                   /* tasks using it */
	int mm_count;                   /* references to the struct */
	unsigned long pgtables_bytes;   /* PTE pages: VmPTE */
	unsigned long hiwater_rss;      /* VmHWM, in pages */
	unsigned long hiwater_vm;       /* VmPeak, in pages */
	unsigned long total_vm;         /* pages mapped: VmSize */
	unsigned long locked_vm;        /* VmLck (0) */
	unsigned long pinned_vm;        /* VmPin (0) */
	unsigned long data_vm;          /* VM_WRITE & ~VM_SHARED & ~VM_STACK: VmData */
	unsigned long exec_vm;          /* VM_EXEC & ~VM_WRITE & ~VM_STACK: VmExe + VmLib */
	unsigned long stack_vm;         /* VM_STACK: VmStk */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long rss_stat[NR_MM_COUNTERS];  /* in pages */
	unsigned long mmap_base;        /* top-down mmap starts below it (arch_pick_mmap_layout) */
	struct list_head anon_vma_list; /* every anon_vma of its VMAs (armmm: freed with the mm) */
	struct {
		u64 id;                 /* ASID generation | ASID (arch/arm/mm/context.c) */
		unsigned long sigpage;  /* where [sigpage] is mapped */
		unsigned long vdso;     /* where [vdso] is mapped (0: not), AT_SYSINFO_EHDR */
	} context;                      /* Linux's mm_context_t */
};

extern struct mm_struct init_mm;

#endif
