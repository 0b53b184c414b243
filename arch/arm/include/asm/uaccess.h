/*
 * asm/uaccess.h - the kernel reading and writing user memory
 * (Linux: arch/arm/include/asm/uaccess.h, asm/extable.h,
 * include/linux/uaccess.h; arch/arm/lib/uaccess_copy.S and uaccess.c here hold what Linux
 * spreads over copy_from_user.S, copy_to_user.S, clear_user.S and
 * lib/strncpy_from_user.c).
 *
 * Three rules make a user access safe, as in Linux:
 *  1. access_ok(): the whole range lies below TASK_SIZE, so a process
 *     cannot make the kernel touch kernel memory for it;
 *  2. uaccess_save_and_enable()/uaccess_restore(): DOMAIN_USER is opened
 *     in DACR only around the access (asm/domain.h, CPU_SW_DOMAIN_PAN);
 *  3. each instruction that touches user memory has an entry in the
 *     __ex_table section, {insn, fixup}. A fault on it goes the normal way
 *     (arch/arm/mm/fault.c: a VMA -> handle_mm_fault pages it in, and the
 *     instruction runs again); when the address has no mapping the fault
 *     code calls fixup_exception(regs) (arch/arm/mm/extable.c), which
 *     looks the faulting pc up here and resumes at the fixup, which makes
 *     the function return -EFAULT or the bytes not copied.
 *
 * Differences from Linux: the copy loops are plain byte/word loops
 * (Linux's copy_template.S unrolls and prefetches); get_user/put_user are
 * inline asm rather than calls to __get_user_4 and friends.
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <asm/memory.h>
#include <asm/domain.h>

#ifndef TASK_SIZE
/* User space ends at the modules area (VMSPLIT_3G: 0xbf000000). */
#define TASK_SIZE  MODULES_VADDR
#endif

/* One __ex_table entry (Linux's asm/extable.h): absolute addresses. */
struct exception_table_entry {
	unsigned long insn, fixup;
};

/* arch/arm/mm/extable.c: resume a faulting uaccess at its fixup; 1 if found. */
struct pt_regs;
int fixup_exception(struct pt_regs *regs);

/* Open the user domain; the DACR to give back to uaccess_restore. */
static inline unsigned int uaccess_save_and_enable(void)
{
	unsigned int old = get_domain();

	set_domain(DACR_UACCESS_ENABLE);
	return old;
}

static inline void uaccess_restore(unsigned int flags)
{
	set_domain(flags);
}

/* Linux's __range_ok: addr + size <= TASK_SIZE without overflow. */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/* arch/arm/lib/uaccess_copy.S: the loops, the domain already open; each returns
 * the number of bytes NOT copied (0 on success). */
unsigned long arm_copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long arm_copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long arm_clear_user(void __user *addr, unsigned long n);

/*
 * copy_from_user/copy_to_user/clear_user: bytes not copied, 0 when all
 * were. On a partial copy_from_user the rest of the destination is zeroed
 * (Linux's _copy_from_user), so no stale kernel data leaks onward.
 */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
/* The string's length (without its NUL; count if none came within count),
 * or -EFAULT. */
long strncpy_from_user(char *dst, const char __user *src, long count);

/*
 * __get_user_asm / __put_user_asm: one load/store with its table entry.
 * The fixup sets err = -EFAULT (and x = 0 for a load) and jumps back past
 * the access. .text.fixup is gathered into .text by vmlinux.lds.S.
 */
#define __uaccess_entry(insn_label, fixup_label)                       \
	"	.pushsection __ex_table, \"a\"\n"                       \
	"	.align	2\n"                                            \
	"	.long	" insn_label ", " fixup_label "\n"              \
	"	.popsection\n"

#define __get_user_asm(x, addr, err, instr)                             \
	__asm__ __volatile__(                                           \
	"1:	" instr "	%1, [%2]\n"                             \
	"2:\n"                                                          \
	"	.pushsection .text.fixup, \"ax\"\n"                     \
	"	.align	2\n"                                            \
	"3:	mov	%0, %3\n"                                       \
	"	mov	%1, #0\n"                                       \
	"	b	2b\n"                                           \
	"	.popsection\n"                                          \
	__uaccess_entry("1b", "3b")                                     \
	: "+r" (err), "=&r" (x) : "r" (addr), "i" (-EFAULT) : "cc", "memory")

#define __put_user_asm(x, addr, err, instr)                             \
	__asm__ __volatile__(                                           \
	"1:	" instr "	%1, [%2]\n"                             \
	"2:\n"                                                          \
	"	.pushsection .text.fixup, \"ax\"\n"                     \
	"	.align	2\n"                                            \
	"3:	mov	%0, %3\n"                                       \
	"	b	2b\n"                                           \
	"	.popsection\n"                                          \
	__uaccess_entry("1b", "3b")                                     \
	: "+r" (err) : "r" (x), "r" (addr), "i" (-EFAULT) : "cc", "memory")

/* __get_user: no access_ok (the caller checked); 0 or -EFAULT. */
#define __get_user(x, ptr)                                              \
({                                                                      \
	int __gu_err = 0;                                               \
	unsigned long __gu_val;                                         \
	unsigned int __ua_flags = uaccess_save_and_enable();            \
	switch (sizeof(*(ptr))) {                                       \
	case 1: __get_user_asm(__gu_val, (ptr), __gu_err, "ldrb"); break; \
	case 2: __get_user_asm(__gu_val, (ptr), __gu_err, "ldrh"); break; \
	case 4: __get_user_asm(__gu_val, (ptr), __gu_err, "ldr"); break; \
	default: __gu_err = -EFAULT; __gu_val = 0; break;               \
	}                                                               \
	uaccess_restore(__ua_flags);                                    \
	(x) = (__typeof__(*(ptr)))__gu_val;                             \
	__gu_err;                                                       \
})

#define __put_user(x, ptr)                                              \
({                                                                      \
	int __pu_err = 0;                                               \
	unsigned long __pu_val = (unsigned long)(x);                    \
	unsigned int __ua_flags = uaccess_save_and_enable();            \
	switch (sizeof(*(ptr))) {                                       \
	case 1: __put_user_asm(__pu_val, (ptr), __pu_err, "strb"); break; \
	case 2: __put_user_asm(__pu_val, (ptr), __pu_err, "strh"); break; \
	case 4: __put_user_asm(__pu_val, (ptr), __pu_err, "str"); break; \
	default: __pu_err = -EFAULT; break;                             \
	}                                                               \
	uaccess_restore(__ua_flags);                                    \
	__pu_err;                                                       \
})

/* get_user(x, ptr) / put_user(x, ptr): 0, or -EFAULT (x = 0 then). */
#define get_user(x, ptr)                                                \
({                                                                      \
	__typeof__(ptr) __gp = (ptr);                                   \
	int __e = -EFAULT;                                              \
	if (access_ok(__gp, sizeof(*__gp)))                             \
		__e = __get_user(x, __gp);                              \
	else                                                            \
		(x) = (__typeof__(*__gp))0;                             \
	__e;                                                            \
})

#define put_user(x, ptr)                                                \
({                                                                      \
	__typeof__(ptr) __pp = (ptr);                                   \
	access_ok(__pp, sizeof(*__pp)) ? __put_user(x, __pp) : -EFAULT; \
})

#endif
