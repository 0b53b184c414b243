/*
 * linux/cache.h - cache-line alignment for generic code (Linux:
 * include/linux/cache.h): SMP_CACHE_BYTES is the architecture's L1 line.
 */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

#include <asm/cache.h>

#define SMP_CACHE_BYTES L1_CACHE_BYTES

#endif
