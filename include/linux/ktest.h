/*
 * linux/ktest.h - in-kernel self-tests, KUnit-shaped, printing KTAP
 * (Linux: include/kunit/test.h, Documentation/dev-tools/ktap.rst).
 *
 *   static void pv_table_immediates(struct ktest *t) { KTEST_EXPECT_EQ(t, a, b); }
 *   static struct ktest_case cases[] = { KTEST_CASE(pv_table_immediates), {} };
 *   KTEST_SUITE(phys2virt, cases, NULL);
 *
 * The boot argument "selftest" runs every suite, prints the results and
 * powers the machine off (see init/main.c).
 */
#ifndef _LINUX_KTEST_H
#define _LINUX_KTEST_H

#include <linux/kernel.h>
#include <linux/mm.h>

/*
 * Free pages as a test compares them before and after: the per-CPU page
 * lists drained first (mm/page_alloc_pcp.c). Pages parked on them are free
 * but, as in Linux, not in nr_free_pages(), and how many are parked
 * depends on the batches moved, not on what the test leaked.
 */
static inline unsigned long ktest_nr_free_pages(void)
{
	drain_all_pages(NULL);
	return nr_free_pages();
}

struct ktest {
	const char *name;
	int failures;           /* expectations that failed in this case */
	const char *skip_reason;        /* set by ktest_skip(): "ok N name # SKIP why" */
};

struct ktest_case {
	void (*run)(struct ktest *t);
	const char *name;
};

struct ktest_suite {
	const char *name;
	struct ktest_case *cases;       /* ends with an empty entry */
	void (*init)(void);             /* reset state before each case, or NULL */
};

#define KTEST_CASE(fn) { .run = fn, .name = #fn }
#define KTEST_SUITE(sname, scases, sinit)                                    \
	static struct ktest_suite ktest_suite_##sname = {                    \
		.name = #sname, .cases = scases, .init = sinit };            \
	static struct ktest_suite *ktest_ptr_##sname                          \
	__attribute__((__used__, __section__(".ktest_suites"))) = &ktest_suite_##sname

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
	__printf(4, 5);

#define KTEST_EXPECT_EQ(t, a, b) do {                                        \
	unsigned long long _a = (a), _b = (b);                               \
	if (_a != _b)                                                        \
		ktest_fail(t, __FILE__, __LINE__,                            \
			   "Expected %s == %s, but %s == 0x%llx, %s == 0x%llx", \
			   #a, #b, #a, _a, #b, _b);                          \
} while (0)
#define KTEST_EXPECT_TRUE(t, c) do {                                         \
	if (!(c))                                                            \
		ktest_fail(t, __FILE__, __LINE__, "Expected %s to be true", #c); \
} while (0)

/*
 * Mark the running case skipped, with the reason KTAP prints after
 * "# SKIP" (KUnit's kunit_mark_skipped); the case returns by itself.
 */
void ktest_skip(struct ktest *t, const char *reason);

/* Run every suite; return the number of failed cases. */
int ktest_run_all(void);

#endif
