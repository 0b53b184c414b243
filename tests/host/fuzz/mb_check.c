/*
 * tests/host/fuzz/mb_check.c - the checker of fuzz_memblock (see
 * mb_model.h): where memblock must put an allocation or a grown array,
 * and settle(), which accepts a call only if memblock now equals one of
 * the outcomes the model allows.
 *
 * Allocations must return exactly the highest (lowest, bottom-up) aligned
 * fit in free memory (memory, not NOMAP, not reserved) within the bounds,
 * found by brute force over the model; a failure must be justified (no
 * fit, or a full array that may not or cannot grow) and leave everything
 * bit for bit unchanged. A grown array must lie in free memory below
 * current_limit, be reserved, and sit where memblock's own search rules
 * put it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <linux/kernel.h>
#include <asm/memory.h>
#include "mb_model.h"

struct model M;
struct rgn rl[MAXRGN];
bool can_resize;
const struct memblock_region *static_regions[2];
unsigned long calls;

static struct model pre, cand[4];       /* before the call; the outcomes allowed */
static struct rgn rl2[MAXRGN];
static struct memblock_region snap_regions[2][MAXRGN];
static struct memblock snap;            /* struct memblock before the call */
static char what[160];                  /* the call being checked, for reports */

/* fuzz_fail's context: the call, memblock now, the model before. */
static void report(void)
{
	int i;

	fprintf(stderr, "call %lu, %s (%s, resize %s, limit 0x%x)\n", calls, what,
		memblock.bottom_up ? "bottom-up" : "top-down", can_resize ? "allowed" : "not allowed",
		memblock.current_limit);
	fprintf(stderr, "before the call: memory cnt %lu max %lu at %p, reserved cnt %lu max %lu at %p\n",
		snap.memory.cnt, snap.memory.max, (void *)snap.memory.regions,
		snap.reserved.cnt, snap.reserved.max, (void *)snap.reserved.regions);
	fuzz_dump_memblock_type(&memblock.memory);
	fuzz_dump_memblock_type(&memblock.reserved);
	fprintf(stderr, "model before the call:\n");
	for (i = 0; i < pre.n && i < 200; i++)
		fprintf(stderr, "  [0x%09llx, 0x%09llx) %c%c%c\n", pre.pt[i], pre.pt[i + 1],
			pre.st[i] & S_MEM ? 'M' : '-', pre.st[i] & S_NOMAP ? 'N' : '-',
			pre.st[i] & S_RSV ? 'R' : '-');
}

void mb_check_reset(void)
{
	memblock_reset_for_test();
	static_regions[0] = memblock.memory.regions;
	static_regions[1] = memblock.reserved.regions;
	memblock_set_current_limit(SIM_SIZE);
	m_reset(&M);
	m_reset(&pre);
	snap = memblock;
	what[0] = '\0';
	can_resize = false;
	calls = 0;
	fuzz_report = report;
}

/*
 * The grown array list w (0 memory, 1 reserved) of @mb uses, in *pa and
 * *bytes; false while it is still the static one.
 */
bool live_array(const struct memblock *mb, int w, u64 *pa, u64 *bytes)
{
	const struct memblock_type *t = w ? &mb->reserved : &mb->memory;

	if (t->regions == static_regions[w])
		return false;
	*pa = __pa(t->regions);
	*bytes = array_bytes(t->max);
	return true;
}

/* Does memblock's list equal the model's runs exactly? */
static bool type_matches(const struct memblock_type *t, const struct rgn *r, int n)
{
	int i;

	if (n == 0)
		return t->cnt == 1 && t->regions[0].size == 0;
	if ((int)t->cnt != n)
		return false;
	for (i = 0; i < n; i++)
		if (t->regions[i].base != r[i].base ||
		    (u64)t->regions[i].base + t->regions[i].size != r[i].end ||
		    t->regions[i].flags != r[i].flags)
			return false;
	return true;
}

static bool memblock_matches(const struct model *m)
{
	return type_matches(&memblock.memory, rl, RUNS_MEMORY(m, rl)) &&
	       type_matches(&memblock.reserved, rl, RUNS_RESERVED(m, rl));
}

static void snapshot(void)
{
	snap = memblock;
	memcpy(snap_regions[0], memblock.memory.regions, memblock.memory.cnt * RBYTES);
	memcpy(snap_regions[1], memblock.reserved.regions, memblock.reserved.cnt * RBYTES);
}

/* A failed call must leave struct memblock and both lists bit for bit as they were. */
static void check_unchanged(void)
{
	CHECK(!memcmp(&snap, &memblock, sizeof(memblock)), "failed call changed struct memblock");
	CHECK(!memcmp(snap_regions[0], memblock.memory.regions, memblock.memory.cnt * RBYTES),
	      "failed call changed memory");
	CHECK(!memcmp(snap_regions[1], memblock.reserved.regions, memblock.reserved.cnt * RBYTES),
	      "failed call changed reserved");
}

void begin_call(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	m_copy(&pre, &M);
	snapshot();
	calls++;
}

/* ---- the oracle: where things must go ---------------------------------------- */

/*
 * The highest (bottom-up: lowest) @align-aligned [a, a + size) inside one
 * free run and inside [start, end), end 0 or 1 meaning current_limit and
 * start at least a page, as memblock_find_in_range_node. 0 if none.
 */
u64 o_find(const struct model *m, u64 size, u64 align, u64 start, u64 end)
{
	u64 best = 0;
	int i, n;

	if (end == MEMBLOCK_ALLOC_ACCESSIBLE || end == MEMBLOCK_ALLOC_NOLEAKTRACE)
		end = memblock.current_limit;
	start = max(start, (u64)PAGE);
	end = max(start, end);
	n = RUNS_FREE(m, rl2);
	for (i = 0; i < n; i++) {
		u64 lo = max(rl2[i].base, start), hi = min(rl2[i].end, end), a;

		if (hi < lo + size)
			continue;
		if (memblock.bottom_up) {
			a = (lo + align - 1) & ~(align - 1);
			if (a + size <= hi && (!best || a < best))
				best = a;
		} else {
			a = (hi - size) & ~(align - 1);
			if (a >= lo && a > best)
				best = a;
		}
	}
	return best;
}

u64 array_bytes(unsigned long max)
{
	return ((u64)max * RBYTES + PAGE - 1) & ~(u64)(PAGE - 1);
}

/* Where memblock_double_array(type, area) puts the doubled array, or 0. */
u64 o_double(const struct model *m, const struct memblock_type *t, u64 area, u64 area_size)
{
	u64 size = array_bytes(2 * t->max), a;

	a = o_find(m, size, PAGE, area + area_size, memblock.current_limit);
	if (!a && area_size && area > MEMBLOCK_ALLOC_NOLEAKTRACE)
		a = o_find(m, size, PAGE, 0, min(area, (u64)memblock.current_limit));
	return a;
}

/*
 * Can @t take @need more regions (for a call about [area, +area_size))?
 * MAYBE when it would have to double twice: not predicted.
 */
enum room room_for(const struct model *m, struct memblock_type *t, unsigned long need,
		   u64 area, u64 area_size)
{
	struct memblock_type *rsv = &memblock.reserved;
	u64 a;

	if (t->cnt + need <= t->max)
		return ROOM_YES;
	if (!can_resize)
		return ROOM_NO;
	/* a grown reserved array takes a slot of its own (and freeing the old one
	 * may split a region): near the edge it may have to grow twice */
	if (t->cnt + need + (t == rsv ? 2 : 0) > 2 * t->max)
		return ROOM_MAYBE;
	if (t == rsv)
		return o_double(m, t, area, area_size) ? ROOM_YES : ROOM_NO;
	/* the memory array: its new home is reserved first, which may need room too */
	a = o_double(m, t, area, area_size);
	if (!a)
		return ROOM_NO;
	if (rsv->regions[0].size == 0 || rsv->cnt + 1 <= rsv->max)
		return ROOM_YES;
	return o_double(m, rsv, a, array_bytes(2 * t->max)) ? ROOM_YES : ROOM_NO;
}


/*
 * Fold any array growth of the last call into bases[], as changes made
 * before the call's own: each new array reserved, each replaced grown one
 * released. A new array must have been free memory, page aligned, below
 * current_limit, and at @want_mem / @want_rsv when those are known (0: not
 * predicted). Releasing memory's old array needs room in reserved and may
 * fail, harmlessly: bases[1] is that variant. Return: how many bases.
 */
static int fold_doubling(struct model bases[2], u64 want_mem, u64 want_rsv, bool strict)
{
	struct memblock_type *types[2] = { &memblock.memory, &memblock.reserved };
	const struct memblock_type *olds[2] = { &snap.memory, &snap.reserved };
	u64 new_lo[2] = { 0, 0 }, new_hi[2] = { 0, 0 };
	int w, nb = 1;

	m_copy(&bases[0], &pre);
	for (w = 1; w >= 0; w--) {             /* reserved first, then memory */
		const struct memblock_type *t = types[w], *old = olds[w];
		u64 want = w ? want_rsv : want_mem, pa, bytes, opa, obytes;
		int b;

		if (t->regions == old->regions)
			continue;
		pa = __pa(t->regions);
		bytes = array_bytes(t->max);
		CHECK(pa >= PAGE && pa + bytes <= memblock.current_limit,
		      "%s array at 0x%llx not below current_limit", t->name, pa);
		/* (growing twice in one call may reuse the first array's old home) */
		CHECK(!strict || m_all(&pre, pa, pa + bytes, S_MEM | S_NOMAP | S_RSV, S_MEM),
		      "%s array at 0x%llx was not free memory", t->name, pa);
		CHECK(!want || pa == want, "%s array at 0x%llx, expected 0x%llx", t->name, pa, want);
		new_lo[w] = pa;
		new_hi[w] = pa + bytes;
		if (live_array(&snap, w, &opa, &obytes)) {
			if (w == 0) {
				m_copy(&bases[1], &bases[0]);
				nb = 2;
			}
			m_update(&bases[0], opa, opa + obytes, 0, 0, S_RSV, 0);
		}
		for (b = 0; b < nb; b++)
			m_update(&bases[b], pa, pa + bytes, 0, 0, 0, S_RSV);
	}
	CHECK(!new_hi[0] || !new_hi[1] || new_hi[0] <= new_lo[1] || new_hi[1] <= new_lo[0],
	      "the two new arrays overlap");
	return nb;
}

/* Does [lo, hi) touch a grown array in use? */
bool hits_live_array(u64 lo, u64 hi)
{
	u64 pa, bytes;
	int w;

	for (w = 0; w < 2; w++)
		if (live_array(&memblock, w, &pa, &bytes) && pa < hi && lo < pa + bytes)
			return true;
	return false;
}

/* Every grown array in use must stay reserved: else the next allocation overwrites it. */
static void check_arrays_reserved(void)
{
	u64 pa, bytes;
	int w;

	for (w = 0; w < 2; w++)
		CHECK(!live_array(&memblock, w, &pa, &bytes) || m_all(&M, pa, pa + bytes, S_RSV, S_RSV),
		      "the %s array in use at 0x%llx is not reserved", w ? "reserved" : "memory", pa);
}

/*
 * Settle the last call. The outcomes allowed: for each base (see
 * fold_doubling), success (the base with @effect on [a, b)) unless @room is
 * NO, failure (the base alone) unless @room is YES. memblock must equal one
 * of them; a failure must also have left memblock bit for bit unchanged.
 * Return: true if it was the success.
 */
bool settle(enum room room, effect_fn effect, u64 a, u64 b, u64 want_mem, u64 want_rsv)
{
	bool moved = memblock.memory.regions != snap.memory.regions ||
		     memblock.reserved.regions != snap.reserved.regions;
	int nb, i;

	fuzz_check_memblock_type(&memblock.memory, true, static_regions[0], SIM_SIZE);
	fuzz_check_memblock_type(&memblock.reserved, false, static_regions[1], SIM_SIZE);
	if (room == ROOM_MAYBE)
		want_mem = want_rsv = 0;
	nb = fold_doubling(&cand[0], want_mem, want_rsv, room != ROOM_MAYBE);
	if (room != ROOM_NO) {
		for (i = 0; i < nb; i++) {
			m_copy(&cand[2 + i], &cand[i]);
			effect(&cand[2 + i], a, b);
			if (memblock_matches(&cand[2 + i])) {
				m_copy(&M, &cand[2 + i]);
				check_arrays_reserved();
				return true;
			}
		}
	}
	if (room != ROOM_YES) {
		for (i = 0; i < nb; i++) {
			if (memblock_matches(&cand[i])) {
				if (!moved)
					check_unchanged();
				m_copy(&M, &cand[i]);
				check_arrays_reserved();
				return false;
			}
		}
	}
	fuzz_fail("memblock differs from the model (room %d, range [0x%llx, 0x%llx))", room, a, b);
}

/* What a successful call does to the model. */
void e_none(struct model *m, u64 a, u64 b) { (void)m, (void)a, (void)b; }
void e_add(struct model *m, u64 a, u64 b) { m_update(m, a, b, S_MEM, 0, 0, S_MEM); }
void e_remove(struct model *m, u64 a, u64 b) { m_update(m, a, b, 0, 0, S_MEM | S_NOMAP, 0); }
void e_reserve(struct model *m, u64 a, u64 b) { m_update(m, a, b, 0, 0, 0, S_RSV); }
void e_free(struct model *m, u64 a, u64 b) { m_update(m, a, b, 0, 0, S_RSV, 0); }
void e_nomap(struct model *m, u64 a, u64 b) { m_update(m, a, b, S_MEM, S_MEM, 0, S_NOMAP); }
void e_clear(struct model *m, u64 a, u64 b) { m_update(m, a, b, 0, 0, S_NOMAP, 0); }

/* mem=: memory and reservations from a up are gone. */
void e_cut_above(struct model *m, u64 a, u64 b)
{
	m_update(m, a, b, 0, 0, S_MEM | S_NOMAP | S_RSV, 0);
}

/* mem=size@start: mappable memory and reservations outside [a, b) are gone. */
void e_cap(struct model *m, u64 a, u64 b)
{
	m_update(m, 0, a, S_MEM | S_NOMAP, S_MEM, S_MEM, 0);
	m_update(m, b, TOP, S_MEM | S_NOMAP, S_MEM, S_MEM, 0);
	m_update(m, 0, a, 0, 0, S_RSV, 0);
	m_update(m, b, PHYS_ADDR_MAX, 0, 0, S_RSV, 0);
}
