/*
 * linux/errno.h - error numbers, with Linux's values (Linux:
 * include/uapi/asm-generic/errno-base.h). Functions return them negated:
 * 0 on success, -ENOMEM when out of memory.
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define ENOMEM  12      /* Out of memory */
#define EINVAL  22      /* Invalid argument */
#define ERANGE  34      /* Math result not representable */

#endif
