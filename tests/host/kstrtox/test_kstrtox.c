/*
 * tests/host/kstrtox - lib/kstrtox.c against Linux's kstrto*() rules: the
 * whole string is the number or it is refused (-EINVAL), a value that
 * does not fit is refused (-ERANGE), and the result is untouched then.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <linux/errno.h>
#include <linux/kstrtox.h>

#define UNTOUCHED 0x5a5a5a5aUL

/* Each row: input, base, expected return, expected value when 0. */
static const struct {
	const char *s;
	unsigned int base;
	int ret;
	unsigned long long v;
} ull_rows[] = {
	{ "0", 0, 0, 0 },            { "42", 10, 0, 42 },          { "+7", 10, 0, 7 },
	{ "0x1f", 0, 0, 0x1f },      { "017", 0, 0, 017 },         { "c0008000", 16, 0, 0xc0008000 },
	{ "0xC0008000", 16, 0, 0xc0008000 }, { "0x", 0, -EINVAL, 0 }, { "0x", 16, -EINVAL, 0 },
	{ "", 10, -EINVAL, 0 },      { "12abc", 10, -EINVAL, 0 },  { "zz", 16, -EINVAL, 0 },
	{ "-1", 10, -EINVAL, 0 },    { "10 ", 10, -EINVAL, 0 },    { "08", 0, -EINVAL, 0 },
	{ "18446744073709551615", 10, 0, 18446744073709551615ULL },
	{ "18446744073709551616", 10, -ERANGE, 0 },
	{ "0x10000000000000000", 16, -ERANGE, 0 },
};

static void kstrtoull_table_check(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ull_rows) / sizeof(ull_rows[0]); i++) {
		unsigned long long v = UNTOUCHED;
		int ret = kstrtoull(ull_rows[i].s, ull_rows[i].base, &v);

		if (ret != ull_rows[i].ret || v != (ret ? UNTOUCHED : ull_rows[i].v))
			fail_msg("kstrtoull(\"%s\", %u): %d, 0x%llx; want %d, 0x%llx", ull_rows[i].s,
				 ull_rows[i].base, ret, v, ull_rows[i].ret, ull_rows[i].v);
	}
}

/* Expect 32-bit results to refuse what only fits in 64 bits. */
static void kstrtoul_32_bits_check(void **state)
{
	unsigned long ul = UNTOUCHED;
	unsigned int u = UNTOUCHED;

	(void)state;
	assert_int_equal(kstrtoul("0xffffffff", 16, &ul), 0);
	assert_int_equal(ul, 0xffffffffUL);
	assert_int_equal(kstrtoul("1234567890", 16, &ul), -ERANGE);
	assert_int_equal(ul, 0xffffffffUL);
	assert_int_equal(kstrtouint("4294967296", 10, &u), -ERANGE);
	assert_int_equal(u, UNTOUCHED);
}

/* Expect kstrtoint to take a sign and refuse one step past either end. */
static void kstrtoint_sign_and_range_check(void **state)
{
	int v = 0;

	(void)state;
	assert_int_equal(kstrtoint("-2147483648", 10, &v), 0);
	assert_int_equal(v, -2147483647 - 1);
	assert_int_equal(kstrtoint("2147483647", 10, &v), 0);
	assert_int_equal(v, 2147483647);
	assert_int_equal(kstrtoint("2147483648", 10, &v), -ERANGE);
	assert_int_equal(kstrtoint("-2147483649", 10, &v), -ERANGE);
	assert_int_equal(kstrtoint("-", 10, &v), -EINVAL);
	assert_int_equal(kstrtoint("--1", 10, &v), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kstrtoull_table_check),
		cmocka_unit_test(kstrtoul_32_bits_check),
		cmocka_unit_test(kstrtoint_sign_and_range_check),
	};

	return cmocka_run_group_tests_name("kstrtox", tests, NULL, NULL);
}
