/*
 * drivers/of/fdt_mem.c - memory facts from the DTB into memblock.
 * Linux: drivers/of/fdt.c (early_init_dt_scan_memory,
 * early_init_dt_add_memory_arch, early_init_dt_check_for_initrd,
 * early_init_fdt_scan_reserved_mem), drivers/of/of_reserved_mem.c,
 * init/initramfs.c (reserve_initrd_mem).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <asm/memory.h>
#include <libfdt.h>
#include <string.h>

#define MAX_MEMBLOCK_ADDR ((u64)(phys_addr_t)~0)   /* 32-bit physical addresses */

phys_addr_t phys_initrd_start __initdata, phys_initrd_size __initdata;

static u64 read_cells(const fdt32_t **p, int n)
{
	u64 v = 0;

	while (n--)
		v = (v << 32) | fdt32_to_cpu(*(*p)++);
	return v;
}

/*
 * Cell counts a reg can be read with: an address (1..4 cells; like Linux's
 * of_read_number, read_cells keeps the low 64 bits) and a size (1..4).
 * Anything else would never advance through reg (0 + 0 cells), overflow
 * its length, or is libfdt's error code for a bad property.
 */
static bool cells_ok(int na, int ns)
{
	return na >= 1 && na <= 4 && ns >= 1 && ns <= 4;
}

static int root_cells(const void *blob, const char *name, int dflt)
{
	const fdt32_t *p = fdt_getprop(blob, 0, name, NULL);

	return p ? (int)fdt32_to_cpu(*p) : dflt;
}

/**
 * early_init_dt_add_memory_arch - add one RAM bank from the DTB
 * @base: start, as the DTB gives it (may be above 4 GiB)
 * @size: bytes
 *
 * Pages only: a partial first page is skipped, the size rounded down.
 * Banks smaller than a page, above 4 GiB or below PHYS_OFFSET are ignored
 * (or cut) with Linux's messages.
 */
void __init early_init_dt_add_memory_arch(u64 base, u64 size)
{
	const u64 phys_offset = PHYS_OFFSET;

	if (size < PAGE_SIZE - (base & ~PAGE_MASK)) {
		pr_warn("OF: fdt: Ignoring memory block 0x%llx - 0x%llx\n", base, base + size);
		return;
	}
	if (base & ~PAGE_MASK) {
		size -= PAGE_SIZE - (base & ~PAGE_MASK);
		base = ALIGN(base, (u64)PAGE_SIZE);
	}
	/* u64 mask: PAGE_MASK is 32 bits and would cut a bank of 4 GiB or more
	 * to its low word (Linux has that bug; we would rather clip below). */
	size &= ~(u64)(PAGE_SIZE - 1);
	if (base > MAX_MEMBLOCK_ADDR) {
		pr_warn("OF: fdt: Ignoring memory block 0x%llx - 0x%llx\n", base, base + size);
		return;
	}
	if (base + size - 1 > MAX_MEMBLOCK_ADDR) {
		pr_warn("OF: fdt: Ignoring memory range 0x%llx - 0x%llx\n",
			MAX_MEMBLOCK_ADDR + 1, base + size);
		size = MAX_MEMBLOCK_ADDR - base + 1;
	}
	if (base + size < phys_offset) {
		pr_warn("OF: fdt: Ignoring memory block 0x%llx - 0x%llx\n", base, base + size);
		return;
	}
	if (base < phys_offset) {
		pr_warn("OF: fdt: Ignoring memory range 0x%llx - 0x%llx\n", base, phys_offset);
		size -= phys_offset - base;
		base = phys_offset;
	}
	if (memblock_overlaps_region(&memblock.memory, (phys_addr_t)base, (phys_addr_t)size))
		pr_warn("OF: fdt: memory block 0x%llx - 0x%llx overlaps one already added\n",
			base, base + size);
	memblock_add((phys_addr_t)base, (phys_addr_t)size);
}

int __init early_init_dt_scan_memory(const void *blob)
{
	int na = root_cells(blob, "#address-cells", 1);
	int ns = root_cells(blob, "#size-cells", 1);
	int node, found = 0;

	/* A reg entry must advance, and fit the u64 read_cells() builds. */
	if (!cells_ok(na, ns)) {
		pr_err("OF: fdt: root #address-cells %d / #size-cells %d unusable, no memory read\n",
		       na, ns);
		return 0;
	}

	fdt_for_each_subnode(node, blob, 0) {
		const char *type = fdt_getprop(blob, node, "device_type", NULL);
		const char *status = fdt_getprop(blob, node, "status", NULL);
		const fdt32_t *reg;
		int len;

		if (!type || strcmp(type, "memory"))
			continue;
		if (status && strcmp(status, "okay") && strcmp(status, "ok"))
			continue;
		reg = fdt_getprop(blob, node, "linux,usable-memory", &len);
		if (!reg)
			reg = fdt_getprop(blob, node, "reg", &len);
		if (!reg)
			continue;
		for (; len >= (na + ns) * 4; len -= (na + ns) * 4) {
			u64 base = read_cells(&reg, na);
			u64 size = read_cells(&reg, ns);

			early_init_dt_add_memory_arch(base, size);
			found++;
		}
	}
	return found;
}

void __init early_init_dt_check_for_initrd(const void *blob)
{
	int chosen = fdt_path_offset(blob, "/chosen"), len;
	const fdt32_t *p;
	u64 start, end;

	if (chosen < 0)
		return;
	p = fdt_getprop(blob, chosen, "linux,initrd-start", &len);
	if (!p)
		return;
	start = read_cells(&p, len / 4);
	p = fdt_getprop(blob, chosen, "linux,initrd-end", &len);
	if (!p)
		return;
	end = read_cells(&p, len / 4);
	phys_initrd_start = (phys_addr_t)start;
	phys_initrd_size = (phys_addr_t)(end - start);
	pr_info("OF: fdt: initrd at 0x%08llx-0x%08llx\n", start, end);
}

/* Linux init/initramfs.c: keep the initrd's pages out of the allocator. */
void __init reserve_initrd_mem(void)
{
	phys_addr_t start = ALIGN_DOWN(phys_initrd_start, PAGE_SIZE);
	phys_addr_t size = ALIGN(phys_initrd_start + phys_initrd_size, PAGE_SIZE) - start;

	if (!phys_initrd_size)
		return;
	if (!memblock_is_region_memory(start, size)) {
		pr_err("INITRD: 0x%08x+0x%08x is not a memory region - disabling initrd\n",
		       start, size);
		phys_initrd_size = 0;
		return;
	}
	memblock_reserve(start, size);
}

/* One /reserved-memory child with a reg: reserve it, or make it NOMAP. */
static void __init reserve_mem_node(const void *blob, int node, int na, int ns)
{
	bool nomap = fdt_getprop(blob, node, "no-map", NULL) != NULL;
	const fdt32_t *reg;
	int len;

	reg = fdt_getprop(blob, node, "reg", &len);
	for (; reg && len >= (na + ns) * 4; len -= (na + ns) * 4) {
		u64 base = read_cells(&reg, na);
		u64 size = read_cells(&reg, ns);

		if (base > MAX_MEMBLOCK_ADDR || !size)
			continue;
		if (!memblock_is_region_memory((phys_addr_t)base, (phys_addr_t)size)) {
			pr_info("OF: reserved mem: %s 0x%08llx..0x%08llx is not in RAM, skipped\n",
				fdt_get_name(blob, node, NULL), base, base + size - 1);
			continue;
		}
		if (nomap)
			memblock_mark_nomap((phys_addr_t)base, (phys_addr_t)size);
		else
			memblock_reserve((phys_addr_t)base, (phys_addr_t)size);
		pr_info("OF: reserved mem: %s 0x%08llx..0x%08llx (%llu KiB) %s\n",
			fdt_get_name(blob, node, NULL), base, base + size - 1, size >> 10,
			nomap ? "nomap" : "reserved");
	}
}

void __init early_init_fdt_scan_reserved_mem(const void *blob)
{
	int i, n = fdt_num_mem_rsv(blob), node, child, na, ns;

	for (i = 0; i < n; i++) {
		uint64_t base, size;

		if (fdt_get_mem_rsv(blob, i, &base, &size) || !size || base > MAX_MEMBLOCK_ADDR)
			continue;
		memblock_reserve((phys_addr_t)base, (phys_addr_t)size);
	}
	node = fdt_path_offset(blob, "/reserved-memory");
	if (node < 0)
		return;
	na = fdt_address_cells(blob, node);
	ns = fdt_size_cells(blob, node);
	if (!cells_ok(na, ns)) {
		pr_err("OF: reserved mem: #address-cells %d / #size-cells %d unusable, ignored\n",
		       na, ns);
		return;
	}
	fdt_for_each_subnode(child, blob, node) {
		const char *status = fdt_getprop(blob, child, "status", NULL);

		if (!status || !strcmp(status, "okay"))
			reserve_mem_node(blob, child, na, ns);
	}
}
