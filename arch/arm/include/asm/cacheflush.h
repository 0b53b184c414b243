/*
 * asm/cacheflush.h - the D-cache maintenance the page tables and the
 * vectors page need (Linux: arch/arm/include/asm/cacheflush.h,
 * cpu_v7_dcache_clean_area in proc-v7.S, flush_cache_vmap).
 *
 * The smallest D-cache line comes from CTR.DminLine (asm/cp15.h), never a
 * fixed size: a loop with a stride larger than the real line would skip
 * lines. ARMv7 ARM B2.2.7 (maintenance operations), B3.10.1 (table walks).
 */
#ifndef _ASM_CACHEFLUSH_H
#define _ASM_CACHEFLUSH_H

#include <linux/types.h>
#include <asm/cp15.h>

/* Bytes in the smallest D-cache line: 4 << CTR.DminLine. */
static inline unsigned long dcache_line_size(void)
{
	return 4UL << ((read_ctr() >> CTR_DMINLINE_SHIFT) & CTR_DMINLINE_MASK);
}

/*
 * clean_dcache_area - clean [addr, addr + size) to the point of unification
 *
 * One DCCMVAU per line, then a DSB, so the table walker and instruction
 * fetches see what was written (Linux clean_dcache_area /
 * cpu_v7_dcache_clean_area). A no-op in the host tests.
 */
static inline void clean_dcache_area(void *addr, size_t size)
{
#ifndef HOST_TEST
	unsigned long line = dcache_line_size();
	unsigned long p = (unsigned long)addr & ~(line - 1);

	for (; p < (unsigned long)addr + size; p += line)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c11, 1" : : "r" (p) : "memory");
	__asm__ __volatile__("dsb" : : : "memory");
#else
	(void)addr, (void)size;
#endif
}

/*
 * After new kernel PTEs are written (vmap, vmalloc): set_pte_ext issues no
 * barrier, so one DSB here makes them visible to the table walker before
 * the caller uses the addresses (Linux flush_cache_vmap on a VIPT
 * non-aliasing cache, which ARMv7's is).
 */
static inline void flush_cache_vmap(unsigned long start, unsigned long end)
{
	(void)start, (void)end;
#ifndef HOST_TEST
	__asm__ __volatile__("dsb ishst" : : : "memory");
#endif
}

#endif
