/*
 * asm/memory.h - the kernel's virtual memory map and phys<->virt conversion.
 * Follows Linux arch/arm/include/asm/memory.h (VMSPLIT_3G, non-LPAE,
 * ARM_PATCH_PHYS_VIRT) and Documentation/arch/arm/memory.rst.
 *
 *   0xffffffff +---------------------------+
 *              | vectors page  0xffff0000  |  (devicemaps_init)
 *   0xffefffff +---------------------------+
 *              | fixmap  0xffc80000-       |
 *   0xffc00000 +---------------------------+
 *              | DTB     FDT_FIXED_BASE    |  2 sections mapped by head.S
 *   0xff800000 +---------------------------+  = VMALLOC_END
 *              | DEBUG_LL UART section     |  1 section mapped by head.S
 *   0xff700000 +---------------------------+
 *              | vmalloc / ioremap         |
 *              +---------------------------+  VMALLOC_START
 *              | lowmem linear map         |  va = pa - PHYS_OFFSET + PAGE_OFFSET
 *   0xc0008000 |   _text (TEXT_OFFSET)     |
 *   0xc0004000 |   swapper_pg_dir (16 KiB) |
 *   0xc0000000 +---------------------------+  PAGE_OFFSET
 *              | PKMAP 0xbfe00000-         |
 *              | modules 0xbf000000-       |
 *   0xbf000000 +---------------------------+
 *              | user space (empty)        |
 *   0x00000000 +---------------------------+
 *
 * PHYS_OFFSET (start of RAM) is not a constant: head.S finds it at run time
 * and patches every __pa()/__va() (see "phys/virt patching" below).
 */
#ifndef _ASM_MEMORY_H
#define _ASM_MEMORY_H

#include <linux/const.h>
#include <asm/page.h>

#define PAGE_OFFSET        UL(0xc0000000)   /* CONFIG_VMSPLIT_3G */
#define TEXT_OFFSET        UL(0x00008000)   /* _text = PAGE_OFFSET + TEXT_OFFSET */
#define KERNEL_RAM_VADDR   (PAGE_OFFSET + TEXT_OFFSET)
#define PG_DIR_SIZE        UL(0x4000)       /* 4096 L1 entries x 4 bytes */
#define SWAPPER_PG_DIR_OFFSET (TEXT_OFFSET - PG_DIR_SIZE)  /* from PHYS_OFFSET */

#define MODULES_VADDR      (PAGE_OFFSET - UL(0x01000000))    /* 0xbf000000 */
#define PKMAP_BASE         (PAGE_OFFSET - UL(0x00200000))    /* 0xbfe00000 */
#define VMALLOC_END        UL(0xff800000)
#define FDT_FIXED_BASE     UL(0xff800000)   /* the DTB, 2 sections */
#define FDT_FIXED_SIZE     (2 * SECTION_SIZE)
#define DEBUG_LL_VIRT_BASE UL(0xff700000)   /* the early UART's section */

/* User space (Linux asm/memory.h, CONFIG_VMSPLIT_3G): it ends where the
 * modules area starts; mmap's bottom-up fallback starts a third of the way
 * up, rounded to 16 MiB (TASK_UNMAPPED_BASE); the stack top is TASK_SIZE. */
#ifndef TASK_SIZE
#define TASK_SIZE          MODULES_VADDR                     /* 0xbf000000 */
#define TASK_UNMAPPED_BASE ((TASK_SIZE / 3 + UL(0xffffff)) & ~UL(0xffffff))  /* 0x40000000 */
#define STACK_TOP          TASK_SIZE
#define FIRST_USER_ADDRESS (PAGE_SIZE * 2)                   /* Linux: the low vectors' gap */
#endif

/*
 * phys/virt patching alignment. The patched stubs (below) carry
 * __pv_offset = PHYS_OFFSET - PAGE_OFFSET in two 8-bit immediates, bits
 * 31:24 and 23:16, so PHYS_OFFSET must be a multiple of 64 KiB to be
 * representable. Like Linux 6.1 we require 2 MiB (one Linux pgd entry), so
 * that lowmem starts on a pgd boundary. head.S rejects anything else.
 */
#define PHYS_OFFSET_ALIGN  UL(0x00200000)   /* 2 MiB */
#define PV_BITS_31_24      UL(0x81000000)   /* placeholder immediates: only */
#define PV_BITS_23_16      UL(0x00810000)   /* their rotation matters      */

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* Written by head.S (__fixup_pv_table) with the MMU off; see phys2virt.c. */
extern unsigned long __pv_phys_pfn_offset;   /* PHYS_OFFSET >> PAGE_SHIFT */
extern unsigned long __pv_offset;            /* PHYS_OFFSET - PAGE_OFFSET */

#define PHYS_OFFSET     ((phys_addr_t)__pv_phys_pfn_offset << PAGE_SHIFT)
#define PHYS_PFN_OFFSET (__pv_phys_pfn_offset)
/* The pfn of mem_map[0] (FLATMEM, linux/mm.h): the first pfn of RAM. */
#define ARCH_PFN_OFFSET ((unsigned long)PHYS_PFN_OFFSET)

#ifdef HOST_TEST
/*
 * Host unit tests (tests/host): the same arithmetic the patched stubs do,
 * in plain C. The test process maps its simulated RAM at PAGE_OFFSET
 * (tests/host/lib/sim.c), so __va() pointers really point at it.
 */
static inline phys_addr_t __virt_to_phys(unsigned long x)
{
	return x + __pv_offset;
}

static inline unsigned long __phys_to_virt(phys_addr_t x)
{
	return x - __pv_offset;
}
#else
/*
 * The phys/virt stub: two data-processing instructions whose immediates are
 * patched at boot, and their addresses recorded in .pv_table (each entry is
 * the offset from the entry to the instruction, so the table is position
 * independent and can be walked with the MMU off). The first instruction is
 * assembled with rotation ROR #8 (bits 31:24), the second with ROR #16
 * (bits 23:16); the fixup tells them apart by that rotation.
 * Mirrors Linux's __pv_stub (arch/arm/include/asm/memory.h).
 */
#define __pv_stub(from, to, instr)                                  \
	__asm__("@ __pv_stub\n"                                     \
	"1:	" instr "	%0, %1, %2\n"                       \
	"2:	" instr "	%0, %0, %3\n"                       \
	"	.pushsection .pv_table,\"a\"\n"                     \
	"	.long	1b - ., 2b - .\n"                           \
	"	.popsection\n"                                      \
	: "=r" (to)                                                 \
	: "r" (from), "I" (PV_BITS_31_24), "I" (PV_BITS_23_16))

/* Lowmem virtual address -> physical address: one patched add pair. */
static inline phys_addr_t __virt_to_phys(unsigned long x)
{
	phys_addr_t t;

	__pv_stub(x, t, "add");
	return t;
}

/* Physical address -> lowmem virtual address: one patched sub pair. */
static inline unsigned long __phys_to_virt(phys_addr_t x)
{
	unsigned long t;

	__pv_stub(x, t, "sub");
	return t;
}

#endif /* HOST_TEST */

#define __pa(x)          __virt_to_phys((unsigned long)(x))
#define __va(x)          ((void *)__phys_to_virt((phys_addr_t)(x)))
#define virt_to_pfn(va)  ((unsigned long)(__pa(va) >> PAGE_SHIFT))

#endif /* !__ASSEMBLER__ */

#ifndef __ASSEMBLER__
/* Layout facts the code relies on, checked once here. */
_Static_assert(PAGE_OFFSET % PHYS_OFFSET_ALIGN == 0, "PAGE_OFFSET on a pgd boundary");
_Static_assert(KERNEL_RAM_VADDR % SECTION_SIZE == TEXT_OFFSET, "TEXT_OFFSET inside the first section");
_Static_assert(DEBUG_LL_VIRT_BASE + SECTION_SIZE <= FDT_FIXED_BASE, "debug UART below the DTB window");
_Static_assert(FDT_FIXED_BASE == VMALLOC_END, "the DTB window starts where vmalloc ends");
#endif
#endif
