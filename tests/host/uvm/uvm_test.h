/*
 * tests/host/uvm/uvm_test.h - the simulated board of the uvm suite.
 *
 *   phys 0x60000000  32 MiB lowmem at PAGE_OFFSET (host/sim.h)
 *   phys 0x62000000   8 MiB ZONE_HIGHMEM: no linear mapping; its bytes live
 *                     in a host buffer that kmap_local_page() hands out and
 *                     the walker's read_phys() reads
 *
 * User PTE pages (GFP_PGTABLE_USER has __GFP_HIGHMEM) and user pages
 * (GFP_HIGHUSER_MOVABLE) come from HighMem first, as on a 1 GiB board.
 */
#ifndef _UVM_TEST_H
#define _UVM_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <host/sim.h>
#include <host/walker.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/sched.h>

#define RAM_BASE      0x60000000u
#define LOWMEM_SIZE   (32u << 20)
#define HIGHMEM_SIZE  (8u << 20)
#define HIGHMEM_BASE  (RAM_BASE + LOWMEM_SIZE)

extern struct task_struct uvm_task;

/* Fresh RAM, allocators, zero page, swapper_pg_dir (cmocka setup). */
int uvm_setup(void **state);
int uvm_teardown(void **state);

/* Walk va in mm's tables as the MMU would. */
bool uvm_walk(struct mm_struct *mm, unsigned long va, struct hw_walk *w);
/* A 32-bit word of physical memory, lowmem or HighMem. */
uint32_t uvm_read_phys(uint32_t pa);
/* kmap_local mappings held now (must be 0 between operations). */
extern int uvm_kmap_depth;
/* The TLB invalidates by MVA since the last uvm_tlb_clear (operand: MVA | ASID). */
extern unsigned long uvm_tlbi[64];
extern int uvm_ntlbi;
void uvm_tlb_clear(void);
/* A file of the "archive": n bytes, byte i = (i * 7 + i / 4096) & 0xff. */
struct file *uvm_file(unsigned long size);

#endif
