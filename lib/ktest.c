/*
 * lib/ktest.c - runs the self-test suites and prints KTAP version 1, the way
 * KUnit does (lib/kunit/test.c): a top-level plan of suites, each suite a
 * subtest with its own plan, and a "# Totals:" line the harness counts.
 */
#include <linux/ktest.h>
#include <stdarg.h>

extern struct ktest_suite *__ktest_suites_start[], *__ktest_suites_end[];

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("    # %s: EXPECTATION FAILED at %s:%d\n    %s\n", t->name, file, line, msg);
	t->failures++;
}

void ktest_skip(struct ktest *t, const char *reason)
{
	t->skip_reason = reason;
}

/* Tallies over every suite, for the "# Totals:" line. */
struct ktest_totals {
	int pass, fail, skip;
};

/* "ok N name", "not ok N name" or "ok N name # SKIP reason" (KUnit's format). */
static void report_case(struct ktest *t, int n, struct ktest_totals *tot)
{
	if (t->failures) {
		printk("    not ok %d %s\n", n, t->name);
		tot->fail++;
	} else if (t->skip_reason) {
		printk("    ok %d %s # SKIP %s\n", n, t->name, t->skip_reason);
		tot->skip++;
	} else {
		printk("    ok %d %s\n", n, t->name);
		tot->pass++;
	}
}

static int run_suite(struct ktest_suite *s, int number, struct ktest_totals *tot)
{
	struct ktest_case *c;
	int n = 0, failed = 0;

	for (c = s->cases; c->run; c++)
		n++;
	printk("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", s->name, n);
	for (c = s->cases, n = 1; c->run; c++, n++) {
		struct ktest t = { .name = c->name };

		if (s->init)
			s->init();
		c->run(&t);
		report_case(&t, n, tot);
		failed += !!t.failures;
	}
	printk("%s %d %s\n", failed ? "not ok" : "ok", number, s->name);
	return failed;
}

int ktest_run_all(void)
{
	struct ktest_suite **s;
	struct ktest_totals tot = { 0 };
	int i = 1;

	printk("KTAP version 1\n1..%d\n", (int)(__ktest_suites_end - __ktest_suites_start));
	for (s = __ktest_suites_start; s < __ktest_suites_end; s++, i++)
		run_suite(*s, i, &tot);
	printk("# Totals: pass:%d fail:%d skip:%d total:%d\n", tot.pass, tot.fail, tot.skip,
	       tot.pass + tot.fail + tot.skip);
	return tot.fail;
}
