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
struct page *__rmqueue(struct zone *zone, unsigned int order, int mt);
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       enum zone_type highest_zoneidx, bool alloc_high);
int get_pageblock_migratetype(const struct page *page);
void set_pageblock_migratetype(struct page *page, int mt);
extern unsigned long bad_page_count;
extern unsigned int bad_page_expected;

/*
 * mm/page_alloc_pcp.c: the per-CPU page lists (linux/mmzone.h has the
 * picture). Orders up to PAGE_ALLOC_COSTLY_ORDER go through them.
 */
static inline bool pcp_allowed_order(unsigned int order)
{
	return order <= PAGE_ALLOC_COSTLY_ORDER;
}

/* The list of pcp->lists[] for a migratetype and order. */
static inline unsigned int order_to_pindex(int mt, unsigned int order)
{
	return MIGRATE_PCPTYPES * order + (unsigned int)mt;
}

static inline unsigned int pindex_to_order(unsigned int pindex)
{
	return pindex / MIGRATE_PCPTYPES;
}

/*
 * A page on a per-CPU list remembers the free list it goes back to in
 * page->index, as in Linux 6.1 (the field is a mapped page's file offset;
 * a free page has no other use for it).
 */
static inline int get_pcppage_migratetype(const struct page *page)
{
	return (int)page->index;
}

static inline void set_pcppage_migratetype(struct page *page, int mt)
{
	page->index = (unsigned long)mt;
}

/*
 * Linux 6.1 on a uniprocessor masks IRQs around every use of the per-CPU
 * lists (pcp_trylock_prepare: local_irq_save, then the pcp spinlock),
 * because an interrupt handler may allocate or free pages. armmm's kernel
 * runs with IRQs masked throughout and no handler allocates, which is also
 * why page_alloc.c has no zone->lock: here the pair only marks the
 * critical sections, at no cost (mrs/cpsid/msr were 6 of the ~100
 * instructions of an order-0 alloc+free). The day interrupts are unmasked
 * with a handler that allocates, they become Linux's local_irq_save and
 * local_irq_restore (ARMv7: mrs + cpsid i, msr cpsr_c).
 */
#define pcp_trylock_prepare(flags)      do { (flags) = 0; } while (0)
#define pcp_trylock_finish(flags)       do { (void)(flags); } while (0)

bool pcp_refill(struct zone *zone, unsigned int order, int mt, struct per_cpu_pages *pcp);
void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp, int pindex);
void pcp_spill(struct zone *zone, struct per_cpu_pages *pcp, int pindex, bool free_high);
void zone_pcp_init(struct zone *zone);
void zone_pcp_update(struct zone *zone, int cpu_online);
/* Pages on the per-CPU lists of one zone, or of all of them. */
unsigned long zone_pcp_count(const struct zone *zone);
unsigned long nr_free_pcp_pages(void);
int page_pcp_pindex(const struct page *page);

/*
 * An observer of the buddy allocator, for learners (the console's
 * `alloc`/`free` commands) and tests: called on every "take" (a block off
 * a list), "split" (expand puts a half back), "steal" (a fallback block),
 * "merge" (a buddy joins) and "put" (a block onto a list). A block that
 * only moves on or off a per-CPU list is not reported (that is the fast
 * path, kept free of the hook); their refills and spills are, as takes,
 * splits, merges and puts.
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
