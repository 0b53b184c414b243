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
 *
 * The same walk, printing nothing, is Linux's W+X check (ptdump_check_wx,
 * CONFIG_DEBUG_WX): every run neither read-only nor NX is counted.
 * mark_rodata_ro runs it once at the end of boot; the console's checkwx
 * runs it again, and wxmap makes one such page on purpose.
 *
 * Where armmm shows more than Linux 6.1's ARM dump.c:
 *  - ptdump=phases (boot argument): the tables at each step of boot
 *    (ptdump_phase; paging_init and mark_rodata_ro call it), all in the
 *    kernel log, where dmesg replays them and scripts/memmap finds them.
 *  - `ptdump <pid>` walks a process's pgd, its user half first under a
 *    "User Space" marker (as x86's current_user file does); user PTE pages
 *    may be HighMem (CONFIG_HIGHPTE), so they are read through
 *    pte_offset_map().
 */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <asm/pgtable.h>
#include <asm/cp15.h>
#include <asm/ptdump.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/shell.h>
#include <linux/vmalloc.h>
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
	{ L_PTE_RDONLY,  L_PTE_RDONLY,  "ro",  "RW" },
	{ L_PTE_XN,      L_PTE_XN,      "NX",  "x " },
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
	{ PMD_SECT_XN,  PMD_SECT_XN, "NX",  "x " },
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

/* The W+X check's read-only and NX rows per level (Linux flags them .ro_bit, .nx_bit). */
static const struct prot_bits *const ro_bit[] = {
	[LEVEL_SECT] = &section_bits[0], [LEVEL_PTE] = &pte_bits[1] };
static const struct prot_bits *const nx_bit[] = {
	[LEVEL_SECT] = &section_bits[4], [LEVEL_PTE] = &pte_bits[2] };

struct pg_state {
	struct seq_file *seq;
	const struct addr_marker *marker;
	unsigned long start_address;
	unsigned int level;
	u32 current_prot;
	const char *current_domain;
	bool check_wx;          /* ptdump_check_wx: count, print nothing */
	unsigned long wx_pages;
};

/* seq_printf for the dump only: the W+X walk has no seq_file. */
#define pt_dump_seq_printf(st, ...) \
	do { if ((st)->seq) seq_printf((st)->seq, __VA_ARGS__); } while (0)

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

/*
 * The run [start_address, addr) closes: W+X? (Linux note_prot_wx). Linux
 * says it with WARN_ONCE (the cut-here block with a backtrace); armmm has
 * no WARN, so the message alone, once per walk. %pS of an address with no
 * symbol (a vmalloc page) prints it as 0x%lx, as here.
 */
static void note_prot_wx(struct pg_state *st, unsigned long addr)
{
	const struct prot_bits *ro = ro_bit[st->level], *nx = nx_bit[st->level];

	if (!st->check_wx)
		return;
	if ((st->current_prot & ro->mask) == ro->val)
		return;
	if ((st->current_prot & nx->mask) == nx->val)
		return;
	if (!st->wx_pages)
		pr_warn("arm/mm: Found insecure W+X mapping at address 0x%lx\n", st->start_address);
	st->wx_pages += (addr - st->start_address) / PAGE_SIZE;
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
		pt_dump_seq_printf(st, "---[ %s ]---\n", st->marker->name);
	} else if (prot != st->current_prot || level != st->level ||
		   domain != st->current_domain || addr >= st->marker[1].start_address) {
		if (st->current_prot) {
			note_prot_wx(st, addr);
			if (st->seq)
				print_run(st, addr);
		}
		if (addr >= st->marker[1].start_address) {
			st->marker++;
			pt_dump_seq_printf(st, "---[ %s ]---\n", st->marker->name);
		}
		st->start_address = addr;
		st->current_prot = prot;
		st->current_domain = domain;
		st->level = level;
	}
}

/*
 * A 2 MiB pgd entry: its PTE page, or its one or two sections. A PTE page
 * below TASK_SIZE is a process's and may be HighMem: mapped for the walk.
 * Only swapper's and processes' tables are walked, and swapper's user half
 * is empty, so pte_offset_map (which needs mem_map) is never used at boot.
 */
static void walk_pmd(struct pg_state *st, pmd_t *pmd, unsigned long addr)
{
	const char *domain = domain_name(pmd_val(pmd[0]));
	unsigned int i;

	if (pmd_none(pmd[0]) || pmd_leaf(pmd[0])) {
		note_page(st, addr, LEVEL_SECT, pmd_val(pmd[0]), domain);
	} else {
		bool user = addr < TASK_SIZE;
		pte_t *pte = user ? pte_offset_map(pmd, addr) : pte_offset_kernel(pmd, 0);

		for (i = 0; i < PTRS_PER_PTE; i++)
			note_page(st, addr + i * PAGE_SIZE, LEVEL_PTE, pte_val(pte[i]), domain);
		if (user)
			pte_unmap(pte);
	}
	if (pmd_leaf(pmd[1]))
		note_page(st, addr + SECTION_SIZE, LEVEL_SECT, pmd_val(pmd[1]),
			  domain_name(pmd_val(pmd[1])));
}

static void walk_pgd(struct pg_state *st, pgd_t *pgd)
{
	unsigned int i;

	for (i = 0; i < PTRS_PER_PGD; i++)
		walk_pmd(st, (pmd_t *)&pgd[i], (unsigned long)i << PGDIR_SHIFT);
	note_page(st, 0, LEVEL_NONE, 0, NULL);
}

/* Dump pgd (swapper_pg_dir or a process's) with Linux's markers; user:
 * a process's table, whose first run is under "User Space". */
static void ptdump_walk(struct seq_file *m, pgd_t *pgd, bool user)
{
	const struct addr_marker markers[] = {
		{ 0,                          "User Space" },
		{ MODULES_VADDR,              "Modules" },
		{ PAGE_OFFSET,                "Kernel Mapping" },
		{ VMALLOC_START,              "vmalloc() Area" },
		{ FDT_FIXED_BASE,             "FDT Area" },
		{ FIXADDR_START,              "Fixmap Area" },
		{ VECTORS_BASE,               "Vectors" },
		{ VECTORS_BASE + PAGE_SIZE * 2, "Vectors End" },
		{ ~0UL,                       NULL },
	};
	struct pg_state st = { .seq = m, .marker = user ? markers : markers + 1 };

	walk_pgd(&st, pgd);
}

int ptdump_show(struct seq_file *m, void *unused)
{
	(void)unused;
	ptdump_walk(m, swapper_pg_dir, false);
	return 0;
}

/**
 * ptdump_check_wx - Linux's W+X check: every mapping of the whole address
 * space, user part included, that is writable and executable
 *
 * One marker for all of it, so a run ends only where the attributes do.
 */
void ptdump_check_wx(void)
{
	const struct addr_marker markers[] = { { 0, NULL }, { ~0UL, NULL } };
	struct pg_state st = { .marker = markers, .check_wx = true };

	walk_pgd(&st, swapper_pg_dir);
	if (st.wx_pages)
		pr_warn("Checked W+X mappings: FAILED, %lu W+X pages found\n", st.wx_pages);
	else
		pr_info("Checked W+X mappings: passed, no W+X pages found\n");
}

/* Straight to the console, like `cat`: no timestamps, not in the log. */
static void con_seq_write(struct seq_file *m, const char *s, size_t n)
{
	(void)m;
	con_printf("%.*s", (int)n, s);
}

/* Into the kernel log (and so to the console, timestamped), for dmesg. */
static void printk_seq_write(struct seq_file *m, const char *s, size_t n)
{
	(void)m;
	printk("%.*s", (int)n, s);
}

/**
 * ptdump_phase - the kernel's tables at one step of boot (ptdump=phases)
 * @title: what the log line says: "as head.S left them", "after <step>"
 *         (the step named as Linux names the function that just ran)
 *
 * A titled line, then the table in kernel_page_tables' format, all in the
 * kernel log: `dmesg` at the prompt replays every snapshot, and
 * scripts/memmap cuts its frames out of that (collect.phase_frames).
 * Not __init: mark_rodata_ro calls it after free_initmem. Nothing without
 * the boot argument.
 */
void ptdump_phase(const char *title)
{
	struct seq_file m = { .write = printk_seq_write };

	if (!ptdump_phases)
		return;
	pr_info("ptdump: page tables %s:\n", title);
	ptdump_show(&m, NULL);
}

DUMP_FILE(kernel_page_tables, "/sys/kernel/debug/kernel_page_tables", ptdump_show, NULL);

/*
 * ptdump [<pid>]: kernel_page_tables, or the whole table a process runs on:
 * its user mappings (under "User Space"), then the kernel half that
 * pgd_alloc copied from swapper_pg_dir.
 */
static void cmd_ptdump(int argc, char **argv)
{
	struct seq_file m = { .write = con_seq_write };
	struct task_struct *task;
	unsigned int pid;

	if (!shell_nargs(argc, argv, 0, 1, "ptdump [<pid>]"))
		return;
	if (argc == 1) {
		ptdump_show(&m, NULL);
		return;
	}
	if (!shell_arg_uint(argv[0], "pid", argv[1], 1, 0x7fffffff, &pid))
		return;
	task = find_task_by_vpid(pid);
	if (!task || !task->mm) {
		con_printf("Error: ptdump: no process with pid %u\n", pid);
		return;
	}
	ptdump_walk(&m, task->mm->pgd, true);
}
SHELL_CMD(ptdump, "ptdump [<pid>]: kernel_page_tables, or a process's tables, user half first",
	  cmd_ptdump);

static void cmd_checkwx(int argc, char **argv)
{
	if (!shell_nargs(argc, argv, 0, 0, argv[0]))     /* takes no arguments */
		return;
	ptdump_check_wx();
}
SHELL_CMD(checkwx, "checkwx: walk every mapping for W+X pages again (Linux ptdump_check_wx)",
	  cmd_checkwx);

/*
 * wxmap - the mistake the check is there to catch, made on purpose: one
 * fresh page mapped in the vmalloc area with pgprot_kernel (PAGE_KERNEL
 * without XN: RW and executable). It stays mapped (nothing unmaps it), so
 * every later checkwx counts it, and kernel_page_tables shows it RW x.
 */
static void cmd_wxmap(int argc, char **argv)
{
	struct vm_struct *vm;
	struct page *page;
	unsigned long addr;

	if (!shell_nargs(argc, argv, 0, 0, argv[0]))
		return;
	page = alloc_page(GFP_KERNEL);
	vm = page ? get_vm_area_caller(PAGE_SIZE, VM_MAP, __builtin_return_address(0)) : NULL;
	if (!vm) {
		con_printf("Error: wxmap: out of memory\n");
		if (page)
			__free_page(page);
		return;
	}
	addr = (unsigned long)vm->addr;
	vm->pages = NULL;
	if (vmap_pages_range(addr, addr + PAGE_SIZE, pgprot_kernel, &page)) {
		con_printf("Error: wxmap: vmap_pages_range failed\n");
		return;
	}
	con_printf("wxmap: 0x%08lx-0x%08lx RW x -> pfn 0x%lx\n", addr, addr + PAGE_SIZE,
	       page_to_pfn(page));
}
SHELL_CMD(wxmap, "wxmap: map a page RW and executable on purpose (checkwx then fails)", cmd_wxmap);
