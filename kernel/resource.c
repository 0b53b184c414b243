/*
 * kernel/resource.c - the physical address space as a tree of named
 * ranges, and /proc/iomem (Linux: kernel/resource.c). Boot-time only here:
 * resources are never released.
 */
#include <linux/kernel.h>
#include <linux/ioport.h>
#include <linux/seq_file.h>

#define EBUSY 16
#define IOMEM_MAX_DEPTH 5   /* how deep /proc/iomem shows nesting */

struct resource iomem_resource = {
	.name = "PCI mem",
	.start = 0,
	.end = ~(phys_addr_t)0,
	.flags = IORESOURCE_MEM,
};

int request_resource(struct resource *root, struct resource *new)
{
	struct resource **p = &root->child;

	if (new->start > new->end || new->start < root->start || new->end > root->end)
		return -EBUSY;
	for (; *p; p = &(*p)->sibling) {
		if ((*p)->start > new->end)
			break;
		if ((*p)->end >= new->start)
			return -EBUSY;     /* overlaps a sibling */
	}
	new->sibling = *p;
	new->parent = root;
	*p = new;
	return 0;
}

static void show_resource(struct seq_file *m, const struct resource *r, int depth)
{
	for (; r; r = r->sibling) {
		seq_printf(m, "%*s%08llx-%08llx : %s\n", depth * 2, "",
			   (unsigned long long)r->start, (unsigned long long)r->end,
			   r->name ? r->name : "<BAD>");
		if (depth + 1 < IOMEM_MAX_DEPTH)
			show_resource(m, r->child, depth + 1);
	}
}

/* /proc/iomem: "start-end : name", two spaces per nesting level, 8 digits. */
static int iomem_show(struct seq_file *m, void *priv)
{
	show_resource(m, iomem_resource.child, 0);
	return 0;
}
DUMP_FILE(iomem, "/proc/iomem", iomem_show, NULL);
