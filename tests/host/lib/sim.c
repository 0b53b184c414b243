/*
 * tests/host/lib/sim.c - simulated RAM and printk/panic for host tests
 * (see host/sim.h). Linked into every host test suite.
 */
#define _GNU_SOURCE
#include <host/sim.h>
#include <host/lowmem.h>
#include <asm/memory.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

unsigned long __pv_phys_pfn_offset;
unsigned long __pv_offset;

void sim_ram_free(void)
{
	host_lowmem_unmap();
}

void sim_ram_init(phys_addr_t phys_offset, u32 lowmem_size)
{
	host_lowmem_unmap();
	host_lowmem_map("sim", lowmem_size);
	__pv_phys_pfn_offset = phys_offset >> PAGE_SHIFT;
	__pv_offset = phys_offset - PAGE_OFFSET;
}

static char log_buf[1 << 16];
static size_t log_len;

const char *sim_log(void)
{
	return log_buf;
}

void sim_log_clear(void)
{
	log_len = 0;
	log_buf[0] = '\0';
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(log_buf + log_len, sizeof(log_buf) - log_len, fmt, ap);
	va_end(ap);
	if (n > 0)
		log_len = log_len + n < sizeof(log_buf) ? log_len + n : sizeof(log_buf) - 1;
	if (getenv("SIM_VERBOSE"))
		fputs(log_buf + log_len - (n > 0 ? n : 0), stdout);
	return n;
}

jmp_buf *sim_panic_jmp;
char sim_panic_msg[256];

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sim_panic_msg, sizeof(sim_panic_msg), fmt, ap);
	va_end(ap);
	if (sim_panic_jmp)
		longjmp(*sim_panic_jmp, 1);
	fail_msg("unexpected panic: %s", sim_panic_msg);
	abort();
}
