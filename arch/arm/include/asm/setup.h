/* asm/setup.h - what setup_arch leaves for the rest of the kernel. */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H
#include <linux/types.h>

#define COMMAND_LINE_SIZE 1024
extern char boot_command_line[COMMAND_LINE_SIZE];
extern u32 __machine_arch_type;

void setup_arch(char **cmdline_p);
/* Print the non-zero swapper_pg_dir entries, one line each, through out:
 * printk for the banner, con_printf for `pgd` (its output is not kernel log). */
void show_swapper_pg_dir(const char *title, int (*out)(const char *fmt, ...));

/* The L1 entries head.S built, as setup_arch found them. */
#define HEAD_PGD_MAX 16
struct head_pgd_entry {
	unsigned int index;
	u32 desc;
};
extern struct head_pgd_entry head_pgd[HEAD_PGD_MAX];
extern int head_pgd_count;

#endif
