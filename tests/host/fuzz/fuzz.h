/*
 * tests/host/fuzz/fuzz.h - what every libFuzzer target here shares: the
 * printk/panic the kernel sources call, a simulated RAM at PAGE_OFFSET
 * (as host/sim.h, but without cmocka), one failure path that prints the
 * target's context, a reader for the fuzz bytes, and memblock's invariants
 * that hold whatever the calls were.
 */
#ifndef _FUZZ_H
#define _FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/types.h>
#include <linux/memblock.h>

/* The last line printk formatted and how many there were (dump checks). */
extern char fuzz_log_line[1024];
extern unsigned long fuzz_log_count;

/*
 * Map size bytes of zeroed RAM at PAGE_OFFSET whose physical base is
 * phys, and set the pv offsets as head.S would. Once per process: a
 * fuzzer reuses it for every input (each target resets what it uses).
 */
void fuzz_ram_init(phys_addr_t phys, u32 size);

/*
 * A broken invariant: print why, then the target's context (fuzz_report,
 * if set), and abort so libFuzzer saves the input.
 */
extern void (*fuzz_report)(void);
void fuzz_fail(const char *why, ...) __attribute__((noreturn, format(printf, 1, 2)));
#define CHECK(cond, ...) do { if (!(cond)) fuzz_fail(__VA_ARGS__); } while (0)

/* The fuzz bytes, read front to back; past the end every read is 0. */
struct input {
	const u8 *p;
	size_t n;
};
u8 g8(struct input *in);
u32 g16(struct input *in);
u32 g32(struct input *in);

/*
 * The invariants of one memblock list, with no model: cnt within max, max
 * a power of two, a grown array (not init_regions) page aligned inside
 * lowmem [0, lowmem_end), regions non-empty, sorted, disjoint, merged
 * where flags are equal, reserved without flags, total_size their sum; or
 * the empty list's one zero dummy.
 */
void fuzz_check_memblock_type(const struct memblock_type *t, bool is_memory,
			      const struct memblock_region *init_regions, u64 lowmem_end);
void fuzz_dump_memblock_type(const struct memblock_type *t);

#endif
