/*
 * mm/bench.c - boot argument "bench": the allocators' fast paths, run a
 * fixed number of times so their cost per call can be measured. Linux has
 * no such thing in the kernel (its own numbers come from a profile of its
 * boot: scripts/bench).
 *
 * Each case is a function of its own (bench_pages_order0 .. 3,
 * bench_kmalloc_8 .. 8192), so an exact instruction profile of the boot
 * (scripts/profile's TCG plugin, `make bench`) reads the instructions of
 * one alloc+free pair as the function's inclusive count / BENCH_ROUNDS,
 * on every board. Where the CPU has a generic timer the ns per pair are
 * printed as well (under QEMU -icount shift=0 one ns is one instruction,
 * to the timer's tick).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define BENCH_ROUNDS 1000

#define BENCH_PAGES(order)                                                  \
static __attribute__((__noinline__)) void __init bench_pages_order##order(void)                  \
{                                                                           \
	unsigned int i;                                                     \
									    \
	for (i = 0; i < BENCH_ROUNDS; i++)                                  \
		__free_pages(alloc_pages(GFP_KERNEL, order), order);        \
}

#define BENCH_KMALLOC(size)                                                 \
static __attribute__((__noinline__)) void __init bench_kmalloc_##size(void)                      \
{                                                                           \
	unsigned int i;                                                     \
									    \
	for (i = 0; i < BENCH_ROUNDS; i++)                                  \
		kfree(kmalloc(size, GFP_KERNEL));                           \
}

BENCH_PAGES(0) BENCH_PAGES(1) BENCH_PAGES(2) BENCH_PAGES(3)
BENCH_KMALLOC(8) BENCH_KMALLOC(16) BENCH_KMALLOC(32) BENCH_KMALLOC(64)
BENCH_KMALLOC(128) BENCH_KMALLOC(256) BENCH_KMALLOC(512) BENCH_KMALLOC(1024)
BENCH_KMALLOC(2048) BENCH_KMALLOC(4096) BENCH_KMALLOC(8192)

static const struct {
	const char *what;
	unsigned int arg;
	void (*fn)(void);
} cases[] __initconst = {
	{ "alloc_pages+__free_pages order", 0, bench_pages_order0 },
	{ "alloc_pages+__free_pages order", 1, bench_pages_order1 },
	{ "alloc_pages+__free_pages order", 2, bench_pages_order2 },
	{ "alloc_pages+__free_pages order", 3, bench_pages_order3 },
	{ "kmalloc+kfree", 8, bench_kmalloc_8 },
	{ "kmalloc+kfree", 16, bench_kmalloc_16 },
	{ "kmalloc+kfree", 32, bench_kmalloc_32 },
	{ "kmalloc+kfree", 64, bench_kmalloc_64 },
	{ "kmalloc+kfree", 128, bench_kmalloc_128 },
	{ "kmalloc+kfree", 256, bench_kmalloc_256 },
	{ "kmalloc+kfree", 512, bench_kmalloc_512 },
	{ "kmalloc+kfree", 1024, bench_kmalloc_1024 },
	{ "kmalloc+kfree", 2048, bench_kmalloc_2048 },
	{ "kmalloc+kfree", 4096, bench_kmalloc_4096 },
	{ "kmalloc+kfree", 8192, bench_kmalloc_8192 },
};

void __init mm_bench(void)
{
	bool timer = arch_timer_rate() != 0;
	unsigned int i;

	pr_info("bench: %u rounds per case%s\n", BENCH_ROUNDS,
		timer ? "" : " (no generic timer: count them with scripts/bench)");
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned long long t0 = timer ? local_clock_ns() : 0;

		cases[i].fn();
		if (timer)
			pr_info("bench: %s %u: %llu ns per pair\n", cases[i].what, cases[i].arg,
				(local_clock_ns() - t0) / BENCH_ROUNDS);
	}
}
