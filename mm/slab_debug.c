/*
 * mm/slab_debug.c - slab shown to a learner: the console commands
 * `kmalloc <size>` and `kfree <addr>`, which print the cache's
 * /proc/slabinfo line before and after, the slab page the object came
 * from, and what changed in meminfo's Slab and the free page count.
 * Linux has no such file (its slab is watched through /proc/slabinfo and
 * slub_debug); the commands live apart from mm/slab_common.c so that file
 * reads like its Linux namesake, as mm/page_alloc_debug.c does for the
 * buddy allocator.
 *
 *   armmm# kmalloc 100                     (vexpress-a9, 512M; columns squeezed)
 *     slabinfo before: kmalloc-128  0  0 128 32 1 : tunables 0 0 0 : slabdata 0 0 0
 *   kmalloc(100, GFP_KERNEL) = 0xdf403000 from kmalloc-128
 *     slab page: pfn 0x7f403, order 0, inuse 1/32 objects, next free 0xdf403080
 *     slabinfo after : kmalloc-128  1 32 128 32 1 : tunables 0 0 0 : slabdata 1 1 0
 *     Slab: 12 -> 16 kB, free pages: 129494 -> 129493
 *   armmm# kfree 0xdf403000
 *     slabinfo before: kmalloc-128  1 32 128 32 1 : tunables 0 0 0 : slabdata 1 1 0
 *     slabinfo after : kmalloc-128  0 32 128 32 1 : tunables 0 0 0 : slabdata 1 1 0
 *     Slab: 16 -> 16 kB                    (the empty slab stays: min_partial)
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/shell.h>
#include <linux/slab.h>

#define SLABINFO_LINE_MAX 160

/* The cache's /proc/slabinfo line, as slab_show prints it. */
static void con_show_cache(const char *when, struct kmem_cache *s)
{
	char buf[SLABINFO_LINE_MAX];
	struct seq_file m;

	seq_buf_init(&m, buf, sizeof(buf));
	slabinfo_show_cache(&m, s);
	con_printf("  slabinfo %s: %s", when, buf);
}

/* The slab (head page) holding a live slab object, from its struct page. */
static void con_show_slab(const void *object)
{
	struct page *slab = virt_to_head_page(object);

	con_printf("  slab page: pfn 0x%lx, order %u, inuse %u/%u objects, next free %p\n",
		   page_to_pfn(slab), compound_order(slab), slab->inuse, slab->objects,
		   slab->freelist);
}

/* meminfo's Slab: bytes of slab pages, reclaimable or not. */
static unsigned long slab_bytes(void)
{
	return contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE_B] +
	       contig_page_data.vm_stat[NR_SLAB_RECLAIMABLE_B];
}

/* kmalloc <size>: allocate, keep it, and show what changed. */
static void cmd_kmalloc(int argc, char **argv)
{
	unsigned long size, before = slab_bytes(), free_before = nr_free_pages();
	struct kmem_cache *s;
	void *p;

	if (!shell_nargs(argc, argv, 1, 1, "kmalloc <size>  (bytes, K/M suffix allowed; "
			 "free it with kfree <addr>)") || !shell_arg_size(argv[0], argv[1], &size))
		return;
	s = kmalloc_slab(size);
	if (s)
		con_show_cache("before", s);
	p = kmalloc(size, GFP_KERNEL);
	con_printf("kmalloc(%lu, GFP_KERNEL) = %p from %s\n", size, p,
		   s ? s->name : size ? "the page allocator (kmalloc_large)" : "nowhere (ZERO_SIZE_PTR)");
	if (ZERO_OR_NULL_PTR(p))
		return;
	if (s) {
		con_show_slab(p);
		con_show_cache("after ", s);
	} else {
		con_printf("  compound page: pfn 0x%lx, order %u\n", virt_to_pfn(p),
			   compound_order(virt_to_head_page(p)));
	}
	con_printf("  Slab: %lu -> %lu kB, free pages: %lu -> %lu\n", before / SZ_1K,
		   slab_bytes() / SZ_1K, free_before, nr_free_pages());
}
SHELL_CMD(kmalloc, "kmalloc <size>: allocate and show the slab it came from", cmd_kmalloc);

/* kfree <addr>: free what kmalloc gave, showing the cache before and after. */
static void cmd_kfree(int argc, char **argv)
{
	unsigned long addr, before = slab_bytes();
	struct kmem_cache *s = NULL;

	if (!shell_nargs(argc, argv, 1, 1, "kfree <addr>  (the address kmalloc printed)") ||
	    !shell_arg_addr(argv[0], argv[1], &addr))
		return;
	if (addr >= PAGE_OFFSET && pfn_valid(virt_to_pfn(addr)) &&
	    PageSlab(virt_to_head_page((void *)addr)))
		s = virt_to_head_page((void *)addr)->slab_cache;
	if (s)
		con_show_cache("before", s);
	kfree((void *)addr);
	if (s)
		con_show_cache("after ", s);
	con_printf("  Slab: %lu -> %lu kB\n", before / SZ_1K, slab_bytes() / SZ_1K);
}
SHELL_CMD(kfree, "kfree <addr>: free a kmalloc object (errors are reported)", cmd_kfree);
