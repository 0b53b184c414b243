/*
 * mm/debug.c - dump_page, what a struct page holds (Linux: mm/debug.c), and
 * the names Linux's lib/vsprintf.c prints for page flags (%pGp) and GFP
 * flags (%pGg), which we have no format specifiers for. bad_page and
 * warn_alloc (mm/page_alloc.c) print through these.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include "internal.h"

struct flag_name {
	unsigned long mask;
	const char *name;
};

/* Linux 6.1's pageflag_names (include/trace/events/mmflags.h), the flags we have. */
static const struct flag_name pageflag_names[] = {
	{ 1UL << PG_locked, "locked" },
	{ 1UL << PG_reserved, "reserved" },
	{ 1UL << PG_head, "head" },
	{ 1UL << PG_uptodate, "uptodate" },
	{ 1UL << PG_dirty, "dirty" },
	{ 1UL << PG_swapbacked, "swapbacked" },
	{ 1UL << PG_referenced, "referenced" },
};

/* Linux 6.1's gfpflag_names for the flags we have, in its order: whole
 * GFP_* sets first, so GFP_KERNEL prints as that and not as its bits. */
static const struct flag_name gfpflag_names[] = {
	{ GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE" }, { GFP_HIGHUSER, "GFP_HIGHUSER" },
	{ GFP_USER, "GFP_USER" }, { GFP_KERNEL, "GFP_KERNEL" }, { GFP_NOFS, "GFP_NOFS" },
	{ GFP_ATOMIC, "GFP_ATOMIC" }, { GFP_NOIO, "GFP_NOIO" }, { GFP_NOWAIT, "GFP_NOWAIT" },
	{ __GFP_HIGHMEM, "__GFP_HIGHMEM" }, { __GFP_HIGH, "__GFP_HIGH" }, { __GFP_IO, "__GFP_IO" },
	{ __GFP_FS, "__GFP_FS" }, { __GFP_NOWARN, "__GFP_NOWARN" }, { __GFP_COMP, "__GFP_COMP" },
	{ __GFP_ZERO, "__GFP_ZERO" }, { __GFP_HARDWALL, "__GFP_HARDWALL" },
	{ __GFP_RECLAIMABLE, "__GFP_RECLAIMABLE" }, { __GFP_MOVABLE, "__GFP_MOVABLE" },
	{ __GFP_RECLAIM, "__GFP_RECLAIM" }, { __GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM" },
	{ __GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM" },
};

/*
 * format_flags - the names of the set flags, joined by '|', as Linux's
 * vsprintf format_flags: each table entry whose bits are all set is named
 * and its bits taken out; bits no entry names follow as one hex number.
 * Return: the length written (buf always NUL-terminated).
 */
static int format_flags(char *buf, int size, unsigned long flags,
			const struct flag_name *names, unsigned int n)
{
	int len = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < n && flags; i++) {
		if ((flags & names[i].mask) != names[i].mask)
			continue;
		flags &= ~names[i].mask;
		len += snprintf(buf + len, size - len, "%s%s", len ? "|" : "", names[i].name);
	}
	if (flags)
		len += snprintf(buf + len, size - len, "%s0x%lx", len ? "|" : "", flags);
	return len;
}

/*
 * dump_page - what a struct page holds, as Linux 6.1's mm/debug.c prints it
 *
 * Fields struct page does not have yet are printed as Linux prints them
 * for a page outside the page cache: mapping NULL, index 0. mapcount is
 * Linux's page_mapcount(), the word page_type shares (see mm.h). Pointers
 * are printed as they are, which Linux does with no_hash_pointers (by
 * default it prints a hash of them).
 */
void dump_page(struct page *page, const char *reason)
{
	struct page *head = compound_head(page);
	unsigned long main_flags = page->flags & ((1UL << ZONES_PGSHIFT) - 1);
	const u32 *raw = (const u32 *)page;
	char names[96];
	int len;

	pr_warn("page:%08lx refcount:%d mapcount:%d mapping:%08lx index:0x%lx pfn:0x%lx\n",
		(unsigned long)page, page_ref_count(head), PageSlab(head) ? 0 : page_mapcount(page),
		0UL, 0UL, page_to_pfn(page));
	if (PageHead(page) || PageTail(page))     /* no entire-mappings or pins yet: 0 */
		pr_warn("head:%08lx order:%u compound_mapcount:%d compound_pincount:%d\n",
			(unsigned long)head, compound_order(head), 0, 0);
	/* %pGp: the raw word, then the names and the zone field (FLATMEM, no NUMA) */
	len = format_flags(names, sizeof(names), main_flags, pageflag_names,
			   ARRAY_SIZE(pageflag_names));
	pr_warn("flags: 0x%lx(%s%szone=%u)\n", page->flags, names, len ? "|" : "",
		(unsigned int)page_zonenum(page));
	/* print_hex_dump of the struct page, 32 bytes a line in 4-byte words */
	pr_warn("raw: %08x %08x %08x %08x %08x %08x %08x %08x\n", raw[0], raw[1], raw[2],
		raw[3], raw[4], raw[5], raw[6], raw[7]);
	if (head != page) {
		raw = (const u32 *)head;
		pr_warn("head: %08x %08x %08x %08x %08x %08x %08x %08x\n", raw[0], raw[1],
			raw[2], raw[3], raw[4], raw[5], raw[6], raw[7]);
	}
	if (reason)
		pr_warn("page dumped because: %s\n", reason);
}

int format_gfp_flags(char *buf, int size, gfp_t gfp)
{
	return format_flags(buf, size, gfp, gfpflag_names, ARRAY_SIZE(gfpflag_names));
}
