/*
 * mm/vmalloc_debug.c - console commands to watch vmalloc at work:
 * "vmalloc <size>" allocates and shows each page's pfn and PTEs, "vfree
 * <addr>" frees and checks that the pages are unmapped. Not in Linux (its
 * closest tools are /proc/vmallocinfo and test_vmalloc.ko); kept out of
 * mm/vmalloc.c so that file reads like Linux's.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/shell.h>
#include <asm/vtop.h>

/* Areas longer than this show their first and last SHOW_EDGE pages only. */
#define SHOW_EDGE 8

static void show_page_pte(unsigned long start, unsigned long va)
{
	struct vtop_result r;

	if (vtop_walk(va, &r) != VTOP_PAGE) {
		con_printf("  %4lu  0x%08lx  not mapped\n", (va - start) >> PAGE_SHIFT, va);
		return;
	}
	con_printf("  %4lu  0x%08lx  0x%05x  0x%08x  0x%08x  0x%08x%s\n",
		   (va - start) >> PAGE_SHIFT, va, r.pa >> PAGE_SHIFT, pte_val(*r.linux_pte),
		   r.hw_pte, r.l1, PageHighMem(vmalloc_to_page((void *)va)) ? " HighMem" : "");
}

/*
 * Each page of an area: its pfn and the two PTEs that map it (for a big
 * area the first and last SHOW_EDGE, and how to see the rest); then the
 * guard page.
 */
static void show_area_ptes(const struct vm_struct *vm)
{
	unsigned long start = (unsigned long)vm->addr, end = start + get_vm_area_size(vm), va;
	unsigned long pages = (end - start) >> PAGE_SHIFT;
	struct vtop_result r;

	con_printf("  page  va          pfn      Linux PTE   hw PTE      L1 (PTE page)\n");
	for (va = start; va < end; va += PAGE_SIZE) {
		unsigned long i = (va - start) >> PAGE_SHIFT;

		if (pages > 2 * SHOW_EDGE && i == SHOW_EDGE) {
			con_printf("  ...   %lu more pages: vtop <va> shows any of them\n",
				   pages - 2 * SHOW_EDGE);
			va = end - SHOW_EDGE * PAGE_SIZE - PAGE_SIZE;
			continue;
		}
		show_page_pte(start, va);
	}
	con_printf("  guard 0x%08lx  %s\n", end,
		   vtop_walk(end, &r) == VTOP_FAULT ? "not mapped: faults" : "mapped (unexpected)");
}

static void cmd_vmalloc(int argc, char **argv)
{
	unsigned long size;
	struct vm_struct *vm;
	void *addr;

	if (!shell_nargs(argc, argv, 1, 1, "vmalloc <size>  (bytes, K/M/G suffix allowed)") ||
	    !shell_arg_size(argv[0], argv[1], &size))
		return;
	if (!size) {
		con_printf("Error: vmalloc: size 0: nothing to allocate\n");
		return;
	}
	addr = vmalloc(size);
	vm = addr ? find_vm_area(addr) : NULL;
	if (!vm) {
		con_printf("Error: vmalloc: vmalloc(%lu) failed (the reason is above): nothing "
			   "allocated\n", size);
		return;
	}
	con_printf("vmalloc(%lu) = 0x%08lx: area 0x%08lx-0x%08lx, %u pages + guard page\n",
		   size, (unsigned long)addr, (unsigned long)vm->addr,
		   (unsigned long)vm->addr + vm->size, vm->nr_pages);
	show_area_ptes(vm);
	con_printf("VmallocUsed: %lu kB (vfree 0x%08lx gives it back)\n",
		   K(vmalloc_nr_pages()), (unsigned long)addr);
}
SHELL_CMD(vmalloc, "vmalloc <size>: allocate, show the pages (pfns) and their PTEs", cmd_vmalloc);

static void cmd_vfree(int argc, char **argv)
{
	unsigned long addr, va;
	struct vm_struct *vm;
	struct vtop_result r;
	int still = 0;

	if (!shell_nargs(argc, argv, 1, 1, "vfree <addr>  (the address vmalloc printed)") ||
	    !shell_arg_addr(argv[0], argv[1], &addr))
		return;
	vm = find_vm_area((void *)addr);
	if (!vm || !(vm->flags & VM_ALLOC) || (unsigned long)vm->addr != addr) {
		con_printf("Error: vfree: 0x%08lx is not the start of a vmalloc area "
			   "(see /proc/vmallocinfo): nothing freed\n", addr);
		return;
	}
	va = addr + get_vm_area_size(vm);
	vfree((void *)addr);
	for (; va > addr; va -= PAGE_SIZE)
		still += vtop_walk(va - PAGE_SIZE, &r) != VTOP_FAULT;
	con_printf("vfree(0x%08lx): PTEs cleared, TLB entries invalidated; %d page%s still "
		   "mapped; VmallocUsed: %lu kB\n", addr, still, still == 1 ? "" : "s",
		   K(vmalloc_nr_pages()));
}
SHELL_CMD(vfree, "vfree <addr>: free a vmalloc area, check its pages are unmapped", cmd_vfree);
