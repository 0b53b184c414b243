/*
 * tests/host/slab/slab_test.h - what the slab test files share: the
 * simulated board, the reset before each test, and invariant checks.
 *
 * The board: 64 MiB of lowmem at 0x60000000 (vexpress-a9's PHYS_OFFSET),
 * all of it ZONE_NORMAL; memblock hands it to the buddy allocator as at
 * boot, then kmem_cache_init() runs, as after mem_init().
 */
#ifndef _SLAB_TEST_H
#define _SLAB_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <host/sim.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define RAM_BASE        0x60000000u
#define RAM_SIZE        0x04000000u     /* 64 MiB */

/* Fresh RAM, memblock, buddy allocator and slab (cmocka setup). */
int slab_test_setup(void **state);

/*
 * Walk every slab of s and check SLUB's invariants: each slab is PGTY_slab,
 * points at s, has s->oo's objects; its freelist holds exactly
 * objects - inuse distinct, valid objects; partial slabs have free objects
 * and full ones none; the node's counts match. Fails the test otherwise.
 * Returns the number of objects in use.
 */
unsigned long check_cache(struct kmem_cache *s);

/* The cache's /proc/slabinfo numbers. */
struct slabinfo cache_info(struct kmem_cache *s);

/* What cmd_* wrote to the console (con_printf stand-in) since last clear. */
extern char con_buf[8192];
void con_clear(void);

/* One group runner per file (test_main.c runs them). */
int run_kmalloc_tests(void);
int run_cache_tests(void);
int run_random_tests(void);

#endif
