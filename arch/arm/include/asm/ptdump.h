/* asm/ptdump.h - the kernel_page_tables dump (arch/arm/mm/dump.c). */
#ifndef _ASM_PTDUMP_H
#define _ASM_PTDUMP_H

struct seq_file;

/* /sys/kernel/debug/kernel_page_tables, Linux 6.1's format. */
int ptdump_show(struct seq_file *m, void *unused);
/* With ptdump=phases: the tables at one step of boot, in the kernel log
 * after "ptdump: page tables <title>:" (dump.c). */
void ptdump_phase(const char *title);
extern bool ptdump_phases;

/*
 * The W+X walk of arch/arm/mm/dump.c (Linux's ptdump_check_wx), and
 * debug_checkwx, which mark_rodata_ro calls when CONFIG_DEBUG_WX is set.
 */
void ptdump_check_wx(void);
#ifdef CONFIG_DEBUG_WX
#define debug_checkwx() ptdump_check_wx()
#else
#define debug_checkwx() do { } while (0)
#endif

#endif
