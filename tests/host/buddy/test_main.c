/*
 * tests/host/buddy/test_main.c - the simulated node, held blocks, trace
 * and checker glue every buddy test uses (buddy_test.h), the HighMem
 * stand-ins mm/ needs, and main().
 */
#include "buddy_test.h"
#include <stdio.h>
#include <stdlib.h>

struct buddy_block held[HELD_MAX];
size_t nheld;
struct trace_ev trace_evs[TRACE_MAX];
size_t ntrace;

/* Per pageblock: the types it was stolen for (struct buddy_check.stolen). */
static unsigned char stolen[1024];
/* The migratetype of the request in progress (t_alloc), for "steal". */
static int cur_mt;

/* page_address, kmap_local_page: tests/host/stubs/highmem.c */

/* ---- booting a node ------------------------------------------------------------- */

static void record(const char *event, struct zone *zone, unsigned long pfn,
		   unsigned int order, int mt)
{
	struct trace_ev *ev;

	if (!strcmp(event, "steal"))
		stolen[(pfn - BASE_PFN) >> pageblock_order] |= (unsigned char)(1u << cur_mt);
	if (ntrace == TRACE_MAX)
		return;
	ev = &trace_evs[ntrace++];
	snprintf(ev->event, sizeof(ev->event), "%s", event);
	ev->zone = zone_idx(zone);
	ev->pfn = pfn;
	ev->order = order;
	ev->mt = mt;
}

void trace_clear(void)
{
	ntrace = 0;
}

void node_boot(u32 lowmem, u32 highmem, const struct rsv *rsv, int nrsv)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES] = { 0 };
	int i;

	memset(&contig_page_data, 0, sizeof(contig_page_data));
	mem_map = NULL;
	bad_page_count = 0;
	nheld = 0;
	memset(stolen, 0, sizeof(stolen));
	sim_ram_init(RAM_BASE, lowmem);
	memblock_reset_for_test();
	assert_int_equal(memblock_add(RAM_BASE, (phys_addr_t)lowmem + highmem), 0);
	for (i = 0; i < nrsv; i++)
		assert_int_equal(memblock_reserve(rsv[i].base, rsv[i].size), 0);
	memblock_set_current_limit(RAM_BASE + lowmem);
	min_low_pfn = BASE_PFN;
	max_low_pfn = (RAM_BASE + lowmem) >> PAGE_SHIFT;
	max_pfn = (u32)(((u64)RAM_BASE + lowmem + highmem) >> PAGE_SHIFT);
	max_zone_pfn[ZONE_NORMAL] = max_low_pfn;
	max_zone_pfn[ZONE_HIGHMEM] = max_pfn;
	free_area_init(max_zone_pfn);
	memblock_free_all();
	free_memblock_ranges(max_low_pfn, max_pfn);     /* arch free_highpages */
	init_per_zone_wmark_min();
	buddy_trace = record;
	trace_clear();
	sim_log_clear();
}

void node_boot_std(u32 lowmem, u32 highmem)
{
	static const struct rsv std[] = {
		{ RAM_BASE + SZ_16K, SZ_16K },                  /* swapper_pg_dir */
		{ RAM_BASE + 2 * SZ_16K, MiB(1) - 2 * SZ_16K }, /* the kernel image */
	};

	node_boot(lowmem, highmem, std, ARRAY_SIZE(std));
}

/* ---- held blocks ------------------------------------------------------------------ */

struct page *t_alloc(gfp_t gfp, unsigned int order)
{
	struct page *page;

	cur_mt = gfp_migratetype(gfp);
	page = alloc_pages(gfp, order);
	if (page) {
		assert_true(nheld < HELD_MAX);
		held[nheld++] = (struct buddy_block){ page_to_pfn(page), order };
	}
	return page;
}

void t_free(size_t i)
{
	struct buddy_block b = held[i];

	held[i] = held[--nheld];
	__free_pages(pfn_to_page(b.pfn), b.order);
}

void t_free_all(void)
{
	while (nheld)
		t_free(nheld - 1);
}

void check_buddy(const char *file, int line)
{
	struct buddy_check c = {
		.pgdat = NODE_DATA(0), .mem_map = mem_map,
		.base_pfn = ARCH_PFN_OFFSET, .end_pfn = max_pfn,
		.held = held, .nheld = nheld, .held_complete = true, .stolen = stolen,
	};
	struct buddy_check_result res;

	if (!buddy_check_run(&c, &res)) {
		print_error("buddy_check: %lu error(s), first: %s\n", res.errors, res.why);
		_fail(file, line);
	}
}

/* ---- snapshots and dumps ------------------------------------------------------- */

void snapshot_take(struct node_snapshot *s)
{
	s->pgdat = contig_page_data;
	s->bytes = (max_pfn - ARCH_PFN_OFFSET) * sizeof(struct page);
	s->map = malloc(s->bytes);
	assert_non_null(s->map);
	memcpy(s->map, mem_map, s->bytes);
}

void snapshot_assert_same(struct node_snapshot *s, const char *file, int line)
{
	bool same = !memcmp(&s->pgdat, &contig_page_data, sizeof(s->pgdat)) &&
		    !memcmp(s->map, mem_map, s->bytes);

	free(s->map);
	s->map = NULL;
	if (!same) {
		print_error("the node or mem_map changed\n");
		_fail(file, line);
	}
}

const char *show(int (*fn)(struct seq_file *, void *))
{
	static char buf[1 << 15];
	struct seq_file m;

	seq_buf_init(&m, buf, sizeof(buf));
	fn(&m, NULL);
	return buf;
}

void assert_text(const char *got, const char *want, const char *file, int line)
{
	const char *g = got, *w = want;
	int n = 1;

	while (*g && *g == *w) {
		if (*g == '\n')
			n++, got = g + 1, want = w + 1;
		g++, w++;
	}
	if (*g == *w)
		return;
	print_error("text differs at line %d:\n  got:  %.*s\n  want: %.*s\n", n,
		    (int)strcspn(got, "\n"), got, (int)strcspn(want, "\n"), want);
	_fail(file, line);
}

int main(void)
{
	int failed = 0;

	failed += buddy_check_group();
	failed += buddy_free_group();
	failed += buddy_rmqueue_group();
	failed += buddy_wmark_group();
	failed += buddy_vmstat_group();
	failed += buddy_order_group();
	failed += buddy_pcp_group();
	failed += buddy_random_group();
	return failed ? 1 : 0;
}
