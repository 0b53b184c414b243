/*
 * tests/host/slab - SLUB and kmalloc on the host, one file per API family:
 *
 *   test_kmalloc.c  kmalloc size classes, alignment, kmalloc_large, kfree,
 *                   /proc/slabinfo format and counts, the console commands
 *   test_cache.c    kmem_cache_create/alloc/free/destroy/shrink, slab
 *                   orders, double frees and foreign pointers
 *   test_random.c   random alloc/free patterns against the invariants
 *
 * This file holds main(), the set-up and the shared checks (slab_test.h),
 * and stand-ins for the parts of the kernel the suite does not link.
 */
#include <stdio.h>
#include "slab_test.h"

/* ---- stand-ins --------------------------------------------------------- */

/* page_address, kmap_local_page: tests/host/stubs/highmem.c */

char con_buf[8192];
static size_t con_len;

void con_clear(void)
{
	con_len = 0;
	con_buf[0] = '\0';
}

int con_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(con_buf + con_len, sizeof(con_buf) - con_len, fmt, ap);
	va_end(ap);
	if (n > 0)
		con_len = min(con_len + (size_t)n, sizeof(con_buf) - 1);
	return n;
}

/* ---- set-up --------------------------------------------------------------- */

int slab_test_setup(void **state)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES];
	int z;

	(void)state;
	memblock_reset_for_test();
	sim_ram_init(RAM_BASE, RAM_SIZE);
	memset(&contig_page_data, 0, sizeof(contig_page_data));
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	min_low_pfn = PFN_UP(RAM_BASE);
	max_low_pfn = max_pfn = PFN_DOWN(RAM_BASE + RAM_SIZE);
	for (z = 0; z < MAX_NR_ZONES; z++)
		max_zone_pfn[z] = max_pfn;
	free_area_init(max_zone_pfn);
	memblock_free_all();
	init_per_zone_wmark_min();
	kmem_cache_init();
	sim_log_clear();
	con_clear();
	return 0;
}

/* ---- shared checks ---------------------------------------------------------- */

/* Check one slab; returns its objects in use. */
static unsigned int check_slab(struct kmem_cache *s, struct page *slab, bool full)
{
	char *base = lowmem_page_address(slab), *fp;
	unsigned int nfree = 0;
	static unsigned char seen[PAGE_SIZE << 3];      /* one byte per object */

	assert_true(PageSlab(slab));
	assert_ptr_equal(slab->slab_cache, s);
	assert_true(slab->objects == oo_objects(s->oo) || slab->objects == oo_objects(s->min));
	assert_true(slab->inuse <= slab->objects);
	assert_int_equal(full, slab->inuse == slab->objects);
	memset(seen, 0, slab->objects);
	for (fp = slab->freelist; fp; fp = *(char **)(fp + s->offset)) {
		size_t off = (size_t)(fp - base);

		assert_true(fp >= base && off < (size_t)slab->objects * s->size);
		assert_int_equal(off % s->size, 0);
		assert_int_equal(seen[off / s->size], 0);       /* no loop, no duplicate */
		seen[off / s->size] = 1;
		nfree++;
	}
	assert_int_equal(nfree, slab->objects - slab->inuse);
	return slab->inuse;
}

unsigned long check_cache(struct kmem_cache *s)
{
	struct kmem_cache_node *n = s->node[0];
	unsigned long inuse = 0, slabs = 0, objects = 0, partial = 0;
	struct page *slab;

	list_for_each_entry(slab, &n->partial, slab_list) {
		inuse += check_slab(s, slab, false);
		slabs++, partial++, objects += slab->objects;
	}
	list_for_each_entry(slab, &n->full, slab_list) {
		inuse += check_slab(s, slab, true);
		slabs++, objects += slab->objects;
	}
	assert_int_equal(n->nr_partial, partial);
	assert_int_equal(n->nr_slabs, slabs);
	assert_int_equal(n->total_objects, objects);
	return inuse;
}

struct slabinfo cache_info(struct kmem_cache *s)
{
	struct slabinfo si;

	get_slabinfo(s, &si);
	return si;
}

int main(void)
{
	int failed = 0;

	failed += run_kmalloc_tests();
	failed += run_cache_tests();
	failed += run_random_tests();
	sim_ram_free();
	return failed ? 1 : 0;
}
