/*
 * tests/host/buddy/buddy_test.h - what every buddy allocator test file
 * shares: a simulated node booted the way arch/arm/mm/init.c boots one,
 * the blocks a test holds, the trace of buddy_trace events, and the
 * independent checker (host/buddy_check.h). test_main.c runs the groups.
 *
 *   RAM_BASE (0x60000000, vexpress-a9)
 *   | pgd 16K | kernel (reserved) | free ...  | pageblock types, mem_map | HighMem ...  |
 *   +---------+-------------------+-----------+--------------------------+--------------+
 *   0x60004000  0x60008000                        (memblock_alloc, top down)  lowmem end
 *
 * Only lowmem is mapped (sim_ram_init); HighMem pages exist only as
 * struct pages in mem_map, and nothing may touch their memory.
 */
#ifndef _BUDDY_TEST_H
#define _BUDDY_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <host/sim.h>
#include <host/buddy_check.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <asm/memory.h>
#include "../../../mm/internal.h"

#define RAM_BASE        0x60000000u
#define SZ_4K           0x00001000u
#define SZ_16K          0x00004000u
#define SZ_4M           0x00400000u
#define MiB(n)          ((u32)(n) << 20)
#define BASE_PFN        (RAM_BASE >> PAGE_SHIFT)

/* A reserved range [base, base + size) of the simulated board. */
struct rsv {
	phys_addr_t base, size;
};

/*
 * Boot a node: lowmem bytes of mapped RAM at RAM_BASE, then highmem bytes
 * of HighMem; memblock reserves rsv[] (nrsv of them); then free_area_init,
 * memblock_free_all, the HighMem ranges (free_highpages), and
 * init_per_zone_wmark_min, as bootmem_init + mem_init do. Resets the
 * allocator, the held blocks, the trace and bad_page_count first.
 */
void node_boot(u32 lowmem, u32 highmem, const struct rsv *rsv, int nrsv);
/* node_boot with the usual reservations: pgd at +16K, a 1 MiB - 16K kernel at +32K. */
void node_boot_std(u32 lowmem, u32 highmem);

static inline struct zone *zone_of(enum zone_type z)
{
	return &NODE_DATA(0)->node_zones[z];
}

/* The blocks the running test holds (allocated, not freed). */
#define HELD_MAX        20000
extern struct buddy_block held[HELD_MAX];
extern size_t nheld;

/* alloc_pages, recorded in held[] if it succeeds. */
struct page *t_alloc(gfp_t gfp, unsigned int order);
/* __free_pages of held[i], removed from held[]. */
void t_free(size_t i);
void t_free_all(void);

/* The buddy_trace events since node_boot or trace_clear. */
struct trace_ev {
	char event[8];
	enum zone_type zone;
	unsigned long pfn;
	unsigned int order;
	int mt;
};
#define TRACE_MAX       4096
extern struct trace_ev trace_evs[TRACE_MAX];
extern size_t ntrace;
void trace_clear(void);

/* Run the checker over held[] (complete); fail the test with its report. */
void check_buddy(const char *file, int line);
#define CHECK_BUDDY()   check_buddy(__FILE__, __LINE__)

/* A copy of the node and of mem_map, to show a call changed nothing. */
struct node_snapshot {
	struct pglist_data pgdat;
	struct page *map;
	size_t bytes;
};
void snapshot_take(struct node_snapshot *s);
void snapshot_assert_same(struct node_snapshot *s, const char *file, int line);
#define ASSERT_UNCHANGED(s)     snapshot_assert_same(s, __FILE__, __LINE__)

/* A dump (a DUMP_FILE show function) into a buffer. */
const char *show(int (*fn)(struct seq_file *, void *));
/* Expect got == want; else fail, printing the first line that differs. */
void assert_text(const char *got, const char *want, const char *file, int line);
#define ASSERT_TEXT(got, want)  assert_text(got, want, __FILE__, __LINE__)

/* One group per file; each returns the number of failed tests. */
int buddy_check_group(void);
int buddy_random_group(void);
int buddy_free_group(void);
int buddy_rmqueue_group(void);
int buddy_wmark_group(void);
int buddy_vmstat_group(void);
int buddy_order_group(void);
int buddy_pcp_group(void);

#endif
