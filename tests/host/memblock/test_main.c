/*
 * tests/host/memblock - mm/memblock.c on the host, one file per API family:
 *
 *   test_add.c      memblock_add: merging, overlaps, 4 GiB clamp
 *   test_remove.c   memblock_remove / memblock_phys_free: splitting
 *   test_reserve.c  memblock_reserve and the reserved-range questions
 *   test_nomap.c    NOMAP marking, the iterators, allocation around NOMAP
 *   test_alloc.c    memblock_phys_alloc* / memblock_alloc: placement, failure
 *   test_resize.c   full arrays before and after memblock_allow_resize()
 *   test_limit.c    mem= (enforce_memory_limit, cap_memory_range), limits
 *   test_dump.c     the debugfs files, memblock_dump_all, memblock=debug
 *
 * This file holds main() and the helpers they share (memblock_test.h).
 */
#include <stdio.h>
#include "memblock_test.h"

int memblock_test_setup(void **state)
{
	(void)state;
	memblock_reset_for_test();
	sim_ram_init(RAM_BASE, RAM_SIZE);
	sim_log_clear();
	return 0;
}

void check_regions(const struct memblock_type *type,
		   const struct memblock_region *exp, size_t n,
		   const char *file, int line)
{
	phys_addr_t total = 0;
	size_t i;

	_assert_int_equal(type->cnt, n, file, line);
	for (i = 0; i < n; i++) {
		_assert_int_equal(type->regions[i].base, exp[i].base, file, line);
		_assert_int_equal(type->regions[i].size, exp[i].size, file, line);
		_assert_int_equal(type->regions[i].flags, exp[i].flags, file, line);
		total += exp[i].size;
	}
	_assert_int_equal(type->total_size, total, file, line);
}

void memblock_snapshot_take(struct memblock_snapshot *s)
{
	s->mb = memblock;
	assert_true(memblock.memory.cnt <= ARRAY_SIZE(s->memory));
	assert_true(memblock.reserved.cnt <= ARRAY_SIZE(s->reserved));
	memcpy(s->memory, memblock.memory.regions,
	       memblock.memory.cnt * sizeof(struct memblock_region));
	memcpy(s->reserved, memblock.reserved.regions,
	       memblock.reserved.cnt * sizeof(struct memblock_region));
}

void memblock_snapshot_assert_same(const struct memblock_snapshot *s,
				   const char *file, int line)
{
	_assert_true(memcmp(&s->mb, &memblock, sizeof(memblock)) == 0,
		     "struct memblock unchanged", file, line);
	_assert_true(memcmp(s->memory, memblock.memory.regions,
			    memblock.memory.cnt * sizeof(struct memblock_region)) == 0,
		     "memory regions unchanged", file, line);
	_assert_true(memcmp(s->reserved, memblock.reserved.regions,
			    memblock.reserved.cnt * sizeof(struct memblock_region)) == 0,
		     "reserved regions unchanged", file, line);
}

bool log_has_line(const char *line)
{
	const char *log = sim_log(), *p;

	for (p = log; (p = strstr(p, line)) != NULL; p++)
		if (p == log || p[-1] == '\n')
			return true;
	return false;
}

int main(void)
{
	int failed = 0;

	failed += memblock_add_group();
	failed += memblock_remove_group();
	failed += memblock_reserve_group();
	failed += memblock_nomap_group();
	failed += memblock_alloc_group();
	failed += memblock_resize_group();
	failed += memblock_limit_group();
	failed += memblock_dump_group();
	sim_ram_free();
	return failed ? 1 : 0;
}
