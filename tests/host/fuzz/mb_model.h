/*
 * tests/host/fuzz/mb_model.h - fuzz_memblock's independent model of
 * memblock and the checker that holds memblock to it.
 *
 *   model: the 4 GiB line cut at every address any call mentioned, each
 *          piece with three bits (memory, NOMAP, reserved)
 *
 *     0          base0      end0     base1   end1                    4 GiB
 *     |----------|==========|--------|=======|------------------------|
 *      -          mem        -        mem+rsv  -
 *
 * The model knows nothing of regions, arrays or merging: memblock's lists
 * must equal the maximal runs of the model exactly (the canonical form:
 * sorted, disjoint, merged where flags are equal). mb_model.c is the model;
 * mb_check.c the oracle (where an allocation or a grown array must go) and
 * settle(), which decides whether a call did one of the allowed things.
 */
#ifndef _MB_MODEL_H
#define _MB_MODEL_H

#include "fuzz.h"

#define SIM_SIZE        (16u << 20)     /* simulated lowmem: phys [0, 16 MiB) */
#define PAGE            4096u
#define TOP             (1ull << 32)    /* the model's end: 4 GiB */
#define RBYTES          sizeof(struct memblock_region)
#define MAXPTS          8192            /* model pieces */
#define MAXRGN          4096            /* regions in a list */

enum { S_MEM = 1, S_NOMAP = 2, S_RSV = 4 };

/* Pieces [pt[i], pt[i+1]) for i < n, state st[i]; pt[0] = 0, pt[n] = 4 GiB. */
struct model {
	int n;
	u64 pt[MAXPTS + 1];
	u8 st[MAXPTS];
};

/* One run of the model, as memblock should list it. */
struct rgn {
	u64 base, end;
	unsigned int flags;
};

/* ---- the model (mb_model.c) ---- */
void m_reset(struct model *m);
void m_copy(struct model *dst, const struct model *src);
int m_find(const struct model *m, u64 x);
void m_update(struct model *m, u64 lo, u64 hi, u8 cmask, u8 cval, u8 clear, u8 set);
int m_runs(const struct model *m, u8 want_mask, u8 want_val, u8 key_mask, struct rgn *out);
bool m_all(const struct model *m, u64 lo, u64 hi, u8 mask, u8 val);
unsigned long m_holes(const struct model *m, u64 lo, u64 hi, u8 b);

#define RUNS_MEMORY(m, out)     m_runs(m, S_MEM, S_MEM, S_NOMAP, out)
#define RUNS_RESERVED(m, out)   m_runs(m, S_RSV, S_RSV, 0, out)
#define RUNS_FREE(m, out)       m_runs(m, S_MEM | S_NOMAP | S_RSV, S_MEM, 0, out)
#define RUNS_FREE_NOMAP(m, out) m_runs(m, S_MEM | S_RSV, S_MEM, S_NOMAP, out)
#define RUNS_MAPMEM(m, out)     m_runs(m, S_MEM | S_NOMAP, S_MEM, 0, out)

/* ---- the checker's state (mb_check.c) ---- */
extern struct model M;                  /* memblock as it must be now */
extern struct rgn rl[MAXRGN];           /* scratch runs for callers */
extern bool can_resize;                 /* memblock_allow_resize() was called */
extern const struct memblock_region *static_regions[2];  /* memory, reserved */
extern unsigned long calls;             /* memblock calls made by this input */

/* ---- the oracle and the verdict (mb_check.c) ---- */
enum room { ROOM_NO, ROOM_YES, ROOM_MAYBE };
typedef void (*effect_fn)(struct model *m, u64 a, u64 b);

u64 array_bytes(unsigned long max);
u64 o_find(const struct model *m, u64 size, u64 align, u64 start, u64 end);
u64 o_double(const struct model *m, const struct memblock_type *t, u64 area, u64 area_size);
enum room room_for(const struct model *m, struct memblock_type *t, unsigned long need,
		   u64 area, u64 area_size);
/* The grown array list w (0 memory, 1 reserved) of mb uses, in *pa and
 * *bytes; false while it is still the static one. */
bool live_array(const struct memblock *mb, int w, u64 *pa, u64 *bytes);
/* Does [lo, hi) touch a grown array in use? */
bool hits_live_array(u64 lo, u64 hi);

/*
 * Before a call: note what it is (for reports), remember the model and
 * memblock as they were, count it. After it: settle(), which returns
 * true if memblock did @effect on [a, b) (allowed unless @room is NO),
 * false if it failed cleanly (allowed unless @room is YES), and otherwise
 * reports the difference and aborts.
 */
void begin_call(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
bool settle(enum room room, effect_fn effect, u64 a, u64 b, u64 want_mem, u64 want_rsv);

void e_none(struct model *m, u64 a, u64 b);
void e_add(struct model *m, u64 a, u64 b);
void e_remove(struct model *m, u64 a, u64 b);
void e_reserve(struct model *m, u64 a, u64 b);
void e_free(struct model *m, u64 a, u64 b);
void e_nomap(struct model *m, u64 a, u64 b);
void e_clear(struct model *m, u64 a, u64 b);
void e_cut_above(struct model *m, u64 a, u64 b);
void e_cap(struct model *m, u64 a, u64 b);

/* Reset memblock, the model and the state for a new input. */
void mb_check_reset(void);

/* ---- read-only checks against the model (mb_queries.c) ---- */
/* memblock_is_memory() and the other questions, about x and [x, +size). */
void check_queries(phys_addr_t x, phys_addr_t size);
/* Every for_each_*_range iterator yields exactly the model's runs. */
void check_iterators(void);
/* The debugfs files parse back into the lists; memblock_dump_all's lines. */
void check_dumps(void);

#endif
