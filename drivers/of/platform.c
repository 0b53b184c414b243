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
static int nr_dev_res;

static bool node_enabled(const void *blob, int node)
{
	const char *status = fdt_getprop(blob, node, "status", NULL);

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/* A node Linux would make a device of: enabled, with a compatible, whose
 * parent is the root or a simple-bus that is itself such a bus. */
static bool is_device_node(const void *blob, int node)
{
	int parent = fdt_parent_offset(blob, node);

	if (!node_enabled(blob, node) || !fdt_getprop(blob, node, "compatible", NULL))
		return false;
	if (parent == 0)
		return true;
	return parent > 0 && !fdt_node_check_compatible(blob, parent, "simple-bus") &&
	       (fdt_parent_offset(blob, parent) == 0 || is_device_node(blob, parent));
}

/* The resource of a node's first reg, if it was added (NULL if not). */
struct resource *of_iomem_resource(const void *blob, int node)
{
	u64 addr, size;
	int i;

	if (of_translate_reg(blob, node, 0, &addr, &size))
		return NULL;
	for (i = 0; i < nr_dev_res; i++)
		if (dev_res[i].start == addr && !strcmp(dev_res[i].name, fdt_get_name(blob, node, NULL)))
			return &dev_res[i];
	return NULL;
}

/* Add every device node's first reg to iomem (boot only; after System RAM). */
void __init of_iomem_devices(const void *blob)
{
	int node = -1, depth = 0;

	while ((node = fdt_next_node(blob, node, &depth)) >= 0 && nr_dev_res < MAX_DEV_RESOURCES) {
		struct resource *res = &dev_res[nr_dev_res];
		u64 addr, size;

		if (!is_device_node(blob, node) || !fdt_getprop(blob, node, "reg", NULL))
			continue;
		if (of_translate_reg(blob, node, 0, &addr, &size) || !size ||
		    addr + size - 1 > (phys_addr_t)~0)
			continue;
		res->start = (phys_addr_t)addr;
		res->end = (phys_addr_t)(addr + size - 1);
		res->name = fdt_get_name(blob, node, NULL);
		res->flags = IORESOURCE_MEM;
		if (!request_resource(&iomem_resource, res))
			nr_dev_res++;
	}
}
