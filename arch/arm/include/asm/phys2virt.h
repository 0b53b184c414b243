/*
 * asm/phys2virt.h - the instruction fields the pv patcher touches (see the
 * picture in arch/arm/kernel/phys2virt.c). ARMv7 ARM A5.2.3/A5.2.4.
 */
#ifndef _ASM_PHYS2VIRT_H
#define _ASM_PHYS2VIRT_H

#include <linux/types.h>

#define PV_INSN_OPCODE_MASK 0x0fe00000u  /* bits 27:21: class 001 + opcode */
#define PV_INSN_ADD_IMM     0x02800000u  /* 001 0100: ADD (immediate) */
#define PV_INSN_SUB_IMM     0x02400000u  /* 001 0010: SUB (immediate) */
#define PV_INSN_ROT_SHIFT   8
#define PV_INSN_ROT_MASK    0x00000f00u  /* bits 11:8: rotation / 2 */
#define PV_INSN_IMM8_MASK   0x000000ffu  /* bits 7:0 */
#define PV_ROT_BITS_31_24   4            /* ROR #8 puts imm8 at bits 31:24 */
#define PV_ROT_BITS_23_16   8            /* ROR #16 puts imm8 at bits 23:16 */

int pv_fixup_insn(u32 insn, u32 pv_offset, u32 *out);
u32 *pv_fixup_table(const s32 *begin, const s32 *end, u32 pv_offset);
u32 pv_insn_imm(u32 insn);

#endif
