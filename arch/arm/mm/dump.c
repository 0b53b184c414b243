/*
 * arch/arm/mm/dump.c - /sys/kernel/debug/kernel_page_tables: the kernel's
 * page tables as runs of equal attributes, in Linux 6.1's exact format
 * (Linux: arch/arm/mm/dump.c, table-driven by address_markers[] and
 * prot_bits[]). One line per run:
 *
 *   0xc0000000-0xc0300000           3M PGD KERNEL      RW x  SHD
 *   0xffff0000-0xffff1000           4K PTE VECTORS USR ro x  SHD MEM/CACHED/WBWA
 *   |start     |end (excl.)       |size|lvl|domain|USR|AP|XN|shareable|type
 *
 * Sections show access, XN and shareability; 4 KiB pages also show USR
 * and the memory type of the Linux PTE. A run ends where the attributes,
 * the level (section or page), the domain or the address region change.
 */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <asm/pgtable.h>
#include <asm/cp15.h>
#include <asm/ptdump.h>
#include "mm.h"

struct addr_marker {
	unsigned long start_address;
	const char *name;
};

enum { LEVEL_NONE, LEVEL_SECT = 4, LEVEL_PTE = 5 };   /* Linux's pmd and pte levels */

struct prot_bits {
	u32 mask;
	u32 val;
	const char *set;
	const char *clear;
};

static const struct prot_bits pte_bits[] = {
	{ L_PTE_USER,    L_PTE_USER,    "USR", "   " },
	{ L_PTE_RDONLY,  L_PTE_RDONLY,  "ro",  "RW"  },
	{ L_PTE_XN,      L_PTE_XN,      "NX",  "x "  },
	{ L_PTE_SHARED,  L_PTE_SHARED,  "SHD", "   " },
	{ L_PTE_MT_MASK, L_PTE_MT_UNCACHED,     "SO/UNCACHED",       NULL },
	{ L_PTE_MT_MASK, L_PTE_MT_BUFFERABLE,   "MEM/BUFFERABLE/WC", NULL },
	{ L_PTE_MT_MASK, L_PTE_MT_WRITETHROUGH, "MEM/CACHED/WT",     NULL },
	{ L_PTE_MT_MASK, L_PTE_MT_WRITEBACK,    "MEM/CACHED/WBRA",   NULL },
	{ L_PTE_MT_MASK, L_PTE_MT_MINICACHE,    "MEM/MINICACHE",     NULL },
	{ L_PTE_MT_MASK, L_PTE_MT_WRITEALLOC,   "MEM/CACHED/WBWA",   NULL },
	{ L_PTE_MT_MASK, L_PTE_MT_DEV_SHARED,   "DEV/SHARED",        NULL },
	{ L_PTE_MT_MASK, L_PTE_MT_DEV_NONSHARED, "DEV/NONSHARED",    NULL },
	{ L_PTE_MT_MASK, L_PTE_MT_DEV_WC,       "DEV/WC",            NULL },
	{ L_PTE_MT_MASK, L_PTE_MT_DEV_CACHED,   "DEV/CACHED",        NULL },
};

#define SECT_AP_MASK (PMD_SECT_APX | PMD_SECT_AP_READ | PMD_SECT_AP_WRITE)
static const struct prot_bits section_bits[] = {
	{ SECT_AP_MASK, PMD_SECT_APX | PMD_SECT_AP_WRITE,     "    ro", NULL },
	{ SECT_AP_MASK, PMD_SECT_AP_WRITE,                    "    RW", NULL },
	{ SECT_AP_MASK, PMD_SECT_AP_READ,                     "USR ro", NULL },
	{ SECT_AP_MASK, PMD_SECT_AP_READ | PMD_SECT_AP_WRITE, "USR RW", NULL },
	{ PMD_SECT_XN,  PMD_SECT_XN, "NX",  "x "  },
	{ PMD_SECT_S,   PMD_SECT_S,  "SHD", "   " },
};

struct pg_level {
	const char *name;       /* "PGD" (sections: the pmd is folded) or "PTE" */
	const struct prot_bits *bits;
	size_t num;
	u32 mask;               /* the OR of the bits' masks */
};

static const struct pg_level pg_level[] = {
	[LEVEL_SECT] = { "PGD", section_bits, ARRAY_SIZE(section_bits),
			 SECT_AP_MASK | PMD_SECT_XN | PMD_SECT_S },
	[LEVEL_PTE]  = { "PTE", pte_bits, ARRAY_SIZE(pte_bits),
			 L_PTE_USER | L_PTE_RDONLY | L_PTE_XN | L_PTE_SHARED | L_PTE_MT_MASK },
};

struct pg_state {
	struct seq_file *seq;
	const struct addr_marker *marker;
	unsigned long start_address;
	unsigned int level;
	u32 current_prot;
	const char *current_domain;
};

static const char *domain_name(pmdval_t pmd)
{
	switch ((pmd & PMD_DOMAIN_MASK) >> PMD_DOMAIN_SHIFT) {
	case DOMAIN_KERNEL:  return "KERNEL ";
	case DOMAIN_USER:    return "USER   ";
	case DOMAIN_IO:      return "IO     ";
	case DOMAIN_VECTORS: return "VECTORS";
	default:             return "unknown";
	}
}

static void dump_prot(struct pg_state *st)
{
	const struct pg_level *lv = &pg_level[st->level];
	size_t i;

	for (i = 0; i < lv->num; i++) {
		const struct prot_bits *b = &lv->bits[i];
		const char *s = (st->current_prot & b->mask) == b->val ? b->set : b->clear;

		if (s)
			seq_printf(st->seq, " %s", s);
	}
}

/* Print the run that ends at addr, in K/M/G as large as divides evenly. */
static void print_run(struct pg_state *st, unsigned long addr)
{
	static const char units[] = "KMGTPE";
	const char *unit = units;
	unsigned long delta = (addr - st->start_address) >> 10;

	seq_printf(st->seq, "0x%08lx-0x%08lx   ", st->start_address, addr);
	while (!(delta & 1023) && unit[1]) {
		delta >>= 10;
		unit++;
	}
	seq_printf(st->seq, "%9lu%c %s", delta, *unit, pg_level[st->level].name);
	if (st->current_domain)
		seq_printf(st->seq, " %s", st->current_domain);
	if (pg_level[st->level].bits)
		dump_prot(st);
	seq_puts(st->seq, "\n");
}

/* One entry at addr: extend the current run or close it (Linux note_page). */
static void note_page(struct pg_state *st, unsigned long addr, unsigned int level,
		      u32 val, const char *domain)
{
	u32 prot = val & pg_level[level].mask;

	if (!st->level) {
		st->level = level;
		st->current_prot = prot;
		st->current_domain = domain;
		seq_printf(st->seq, "---[ %s ]---\n", st->marker->name);
	} else if (prot != st->current_prot || level != st->level ||
		   domain != st->current_domain || addr >= st->marker[1].start_address) {
		if (st->current_prot)
			print_run(st, addr);
		if (addr >= st->marker[1].start_address) {
			st->marker++;
			seq_printf(st->seq, "---[ %s ]---\n", st->marker->name);
		}
		st->start_address = addr;
		st->current_prot = prot;
		st->current_domain = domain;
		st->level = level;
	}
}

/* A 2 MiB pgd entry: its PTE page, or its one or two sections. */
static void walk_pmd(struct pg_state *st, pmd_t *pmd, unsigned long addr)
{
	const char *domain = domain_name(pmd_val(pmd[0]));
	unsigned int i;

	if (pmd_none(pmd[0]) || pmd_leaf(pmd[0])) {
		note_page(st, addr, LEVEL_SECT, pmd_val(pmd[0]), domain);
	} else {
		pte_t *pte = pte_offset_kernel(pmd, 0);

		for (i = 0; i < PTRS_PER_PTE; i++)
			note_page(st, addr + i * PAGE_SIZE, LEVEL_PTE, pte_val(pte[i]), domain);
	}
	if (pmd_leaf(pmd[1]))
		note_page(st, addr + SECTION_SIZE, LEVEL_SECT, pmd_val(pmd[1]),
			  domain_name(pmd_val(pmd[1])));
}

int ptdump_show(struct seq_file *m, void *unused)
{
	const struct addr_marker markers[] = {
		{ MODULES_VADDR,              "Modules" },
		{ PAGE_OFFSET,                "Kernel Mapping" },
		{ VMALLOC_START,              "vmalloc() Area" },
		{ FDT_FIXED_BASE,             "FDT Area" },
		{ FIXADDR_START,              "Fixmap Area" },
		{ VECTORS_BASE,               "Vectors" },
		{ VECTORS_BASE + PAGE_SIZE * 2, "Vectors End" },
		{ ~0UL,                       NULL },
	};
	struct pg_state st = { .seq = m, .marker = markers };
	unsigned int i;

	(void)unused;
	for (i = 0; i < PTRS_PER_PGD; i++)
		walk_pmd(&st, (pmd_t *)&swapper_pg_dir[i], (unsigned long)i << PGDIR_SHIFT);
	note_page(&st, 0, LEVEL_NONE, 0, NULL);
	return 0;
}

static void printk_write(struct seq_file *m, const char *s, size_t n)
{
	(void)m;
	printk("%.*s", (int)n, s);
}

void ptdump_printk(void)
{
	struct seq_file m = { .write = printk_write };

	ptdump_show(&m, NULL);
}

DUMP_FILE(kernel_page_tables, "/sys/kernel/debug/kernel_page_tables", ptdump_show, NULL);
