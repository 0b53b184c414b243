/*
 * usr/zero.c - /bin/zero: the zero page (Linux: mm/memory.c
 * do_anonymous_page). A read of a fresh anonymous page maps the shared
 * zero page read-only; the write after it takes a write-protect fault
 * (do_wp_page) that gives the process its own page. The program stops
 * after each step so a test can look at the PTE and /proc in between.
 */
#include "lib/usr.h"

int main(int argc, char **argv, char **envp)
{
	volatile unsigned int *p;

	p = sys_mmap2(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (IS_ERR_VALUE(p)) {
		printf("zero: mmap failed: %ld\n", (long)p);
		return 1;
	}
	printf("zero: read %u at 0x%lx\n", *p, (unsigned long)p);
	stop_self();
	*p = 1;
	printf("zero: wrote 1 at 0x%lx\n", (unsigned long)p);
	stop_self();
	return 0;
}
