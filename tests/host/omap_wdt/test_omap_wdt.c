/*
 * tests/host/omap_wdt - omap_wdt_disable against a register model of the
 * AM335x WDT1 (TRM 20.4): a write to WSPR is "posted" (WWPS.W_PEND_WSPR
 * set) for a few reads before it takes effect; the counter stops only
 * after 0xAAAA then 0x5555, each written while nothing is pending. QEMU
 * has no AM335x, so this is the test of the sequence.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <libfdt.h>
#include <linux/omap_wdt.h>
#include <asm/io.h>

struct wdt_model {
	unsigned int pending_reads;   /* reads of WWPS still showing the write pending */
	unsigned int last_spr;        /* last value that reached WSPR */
	int running;
	int writes_while_pending;     /* a write to WSPR before the last one posted */
	int wps_polls;
};

#define POST_DELAY 3                  /* 32 kHz domain: a few bus reads */

static unsigned int model_read(void *ctx, unsigned int off)
{
	struct wdt_model *m = ctx;

	if (off != OMAP_WATCHDOG_WPS)
		return 0;
	m->wps_polls++;
	if (m->pending_reads) {
		m->pending_reads--;
		return OMAP_WATCHDOG_WPS_W_PEND_WSPR;
	}
	return 0;
}

static void model_write(void *ctx, unsigned int off, unsigned int val)
{
	struct wdt_model *m = ctx;

	assert_int_equal(off, OMAP_WATCHDOG_SPR);
	if (m->pending_reads)
		m->writes_while_pending++;
	if (m->last_spr == OMAP_WATCHDOG_SPR_STOP1 && val == OMAP_WATCHDOG_SPR_STOP2)
		m->running = 0;
	m->last_spr = val;
	m->pending_reads = POST_DELAY;
}

static void test_disable_sequence(void **state)
{
	struct wdt_model m = { .running = 1 };
	struct omap_wdt_io io = { model_read, model_write, &m };

	(void)state;
	omap_wdt_disable(&io);
	assert_int_equal(m.running, 0);
	assert_int_equal(m.writes_while_pending, 0);
	assert_int_equal(m.pending_reads, 0);         /* waited for the second one too */
	assert_int_equal(m.wps_polls, 2 * (POST_DELAY + 1));
}

/* early_io_map for the host: remember what omap_wdt_init asked for. */
static phys_addr_t mapped;
static uint32_t regs[0x1000 / 4];

void __iomem *early_io_map(phys_addr_t pa)
{
	mapped = pa;
	return regs;
}

static char blob[1 << 20] __attribute__((aligned(8)));

/* In Debian's boneblack DTB the watchdog is /ocp/.../target-module@35000/wdt@0:
 * 0x44e35000 after three levels of ranges. The real-register path is used
 * (readl/writel on regs[]): WWPS reads 0, so nothing is pending. */
static void test_boneblack_node(void **state)
{
	FILE *f = fopen(DTB_DIR "/am335x-boneblack.dtb", "rb");

	(void)state;
	assert_non_null(f);
	assert_true(fread(blob, 1, sizeof(blob), f) > 0);
	fclose(f);
	assert_int_equal(omap_wdt_init(blob), 1);
	assert_int_equal(mapped, 0x44e35000);
	assert_int_equal(regs[OMAP_WATCHDOG_SPR / 4], OMAP_WATCHDOG_SPR_STOP2);
}

static void test_disabled_node_is_left_alone(void **state)
{
	int node;

	(void)state;
	assert_int_equal(fdt_open_into(blob, blob, sizeof(blob)), 0);
	node = fdt_node_offset_by_compatible(blob, -1, "ti,omap3-wdt");
	assert_true(node >= 0);
	assert_int_equal(fdt_setprop_string(blob, node, "status", "disabled"), 0);
	mapped = 0;
	assert_int_equal(omap_wdt_init(blob), 0);
	assert_int_equal(mapped, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_disable_sequence),
		cmocka_unit_test(test_boneblack_node),
		cmocka_unit_test(test_disabled_node_is_left_alone),
	};

	return cmocka_run_group_tests_name("omap_wdt", tests, NULL, NULL);
}
