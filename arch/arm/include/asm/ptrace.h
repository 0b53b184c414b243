/*
 * asm/ptrace.h - CPSR fields (ARMv7 ARM B1.3.3 "Program Status Registers")
 * and struct pt_regs, the registers an exception saved.
 * Linux: arch/arm/include/uapi/asm/ptrace.h, arch/arm/include/asm/ptrace.h.
 *
 *  31 30 29 28 27 26 25 24 23 20 19 16 15 10  9 8 7 6 5 4    0
 * +--+--+--+--+--+-----+--+-----+-----+-----+-+-+-+-+-+------+
 * | N| Z| C| V| Q|IT1:0| J| --- | GE  | IT  |E|A|I|F|T| M4:0 |
 * +--+--+--+--+--+-----+--+-----+-----+-----+-+-+-+-+-+------+
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#define USR_MODE     0x10   /* 10000 */
#define FIQ_MODE     0x11   /* 10001 */
#define IRQ_MODE     0x12   /* 10010 */
#define SVC_MODE     0x13   /* 10011 */
#define MON_MODE     0x16   /* 10110 */
#define ABT_MODE     0x17   /* 10111 */
#define HYP_MODE     0x1a   /* 11010 */
#define UND_MODE     0x1b   /* 11011 */
#define SYSTEM_MODE  0x1f   /* 11111 */
#define MODE_MASK    0x1f

#define PSR_T_BIT    0x00000020   /* Thumb state */
#define PSR_F_BIT    0x00000040   /* FIQ masked */
#define PSR_I_BIT    0x00000080   /* IRQ masked */
#define PSR_A_BIT    0x00000100   /* asynchronous abort masked */
#define PSR_E_BIT    0x00000200   /* big-endian data */
#define PSR_J_BIT    0x01000000   /* Jazelle state */
#define PSR_V_BIT    0x10000000   /* overflow */
#define PSR_C_BIT    0x20000000   /* carry */
#define PSR_Z_BIT    0x40000000   /* zero */
#define PSR_N_BIT    0x80000000   /* negative */

/*
 * struct pt_regs, as Linux lays it out (entry-armv.S svc_entry builds it on
 * the SVC stack; the S_* offsets below are asm-offsets.h's):
 *
 *   uregs[0..12]  r0-r12          uregs[16]  cpsr of the interrupted code
 *   uregs[13]     sp  (ARM_sp)     uregs[17]  ORIG_r0: the syscall argument;
 *   uregs[14]     lr  (ARM_lr)                -1 for an exception
 *   uregs[15]     pc: the faulting instruction for an abort
 *
 * 18 words = 72 bytes, a multiple of 8, so the frame keeps the stack
 * 8-byte aligned for AAPCS.
 */
#define S_R0         0
#define S_R1         4
#define S_SP         52
#define S_LR         56
#define S_PC         60
#define S_PSR        64
#define S_OLD_R0     68
#define PT_REGS_SIZE 72

#ifndef __ASSEMBLER__
#include <linux/types.h>

struct pt_regs {
	unsigned long uregs[18];
};

#define ARM_ORIG_r0  uregs[17]
#define ARM_cpsr     uregs[16]
#define ARM_pc       uregs[15]
#define ARM_lr       uregs[14]
#define ARM_sp       uregs[13]
#define ARM_ip       uregs[12]
#define ARM_fp       uregs[11]
#define ARM_r10      uregs[10]
#define ARM_r9       uregs[9]
#define ARM_r8       uregs[8]
#define ARM_r7       uregs[7]
#define ARM_r6       uregs[6]
#define ARM_r5       uregs[5]
#define ARM_r4       uregs[4]
#define ARM_r3       uregs[3]
#define ARM_r2       uregs[2]
#define ARM_r1       uregs[1]
#define ARM_r0       uregs[0]

#define user_mode(regs)                (((regs)->ARM_cpsr & 0xf) == 0)
#define processor_mode(regs)           ((regs)->ARM_cpsr & MODE_MASK)
#define interrupts_enabled(regs)       (!((regs)->ARM_cpsr & PSR_I_BIT))
#define fast_interrupts_enabled(regs)  (!((regs)->ARM_cpsr & PSR_F_BIT))
#define thumb_mode(regs)               (((regs)->ARM_cpsr & PSR_T_BIT) != 0)
/* 0 ARM, 1 Thumb, 2 Jazelle, 3 ThumbEE: process.c's isa_modes[] index */
#define isa_mode(regs)  ((((regs)->ARM_cpsr & PSR_J_BIT) >> 23) | \
			 (((regs)->ARM_cpsr & PSR_T_BIT) >> 5))
#define instruction_pointer(regs)      ((regs)->ARM_pc)
#define frame_pointer(regs)            ((regs)->ARM_fp)

/*
 * The oops path (Linux declares these in asm/bug.h, asm/traps.h and
 * linux/sched/task.h; we keep them with struct pt_regs, their one type).
 * die(): traps.c, Linux's report, then the task dies (traps.c make_task_dead).
 * __show_regs(): process.c. show_pte(): mm/fault.c.
 */
void die(const char *str, struct pt_regs *regs, int err);
void __show_regs(struct pt_regs *regs);
void show_regs_print_info(void);
struct mm_struct;
void show_pte(const char *lvl, struct mm_struct *mm, unsigned long addr);
__noreturn void make_task_dead(int signr);

_Static_assert(sizeof(struct pt_regs) == PT_REGS_SIZE, "entry-armv.S's frame");
_Static_assert(__builtin_offsetof(struct pt_regs, ARM_sp) == S_SP, "S_SP");
_Static_assert(__builtin_offsetof(struct pt_regs, ARM_cpsr) == S_PSR, "S_PSR");
_Static_assert(__builtin_offsetof(struct pt_regs, ARM_ORIG_r0) == S_OLD_R0, "S_OLD_R0");
#endif

#endif
