/*
 * host/sim.h - what the host unit tests put under the real kernel sources:
 * a simulated physical RAM mapped at PAGE_OFFSET in this (armhf) test
 * process, so __va()/__pa() are the kernel's own arithmetic and every
 * pointer the code derives really points into the simulation; and printk /
 * panic stand-ins that tests can read and catch.
 */
#ifndef _HOST_SIM_H
#define _HOST_SIM_H

#include <linux/types.h>
#include <setjmp.h>

/*
 * Map lowmem_size bytes of zeroed "RAM" whose physical base is phys_offset
 * at virtual PAGE_OFFSET, and set __pv_offset/__pv_phys_pfn_offset as
 * head.S would. Calling it again starts from a fresh, zeroed RAM.
 */
void sim_ram_init(phys_addr_t phys_offset, u32 lowmem_size);
/* Unmap it (tests that want to check nothing leaked). */
void sim_ram_free(void);

/* Everything printk wrote since the last sim_log_clear(). */
const char *sim_log(void);
void sim_log_clear(void);

/*
 * Catch a panic: SIM_EXPECT_PANIC(stmt) runs stmt and evaluates to 1 if it
 * called panic() (whose message is then in sim_panic_msg), else 0. An
 * unexpected panic fails the running cmocka test.
 */
extern jmp_buf *sim_panic_jmp;
extern char sim_panic_msg[256];
#define SIM_EXPECT_PANIC(stmt) ({                                 \
	jmp_buf _jb; int _hit = 0;                                   \
	sim_panic_jmp = &_jb;                                        \
	if (setjmp(_jb) == 0) { stmt; } else { _hit = 1; }           \
	sim_panic_jmp = NULL;                                        \
	_hit; })

#endif
