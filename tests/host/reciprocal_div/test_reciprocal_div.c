/*
 * tests/host/reciprocal_div - reciprocal_divide(a, reciprocal_value(d))
 * must equal a / d for every dividend: checked against the C division for
 * every object stride SLUB can have (8..8192 in steps of 8, and the odd
 * sizes of caches made with kmem_cache_create), at offsets around each
 * multiple of d inside a 4-page slab, and at the 32-bit extremes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <linux/reciprocal_div.h>

static void check(u32 d, u32 a)
{
	struct reciprocal_value r = reciprocal_value(d);

	if (reciprocal_divide(a, r) != a / d)
		fail_msg("%u / %u: got %u, want %u", a, d, reciprocal_divide(a, r), a / d);
}

static void slab_strides(void **state __attribute__((unused)))
{
	u32 d, k;

	for (d = 1; d <= 8192; d += (d < 64 ? 1 : 8))
		for (k = 0; k * d <= 4 * 4096; k++) {
			check(d, k * d);
			check(d, k * d + 1);
			if (k)
				check(d, k * d - 1);
		}
}

static void extremes(void **state __attribute__((unused)))
{
	static const u32 ds[] = { 1, 2, 3, 7, 24, 96, 192, 0x7fffffff, 0x80000000u, 0xffffffffu };
	static const u32 as[] = { 0, 1, 2, 0x7fffffff, 0x80000000u, 0xfffffffeu, 0xffffffffu };
	unsigned int i, j;

	for (i = 0; i < sizeof(ds) / sizeof(*ds); i++)
		for (j = 0; j < sizeof(as) / sizeof(*as); j++)
			check(ds[i], as[j]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slab_strides),
		cmocka_unit_test(extremes),
	};

	return cmocka_run_group_tests_name("reciprocal_div", tests, NULL, NULL);
}
