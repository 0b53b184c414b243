/*
 * tests/host/lib/buddy_check.c - the buddy allocator's invariants, checked
 * from the outside (see host/buddy_check.h). Linked into every host suite;
 * it uses no symbol of mm/, only what struct buddy_check points at.
 *
 * Invariants, for every zone, order o and migratetype mt:
 *   1. free_list[mt] is a well-linked circular list of struct pages in
 *      mem_map, each the head of a free block of the zone:
 *      PageBuddy, page->private == o, pfn aligned to 2^o, the whole block
 *      inside the zone's span and every page of it in that zone;
 *   2. the list is its pageblock's type, or one the pageblock was stolen
 *      for (struct buddy_check.stolen);
 *   3. no two free blocks overlap, and no free page is PG_reserved;
 *   4. fully merged: a block's buddy (pfn ^ 2^o), if in the zone, is not
 *      the head of another free block of order o (o < MAX_ORDER - 1);
 *      each such pair counts as one error;
 *   5. free_area[o].nr_free is the number of blocks on its lists, and
 *      NR_FREE_PAGES the number of pages on all of them;
 *   6. only the heads of listed blocks are PageBuddy;
 *   7. a held block lies in mem_map, is aligned to its order, overlaps no
 *      free or other held block, has _refcount 1 on its head, and none of
 *      its pages is PageBuddy or PG_reserved;
 *   8. with held_complete: managed_pages == free pages + held pages + pages
 *      on the per-CPU lists, per zone;
 *   9. the per-CPU lists (mm/page_alloc_pcp.c): each zone's pageset, if it
 *      has one, holds well-linked lists; list pindex holds blocks of order
 *      pindex / MIGRATE_PCPTYPES of the zone, aligned, overlapping nothing,
 *      with _refcount 0, neither PageBuddy nor PG_reserved, whose
 *      page->index (the free list they go back to) is pindex's type
 *      (pindex % MIGRATE_PCPTYPES); their pages sum to the pageset's count;
 *      a pageset shared by zones (the boot pageset) holds nothing.
 */
#include <host/buddy_check.h>
#include <linux/kernel.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { M_NONE, M_FREE_HEAD, M_FREE_TAIL, M_HELD, M_PCP };
#define NO_HEAD 0xff

struct walk {
	const struct buddy_check *c;
	struct buddy_check_result *res;
	unsigned char *mark;            /* M_* per pfn - base_pfn */
	unsigned char *head_order;      /* order of a free head, else NO_HEAD */
	unsigned long npages;
	unsigned long zone_free[MAX_NR_ZONES], zone_held[MAX_NR_ZONES], zone_pcp[MAX_NR_ZONES];
};

static void __attribute__((format(printf, 2, 3))) fail(struct walk *w, const char *fmt, ...)
{
	va_list ap;

	if (getenv("BUDDY_CHECK_VERBOSE")) {        /* every error, not just the first */
		va_start(ap, fmt);
		fputs("buddy_check: ", stderr);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
		va_end(ap);
	}
	if (w->res->errors++)
		return;
	va_start(ap, fmt);
	vsnprintf(w->res->why, sizeof(w->res->why), fmt, ap);
	va_end(ap);
}

static const struct page *pfn_page(const struct walk *w, unsigned long pfn)
{
	return w->c->mem_map + (pfn - w->c->base_pfn);
}

static bool in_map(const struct walk *w, unsigned long pfn, unsigned long n)
{
	return pfn >= w->c->base_pfn && pfn <= w->c->end_pfn && n <= w->c->end_pfn - pfn;
}

static int block_type(const struct zone *zone, unsigned long pfn)
{
	unsigned long first = ALIGN_DOWN(zone->zone_start_pfn, pageblock_nr_pages);

	return zone->pageblock_flags[(pfn - first) >> pageblock_order];
}

/* Invariant 2: may a free block at pfn sit on list mt? */
static bool type_ok(struct walk *w, const struct zone *zone, unsigned long pfn, int mt)
{
	unsigned long pb = (pfn - w->c->base_pfn) >> pageblock_order;

	if (mt == block_type(zone, pfn))
		return true;
	if (mt >= MIGRATE_PCPTYPES)
		return false;
	w->res->stolen_blocks++;
	return !w->c->stolen || (w->c->stolen[pb] & (1u << mt));
}

/* Invariants 1-3 for one listed block; marks its pages. */
static void check_free_block(struct walk *w, const struct zone *zone, int zi,
			     const struct page *page, unsigned int order, int mt)
{
	unsigned long pfn = w->c->base_pfn + (unsigned long)(page - w->c->mem_map);
	unsigned long n = 1UL << order, i;

	if (!PageBuddy(page) || page->private != order)
		fail(w, "zone %d order %u: pfn 0x%lx on the list but PageBuddy %d private %lu",
		     zi, order, pfn, PageBuddy(page), page->private);
	if (pfn & (n - 1))
		fail(w, "zone %d: free block pfn 0x%lx not aligned to order %u", zi, pfn, order);
	if (pfn < zone->zone_start_pfn || pfn + n > zone->zone_start_pfn + zone->spanned_pages ||
	    !in_map(w, pfn, n)) {
		fail(w, "zone %d: free block 0x%lx order %u outside the zone", zi, pfn, order);
		return;
	}
	if (!type_ok(w, zone, pfn, mt))
		fail(w, "zone %d: free block 0x%lx order %u on list %d, pageblock type %d, never stolen",
		     zi, pfn, order, mt, block_type(zone, pfn));
	for (i = 0; i < n; i++) {
		const struct page *p = page + i;
		unsigned long k = pfn + i - w->c->base_pfn;

		if (w->mark[k] != M_NONE)
			fail(w, "free block 0x%lx order %u overlaps another at pfn 0x%lx", pfn, order,
			     pfn + i);
		w->mark[k] = i ? M_FREE_TAIL : M_FREE_HEAD;
		if ((int)page_zonenum(p) != zi)
			fail(w, "free block 0x%lx: pfn 0x%lx is in zone %d, not %d", pfn, pfn + i,
			     (int)page_zonenum(p), zi);
		if (PageReserved(p))
			fail(w, "free block 0x%lx: pfn 0x%lx is PG_reserved", pfn, pfn + i);
	}
	w->head_order[pfn - w->c->base_pfn] = (unsigned char)order;
	w->zone_free[zi] += n;
	w->res->free_pages += n;
	w->res->free_blocks++;
}

/* Walk one free list; the number of blocks on it. Stops at a broken link. */
static unsigned long walk_list(struct walk *w, const struct zone *zone, int zi,
			       unsigned int order, int mt)
{
	const struct list_head *head = &zone->free_area[order].free_list[mt], *p = head;
	const char *lo = (const char *)w->c->mem_map, *hi = lo + w->npages * sizeof(struct page);
	unsigned long count = 0;

	while (p->next != head) {
		const struct list_head *next = p->next;
		const char *pg = (const char *)next - offsetof(struct page, lru);

		if (!next || next->prev != p || pg < lo || pg >= hi ||
		    (size_t)(pg - lo) % sizeof(struct page)) {
			fail(w, "zone %d order %u list %d: broken link after %lu entries", zi,
			     order, mt, count);
			return count;
		}
		if (++count > w->npages) {
			fail(w, "zone %d order %u list %d: a cycle", zi, order, mt);
			return count;
		}
		check_free_block(w, zone, zi, (const struct page *)pg, order, mt);
		p = next;
	}
	if (head->prev != p)
		fail(w, "zone %d order %u list %d: head->prev is wrong", zi, order, mt);
	return count;
}

/* Invariants 1-3 and 5 for one zone. */
static void check_zone_lists(struct walk *w, int zi)
{
	const struct zone *zone = &w->c->pgdat->node_zones[zi];
	unsigned long free = w->zone_free[zi];
	unsigned int order;
	int mt;

	if (!zone->free_area[0].free_list[0].next)
		return;                 /* never initialised */
	for (order = 0; order < MAX_ORDER; order++) {
		unsigned long blocks = 0;

		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			blocks += walk_list(w, zone, zi, order, mt);
		if (blocks != zone->free_area[order].nr_free)
			fail(w, "zone %d order %u: nr_free %lu but the lists hold %lu", zi, order,
			     zone->free_area[order].nr_free, blocks);
	}
	free = w->zone_free[zi] - free;
	if (zone->vm_stat[NR_FREE_PAGES] != free)
		fail(w, "zone %d: NR_FREE_PAGES %lu but the lists hold %lu pages", zi,
		     zone->vm_stat[NR_FREE_PAGES], free);
}

/* Invariants 4 and 6: a pass over every struct page. */
static void check_pages(struct walk *w)
{
	unsigned long k;

	for (k = 0; k < w->npages; k++) {
		unsigned long pfn = w->c->base_pfn + k, bpfn;
		const struct page *page = pfn_page(w, pfn);
		unsigned int order = w->head_order[k];
		int zi = (int)page_zonenum(page);
		const struct zone *zone = &w->c->pgdat->node_zones[zi];

		if (PageBuddy(page) && w->mark[k] != M_FREE_HEAD)
			fail(w, "pfn 0x%lx is PageBuddy but heads no listed block", pfn);
		if (order == NO_HEAD || order >= MAX_ORDER - 1)
			continue;
		bpfn = pfn ^ (1UL << order);
		if (bpfn < zone->zone_start_pfn || bpfn >= zone->zone_start_pfn + zone->spanned_pages)
			continue;
		if (bpfn > pfn && in_map(w, bpfn, 1) && w->head_order[bpfn - w->c->base_pfn] == order)
			fail(w, "free blocks 0x%lx and 0x%lx (order %u) are buddies, not merged",
			     pfn, bpfn, order);
	}
}

/* Invariant 7 for one held block. */
static void check_held(struct walk *w, const struct buddy_block *b)
{
	unsigned long n = 1UL << b->order, i;
	const struct page *page;

	if (b->order >= MAX_ORDER || !in_map(w, b->pfn, n) || (b->pfn & (n - 1))) {
		fail(w, "held block 0x%lx order %u is not a block of mem_map", b->pfn, b->order);
		return;
	}
	page = pfn_page(w, b->pfn);
	if (page->_refcount != 1)
		fail(w, "held block 0x%lx: _refcount %d, not 1", b->pfn, page->_refcount);
	for (i = 0; i < n; i++) {
		unsigned long k = b->pfn + i - w->c->base_pfn;

		if (w->mark[k] == M_HELD)
			fail(w, "held block 0x%lx order %u overlaps another held block", b->pfn,
			     b->order);
		else if (w->mark[k] != M_NONE)
			fail(w, "held block 0x%lx order %u: pfn 0x%lx is on a %s list", b->pfn,
			     b->order, b->pfn + i, w->mark[k] == M_PCP ? "per-CPU" : "free");
		w->mark[k] = M_HELD;
		if (PageBuddy(page + i) || PageReserved(page + i))
			fail(w, "held block 0x%lx: pfn 0x%lx is %s", b->pfn, b->pfn + i,
			     PageBuddy(page + i) ? "PageBuddy" : "PG_reserved");
	}
	w->zone_held[page_zonenum(page)] += n;
}

/* Invariant 8. */
static void check_managed(struct walk *w)
{
	int zi;

	for (zi = 0; zi < MAX_NR_ZONES; zi++) {
		const struct zone *zone = &w->c->pgdat->node_zones[zi];

		if (zone->managed_pages != w->zone_free[zi] + w->zone_held[zi] + w->zone_pcp[zi])
			fail(w, "zone %d: managed %lu != free %lu + held %lu + per-CPU %lu (a leak?)",
			     zi, zone->managed_pages, w->zone_free[zi], w->zone_held[zi],
			     w->zone_pcp[zi]);
	}
}

/* Invariant 9 for one block on list pindex of zone zi's pageset. */
static void check_pcp_block(struct walk *w, int zi, const struct page *page, int pindex)
{
	const struct zone *zone = &w->c->pgdat->node_zones[zi];
	unsigned long pfn = w->c->base_pfn + (unsigned long)(page - w->c->mem_map);
	unsigned int order = (unsigned int)pindex / MIGRATE_PCPTYPES;
	unsigned long n = 1UL << order, i;

	if (pfn & (n - 1) || pfn < zone->zone_start_pfn ||
	    pfn + n > zone->zone_start_pfn + zone->spanned_pages || !in_map(w, pfn, n)) {
		fail(w, "zone %d per-CPU list %d: block 0x%lx order %u misaligned or outside the zone",
		     zi, pindex, pfn, order);
		return;
	}
	if (page->_refcount != 0 || PageBuddy(page))
		fail(w, "zone %d per-CPU list %d: block 0x%lx has _refcount %d, PageBuddy %d", zi,
		     pindex, pfn, page->_refcount, PageBuddy(page));
	if ((int)page->index != pindex % MIGRATE_PCPTYPES &&
	    !(page->index >= MIGRATE_PCPTYPES && pindex % MIGRATE_PCPTYPES == MIGRATE_MOVABLE))
		fail(w, "zone %d per-CPU list %d: block 0x%lx remembers type %lu", zi, pindex, pfn,
		     page->index);
	for (i = 0; i < n; i++) {
		unsigned long k = pfn + i - w->c->base_pfn;

		if (w->mark[k] != M_NONE)
			fail(w, "zone %d per-CPU block 0x%lx order %u overlaps another block at 0x%lx",
			     zi, pfn, order, pfn + i);
		w->mark[k] = M_PCP;
		if (PageReserved(page + i) || (int)page_zonenum(page + i) != zi)
			fail(w, "zone %d per-CPU block 0x%lx: pfn 0x%lx is reserved or in zone %d",
			     zi, pfn, pfn + i, (int)page_zonenum(page + i));
	}
	w->zone_pcp[zi] += n;
	w->res->pcp_pages += n;
}

/* Invariant 9 for zone zi; seen[] holds the pagesets already walked. */
static void check_pcp(struct walk *w, int zi, const struct per_cpu_pages **seen)
{
	const struct per_cpu_pages *pcp = w->c->pgdat->node_zones[zi].per_cpu_pageset;
	const char *lo = (const char *)w->c->mem_map, *hi = lo + w->npages * sizeof(struct page);
	unsigned long pages = 0;
	int pindex, z;

	if (!pcp)
		return;
	for (z = 0; z < zi; z++)
		if (seen[z] == pcp) {
			if (pcp->count)
				fail(w, "zones %d and %d share a pageset holding %d pages", z, zi,
				     pcp->count);
			return;
		}
	seen[zi] = pcp;
	for (pindex = 0; pindex < NR_PCP_LISTS; pindex++) {
		const struct list_head *head = &pcp->lists[pindex], *p = head;
		unsigned long count = 0;

		while (p->next != head) {
			const struct list_head *next = p->next;
			const char *pg = (const char *)next - offsetof(struct page, lru);

			if (!next || next->prev != p || pg < lo || pg >= hi ||
			    (size_t)(pg - lo) % sizeof(struct page) || ++count > w->npages) {
				fail(w, "zone %d per-CPU list %d: broken link after %lu entries", zi,
				     pindex, count);
				return;
			}
			check_pcp_block(w, zi, (const struct page *)pg, pindex);
			pages += 1UL << (pindex / MIGRATE_PCPTYPES);
			p = next;
		}
	}
	if ((unsigned long)pcp->count != pages)
		fail(w, "zone %d: per-CPU count %d but the lists hold %lu pages", zi, pcp->count,
		     pages);
}

bool buddy_check_run(const struct buddy_check *c, struct buddy_check_result *res)
{
	struct buddy_check_result local;
	struct walk w = { .c = c, .res = res ? res : &local };
	const struct per_cpu_pages *seen[MAX_NR_ZONES] = { NULL };
	size_t i;
	int zi;

	memset(w.res, 0, sizeof(*w.res));
	w.npages = c->end_pfn - c->base_pfn;
	w.mark = calloc(w.npages + 1, 1);
	w.head_order = malloc(w.npages + 1);
	if (!w.mark || !w.head_order) {
		fail(&w, "buddy_check: out of host memory");
		goto out;
	}
	memset(w.head_order, NO_HEAD, w.npages + 1);
	for (zi = 0; zi < MAX_NR_ZONES; zi++)
		check_zone_lists(&w, zi);
	for (zi = 0; zi < MAX_NR_ZONES; zi++)
		check_pcp(&w, zi, seen);
	check_pages(&w);
	for (i = 0; i < c->nheld; i++)
		check_held(&w, &c->held[i]);
	if (c->held_complete)
		check_managed(&w);
out:
	free(w.mark);
	free(w.head_order);
	return w.res->errors == 0;
}
