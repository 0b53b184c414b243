/*
 * usr/spread.c - /bin/spread <n>: n user PTE pages. One ARM Linux PTE
 * page covers 2 MiB (a pair of 1 MiB first-level entries, Linux:
 * arch/arm/include/asm/pgtable-2level.h), so one touched page in each of
 * n consecutive 2 MiB windows makes handle_mm_fault allocate n of them
 * (__pte_alloc): what the HighPTE and page-table accounting tests count.
 */
#include "lib/usr.h"

#define SZ_2M	(2UL << 20)

int main(int argc, char **argv, char **envp)
{
	volatile unsigned char *base;
	long n, i;

	if (argc != 2) {
		printf("usage: spread <n>\n");
		return 2;
	}
	n = parse_long("spread", argv[1]);
	if (n < 1 || n > 512) {
		printf("spread: n must be 1..512\n");
		return 2;
	}
	base = sys_mmap2(NULL, n * SZ_2M, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (IS_ERR_VALUE(base)) {
		printf("spread: mmap failed: %ld\n", (long)base);
		return 1;
	}
	/* base + i * 2 MiB lie in n different 2 MiB-aligned windows */
	for (i = 0; i < n; i++)
		base[i * SZ_2M] = 1;
	printf("spread: %ld regions at 0x%lx\n", n, (unsigned long)base);
	stop_self();
	return 0;
}
