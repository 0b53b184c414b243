/*
 * mm/filemap.c - the archive's page cache and its fault operations.
 * Linux: mm/filemap.c (filemap_map_pages, filemap_fault), mm/shmem.c
 * (shmem_fault, shmem_vm_ops), init/do_mounts.c (rootfs).
 *
 * What Linux does with a built-in initramfs (no root=, CONFIG_TMPFS=y):
 * rootfs is a tmpfs, and unpacking the archive write()s every file into
 * it. So every page of every file is in the page cache from boot on, and
 * each is a shmem page: PageSwapBacked (mm_counter_file() counts it in
 * MM_SHMEMPAGES, smaps' RssShmem), PageDirty (tmpfs pages have no backing
 * store to be clean against) and uptodate. A mapping of such a file uses
 * shmem's vm_ops: .fault = shmem_fault (finds the page in the cache: a
 * minor fault) and .map_pages = filemap_map_pages (fault-around).
 *
 * armmm keeps the files' bytes where they are in the kernel image and
 * makes a page-cache page on first use instead of at boot. The pages, their
 * flags and the faults are then what Linux would show: the first fault on
 * a page is minor, as Linux's is, and fault-around maps every page of the
 * window (they would all be cached in Linux). The cache is an array per
 * file (address_space.i_pages), not an XArray; pages are never evicted.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <string.h>
#include <linux/highmem.h>
#include <asm/pgtable.h>
#include "memory_internal.h"

/* The inode whose i_data_mapping this is (host may be unset by the loader). */
static struct inode *mapping_inode(struct address_space *mapping)
{
	return mapping->host ? mapping->host :
	       container_of(mapping, struct inode, i_data_mapping);
}

/* Make page index of the file from the archive's bytes, zero past i_size. */
static struct page *shmem_fill_page(struct address_space *mapping, unsigned long index)
{
	struct inode *inode = mapping_inode(mapping);
	unsigned long off = index << PAGE_SHIFT;
	unsigned long n = min(inode->i_size - off, (unsigned long)PAGE_SIZE);
	struct page *page = alloc_page(GFP_HIGHUSER_MOVABLE);
	char *kaddr;

	if (!page)
		return NULL;
	kaddr = kmap_local_page(page);
	memcpy(kaddr, (const char *)inode->i_data + off, n);
	memset(kaddr + n, 0, PAGE_SIZE - n);
	kunmap_local(kaddr);
	page->mapping = mapping;
	page->index = index;
	SetPageUptodate(page);
	SetPageDirty(page);
	SetPageSwapBacked(page);
	return page;
}

/**
 * find_or_create_cache_page - the page-cache page of mapping at index
 * Return: the page with a reference for the caller (the cache keeps its
 * own), or NULL if index is past the end of the file or memory ran out.
 */
struct page *find_or_create_cache_page(struct address_space *mapping, unsigned long index)
{
	struct inode *inode = mapping_inode(mapping);
	unsigned long npages = DIV_ROUND_UP(inode->i_size, PAGE_SIZE);
	struct page *page;

	if (index >= npages || !inode->i_data)
		return NULL;
	if (!mapping->i_pages) {
		mapping->i_pages = kzalloc(npages * sizeof(struct page *), GFP_KERNEL);
		if (!mapping->i_pages)
			return NULL;
	}
	page = mapping->i_pages[index];
	if (!page) {
		page = shmem_fill_page(mapping, index);
		if (!page)
			return NULL;
		mapping->i_pages[index] = page;
		mapping->nrpages++;
	}
	get_page(page);
	return page;
}

/*
 * filemap_fault - the page at vmf->pgoff, referenced in vmf->page (the
 * role of shmem_fault here). Past the end of the file: SIGBUS, as Linux.
 */
vm_fault_t filemap_fault(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;
	struct address_space *mapping = file->f_mapping ? file->f_mapping :
					&file->f_inode->i_data_mapping;
	struct inode *inode = mapping_inode(mapping);

	if (vmf->pgoff >= DIV_ROUND_UP(inode->i_size, PAGE_SIZE))
		return VM_FAULT_SIGBUS;
	vmf->page = find_or_create_cache_page(mapping, vmf->pgoff);
	return vmf->page ? 0 : VM_FAULT_OOM;
}

/*
 * filemap_map_pages - fault-around (Linux filemap_map_pages): map every
 * cached page of [start_pgoff, end_pgoff] whose PTE is empty, young and
 * read-only (the VMA's protection), stopping at the end of the file.
 * Return: VM_FAULT_NOPAGE if the faulting address itself got mapped (the
 * fault is then done, and counted once), else 0.
 */
vm_fault_t filemap_map_pages(struct vm_fault *vmf, unsigned long start_pgoff,
			     unsigned long end_pgoff)
{
	struct vm_area_struct *vma = vmf->vma;
	struct file *file = vma->vm_file;
	struct address_space *mapping = file->f_mapping ? file->f_mapping :
					&file->f_inode->i_data_mapping;
	struct inode *inode = mapping_inode(mapping);
	unsigned long last = DIV_ROUND_UP(inode->i_size, PAGE_SIZE);
	unsigned long addr = vma->vm_start + ((start_pgoff - vma->vm_pgoff) << PAGE_SHIFT);
	unsigned long pgoff;
	vm_fault_t ret = 0;
	pte_t *base = pte_offset_map(vmf->pmd, addr), *ptep = base;

	for (pgoff = start_pgoff; pgoff <= end_pgoff && pgoff < last;
	     pgoff++, addr += PAGE_SIZE, ptep++) {
		struct page *page;

		if (!pte_none(*ptep))
			continue;
		page = find_or_create_cache_page(mapping, pgoff);
		if (!page)
			break;
		if (addr == vmf->address)
			ret = VM_FAULT_NOPAGE;
		do_set_pte(vmf, page, addr, ptep);
	}
	pte_unmap(base);
	return ret;
}

/* The archive's files are tmpfs files in Linux: shmem's vm_ops. */
const struct vm_operations_struct shmem_vm_ops = {
	.fault = filemap_fault,
	.map_pages = filemap_map_pages,
};
