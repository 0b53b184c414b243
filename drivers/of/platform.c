/*
 * drivers/of/platform.c - the DTB's devices in /proc/iomem. Linux creates a
 * platform (or AMBA) device for every enabled node with a "compatible" on
 * the root or a "simple-bus", and each device's "reg" becomes a resource
 * named after its node ("uart@9000"). We have no drivers to bind, so only
 * the resources are made; the console driver nests its own claim under
 * its device, as Linux's pl011 driver does ("10009000.uart uart@9000").
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/of_fdt.h>
#include <libfdt.h>
#include <string.h>

#define MAX_DEV_RESOURCES 64

static struct resource dev_res[MAX_DEV_RESOURCES];
static int dev_node[MAX_DEV_RESOURCES];        /* the node each came from */
static int nr_dev_res;

static bool node_enabled(const void *blob, int node)
{
	const char *status = fdt_getprop(blob, node, "status", NULL);

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/*
 * A node Linux's of_platform_populate would make a device of, given that
 * its parent is the root or such a device that is itself a bus: enabled
 * and with a compatible. (Linux descends only into "simple-bus" and the
 * other default bus types; simple-bus is the only one our boards use.)
 */
static bool is_device_node(const void *blob, int node)
{
	return node_enabled(blob, node) && fdt_getprop(blob, node, "compatible", NULL);
}
/* The resource of a node's first reg, if it was added (NULL if not):
 * found by node offset, not by translating reg again (a scan from the
 * root for every ancestor). */
struct resource *of_iomem_resource(const void *blob, int node)
{
	int i;

	for (i = 0; i < nr_dev_res; i++)
		if (dev_node[i] == node)
			return &dev_res[i];
	return NULL;
}

/* Add one device node's first reg to iomem, if translatable and in 4 GiB. */
static void __init add_device_reg(const void *blob, const struct of_bus_level *path, int depth,
				  int node)
{
	struct resource *res = &dev_res[nr_dev_res];
	u64 addr, size;

	if (!fdt_getprop(blob, node, "reg", NULL) ||
	    of_translate_reg_path(blob, path, depth, node, 0, &addr, &size) || !size ||
	    addr + size - 1 > (phys_addr_t)~0)
		return;
	res->start = (phys_addr_t)addr;
	res->end = (phys_addr_t)(addr + size - 1);
	res->name = fdt_get_name(blob, node, NULL);
	res->flags = IORESOURCE_MEM;
	if (!request_resource(&iomem_resource, res))
		dev_node[nr_dev_res++] = node;
}

/*
 * Add every device node's first reg to iomem (boot only; after System RAM).
 * One pass in blob order, carrying the path from the root: path[d] is the
 * node at depth d above the current one, bus[d] whether Linux makes
 * devices of that node's children (the root, or a device that is a
 * simple-bus). Asking libfdt for each node's parent instead rescans the
 * blob every time: that made this walk three quarters of the boot. A
 * level's address and size cells are read only for a bus (nothing else
 * has device children to translate).
 */
void __init of_iomem_devices(const void *blob)
{
	struct of_bus_level path[OF_MAX_DEPTH];
	int node = 0, depth = 0;
	bool bus[OF_MAX_DEPTH];

	of_bus_level_init(blob, &path[0], 0);
	bus[0] = true;
	while ((node = fdt_next_node(blob, node, &depth)) >= 0 && depth > 0 &&
	       nr_dev_res < MAX_DEV_RESOURCES) {
		bool dev;

		if (depth >= OF_MAX_DEPTH)
			continue;
		dev = bus[depth - 1] && is_device_node(blob, node);
		path[depth].node = node;
		bus[depth] = dev && !fdt_node_check_compatible(blob, node, "simple-bus");
		if (bus[depth])
			of_bus_level_init(blob, &path[depth], node);
		if (dev)
			add_device_reg(blob, path, depth, node);
	}
}
