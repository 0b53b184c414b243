/*
 * asm/ptrace.h - CPSR fields (ARMv7 ARM B1.3.3 "Program Status Registers").
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

#ifndef __ASSEMBLER__
#include <linux/types.h>
/* Registers saved by the exception entry code (entry-armv.S), r0..pc, cpsr. */
struct pt_regs {
	u32 uregs[16];
	u32 cpsr;
};
#endif

#endif
