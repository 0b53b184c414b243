/*
 * mm/slub_debug.c - SLUB's checks of a free and its "BUG <cache>" reports
 * (Linux: mm/slub.c under CONFIG_SLUB_DEBUG: slab_err, on_freelist,
 * free_consistency_checks, the slub_debug= option). Separate from
 * mm/slub.c only to keep that file short; see its header for what is
 * checked always and what only with slub_debug=F.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <string.h>
#include "slab.h"

unsigned long slab_errors;

/* ---- reports (Linux: slab_bug, slab_err, object_err) ---------------------- */

#define SLAB_BUG_RULE "=============================================================================\n"
#define SLAB_BUG_SUB  "-----------------------------------------------------------------------------\n"

/*
 * Report misuse of cache s: the banner and "BUG <cache> (Not tainted): why",
 * what the slab looks like if known, and that nothing was freed. Counts one
 * slab_errors. Never stops the kernel: the caller refuses the operation.
 */
static void slab_err(struct kmem_cache *s, struct page *slab, const void *object,
		     const char *why)
{
	slab_errors++;
	pr_err(SLAB_BUG_RULE);
	pr_err("BUG %s (Not tainted): %s\n", s->name, why);
	pr_err(SLAB_BUG_SUB "\n");
	if (slab)
		pr_err("Slab %p objects=%u used=%u fp=%p pfn=0x%lx\n", (void *)slab,
		       slab->objects, slab->inuse, slab->freelist, page_to_pfn(slab));
	pr_err("FIX %s: Object at %p not freed\n", s->name, object);
}

/*
 * Is search on slab's freelist? Returns 1 if so, 0 if not, -1 if the chain
 * itself is broken (a link that is no object of the slab, or more links
 * than free objects), which is reported (Linux: on_freelist).
 */
static int on_freelist(struct kmem_cache *s, struct page *slab, const void *search)
{
	unsigned int nr = 0, nfree = slab->objects - slab->inuse;
	void *fp;

	for (fp = slab->freelist; fp; fp = get_freepointer(s, fp), nr++) {
		if (fp == search)
			return 1;
		if (!check_valid_pointer(s, slab, fp) || nr >= nfree) {
			slab_err(s, slab, search, "Freechain corrupt");
			return -1;
		}
	}
	return 0;
}

/*
 * May object, which lies in slab, be freed into cache s? The checks that
 * need the slab only (kfree has found it already): the cache, the object
 * boundary, an immediate double free, and with slub_debug=F the whole
 * freelist (Linux: free_consistency_checks under SLAB_CONSISTENCY_CHECKS).
 * false after a report.
 */
bool free_object_checks(struct kmem_cache *s, struct page *slab, void *object)
{
	if (slab->slab_cache != s) {
		slab_err(s, slab, object, "Wrong slab cache: object is from another cache");
		return false;
	}
	if (!check_valid_pointer(s, slab, object)) {
		slab_err(s, slab, object, "Invalid object pointer");
		return false;
	}
	if (object == slab->freelist) {
		slab_err(s, slab, object, "Object already free");
		return false;
	}
	if (!(s->flags & SLAB_CONSISTENCY_CHECKS))
		return true;
	switch (on_freelist(s, slab, object)) {
	case 1:
		slab_err(s, slab, object, "Object already free");
		return false;
	case -1:
		return false;
	}
	return true;
}

/*
 * May object be freed into cache s? Returns its slab, or NULL after a
 * report (Linux: cache_from_obj + free_consistency_checks, slub_debug=F).
 */
struct page *free_consistency_checks(struct kmem_cache *s, void *object)
{
	struct page *slab;

	if ((unsigned long)object < PAGE_OFFSET || !pfn_valid(virt_to_pfn(object))) {
		slab_err(s, NULL, object, "Attempt to free object outside of slab");
		return NULL;
	}
	slab = virt_to_head_page(object);
	if (!PageSlab(slab)) {
		slab_err(s, NULL, object, "Attempt to free object outside of slab");
		return NULL;
	}
	return free_object_checks(s, slab, object) ? slab : NULL;
}

slab_flags_t slub_debug;

/*
 * slub_debug, slub_debug=F: full consistency checks on every cache made
 * from now on; slub_debug=- : none. Linux's bare slub_debug means FZPU;
 * only F is implemented, so the others are named and ignored.
 */
int __init setup_slub_debug(const char *str)
{
	if (!str || !*str) {
		slub_debug = SLAB_CONSISTENCY_CHECKS;
		pr_info("slub_debug: F (consistency checks); Z, P, U: not implemented\n");
		return 0;
	}
	if (!strcmp(str, "-")) {
		slub_debug = 0;
		return 0;
	}
	slub_debug = 0;
	for (; *str && *str != ','; str++) {
		if ((*str | 0x20) == 'f')
			slub_debug |= SLAB_CONSISTENCY_CHECKS;
		else
			pr_warn("slub_debug: option '%c' not implemented (only F)\n", *str);
	}
	if (*str == ',')
		pr_warn("slub_debug: per-cache lists not implemented: every cache gets it\n");
	return 0;
}
