/*
 * tests/host/lib/lowmem.c - the simulated lowmem at PAGE_OFFSET (see
 * host/lowmem.h), shared by sim.c, the fuzz targets and the benchmarks.
 *
 * The host programs are armhf binaries (ARM EABI, ILP32: the kernel's own
 * ABI), run by qemu-arm on an x86-64 machine or natively on an ARM one with
 * a 64-bit kernel. Either way the whole 4 GiB is user space, so the
 * simulated RAM can sit at PAGE_OFFSET (0xc0000000) itself.
 *
 * AddressSanitizer does not assume that. At start-up it gives itself the
 * top gigabyte only if something writable is mapped there already, or the
 * machine name says 64-bit; under qemu-arm neither holds (the guest says
 * armv7l), so its layout, like a 3G/1G ARM kernel's user space, ends at
 * 0xbfffffff. (Its 4 GiB layout is no way out either: that puts the shadow
 * at 0x20000000-0x3fffffff, where qemu-arm has already loaded the libraries.)
 * An instrumented load or store at address A still reads the shadow byte at
 * (A >> 3) + ASAN_SHADOW_OFFSET: for lowmem, 0x38000000 and up, which ASan
 * counts as ordinary memory and leaves unmapped. So we map that shadow
 * ourselves, zeroed: "every byte addressable", which is all ASan could say
 * about one big mmap anyway (it has no redzones inside it).
 *
 * Two more consequences:
 * - ASan's memset/memcpy/memcmp wrappers reject addresses outside its
 *   layout, so __asan_default_options() turns them off (replace_intrin,
 *   intercept_memcmp); the compiler's instrumented loads and stores still
 *   check every access.
 * - qemu-arm hands out mmap space top-down from 0x40000000 and never goes
 *   back up to reuse what was unmapped; when it reaches the bottom it starts
 *   again at the top of the 4 GiB, above lowmem, outside ASan's layout, and
 *   ASan's next large block stops it with a CHECK. So all that ARM's
 *   kernel keeps above user space, [TASK_SIZE = MODULES_VADDR, 0xffff0000),
 *   is reserved (PROT_NONE) as it is on the target: the simulated lowmem
 *   is mapped inside the reservation, and qemu's second pass comes down
 *   into [0x40000000, MODULES_VADDR), which ASan covers.
 */
#define _GNU_SOURCE
#include <host/lowmem.h>
#include <asm/memory.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <linux/vm_event_item.h>

/*
 * /proc/vmstat's event counters live in mm/vmstat.c, which few host
 * programs link, while mm/page_alloc.c (pgalloc_*, pgfree) and the fault
 * path (pgfault) count into them. Every host program links this file, so
 * the counters are defined here, weak: a program that links or includes
 * mm/vmstat.c, or defines them itself, has its own.
 */
unsigned long vm_event_states[NR_VM_EVENT_ITEMS] __attribute__((weak));

/* GCC says -fsanitize=address with a macro, clang with __has_feature. */
#if defined(__SANITIZE_ADDRESS__)
#define HOST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HOST_ASAN 1
#endif
#endif

static bool lowmem_reserved;

static void *map_at(unsigned long addr, size_t len, int prot, int flags)
{
	return mmap((void *)addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | flags,
		    -1, 0);
}

static void __attribute__((noreturn)) map_failed(const char *who, const char *what,
						   unsigned long addr, size_t len, void *p)
{
	fprintf(stderr, "%s: cannot map %s at 0x%lx (%zu bytes): %s\n", who, what, addr, len,
		p == MAP_FAILED ? strerror(errno) : "placed elsewhere");
	exit(2);
}

#ifdef HOST_ASAN
#include <sanitizer/asan_interface.h>

/* compiler-rt's and GCC's kDefaultShadowOffset32 for 32-bit ARM Linux. */
#define ASAN_SHADOW_OFFSET  0x20000000u
#define ASAN_SHADOW_SCALE   3
/* qemu-arm's commpage (the vectors page) is the first page above. */
#define TOP_RESERVED_END    0xffff0000ul

const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "replace_intrin=0:intercept_memcmp=0";
}

/*
 * Runs after ASan's own start-up, before main() and the first big
 * allocations: map the shadow of [PAGE_OFFSET, PAGE_OFFSET +
 * HOST_LOWMEM_MAX) and reserve the kernel's part of the address space.
 */
__attribute__((constructor(101)))
static void lowmem_asan_init(void)
{
	unsigned long shadow = (PAGE_OFFSET >> ASAN_SHADOW_SCALE) + ASAN_SHADOW_OFFSET;
	size_t len = HOST_LOWMEM_MAX >> ASAN_SHADOW_SCALE;
	void *p;

	/* ASan's layout already covers the top gigabyte: its shadow is there. */
	if (!__asan_region_is_poisoned((void *)PAGE_OFFSET, 1))
		return;
	p = map_at(shadow, len, PROT_READ | PROT_WRITE, MAP_FIXED_NOREPLACE);
	if (p != (void *)shadow)
		map_failed("host lowmem", "the ASan shadow of lowmem", shadow, len, p);
	p = map_at(MODULES_VADDR, TOP_RESERVED_END - MODULES_VADDR, PROT_NONE,
		   MAP_FIXED_NOREPLACE);
	if (p != (void *)MODULES_VADDR)
		map_failed("host lowmem", "the kernel's part of the address space", MODULES_VADDR,
			   TOP_RESERVED_END - MODULES_VADDR, p);
	lowmem_reserved = true;
}
#endif

static u32 lowmem_size;

void host_lowmem_map(const char *who, u32 size)
{
	void *p;

	if (size > HOST_LOWMEM_MAX) {
		fprintf(stderr, "%s: simulated lowmem of %u bytes is over HOST_LOWMEM_MAX (%u)\n",
			who, size, HOST_LOWMEM_MAX);
		exit(2);
	}
	p = map_at(PAGE_OFFSET, size, PROT_READ | PROT_WRITE,
		   lowmem_reserved ? MAP_FIXED : MAP_FIXED_NOREPLACE);
	if (p != (void *)PAGE_OFFSET)
		map_failed(who, "the simulated lowmem", PAGE_OFFSET, size, p);
	lowmem_size = size;
}

/* Inside the reservation, "unmapped" means back to PROT_NONE, pages dropped. */
void host_lowmem_unmap(void)
{
	if (!lowmem_size)
		return;
	if (lowmem_reserved)
		map_at(PAGE_OFFSET, lowmem_size, PROT_NONE, MAP_FIXED);
	else
		munmap((void *)PAGE_OFFSET, lowmem_size);
	lowmem_size = 0;
}
