/*
 * tests/host/fuzz/mb_queries.c - fuzz_memblock's read-only checks: every
 * question memblock answers, every iterator and both dumps, compared with
 * the model (see mb_model.h).
 */
#include <stdio.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include "mb_model.h"

static bool model_region_overlaps(const struct rgn *r, int n, u64 base, u64 size)
{
	int i;

	for (i = 0; i < n; i++)
		if (base < r[i].end && r[i].base < base + size)
			return true;
	return false;
}

void check_queries(phys_addr_t x, phys_addr_t size)
{
	u8 s = M.st[m_find(&M, x)];
	u64 csize = min((u64)size, (u64)PHYS_ADDR_MAX - x), total = 0, want;
	int i, n;

	CHECK(memblock_is_memory(x) == !!(s & S_MEM), "is_memory(0x%x)", x);
	CHECK(memblock_is_map_memory(x) == ((s & (S_MEM | S_NOMAP)) == S_MEM), "is_map_memory(0x%x)", x);
	CHECK(memblock_is_reserved(x) == !!(s & S_RSV), "is_reserved(0x%x)", x);

	n = RUNS_MEMORY(&M, rl);
	want = 0;
	for (i = 0; i < n; i++) {
		total += rl[i].end - rl[i].base;
		if (rl[i].base <= x && x < rl[i].end)
			want = rl[i].end >= x + csize;
	}
	CHECK(memblock_is_region_memory(x, size) == want, "is_region_memory(0x%x, 0x%x)", x, size);
	CHECK(memblock_phys_mem_size() == total, "phys_mem_size");
	CHECK(memblock_get_current_limit() == memblock.current_limit, "get_current_limit");
	CHECK(memblock_start_of_DRAM() == (n ? rl[0].base : 0), "start_of_DRAM");
	CHECK(memblock_end_of_DRAM() == (n ? rl[n - 1].end : 0), "end_of_DRAM");

	n = RUNS_RESERVED(&M, rl);
	for (i = 0, total = 0; i < n; i++)
		total += rl[i].end - rl[i].base;
	CHECK(memblock_reserved_size() == total, "reserved_size");
	CHECK(memblock_is_region_reserved(x, size) == model_region_overlaps(rl, n, x, csize),
	      "is_region_reserved(0x%x, 0x%x)", x, size);
	CHECK(memblock_overlaps_region(&memblock.reserved, x, size) == model_region_overlaps(rl, n, x, csize),
	      "overlaps_region(0x%x, 0x%x)", x, size);
}

/* Compare one iterator's output (start, end pairs) with the model's runs. */
static void check_ranges(const char *what, const phys_addr_t *got, int ngot,
			 const struct rgn *want, int nwant, bool reverse)
{
	int i;

	CHECK(ngot == nwant, "%s: %d ranges, expected %d", what, ngot, nwant);
	for (i = 0; i < ngot; i++) {
		const struct rgn *w = &want[reverse ? nwant - 1 - i : i];

		CHECK(got[2 * i] == w->base && got[2 * i + 1] == w->end,
		      "%s[%d]: [0x%x, 0x%x), expected [0x%llx, 0x%llx)", what, i,
		      got[2 * i], got[2 * i + 1], w->base, w->end);
	}
}

static phys_addr_t it_out[2 * MAXRGN + 2];
static int it_nid;                      /* the one node: always 0 */

#define COLLECT(n, loop) do {                                               \
	phys_addr_t _s, _e;                                                 \
	u64 _i;                                                             \
	n = 0;                                                              \
	it_nid = 0;                                                         \
	loop(_i, &_s, &_e) {                                                \
		CHECK(n <= MAXRGN && !it_nid, "iterator does not stop, or nid %d", it_nid); \
		it_out[2 * n] = _s;                                         \
		it_out[2 * n + 1] = _e;                                     \
		n++;                                                        \
	}                                                                   \
} while (0)

#define FREE_NONE(i, s, e)       for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, s, e, &it_nid)
#define FREE_NONE_REV(i, s, e)   for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, s, e, &it_nid)
#define FREE_NOMAP(i, s, e)      for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NOMAP, s, e, NULL)
#define FREE_NOMAP_REV(i, s, e)  for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NOMAP, s, e, NULL)

void check_iterators(void)
{
	static const struct rgn empty = { 0, 0, 0 };
	int n, nw;

	nw = RUNS_FREE(&M, rl);
	COLLECT(n, FREE_NONE);
	check_ranges("free", it_out, n, rl, nw, false);
	COLLECT(n, FREE_NONE_REV);
	check_ranges("free reverse", it_out, n, rl, nw, true);
	nw = RUNS_FREE_NOMAP(&M, rl);
	COLLECT(n, FREE_NOMAP);
	check_ranges("free+nomap", it_out, n, rl, nw, false);
	COLLECT(n, FREE_NOMAP_REV);
	check_ranges("free+nomap reverse", it_out, n, rl, nw, true);

	/* an empty list walks its dummy region: one [0, 0) */
	nw = RUNS_MEMORY(&M, rl) ? RUNS_MAPMEM(&M, rl) : (rl[0] = empty, 1);
	COLLECT(n, for_each_mem_range);
	check_ranges("mem", it_out, n, rl, nw, false);
	COLLECT(n, for_each_mem_range_rev);
	check_ranges("mem reverse", it_out, n, rl, nw, true);
	nw = RUNS_RESERVED(&M, rl);
	if (!nw)
		rl[nw++] = empty;
	COLLECT(n, for_each_reserved_mem_range);
	check_ranges("reserved", it_out, n, rl, nw, false);
}

static char dump_buf[1 << 16];

/* The debugfs files parse back into the lists; memblock_dump_all prints one line each. */
void check_dumps(void)
{
	struct memblock_type *types[2] = { &memblock.memory, &memblock.reserved };
	unsigned long before;
	struct seq_file m;
	int w, debug;

	for (w = 0; w < 2; w++) {
		const char *p = dump_buf;
		unsigned long i;

		seq_buf_init(&m, dump_buf, sizeof(dump_buf));
		m.private = types[w];
		memblock_debug_show(&m, types[w]);
		for (i = 0; i < types[w]->cnt && p + 64 < dump_buf + sizeof(dump_buf); i++) {
			const struct memblock_region *r = &types[w]->regions[i];
			char line[64];
			int len = snprintf(line, sizeof(line), "%4lu: 0x%08x..0x%08x\n", i,
					   r->base, r->base + r->size - 1);

			CHECK(len == 29 && !strncmp(p, line, len), "debugfs line %lu: %.40s", i, p);
			p += len;
		}
		CHECK(p == dump_buf + m.count || i < types[w]->cnt, "debugfs: extra text");
	}
	debug = memblock_debug;
	memblock_debug = 0;
	before = fuzz_log_count;
	memblock_dump_all();            /* silent without memblock=debug */
	CHECK(fuzz_log_count == before, "memblock_dump_all printed without debug");
	memblock_debug = 1;
	memblock_dump_all();
	memblock_debug = debug;
	CHECK(fuzz_log_count - before == 4 + memblock.memory.cnt + memblock.reserved.cnt,
	      "memblock_dump_all printed %lu lines", fuzz_log_count - before);
}

