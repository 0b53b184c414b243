/* stdbool.h - freestanding C11 booleans. */
#ifndef _LIBC_STDBOOL_H
#define _LIBC_STDBOOL_H
#define bool  _Bool
#define true  1
#define false 0
#endif
