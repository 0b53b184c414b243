/*
 * linux/random.h - the kernel's random numbers (drivers/char/random.c:
 * no entropy source, see there). Linux: include/linux/random.h.
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

void get_random_bytes(void *buf, size_t n);
u32 get_random_u32(void);
unsigned long get_random_long(void);

#endif
