/*
 * tests/host/pv - the phys/virt stub patcher (arch/arm/kernel/phys2virt.c).
 *
 * The stubs as gcc assembles them from asm/memory.h:
 *
 *   add r0, r1, #0x81000000   = 0xe2810481   rot 4 (ROR #8),  imm8 0x81
 *   add r0, r0, #0x00810000   = 0xe2800881   rot 8 (ROR #16), imm8 0x81
 *   sub r0, r1, #0x81000000   = 0xe2410481
 *   sub r0, r0, #0x00810000   = 0xe2400881
 *
 * Patching puts PHYS_OFFSET - PAGE_OFFSET into the two immediates; running
 * the pair (simulated below) must then convert addresses exactly.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <asm/phys2virt.h>

#define ADD_HI 0xe2810481u
#define ADD_LO 0xe2800881u
#define SUB_HI 0xe2410481u
#define SUB_LO 0xe2400881u
#define PAGE_OFFSET 0xc0000000u

/* Execute a patched add/sub pair on a value, as the CPU would. */
static uint32_t run_pair(uint32_t hi, uint32_t lo, uint32_t x)
{
	int add = (hi & PV_INSN_OPCODE_MASK) == PV_INSN_ADD_IMM;

	return add ? x + pv_insn_imm(hi) + pv_insn_imm(lo) : x - pv_insn_imm(hi) - pv_insn_imm(lo);
}

static uint32_t patch(uint32_t insn, uint32_t off)
{
	uint32_t out = 0;

	assert_int_equal(pv_fixup_insn(insn, off, &out), 0);
	return out;
}

/* Every board's PHYS_OFFSET, and 2 MiB-aligned odd ones.
 * Expect __pa(__va(x)) == x and both equal the plain arithmetic. */
static void pv_fixup_insn_roundtrip_check(void **state)
{
	static const uint32_t phys_offsets[] = {
		0x60000000, 0x40000000, 0x80000000, 0x00000000, 0x60200000,
		0x8fe00000, 0xc0000000, 0xffe00000, 0x00200000,
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(phys_offsets) / sizeof(phys_offsets[0]); i++) {
		uint32_t po = phys_offsets[i], off = po - PAGE_OFFSET;
		uint32_t ah = patch(ADD_HI, off), al = patch(ADD_LO, off);
		uint32_t sh = patch(SUB_HI, off), sl = patch(SUB_LO, off);
		uint32_t x;

		/* the rotation, registers and opcode are untouched */
		assert_int_equal(ah & ~PV_INSN_IMM8_MASK, ADD_HI & ~PV_INSN_IMM8_MASK);
		assert_int_equal(sl & ~PV_INSN_IMM8_MASK, SUB_LO & ~PV_INSN_IMM8_MASK);
		assert_int_equal(pv_insn_imm(ah), off & 0xff000000u);
		assert_int_equal(pv_insn_imm(al), off & 0x00ff0000u);
		for (x = 0; x < 0x40000000u; x += 0x00100000u + 0x123) {
			uint32_t pa = po + x, va = PAGE_OFFSET + x;

			assert_int_equal(run_pair(ah, al, va), pa);      /* __pa */
			assert_int_equal(run_pair(sh, sl, pa), va);      /* __va */
		}
	}
}

/* An instruction that is not a stub is refused and left alone.
 * Expect -1 for: MOV, ADD with another rotation, a load. */
static void pv_fixup_insn_rejects_non_stub_check(void **state)
{
	uint32_t out = 0xdeadbeef;

	(void)state;
	assert_int_equal(pv_fixup_insn(0xe3a00481u, 0, &out), -1);  /* mov r0, #0x81000000 */
	assert_int_equal(pv_fixup_insn(0xe2810c81u, 0, &out), -1);  /* add r0, r1, #0x8100 */
	assert_int_equal(pv_fixup_insn(0xe5910000u, 0, &out), -1);  /* ldr r0, [r1] */
	assert_int_equal(out, 0xdeadbeef);
}

/*
 * A .pv_table of self-relative entries over a fake text:
 *   text: [ADD_HI][ADD_LO][SUB_HI][SUB_LO]    table: 4 x (insn - entry)
 * Expect all four patched; a table naming a non-stub returns its address.
 */
static void pv_fixup_table_patches_all_check(void **state)
{
	uint32_t text[5] = { ADD_HI, ADD_LO, SUB_HI, SUB_LO, 0xe1a00000u /* nop */ };
	int32_t table[5];
	uint32_t off = 0x60000000u - PAGE_OFFSET;
	int i;

	(void)state;
	for (i = 0; i < 5; i++)
		table[i] = (int32_t)((intptr_t)&text[i] - (intptr_t)&table[i]);
	assert_null(pv_fixup_table(table, table + 4, off));
	assert_int_equal(pv_insn_imm(text[0]), 0xa0000000u);
	assert_int_equal(pv_insn_imm(text[1]), 0);
	assert_int_equal(run_pair(text[2], text[3], 0x60001234u), 0xc0001234u);
	assert_ptr_equal(pv_fixup_table(table, table + 5, off), &text[4]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pv_fixup_insn_roundtrip_check),
		cmocka_unit_test(pv_fixup_insn_rejects_non_stub_check),
		cmocka_unit_test(pv_fixup_table_patches_all_check),
	};
	return cmocka_run_group_tests_name("phys2virt", tests, NULL, NULL);
}
