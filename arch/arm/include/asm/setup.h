/* asm/setup.h - what setup_arch leaves for the rest of the kernel. */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H
#include <linux/types.h>

#define COMMAND_LINE_SIZE 1024
extern char boot_command_line[COMMAND_LINE_SIZE];
extern u32 __machine_arch_type;

void setup_arch(char **cmdline_p);
/* Print the non-zero swapper_pg_dir entries, one line each (banner, `pgd`). */
void show_swapper_pg_dir(const char *title);

#endif
