/*
 * drivers/tty/serial/uart-console.c - polled console drivers for the two
 * UART families our boards use:
 *   "arm,pl011"              ARM PrimeCell PL011   (Linux: amba-pl011.c, ttyAMA<n>)
 *   8250/16550 family        (Linux: 8250_of.c, 8250_dw.c, 8250_omap.c, ttyS<n>):
 *     "ns16550a", "ns16550"  reg-shift, reg-io-width from the node
 *     "snps,dw-apb-uart"     DesignWare APB (Allwinner): same, usually shift 2, width 4
 *     "ti,omap3-uart", "ti,am3352-uart" (and omap2/omap4): shift 2 implied
 * The boot loader already set the baud rate; like an earlycon we leave the
 * line settings alone and only move characters, polling (no interrupts yet).
 * Differences from Linux: one console port, no tty layer, no UART_IER
 * interrupts; "console=ttyO<n>" (the old omap-serial name) is taken as
 * ttyS<n> with the warning Linux's 8250_omap prints
 * (CONFIG_SERIAL_8250_OMAP_TTYO_FIXUP, which Debian enables).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/of_fdt.h>
#include <linux/serial_reg.h>
#include <linux/amba/serial.h>
#include <asm/io.h>
#include <linux/ioport.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>

#define OMAP_UART_REGSHIFT 2   /* 8250_omap.c: registers are 4 bytes apart */

struct uart_port {
	void __iomem *base;
	unsigned int regshift;
	unsigned int iowidth;   /* 8250: 1 (UPIO_MEM) or 4 (UPIO_MEM32) */
	bool pl011;
};

static struct uart_port port;
static int port_node = -1;
static char claim_name[48];
static struct resource claim = { .flags = IORESOURCE_MEM | IORESOURCE_BUSY, .name = claim_name };
static struct console uart_console;

static u32 serial_in(struct uart_port *p, int reg)
{
	void __iomem *a = (char *)p->base + (reg << p->regshift);

	return p->iowidth == 4 ? readl(a) : (u32)readb(a);
}

static void serial_out(struct uart_port *p, int reg, u32 v)
{
	void __iomem *a = (char *)p->base + (reg << p->regshift);

	if (p->iowidth == 4)
		writel(v, a);
	else
		writeb(v, a);
}

static void uart_putc(struct uart_port *p, char c)
{
	if (p->pl011) {
		while (readl((char *)p->base + UART01x_FR) & UART01x_FR_TXFF)
			;
		writel(c, (char *)p->base + UART01x_DR);
	} else {
		while (!(serial_in(p, UART_LSR) & UART_LSR_THRE))
			;
		serial_out(p, UART_TX, c);
	}
}

static void uart_console_write(struct console *con, const char *s, size_t n)
{
	struct uart_port *p = con->data;

	for (; n; n--, s++) {
		if (*s == '\n')
			uart_putc(p, '\r');
		uart_putc(p, *s);
	}
}

static int uart_console_read(struct console *con)
{
	struct uart_port *p = con->data;

	if (p->pl011)
		return (readl((char *)p->base + UART01x_FR) & UART01x_FR_RXFE) ? -1
			: (int)(readl((char *)p->base + UART01x_DR) & 0xff);
	return (serial_in(p, UART_LSR) & UART_LSR_DR) ? (int)(serial_in(p, UART_RX) & 0xff) : -1;
}

struct uart_compat {
	const char *compatible;
	bool pl011;
	unsigned int implied_shift;
};

static const struct uart_compat uart_compats[] = {
	{ "arm,pl011", true, 0 },
	{ "ns16550a", false, 0 }, { "ns16550", false, 0 }, { "snps,dw-apb-uart", false, 0 },
	{ "ti,omap2-uart", false, OMAP_UART_REGSHIFT }, { "ti,omap3-uart", false, OMAP_UART_REGSHIFT },
	{ "ti,omap4-uart", false, OMAP_UART_REGSHIFT }, { "ti,am3352-uart", false, OMAP_UART_REGSHIFT },
};

static const struct uart_compat *uart_match(const void *blob, int node)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(uart_compats); i++)
		if (fdt_node_check_compatible(blob, node, uart_compats[i].compatible) == 0)
			return &uart_compats[i];
	return NULL;
}

static bool node_okay(const void *blob, int node)
{
	const char *st = fdt_getprop(blob, node, "status", NULL);

	return !st || !strcmp(st, "okay") || !strcmp(st, "ok");
}

/*
 * port_by_index - the node of ttyAMA<n> (@pl011) or ttyS<n>: alias serial<n>
 * when it names a UART of that driver, as Linux's drivers number their
 * ports by of_alias_get_id; else the n-th enabled UART of that driver in
 * node order (Linux's drivers take the next free line in probe order).
 */
static int port_by_index(const void *blob, bool pl011, int n)
{
	const struct uart_compat *c;
	char alias[16];
	int node;

	snprintf(alias, sizeof(alias), "serial%d", n);
	node = fdt_path_offset(blob, alias);
	if (node >= 0) {
		c = uart_match(blob, node);
		return c && c->pl011 == pl011 ? node : -FDT_ERR_NOTFOUND;
	}
	for (node = fdt_next_node(blob, -1, NULL); node >= 0; node = fdt_next_node(blob, node, NULL)) {
		c = uart_match(blob, node);
		if (c && c->pl011 == pl011 && node_okay(blob, node) && n-- == 0)
			return node;
	}
	return -FDT_ERR_NOTFOUND;
}

/*
 * parse_console_arg - the last "console=" naming one of our ports (Linux:
 * the last console= is /dev/console). Returns 1 and sets *pl011, *index,
 * 0 when there is none, -1 for a console= of ours that makes no sense
 * ("ttyAMA", "ttySx"): reported by the caller.
 */
static int parse_console_arg(const char *cmdline, bool *pl011, int *index, const char **arg)
{
	const char *p;
	int found = 0;

	for (p = strstr(cmdline, "console="); p; p = strstr(p + 1, "console=")) {
		const char *v = p + 8;
		size_t n = !strncmp(v, "ttyAMA", 6) ? 6 :
			   (!strncmp(v, "ttyS", 4) || !strncmp(v, "ttyO", 4)) ? 4 : 0;

		if (p != cmdline && p[-1] != ' ')
			continue;
		if (!n)
			continue;               /* tty0, hvc0...: not ours */
		*arg = v;
		if (v[n] < '0' || v[n] > '9') {
			found = -1;
			continue;
		}
		*pl011 = n == 6;
		*index = (int)strtoul(v + n, NULL, 10);
		found = 1;
		if (v[3] == 'O') {              /* 8250_omap.c omap8250_console_fixup */
			pr_err("WARNING: Your 'console=ttyO%d' has been replaced by 'ttyS%d'\n",
			       *index, *index);
			pr_err("This ensures that you still see kernel messages. Please\n");
			pr_err("update your kernel commandline.\n");
		}
	}
	return found;
}

/*
 * Which UART node is the console? As Linux decides: "console=ttyAMA<n>" or
 * "console=ttyS<n>" on the command line names port n (port_by_index);
 * otherwise /chosen/stdout-path; otherwise (nothing named) serial0.
 */
static int find_console_node(const void *blob, const char *cmdline, int *index, const char **how)
{
	const char *arg = NULL;
	bool pl011 = false;
	int node, r = parse_console_arg(cmdline, &pl011, index, &arg);

	if (r < 0)
		pr_err("console: '%.*s' names no port: expected ttyAMA<n> or ttyS<n>\n",
		       (int)(strchr(arg, ' ') ? strchr(arg, ' ') - arg : (int)strlen(arg)), arg);
	if (r > 0) {
		*how = "console= on the command line";
		node = port_by_index(blob, pl011, *index);
		if (node >= 0)
			return node;
		pr_err("console: %s%d: no such port in the DTB (no alias serial%d of that "
		       "driver, nor %d enabled %s UARTs)\n", pl011 ? "ttyAMA" : "ttyS",
		       *index, *index, *index + 1, pl011 ? "PL011" : "8250");
	}
	*how = "/chosen/stdout-path";
	node = of_stdout_node(blob, index);
	if (node >= 0)
		return node;
	*index = 0;
	*how = "alias serial0 (no console= and no stdout-path)";
	return fdt_path_offset(blob, "serial0");
}

/**
 * uart_console_init - register the console UART found in the DTB
 * @blob: the checked DTB
 * @cmdline: the kernel command line
 *
 * Return: 0, or a negative libfdt error if there is no usable UART
 * (the kernel goes on with the early UART alone).
 */
int __init uart_console_init(const void *blob, const char *cmdline)
{
	const char *how;
	int index, node = find_console_node(blob, cmdline, &index, &how);
	u64 addr, size;
	const struct uart_compat *compat;
	const fdt32_t *prop;

	if (node < 0)
		return node;
	if (of_translate_reg(blob, node, 0, &addr, &size))
		return -FDT_ERR_BADVALUE;
	compat = uart_match(blob, node);
	if (!compat) {
		pr_err("console: %s (%s) is not a UART we drive (PL011 or 8250): no console\n",
		       fdt_get_name(blob, node, NULL),
		       (const char *)fdt_getprop(blob, node, "compatible", NULL) ?: "no compatible");
		return -FDT_ERR_NOTFOUND;
	}
	port.pl011 = compat->pl011;
	prop = fdt_getprop(blob, node, "reg-shift", NULL);
	port.regshift = prop ? fdt32_to_cpu(*prop) : compat->implied_shift;
	prop = fdt_getprop(blob, node, "reg-io-width", NULL);
	port.iowidth = prop ? fdt32_to_cpu(*prop) : 1;
	if (!port.pl011 && port.iowidth != 1 && port.iowidth != 4) {
		pr_err("console: %s: reg-io-width %u not supported (1 or 4)\n",
		       fdt_get_name(blob, node, NULL), port.iowidth);
		return -FDT_ERR_BADVALUE;
	}
	prop = fdt_getprop(blob, node, "reg-offset", NULL);
	addr += prop ? fdt32_to_cpu(*prop) : 0;
	port.base = early_io_map((phys_addr_t)addr);
	port_node = node;
	uart_console.name = port.pl011 ? "ttyAMA" : "ttyS";
	uart_console.index = index;
	uart_console.write = uart_console_write;
	uart_console.read_char = uart_console_read;
	uart_console.data = &port;
	uart_console.flags = CON_PRINTBUFFER;
	pr_info("%s: %s%d at MMIO 0x%08llx (virt 0x%08lx) is a %s, chosen by %s\n",
		fdt_get_name(blob, node, NULL), uart_console.name, index, addr,
		(unsigned long)port.base, port.pl011 ? "PL011" : "16550", how);
	register_console(&uart_console);
	return 0;
}

/*
 * Claim the console's registers under its device in /proc/iomem, named as
 * Linux's drivers name the claim: "<address>.<node name without unit> <node>".
 */
void __init uart_console_claim(const void *blob)
{
	struct resource *dev = port_node >= 0 ? of_iomem_resource(blob, port_node) : NULL;
	const char *name;
	int len;

	if (!dev)
		return;
	name = fdt_get_name(blob, port_node, &len);
	len = strchr(name, '@') ? strchr(name, '@') - name : len;
	snprintf(claim_name, sizeof(claim_name), "%08x.%.*s %s", dev->start, len, name, name);
	claim.start = dev->start;
	claim.end = dev->end;
	request_resource(dev, &claim);
}
