/*
 * mm/memblock_debug.c - memblock shown to a learner (Linux 6.1: the end of
 * mm/memblock.c: memblock_dump_all, early_memblock and the debugfs files
 * under CONFIG_DEBUG_FS). A piece of Linux's one memblock.c, split off to
 * keep each file under ~600 lines (see the header of mm/memblock.c); named
 * after mm/page_alloc_debug.c, which does the same for the buddy allocator.
 *
 *   memblock=debug       every add/remove/reserve/alloc logs one line
 *                        (memblock_dbg, mm/memblock_internal.h), and
 *                        arm_memblock_init ends with memblock_dump_all:
 *       MEMBLOCK configuration:
 *        memory size = 0x20000000 reserved size = 0x009fe000
 *        memory.cnt  = 0x1
 *        memory[0x0]   [0x60000000-0x7fffffff], 0x20000000 bytes flags: 0x0
 *        reserved.cnt  = 0x2
 *        reserved[0x0] [0x60004000-0x609fffff], 0x009fc000 bytes flags: 0x0
 *        reserved[0x1] [0x68000000-0x68001fff], 0x00002000 bytes flags: 0x0
 *                     ^ a tab (the host test's vexpress state, see
 *                       tests/host/memblock/test_dump.c)
 *   /sys/kernel/debug/memblock/memory, .../reserved   (the shell's `cat`)
 *          0: 0x60000000..0x7fffffff
 *
 * Deliberate differences from Linux 6.1:
 *  - Formats are spelled out: Linux's %pa of a 32-bit phys_addr_t prints
 *    exactly 0x%08x, and its %#x prints 0x0 for zero, i.e. exactly 0x%x;
 *    our vsnprintf (and the host's) has neither %pa nor Linux's %#x.
 *  - early_memblock() and memblock_debug_show() are not static: the arch's
 *    early-parameter table calls the first (we have no early_param()), and
 *    the debugfs files are DUMP_FILE()s of the shell (linux/seq_file.h),
 *    not debugfs_create_file() entries.
 *  - No physmem file (CONFIG_HAVE_MEMBLOCK_PHYS_MAP is s390 only).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/seq_file.h>
#include <string.h>
#include "memblock_internal.h"

/* One type, as Linux's memblock_dump prints it for one node (no "on node"). */
static void __init_memblock memblock_dump(struct memblock_type *type)
{
	phys_addr_t base, end, size;
	struct memblock_region *rgn;
	int idx;

	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);

	for_each_memblock_type(idx, type, rgn) {
		base = rgn->base;
		size = rgn->size;
		end = base + size - 1;
		pr_info(" %s[0x%x]\t[0x%08x-0x%08x], 0x%08x bytes flags: 0x%x\n",
			type->name, (unsigned int)idx, base, end, size,
			(unsigned int)rgn->flags);
	}
}

/**
 * memblock_dump_all - print both lists to the kernel log
 *
 * Only with memblock=debug, as Linux. ARM calls it at the end of
 * arm_memblock_init().
 */
void __init_memblock memblock_dump_all(void)
{
	if (!memblock_debug)
		return;
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = 0x%08x reserved size = 0x%08x\n",
		memblock.memory.total_size, memblock.reserved.total_size);
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

/**
 * early_memblock - the "memblock=" early parameter
 * @p: its value; one containing "debug" turns memblock_debug on
 *
 * Return: 0.
 */
int __init early_memblock(const char *p)
{
	if (p && strstr(p, "debug"))
		memblock_debug = 1;
	return 0;
}

/**
 * memblock_debug_show - /sys/kernel/debug/memblock/{memory,reserved}
 * @m: where to print; m->private is the struct memblock_type
 * @private: unused (the same pointer)
 *
 * One line per region, index and inclusive bounds, as Linux 6.1 (later
 * versions add the node and flags):
 *
 *        0: 0x60000000..0x7fffffff
 *
 * An empty type prints its dummy region: "   0: 0x00000000..0xffffffff".
 *
 * Return: 0.
 */
int __init_memblock memblock_debug_show(struct seq_file *m, void *private)
{
	struct memblock_type *type = m->private;
	struct memblock_region *reg;
	phys_addr_t end;
	int i;

	(void)private;
	for_each_memblock_type(i, type, reg) {
		end = reg->base + reg->size - 1;
		seq_printf(m, "%4d: 0x%08x..0x%08x\n", i, reg->base, end);
	}
	return 0;
}

DUMP_FILE(memblock_memory, "/sys/kernel/debug/memblock/memory",
	  memblock_debug_show, &memblock.memory);
DUMP_FILE(memblock_reserved, "/sys/kernel/debug/memblock/reserved",
	  memblock_debug_show, &memblock.reserved);
