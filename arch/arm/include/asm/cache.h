/*
 * asm/cache.h - the L1 cache line (Linux: arch/arm/include/asm/cache.h).
 * Debian's armmp config has CONFIG_ARM_L1_CACHE_SHIFT = 6: 64 bytes, the
 * largest line of the CPUs it supports (Cortex-A9/A15 have 32 and 64), so
 * alignment to it is safe on all of them. Cache maintenance loops read the
 * real line size from CTR instead (asm/cacheflush.h).
 */
#ifndef _ASM_CACHE_H
#define _ASM_CACHE_H

#define L1_CACHE_SHIFT  6
#define L1_CACHE_BYTES  (1 << L1_CACHE_SHIFT)

#endif
