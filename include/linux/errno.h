/*
 * linux/errno.h - error numbers, with Linux's values (Linux:
 * include/uapi/asm-generic/errno-base.h). Functions return them negated:
 * 0 on success, -ENOMEM when out of memory.
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define EPERM   1       /* Operation not permitted */
#define ENOENT  2       /* No such file or directory */
#define ESRCH   3       /* No such process */
#define EINTR   4       /* Interrupted system call */
#define E2BIG   7       /* Argument list too long */
#define ENOEXEC 8       /* Exec format error */
#define EBADF   9       /* Bad file number */
#define ECHILD  10      /* No child processes */
#define ENOMEM  12      /* Out of memory */
#define EACCES  13      /* Permission denied */
#define EFAULT  14      /* Bad address */
#define EBUSY   16      /* Device or resource busy */
#define EEXIST  17      /* File exists */
#define ENODEV  19      /* No such device */
#define EINVAL  22      /* Invalid argument */
#define ERANGE  34      /* Math result not representable */
#define ENOSYS  38      /* Function not implemented */
#define EOVERFLOW 75    /* Value too large for defined data type */

#endif
