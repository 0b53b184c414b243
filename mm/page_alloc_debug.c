/*
 * mm/page_alloc_debug.c - the buddy allocator, shown to a learner: the
 * console commands `alloc` and `free` print every block taken, split,
 * stolen, merged and put back, with the zone's /proc/buddyinfo line
 * before and after. `page <pfn>` shows one struct page (dump_page) and
 * which of its lives it is in. (The boot argument `bench` is mm/bench.c.)
 *
 *   armmm# alloc 4                                (vexpress-a9, 512M, fresh boot)
 *   before: Node 0, zone   Normal      1      2      3      4      4      4 ...
 *     take   Normal   pfn 0x60c00 order  5 (Unmovable)  off its free list
 *     split  Normal   pfn 0x60c10 order  4 (Unmovable)  upper half back on a free list
 *   alloc_pages(GFP_KERNEL, order 4) = pfn 0x60c00 ...
 *   after:  Node 0, zone   Normal      1      2      3      4      5      3 ...
 *
 * The block comes from the bottom of the zone, just above the kernel: the
 * boot freed memory to the tails of the lists in address order, as Linux
 * does, so each list's first block is its lowest (see page_alloc.c).
 *
 * Orders 0-3 go through the zone's per-CPU lists (page_alloc_pcp.c): the
 * block comes off one ("pcpget") and goes back onto one ("pcpput"), and
 * the free lists only change when a list is refilled (takes and splits
 * of `batch` blocks) or spills at `high` (merges and puts). Each command
 * shows the lists' count with buddyinfo; `drain` empties them, as Linux's
 * drain_all_pages.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/shell.h>
#include <linux/slab.h>
#include <asm/pgtable.h>
#include "internal.h"

static const char * const trace_words[][2] = {
	{ "take",  "off its free list" },
	{ "split", "upper half back on a free list" },
	{ "steal", "taken from another migratetype" },
	{ "merge", "its free buddy joins" },
	{ "put",   "onto a free list" },
	{ "pcpget", "off the per-CPU list" },
	{ "pcpput", "onto the per-CPU list" },
};

static void console_trace(const char *event, struct zone *zone, unsigned long pfn,
			  unsigned int order, int mt)
{
	const char *why = "";
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(trace_words); i++)
		if (!strcmp(event, trace_words[i][0]))
			why = trace_words[i][1];
	con_printf("  %-6s %-8s pfn 0x%05lx order %2u (%s)  %s\n", event, zone->name, pfn,
		   order, migratetype_names[mt], why);
}

/*
 * The zone's buddyinfo line, then, when the block goes through them
 * (pcp: order <= PAGE_ALLOC_COSTLY_ORDER), its per-CPU lists as zoneinfo
 * counts them.
 */
static void show_zone_line(const char *when, const struct zone *zone, bool pcp_too)
{
	const struct per_cpu_pages *pcp = zone->per_cpu_pageset;
	char buf[160];
	struct seq_file m;

	seq_buf_init(&m, buf, sizeof(buf));
	buddyinfo_zone_show(&m, zone);
	con_printf("%s %s", when, buf);
	if (pcp_too)
		con_printf("        per-CPU lists: count %d high %d batch %d\n", pcp->count,
			   pcp->high, pcp->batch);
}

/* A block of order <= PAGE_ALLOC_COSTLY_ORDER that moved on or off a per-CPU list. */
static void show_pcp_move(const char *event, struct page *page, unsigned int order, int before)
{
	if (!pcp_allowed_order(order))
		return;
	console_trace(event, page_zone(page), page_to_pfn(page), order,
		      get_pcppage_migratetype(page));
	con_printf("         (count %d -> %d)\n", before, page_zone(page)->per_cpu_pageset->count);
}

/* alloc <order> [high]: GFP_KERNEL (lowmem), or GFP_HIGHUSER with "high". */
static void cmd_alloc(int argc, char **argv)
{
	static char usage[48];
	unsigned int order;
	struct zone *zone;
	struct page *page;
	bool high;
	gfp_t gfp;
	int count;

	snprintf(usage, sizeof(usage), "alloc <order 0-%d> [high]", MAX_ORDER - 1);
	if (!shell_nargs(argc, argv, 1, 2, usage) ||
	    !shell_arg_uint(argv[0], "order", argv[1], 0, MAX_ORDER - 1, &order))
		return;
	high = argc > 2;
	if (high && strcmp(argv[2], "high")) {
		con_printf("Error: alloc: '%s' is not 'high'\nusage: %s\n", argv[2], usage);
		return;
	}
	gfp = high ? GFP_HIGHUSER : GFP_KERNEL;
	zone = &NODE_DATA(0)->node_zones[high ? ZONE_HIGHMEM : ZONE_NORMAL];
	if (!populated_zone(zone))
		zone = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	show_zone_line("before:", zone, pcp_allowed_order(order));
	count = zone->per_cpu_pageset->count;
	buddy_trace = console_trace;
	page = alloc_pages(gfp, order);
	buddy_trace = NULL;
	if (page && page_zone(page) == zone)
		show_pcp_move("pcpget", page, order, count);
	if (!page) {
		con_printf("alloc_pages(%s, order %u) = NULL\n", high ? "GFP_HIGHUSER" : "GFP_KERNEL",
			   order);
		return;
	}
	con_printf("alloc_pages(%s, order %u) = pfn 0x%05lx (phys 0x%08x, %lu pages, zone %s, "
		   "virt %p)\n", high ? "GFP_HIGHUSER" : "GFP_KERNEL", order, page_to_pfn(page),
		   page_to_phys(page), 1UL << order, page_zone(page)->name,
		   PageHighMem(page) ? NULL : lowmem_page_address(page));
	show_zone_line("after: ", page_zone(page), pcp_allowed_order(order));
	con_printf("(give it back with: free 0x%05lx %u)\n", page_to_pfn(page), order);
}
SHELL_CMD(alloc, "alloc <order> [high]: take a block from the buddy allocator", cmd_alloc);

/*
 * free <pfn> <order>: give back what alloc returned, watching the merges.
 * A pfn that is no block of that order is refused here, saying which of
 * the two is wrong; one that is a block but not allocated goes on to
 * __free_pages, whose bad_page report is the point of trying it.
 */
static void cmd_free(int argc, char **argv)
{
	const char *usage = "free <pfn> <order>  (as alloc printed them)";
	unsigned long pfn, bad;
	unsigned int order;
	struct page *page;
	int count;

	if (!shell_nargs(argc, argv, 2, 2, usage) ||
	    !shell_arg_hex(argv[0], "pfn", argv[1], &pfn) ||
	    !shell_arg_uint(argv[0], "order", argv[2], 0, MAX_ORDER - 1, &order))
		return;
	if (!pfn_valid(pfn) || !pfn_valid(pfn + (1UL << order) - 1)) {
		con_printf("Error: free: pfn 0x%lx order %u is not all RAM (RAM is pfn 0x%lx-0x%lx)\n",
			   pfn, order, ARCH_PFN_OFFSET, max_pfn - 1);
		return;
	}
	if (pfn & ((1UL << order) - 1)) {
		con_printf("Error: free: pfn 0x%lx is not aligned to order %u: a block of %lu pages "
			   "starts at a multiple of %lu\n", pfn, order, 1UL << order, 1UL << order);
		return;
	}
	page = pfn_to_page(pfn);
	show_zone_line("before:", page_zone(page), pcp_allowed_order(order));
	count = page_zone(page)->per_cpu_pageset->count;
	bad = bad_page_count;
	buddy_trace = console_trace;
	__free_pages(page, order);
	buddy_trace = NULL;
	if (bad_page_count == bad)
		show_pcp_move("pcpput", page, order, count);
	show_zone_line("after: ", page_zone(page), pcp_allowed_order(order));
}
SHELL_CMD(free, "free <pfn> <order>: give a block back to the buddy allocator", cmd_free);

/* drain: every per-CPU list back to the free lists (Linux drain_all_pages). */
static void cmd_drain(int argc, char **argv)
{
	struct zone *zone;

	if (!shell_nargs(argc, argv, 0, 0, "drain"))
		return;
	for_each_populated_zone(zone)
		show_zone_line("before:", zone, true);
	buddy_trace = console_trace;
	drain_all_pages(NULL);
	buddy_trace = NULL;
	for_each_populated_zone(zone)
		show_zone_line("after: ", zone, true);
}
SHELL_CMD(drain, "drain: give the per-CPU page lists back to the buddy allocator", cmd_drain);

/* ---- page <pfn>: one struct page, and which of its lives it is in ---------- */

/* The union member of struct page that is live, in words (mm_types.h). */
static void page_what(struct page *page)
{
	struct page *head = compound_head(page);
	int pindex;

	if (page != head)
		con_printf("what: a tail page of a compound page of order %u: compound_head "
			   "points at pfn 0x%lx (its bit 0 says \"tail\")\n",
			   compound_order(head), page_to_pfn(head));
	else if (PageBuddy(page))
		con_printf("what: free, the head of a block of order %lu on free_area[%lu] "
			   "(page_type buddy; private holds the order)\n", page->private, page->private);
	else if (PageSlab(page))
		con_printf("what: a slab of %s: %u of %u objects in use (page_type slab; "
			   "slab_cache, freelist, inuse/objects in the middle words)\n",
			   page->slab_cache->name, page->inuse, page->objects);
	else if (PageReserved(page))
		con_printf("what: reserved: memblock kept it from the buddy allocator (the "
			   "kernel image, swapper_pg_dir, mem_map, the DTB, ...)\n");
	else if (page == ZERO_PAGE(0))
		con_printf("what: the zero page (empty_zero_page): every read fault on "
			   "untouched anonymous memory maps it read-only\n");
	else if (page_user_layout(page) && PageAnon(page))
		con_printf("what: anonymous, mapped %d time%s: mapping has PAGE_MAPPING_ANON "
			   "(Linux ors it into the anon_vma; armmm keeps no reverse map, "
			   "mm/rmap.c), index its page offset\n", page_mapcount(page),
			   page_mapcount(page) == 1 ? "" : "s");
	else if (page_user_layout(page))
		con_printf("what: a page-cache page (the archive's file at mapping), page %lu of "
			   "the file, mapped %d time%s\n", page->index, page_mapcount(page),
			   page_mapcount(page) == 1 ? "" : "s");
	else if (!page_ref_count(page) && (pindex = page_pcp_pindex(page)) >= 0)
		con_printf("what: free, on the per-CPU list of order %u (%s): not PageBuddy, on no "
			   "free list; index holds the migratetype it goes back to\n",
			   pindex_to_order((unsigned int)pindex),
			   migratetype_names[get_pcppage_migratetype(page)]);
	else if (!page_ref_count(page))
		con_printf("what: free, inside a free block (only a block's head is on a list)\n");
	else
		con_printf("what: allocated to the kernel (alloc_pages: a page table, a "
			   "vmalloc or kmap page, a large kmalloc ...): struct page does not say which\n");
}

static void cmd_page(int argc, char **argv)
{
	unsigned long pfn;

	if (!shell_nargs(argc, argv, 1, 1, "page <pfn>  (hex, as alloc, vtop and ptdump print it)") ||
	    !shell_arg_hex(argv[0], "pfn", argv[1], &pfn))
		return;
	if (!pfn_valid(pfn)) {
		con_printf("Error: page: pfn 0x%lx has no struct page: RAM is pfn 0x%lx-0x%lx\n",
			   pfn, ARCH_PFN_OFFSET, max_pfn - 1);
		return;
	}
	__dump_page(pfn_to_page(pfn), NULL, con_printf);
	page_what(pfn_to_page(pfn));
}
SHELL_CMD(page, "page <pfn>: the struct page of a pfn, its flags, and what it is", cmd_page);
