/*
 * include/linux/omap_wdt.h - the OMAP watchdog timer (WDT1 of the AM335x,
 * TRM chapter 20.4; "ti,omap3-wdt"), the registers drivers/watchdog/
 * omap_wdt.c uses. Names as Linux's drivers/watchdog/omap_wdt.h.
 *
 *  WWPS (0x34), write-posting status: a 1 means a write to that register
 *  is still being synchronised into the watchdog's 32 kHz domain.
 *    31 ........ 6    5      4      3      2      1      0
 *  +-------------+------+------+------+------+------+------+
 *  |  reserved   | WDLY | WSPR | WTGR | WLDR | WCRR | WCLR |
 *  +-------------+------+------+------+------+------+------+
 *  WSPR (0x48), start/stop: 0xAAAA then 0x5555 stops the counter,
 *  0xBBBB then 0x4444 starts it.
 */
#ifndef _LINUX_OMAP_WDT_H
#define _LINUX_OMAP_WDT_H

#define OMAP_WATCHDOG_WPS        0x34
#define OMAP_WATCHDOG_SPR        0x48
#define OMAP_WATCHDOG_WPS_W_PEND_WSPR  (1 << 4)
#define OMAP_WATCHDOG_SPR_STOP1  0xaaaa
#define OMAP_WATCHDOG_SPR_STOP2  0x5555

#ifndef __ASSEMBLER__
struct omap_wdt_io {          /* register access: readl/writel, or a test's model */
	unsigned int (*read)(void *ctx, unsigned int off);
	void (*write)(void *ctx, unsigned int off, unsigned int val);
	void *ctx;
};

void omap_wdt_disable(const struct omap_wdt_io *io);
int omap_wdt_init(const void *blob);
#endif

#endif
