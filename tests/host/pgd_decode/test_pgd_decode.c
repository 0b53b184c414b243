/*
 * tests/host/pgd_decode - level 1 descriptor decoding (arch/arm/mm/pgd-decode.c),
 * on descriptors built from the named constants, never from literals, and
 * on the exact words head.S writes (seen in the boot banner).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgd-decode.h>
#include <asm/cp15.h>

#define KERNEL_SECT (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_AP_READ | \
		     PMD_SECT_WBWA | PMD_SECT_S)
#define IO_SECT     (PMD_TYPE_SECT | PMD_SECT_XN | PMD_SECT_AP_WRITE | PMD_SECT_AP_READ)

/* head.S's kernel section for PHYS_OFFSET 0x60000000 is 0x60011c0e.
 * Expect: section, PA 0x60000000, RW/RW, executable, TEX/C/B 1/1/1, S. */
static void l1_desc_decode_kernel_section_check(void **state)
{
	struct l1_desc_info d;

	(void)state;
	assert_int_equal(0x60000000u | KERNEL_SECT, 0x60011c0eu);
	l1_desc_decode(0x60000000u | KERNEL_SECT, &d);
	assert_int_equal(d.type, PMD_TYPE_SECT);
	assert_int_equal(d.pa, 0x60000000u);
	assert_string_equal(ap_name(d.ap), "RW/RW");
	assert_false(d.xn);
	assert_int_equal(d.tex, 1);
	assert_int_equal(d.c, 1);
	assert_int_equal(d.b, 1);
	assert_true(d.s);
	assert_false(d.ng);
	assert_int_equal(d.domain, 0);
}

/* Read-only, XN, nG, domain 3, supersection bit: every field decoded. */
static void l1_desc_decode_all_fields_check(void **state)
{
	struct l1_desc_info d;
	uint32_t desc = 0x12300000u | PMD_TYPE_SECT | PMD_SECT_APX | PMD_SECT_AP_WRITE |
			PMD_SECT_XN | PMD_SECT_nG | PMD_DOMAIN(3) | PMD_SECT_NS | PMD_SECT_TEX(2);

	(void)state;
	l1_desc_decode(desc, &d);
	assert_int_equal(d.pa, 0x12300000u);
	assert_string_equal(ap_name(d.ap), "RO/--");
	assert_true(d.xn && d.ng && d.ns);
	assert_int_equal(d.domain, 3);
	assert_int_equal(d.tex, 2);
	assert_int_equal(d.c + d.b, 0);
}

/* A table entry points at a 1 KiB L2 table; a zero entry is a fault. */
static void l1_desc_decode_table_and_fault_check(void **state)
{
	struct l1_desc_info d;

	(void)state;
	l1_desc_decode(0x6fffe800u | PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_VECTORS), &d);
	assert_int_equal(d.type, PMD_TYPE_TABLE);
	assert_int_equal(d.pa, 0x6fffe800u);
	assert_int_equal(d.domain, DOMAIN_VECTORS);
	l1_desc_decode(0, &d);
	assert_int_equal(d.type, PMD_TYPE_FAULT);
}

/* Linux's PRRR/NMRR: index 7 is normal WBWA, 0 strongly ordered, 4 device,
 * 1 normal non-cacheable (write-combining). */
static void remap_type_name_linux_values_check(void **state)
{
	char buf[48];

	(void)state;
	remap_type_name(7, PRRR_LINUX, NMRR_LINUX, buf, sizeof(buf));
	assert_string_equal(buf, "Normal inner WBWA outer WBWA");
	remap_type_name(0, PRRR_LINUX, NMRR_LINUX, buf, sizeof(buf));
	assert_string_equal(buf, "Strongly-ordered");
	remap_type_name(4, PRRR_LINUX, NMRR_LINUX, buf, sizeof(buf));
	assert_string_equal(buf, "Device");
	remap_type_name(1, PRRR_LINUX, NMRR_LINUX, buf, sizeof(buf));
	assert_string_equal(buf, "Normal inner NC outer NC");
	remap_type_name(3, PRRR_LINUX, NMRR_LINUX, buf, sizeof(buf));
	assert_string_equal(buf, "Normal inner WB outer WB");
}

/* The banner line for the debug UART section of vexpress-a9, exactly. */
static void l1_desc_format_banner_line_check(void **state)
{
	char buf[200];

	(void)state;
	l1_desc_format(buf, sizeof(buf), 0xff7, 0x10000000u | IO_SECT, PRRR_LINUX, NMRR_LINUX);
	assert_string_equal(buf, "[0xff7] 0xff700000-0xff7fffff -> 0x10000000 section AP=RW/RW "
			    "XN=1 TEX/C/B=0/0/0 (Strongly-ordered) domain=0 (0x10000c12)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(l1_desc_decode_kernel_section_check),
		cmocka_unit_test(l1_desc_decode_all_fields_check),
		cmocka_unit_test(l1_desc_decode_table_and_fault_check),
		cmocka_unit_test(remap_type_name_linux_values_check),
		cmocka_unit_test(l1_desc_format_banner_line_check),
	};
	return cmocka_run_group_tests_name("pgd_decode", tests, NULL, NULL);
}
