/*
 * linux/of_fdt.h - reading the flattened device tree the boot loader gave
 * us (Linux: drivers/of/fdt.c, drivers/of/fdt_address.c), through libfdt.
 */
#ifndef _LINUX_OF_FDT_H
#define _LINUX_OF_FDT_H

#include <linux/types.h>

/* The DTB at its fixed virtual address (head.S mapped it), once checked. */
extern const void *initial_boot_params;
extern phys_addr_t __atags_pointer;   /* its physical address (r2) */

/* Check the whole blob: header, every node and property. 0 or -FDT_ERR_*. */
int of_fdt_validate(const void *blob);
/* of_fdt_validate's own error, past libfdt's: a block is misaligned (newer libfdt: FDT_ERR_ALIGNMENT). */
#define OF_FDT_ERR_MISALIGNED 100
/* What an of_fdt_validate error means, in words (libfdt's fdt_strerror, and ours). */
const char *of_fdt_strerror(int err);
/* Node of /chosen stdout-path (aliases resolved, ":options" dropped), or <0. */
int of_stdout_node(const void *blob, int *alias_index);
/* The CPU physical address of reg entry idx of node, through every parent's
 * ranges (Linux of_translate_address). 0 on success, <0 if untranslatable. */
int of_translate_reg(const void *blob, int node, int idx, u64 *addr, u64 *size);
/*
 * The same for a walker that already holds the node's ancestors: path[0]
 * is the root, path[depth - 1] the node's parent. libfdt finds a parent by
 * scanning the blob from the start (fdt_parent_offset), so a walk over
 * every node should carry its path instead of asking; and each level keeps
 * the #address-cells/#size-cells its children use, read once when the
 * walker enters it (each read is a scan of the node's properties).
 */
struct of_bus_level {
	int node;       /* offset of the node at this depth */
	int na, ns;     /* #address-cells, #size-cells of its children */
};
void of_bus_level_init(const void *blob, struct of_bus_level *lvl, int node);
int of_translate_reg_path(const void *blob, const struct of_bus_level *path, int depth,
			  int node, int idx, u64 *addr, u64 *size);
#define OF_MAX_DEPTH 16   /* deeper nodes are not translated (no board comes close) */
/* First node compatible with compat, or <0. */
int of_find_compatible(const void *blob, const char *compat);

/* One memory range from the /memory nodes' reg properties. */
struct of_mem_range {
	u64 base;
	u64 size;
};
/* Fill up to max ranges from every device_type="memory" node; return the count. */
int of_memory_ranges(const void *blob, struct of_mem_range *r, int max);

/*
 * Boot-time memory from the DTB (drivers/of/fdt_mem.c; Linux
 * drivers/of/fdt.c): every /memory node's reg into memblock, with Linux's
 * "Ignoring memory block" checks; returns how many banks were added.
 */
int early_init_dt_scan_memory(const void *blob);
void early_init_dt_add_memory_arch(u64 base, u64 size);
/* /chosen linux,initrd-start/-end (or initrd= on the command line). */
void early_init_dt_check_for_initrd(const void *blob);
extern phys_addr_t phys_initrd_start, phys_initrd_size;
void reserve_initrd_mem(void);
/* The memreserve block and /reserved-memory into memblock (no-map: NOMAP). */
void early_init_fdt_scan_reserved_mem(const void *blob);

/* drivers/of/platform.c: the DTB's devices as /proc/iomem resources. */
struct resource;
void of_iomem_devices(const void *blob);
struct resource *of_iomem_resource(const void *blob, int node);

#endif
