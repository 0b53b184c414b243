/*
 * tests/host/memblock/memblock_test.h - what every memblock test file
 * shares: the simulated board, the reset done before each test, region
 * list assertions, and one group runner per file (test_main.c runs them).
 *
 * The board is vexpress-a9 with 256 MiB: PHYS_OFFSET 0x60000000, RAM
 * simulated at PAGE_OFFSET so __va() of anything in [RAM_BASE, RAM_END)
 * is real memory of this process.
 */
#ifndef _MEMBLOCK_TEST_H
#define _MEMBLOCK_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <host/sim.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <asm/memory.h>

#define SZ_4K           0x00001000u
#define SZ_64K          0x00010000u
#define SZ_16M          0x01000000u
#define SZ_128M         0x08000000u
#define SZ_256M         0x10000000u
#define SZ_512M         0x20000000u

#define RAM_BASE        0x60000000u     /* vexpress-a9 PHYS_OFFSET */
#define RAM_SIZE        SZ_256M
#define RAM_END         (RAM_BASE + RAM_SIZE)

/* Reset memblock, map a fresh zeroed RAM, clear the log (cmocka setup). */
int memblock_test_setup(void **state);

/*
 * Expect @type to hold exactly @n regions, equal to @exp[], and its
 * total_size to be their sum. (Fails at the caller's line.)
 */
void check_regions(const struct memblock_type *type,
		   const struct memblock_region *exp, size_t n,
		   const char *file, int line);

#define REGION(b, s)            { .base = (b), .size = (s), .flags = MEMBLOCK_NONE }
#define REGION_F(b, s, f)       { .base = (b), .size = (s), .flags = (f) }
#define ASSERT_REGIONS(type, ...) do {                                        \
	static const struct memblock_region _exp[] = { __VA_ARGS__ };         \
	check_regions(type, _exp, ARRAY_SIZE(_exp), __FILE__, __LINE__);      \
} while (0)
/* An empty type: the dummy region {0, 0, 0} and nothing else. */
#define ASSERT_EMPTY(type)      ASSERT_REGIONS(type, REGION(0, 0))

/* A copy of both lists, to show that a failed call changed nothing. */
struct memblock_snapshot {
	struct memblock mb;
	struct memblock_region memory[512], reserved[512];
};
void memblock_snapshot_take(struct memblock_snapshot *s);
void memblock_snapshot_assert_same(const struct memblock_snapshot *s,
				   const char *file, int line);
#define ASSERT_UNCHANGED(s)     memblock_snapshot_assert_same(s, __FILE__, __LINE__)

/* Does the log hold this exact line (with its newline)? */
bool log_has_line(const char *line);

/* One group per file. Each returns the number of failed tests. */
int memblock_add_group(void);
int memblock_remove_group(void);
int memblock_reserve_group(void);
int memblock_nomap_group(void);
int memblock_alloc_group(void);
int memblock_resize_group(void);
int memblock_limit_group(void);
int memblock_dump_group(void);

#define MB_TEST(fn)     cmocka_unit_test_setup(fn, memblock_test_setup)

#endif
