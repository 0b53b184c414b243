/*
 * drivers/watchdog/omap_wdt.c - stop the OMAP watchdog the boot loader left
 * running. Debian's U-Boot for the BeagleBone (am335x_boneblack) starts
 * WDT1 with a 60 s timeout (WATCHDOG_AUTOSTART); a kernel that ignores it
 * is reset a minute after boot.
 *
 * Follows Linux's drivers/watchdog/omap_wdt.c, omap_wdt_disable() only:
 * the stop sequence on WSPR, each write followed by waiting until WWPS says
 * it has been posted. Differences: no watchdog device, no pm_runtime or
 * clocks (the boot loader enabled the module), found from the DTB at boot
 * (the first enabled "ti,omap3-wdt" node) instead of probed; registers go
 * through struct omap_wdt_io so the host test can drive a register model.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/of_fdt.h>
#include <linux/omap_wdt.h>
#include <asm/io.h>
#include <libfdt.h>
#include <string.h>

/* Wait until the write to WSPR has reached the watchdog's clock domain. */
static void omap_wdt_wait_posted(const struct omap_wdt_io *io)
{
	while (io->read(io->ctx, OMAP_WATCHDOG_WPS) & OMAP_WATCHDOG_WPS_W_PEND_WSPR)
		;
}

/**
 * omap_wdt_disable - stop the counter: 0xAAAA, wait, 0x5555, wait
 * (the WSPR sequence the AM335x TRM gives, as Linux's omap_wdt_disable)
 * @io: register access
 */
void omap_wdt_disable(const struct omap_wdt_io *io)
{
	io->write(io->ctx, OMAP_WATCHDOG_SPR, OMAP_WATCHDOG_SPR_STOP1);
	omap_wdt_wait_posted(io);
	io->write(io->ctx, OMAP_WATCHDOG_SPR, OMAP_WATCHDOG_SPR_STOP2);
	omap_wdt_wait_posted(io);
}

static unsigned int mmio_read(void *ctx, unsigned int off)
{
	return readl((char *)ctx + off);
}

static void mmio_write(void *ctx, unsigned int off, unsigned int val)
{
	writel(val, (char *)ctx + off);
}

static bool node_enabled(const void *blob, int node)
{
	const char *st = fdt_getprop(blob, node, "status", NULL);

	return !st || !strcmp(st, "okay") || !strcmp(st, "ok");
}

/*
 * Does the string appear anywhere in the DTB's structure block? Property
 * values live there, so a node compatible with it cannot exist otherwise.
 * A byte scan is ~20 times cheaper than libfdt's node-by-node compatible
 * search, which every board without this watchdog would pay in full.
 */
static bool __init fdt_struct_has(const void *blob, const char *str)
{
	const char *p = (const char *)blob + fdt_off_dt_struct(blob);
	const char *end = p + fdt_size_dt_struct(blob);
	size_t len = strlen(str);

	while ((p = memchr(p, str[0], end - p)) && (size_t)(end - p) >= len) {
		if (!memcmp(p, str, len))
			return true;
		p++;
	}
	return false;
}

/**
 * omap_wdt_init - find an enabled "ti,omap3-wdt" in the DTB and stop it
 * @blob: the checked DTB
 *
 * Return: 1 if a watchdog was stopped, 0 if the DTB has none, negative
 * libfdt error if its address cannot be translated.
 */
int __init omap_wdt_init(const void *blob)
{
	struct omap_wdt_io io = { .read = mmio_read, .write = mmio_write };
	int node;
	u64 addr, size;

	if (!fdt_struct_has(blob, "ti,omap3-wdt"))
		return 0;
	node = fdt_node_offset_by_compatible(blob, -1, "ti,omap3-wdt");
	while (node >= 0 && !node_enabled(blob, node))
		node = fdt_node_offset_by_compatible(blob, node, "ti,omap3-wdt");
	if (node < 0)
		return 0;
	if (of_translate_reg(blob, node, 0, &addr, &size)) {
		pr_err("omap_wdt: %s: cannot translate its reg: the watchdog keeps running\n",
		       fdt_get_name(blob, node, NULL));
		return -FDT_ERR_BADVALUE;
	}
	io.ctx = early_io_map((phys_addr_t)addr);
	omap_wdt_disable(&io);
	pr_info("omap_wdt: stopped the watchdog at 0x%08llx that the boot loader left running\n",
		addr);
	return 1;
}
