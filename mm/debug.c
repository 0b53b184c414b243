/*
 * mm/debug.c - dump_page, what a struct page holds (Linux: mm/debug.c), and
 * the names Linux's lib/vsprintf.c prints for page flags (%pGp) and GFP
 * flags (%pGg), which we have no format specifiers for. bad_page and
 * warn_alloc (mm/page_alloc.c) print through these; so does the console's
 * `page <pfn>` (mm/page_alloc_debug.c).
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
 * A page a process maps or the page cache holds uses the "user" layout
 * (mm_types.h): only then are mapping and index what the words at +12 and
 * +16 hold. Free, slab and tail pages keep other things there.
 */
bool page_user_layout(struct page *page)
{
	return !PageTail(page) && !PageBuddy(page) && !PageSlab(page) && page->mapping;
}

/*
 * __dump_page - what a struct page holds, as Linux 6.1's mm/debug.c prints
 * it, through out (printk for bad_page, con_printf for the console)
 *
 * mapping and index are printed for a page in the user layout, 0 for the
 * others, as Linux prints them for a page outside the page cache; an
 * anonymous page's flags line starts "anon ", as 6.1's does. mapcount is
 * Linux's page_mapcount(), the word page_type shares (see mm.h). Pointers
 * are printed as they are, which Linux does with no_hash_pointers (by
 * default it prints a hash of them).
 */
void __dump_page(struct page *page, const char *reason, dump_printf_t out)
{
	struct page *head = compound_head(page);
	unsigned long main_flags = page->flags & ((1UL << ZONES_PGSHIFT) - 1);
	bool user = page_user_layout(page);
	const u32 *raw = (const u32 *)page;
	char names[96];
	int len;

	out("page:%08lx refcount:%d mapcount:%d mapping:%08lx index:0x%lx pfn:0x%lx\n",
	    (unsigned long)page, page_ref_count(head), PageSlab(head) ? 0 : page_mapcount(page),
	    user ? (unsigned long)page->mapping : 0UL, user ? page->index : 0UL,
	    page_to_pfn(page));
	if (PageHead(page) || PageTail(page))     /* no entire-mappings or pins yet: 0 */
		out("head:%08lx order:%u compound_mapcount:%d compound_pincount:%d\n",
		    (unsigned long)head, compound_order(head), 0, 0);
	/* %pGp: the raw word, then the names and the zone field (FLATMEM, no NUMA) */
	len = format_flags(names, sizeof(names), main_flags, pageflag_names,
			   ARRAY_SIZE(pageflag_names));
	out("%sflags: 0x%lx(%s%szone=%u)\n", user && PageAnon(page) ? "anon " : "", page->flags,
	    names, len ? "|" : "", (unsigned int)page_zonenum(page));
	/* print_hex_dump of the struct page, 32 bytes a line in 4-byte words */
	out("raw: %08x %08x %08x %08x %08x %08x %08x %08x\n", raw[0], raw[1], raw[2],
	    raw[3], raw[4], raw[5], raw[6], raw[7]);
	if (head != page) {
		raw = (const u32 *)head;
		out("head: %08x %08x %08x %08x %08x %08x %08x %08x\n", raw[0], raw[1],
		    raw[2], raw[3], raw[4], raw[5], raw[6], raw[7]);
	}
	if (reason)
		out("page dumped because: %s\n", reason);
}

void dump_page(struct page *page, const char *reason)
{
	__dump_page(page, reason, printk);
}

int format_gfp_flags(char *buf, int size, gfp_t gfp)
{
	return format_flags(buf, size, gfp, gfpflag_names, ARRAY_SIZE(gfpflag_names));
}
