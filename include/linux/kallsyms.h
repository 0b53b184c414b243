/*
 * linux/kallsyms.h - the kernel's own symbol table (Linux:
 * include/linux/kallsyms.h, kernel/kallsyms.c), built into the image at
 * link time by scripts/kallsyms (see the Makefile's vmlinux rule). Code
 * symbols only: what the oops, %pS and the `sym` command look up.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN     128
/* "name+0xoff/0xsize" with room for the numbers (Linux KSYM_SYMBOL_LEN). */
#define KSYM_SYMBOL_LEN   (KSYM_NAME_LEN + 2 * 11 + 3)

/*
 * The symbol addr lies in: its name (copied into namebuf), its size and
 * addr's offset in it; NULL if addr is in no function we know. modname is
 * always NULL (no modules), as Linux leaves it for the kernel itself.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, char **modname, char *namebuf);
/* "name+0xoff/0xsize", or "0x%08lx" for an address in no symbol; its length. */
int sprint_symbol(char *buffer, unsigned long address);
/* Only the name, or "0x%08lx" (%ps). */
int sprint_symbol_no_offset(char *buffer, unsigned long address);
/* The address of the symbol called name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);

#endif
