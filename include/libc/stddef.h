/* stddef.h - freestanding; see stdint.h for why the kernel has its own. */
#ifndef _LIBC_STDDEF_H
#define _LIBC_STDDEF_H

typedef unsigned int size_t;     /* the AAPCS type: 'unsigned int' */
typedef int          ptrdiff_t;
#define NULL ((void *)0)
#define offsetof(type, member) __builtin_offsetof(type, member)

#endif
