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
#include <stdlib.h>

#ifndef K
#define K(pages) ((pages) << (PAGE_SHIFT - 10))
#endif

/* Each page of an area: its pfn and the two PTEs that map it; then the guard page. */
static void show_area_ptes(const struct vm_struct *vm)
{
	unsigned long start = (unsigned long)vm->addr, end = start + get_vm_area_size(vm), va;
	struct vtop_result r;

	con_printf("  page  va          pfn      Linux PTE   hw PTE      L1 (PTE page)\n");
	for (va = start; va < end; va += PAGE_SIZE) {
		if (vtop_walk(va, &r) != VTOP_PAGE) {
			con_printf("  %4lu  0x%08lx  not mapped\n", (va - start) >> PAGE_SHIFT, va);
			continue;
		}
		con_printf("  %4lu  0x%08lx  0x%05x  0x%08x  0x%08x  0x%08x%s\n",
			   (va - start) >> PAGE_SHIFT, va, r.pa >> PAGE_SHIFT, pte_val(*r.linux_pte),
			   r.hw_pte, r.l1, PageHighMem(vmalloc_to_page((void *)va)) ? " HighMem" : "");
	}
	con_printf("  guard 0x%08lx  %s\n", end,
		   vtop_walk(end, &r) == VTOP_FAULT ? "not mapped: faults" : "mapped (unexpected)");
}

static void cmd_vmalloc(int argc, char **argv)
{
	unsigned long size = argc > 1 ? (unsigned long)memparse(argv[1], NULL) : 0;
	void *addr = size ? vmalloc(size) : NULL;
	struct vm_struct *vm = addr ? find_vm_area(addr) : NULL;

	if (!vm) {
		con_printf("usage: vmalloc <size>  (bytes, K/M suffix allowed; nothing allocated)\n");
		return;
	}
	con_printf("vmalloc(%lu) = 0x%08lx: area 0x%08lx-0x%08lx, %u pages + guard page\n",
		   size, (unsigned long)addr, (unsigned long)vm->addr, (unsigned long)vm->addr + vm->size, vm->nr_pages);
	show_area_ptes(vm);
	con_printf("VmallocUsed: %lu kB (vfree 0x%08lx gives it back)\n",
		   K(vmalloc_nr_pages()), (unsigned long)addr);
}
SHELL_CMD(vmalloc, "vmalloc <size>: allocate, show the pages (pfns) and their PTEs", cmd_vmalloc);

static void cmd_vfree(int argc, char **argv)
{
	unsigned long addr = argc > 1 ? strtoul(argv[1], NULL, 0) : 0, va;
	struct vm_struct *vm = find_vm_area((void *)addr);
	struct vtop_result r;
	int still = 0;

	if (!vm || !(vm->flags & VM_ALLOC) || (unsigned long)vm->addr != addr) {
		con_printf("usage: vfree <addr>: 0x%08lx is not the start of a vmalloc area "
			   "(see /proc/vmallocinfo)\n", addr);
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
