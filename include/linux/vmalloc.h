/*
 * linux/vmalloc.h - virtually contiguous kernel memory made of scattered
 * pages, and the vm areas behind vmalloc, vmap and ioremap.
 * Linux: include/linux/vmalloc.h, mm/vmalloc.c.
 *
 *   VMALLOC_START                                          VMALLOC_END
 *   | area A (2 pages) |g| area B (ioremap) |g|   free   |...| static |
 *                       ^ guard page: never mapped, so running off the end
 *                         of an area faults instead of corrupting the next
 *
 * Each area is a vm_struct; its size includes the guard page (a 2-page
 * vmalloc reports 12288 in /proc/vmallocinfo, as in Linux). Static areas
 * (the device pages paging_init mapped) have no guard page.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/pgtable-2level-types.h>

struct page;

/* vm_struct.flags (Linux 6.1 values) */
#define VM_IOREMAP              0x00000001   /* ioremap() and friends */
#define VM_ALLOC                0x00000002   /* vmalloc() */
#define VM_MAP                  0x00000004   /* vmap()ed pages */
#define VM_USERMAP              0x00000008   /* suitable for remap_vmalloc_range */
#define VM_NO_GUARD             0x00000040   /* no guard page after the area */
/* 0x40000000 and bits 24:20 are arch/arm's (VM_ARM_*, arch/arm/mm/mm.h). */

#define IOREMAP_MAX_ORDER       (7 + PAGE_SHIFT)   /* ioremap alignment cap: 128 pages */

struct vm_struct {
	struct vm_struct *next;      /* vmlist, sorted by address */
	void *addr;                  /* first byte */
	unsigned long size;          /* bytes, guard page included */
	unsigned long flags;         /* VM_* */
	struct page **pages;         /* VM_ALLOC/VM_MAP: one per page, else NULL */
	unsigned int nr_pages;
	phys_addr_t phys_addr;       /* VM_IOREMAP: what it maps */
	const void *caller;          /* who asked (return address) */
};

/* The mapped part of an area: its size without the guard page. */
static inline unsigned long get_vm_area_size(const struct vm_struct *vm)
{
	return (vm->flags & VM_NO_GUARD) ? vm->size : vm->size - PAGE_SIZE;
}

void vmalloc_init(void);
void vm_area_add_early(struct vm_struct *vm);

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *addr);
void vunmap(const void *addr);

struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller);
struct vm_struct *find_vm_area(const void *addr);
struct vm_struct *remove_vm_area(const void *addr);
/* Call fn on every area in address order (vmallocinfo, ioremap's statics). */
void for_each_vm_area(void (*fn)(struct vm_struct *vm, void *arg), void *arg);

/* Page-table level: map, map pages, unmap (4 KiB pages, runtime PTE pages). */
int vmap_range(unsigned long addr, unsigned long end, phys_addr_t phys, pgprot_t prot);
int vmap_pages_range(unsigned long addr, unsigned long end, pgprot_t prot,
		     struct page **pages);
void vunmap_range(unsigned long addr, unsigned long end);
#define ioremap_page_range(addr, end, phys, prot) vmap_range(addr, end, phys, prot)

bool is_vmalloc_addr(const void *x);
struct page *vmalloc_to_page(const void *addr);
/* Pages vmalloc() holds now: /proc/meminfo's VmallocUsed (in pages). */
unsigned long vmalloc_nr_pages(void);

/* ioremap (arch/arm/mm/ioremap.c): device registers, MT_DEVICE pages. */
void __iomem *ioremap(phys_addr_t phys_addr, size_t size);
void iounmap(volatile void __iomem *addr);

#endif
