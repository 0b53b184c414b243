/*
 * tests/host/memblock/test_dump.c - what memblock prints, byte for byte
 * against Linux 6.1:
 *   /sys/kernel/debug/memblock/{memory,reserved}  memblock_debug_show
 *   the boot log with memblock=debug             memblock_dump_all, and one
 *                                                line per add/remove/reserve/
 *                                                free/alloc, with the caller
 * Linux prints the caller as symbol+off/size (%pS); we print its address,
 * 0x%08lx, which must lie inside the calling function.
 */
#include <stdio.h>
#include <linux/seq_file.h>
#include "memblock_test.h"

#define CALLER_SPAN     0x4000  /* a test function is smaller than this */

static char out[4096];

/* The debugfs file of @type, as `cat` would show it. */
static const char *show(struct memblock_type *type)
{
	struct seq_file m;

	seq_buf_init(&m, out, sizeof(out));
	m.private = type;
	assert_int_equal(memblock_debug_show(&m, type), 0);
	return out;
}

/* The vexpress-a9 state after arm_memblock_init with 512 MiB. */
static void vexpress_state(void)
{
	assert_int_equal(memblock_add(RAM_BASE, SZ_512M), 0);
	assert_int_equal(memblock_reserve(0x60004000, 0x4000), 0);        /* swapper_pg_dir */
	assert_int_equal(memblock_reserve(0x60008000, 0x009f8000), 0);    /* kernel image */
	assert_int_equal(memblock_reserve(0x68000000, 0x2000), 0);        /* DTB */
}

/*
 *   memory   [0x60000000, +512M)
 *   reserved [pgd+kernel 0x60004000..0x609fffff] [dtb 0x68000000..0x68001fff]
 * Expect Linux 6.1's "%4d: %pa..%pa\n", end inclusive, for both files.
 */
static void memblock_debug_show_vexpress_check(void **state)
{
	(void)state;
	vexpress_state();
	assert_string_equal(show(&memblock.memory),
			    "   0: 0x60000000..0x7fffffff\n");
	assert_string_equal(show(&memblock.reserved),
			    "   0: 0x60004000..0x609fffff\n"
			    "   1: 0x68000000..0x68001fff\n");
}

/*
 *   nothing added
 * Expect the dummy region as Linux shows it: 0 .. 0 - 1 = 0xffffffff.
 */
static void memblock_debug_show_empty_check(void **state)
{
	(void)state;
	assert_string_equal(show(&memblock.reserved), "   0: 0x00000000..0xffffffff\n");
}

/*
 *   reserved: 12 blocks of 4K, 8K apart
 * Expect the index right-aligned in 4 columns past 9 ("  11: ").
 */
static void memblock_debug_show_many_check(void **state)
{
	char line[64];
	int k;

	(void)state;
	for (k = 0; k < 12; k++)
		assert_int_equal(memblock_reserve(0x60000000 + k * 0x2000, SZ_4K), 0);
	show(&memblock.reserved);
	snprintf(line, sizeof(line), "  11: 0x%08x..0x%08x\n", 0x60016000, 0x60016fff);
	assert_non_null(strstr(out, line));
	assert_non_null(strstr(out, "   9: 0x60012000..0x60012fff\n  10: "));
}

/*
 *   vexpress state plus a NOMAP megabyte at the top, memblock=debug
 * Expect memblock_dump_all's lines exactly as Linux 6.1 prints them for
 * one node ("memory[0x0]\t[...], ... bytes flags: 0x0"), NOMAP as 0x4.
 */
static void memblock_dump_all_check(void **state)
{
	(void)state;
	vexpress_state();
	assert_int_equal(memblock_mark_nomap(0x7ff00000, SZ_1M), 0);
	assert_int_equal(early_memblock("debug"), 0);
	sim_log_clear();
	memblock_dump_all();
	assert_string_equal(sim_log(),
		"MEMBLOCK configuration:\n"
		" memory size = 0x20000000 reserved size = 0x009fe000\n"
		" memory.cnt  = 0x2\n"
		" memory[0x0]\t[0x60000000-0x7fefffff], 0x1ff00000 bytes flags: 0x0\n"
		" memory[0x1]\t[0x7ff00000-0x7fffffff], 0x00100000 bytes flags: 0x4\n"
		" reserved.cnt  = 0x2\n"
		" reserved[0x0]\t[0x60004000-0x609fffff], 0x009fc000 bytes flags: 0x0\n"
		" reserved[0x1]\t[0x68000000-0x68001fff], 0x00002000 bytes flags: 0x0\n");
}

/*
 *   the same without memblock=debug; early_memblock with other values
 * Expect no output at all, and only a value containing "debug" to turn
 * it on (Linux uses strstr).
 */
static void memblock_dump_all_needs_debug_check(void **state)
{
	(void)state;
	vexpress_state();
	assert_int_equal(early_memblock(NULL), 0);
	assert_int_equal(early_memblock("verbose"), 0);
	memblock_dump_all();
	assert_int_equal(memblock_debug, 0);
	assert_string_equal(sim_log(), "");
	assert_int_equal(early_memblock("nodebug"), 0);
	assert_int_equal(memblock_debug, 1);
}

/*
 * Find the log line starting with @prefix; expect it to end with
 * "0x%08lx\n" and return that address.
 */
static unsigned long dbg_caller(const char *prefix)
{
	const char *log = sim_log(), *p = log;
	unsigned long addr = 0;
	char nl = 0;
	int n = 0;

	while ((p = strstr(p, prefix)) != NULL && p != log && p[-1] != '\n')
		p++;
	if (!p)
		fail_msg("no log line starting with \"%s\" in:\n%s", prefix, log);
	p += strlen(prefix);
	assert_int_equal(sscanf(p, "0x%8lx%c%n", &addr, &nl, &n), 2);
	assert_int_equal(nl, '\n');
	assert_int_equal(n, 11);        /* "0x" + 8 digits + newline */
	return addr;
}

static void assert_called_from(unsigned long addr, void (*fn)(void **))
{
	unsigned long start = (unsigned long)fn;

	assert_in_range(addr, start + 1, start + CALLER_SPAN);
}

/*
 *   memblock=debug, then each call a board's setup makes
 * Expect one line per call, Linux's text up to the caller, the caller
 * address inside this test; allocations add memblock's own reserve line.
 */
static void memblock_debug_lines_check(void **state)
{
	void *p;

	(void)state;
	early_memblock("debug");
	assert_int_equal(memblock_add(RAM_BASE, SZ_512M), 0);
	assert_called_from(dbg_caller("memblock_add: [0x60000000-0x7fffffff] "),
			   memblock_debug_lines_check);
	assert_int_equal(memblock_reserve(0x60004000, 0x4000), 0);
	assert_called_from(dbg_caller("memblock_reserve: [0x60004000-0x60007fff] "),
			   memblock_debug_lines_check);
	assert_int_equal(memblock_remove(0x7ff00000, SZ_1M), 0);
	assert_called_from(dbg_caller("memblock_remove: [0x7ff00000-0x7fffffff] "),
			   memblock_debug_lines_check);
	assert_int_equal(memblock_phys_free(0x60004000, SZ_4K), 0);
	assert_called_from(dbg_caller("memblock_phys_free: [0x60004000-0x60004fff] "),
			   memblock_debug_lines_check);

	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), 0x7feff000);
	assert_called_from(dbg_caller("memblock_phys_alloc_range: 4096 bytes align=0x1000 from=0x00000000 max_addr=0x00000000 "),
			   memblock_debug_lines_check);
	dbg_caller("memblock_reserve: [0x7feff000-0x7fefffff] ");

	memblock_set_current_limit(RAM_END);
	p = memblock_alloc(2 * SZ_4K, SZ_4K);
	assert_ptr_equal(p, __va(RAM_END - 2 * SZ_4K));
	assert_called_from(dbg_caller("memblock_alloc_try_nid: 8192 bytes align=0x1000 nid=-1 from=0x00000000 max_addr=0x00000000 "),
			   memblock_debug_lines_check);
	dbg_caller("memblock_reserve: [0x6fffe000-0x6fffffff] ");
	memblock_free(p, 2 * SZ_4K);
	dbg_caller("memblock_phys_free: [0x6fffe000-0x6fffffff] ");
}

/*
 *   the same calls without memblock=debug
 * Expect a silent log.
 */
static void memblock_debug_lines_off_check(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(RAM_BASE, SZ_512M), 0);
	assert_int_equal(memblock_reserve(0x60004000, 0x4000), 0);
	assert_int_equal(memblock_remove(0x7ff00000, SZ_1M), 0);
	assert_int_equal(memblock_phys_free(0x60004000, SZ_4K), 0);
	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), 0x7feff000);
	assert_string_equal(sim_log(), "");
}

int memblock_dump_group(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(memblock_debug_show_vexpress_check),
		MB_TEST(memblock_debug_show_empty_check),
		MB_TEST(memblock_debug_show_many_check),
		MB_TEST(memblock_dump_all_check),
		MB_TEST(memblock_dump_all_needs_debug_check),
		MB_TEST(memblock_debug_lines_check),
		MB_TEST(memblock_debug_lines_off_check),
	};
	return cmocka_run_group_tests_name("memblock_dump", tests, NULL, NULL);
}
