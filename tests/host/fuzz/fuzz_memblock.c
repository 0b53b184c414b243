/*
 * tests/host/fuzz/fuzz_memblock.c - libFuzzer target for memblock (mm/memblock*.c).
 *
 * Each input is a program: a sequence of memblock calls (add, remove,
 * reserve, free, NOMAP marks, allocations, limits, mem=, array growth,
 * queries, iterators, dumps) with addresses and sizes taken from the bytes.
 * After every call, memblock is checked against an independent model
 * (mb_model.h): its lists must equal the model's runs exactly, an
 * allocation must land exactly where the model's brute-force search says,
 * and a failed call must be justified and change nothing (mb_check.c).
 *
 * The simulated RAM is physical [0, SIM_SIZE) at PAGE_OFFSET, and
 * current_limit never goes above it, so every block memblock writes
 * (memblock_alloc's zeroing, a grown array) is real memory of this process
 * that ASan watches. A grown array in use must stay reserved; freeing its
 * range by hand (memblock_phys_free, a caller's bug in Linux too) is the
 * one call that is skipped for that reason.
 *
 * Build and run: tests/host/fuzz/Makefile.
 */
#include <stdio.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <asm/memory.h>
#include "mb_model.h"

#define MAX_CALLS       3000            /* memblock calls per input */

/* ---- the calls, checked ------------------------------------------------------------------- */

enum { OP_ADD, OP_REMOVE, OP_RESERVE, OP_FREE, OP_NOMAP, OP_CLEAR };

/* memblock_add, _remove, _reserve, _phys_free, _mark_nomap, _clear_nomap. */
static void call_range_op(int op, phys_addr_t base, phys_addr_t size)
{
	static const effect_fn effects[] = { e_add, e_remove, e_reserve, e_free, e_nomap, e_clear };
	u64 csize = min((u64)size, (u64)PHYS_ADDR_MAX - base), end = base + csize;
	bool on_rsv = op == OP_RESERVE || op == OP_FREE;
	struct memblock_type *t = on_rsv ? &memblock.reserved : &memblock.memory;
	u64 want_mem = 0, want_rsv = 0;
	unsigned long need;
	enum room room;
	int ret;

	if (op == OP_FREE && hits_live_array(base, end))
		return;
	if (op == OP_ADD || op == OP_RESERVE)
		need = t->regions[0].size == 0 ? 0 : m_holes(&M, base, end, on_rsv ? S_RSV : S_MEM);
	else
		need = csize ? 2 : 0;
	room = need ? room_for(&M, t, need, base, csize) : ROOM_YES;
	if (t->cnt + need <= t->max) {
		/* no growth: nothing to predict */
	} else if (on_rsv) {
		want_rsv = o_double(&M, t, base, csize);
	} else {
		want_mem = o_double(&M, t, base, csize);
		/* a second reserved growth, to free a grown memory array, is not predicted */
		if (want_mem && memblock.memory.regions == static_regions[0])
			want_rsv = o_double(&M, &memblock.reserved, want_mem, array_bytes(2 * t->max));
	}

	begin_call("%s(0x%08x, 0x%08x)", (const char *[]){ "add", "remove", "reserve", "phys_free",
		 "mark_nomap", "clear_nomap" }[op], base, size);
	switch (op) {
	case OP_ADD:     ret = memblock_add(base, size); break;
	case OP_REMOVE:  ret = memblock_remove(base, size); break;
	case OP_RESERVE: ret = memblock_reserve(base, size); break;
	case OP_FREE:
		if (end <= SIM_SIZE && base && calls & 1) {    /* the virtual way, in lowmem */
			memblock_free(__va(base), size);        /* returns nothing */
			ret = 1;
		} else {
			ret = memblock_phys_free(base, size);
		}
		break;
	case OP_NOMAP:   ret = memblock_mark_nomap(base, size); break;
	default:         ret = memblock_clear_nomap(base, size); break;
	}
	if (settle(room, effects[op], base, end, want_mem, want_rsv))
		CHECK(ret == 0 || ret == 1, "op %d [0x%x +0x%x): model says success, returned %d",
		      op, base, size, ret);
	else
		CHECK(ret == -ENOMEM || ret == 1, "op %d [0x%x +0x%x): model says failure, returned %d",
		      op, base, size, ret);
}

/* One memblock_alloc_range_nid attempt: the block, and whether reserving it works. */
static u64 predict_alloc(u64 size, u64 align, u64 start, u64 end, enum room *room, u64 *want_rsv)
{
	u64 a = o_find(&M, size, align, start, end);

	*room = ROOM_YES;
	*want_rsv = 0;
	if (a && memblock.reserved.regions[0].size &&
	    memblock.reserved.cnt + 1 > memblock.reserved.max) {
		*room = room_for(&M, &memblock.reserved, 1, a, size);
		*want_rsv = o_double(&M, &memblock.reserved, a, size);
	}
	return a;
}

/* memblock_phys_alloc_range(), or with @virt memblock_alloc_try_nid(). */
static void call_alloc(bool virt, phys_addr_t size, phys_addr_t align, phys_addr_t start,
		       phys_addr_t end)
{
	u64 a = align ? align : 64, want = 0, want_rsv = 0, got;
	enum room room = ROOM_NO;
	void *p = NULL;
	bool ok;

	if (!(a & (a - 1))) {
		u64 max_addr = virt ? min((u64)end, (u64)memblock.current_limit) : end;

		want = predict_alloc(size, a, start, max_addr, &room, &want_rsv);
		if (virt && start && (!want || room == ROOM_NO)) {
			enum room room2;
			u64 want_rsv2, want2 = predict_alloc(size, a, 0, max_addr, &room2, &want_rsv2);

			if (want2) {            /* the retry without the lower bound */
				want = want2;
				room = room2;
				want_rsv = want_rsv2;
			}
		}
	}

	begin_call("%s(size 0x%x, align 0x%x, 0x%08x, 0x%08x)", virt ? "alloc_try_nid" : "phys_alloc_range",
		 size, align, start, end);
	if (virt) {
		p = memblock_alloc_try_nid(size, align, start, end, NUMA_NO_NODE);
		got = p ? __pa(p) : 0;
	} else {
		got = memblock_phys_alloc_range(size, align, start, end);
	}
	if (!want) {
		settle(ROOM_NO, e_none, 0, 0, 0, 0);
		CHECK(!got, "allocated 0x%llx where nothing fits", got);
		return;
	}
	CHECK(!got || got == want || room == ROOM_MAYBE,
	      "allocated 0x%llx, expected 0x%llx (size 0x%x align 0x%llx [0x%x, 0x%x) %s)",
	      got, want, size, a, start, end, memblock.bottom_up ? "bottom-up" : "top-down");
	ok = settle(room, e_reserve, got ? got : want, (got ? got : want) + size, 0, want_rsv);
	CHECK(ok == !!got, "allocation returned 0x%llx, the model says %s", got,
	      ok ? "success" : "failure");
	if (p) {
		const unsigned char *c = p;
		u32 i;

		CHECK(got + size <= SIM_SIZE, "memblock_alloc above current_limit");
		for (i = 0; i < size; i++)
			CHECK(!c[i], "memblock_alloc: byte %u not zeroed", i);
		memset(p, 0xa5, size);         /* dirty, so the next block must be zeroed again */
	}
}

/*
 * Will mem= cut down to [keep_base, keep_end)? memblock refuses when an
 * array lacks two spare slots or a grown array lies outside what is kept.
 */
static bool may_cut(u64 keep_base, u64 keep_end)
{
	u64 pa, bytes;
	int w;

	if (memblock.memory.cnt + 2 > memblock.memory.max ||
	    memblock.reserved.cnt + 2 > memblock.reserved.max)
		return false;
	for (w = 0; w < 2; w++)
		if (live_array(&memblock, w, &pa, &bytes) && (pa < keep_base || pa + bytes > keep_end))
			return false;
	return true;
}

/* memblock_enforce_memory_limit(limit). */
static void call_enforce(phys_addr_t limit)
{
	u64 max_addr = TOP, left = limit;
	int i, n = RUNS_MEMORY(&M, rl);

	for (i = 0; i < n && limit; i++) {
		if (left <= rl[i].end - rl[i].base) {
			max_addr = rl[i].base + left;
			break;
		}
		left -= rl[i].end - rl[i].base;
	}
	begin_call("enforce_memory_limit(0x%08x)", limit);
	memblock_enforce_memory_limit(limit);
	if (max_addr == TOP || !may_cut(0, max_addr))
		settle(ROOM_NO, e_none, 0, 0, 0, 0);
	else
		settle(ROOM_YES, e_cut_above, max_addr, PHYS_ADDR_MAX, 0, 0);
}

/* memblock_cap_memory_range(base, size). */
static void call_cap(phys_addr_t base, phys_addr_t size)
{
	u64 csize = min((u64)size, (u64)PHYS_ADDR_MAX - base), end = base + csize;
	bool nop = !csize || !memblock.memory.total_size || !may_cut(base, end);

	begin_call("cap_memory_range(0x%08x, 0x%08x)", base, size);
	memblock_cap_memory_range(base, size);
	if (nop)
		settle(ROOM_NO, e_none, 0, 0, 0, 0);
	else
		settle(ROOM_YES, e_cap, base, end, 0, 0);
}

/* ---- the program in the input ------------------------------------------------------------- */

/* Mostly pages in the first 32 MiB (RAM is the first 16), sometimes anything. */
static phys_addr_t g_addr(struct input *in)
{
	switch (g8(in) % 8) {
	case 4:  return g32(in) & 0x01ffffff;                  /* byte granular */
	case 5:  return (g16(in) & 0x1fff) * PAGE + 1;         /* just off a page */
	case 6:  return PHYS_ADDR_MAX - g16(in) * PAGE;        /* near 4 GiB */
	case 7:  return g32(in);
	default: return (g16(in) & 0x1fff) * PAGE;
	}
}

static phys_addr_t g_size(struct input *in)
{
	switch (g8(in) % 8) {
	case 4:  return g16(in) + 1;                           /* bytes */
	case 5:  return ((g16(in) & 0x1fff) + 1) * PAGE;       /* up to 32 MiB */
	case 6:  return g32(in);
	case 7:  return g8(in) & 1 ? 0 : 0x80000000;
	default: return ((g8(in) & 0x3f) + 1) * PAGE;
	}
}

/* Powers of 2 up to 2 MiB; 0 (means 64) and 3 (an error) now and then. */
static phys_addr_t g_align(struct input *in)
{
	u8 v = g8(in);

	if (v == 0xff)
		return 3;
	if (v == 0xfe)
		return 0;
	return 1u << (v % 22);
}

static bool room_left(void)
{
	return calls < MAX_CALLS && M.n < MAXPTS - 64;
}

/* @n calls of @op, @stride apart: fills the arrays quickly. */
static void bulk(struct input *in, int op)
{
	int n = 1 + g8(in) % 160, k;
	phys_addr_t base = g_addr(in), stride = ((g8(in) & 15) + 2) * PAGE;
	phys_addr_t size = 1 + g16(in) % (stride - 1);

	for (k = 0; k < n && room_left(); k++)
		call_range_op(op, base + k * stride, size);
}

static void run(struct input *in)
{
	while (in->n && room_left()) {
		u8 op = g8(in);
		phys_addr_t a, b, c, d;

		switch (op % 24) {
		case 0: case 1: case 2:
			a = g_addr(in);
			call_range_op(OP_ADD, a, g_size(in));
			break;
		case 3:
			a = g_addr(in);
			call_range_op(OP_REMOVE, a, g_size(in));
			break;
		case 4: case 5:
			a = g_addr(in);
			call_range_op(OP_RESERVE, a, g_size(in));
			break;
		case 6:
			a = g_addr(in);
			call_range_op(OP_FREE, a, g_size(in));
			break;
		case 7:
			a = g_addr(in);
			call_range_op(OP_NOMAP, a, g_size(in));
			break;
		case 8:
			a = g_addr(in);
			call_range_op(OP_CLEAR, a, g_size(in));
			break;
		case 9: case 10:
			a = g_size(in);
			call_alloc(false, a ? a : 1, g_align(in), 0, MEMBLOCK_ALLOC_ACCESSIBLE);
			break;
		case 11:
			a = g_size(in);
			b = g_align(in);
			c = g_addr(in);
			d = g_addr(in);
			call_alloc(false, a ? a : 1, b, c, d);
			break;
		case 12:
			a = 1 + g_size(in) % (1u << 20);
			b = g_align(in);
			c = g8(in) & 1 ? g_addr(in) : 0;
			d = g8(in) & 1 ? g_addr(in) : MEMBLOCK_ALLOC_ACCESSIBLE;
			call_alloc(true, a, b, c, d);
			break;
		case 13:
			memblock_set_current_limit(g8(in) & 1 ? (g16(in) % 0x1001) * PAGE
							      : g32(in) % (SIM_SIZE + 1));
			break;
		case 14:
			memblock_set_bottom_up(!memblock_bottom_up());
			break;
		case 15:
			memblock_allow_resize();
			can_resize = true;
			break;
		case 16:
			call_enforce(g8(in) & 1 ? g_size(in) : g32(in));
			break;
		case 17:
			a = g_addr(in);
			call_cap(a, g_size(in));
			break;
		case 18:
			bulk(in, OP_RESERVE);
			break;
		case 19:
			bulk(in, OP_ADD);
			break;
		case 20:
			a = g_addr(in);
			check_queries(a, g_size(in));
			break;
		case 21:
			check_iterators();
			break;
		case 22:
			check_dumps();
			break;
		default:
			early_memblock(g8(in) & 1 ? "debug" : NULL);
			if (g8(in) & 1)
				memblock_debug = 0;
			break;
		}
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_ram_init(0, SIM_SIZE);             /* RAM at physical 0 */
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };

	mb_check_reset();
	run(&in);
	check_iterators();
	return 0;
}
