/*
 * tests/host/fuzz/fuzz.c - see fuzz.h. Linked into every fuzz target.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <host/lowmem.h>
#include <asm/memory.h>
#include "fuzz.h"

unsigned long __pv_phys_pfn_offset;
unsigned long __pv_offset;
char fuzz_log_line[1024];
unsigned long fuzz_log_count;
void (*fuzz_report)(void);

/* FUZZ_VERBOSE=1 in the environment shows the kernel's messages. */
int printk(const char *fmt, ...)
{
	static int verbose = -1;
	va_list ap;
	int n;

	if (verbose < 0)
		verbose = getenv("FUZZ_VERBOSE") != NULL;
	va_start(ap, fmt);
	n = vsnprintf(fuzz_log_line, sizeof(fuzz_log_line), fmt, ap);
	va_end(ap);
	fuzz_log_count++;
	if (verbose)
		fputs(fuzz_log_line, stderr);
	return n;
}

/* A kernel panic is a failure like any other: the input is saved. */
void panic(const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fuzz_fail("kernel panic: %s", msg);
}

void fuzz_fail(const char *why, ...)
{
	va_list ap;

	fputs("\nfuzz: ", stderr);
	va_start(ap, why);
	vfprintf(stderr, why, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (fuzz_report)
		fuzz_report();
	abort();
}

void fuzz_ram_init(phys_addr_t phys, u32 size)
{
	host_lowmem_map("fuzz", size);
	__pv_phys_pfn_offset = phys >> PAGE_SHIFT;
	__pv_offset = phys - PAGE_OFFSET;
}

u8 g8(struct input *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

u32 g16(struct input *in)
{
	return g8(in) | (u32)g8(in) << 8;
}

u32 g32(struct input *in)
{
	return g16(in) | g16(in) << 16;
}

void fuzz_dump_memblock_type(const struct memblock_type *t)
{
	unsigned long i;

	fprintf(stderr, "%s: cnt %lu max %lu total 0x%x at %p\n", t->name, t->cnt, t->max,
		t->total_size, (void *)t->regions);
	for (i = 0; i < t->cnt && i < 200; i++)
		fprintf(stderr, "  [0x%08x +0x%08x) flags 0x%x\n", t->regions[i].base,
			t->regions[i].size, t->regions[i].flags);
}

/* A grown array: page aligned, inside lowmem. */
static void check_array(const struct memblock_type *t, u64 lowmem_end)
{
	u64 pa = __pa(t->regions), bytes = (u64)t->max * sizeof(struct memblock_region);

	CHECK(t->max > INIT_MEMBLOCK_REGIONS, "%s: grown array but max %lu", t->name, t->max);
	CHECK(pa % PAGE_SIZE == 0 && pa >= PHYS_OFFSET && pa + bytes <= lowmem_end,
	      "%s: array at 0x%llx outside lowmem", t->name, pa);
}

void fuzz_check_memblock_type(const struct memblock_type *t, bool is_memory,
			      const struct memblock_region *init_regions, u64 lowmem_end)
{
	u64 total = 0;
	unsigned long i;

	CHECK(t->cnt >= 1 && t->cnt <= t->max, "%s: cnt %lu max %lu", t->name, t->cnt, t->max);
	CHECK(t->max >= INIT_MEMBLOCK_REGIONS && !(t->max & (t->max - 1)), "%s: max %lu", t->name, t->max);
	if (t->regions != init_regions)
		check_array(t, lowmem_end);
	if (t->cnt == 1 && t->regions[0].size == 0) {
		CHECK(t->regions[0].base == 0 && t->regions[0].flags == 0 && t->total_size == 0,
		      "%s: bad empty dummy", t->name);
		return;
	}
	for (i = 0; i < t->cnt; i++) {
		const struct memblock_region *r = &t->regions[i], *p = r - 1;

		CHECK(r->size > 0, "%s[%lu]: size 0", t->name, i);
		CHECK((u64)r->base + r->size <= PHYS_ADDR_MAX, "%s[%lu]: wraps", t->name, i);
		CHECK(is_memory || r->flags == 0, "reserved[%lu]: flags 0x%x", i, r->flags);
		CHECK(!i || (u64)p->base + p->size <= r->base, "%s[%lu]: overlaps or unsorted", t->name, i);
		CHECK(!i || (u64)p->base + p->size < r->base || p->flags != r->flags,
		      "%s[%lu]: not merged with its neighbour", t->name, i);
		total += r->size;
	}
	CHECK(total == t->total_size, "%s: total_size 0x%x, sum 0x%llx", t->name, t->total_size, total);
}
