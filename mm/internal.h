/*
 * mm/internal.h - what the files of mm/ share and nobody else needs
 * (Linux: mm/internal.h).
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>
#include <string.h>

/* mm/page_alloc.c */
/*
 * How a freed block is placed (Linux fpi_t, private to its page_alloc.c;
 * here because the host tests call __free_one_page).
 */
typedef unsigned int fpi_t;
#define FPI_NONE        0u
#define FPI_TO_TAIL     (1u << 1)       /* behind every block of its list */
#define FPI_BOOT        (1u << 31)      /* ours: __free_pages_core, pages just written clean */
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order, int mt, fpi_t fpi_flags);
struct page *__rmqueue_smallest(struct zone *zone, unsigned int order, int mt);
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       enum zone_type highest_zoneidx, bool alloc_high);
int get_pageblock_migratetype(const struct page *page);
void set_pageblock_migratetype(struct page *page, int mt);
extern unsigned long bad_page_count;
extern unsigned int bad_page_expected;

/*
 * An observer of the buddy allocator, for learners (the console's
 * `alloc`/`free` commands) and tests: called on every "take" (a block off
 * a list), "split" (expand puts a half back), "steal" (a fallback block),
 * "merge" (a buddy joins) and "put" (a block onto a list).
 */
typedef void (*buddy_trace_fn)(const char *event, struct zone *zone, unsigned long pfn,
			       unsigned int order, int mt);
extern buddy_trace_fn buddy_trace;

/* mm/debug.c: the names of the set GFP flags, joined by '|' (Linux's %pGg). */
int format_gfp_flags(char *buf, int size, gfp_t gfp);
/* mm/debug.c: dump_page through a printf of one's choice (the console's
 * `page` uses con_printf), and whether mapping/index are live. */
typedef int (*dump_printf_t)(const char *fmt, ...);
void __dump_page(struct page *page, const char *reason, dump_printf_t out);
bool page_user_layout(struct page *page);

/* mm/show_mem.c: Mem-Info for the zones up to max_zone_idx (Linux __show_mem). */
void show_mem(int max_zone_idx);

/* mm/vmstat.c */
struct seq_file;
void buddyinfo_zone_show(struct seq_file *m, const struct zone *zone);

/* mm/mm_init.c */
void __free_pages_core(struct page *page, unsigned int order);
extern int min_free_kbytes;

/* mm/highmem.c: a HighMem page is zeroed through a temporary mapping. */
void *kmap_local_page(struct page *page);
void kunmap_local(void *addr);

static inline void clear_highpage(struct page *page)
{
	void *kaddr = kmap_local_page(page);

	memset(kaddr, 0, PAGE_SIZE);
	kunmap_local(kaddr);
}

#endif
