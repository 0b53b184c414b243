/*
 * arch/arm/mm/ioremap.c - mapping device registers into the vmalloc area.
 * Linux: arch/arm/mm/ioremap.c (find_static_vm_paddr, find_static_vm_vaddr,
 * __arm_ioremap_pfn_caller, __arm_ioremap_caller, ioremap, iounmap).
 *
 * A device page is mapped MT_DEVICE: Linux PTE L_PTE_MT_DEV_SHARED, which
 * set_pte_ext turns into TEX[0]CB = 100, TEX remap index 4 = Device memory
 * (asm/cp15.h), shareable and execute-never. The mappings paging_init made
 * (iotable_init: the early UART) are "static" vm areas; ioremap() of
 * registers inside one of them returns that mapping instead of making a
 * second one, and iounmap() leaves them alone.
 *
 * Differences from Linux: no section or supersection ioremaps (Linux uses
 * them only on !SMP kernels for 1 MiB-aligned requests); the static areas
 * are found on vmlist by their VM_ARM_STATIC_MAPPING flag rather than on a
 * separate static_vmlist.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <asm/pgalloc.h>
#include <asm/mach/map.h>
#include "mm.h"

struct static_vm_query {
	phys_addr_t paddr;           /* by physical range ... */
	size_t size;
	unsigned int mtype;
	unsigned long vaddr;         /* ... or by virtual address */
	struct vm_struct *found;
};

static bool is_static(const struct vm_struct *vm)
{
	return vm->flags & VM_ARM_STATIC_MAPPING;
}

/* A static area of type mtype holding all of [paddr, paddr + size). */
static void match_paddr(struct vm_struct *vm, void *arg)
{
	struct static_vm_query *q = arg;

	if (q->found || !is_static(vm) ||
	    (vm->flags & VM_ARM_MTYPE_MASK) != VM_ARM_MTYPE(q->mtype))
		return;
	if (vm->phys_addr <= q->paddr &&
	    q->paddr + q->size - 1 <= vm->phys_addr + vm->size - 1)
		q->found = vm;
}

/* A static area holding vaddr. */
static void match_vaddr(struct vm_struct *vm, void *arg)
{
	struct static_vm_query *q = arg;
	unsigned long start = (unsigned long)vm->addr;

	if (!q->found && is_static(vm) && start <= q->vaddr && q->vaddr < start + vm->size)
		q->found = vm;
}

static struct vm_struct *find_static_vm_paddr(phys_addr_t paddr, size_t size,
					      unsigned int mtype)
{
	struct static_vm_query q = { .paddr = paddr, .size = size, .mtype = mtype };

	for_each_vm_area(match_paddr, &q);
	return q.found;
}

static struct vm_struct *find_static_vm_vaddr(unsigned long vaddr)
{
	struct static_vm_query q = { .vaddr = vaddr };

	for_each_vm_area(match_vaddr, &q);
	return q.found;
}

/**
 * __arm_ioremap_pfn_caller - map size bytes of device memory at pfn + offset
 * @pfn: first physical page
 * @offset: byte offset into it
 * @size: bytes
 * @mtype: MT_DEVICE (the only device type in mem_types[] here)
 * @caller: shown in /proc/vmallocinfo
 *
 * Reuses a static mapping when one covers the range. Refuses RAM the
 * kernel maps (two mappings with different memory types are
 * UNPREDICTABLE on ARMv6+). Return: the virtual address of pfn + offset,
 * or NULL.
 */
static void __iomem *__arm_ioremap_pfn_caller(unsigned long pfn, unsigned long offset,
					      size_t size, unsigned int mtype,
					      const void *caller)
{
	phys_addr_t paddr = PFN_PHYS(pfn);
	const struct mem_type *type = &mem_types[mtype];
	struct vm_struct *area;
	unsigned long addr;

	size = ALIGN(offset + size, PAGE_SIZE);
	area = find_static_vm_paddr(paddr, size, mtype);
	if (area)
		return (void __iomem *)((unsigned long)area->addr + (paddr - area->phys_addr) + offset);
	if (memblock_is_map_memory(paddr)) {
		pr_warn("WARNING: ioremap: 0x%08x is RAM the kernel maps; refused\n", paddr);
		return NULL;
	}
	area = get_vm_area_caller(size, VM_IOREMAP, caller);
	if (!area)
		return NULL;
	addr = (unsigned long)area->addr;
	area->phys_addr = paddr;
	if (ioremap_page_range(addr, addr + size, paddr, __pgprot(type->prot_pte))) {
		vunmap((void *)addr);
		return NULL;
	}
	return (void __iomem *)(addr + offset);
}

/* Linux __arm_ioremap_caller: split off the offset, refuse 0 and wrap-around. */
static void __iomem *__arm_ioremap_caller(phys_addr_t phys_addr, size_t size,
					  unsigned int mtype, const void *caller)
{
	phys_addr_t last_addr = phys_addr + size - 1;

	if (!size || last_addr < phys_addr)
		return NULL;
	return __arm_ioremap_pfn_caller(PHYS_PFN(phys_addr), phys_addr & ~PAGE_MASK, size,
					mtype, caller);
}

/**
 * ioremap - map device registers
 * @phys_addr: their physical address (need not be page aligned)
 * @size: bytes
 *
 * Return: a virtual address for readl()/writel(), or NULL.
 */
void __iomem *ioremap(phys_addr_t phys_addr, size_t size)
{
	return __arm_ioremap_caller(phys_addr, size, MT_DEVICE, __builtin_return_address(0));
}

/* Undo ioremap(); a static mapping stays (Linux iounmap). */
void iounmap(volatile void __iomem *io_addr)
{
	unsigned long addr = (unsigned long)io_addr & PAGE_MASK;

	if (find_static_vm_vaddr(addr))
		return;
	vunmap((void *)addr);
}
