/*
 * linux/binfmts.h - a program being exec'ed (Linux: include/linux/binfmts.h,
 * the stack limits of include/uapi/linux/binfmts.h and resource.h).
 *
 * Linux execs in the process itself: after exec_mmap, current->mm is the
 * new mm and put_user() writes the new stack. armmm execs from the console
 * (current = init_task) into a task that has not run yet, so every write
 * into the new address space goes through get_user_pages_remote() +
 * kmap_local_page() (copy_to_new_mm and friends, fs/exec.c), as Linux's
 * own copy_strings() already does for the argument pages.
 *
 * The new stack as exec leaves it (highest address first, Linux's layout):
 *
 *   STACK_TOP = 0xbf000000
 *     4 bytes of zero                     (bprm->p started at STACK_TOP - 4)
 *     the file name, NUL                  <- bprm->exec  (AT_EXECFN)
 *     envp strings, NUL each              <- mm->env_start .. env_end
 *     argv strings, NUL each              <- mm->arg_start .. arg_end
 *     "v7l\0"                              (AT_PLATFORM; below a 16-byte align)
 *     16 random bytes                     (AT_RANDOM)
 *     auxv pairs ... AT_NULL, 0
 *     NULL, envp[envc-1] .. envp[0]
 *     NULL, argv[argc-1] .. argv[0]
 *     argc                                <- sp, 16-byte aligned = mm->start_stack
 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>
#include <linux/mm.h>

struct task_struct;
struct file;

#define MAX_ARG_STRLEN  (PAGE_SIZE * 32)        /* one string, its NUL included */
#define MAX_ARG_STRINGS 0x7fffffff
#define ARG_MAX         131072                  /* the floor of the strings' limit */
#define _STK_LIM        (8 * 1024 * 1024)       /* RLIMIT_STACK's default: 8 MiB */

/* PT_GNU_STACK's verdict (Linux: EXSTACK_*) */
#define EXSTACK_DEFAULT   0     /* no PT_GNU_STACK: whatever the arch wants */
#define EXSTACK_DISABLE_X 1
#define EXSTACK_ENABLE_X  2

/* The stack VMA's flags until setup_arg_pages (Linux: mm.h). */
#ifndef VM_SEQ_READ
#define VM_SEQ_READ     0x00008000UL
#define VM_RAND_READ    0x00010000UL
#endif
#define VM_STACK_INCOMPLETE_SETUP (VM_RAND_READ | VM_SEQ_READ)

struct linux_binprm {
	struct vm_area_struct *vma;     /* the stack while it is built */
	struct mm_struct *mm;           /* the new address space */
	struct task_struct *task;       /* the process it is for (not current) */
	unsigned long p;                /* the lowest byte written on the stack so far */
	unsigned long stack_top;        /* the stack VMA's end: randomize_stack_top(STACK_TOP) */
	unsigned long argmin;           /* p may not go below this (1/4 of the rlimit) */
	unsigned long exec;             /* where the file name went (AT_EXECFN) */
	unsigned long rlim_stack_cur;   /* RLIMIT_STACK: _STK_LIM */
	struct file *file;
	const char *filename;           /* as given: "/bin/hello" */
	const char *const *argv, *const *envp;  /* the caller's strings */
	int argc, envc;
	bool read_implies_exec;         /* Linux's READ_IMPLIES_EXEC personality */
};

/*
 * kernel_execve_task - load the program at filename into the new task p
 * (from create_task, never run) with argv/envp (NULL-terminated arrays of
 * kernel strings): a new mm with the ELF's segments, [sigpage] and the
 * stack, p->comm, and p's user registers (start_thread). p does not run:
 * the caller schedules it. Returns 0, or -ENOENT (no such file), -ENOEXEC
 * (not a static ARM EABI ELF executable; a message says why), -E2BIG,
 * -ENOMEM, -EFAULT, -EINVAL; on an error p->mm is untouched and nothing
 * is leaked.
 */
int kernel_execve_task(struct task_struct *p, const char *filename,
		       const char *const *argv, const char *const *envp);

/* The same with a file already open (any struct file whose f_inode holds
 * the bytes: the self-tests exec corrupted copies of a program this way). */
int kernel_execve_file(struct task_struct *p, struct file *file, const char *filename,
		       const char *const *argv, const char *const *envp);

/* fs/binfmt_elf.c */
int load_elf_binary(struct linux_binprm *bprm);

/* fs/exec.c, for binfmt_elf.c */
void setup_new_exec(struct linux_binprm *bprm);
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_top, int executable_stack);

/*
 * Access to an mm that is not current's: through get_user_pages_remote
 * (FOLL_FORCE | FOLL_WRITE for the writes), each page kmap_local'ed.
 * Return 0 or -EFAULT/-ENOMEM. Faults they cause are counted as Linux
 * counts a GUP fault (regs NULL).
 */
int copy_to_new_mm(struct mm_struct *mm, unsigned long addr, const void *src, size_t n);
int copy_from_new_mm(struct mm_struct *mm, void *dst, unsigned long addr, size_t n);
int clear_new_mm(struct mm_struct *mm, unsigned long addr, size_t n);

#endif
