/*
 * drivers/of/fdt.c - the few device tree look-ups the early kernel needs,
 * on top of libfdt (built from Debian's u-boot source, see Makefile).
 * Linux: drivers/of/fdt.c (early_init_dt_*), drivers/of/fdt_address.c
 * (of_flat_dt_translate_address), drivers/of/base.c (of_alias_*).
 */
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <libfdt.h>
#include <string.h>
#include <stdlib.h>

const void *initial_boot_params;
phys_addr_t __atags_pointer;

#define OF_MAX_ADDR_CELLS 4   /* OF_MAX_ADDR_CELLS in Linux */

/* Walk every node and property so a corrupt structure is found now, not
 * halfway through a later look-up. */
int of_fdt_validate(const void *blob)
{
	int node = -1, depth = 0, err;

	/* fdt_check_header reads every header field before it looks at the
	 * size: a blob that claims to be shorter than its header is refused first. */
	if (fdt_magic(blob) != FDT_MAGIC)
		return -FDT_ERR_BADMAGIC;
	if (fdt_totalsize(blob) < sizeof(struct fdt_header))
		return -FDT_ERR_TRUNCATED;
	err = fdt_check_header(blob);
	if (err)
		return err;
	/*
	 * The DT spec (5.3, 5.4) aligns the memory reservation block to 8
	 * bytes and the structure block to 4. libfdt reads them with 64- and
	 * 32-bit loads, and on ARM a misaligned 64-bit load (LDRD) faults even
	 * where single words may be unaligned: refuse such a blob here rather
	 * than take a data abort in early_init_fdt_scan_reserved_mem.
	 */
	if (((uintptr_t)blob + fdt_off_mem_rsvmap(blob)) % 8 ||
	    ((uintptr_t)blob + fdt_off_dt_struct(blob)) % 4)
		return -OF_FDT_ERR_MISALIGNED;
	for (;;) {
		int prop;

		node = fdt_next_node(blob, node, &depth);
		if (node < 0)
			return node == -FDT_ERR_NOTFOUND ? 0 : node;
		for (prop = fdt_first_property_offset(blob, node); prop >= 0;
		     prop = fdt_next_property_offset(blob, prop)) {
			int len;

			if (!fdt_getprop_by_offset(blob, prop, NULL, &len))
				return len;
		}
		if (prop != -FDT_ERR_NOTFOUND)
			return prop;
	}
}

const char *of_fdt_strerror(int err)
{
	if (err == -OF_FDT_ERR_MISALIGNED)
		return "a block of it is misaligned (the memory reservations must be "
		       "8-byte aligned, the structure block 4-byte)";
	return fdt_strerror(err);
}

int of_stdout_node(const void *blob, int *alias_index)
{
	const char *path, *colon, *name;
	int chosen, len, node;

	*alias_index = 0;
	chosen = fdt_path_offset(blob, "/chosen");
	if (chosen < 0)
		return chosen;
	path = fdt_getprop(blob, chosen, "stdout-path", &len);
	if (!path)
		path = fdt_getprop(blob, chosen, "linux,stdout-path", &len);
	if (!path)
		return -FDT_ERR_NOTFOUND;
	colon = memchr(path, ':', strnlen(path, len));
	len = colon ? colon - path : (int)strnlen(path, len);
	node = fdt_path_offset_namelen(blob, path, len);
	/* "serial0" names its index; a full path gives none, keep 0 */
	name = path;
	if (path[0] != '/') {
		const char *d = name + len;

		while (d > name && d[-1] >= '0' && d[-1] <= '9')
			d--;
		*alias_index = (int)strtoul(d, NULL, 10);
	}
	return node;
}

static u64 read_cells(const fdt32_t *p, int n)
{
	u64 v = 0;

	while (n--)
		v = (v << 32) | fdt32_to_cpu(*p++);
	return v;
}

/* #address-cells / #size-cells that apply to the children of node. */
static void bus_cells(const void *blob, int node, int *na, int *ns)
{
	*na = fdt_address_cells(blob, node);
	*ns = fdt_size_cells(blob, node);
	if (*na < 0 || *na > OF_MAX_ADDR_CELLS)
		*na = 2;
	if (*ns < 0)
		*ns = 1;
}

/*
 * Map addr (a child address of bus node `bus`) through bus's "ranges" into
 * its parent's address space. An absent ranges property means "not
 * translatable"; an empty one means identity (Devicetree spec 2.3.8).
 */
static int translate_one(const void *blob, const struct of_bus_level *bus,
			 const struct of_bus_level *parent, u64 *addr)
{
	int cna = bus->na, cns = bus->ns, pna = parent->na, len, i, entry;
	const fdt32_t *ranges;

	ranges = fdt_getprop(blob, bus->node, "ranges", &len);
	if (!ranges)
		return -FDT_ERR_NOTFOUND;
	if (len == 0)
		return 0;
	entry = cna + pna + cns;
	for (i = 0; (i + 1) * entry * 4 <= len; i++) {
		const fdt32_t *r = ranges + i * entry;
		u64 child = read_cells(r, cna);
		u64 size = read_cells(r + cna + pna, cns);

		if (*addr >= child && *addr - child < size) {
			*addr = read_cells(r + cna, pna) + (*addr - child);
			return 0;
		}
	}
	return -FDT_ERR_NOTFOUND;
}

void of_bus_level_init(const void *blob, struct of_bus_level *lvl, int node)
{
	lvl->node = node;
	bus_cells(blob, node, &lvl->na, &lvl->ns);
}

int of_translate_reg_path(const void *blob, const struct of_bus_level *path, int depth,
			  int node, int idx, u64 *addr, u64 *size)
{
	int na, ns, len, err, d;
	const fdt32_t *reg;

	if (depth < 1)
		return -FDT_ERR_BADOFFSET;
	na = path[depth - 1].na;
	ns = path[depth - 1].ns;
	reg = fdt_getprop(blob, node, "reg", &len);
	if (!reg || len < (idx + 1) * (na + ns) * 4)
		return -FDT_ERR_NOTFOUND;
	reg += idx * (na + ns);
	*addr = read_cells(reg, na);
	*size = read_cells(reg + na, ns);
	/* climb: each bus below the root translates into its parent */
	for (d = depth - 1; d > 0; d--) {
		err = translate_one(blob, &path[d], &path[d - 1], addr);
		if (err)
			return err;
	}
	return 0;
}

int of_translate_reg(const void *blob, int node, int idx, u64 *addr, u64 *size)
{
	struct of_bus_level path[OF_MAX_DEPTH];
	int depth = fdt_node_depth(blob, node), d, n;

	if (depth < 0)
		return depth;
	if (depth >= OF_MAX_DEPTH)
		return -FDT_ERR_BADSTRUCTURE;
	for (d = 0; d < depth; d++) {
		n = fdt_supernode_atdepth_offset(blob, node, d, NULL);
		if (n < 0)
			return n;
		of_bus_level_init(blob, &path[d], n);
	}
	return of_translate_reg_path(blob, path, depth, node, idx, addr, size);
}

int of_find_compatible(const void *blob, const char *compat)
{
	return fdt_node_offset_by_compatible(blob, -1, compat);
}

int of_memory_ranges(const void *blob, struct of_mem_range *r, int max)
{
	int node, count = 0, na, ns;

	bus_cells(blob, 0, &na, &ns);
	fdt_for_each_subnode(node, blob, 0) {
		const char *type = fdt_getprop(blob, node, "device_type", NULL);
		const fdt32_t *reg;
		int len, i;

		if (!type || strcmp(type, "memory"))
			continue;
		reg = fdt_getprop(blob, node, "reg", &len);
		for (i = 0; reg && (i + 1) * (na + ns) * 4 <= len && count < max; i++) {
			r[count].base = read_cells(reg + i * (na + ns), na);
			r[count].size = read_cells(reg + i * (na + ns) + na, ns);
			count++;
		}
	}
	return count;
}
