/*
 * arch/arm/mm/ioremap_test.c - self-tests of ioremap and the static
 * device areas iotable_init hands to vmalloc (VM_ARM_STATIC_MAPPING),
 * checked through the page tables (vtop_walk: the hardware PTEs) and
 * /proc/vmallocinfo. ARM-only: the VM_ARM_* flags are arch/arm/mm's.
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/seq_file.h>
#include <asm/cp15.h>
#include <asm/io.h>
#include <asm/pgd-decode.h>
#include <asm/vtop.h>
#include <string.h>
#include "mm.h"

#define TEX_REMAP_DEVICE "Device"
#define INFO_BUF_SIZE   2048


/* The hardware memory type of a small-page PTE, under TEX remap. */
static void pte_memory_type(u32 hw, char *buf, size_t len)
{
	unsigned index = (hw & PTE_EXT_TEX(1) ? 4 : 0) |
			 (hw & (PTE_CACHEABLE | PTE_BUFFERABLE)) >> 2;

	remap_type_name(index, read_prrr(), read_nmrr(), buf, len);
}

/* /proc/vmallocinfo as text, for the cases that read it. */
static char info[INFO_BUF_SIZE];

static const char *vmallocinfo_text(void)
{
	return dump_file_read("/proc/vmallocinfo", info, sizeof(info));
}

/* Expect the early UART page paging_init mapped to be listed as a static
 * ioremap area, and ioremap() of the UART to return that same mapping:
 * 4 KiB, Device memory, execute-never. */
static void ioremap_console_uart_is_static_device(struct ktest *t)
{
	phys_addr_t pa = __debug_ll_uart;
	struct vtop_result r;
	struct vm_struct *vm;
	char type[40], phys[32];
	void __iomem *v;

	if (!pa) {
		ktest_skip(t, "no early UART");
		return;
	}
	snprintf(phys, sizeof(phys), " phys=0x%08x ioremap\n", (phys_addr_t)(pa & PAGE_MASK));
	KTEST_EXPECT_TRUE(t, strstr(vmallocinfo_text(), phys) != NULL);
	v = ioremap(pa, PAGE_SIZE);
	vm = find_vm_area((void *)v);
	KTEST_EXPECT_TRUE(t, vm && (vm->flags & VM_ARM_STATIC_MAPPING));
	KTEST_EXPECT_EQ(t, vtop_walk((unsigned long)v, &r), VTOP_PAGE);
	KTEST_EXPECT_EQ(t, r.pa, pa);
	pte_memory_type(r.hw_pte, type, sizeof(type));
	KTEST_EXPECT_TRUE(t, !strcmp(type, TEX_REMAP_DEVICE) && !r.executable);
	iounmap(v);
	KTEST_EXPECT_EQ(t, vtop_walk((unsigned long)v, &r), VTOP_PAGE);   /* static: stays */
}

/*
 *   ioremap(UART + 4 KiB + 0x40, 64):  | page | guard |  8192 bytes, phys=...
 * Expect a new area (nothing is read through it), the offset kept, a
 * Device-memory PTE, and after iounmap no mapping and no area.
 */
static void ioremap_new_page_is_device(struct ktest *t)
{
	phys_addr_t pa = __debug_ll_uart ? (__debug_ll_uart & PAGE_MASK) + PAGE_SIZE + 0x40 : 0;
	struct vtop_result r;
	struct vm_struct *vm;
	char type[40];
	void __iomem *v;

	if (!pa) {
		ktest_skip(t, "no early UART to take a device address from");
		return;
	}
	v = ioremap(pa, 64);
	vm = find_vm_area((void *)v);
	KTEST_EXPECT_TRUE(t, vm != NULL);
	if (!vm)
		return;
	if (vm->flags & VM_ARM_STATIC_MAPPING) {
		ktest_skip(t, "the page after the UART is statically mapped too");
		return;
	}
	KTEST_EXPECT_EQ(t, (unsigned long)v & ~PAGE_MASK, pa & ~PAGE_MASK);
	KTEST_EXPECT_EQ(t, vm->size, 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, vm->phys_addr, (phys_addr_t)(pa & PAGE_MASK));
	KTEST_EXPECT_EQ(t, vtop_walk((unsigned long)v, &r), VTOP_PAGE);
	KTEST_EXPECT_EQ(t, r.pa, pa);
	pte_memory_type(r.hw_pte, type, sizeof(type));
	KTEST_EXPECT_TRUE(t, !strcmp(type, TEX_REMAP_DEVICE));
	KTEST_EXPECT_TRUE(t, r.writable && !r.executable);
	iounmap(v);
	KTEST_EXPECT_EQ(t, vtop_walk((unsigned long)v, &r), VTOP_FAULT);
	KTEST_EXPECT_TRUE(t, find_vm_area((void *)v) == NULL);
}

static struct ktest_case ioremap_cases[] = {
	KTEST_CASE(ioremap_console_uart_is_static_device),
	KTEST_CASE(ioremap_new_page_is_device),
	{}
};
KTEST_SUITE(ioremap, ioremap_cases, NULL);
