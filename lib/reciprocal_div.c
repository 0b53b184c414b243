/*
 * lib/reciprocal_div.c - reciprocal_value() (Linux:
 * lib/math/reciprocal_div.c); the formula is in linux/reciprocal_div.h.
 */
#include <linux/reciprocal_div.h>

struct reciprocal_value reciprocal_value(u32 d)
{
	struct reciprocal_value r;
	unsigned int l = 0;
	u64 m;

	while (l < 32 && (1ULL << l) < d)       /* l = ceil(log2 d) */
		l++;
	m = ((1ULL << 32) * ((1ULL << l) - d)) / d + 1;
	r.m = (u32)m;
	r.sh1 = l < 1 ? l : 1;
	r.sh2 = l > 1 ? l - 1 : 0;
	return r;
}
