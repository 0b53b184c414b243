/*
 * tests/host/earlycon - of_earlycon_find (drivers/of/fdt_earlycon.c): the
 * console UART from /chosen/stdout-path on Debian's DTBs and QEMU virt's,
 * and on trees written here with libfdt for each way it must refuse (then
 * the kernel touches no UART at all).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libfdt.h>
#include <linux/of_earlycon.h>

static char blob[2 << 20] __attribute__((aligned(8)));

static void load(const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		fail_msg("cannot open %s (run scripts/setup.sh)", path);
	n = fread(blob, 1, sizeof(blob), f);
	fclose(f);
	assert_true(n > 0 && n < sizeof(blob));
}

static void expect_uart(uint32_t phys, uint32_t type, uint32_t shift, uint32_t width)
{
	struct earlycon_uart u = { 0 };

	assert_int_equal(of_earlycon_find(blob, &u), 0);
	assert_int_equal(u.phys, phys);
	assert_int_equal(u.type, type);
	assert_int_equal(u.reg_shift, shift);
	assert_int_equal(u.io_width, width);
}

static void expect_error(int err)
{
	struct earlycon_uart u = { 0xdead, 0xdead, 0xdead, 0xdead };

	assert_int_equal(of_earlycon_find(blob, &u), -err);
	assert_int_equal(u.phys, 0xdead);		/* untouched */
	assert_int_equal(u.type, 0xdead);
}

/* BeagleBone Black: stdout-path is a path 5 levels deep, through three
 * buses with ranges; ti,am3352-uart implies reg-shift 2. */
static void test_boneblack(void **state)
{
	(void)state;
	load(DTB_DIR "/am335x-boneblack.dtb");
	expect_uart(0x44e09000, EARLYCON_8250, 2, 1);
}

/* Give the loaded DTB the /chosen/bootargs a boot loader would add. */
static void set_bootargs(const char *args)
{
	int chosen;

	assert_int_equal(fdt_open_into(blob, blob, sizeof(blob)), 0);
	chosen = fdt_path_offset(blob, "/chosen");
	if (chosen < 0)
		chosen = fdt_add_subnode(blob, 0, "chosen");
	assert_true(chosen >= 0);
	assert_int_equal(fdt_setprop_string(blob, chosen, "bootargs", args), 0);
}

/* vexpress: Debian's DTBs have no stdout-path; the console is what
 * console= in bootargs names, through alias serial0, behind /smb's ranges
 * (and, on the CA9 board, the motherboard's). Nothing without console=,
 * and nothing when console= names the wrong driver's port. */
static void test_vexpress_a9(void **state)
{
	(void)state;
	load(DTB_DIR "/vexpress-v2p-ca9.dtb");
	expect_error(EARLYCON_E_NOSTDOUT);
	set_bootargs("root=/dev/mmcblk0 console=ttyAMA0,38400n8 rw");
	expect_uart(0x10009000, EARLYCON_PL011, 0, 1);
	set_bootargs("console=ttyAMA1");
	expect_uart(0x1000a000, EARLYCON_PL011, 0, 1);
	set_bootargs("console=ttyS0");
	expect_error(EARLYCON_E_UNKNOWN);
	set_bootargs("console=ttyAMA7");
	expect_error(EARLYCON_E_NOALIAS);
}

static void test_vexpress_a15(void **state)
{
	(void)state;
	load(DTB_DIR "/vexpress-v2p-ca15-tc1.dtb");
	set_bootargs("console=ttyAMA0");
	expect_uart(0x1c090000, EARLYCON_PL011, 0, 1);
}

static void test_virt(void **state)
{
	(void)state;
	load(VIRT_DTB);
	expect_uart(0x09000000, EARLYCON_PL011, 0, 1);
}

/* A DesignWare UART as the sun8i-h3 DTB describes it, behind a 1:1 /soc. */
static void make_tree(const char *stdout_path, const char *compat, int with_ranges, int width)
{
	static const char dw[] = "snps,dw-apb-uart";
	fdt32_t reg[2] = { cpu_to_fdt32(0x01c28000), cpu_to_fdt32(0x400) };

	assert_int_equal(fdt_create(blob, sizeof(blob)), 0);
	assert_int_equal(fdt_finish_reservemap(blob), 0);
	fdt_begin_node(blob, "");
	fdt_property_u32(blob, "#address-cells", 1);
	fdt_property_u32(blob, "#size-cells", 1);
	fdt_begin_node(blob, "aliases");
	fdt_property_string(blob, "serial0", "/soc/serial@1c28000");
	fdt_end_node(blob);
	fdt_begin_node(blob, "chosen");
	if (stdout_path)
		fdt_property_string(blob, "stdout-path", stdout_path);
	fdt_end_node(blob);
	fdt_begin_node(blob, "soc");
	fdt_property_u32(blob, "#address-cells", 1);
	fdt_property_u32(blob, "#size-cells", 1);
	if (with_ranges)
		fdt_property(blob, "ranges", "", 0);
	fdt_begin_node(blob, "serial@1c28000");
	fdt_property(blob, "compatible", compat ? compat : dw, compat ? strlen(compat) + 1 : sizeof(dw));
	fdt_property(blob, "reg", reg, sizeof(reg));
	fdt_property_u32(blob, "reg-shift", 2);
	fdt_property_u32(blob, "reg-io-width", width);
	fdt_end_node(blob);
	fdt_end_node(blob);
	fdt_end_node(blob);
	assert_int_equal(fdt_finish(blob), 0);
}

static void test_dw_apb(void **state)
{
	(void)state;
	make_tree("serial0:115200n8", NULL, 1, 4);
	expect_uart(0x01c28000, EARLYCON_8250, 2, 4);
	make_tree("/soc/serial@1c28000", NULL, 1, 4);
	expect_uart(0x01c28000, EARLYCON_8250, 2, 4);
	make_tree("/soc/serial", NULL, 1, 4);		/* no unit address: still found */
	expect_uart(0x01c28000, EARLYCON_8250, 2, 4);
}

static void test_refusals(void **state)
{
	(void)state;
	make_tree("serial0", "acme,secret-uart", 1, 4);
	expect_error(EARLYCON_E_UNKNOWN);
	make_tree(NULL, NULL, 1, 4);
	expect_error(EARLYCON_E_NOSTDOUT);
	make_tree("serial7", NULL, 1, 4);
	expect_error(EARLYCON_E_NOALIAS);
	make_tree("/soc/serial@1c29000", NULL, 1, 4);
	expect_error(EARLYCON_E_NONODE);
	make_tree("serial0", NULL, 0, 4);		/* /soc without ranges */
	expect_error(EARLYCON_E_RANGES);
	make_tree("serial0", NULL, 1, 2);
	expect_error(EARLYCON_E_IOWIDTH);
	memset(blob, 0, 64);
	expect_error(EARLYCON_E_BADFDT);
}

/* Every prefix of a real DTB's header sizes: a blob whose totalsize lies
 * never makes the walker read past it (ASan would say). */
static void test_truncated(void **state)
{
	uint32_t total, cut;
	struct earlycon_uart u;
	char *copy;

	(void)state;
	load(DTB_DIR "/am335x-boneblack.dtb");
	total = fdt_totalsize(blob);
	for (cut = 0; cut < total; cut += 97) {
		copy = malloc(total);
		memcpy(copy, blob, total);
		((fdt32_t *)copy)[1] = cpu_to_fdt32(cut);	/* totalsize */
		if (fdt_size_dt_struct(copy) > cut)
			((fdt32_t *)copy)[9] = cpu_to_fdt32(cut > 0x40 ? cut - 0x40 : 0);
		copy = realloc(copy, cut > 0 ? cut : 1);
		(void)of_earlycon_find(cut >= 0x28 ? copy : blob + (1 << 20), &u);
		free(copy);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boneblack),
		cmocka_unit_test(test_vexpress_a9),
		cmocka_unit_test(test_vexpress_a15),
		cmocka_unit_test(test_virt),
		cmocka_unit_test(test_dw_apb),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_truncated),
	};

	return cmocka_run_group_tests_name("earlycon", tests, NULL, NULL);
}
