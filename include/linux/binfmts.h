/*
 * linux/binfmts.h - exec (Linux: include/linux/binfmts.h; fs/exec.c,
 * fs/binfmt_elf.c). Owned by fs/exec.c; this first version only states the
 * entry point the console (kernel/shell_jobs.c) calls.
 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

struct task_struct;

/*
 * Load the program filename from the archive into p, a task from
 * create_task() that has not run: a new mm (p->mm), p->comm, the user
 * stack with argv/envp/auxv, and p's user registers (start_thread on
 * task_pt_regs(p)). 0, or -ENOENT, -ENOEXEC, -ENOMEM, ...
 */
int kernel_execve_task(struct task_struct *p, const char *filename,
		       const char *const *argv, const char *const *envp);

#endif
