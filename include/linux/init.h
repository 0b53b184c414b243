/*
 * linux/init.h - boot-only code and data live in their own sections so the
 * linker map shows them (.init.text / .init.data, between _sinittext and
 * __init_end). free_initmem() gives them back once boot is over; with
 * STRICT_KERNEL_RWX, mark_rodata_ro() then makes text and rodata
 * read-only (both arch/arm/mm/init.c).
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H
#include <linux/compiler.h>

#define __init      __section(".init.text")
#define __initdata  __section(".init.data")
#define __initconst __section(".init.rodata")

void free_initmem(void);
void mark_rodata_ro(void);

#endif
