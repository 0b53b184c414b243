/*
 * stdint.h - freestanding fixed-width integers for the kernel and libfdt.
 *
 * Why our own: arm-none-eabi's <stdint.h> (gcc and newlib alike) makes
 * int32_t a 'long'. libfdt (fdt.c) and our printk formats assume int32_t is
 * 'int', as on every Linux ABI, so we build with -nostdinc and this file.
 */
#ifndef _LIBC_STDINT_H
#define _LIBC_STDINT_H

typedef signed char        int8_t;
typedef unsigned char      uint8_t;
typedef short              int16_t;
typedef unsigned short     uint16_t;
typedef int                int32_t;
typedef unsigned int       uint32_t;
typedef long long          int64_t;
typedef unsigned long long uint64_t;
typedef long               intptr_t;
typedef unsigned long      uintptr_t;
typedef long long          intmax_t;
typedef unsigned long long uintmax_t;

#define INT8_MAX    127
#define INT16_MAX   32767
#define INT32_MAX   2147483647
#define INT32_MIN   (-INT32_MAX - 1)
#define INT64_MAX   9223372036854775807LL
#define UINT8_MAX   255
#define UINT16_MAX  65535
#define UINT32_MAX  4294967295U
#define UINT64_MAX  18446744073709551615ULL
#define SIZE_MAX    UINT32_MAX
#define UINTPTR_MAX UINT32_MAX

_Static_assert(sizeof(void *) == 4, "this stdint.h is for ILP32 ARM");

#endif
