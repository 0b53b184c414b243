/*
 * tests/host/fuzz/fuzz_buddy.c - libFuzzer target for the buddy allocator
 * (mm/page_alloc.c, booted from memblock by mm/mm_init.c).
 *
 * Each input is a node and a program. The first bytes pick the node:
 * lowmem 4..16 MiB at 0x60000000, HighMem 0..12 MiB above it (only
 * struct pages; nothing touches its memory), and up to three reserved
 * ranges. The rest is a sequence of calls, two or three bytes each:
 *
 *   op & 3 = 0, 1   alloc_pages(gfps[..], order 0-10) [+ __GFP_COMP/ZERO]
 *   op & 3 = 2      __free_pages of a held block (the byte picks which)
 *   op & 3 = 3      a bad free: a reserved page, or a block freed before
 *                   and not held again: must be reported exactly once
 *                   (bad_page_count + 1) and change nothing
 *
 * Nodes below 24 MiB plus mem_map's share run with mobility grouping off,
 * as Linux would (every request unmovable, any pageblock stolen whole),
 * larger ones with it on, so both rule sets are fuzzed. The reservation
 * byte's top bit gives the node per-CPU page lists (setup_per_cpu_pageset,
 * mm/page_alloc_pcp.c); without it, the boot pageset passes every page
 * straight through.
 *
 * After every call the state goes through the same independent checker
 * as tests/host/buddy (tests/host/lib/buddy_check.c), per-CPU lists
 * included; a failed allocation must change nothing (with per-CPU lists
 * and a request that may reclaim: nothing but drain_all_pages, which the
 * check replays on the state from before the call); at the end everything
 * is freed, the lists drained, and the free blocks per zone and order must
 * be those right after boot.
 *
 * Build and run: tests/host/fuzz/Makefile (target "buddy").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <host/buddy_check.h>
#include "../../../mm/internal.h"
#include "fuzz.h"

#define RAM_BASE        0x60000000u
#define LOWMEM_MAX      (16u << 20)
#define MAX_CALLS       2000
#define HELD_MAX        4096

static struct buddy_block held[HELD_MAX];
static size_t nheld;
static struct buddy_block last_freed;   /* for the double free; order 0xff: none */
static unsigned char stolen[64];        /* per pageblock: stolen for types (bits) */
static int cur_mt;
static bool pcp_on;                     /* setup_per_cpu_pageset ran */
static unsigned long ncalls;
static char call_desc[96];

/* page_address, kmap_local_page: tests/host/stubs/highmem.c */

/* ---- the node ------------------------------------------------------------------- */

static void trace_steal(const char *event, struct zone *zone, unsigned long pfn,
			unsigned int order, int mt)
{
	(void)zone, (void)order, (void)mt;
	if (!strcmp(event, "steal"))
		stolen[(pfn - (RAM_BASE >> PAGE_SHIFT)) >> pageblock_order] |= 1u << cur_mt;
}

static void report(void)
{
	fprintf(stderr, "after %lu calls, the last: %s; %zu blocks held\n", ncalls, call_desc,
		nheld);
}

/* Boot a node as bootmem_init + mem_init do, from the first input bytes. */
static void boot(struct input *in)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES] = { 0 };
	u32 lowmem = (4 + (g8(in) % 13)) << 20, highmem = (g8(in) % 13) << 20;
	u8 rsv = g8(in);
	phys_addr_t start, end;
	int i, nrsv = rsv % 4;
	u64 it;

	memset(&contig_page_data, 0, sizeof(contig_page_data));
	memset(stolen, 0, sizeof(stolen));
	nheld = 0;
	bad_page_count = 0;
	last_freed.order = 0xff;
	buddy_trace = NULL;
	memblock_reset_for_test();
	memblock_add(RAM_BASE, (phys_addr_t)lowmem + highmem);
	for (i = 0; i < nrsv; i++)      /* ranges inside the first half of lowmem */
		memblock_reserve(RAM_BASE + (g16(in) % (lowmem >> 13)) * PAGE_SIZE,
				 (g8(in) + 1) * PAGE_SIZE);
	memblock_set_current_limit(RAM_BASE + lowmem);
	min_low_pfn = RAM_BASE >> PAGE_SHIFT;
	max_low_pfn = max_zone_pfn[ZONE_NORMAL] = (RAM_BASE + lowmem) >> PAGE_SHIFT;
	max_pfn = max_zone_pfn[ZONE_HIGHMEM] = (RAM_BASE + lowmem + highmem) >> PAGE_SHIFT;
	free_area_init(max_zone_pfn);
	memblock_free_all();
	for_each_free_mem_range(it, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL)
		if (max(PFN_UP(start), max_low_pfn) < PFN_DOWN(end))
			free_pages_memory(max(PFN_UP(start), max_low_pfn), PFN_DOWN(end));
	init_per_zone_wmark_min();
	pcp_on = rsv & 0x80;
	if (pcp_on)
		setup_per_cpu_pageset();
	buddy_trace = trace_steal;
}

static void check(void)
{
	struct buddy_check c = {
		.pgdat = NODE_DATA(0), .mem_map = mem_map,
		.base_pfn = ARCH_PFN_OFFSET, .end_pfn = max_pfn,
		.held = held, .nheld = nheld, .held_complete = true, .stolen = stolen,
	};
	struct buddy_check_result res;

	if (!buddy_check_run(&c, &res))
		fuzz_fail("buddy_check: %lu error(s), first: %s", res.errors, res.why);
}

/* Free blocks per zone and order, to compare boot with the end. */
static void count_free(unsigned long n[MAX_NR_ZONES][MAX_ORDER])
{
	int z;
	unsigned int o;

	for (z = 0; z < MAX_NR_ZONES; z++)
		for (o = 0; o < MAX_ORDER; o++)
			n[z][o] = NODE_DATA(0)->node_zones[z].free_area[o].nr_free;
}

/* ---- the calls ---------------------------------------------------------------------- */

static const gfp_t gfps[] = {
	GFP_KERNEL, GFP_HIGHUSER, GFP_HIGHUSER_MOVABLE, GFP_KERNEL | __GFP_RECLAIMABLE,
	GFP_KERNEL | __GFP_MOVABLE, GFP_ATOMIC, GFP_USER, GFP_ATOMIC | __GFP_HIGHMEM,
};

/*
 * A copy of the node, mem_map and each zone's per-CPU lists (kept outside
 * the node, in page_alloc_pcp.c), to show that a call changed nothing.
 * Two of them: the state before a call, and the state after it, kept while
 * the one before is put back to replay a drain on it.
 */
#define MAP_PAGES       ((LOWMEM_MAX + (12u << 20)) >> PAGE_SHIFT)
struct node_copy {
	struct pglist_data pgdat;
	struct per_cpu_pages pcp[MAX_NR_ZONES];
	struct page map[MAP_PAGES];
};
static struct node_copy before_call, after_call;

static size_t map_bytes(void)
{
	return (max_pfn - ARCH_PFN_OFFSET) * sizeof(struct page);
}

static void save(struct node_copy *c)
{
	int z;

	c->pgdat = contig_page_data;
	for (z = 0; z < MAX_NR_ZONES; z++)
		if (contig_page_data.node_zones[z].per_cpu_pageset)
			c->pcp[z] = *contig_page_data.node_zones[z].per_cpu_pageset;
	memcpy(c->map, mem_map, map_bytes());
}

static void restore(const struct node_copy *c)
{
	int z;

	contig_page_data = c->pgdat;
	for (z = 0; z < MAX_NR_ZONES; z++)
		if (contig_page_data.node_zones[z].per_cpu_pageset)
			*contig_page_data.node_zones[z].per_cpu_pageset = c->pcp[z];
	memcpy(mem_map, c->map, map_bytes());
}

static bool same_as(const struct node_copy *c)
{
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++)
		if (contig_page_data.node_zones[z].per_cpu_pageset &&
		    memcmp(&c->pcp[z], contig_page_data.node_zones[z].per_cpu_pageset,
			   sizeof(c->pcp[z])))
			return false;
	return !memcmp(&c->pgdat, &contig_page_data, sizeof(c->pgdat)) &&
	       !memcmp(c->map, mem_map, map_bytes());
}

static void snap(void)
{
	save(&before_call);
}

static bool unchanged(void)
{
	return same_as(&before_call);
}

/*
 * A failed allocation that may reclaim drained the per-CPU lists first
 * (alloc_pages' slow path): is the state now the state before the call,
 * drained? Replayed on a restored copy, then compared.
 */
static bool unchanged_but_drained(void)
{
	save(&after_call);
	restore(&before_call);
	drain_all_pages(NULL);
	return same_as(&after_call);
}

static void call_alloc(u8 op, u8 arg)
{
	gfp_t gfp = gfps[(op >> 2) & 7] | __GFP_NOWARN;
	unsigned int order = arg % 11;
	struct page *page;

	gfp |= (op & 0x20) ? __GFP_COMP : 0;
	gfp |= (op & 0x40) ? __GFP_ZERO : 0;
	snprintf(call_desc, sizeof(call_desc), "alloc_pages(0x%x, %u)", gfp, order);
	cur_mt = gfp_migratetype(gfp);
	snap();
	page = alloc_pages(gfp, order);
	if (!page) {
		if (pcp_on && (gfp & __GFP_DIRECT_RECLAIM))
			CHECK(unchanged_but_drained(), "a failed alloc_pages did more than drain");
		else
			CHECK(unchanged(), "a failed alloc_pages changed the node");
		return;
	}
	CHECK(nheld < HELD_MAX, "too many blocks held");
	held[nheld++] = (struct buddy_block){ page_to_pfn(page), order };
	if ((gfp & __GFP_ZERO) && !PageHighMem(page)) {
		const u8 *p = page_address(page);
		unsigned long i;

		for (i = 0; i < (PAGE_SIZE << order); i++)
			CHECK(!p[i], "__GFP_ZERO block 0x%lx: byte %lu is 0x%x", page_to_pfn(page), i, p[i]);
	}
}

static void call_free(u8 arg)
{
	struct buddy_block b;
	size_t i;

	if (!nheld)
		return;
	i = arg % nheld;
	b = held[i];
	held[i] = held[--nheld];
	snprintf(call_desc, sizeof(call_desc), "__free_pages(pfn 0x%lx, %u)", b.pfn, b.order);
	if (!PageHighMem(pfn_to_page(b.pfn)))
		memset(page_address(pfn_to_page(b.pfn)), 0xa5, PAGE_SIZE << b.order);
	__free_pages(pfn_to_page(b.pfn), b.order);
	last_freed = b;
}

/* Does [pfn, pfn + 2^order) overlap a held block? */
static bool overlaps_held(unsigned long pfn, unsigned int order)
{
	size_t i;

	for (i = 0; i < nheld; i++)
		if (pfn < held[i].pfn + (1UL << held[i].order) && held[i].pfn < pfn + (1UL << order))
			return true;
	return false;
}

/* A free that must be refused: the last freed block again, or a reserved page. */
static void call_bad_free(u8 arg)
{
	unsigned long before = bad_page_count, pfn;
	unsigned int order;

	if ((arg & 1) && last_freed.order != 0xff && !overlaps_held(last_freed.pfn, last_freed.order)) {
		pfn = last_freed.pfn;
		order = last_freed.order;
	} else {
		for (pfn = ARCH_PFN_OFFSET + arg; pfn < max_pfn; pfn++)
			if (PageReserved(pfn_to_page(pfn)))
				break;
		if (pfn == max_pfn)
			return;
		order = 0;
	}
	snprintf(call_desc, sizeof(call_desc), "bad __free_pages(pfn 0x%lx, %u)", pfn, order);
	snap();
	__free_pages(pfn_to_page(pfn), order);
	CHECK(bad_page_count == before + 1, "bad free: bad_page_count went %lu -> %lu", before,
	      bad_page_count);
	CHECK(unchanged(), "a refused free changed the node");
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static unsigned long boot_free[MAX_NR_ZONES][MAX_ORDER], end_free[MAX_NR_ZONES][MAX_ORDER];
	static bool ram;
	struct input in = { data, size };
	unsigned long start_pages;

	if (!ram) {
		fuzz_ram_init(RAM_BASE, LOWMEM_MAX);
		fuzz_report = report;
		ram = true;
	}
	ncalls = 0;
	snprintf(call_desc, sizeof(call_desc), "boot");
	boot(&in);
	check();
	count_free(boot_free);
	start_pages = nr_free_pages();
	while (in.n && ncalls++ < MAX_CALLS) {
		u8 op = g8(&in), arg = g8(&in);

		switch (op & 3) {
		case 0: case 1: call_alloc(op, arg); break;
		case 2:         call_free(arg); break;
		default:        call_bad_free(arg); break;
		}
		check();
	}
	snprintf(call_desc, sizeof(call_desc), "freeing everything");
	while (nheld)
		call_free((u8)(nheld - 1));
	check();
	drain_all_pages(NULL);
	check();
	count_free(end_free);
	CHECK(nr_free_pages() == start_pages, "free pages %lu at the end, %lu after boot",
	      nr_free_pages(), start_pages);
	CHECK(!memcmp(boot_free, end_free, sizeof(boot_free)), "free blocks per order differ from boot");
	return 0;
}
