/* linux/types.h - kernel integer types (Linux: include/linux/types.h). */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

typedef uint8_t  u8;
typedef uint16_t u16;
typedef uint32_t u32;
/* long long, as Linux's int-ll64.h on every architecture: %llx prints it. */
typedef unsigned long long u64;
typedef int8_t   s8;
typedef int16_t  s16;
typedef int32_t  s32;
typedef long long s64;

/*
 * Physical and virtual addresses never share a type (style.md rule 10):
 * phys_addr_t for PAs, pointers or unsigned long for VAs. Non-LPAE: 32 bits.
 */
typedef u32 phys_addr_t;

#endif
