/*
 * asm/processor.h - a new program's first registers (Linux:
 * arch/arm/include/asm/processor.h, start_thread). STACK_TOP, which Linux
 * keeps here too, is in asm/memory.h beside TASK_SIZE.
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

struct pt_regs;

/*
 * start_thread - regs (the task's saved user registers, task_pt_regs) set
 * to enter a program at pc with stack pointer sp: every register 0, USR
 * mode with interrupts enabled, ARM state (Thumb if pc bit 0 is set),
 * little-endian. arch/arm/kernel/process.c.
 */
void start_thread(struct pt_regs *regs, unsigned long pc, unsigned long sp);

#endif
