/*
 * fs/proc/meminfo.c - /proc/meminfo in Linux 6.1's format and order
 * (Linux: fs/proc/meminfo.c meminfo_proc_show, mm/page_alloc.c
 * si_mem_available, mm/util.c vm_commit_limit).
 *
 * Every line Debian's armmp kernel prints is here. What we have is real:
 * MemTotal/MemFree, MemAvailable, High/Low, Slab, KernelStack, Vmalloc*,
 * CommitLimit. What we do not have (page cache, anon memory, swap, LRU
 * lists, per-CPU areas, CMA) prints 0 kB, as Linux prints an empty counter.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>

#define OVERCOMMIT_RATIO 50     /* vm.overcommit_ratio default, percent */

static void show_val_kb(struct seq_file *m, const char *name, unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", name, K(pages));
}

/* Linux si_mem_available() without page cache: free minus reserves, plus
 * the reclaimable slab that could be given back. */
static unsigned long si_mem_available(unsigned long sreclaimable)
{
	unsigned long wmark_low = 0;
	long available;
	struct zone *zone;

	for_each_zone(zone)
		wmark_low += low_wmark_pages(zone);
	available = (long)nr_free_pages() - (long)totalreserve_pages;
	available += (long)(sreclaimable - min(sreclaimable / 2, wmark_low));
	return available < 0 ? 0 : (unsigned long)available;
}

static int meminfo_show(struct seq_file *m, void *priv)
{
	const unsigned long *ns = NODE_DATA(0)->vm_stat;
	const struct zone *high = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];
	unsigned long sreclaim = ns[NR_SLAB_RECLAIMABLE_B] >> PAGE_SHIFT;
	unsigned long sunreclaim = ns[NR_SLAB_UNRECLAIMABLE_B] >> PAGE_SHIFT;
	unsigned long total = totalram_pages(), free = nr_free_pages();
	unsigned long highfree = zone_page_state(high, NR_FREE_PAGES);
	static const char * const zero_before_high[] = {
		"Buffers:", "Cached:", "SwapCached:", "Active:", "Inactive:", "Active(anon):",
		"Inactive(anon):", "Active(file):", "Inactive(file):", "Unevictable:", "Mlocked:",
	};
	static const char * const zero_after_low[] = {
		"SwapTotal:", "SwapFree:", "Zswap:", "Zswapped:", "Dirty:", "Writeback:",
		"AnonPages:", "Mapped:", "Shmem:",
	};
	unsigned int i;

	show_val_kb(m, "MemTotal:", total);
	show_val_kb(m, "MemFree:", free);
	show_val_kb(m, "MemAvailable:", si_mem_available(sreclaim));
	for (i = 0; i < ARRAY_SIZE(zero_before_high); i++)
		show_val_kb(m, zero_before_high[i], 0);
	show_val_kb(m, "HighTotal:", totalhigh_pages());
	show_val_kb(m, "HighFree:", highfree);
	show_val_kb(m, "LowTotal:", total - totalhigh_pages());
	show_val_kb(m, "LowFree:", free - highfree);
	for (i = 0; i < ARRAY_SIZE(zero_after_low); i++)
		show_val_kb(m, zero_after_low[i], 0);
	show_val_kb(m, "KReclaimable:", sreclaim);
	show_val_kb(m, "Slab:", sreclaim + sunreclaim);
	show_val_kb(m, "SReclaimable:", sreclaim);
	show_val_kb(m, "SUnreclaim:", sunreclaim);
	seq_printf(m, "%-16s%8lu kB\n", "KernelStack:", ns[NR_KERNEL_STACK_KB]);
	show_val_kb(m, "PageTables:", ns[NR_PAGETABLE]);
	show_val_kb(m, "SecPageTables:", 0);
	show_val_kb(m, "NFS_Unstable:", 0);
	show_val_kb(m, "Bounce:", 0);
	show_val_kb(m, "WritebackTmp:", 0);
	show_val_kb(m, "CommitLimit:", total * OVERCOMMIT_RATIO / 100);
	show_val_kb(m, "Committed_AS:", 0);
	seq_printf(m, "%-16s%8lu kB\n", "VmallocTotal:", (VMALLOC_END - VMALLOC_START) >> 10);
	show_val_kb(m, "VmallocUsed:", vmalloc_nr_pages());
	show_val_kb(m, "VmallocChunk:", 0);
	show_val_kb(m, "Percpu:", 0);
	show_val_kb(m, "CmaTotal:", 0);
	show_val_kb(m, "CmaFree:", 0);
	return 0;
}
DUMP_FILE(meminfo, "/proc/meminfo", meminfo_show, NULL);
