/*
 * drivers/of/fdt_earlycon.c - which UART is the console, from the DTB alone:
 * /chosen/stdout-path (a path or an alias, ":options" dropped), the node's
 * compatible, its reg translated through every parent's ranges, reg-shift,
 * reg-io-width and reg-offset.
 *
 * Follows Linux's drivers/of/fdt.c early_init_dt_scan_chosen_stdout, the
 * property handling of drivers/tty/serial/earlycon.c of_setup_earlycon, and
 * drivers/of/fdt_address.c of_flat_dt_translate_address. Differences:
 *   - Linux uses it only with "earlycon" on the command line; we always do,
 *     because the DTB's stdout-path is a fact about the board;
 *   - no libfdt: this file runs with the MMU off, in head.S (linked at
 *     PAGE_OFFSET, running at PHYS_OFFSET) and in the zImage wrapper (linked
 *     at 0, running anywhere, no libgcc, no data). So it is built -fpie and
 *     may use no writable data, no pointer tables and no division; every
 *     byte of the blob is read with byte loads (no alignment trap with the
 *     MMU off) and every offset is checked against the blob's own sizes;
 *   - addresses of at most 2 cells, and only below 4 GiB (no LPAE).
 */
#include <linux/of_earlycon.h>
#include <linux/fdt_format.h>
#include <stddef.h>

#define OF_EARLYCON_MAX_DEPTH 8      /* /ocp/interconnect/segment/target-module/serial is 5 */
#define OF_EARLYCON_OMAP_SHIFT 2     /* Linux 8250_early.c early_omap8250_setup */
/* stdout_node's positive results: a console= name requires this driver */
#define CONSOLE_IS_PL011 1
#define CONSOLE_IS_8250  2

/* The blob's structure and strings blocks, as byte offsets from blob. */
struct fdt_walk {
	const uint8_t *blob;
	uint32_t struct_off, struct_end;
	uint32_t strings_off, strings_end;
};

/*
 * The UARTs we drive: Linux's OF_EARLYCON_DECLARE entries for the same
 * hardware. Arrays of char, not pointers: a pointer table would need
 * relocating in the wrapper.
 */
static const struct {
	char compatible[20];
	uint8_t type;
	uint8_t implied_shift;
} earlycon_ids[] = {
	{ "arm,pl011",        EARLYCON_PL011, 0 },
	{ "ns16550a",         EARLYCON_8250,  0 },
	{ "ns16550",          EARLYCON_8250,  0 },
	{ "snps,dw-apb-uart", EARLYCON_8250,  0 },
	{ "ti,omap2-uart",    EARLYCON_8250,  OF_EARLYCON_OMAP_SHIFT },
	{ "ti,omap3-uart",    EARLYCON_8250,  OF_EARLYCON_OMAP_SHIFT },
	{ "ti,omap4-uart",    EARLYCON_8250,  OF_EARLYCON_OMAP_SHIFT },
	{ "ti,am3352-uart",   EARLYCON_8250,  OF_EARLYCON_OMAP_SHIFT },
};

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static size_t str_len(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

static int mem_eq(const char *a, const char *b, size_t n)
{
	for (; n; n--)
		if (*a++ != *b++)
			return 0;
	return 1;
}

static uint32_t align4(uint32_t off)
{
	return (off + FDT_TAG_SIZE - 1) & ~(uint32_t)(FDT_TAG_SIZE - 1);
}

/* Check the header and that both blocks lie inside totalsize. */
static int walk_init(struct fdt_walk *w, const void *blob)
{
	const uint8_t *b = blob;
	uint32_t total, so, ss, po, ps;

	if (!b || ((uintptr_t)b & 3) || be32(b + FDT_HDR_MAGIC) != FDT_MAGIC_BE)
		return -EARLYCON_E_BADFDT;
	total = be32(b + FDT_HDR_TOTALSIZE);
	so = be32(b + FDT_HDR_OFF_STRUCT);
	po = be32(b + FDT_HDR_OFF_STRINGS);
	ps = be32(b + FDT_HDR_SIZE_STRINGS);
	ss = be32(b + FDT_HDR_VERSION) >= FDT_FIRST_SIZE_VERSION ?
		be32(b + FDT_HDR_SIZE_STRUCT) : total - so;
	if (total < FDT_HDR_LEN || so & 3 || so > total || ss > total - so ||
	    po > total || ps > total - po)
		return -EARLYCON_E_BADFDT;
	w->blob = b;
	w->struct_off = so;
	w->struct_end = so + ss;
	w->strings_off = po;
	w->strings_end = po + ps;
	return 0;
}

/*
 * The token at @off; *next = offset of the token after it (after a node's
 * name or a property's value). Returns 0 for anything out of bounds.
 */
static uint32_t next_token(const struct fdt_walk *w, uint32_t off, uint32_t *next)
{
	uint32_t tag, len;

	if (off & 3 || off < w->struct_off || off > w->struct_end - FDT_TAG_SIZE)
		return 0;
	tag = be32(w->blob + off);
	off += FDT_TAG_SIZE;
	if (tag == FDT_TOKEN_BEGIN_NODE) {
		len = str_len((const char *)w->blob + off, w->struct_end - off);
		if (off + len >= w->struct_end)
			return 0;
		off += len + 1;
	} else if (tag == FDT_TOKEN_PROP) {
		if (off > w->struct_end - FDT_PROP_HDR_SIZE)
			return 0;
		len = be32(w->blob + off);
		off += FDT_PROP_HDR_SIZE;
		if (len > w->struct_end - off)
			return 0;
		off += len;
	}
	*next = align4(off);
	return tag;
}

/*
 * find_prop - a property of the node whose BEGIN_NODE token is at @node.
 * Properties come before subnodes (DT spec 5.4.2), so the search stops at
 * the first subnode. Returns the value, *len set, or NULL.
 */
static const uint8_t *find_prop(const struct fdt_walk *w, uint32_t node, const char *name,
				uint32_t *len)
{
	uint32_t off, next, tag, nameoff;
	size_t n = str_len(name, 64) + 1;

	if (next_token(w, node, &off) != FDT_TOKEN_BEGIN_NODE)
		return NULL;
	for (; (tag = next_token(w, off, &next)) == FDT_TOKEN_PROP || tag == FDT_TOKEN_NOP;
	     off = next) {
		if (tag == FDT_TOKEN_NOP)
			continue;
		nameoff = w->strings_off + be32(w->blob + off + FDT_TAG_SIZE + 4);
		if (nameoff < w->strings_off || nameoff >= w->strings_end ||
		    n > w->strings_end - nameoff)
			continue;
		if (mem_eq((const char *)w->blob + nameoff, name, n)) {
			*len = be32(w->blob + off + FDT_TAG_SIZE);
			return w->blob + off + FDT_TAG_SIZE + FDT_PROP_HDR_SIZE;
		}
	}
	return NULL;
}

/* A one-cell property, or @dflt when absent or malformed. */
static uint32_t prop_u32(const struct fdt_walk *w, uint32_t node, const char *name, uint32_t dflt)
{
	uint32_t len;
	const uint8_t *p = find_prop(w, node, name, &len);

	return p && len >= 4 ? be32(p) : dflt;
}

/*
 * Does node name @nn ("serial@1c28000") match path component @c (length
 * @cl)? Exactly, or, when @c has no unit address, up to the '@' (libfdt's
 * and Linux's rule).
 */
static int name_matches(const char *nn, const char *c, size_t cl)
{
	size_t i;

	if (!mem_eq(nn, c, cl))
		return 0;
	if (nn[cl] == '\0')
		return 1;
	for (i = 0; i < cl; i++)
		if (c[i] == '@')
			return 0;
	return nn[cl] == '@';
}

/* The direct child of @parent named @c (length @cl), or 0. */
static uint32_t find_child(const struct fdt_walk *w, uint32_t parent, const char *c, size_t cl)
{
	uint32_t off, next, tag;
	int depth = 0;

	if (next_token(w, parent, &off) != FDT_TOKEN_BEGIN_NODE)
		return 0;
	for (; (tag = next_token(w, off, &next)) != 0; off = next) {
		if (tag == FDT_TOKEN_BEGIN_NODE) {
			if (depth == 0 && name_matches((const char *)w->blob + off + FDT_TAG_SIZE, c, cl))
				return off;
			depth++;
		} else if (tag == FDT_TOKEN_END_NODE) {
			if (depth-- == 0)
				return 0;
		} else if (tag == FDT_TOKEN_END) {
			return 0;
		}
	}
	return 0;
}

/*
 * walk_path - follow @path (length @len, components separated by '/')
 * down from nodes[*depth], appending each node found to @nodes.
 */
static int walk_path(const struct fdt_walk *w, const char *path, size_t len,
		     uint32_t *nodes, int *depth)
{
	size_t i = 0, start;

	while (i < len) {
		while (i < len && path[i] == '/')
			i++;
		if (i == len)
			break;
		for (start = i; i < len && path[i] != '/'; i++)
			;
		if (*depth + 1 >= OF_EARLYCON_MAX_DEPTH)
			return -EARLYCON_E_NONODE;
		nodes[*depth + 1] = find_child(w, nodes[*depth], path + start, i - start);
		if (!nodes[*depth + 1])
			return -EARLYCON_E_NONODE;
		(*depth)++;
	}
	return 0;
}

/* Resolve alias @name (length @nl, not NUL-terminated) from nodes[0]. */
static int walk_alias(const struct fdt_walk *w, const char *name, size_t nl,
		      uint32_t *nodes, int *depth)
{
	uint32_t aliases = find_child(w, nodes[0], "aliases", 7), alen;
	const char *alias;
	char buf[32];
	size_t i;

	if (!aliases || nl >= sizeof(buf))
		return -EARLYCON_E_NOALIAS;
	for (i = 0; i < nl; i++)
		buf[i] = name[i];
	buf[nl] = '\0';
	alias = (const char *)find_prop(w, aliases, buf, &alen);
	if (!alias || !alen || alias[0] != '/')
		return -EARLYCON_E_NOALIAS;
	return walk_path(w, alias, str_len(alias, alen), nodes, depth);
}

/*
 * console_alias - with no stdout-path, the last "console=ttyAMA<n>",
 * "console=ttyS<n>" or "console=ttyO<n>" of /chosen/bootargs names alias
 * serial<n>, as Linux numbers its ports (of_alias_get_id in amba-pl011.c
 * and 8250_of.c); the node found must be driven by that name's driver.
 * A fact from the DTB too: the vexpress DTBs have no stdout-path, and
 * their boot loaders pass console=ttyAMA0.
 */
static int console_alias(const struct fdt_walk *w, uint32_t chosen, uint32_t *nodes, int *depth)
{
	uint32_t len, i, n, found = 0, want = 0;
	const char *args = (const char *)find_prop(w, chosen, "bootargs", &len);
	char alias[16];
	size_t digits = 0;

	alias[0] = 's', alias[1] = 'e', alias[2] = 'r';	/* no initialiser: no memcpy */
	alias[3] = 'i', alias[4] = 'a', alias[5] = 'l';
	for (i = 0; args && i + 8 < len; i++) {
		const char *a = args + i + 8;	/* after "console=" */
		uint32_t rest = len - i - 8;

		if ((i && args[i - 1] != ' ') || !mem_eq(args + i, "console=", 8))
			continue;
		n = rest > 6 && mem_eq(a, "ttyAMA", 6) ? 6 :
		    rest > 4 && (mem_eq(a, "ttyS", 4) || mem_eq(a, "ttyO", 4)) ? 4 : 0;
		if (!n || a[n] < '0' || a[n] > '9')
			continue;
		want = n == 6 ? EARLYCON_PL011 : EARLYCON_8250;
		for (digits = 0; digits < 3 && i + 8 + n + digits < len &&
		     a[n + digits] >= '0' && a[n + digits] <= '9'; digits++)
			alias[6 + digits] = a[n + digits];
		alias[6 + digits] = '\0';
		found = 1;
	}
	if (!found)
		return -EARLYCON_E_NOSTDOUT;
	if (walk_alias(w, alias, 6 + digits, nodes, depth))
		return -EARLYCON_E_NOALIAS;
	return want == EARLYCON_PL011 ? CONSOLE_IS_PL011 : CONSOLE_IS_8250;
}

/*
 * stdout_node - the node /chosen/stdout-path names, with its ancestors:
 * nodes[0] is the root, nodes[*depth] the UART. "serial0:115200n8" is an
 * alias with options, "/soc/serial@1c28000" a path; an alias may be
 * followed by "/more/path" (Linux of_find_node_opts_by_path).
 */
static int stdout_node(const struct fdt_walk *w, uint32_t *nodes, int *depth)
{
	const char *path;
	uint32_t chosen, len;
	size_t n, name_len;

	nodes[0] = w->struct_off;
	*depth = 0;
	chosen = find_child(w, nodes[0], "chosen", 6);
	path = chosen ? (const char *)find_prop(w, chosen, "stdout-path", &len) : NULL;
	if (chosen && !path)
		path = (const char *)find_prop(w, chosen, "linux,stdout-path", &len);
	if (!path || !len)
		return chosen ? console_alias(w, chosen, nodes, depth) : -EARLYCON_E_NOSTDOUT;
	for (n = 0; n < len && path[n] && path[n] != ':'; n++)
		;				/* drop ":options" */
	if (path[0] == '/')
		return walk_path(w, path, n, nodes, depth);
	for (name_len = 0; name_len < n && path[name_len] != '/'; name_len++)
		;
	if (walk_alias(w, path, name_len, nodes, depth))
		return -EARLYCON_E_NOALIAS;
	return walk_path(w, path + name_len, n - name_len, nodes, depth);
}

/* @n big-endian cells (0..2) as one number; *ok cleared when n > 2. */
static uint64_t read_cells(const uint8_t *p, uint32_t n, int *ok)
{
	if (n > 2) {
		*ok = 0;
		return 0;
	}
	return n == 2 ? (uint64_t)be32(p) << 32 | be32(p + 4) : n == 1 ? be32(p) : 0;
}

/*
 * translate - map @addr, an address on the bus of nodes[level], through
 * the ranges of nodes[level] and of every ancestor up to the root
 * (Linux of_flat_dt_translate_address). An empty ranges is 1:1; a bus
 * with no ranges property cannot be translated through.
 */
static int translate(const struct fdt_walk *w, const uint32_t *nodes, int level, uint64_t *addr)
{
	for (; level > 0; level--) {
		uint32_t bus = nodes[level], parent = nodes[level - 1], len, entry, i;
		uint32_t na = prop_u32(w, bus, "#address-cells", FDT_DEFAULT_ADDR_CELLS);
		uint32_t ns = prop_u32(w, bus, "#size-cells", FDT_DEFAULT_SIZE_CELLS);
		uint32_t pna = prop_u32(w, parent, "#address-cells", FDT_DEFAULT_ADDR_CELLS);
		const uint8_t *r = find_prop(w, bus, "ranges", &len);
		int ok = 1, found = 0;

		if (!r)
			return -EARLYCON_E_RANGES;
		if (!len)
			continue;			/* identity */
		entry = (na + pna + ns) * 4;
		if (na > 2 || pna > 2 || ns > 2 || !entry)
			return -EARLYCON_E_RANGES;
		for (i = 0; !found && len - i >= entry; i += entry) {
			uint64_t child = read_cells(r + i, na, &ok);
			uint64_t par = read_cells(r + i + na * 4, pna, &ok);
			uint64_t size = read_cells(r + i + (na + pna) * 4, ns, &ok);

			if (*addr >= child && *addr - child < size) {
				*addr = par + (*addr - child);
				found = 1;
			}
		}
		if (!found)
			return -EARLYCON_E_RANGES;
	}
	return 0;
}

/* The first of our earlycon_ids the node is compatible with, or -1. */
static int match_id(const struct fdt_walk *w, uint32_t node)
{
	uint32_t len, i, n;
	const char *list = (const char *)find_prop(w, node, "compatible", &len);
	unsigned int id;

	if (!list)
		return -1;
	for (id = 0; id < sizeof(earlycon_ids) / sizeof(earlycon_ids[0]); id++) {
		n = str_len(earlycon_ids[id].compatible, sizeof(earlycon_ids[id].compatible)) + 1;
		for (i = 0; i < len; i += str_len(list + i, len - i) + 1)
			if (n <= len - i && mem_eq(list + i, earlycon_ids[id].compatible, n))
				return (int)id;
	}
	return -1;
}

/**
 * of_earlycon_find - the console UART the DTB names
 * @blob: the DTB, 4-byte aligned (it is read with the MMU off, too)
 * @uart: filled in on success; untouched otherwise
 *
 * Return: 0, or -EARLYCON_E_* saying why there is no early console.
 */
int of_earlycon_find(const void *blob, struct earlycon_uart *uart)
{
	struct fdt_walk w;
	uint32_t nodes[OF_EARLYCON_MAX_DEPTH], len, na, ns, width;
	const uint8_t *reg;
	uint64_t addr;
	int depth, id, ok = 1, err = walk_init(&w, blob);

	if (!err)
		err = stdout_node(&w, nodes, &depth);
	if (err < 0)
		return err;
	if (depth == 0)
		return -EARLYCON_E_NONODE;
	id = match_id(&w, nodes[depth]);
	if (id < 0 || (err == CONSOLE_IS_PL011 && earlycon_ids[id].type != EARLYCON_PL011) ||
	    (err == CONSOLE_IS_8250 && earlycon_ids[id].type != EARLYCON_8250))
		return -EARLYCON_E_UNKNOWN;
	na = prop_u32(&w, nodes[depth - 1], "#address-cells", FDT_DEFAULT_ADDR_CELLS);
	ns = prop_u32(&w, nodes[depth - 1], "#size-cells", FDT_DEFAULT_SIZE_CELLS);
	reg = find_prop(&w, nodes[depth], "reg", &len);
	if (!reg || !na || len < (na + ns) * 4)
		return -EARLYCON_E_REG;
	addr = read_cells(reg, na, &ok);
	if (!ok)
		return -EARLYCON_E_REG;
	err = translate(&w, nodes, depth - 1, &addr);
	if (err)
		return err;
	addr += prop_u32(&w, nodes[depth], "reg-offset", 0);
	if (addr >> 32)
		return -EARLYCON_E_HIGH;
	width = prop_u32(&w, nodes[depth], "reg-io-width", 1);
	if (width != 1 && width != 4)
		return -EARLYCON_E_IOWIDTH;
	uart->phys = (uint32_t)addr;
	uart->type = earlycon_ids[id].type;
	uart->reg_shift = prop_u32(&w, nodes[depth], "reg-shift", earlycon_ids[id].implied_shift);
	uart->io_width = width;
	return 0;
}
