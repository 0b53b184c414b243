/*
 * linux/ioport.h - the resource tree behind /proc/iomem (Linux:
 * include/linux/ioport.h, kernel/resource.c). Each resource is an inclusive
 * range [start, end] with a name; children nest inside their parent and
 * are kept sorted and non-overlapping.
 */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H

#include <linux/types.h>

struct resource {
	phys_addr_t start;
	phys_addr_t end;          /* inclusive, as Linux */
	const char *name;
	unsigned long flags;
	struct resource *parent, *sibling, *child;
};

#define IORESOURCE_MEM        0x00000200
#define IORESOURCE_BUSY       0x80000000
#define IORESOURCE_SYSRAM     0x01000000
#define IORESOURCE_SYSTEM_RAM (IORESOURCE_MEM | IORESOURCE_SYSRAM)

extern struct resource iomem_resource;

/* Insert new under root. 0, or -EBUSY if it overlaps a sibling or does not
 * fit inside root (the tree is left unchanged). */
int request_resource(struct resource *root, struct resource *new);

#endif
