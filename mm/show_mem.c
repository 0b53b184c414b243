/*
 * mm/show_mem.c - the report of memory a failed allocation prints:
 * show_mem and show_free_areas. Linux 6.1 has show_free_areas in
 * mm/page_alloc.c and show_mem in lib/show_mem.c; Linux 6.2 put both in
 * mm/show_mem.c, as here.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include "internal.h"

/* Linux show_migration_types: the letters of the types with free blocks. */
static void show_migration_types(char *buf, unsigned int types)
{
	static const char letter[MIGRATE_TYPES] = "UMEHCI";
	int mt, n = 0;

	for (mt = 0; mt < MIGRATE_TYPES; mt++)
		if (types & (1u << mt))
			buf[n++] = letter[mt];
	buf[n] = '\0';
}

/* One zone's free blocks per order, "Normal: 1*4kB (U) ... = 1234kB". */
static void show_zone_free_areas(const struct zone *zone)
{
	char line[512], types[MIGRATE_TYPES + 1];
	unsigned long total = 0;
	unsigned int order;
	int len, mt;

	len = snprintf(line, sizeof(line), "%s: ", zone->name);
	for (order = 0; order < MAX_ORDER; order++) {
		const struct free_area *area = &zone->free_area[order];
		unsigned int mask = 0;

		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			if (!list_empty(&area->free_list[mt]))
				mask |= 1u << mt;
		show_migration_types(types, mask);
		total += area->nr_free << order;
		len += snprintf(line + len, sizeof(line) - len, "%lu*%lukB ", area->nr_free,
				K(1UL) << order);
		if (area->nr_free)
			len += snprintf(line + len, sizeof(line) - len, "(%s) ", types);
	}
	printk("%s= %lukB\n", line, K(total));
}

/*
 * show_free_areas - Linux 6.1's report of memory (via show_mem), for the
 * zones up to max_zone_idx. Counters we do not keep (LRU lists, page
 * cache, swap) print 0, as Linux prints an empty one; Linux prints
 * "Node 0 " before a zone only with CONFIG_NUMA. free_pcp is the pages on
 * the per-CPU lists, of every populated zone on the first line (Linux
 * sums them before it looks at max_zone_idx), of the zone on its own
 * line; local_pcp is this CPU's share of it: all of it, with one CPU.
 * Those pages are free but in neither "free:" nor the per-order counts.
 */
static void show_free_areas(int max_zone_idx)
{
	const struct pglist_data *pgdat = NODE_DATA(0);
	const unsigned long *ns = pgdat->vm_stat;
	struct zone *zone;
	int i;

	printk("active_anon:0 inactive_anon:0 isolated_anon:0\n active_file:0 inactive_file:0 "
	       "isolated_file:0\n unevictable:0 dirty:0 writeback:0\n slab_reclaimable:%lu "
	       "slab_unreclaimable:%lu\n mapped:0 shmem:0 pagetables:%lu\n sec_pagetables:0 "
	       "bounce:0\n kernel_misc_reclaimable:0\n free:%lu free_pcp:%lu free_cma:0\n",
	       ns[NR_SLAB_RECLAIMABLE_B] >> PAGE_SHIFT, ns[NR_SLAB_UNRECLAIMABLE_B] >> PAGE_SHIFT,
	       ns[NR_PAGETABLE], nr_free_pages(), nr_free_pcp_pages());
	printk("Node %d active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB "
	       "unevictable:0kB isolated(anon):0kB isolated(file):0kB mapped:0kB dirty:0kB "
	       "writeback:0kB shmem:0kB writeback_tmp:0kB kernel_stack:%lukB pagetables:%lukB "
	       "sec_pagetables:0kB all_unreclaimable? no\n", pgdat->node_id,
	       ns[NR_KERNEL_STACK_KB], K(ns[NR_PAGETABLE]));
	for_each_populated_zone(zone) {
		if ((int)zone_idx(zone) > max_zone_idx)
			continue;
		printk("%s free:%lukB boost:%lukB min:%lukB low:%lukB high:%lukB "
		       "reserved_highatomic:0KB active_anon:0kB inactive_anon:0kB active_file:0kB "
		       "inactive_file:0kB unevictable:0kB writepending:0kB present:%lukB "
		       "managed:%lukB mlocked:0kB bounce:0kB free_pcp:%lukB local_pcp:%lukB "
		       "free_cma:0kB\n", zone->name, K(zone_page_state(zone, NR_FREE_PAGES)),
		       K(zone->watermark_boost), K(min_wmark_pages(zone)), K(low_wmark_pages(zone)),
		       K(high_wmark_pages(zone)), K(zone->present_pages), K(zone->managed_pages),
		       K(zone_pcp_count(zone)), K(zone_pcp_count(zone)));
		printk("lowmem_reserve[]:");
		for (i = 0; i < MAX_NR_ZONES; i++)
			printk(" %ld", zone->lowmem_reserve[i]);
		printk("\n");
	}
	for_each_populated_zone(zone)
		if ((int)zone_idx(zone) <= max_zone_idx)
			show_zone_free_areas(zone);
	printk("0 total pagecache pages\n0 pages in swap cache\nFree swap  = 0kB\n"
	       "Total swap = 0kB\n");
}

/* Linux __show_mem: show_free_areas, then the node's page totals. */
void show_mem(int max_zone_idx)
{
	unsigned long total = 0, reserved = 0, highmem = 0;
	struct zone *zone;

	printk("Mem-Info:\n");
	show_free_areas(max_zone_idx);
	for_each_populated_zone(zone) {
		total += zone->present_pages;
		reserved += zone->present_pages - zone->managed_pages;
		if (is_highmem(zone))
			highmem += zone->present_pages;
	}
	printk("%lu pages RAM\n%lu pages HighMem/MovableOnly\n%lu pages reserved\n"
	       "0 pages cma reserved\n", total, highmem, reserved);
}
