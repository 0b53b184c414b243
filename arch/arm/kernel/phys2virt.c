/*
 * arch/arm/kernel/phys2virt.c - patching the phys/virt stubs.
 * Linux: arch/arm/kernel/phys2virt.S (__fixup_pv_table, __fixup_a_pv_table),
 * ARM (not Thumb-2) instructions only.
 *
 * Every __pa()/__va() expands to two instructions (asm/memory.h):
 *
 *     add  rd, rn, #0x81000000      @ rotation ROR #8:  bits 31:24
 *     add  rd, rd, #0x00810000      @ rotation ROR #16: bits 23:16
 *
 * and .pv_table records where each one is. At boot head.S calls
 * pv_fixup_table() with the MMU off to replace each 8-bit immediate with the
 * matching byte of __pv_offset = PHYS_OFFSET - PAGE_OFFSET. The rotation
 * field is left alone, so the byte lands at the right position.
 *
 *  31  28 27 25 24  21 20 19  16 15  12 11   8 7        0
 * +------+-----+------+--+------+------+------+----------+
 * | cond | 001 |opcode| S|  Rn  |  Rd  | rot  |  imm8    |  data processing, immediate
 * +------+-----+------+--+------+------+------+----------+
 *                                        value = imm8 ROR (2 * rot)
 *
 * This code runs before the MMU is on, at its physical address, while the
 * image is linked at PAGE_OFFSET: it must not touch any global variable or
 * call anything. It is placed in .text.pre_mmu and the build checks that
 * section has no absolute relocations (scripts/check-pre-mmu.sh).
 */
#include <linux/types.h>
#include <asm/phys2virt.h>

#define __pre_mmu __attribute__((__section__(".text.pre_mmu")))

/**
 * pv_fixup_insn - encode one byte of the pv offset into a stub instruction
 * @insn: the instruction as assembled (ADD or SUB, immediate form)
 * @pv_offset: PHYS_OFFSET - PAGE_OFFSET (mod 2^32)
 * @out: the patched instruction
 *
 * Return: 0, or -1 if @insn is not a stub instruction (not ADD/SUB with an
 * immediate, or a rotation other than ROR #8 or ROR #16).
 */
__pre_mmu int pv_fixup_insn(u32 insn, u32 pv_offset, u32 *out)
{
	u32 opcode = insn & PV_INSN_OPCODE_MASK;
	u32 rot = (insn & PV_INSN_ROT_MASK) >> PV_INSN_ROT_SHIFT;
	u32 imm8;

	if (opcode != PV_INSN_ADD_IMM && opcode != PV_INSN_SUB_IMM)
		return -1;
	if (rot == PV_ROT_BITS_31_24)
		imm8 = pv_offset >> 24;
	else if (rot == PV_ROT_BITS_23_16)
		imm8 = (pv_offset >> 16) & PV_INSN_IMM8_MASK;
	else
		return -1;
	*out = (insn & ~PV_INSN_IMM8_MASK) | imm8;
	return 0;
}

/**
 * pv_fixup_table - patch every instruction listed in a .pv_table
 * @begin: first entry (each entry: offset from itself to an instruction)
 * @end: one past the last entry
 * @pv_offset: PHYS_OFFSET - PAGE_OFFSET
 *
 * Called by head.S with the MMU off, with run-time (physical) addresses.
 * Return: NULL on success, else the address of the first instruction that
 * is not a stub (the table is left partly patched; head.S parks).
 */
__pre_mmu u32 *pv_fixup_table(const s32 *begin, const s32 *end, u32 pv_offset)
{
	const s32 *entry;

	for (entry = begin; entry < end; entry++) {
		u32 *insn = (u32 *)((uintptr_t)entry + *entry);

		if (pv_fixup_insn(*insn, pv_offset, insn))
			return insn;
	}
	return NULL;
}

/**
 * pv_insn_imm - the value of an immediate data-processing instruction
 * @insn: the instruction
 *
 * Return: imm8 rotated right by 2 * rot. Used by the self-tests and the
 * host tests to check what was patched.
 */
u32 pv_insn_imm(u32 insn)
{
	u32 imm8 = insn & PV_INSN_IMM8_MASK;
	u32 shift = 2 * ((insn & PV_INSN_ROT_MASK) >> PV_INSN_ROT_SHIFT);

	return shift ? (imm8 >> shift) | (imm8 << (32 - shift)) : imm8;
}
