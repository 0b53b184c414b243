/*
 * mm/highmem_debug.c - console commands to watch kmap() at work: "kmap
 * <pfn>" maps a page and shows its PKMAP slot and PTEs, "kunmap <pfn>"
 * drops one user, "kmap_flush" runs kmap_flush_unused(). Not in Linux;
 * kept out of mm/highmem.c so that file reads like Linux's. Everything
 * here goes through highmem.c's interface (pkmap_slot_count()).
 */
#include <linux/kernel.h>
#include <linux/highmem.h>
#include <linux/shell.h>
#include <asm/highmem.h>
#include <asm/vtop.h>

/* The page for the pfn in argv[1], or NULL after saying why. */
static struct page *arg_page(int argc, char **argv)
{
	static char usage[40];
	unsigned long pfn;

	snprintf(usage, sizeof(usage), "%s <pfn>  (hex, 0x optional)", argv[0]);
	if (!shell_nargs(argc, argv, 1, 1, usage) || !shell_arg_hex(argv[0], "pfn", argv[1], &pfn))
		return NULL;
	if (!pfn_valid(pfn)) {
		con_printf("Error: %s: pfn 0x%lx has no struct page (RAM is pfn 0x%lx-0x%lx)\n",
			   argv[0], pfn, ARCH_PFN_OFFSET, max_pfn - 1);
		return NULL;
	}
	return pfn_to_page(pfn);
}

static void cmd_kmap(int argc, char **argv)
{
	struct page *page = arg_page(argc, argv);
	unsigned long va;

	if (!page)
		return;
	if (!PageHighMem(page))
		con_printf("pfn 0x%lx is lowmem: kmap returns its linear-map address, "
			   "no PKMAP slot\n", page_to_pfn(page));
	va = (unsigned long)kmap(page);
	if (!va)
		return;
	if (PageHighMem(page))
		con_printf("kmap(pfn 0x%lx): PKMAP slot %lu, va 0x%08lx, count %d (%d kmap%s)\n",
			   page_to_pfn(page), PKMAP_NR(va), va, pkmap_slot_count(PKMAP_NR(va)),
			   pkmap_slot_count(PKMAP_NR(va)) - 1, pkmap_slot_count(PKMAP_NR(va)) == 2 ? "" : "s");
	vtop_show(va);
	con_printf("first word at 0x%08lx: 0x%08x\n", va, *(volatile u32 *)va);
}
SHELL_CMD(kmap, "kmap <pfn>: map a page (HighMem: a PKMAP slot), show its PTEs", cmd_kmap);

static void cmd_kunmap(int argc, char **argv)
{
	struct page *page = arg_page(argc, argv);
	unsigned long va;

	if (!page || !PageHighMem(page)) {
		if (page)
			con_printf("kunmap: a lowmem page has nothing to unmap\n");
		return;
	}
	va = (unsigned long)page_address(page);
	if (!va || pkmap_slot_count(PKMAP_NR(va)) < 2) {
		con_printf("kunmap: pfn 0x%lx is not kmapped\n", page_to_pfn(page));
		return;
	}
	kunmap(page);
	con_printf("PKMAP slot %lu (0x%08lx): count now %d%s\n", PKMAP_NR(va), va,
		   pkmap_slot_count(PKMAP_NR(va)), pkmap_slot_count(PKMAP_NR(va)) == 1 ?
		   ": unused, but the PTE stays until the slots wrap (or kmap_flush)" : "");
}
SHELL_CMD(kunmap, "kunmap <pfn>: drop one kmap of a HighMem page", cmd_kunmap);

static void cmd_kmap_flush(int argc, char **argv)
{
	int i, before = 0, after = 0;

	if (!shell_nargs(argc, argv, 0, 0, argv[0]))     /* takes no arguments */
		return;
	for (i = 0; i < LAST_PKMAP; i++)
		before += pkmap_slot_count(i) == 1;
	kmap_flush_unused();
	for (i = 0; i < LAST_PKMAP; i++)
		after += pkmap_slot_count(i) == 1;
	con_printf("kmap_flush_unused: %d unused PKMAP slot%s unmapped, TLB flushed for "
		   "0x%08lx-0x%08lx\n", before - after, before - after == 1 ? "" : "s",
		   PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP) - 1);
}
SHELL_CMD(kmap_flush, "kmap_flush: unmap the PKMAP slots no one uses (kmap_flush_unused)",
	  cmd_kmap_flush);
