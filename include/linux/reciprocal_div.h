/*
 * linux/reciprocal_div.h - dividing by a number known in advance with a
 * multiply and two shifts (Linux: include/linux/reciprocal_div.h,
 * lib/math/reciprocal_div.c; the method is Granlund and Montgomery's,
 * "Division by Invariant Integers using Multiplication", 1994, section 4).
 *
 * For a divisor d, with l = ceil(log2 d):
 *     m   = floor(2^32 * (2^l - d) / d) + 1
 *     a/d = (t + ((a - t) >> sh1)) >> sh2,  t = (m * a) >> 32,
 *     sh1 = min(l, 1), sh2 = max(l - 1, 0)
 * exact for every 32-bit a. SLUB uses it to turn an object's offset in its
 * slab into an index without a division (ARMv7-A has no divide
 * instruction: `%` is a call into libgcc costing ~20 instructions).
 */
#ifndef _LINUX_RECIPROCAL_DIV_H
#define _LINUX_RECIPROCAL_DIV_H

#include <linux/types.h>

struct reciprocal_value {
	u32 m;
	u8 sh1, sh2;
};

/* Precompute for divisor d (d > 0). */
struct reciprocal_value reciprocal_value(u32 d);

static inline u32 reciprocal_divide(u32 a, struct reciprocal_value r)
{
	u32 t = (u32)(((u64)a * r.m) >> 32);

	return (t + ((a - t) >> r.sh1)) >> r.sh2;
}

#endif
