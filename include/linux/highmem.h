/*
 * linux/highmem.h - reaching pages that have no permanent kernel address.
 * Linux: include/linux/highmem.h, highmem-internal.h; mm/highmem.c.
 *
 * Lowmem pages are always mapped (the linear map, __va). A HighMem page
 * gets a kernel address only while someone maps it, in one of two ways:
 *
 *   kmap(page)            a PKMAP slot (0xbfe00000 ..): long-lived, any
 *   kunmap(page)          number at once, counted per slot, reused lazily
 *                         (asm/highmem.h)
 *   kmap_local_page(page) a fixmap slot (0xffefe000 downwards): short-lived,
 *   kunmap_local(addr)    strictly nested, unmapped in reverse order
 *                         (asm/fixmap.h)
 *
 * For a lowmem page both return page_address(page) and map nothing.
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/mm.h>

void *kmap(struct page *page);
void kunmap(struct page *page);
void *kmap_local_page(struct page *page);
void kunmap_local(void *addr);

/* Unmap every PKMAP slot nobody uses any more, one TLB flush for all. */
void kmap_flush_unused(void);
/* Borrow page's current PKMAP address, if it has one (+1 user), else NULL. */
void *kmap_high_get(struct page *page);

/* How many users PKMAP slot nr has: 0 free, 1 unused but still mapped,
 * n >= 2 kmapped n - 1 times (for the console and the tests). */
int pkmap_slot_count(unsigned int nr);
/* kmap_local_page() mappings held right now (0 .. KM_MAX_IDX). */
int kmap_local_depth(void);

#endif
