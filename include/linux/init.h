/*
 * linux/init.h - boot-only code and data live in their own sections so the
 * linker map shows them (.init.text / .init.data, between _sinittext and
 * __init_end). Nothing frees them yet.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H
#include <linux/compiler.h>

#define __init      __section(".init.text")
#define __initdata  __section(".init.data")
#define __initconst __section(".init.rodata")

#endif
