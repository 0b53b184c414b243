/*
 * mm/vmstat.c - /proc/buddyinfo, /proc/pagetypeinfo, /proc/zoneinfo and
 * /proc/vmstat, byte for byte in Linux 6.1's formats (Linux: mm/vmstat.c
 * frag_show, pagetypeinfo_show, zoneinfo_show, vmstat_show).
 *
 * Counters we do not have (LRU lists, writeback, workingset, ...) are
 * printed with their Linux names and 0, so a diff against a real Linux
 * lines up. Each populated zone's "pagesets" entry is its one CPU's
 * per-CPU page lists (mm/page_alloc_pcp.c): count, the pages on them now
 * (free, yet not in "pages free" nor in /proc/buddyinfo, as in Linux);
 * high and batch, Linux 6.1's zone_highsize and zone_batchsize of the
 * zone (on vexpress-a9 512M: 882 and 31). Before setup_per_cpu_pageset a
 * zone shows the boot pageset, count 0, high 0, batch 1.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <string.h>
#include <linux/vm_event_item.h>
#include "internal.h"

/* vm_event_states[] is defined in page_alloc.c (see there). */

#define NR_CPUS_ONLINE  1

/* Linux 6.1's node_stat_item names, in order; what we count is mapped below. */
static const char * const node_stat_names[] = {
	"nr_inactive_anon", "nr_active_anon", "nr_inactive_file", "nr_active_file",
	"nr_unevictable", "nr_slab_reclaimable", "nr_slab_unreclaimable",
	"nr_isolated_anon", "nr_isolated_file", "workingset_nodes",
	"workingset_refault_anon", "workingset_refault_file",
	"workingset_activate_anon", "workingset_activate_file",
	"workingset_restore_anon", "workingset_restore_file", "workingset_nodereclaim",
	"nr_anon_pages", "nr_mapped", "nr_file_pages", "nr_dirty", "nr_writeback",
	"nr_writeback_temp", "nr_shmem", "nr_shmem_hugepages", "nr_shmem_pmdmapped",
	"nr_file_hugepages", "nr_file_pmdmapped", "nr_anon_transparent_hugepages",
	"nr_vmscan_write", "nr_vmscan_immediate_reclaim", "nr_dirtied", "nr_written",
	"nr_throttled_written", "nr_kernel_misc_reclaimable", "nr_foll_pin_acquired",
	"nr_foll_pin_released", "nr_kernel_stack", "nr_page_table_pages",
	"nr_sec_page_table_pages", "nr_swapcached",
};

static const char * const zone_stat_names[NR_VM_ZONE_STAT_ITEMS] = {
	"nr_free_pages", "nr_zone_inactive_anon", "nr_zone_active_anon",
	"nr_zone_inactive_file", "nr_zone_active_file", "nr_zone_unevictable",
	"nr_zone_write_pending", "nr_mlock", "nr_bounce", "nr_zspages", "nr_free_cma",
};

/* The value zoneinfo shows for a per-node counter, in pages (stack: KiB). */
static unsigned long node_stat_value(const struct pglist_data *pgdat, const char *name)
{
	const unsigned long *v = pgdat->vm_stat;

	if (!strcmp(name, "nr_slab_reclaimable"))
		return v[NR_SLAB_RECLAIMABLE_B] >> PAGE_SHIFT;
	if (!strcmp(name, "nr_slab_unreclaimable"))
		return v[NR_SLAB_UNRECLAIMABLE_B] >> PAGE_SHIFT;
	if (!strcmp(name, "nr_kernel_stack"))
		return v[NR_KERNEL_STACK_KB];
	if (!strcmp(name, "nr_page_table_pages"))
		return v[NR_PAGETABLE];
	return 0;
}

/* ---- /proc/buddyinfo ------------------------------------------------------ */

/* One zone's line: free blocks per order (also used by the console's alloc/free). */
void buddyinfo_zone_show(struct seq_file *m, const struct zone *zone)
{
	unsigned int order;

	seq_printf(m, "Node %d, zone %8s ", 0, zone->name);
	for (order = 0; order < MAX_ORDER; order++)
		seq_printf(m, "%6lu ", zone->free_area[order].nr_free);
	seq_puts(m, "\n");
}

static int buddyinfo_show(struct seq_file *m, void *priv)
{
	(void)priv;
	struct zone *zone;

	for_each_populated_zone(zone)
		buddyinfo_zone_show(m, zone);
	return 0;
}
DUMP_FILE(buddyinfo, "/proc/buddyinfo", buddyinfo_show, NULL);

/* ---- /proc/pagetypeinfo --------------------------------------------------- */

static unsigned long free_list_len(const struct list_head *head)
{
	const struct list_head *p;
	unsigned long n = 0;

	list_for_each(p, head)
		n++;
	return n;
}

static void pagetypeinfo_showfree(struct seq_file *m)
{
	struct zone *zone;
	unsigned int order;
	int mt;

	seq_printf(m, "%-43s ", "Free pages count per migrate type at order");
	for (order = 0; order < MAX_ORDER; order++)
		seq_printf(m, "%6u ", order);
	seq_puts(m, "\n");
	for_each_populated_zone(zone) {
		for (mt = 0; mt < MIGRATE_TYPES; mt++) {
			seq_printf(m, "Node %4d, zone %8s, type %12s ", 0, zone->name,
				   migratetype_names[mt]);
			for (order = 0; order < MAX_ORDER; order++)
				seq_printf(m, "%6lu ",
					   free_list_len(&zone->free_area[order].free_list[mt]));
			seq_puts(m, "\n");
		}
	}
}

static void pagetypeinfo_showblockcount(struct seq_file *m)
{
	struct zone *zone;
	int mt;

	seq_printf(m, "\n%-23s", "Number of blocks type ");
	for (mt = 0; mt < MIGRATE_TYPES; mt++)
		seq_printf(m, "%12s ", migratetype_names[mt]);
	seq_puts(m, "\n");
	for_each_populated_zone(zone) {
		unsigned long count[MIGRATE_TYPES] = { 0 }, pfn;

		for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn += pageblock_nr_pages)
			count[zone->pageblock_flags[(pfn - ALIGN_DOWN(zone->zone_start_pfn,
					pageblock_nr_pages)) >> pageblock_order]]++;
		seq_printf(m, "Node %d, zone %8s ", 0, zone->name);
		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			seq_printf(m, "%12lu ", count[mt]);
		seq_puts(m, "\n");
	}
}

static int pagetypeinfo_show(struct seq_file *m, void *priv)
{
	(void)priv;
	seq_printf(m, "Page block order: %d\n", pageblock_order);
	seq_printf(m, "Pages per block:  %lu\n", pageblock_nr_pages);
	seq_puts(m, "\n");
	pagetypeinfo_showfree(m);
	pagetypeinfo_showblockcount(m);
	return 0;
}
DUMP_FILE(pagetypeinfo, "/proc/pagetypeinfo", pagetypeinfo_show, NULL);

/* ---- /proc/zoneinfo ------------------------------------------------------- */

static unsigned long fls_ul(unsigned long x)
{
	return x ? 32 - (unsigned long)__builtin_clz(x) : 0;
}

/* Linux calculate_normal_threshold(): how far per-CPU counters may drift. */
static unsigned long stat_threshold(const struct zone *zone)
{
	unsigned long mem = zone->managed_pages >> (27 - PAGE_SHIFT);

	return min(125UL, 2 * fls_ul(NR_CPUS_ONLINE) * (1 + fls_ul(mem)));
}

static void zoneinfo_node_stats(struct seq_file *m, const struct pglist_data *pgdat)
{
	unsigned int i;

	seq_puts(m, "\n  per-node stats");
	for (i = 0; i < ARRAY_SIZE(node_stat_names); i++)
		seq_printf(m, "\n      %-12s %lu", node_stat_names[i],
			   node_stat_value(pgdat, node_stat_names[i]));
}

static void zoneinfo_show_zone(struct seq_file *m, const struct zone *zone, bool first)
{
	const struct per_cpu_pages *pcp = zone->per_cpu_pageset;
	int i;

	seq_printf(m, "Node %d, zone %8s", 0, zone->name);
	if (first)
		zoneinfo_node_stats(m, zone->zone_pgdat);
	seq_printf(m, "\n  pages free     %lu\n        boost    %lu\n        min      %lu"
		   "\n        low      %lu\n        high     %lu\n        spanned  %lu"
		   "\n        present  %lu\n        managed  %lu\n        cma      %lu",
		   zone_page_state(zone, NR_FREE_PAGES), zone->watermark_boost,
		   min_wmark_pages(zone), low_wmark_pages(zone), high_wmark_pages(zone),
		   zone->spanned_pages, zone->present_pages, zone->managed_pages, 0UL);
	seq_printf(m, "\n        protection: (%ld", zone->lowmem_reserve[0]);
	for (i = 1; i < MAX_NR_ZONES; i++)
		seq_printf(m, ", %ld", zone->lowmem_reserve[i]);
	seq_puts(m, ")");
	if (!populated_zone(zone)) {
		seq_puts(m, "\n");
		return;
	}
	for (i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		seq_printf(m, "\n      %-12s %lu", zone_stat_names[i], zone_page_state(zone, i));
	/* Linux prints one cpu/count/high/batch block per online CPU: one here */
	seq_printf(m, "\n  pagesets\n    cpu: %i\n              count: %i"
		   "\n              high:  %i\n              batch: %i", 0, pcp->count, pcp->high,
		   pcp->batch);
	seq_printf(m, "\n  vm stats threshold: %lu", stat_threshold(zone));
	seq_printf(m, "\n  node_unreclaimable:  %u\n  start_pfn:           %lu\n",
		   0U, zone->zone_start_pfn);
}

static int zoneinfo_show(struct seq_file *m, void *priv)
{
	struct zone *zone;
	bool first = true;

	(void)priv;
	for_each_zone(zone) {
		zoneinfo_show_zone(m, zone, first && populated_zone(zone));
		if (populated_zone(zone))
			first = false;
	}
	return 0;
}
DUMP_FILE(zoneinfo, "/proc/zoneinfo", zoneinfo_show, NULL);

/* ---- /proc/vmstat --------------------------------------------------------- */

/*
 * Linux 6.1's vm_event_item names as Debian's armmp kernel lists them
 * (zones DMA, Normal, HighMem, Movable; no THP, no NUMA, no swap
 * readahead stats beyond swap_ra), in order. The events armmm counts
 * (linux/vm_event_item.h) are found by name; every other one prints 0.
 */
static const char * const vm_event_names[] = {
	"pgpgin", "pgpgout", "pswpin", "pswpout", "pgalloc_dma", "pgalloc_normal", "pgalloc_high",
	"pgalloc_movable", "allocstall_dma", "allocstall_normal", "allocstall_high",
	"allocstall_movable", "pgskip_dma", "pgskip_normal", "pgskip_high", "pgskip_movable",
	"pgfree", "pgactivate", "pgdeactivate", "pglazyfree", "pgfault", "pgmajfault",
	"pglazyfreed", "pgrefill", "pgreuse", "pgsteal_kswapd", "pgsteal_direct",
	"pgdemote_kswapd", "pgdemote_direct", "pgscan_kswapd", "pgscan_direct",
	"pgscan_direct_throttle", "pgscan_anon", "pgscan_file", "pgsteal_anon", "pgsteal_file",
	"pginodesteal", "slabs_scanned", "kswapd_inodesteal", "kswapd_low_wmark_hit_quickly",
	"kswapd_high_wmark_hit_quickly", "pageoutrun", "pgrotated", "drop_pagecache", "drop_slab",
	"oom_kill", "pgmigrate_success", "pgmigrate_fail", "thp_migration_success",
	"thp_migration_fail", "thp_migration_split", "compact_migrate_scanned",
	"compact_free_scanned", "compact_isolated", "compact_stall", "compact_fail",
	"compact_success", "compact_daemon_wake", "compact_daemon_migrate_scanned",
	"compact_daemon_free_scanned", "cma_alloc_success", "cma_alloc_fail",
	"unevictable_pgs_culled", "unevictable_pgs_scanned", "unevictable_pgs_rescued",
	"unevictable_pgs_mlocked", "unevictable_pgs_munlocked", "unevictable_pgs_cleared",
	"unevictable_pgs_stranded", "balloon_inflate", "balloon_deflate", "balloon_migrate",
	"swap_ra", "swap_ra_hit", "ksm_swpin_copy", "cow_ksm", "zswpin", "zswpout", "nr_unstable",
};

static const struct { const char *name; enum vm_event_item item; } vm_events_counted[] = {
	{ "pgalloc_normal", PGALLOC_NORMAL }, { "pgalloc_high", PGALLOC_HIGH },
	{ "pgalloc_movable", PGALLOC_MOVABLE },
	{ "pgfree", PGFREE }, { "pgfault", PGFAULT }, { "pgmajfault", PGMAJFAULT },
	{ "pgreuse", PGREUSE },
};

static unsigned long vm_event_value(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(vm_events_counted); i++)
		if (!strcmp(name, vm_events_counted[i].name))
			return vm_event_states[vm_events_counted[i].item];
	return 0;
}

/* Linux global_zone_page_state: a zone counter summed over the zones. */
static unsigned long global_zone_page_state(enum zone_stat_item item)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		sum += zone_page_state(zone, item);
	return sum;
}

/*
 * Linux global_dirty_limits with the default vm.dirty_ratio 20 and
 * dirty_background_ratio 10, of global_dirtyable_memory(): free pages
 * above the reserves plus file LRU pages (none here), HighMem left out.
 */
static void global_dirty_limits(unsigned long *pbackground, unsigned long *pdirty)
{
	unsigned long free = global_zone_page_state(NR_FREE_PAGES), high = 0, avail;
	struct zone *zone;

	for_each_zone(zone)
		if (is_highmem_idx(zone_idx(zone)))
			high += zone_page_state(zone, NR_FREE_PAGES);
	avail = free - min(free, totalreserve_pages);
	avail -= min(avail, high);
	avail += 1;                     /* Linux: never 0 */
	*pdirty = avail * 20 / 100;
	*pbackground = avail * 10 / 100;
}

static int vmstat_show(struct seq_file *m, void *priv)
{
	const struct pglist_data *pgdat = NODE_DATA(0);
	unsigned long bg, dirty;
	unsigned int i;

	(void)priv;
	for (i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		seq_printf(m, "%s %lu\n", zone_stat_names[i], global_zone_page_state(i));
	for (i = 0; i < ARRAY_SIZE(node_stat_names); i++)
		seq_printf(m, "%s %lu\n", node_stat_names[i],
			   node_stat_value(pgdat, node_stat_names[i]));
	global_dirty_limits(&bg, &dirty);
	seq_printf(m, "nr_dirty_threshold %lu\nnr_dirty_background_threshold %lu\n", dirty, bg);
	for (i = 0; i < ARRAY_SIZE(vm_event_names); i++)
		seq_printf(m, "%s %lu\n", vm_event_names[i], vm_event_value(vm_event_names[i]));
	return 0;
}
DUMP_FILE(vmstat, "/proc/vmstat", vmstat_show, NULL);
