/*
 * tests/host/fuzz/fuzz_dtb.c - libFuzzer over the DTB memory paths
 * (drivers/of/fdt_mem.c, drivers/of/fdt.c, real libfdt, real memblock),
 * called in the order setup_arch and arm_memblock_init call them:
 * of_fdt_validate, early_init_dt_check_for_initrd,
 * early_init_dt_scan_memory, reserve_initrd_mem,
 * early_init_fdt_scan_reserved_mem.
 *
 * First byte bit 7 set: the rest is a raw blob (the real DTBs seed this);
 * of_fdt_validate must say yes or no without reading outside it (ASan),
 * and on yes the rest must run cleanly. Else the bytes describe a layout
 * written with libfdt's sequential writer: root #address-cells and
 * #size-cells, memreserve entries, /memory nodes (status, reg or
 * linux,usable-memory, a reg cut mid-entry), /reserved-memory children
 * (no-map, status), /chosen initrd; then maybe truncated or with bytes
 * flipped. For a layout left intact the result is checked against what
 * was asked, computed here independently:
 *  - memory is exactly the union of the banks' whole pages inside
 *    [PHYS_OFFSET, 4 GiB) (memblock cannot hold the last byte, 0xffffffff);
 *  - the scan returns the number of complete (base, size) entries;
 *  - nothing is reserved, nor NOMAP, that the DTB did not ask for;
 * and for every input memblock's lists keep their invariants (fuzz.h).
 *
 * Cells that cannot be read (bad_cells_in()) must be refused: nothing
 * may come from such a DTB. That, and 64-bit sizes, found three kernel
 * bugs in fdt_mem.c (an endless loop on 0 + 0 cells, negative libfdt
 * errors used as counts, a 4 GiB bank cut to its low word), now fixed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>
#include <asm/memory.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include "fuzz.h"

#define PHYS_BASE  0x60000000u
#define BUF_SIZE   16384
#define MAX_BANKS  96          /* fewer than INIT_MEMBLOCK_REGIONS: no array is full */
#define TOP32      (1ull << 32)

struct range {
	u64 base, end;
};

/* What the layout asked for, for the checks. */
static struct layout {
	int found;                          /* complete entries in okay /memory nodes */
	int nmem, nask;
	struct range mem[MAX_BANKS];        /* each bank's whole pages, clipped */
	struct range ask[MAX_BANKS];        /* every range the DTB may reserve */
} L;
static const struct memblock_region *init_regions[2];

static u64 add_sat(u64 a, u64 b)
{
	return a + b < a ? ~0ull : a + b;
}

/* A bank's memory by the binding, not by fdt_mem.c's arithmetic. */
static void expect_bank(u64 base, u64 size)
{
	u64 lo = (base + PAGE_SIZE - 1) & ~(u64)(PAGE_SIZE - 1);
	u64 hi = add_sat(base, size) & ~(u64)(PAGE_SIZE - 1);

	if (base > ~0ull - PAGE_SIZE)
		return;
	lo = max(lo, (u64)PHYS_BASE);
	hi = min(hi, TOP32);
	if (lo < hi && L.nmem < MAX_BANKS)
		L.mem[L.nmem++] = (struct range){ lo, hi == TOP32 ? hi - 1 : hi };
}

static void ask(u64 base, u64 size)
{
	if (L.nask < MAX_BANKS)
		L.ask[L.nask++] = (struct range){ base, add_sat(base, size) };
}

/* Mostly near PHYS_OFFSET, sometimes near or above 4 GiB or unaligned. */
static u64 g_addr(struct input *in)
{
	switch (g8(in) % 8) {
	case 4:  return PHYS_BASE + (g32(in) & 0x0fffffff);
	case 5:  return 0xfff00000u + (g16(in) & 0xff) * PAGE_SIZE;
	case 6:  return (u64)(g8(in) & 3) << 32 | g32(in);
	case 7:  return g16(in) * (u64)PAGE_SIZE;
	default: return PHYS_BASE + (g16(in) & 0x3fff) * (u64)PAGE_SIZE;
	}
}

/* Sizes: pages, odd bytes, 64-bit ones, ones that end right at 4 GiB. */
static u64 g_size(struct input *in)
{
	switch (g8(in) % 8) {
	case 4:  return g16(in);
	case 5:  return (u64)(g16(in) & 3) << 32 | g32(in);
	case 6:  return 0x100000000ull - (g16(in) & 0xff) * PAGE_SIZE;
	default: return ((g16(in) & 0x3fff) + 1) * (u64)PAGE_SIZE;
	}
}

/* Cells: mostly 1 or 2; 3 and 4 are legal (the value is the low 64 bits). */
static int g_cells(struct input *in)
{
	u8 v = g8(in);

	if (v >= 0xf8)
		return v & 7;               /* 0, 5, 6, 7: unusable, must be refused */
	return v % 16 < 12 ? 1 + v % 2 : 1 + v % 4;
}

/* Append value v in n cells to reg[*k]; a cell beyond 2 holds noise. */
static void put_cells(fdt32_t *reg, int *k, u64 v, int n, struct input *in)
{
	int i;

	for (i = n - 1; i >= 0; i--)
		reg[(*k)++] = cpu_to_fdt32(i >= 2 ? g8(in) : (u32)(v >> (32 * i)));
}

/*
 * One reg property of up to 8 entries, the last maybe cut mid-entry.
 * @kind: 0 ignored, 1 memory banks, 2 ranges to reserve. Return: how many
 * entries are whole.
 */
static int put_reg(void *fdt, const char *name, int na, int ns, struct input *in, int kind)
{
	fdt32_t reg[8 * 2 * 7];            /* 8 entries of up to 7 + 7 cells */
	int n = g8(in) % 9, k = 0, i;
	bool cut = n && g8(in) % 8 == 0;

	for (i = 0; i < n; i++) {
		u64 base = g_addr(in), size = g_size(in);

		if (na == 1)                        /* what one cell can say */
			base = (u32)base;
		if (ns == 1)
			size = (u32)size;
		put_cells(reg, &k, base, na, in);
		put_cells(reg, &k, size, ns, in);
		if (cut && i == n - 1)
			break;
		if (kind == 1)
			expect_bank(base, size);
		else if (kind == 2)
			ask(base, size);
	}
	if (!k)                             /* 0 + 0 cells: nothing to cut */
		cut = false;
	fdt_property(fdt, name, reg, (k - cut) * 4);
	return n - cut;
}

static const char *const statuses[] = { NULL, NULL, "okay", "ok", "disabled", "fail" };

static bool status_okay(const char *s)
{
	return !s || !strcmp(s, "okay") || !strcmp(s, "ok");
}

/* Up to four /memory nodes; some not memory, disabled, or with usable-memory. */
static void put_memory(void *fdt, int na, int ns, struct input *in)
{
	int n = 1 + g8(in) % 4, i;

	for (i = 0; i < n; i++) {
		u8 f = g8(in);
		const char *status = statuses[f % 6];
		bool is_mem = !(f & 0x40), use = is_mem && status_okay(status);
		char name[16];

		snprintf(name, sizeof(name), "memory@%d", i);
		fdt_begin_node(fdt, name);
		fdt_property_string(fdt, "device_type", is_mem ? "memory" : "cpu");
		if (status)
			fdt_property_string(fdt, "status", status);
		if (f & 0x80) {             /* linux,usable-memory wins over reg */
			put_reg(fdt, "reg", na, ns, in, 0);
			L.found += use * put_reg(fdt, "linux,usable-memory", na, ns, in, use);
		} else {
			L.found += use * put_reg(fdt, "reg", na, ns, in, use);
		}
		fdt_end_node(fdt);
	}
}

/* /reserved-memory with its own cells and up to three children. */
static void put_reserved(void *fdt, struct input *in)
{
	int na = g_cells(in), ns = g_cells(in), n = g8(in) % 4, i;

	fdt_begin_node(fdt, "reserved-memory");
	fdt_property_u32(fdt, "#address-cells", na);
	fdt_property_u32(fdt, "#size-cells", ns);
	fdt_property(fdt, "ranges", "", 0);       /* (NULL: libfdt memcpy()s it) */
	for (i = 0; i < n; i++) {
		u8 f = g8(in);
		const char *status = statuses[f % 6];
		char name[16];

		snprintf(name, sizeof(name), "rsv@%d", i);
		fdt_begin_node(fdt, name);
		if (status)
			fdt_property_string(fdt, "status", status);
		if (f & 0x10)
			fdt_property(fdt, "no-map", "", 0);
		put_reg(fdt, "reg", na, ns, in, status_okay(status) ? 2 : 0);
		fdt_end_node(fdt);
	}
	fdt_end_node(fdt);
}

/* /chosen linux,initrd-start/-end, one or two cells each. */
static void put_initrd(void *fdt, struct input *in)
{
	u64 start = g_addr(in), end = start + g_size(in);

	fdt_begin_node(fdt, "chosen");
	if (g8(in) & 1) {
		fdt_property_u64(fdt, "linux,initrd-start", start);
		fdt_property_u64(fdt, "linux,initrd-end", end);
	} else {
		fdt_property_u32(fdt, "linux,initrd-start", (u32)start);
		fdt_property_u32(fdt, "linux,initrd-end", (u32)end);
	}
	fdt_end_node(fdt);
	/* the kernel keeps a 32-bit start and size; reserve_initrd_mem rounds out to pages */
	ask((u32)start & PAGE_MASK, ALIGN((u64)(u32)start + (u32)(end - start), PAGE_SIZE) -
				     ((u32)start & PAGE_MASK));
}

/* The layout the bytes describe, into buf (BUF_SIZE). 0 or a libfdt error. */
static int build_layout(void *buf, struct input *in)
{
	int na = g_cells(in), ns = g_cells(in), n = g8(in) % 4, i;
	u8 parts = g8(in);

	memset(&L, 0, sizeof(L));
	fdt_create(buf, BUF_SIZE);
	for (i = 0; i < n; i++) {
		u64 base = g_addr(in), size = g_size(in);

		fdt_add_reservemap_entry(buf, base, size);
		ask(base, size);
	}
	fdt_finish_reservemap(buf);
	fdt_begin_node(buf, "");
	if (!(parts & 1) || na != 1)            /* absent: the default, 1 */
		fdt_property_u32(buf, "#address-cells", na);
	if (!(parts & 2) || ns != 1)
		fdt_property_u32(buf, "#size-cells", ns);
	put_memory(buf, na, ns, in);
	if (parts & 4)
		put_reserved(buf, in);
	if (parts & 8)
		put_initrd(buf, in);
	fdt_end_node(buf);
	return fdt_finish(buf);
}

/* Sort by base and merge overlapping or touching ranges; return the count. */
static int merge(struct range *r, int n)
{
	int i, j, k = 0;

	for (i = 1; i < n; i++)                 /* insertion sort: n is small */
		for (j = i; j > 0 && r[j].base < r[j - 1].base; j--) {
			struct range t = r[j];

			r[j] = r[j - 1];
			r[j - 1] = t;
		}
	for (i = 0; i < n; i++) {
		if (k && r[i].base <= r[k - 1].end)
			r[k - 1].end = max(r[k - 1].end, r[i].end);
		else
			r[k++] = r[i];
	}
	return k;
}

/* Is [base, end) inside one of the n merged ranges? */
static bool covered(const struct range *r, int n, u64 base, u64 end)
{
	int i;

	for (i = 0; i < n; i++)
		if (r[i].base <= base && end <= r[i].end)
			return true;
	return false;
}

/* memblock's memory, flags ignored, equals the union of the banks. */
static void check_memory(void)
{
	static struct range want[MAX_BANKS], got[INIT_MEMBLOCK_REGIONS];
	const struct memblock_type *t = &memblock.memory;
	int nw, ng = 0, i;

	memcpy(want, L.mem, L.nmem * sizeof(*want));
	nw = merge(want, L.nmem);
	for (i = 0; t->regions[0].size && i < (int)t->cnt; i++)
		got[ng++] = (struct range){ t->regions[i].base,
					    (u64)t->regions[i].base + t->regions[i].size };
	ng = merge(got, ng);
	CHECK(ng == nw, "memory: %d runs, the banks make %d", ng, nw);
	for (i = 0; i < nw; i++)
		CHECK(got[i].base == want[i].base && got[i].end == want[i].end,
		      "memory run %d: [0x%llx, 0x%llx), the banks make [0x%llx, 0x%llx)",
		      i, got[i].base, got[i].end, want[i].base, want[i].end);
}

/* Reserved and NOMAP only where the DTB asked (memreserve, reserved-memory, initrd). */
static void check_reserved(void)
{
	static struct range asked[MAX_BANKS];
	const struct memblock_type *types[2] = { &memblock.memory, &memblock.reserved };
	int n, w;
	unsigned long i;

	memcpy(asked, L.ask, L.nask * sizeof(*asked));
	n = merge(asked, L.nask);
	for (w = 0; w < 2; w++)
		for (i = 0; types[w]->regions[0].size && i < types[w]->cnt; i++) {
			const struct memblock_region *r = &types[w]->regions[i];

			CHECK((!w && !r->flags) || covered(asked, n, r->base, (u64)r->base + r->size),
			      "%s [0x%x +0x%x) flags 0x%x: the DTB did not ask for it",
			      types[w]->name, r->base, r->size, r->flags);
		}
}

/* fuzz_fail's context: what the layout asked for, memblock now. */
static void report(void)
{
	int i;

	for (i = 0; i < L.nmem; i++)
		fprintf(stderr, "bank  [0x%09llx, 0x%09llx)\n", L.mem[i].base, L.mem[i].end);
	for (i = 0; i < L.nask; i++)
		fprintf(stderr, "asked [0x%09llx, 0x%09llx)\n", L.ask[i].base, L.ask[i].end);
	fuzz_dump_memblock_type(&memblock.memory);
	fuzz_dump_memblock_type(&memblock.reserved);
}

static void check_lists(void)
{
	fuzz_check_memblock_type(&memblock.memory, true, init_regions[0], PHYS_BASE + (1u << 20));
	fuzz_check_memblock_type(&memblock.reserved, false, init_regions[1], PHYS_BASE + (1u << 20));
}

/*
 * Cells fdt_mem.c must refuse (cells_ok there): a root #address-cells of 0
 * or above 4, a #size-cells above 4, and /reserved-memory cells libfdt
 * calls bad (negative error codes).
 */
/* Root cells fdt_mem.c must refuse: no memory may come from such a DTB. */
static bool bad_root_cells(const void *blob)
{
	const fdt32_t *p;
	int len;
	u32 na = 1, ns = 1;

	p = fdt_getprop(blob, 0, "#address-cells", &len);
	if (p && len >= 4)
		na = fdt32_to_cpu(*p);
	p = fdt_getprop(blob, 0, "#size-cells", &len);
	if (p && len >= 4)
		ns = fdt32_to_cpu(*p);
	return na == 0 || na > 4 || ns == 0 || ns > 4;
}

/* /reserved-memory cells it must refuse: then no child of it is reserved. */
static bool bad_rsv_cells(const void *blob)
{
	int node = fdt_path_offset(blob, "/reserved-memory");

	return node >= 0 && (fdt_address_cells(blob, node) < 0 || fdt_size_cells(blob, node) < 0);
}

/* setup_arch's and arm_memblock_init's DTB calls, checked; intact: built here, unchanged. */
static void boot_path(const void *blob, bool intact)
{
	struct of_mem_range ranges[8];
	int found, index;

	memblock_reset_for_test();
	phys_initrd_start = phys_initrd_size = 0;
	if (of_fdt_validate(blob)) {
		CHECK(!intact, "of_fdt_validate refuses a blob libfdt wrote");
		return;
	}
	early_init_dt_check_for_initrd(blob);
	found = early_init_dt_scan_memory(blob);
	check_lists();
	if (bad_root_cells(blob)) {
		/* refused with a message: nothing may come from this DTB */
		CHECK(found == 0 && !memblock.memory.total_size,
		      "unusable cells: the scan found %d entries", found);
		early_init_fdt_scan_reserved_mem(blob);
		check_lists();
		return;
	}
	CHECK(!intact || found == L.found, "scan found %d entries, the DTB has %d", found, L.found);
	if (intact)
		check_memory();
	reserve_initrd_mem();
	early_init_fdt_scan_reserved_mem(blob);
	check_lists();
	if (intact) {
		check_memory();
		if (!bad_rsv_cells(blob))
			check_reserved();
	}
	of_stdout_node(blob, &index);
	of_memory_ranges(blob, ranges, 8);
}

/* Cut the blob short (its header saying so) or flip a few bytes; true if changed. */
static bool corrupt(char *buf, struct input *in)
{
	u32 size = fdt_totalsize(buf), i;
	u8 how = g8(in) % 8;

	if (how == 0) {
		fdt_set_totalsize(buf, sizeof(struct fdt_header) + g16(in) % size);
		return true;
	}
	if (how == 1) {
		for (i = 0; i < 4; i++)
			buf[g16(in) % size] ^= 1 << (g8(in) % 8);
		return true;
	}
	return false;
}

/*
 * Run on a copy of exactly its totalsize bytes, so ASan sees any read past
 * it; at least the magic and totalsize words, which the kernel always has
 * (head.S read them).
 */
static void run_blob(const void *src, u32 size, bool intact)
{
	u32 alloc = size < 8 ? 8 : size;
	char *blob = calloc(1, alloc);

	memcpy(blob, src, size);
	boot_path(blob, intact);
	free(blob);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_ram_init(PHYS_BASE, 1u << 20);
	fuzz_report = report;
	memblock_reset_for_test();
	init_regions[0] = memblock.memory.regions;
	init_regions[1] = memblock.reserved.regions;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char buf[BUF_SIZE] __attribute__((aligned(8)));   /* as a DTB must be */
	struct input in = { data + 1, size - 1 };
	bool intact;

	if (size < 1)
		return 0;
	if (data[0] & 0x80) {                   /* a raw blob, read no further than given */
		u32 total = size < 9 ? 0 : (u32)data[5] << 24 | data[6] << 16 | data[7] << 8 | data[8];

		if (total < sizeof(struct fdt_header) || total > size - 1)
			return 0;               /* head.S and the header check refuse these */
		run_blob(data + 1, total, false);
		return 0;
	}
	memset(buf, 0, sizeof(buf));
	if (build_layout(buf, &in))
		return 0;                       /* too big for buf: not a case */
	intact = !corrupt(buf, &in);
	if (fdt_totalsize(buf) <= BUF_SIZE)     /* a flipped totalsize: what it claims, zeroes after */
		run_blob(buf, fdt_totalsize(buf), intact);
	return 0;
}
