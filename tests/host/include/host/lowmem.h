/*
 * host/lowmem.h - the simulated lowmem at PAGE_OFFSET that every host
 * program (cmocka suites, libFuzzer targets, benchmarks) runs the kernel's
 * mm code on, so that __va()/__pa() are the kernel's own arithmetic and
 * every pointer it derives really points into the simulation.
 */
#ifndef _HOST_LOWMEM_H
#define _HOST_LOWMEM_H

#include <linux/types.h>

/* The largest simulated lowmem (the AddressSanitizer shadow is sized for it). */
#define HOST_LOWMEM_MAX  (256u << 20)

/*
 * Map size bytes (at most HOST_LOWMEM_MAX) of zeroed memory at PAGE_OFFSET,
 * or print why not, naming who, and exit(2). The caller unmaps it with
 * host_lowmem_unmap() before mapping again.
 */
void host_lowmem_map(const char *who, u32 size);
void host_lowmem_unmap(void);

#endif
