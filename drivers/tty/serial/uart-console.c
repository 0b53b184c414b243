/*
 * drivers/tty/serial/uart-console.c - polled console drivers for the two
 * UART families our boards use, chosen from the DTB's /chosen/stdout-path:
 *   "arm,pl011"           ARM PrimeCell PL011   (Linux: amba-pl011.c, ttyAMA)
 *   "ns16550a" and kin    16550-style, reg-shift (Linux: 8250_*.c, ttyS)
 * The boot loader already set the baud rate; like an earlycon we leave the
 * line settings alone and only move characters, polling (no interrupts yet).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/of_fdt.h>
#include <asm/io.h>
#include <linux/ioport.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>

/* PL011 registers (ARM DDI 0183G, 3.2) */
#define UART01x_DR       0x00
#define UART01x_FR       0x18
#define UART01x_FR_RXFE  (1 << 4)   /* receive FIFO empty */
#define UART01x_FR_TXFF  (1 << 5)   /* transmit FIFO full */
/* 16550 registers, numbered; the address is number << reg-shift */
#define UART_RX          0
#define UART_TX          0
#define UART_LSR         5
#define UART_LSR_DR      (1 << 0)   /* data ready */
#define UART_LSR_THRE    (1 << 5)   /* transmit holding register empty */

struct uart_port {
	void __iomem *base;
	unsigned int regshift;
	bool pl011;
};

static struct uart_port port;
static int port_node = -1;
static char claim_name[48];
static struct resource claim = { .flags = IORESOURCE_MEM | IORESOURCE_BUSY, .name = claim_name };
static struct console uart_console;

static u32 port_in(struct uart_port *p, int reg)
{
	return readl((char *)p->base + (reg << p->regshift));
}

static void port_out(struct uart_port *p, int reg, u32 v)
{
	writel(v, (char *)p->base + (reg << p->regshift));
}

static void uart_putc(struct uart_port *p, char c)
{
	if (p->pl011) {
		while (readl((char *)p->base + UART01x_FR) & UART01x_FR_TXFF)
			;
		writel(c, (char *)p->base + UART01x_DR);
	} else {
		while (!(port_in(p, UART_LSR) & UART_LSR_THRE))
			;
		port_out(p, UART_TX, c);
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
	return (port_in(p, UART_LSR) & UART_LSR_DR) ? (int)(port_in(p, UART_RX) & 0xff) : -1;
}

static const char *const compat_8250[] = {
	"ns16550a", "ns16550", "ti,am3352-uart", "ti,omap3-uart", "snps,dw-apb-uart",
};

/*
 * Which UART node is the console? As Linux decides: "console=ttyAMA<n>" or
 * "console=ttyS<n>" on the command line names alias serial<n>; otherwise
 * /chosen/stdout-path; otherwise (the vexpress DTBs have neither) serial0.
 */
static int find_console_node(const void *blob, const char *cmdline, int *index, const char **how)
{
	static const char *const prefixes[] = { "console=ttyAMA", "console=ttyS" };
	char alias[16];
	unsigned int i;
	int node;

	for (i = 0; i < ARRAY_SIZE(prefixes); i++) {
		const char *p = strstr(cmdline, prefixes[i]);
		size_t n = strlen(prefixes[i]);

		if (!p || p[n] < '0' || p[n] > '9')
			continue;
		*index = (int)strtoul(p + n, NULL, 10);
		snprintf(alias, sizeof(alias), "serial%d", *index);
		*how = "console= on the command line";
		node = fdt_path_offset(blob, alias);
		if (node >= 0)
			return node;
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
	unsigned int i;
	const fdt32_t *shift;

	if (node < 0)
		return node;
	if (of_translate_reg(blob, node, 0, &addr, &size))
		return -FDT_ERR_BADVALUE;
	port.pl011 = fdt_node_check_compatible(blob, node, "arm,pl011") == 0;
	for (i = 0; !port.pl011 && i < ARRAY_SIZE(compat_8250); i++)
		if (fdt_node_check_compatible(blob, node, compat_8250[i]) == 0)
			break;
	if (!port.pl011 && i == ARRAY_SIZE(compat_8250))
		return -FDT_ERR_NOTFOUND;
	shift = fdt_getprop(blob, node, "reg-shift", NULL);
	port.regshift = shift ? fdt32_to_cpu(*shift) : 0;
	port.base = early_io_map((phys_addr_t)addr);
	port_node = node;
	uart_console.name = port.pl011 ? "ttyAMA" : "ttyS";
	uart_console.index = index;
	uart_console.write = uart_console_write;
	uart_console.read_char = uart_console_read;
	uart_console.data = &port;
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
