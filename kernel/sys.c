/*
 * kernel/sys.c - sys_getpid (Linux: kernel/sys.c). One thread per process
 * and no pid namespaces: the thread group id is the pid.
 */
#include <linux/sched.h>
#include <linux/syscalls.h>

long sys_getpid(void)
{
	return current->pid;
}
