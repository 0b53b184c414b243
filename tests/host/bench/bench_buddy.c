/*
 * tests/host/bench/bench_buddy.c - host micro-benchmark of the page and
 * slab allocators' fast paths (reported, never pass/fail; `make bench`).
 *
 * A 256 MiB node at 0x60000000, all lowmem, simulated at PAGE_OFFSET in
 * this native process (tests/host/lib/lowmem.c, as the host tests do),
 * booted like bootmem_init + mem_init, then kmem_cache_init and
 * setup_per_cpu_pageset (orders 0-3 through the per-CPU lists). For each
 * measure: RUNS runs of ROUNDS pairs, clock_gettime(CLOCK_MONOTONIC)
 * around each run; the median run, in ns per pair, is printed:
 *
 *   bench_buddy: alloc_pages+__free_pages order 0: 41.2 ns per pair (median of 9 runs of 200000)
 *
 * Built natively, -O2, without sanitizers (tests/host/bench/Makefile says
 * why not armhf like the host tests).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <host/lowmem.h>

#define RAM_BASE        0x60000000u
#define RAM_SIZE        (256u << 20)
#define RUNS            9
#define ROUNDS          200000

unsigned long __pv_phys_pfn_offset;
unsigned long __pv_offset;

/* ---- what the kernel sources call ------------------------------------------------ */

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!getenv("BENCH_VERBOSE"))
		return 0;
	va_start(ap, fmt);
	n = vfprintf(stderr, fmt, ap);
	va_end(ap);
	return n;
}

/* The console (mm/slab_common.c's shell commands): not used here. */
int con_printf(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("bench_buddy: kernel panic: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

/* page_address, kmap_local_page: tests/host/stubs/highmem.c */

/* ---- the node ------------------------------------------------------------------------ */

static void boot(void)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES] = { 0 };

	host_lowmem_map("bench_buddy", RAM_SIZE);
	__pv_phys_pfn_offset = RAM_BASE >> PAGE_SHIFT;
	__pv_offset = RAM_BASE - PAGE_OFFSET;
	memblock_reset_for_test();
	memblock_add(RAM_BASE, RAM_SIZE);
	memblock_reserve(RAM_BASE + 0x4000, (1u << 20) - 0x4000);      /* pgd + kernel */
	memblock_set_current_limit(RAM_BASE + RAM_SIZE);
	min_low_pfn = RAM_BASE >> PAGE_SHIFT;
	max_low_pfn = max_pfn = max_zone_pfn[ZONE_NORMAL] = max_zone_pfn[ZONE_HIGHMEM] =
		(RAM_BASE + RAM_SIZE) >> PAGE_SHIFT;
	free_area_init(max_zone_pfn);
	memblock_free_all();
	init_per_zone_wmark_min();
	kmem_cache_init();
	setup_per_cpu_pageset();        /* after mm_init, as start_kernel: the per-CPU lists */
}

/* ---- measuring -------------------------------------------------------------------- */

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median over RUNS runs of ns per call of fn(arg), ROUNDS calls a run. */
static double median_ns(void (*fn)(unsigned int), unsigned int arg)
{
	double t[RUNS];
	int r, i;

	fn(arg);                        /* warm up: slabs, caches */
	for (r = 0; r < RUNS; r++) {
		double t0 = now_ns();

		for (i = 0; i < ROUNDS; i++)
			fn(arg);
		t[r] = (now_ns() - t0) / ROUNDS;
	}
	qsort(t, RUNS, sizeof(t[0]), cmp_double);
	return t[RUNS / 2];
}

static void pages_pair(unsigned int order)
{
	struct page *page = alloc_pages(GFP_KERNEL, order);

	if (!page)
		panic("alloc_pages(GFP_KERNEL, %u) failed", order);
	__free_pages(page, order);
}

static void kmalloc_pair(unsigned int size)
{
	void *p = kmalloc(size, GFP_KERNEL);

	if (!p)
		panic("kmalloc(%u) failed", size);
	kfree(p);
}

int main(void)
{
	static const unsigned int sizes[] = { 32, 256, 2048 };
	unsigned int order, i;

	boot();
	for (order = 0; order < 4; order++)
		printf("bench_buddy: alloc_pages+__free_pages order %u: %.1f ns per pair "
		       "(median of %d runs of %d)\n", order, median_ns(pages_pair, order), RUNS, ROUNDS);
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		printf("bench_buddy: kmalloc+kfree %u bytes: %.1f ns per pair (median of %d runs of %d)\n",
		       sizes[i], median_ns(kmalloc_pair, sizes[i]), RUNS, ROUNDS);
	return 0;
}
