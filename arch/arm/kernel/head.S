/*
 * arch/arm/kernel/head.S - kernel entry: from the boot loader to start_kernel.
 * Follows Linux arch/arm/kernel/head.S (stext, __vet_atags, __fixup_pv_table,
 * __create_page_tables, __enable_mmu, __turn_mmu_on, __mmap_switched).
 * Differences from Linux: no SMP, no XIP, no LPAE, no processor-info tables
 * (one v7 set-up), and every failure prints why on the early UART and parks
 * in a loop named after the reason (see `info symbol $pc` in gdb). The early
 * UART is known only from facts (debug.S): Kconfig's DEBUG_LL from the
 * start, else the DTB's once __vet_atags has accepted it; failures before
 * that, or with no UART named, park silently.
 *
 * Entry contract (Linux Documentation/arch/arm/booting.rst, as U-Boot bootz
 * and the zImage wrapper honour it):
 *   r0 = 0, r1 = machine type number, r2 = physical address of the DTB,
 *   MMU off, D-cache off, SVC (or HYP) mode, running at PHYS_OFFSET + TEXT_OFFSET.
 *
 * Registers kept across the boot path:
 *   r5  = __pv_offset = PHYS_OFFSET - PAGE_OFFSET (run - link address)
 *   r8  = PHYS_OFFSET          r9  = MIDR
 *   r10 = machine type (r1)    r11 = DTB physical address (r2)
 *   r4  = swapper_pg_dir physical address (after __create_page_tables)
 */
#include <generated/autoconf.h>
#include <asm/assembler.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <asm/cp15.h>
#include <asm/ptrace.h>

#define FDT_MAGIC_LE    0xedfe0dd0   /* 0xd00dfeed as a little-endian load sees it */
#define FDT_TOTALSIZE   4            /* header offset of totalsize (big-endian) */

/*
 * Kernel memory (Linux proc-v7.S mm_mmuflags): on an SMP system cacheable
 * write-back write-allocate and shareable (PMD_FLAGS_SMP, TEX remap index
 * 7); on a uniprocessor one write-back, not shared (PMD_FLAGS_UP, index 3).
 */
#define MM_MMUFLAGS_SMP (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_AP_READ | \
			 PMD_SECT_AF | PMD_SECT_WBWA | PMD_SECT_S)
#define MM_MMUFLAGS_UP  (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_AP_READ | \
			 PMD_SECT_AF | PMD_SECT_WB)
/* MIDR, MPIDR and CCSIDR fields: asm/cp15.h. */
#define SCU_CONFIG          0x04         /* Cortex-A9 SCU: CPU number in bits 1:0 */
#define SCU_CPUS_MASK       0x3
/* Device I/O (the debug UART): strongly ordered, never executable
 * (Linux io_mmuflags). */
#define IO_MMUFLAGS  (PMD_TYPE_SECT | PMD_SECT_XN | PMD_SECT_AP_WRITE | \
		      PMD_SECT_AP_READ)

	.arch	armv7-a
	.arch_extension virt			@ for ERET/ELR_hyp when entered in HYP
	.arm

	.globl	swapper_pg_dir
	.equ	swapper_pg_dir, KERNEL_RAM_VADDR - PG_DIR_SIZE

/* Print "Error: <str><hex of reg>" + more, then park in a named loop. */
.macro	error_print str, reg
	ldr	r0, =\str
	bl	printascii
	.ifnb	\reg
	mov	r0, \reg
	bl	printhex8
	.endif
.endm
.macro	park label
	ldr	r0, =str_nl
	bl	printascii
	bl	debug_ll_flush
\label:	wfe					@ parked: see the message above
	b	\label
.endm

/*
 * The two outermost frames, stext (MMU off) and __mmap_switched (MMU on),
 * say in their unwind info that they have no caller (lr undefined), so a
 * debugger's backtrace ends there cleanly instead of looping on a frame
 * it cannot unwind. Linux marks the same frames with UNWIND(.fnstart /
 * .cantunwind) for its own unwinder.
 */
	.cfi_sections .debug_frame
	.section ".head.text", "ax"
ENTRY(stext)
	.cfi_startproc
	.cfi_undefined lr
	mov	r10, r1				@ keep machine type
	mov	r11, r2				@ keep DTB address
	bl	__safe_svcmode_maskall		@ SVC, IRQ/FIQ/aborts masked
	bl	__record_entry_time		@ for the boot-time measurement

	adr	r8, stext			@ run address of _text
	sub	r8, r8, #TEXT_OFFSET		@ r8 = PHYS_OFFSET
	ldr	r5, =PAGE_OFFSET
	sub	r5, r8, r5			@ r5 = PHYS_OFFSET - PAGE_OFFSET
	ldr	sp, =init_stack_top
	add	sp, sp, r5			@ boot stack, physical for now

	bl	__debug_ll_setup		@ Kconfig's early UART (DEBUG_LL), if any
	bl	__lookup_processor_type		@ r9 = MIDR, or park
	bl	__vet_atags			@ r11 must point at a DTB
	bl	__debug_ll_setup_fdt		@ else the UART the DTB names, if any
	bl	__detect_smp			@ __cpu_smp: SMP or UP tables
	ldr	r0, =PHYS_OFFSET_ALIGN - 1
	tst	r8, r0				@ PHYS_OFFSET 2 MiB aligned?
	bne	__error_phys_offset
	bl	__fixup_pv_table		@ patch every __pa()/__va()
	bl	__create_page_tables		@ r4 = swapper_pg_dir (phys)

	ldr	r13, =__mmap_switched		@ virtual address to continue at
	b	__enable_mmu
	.cfi_endproc
ENDPROC(stext)

/*
 * __safe_svcmode_maskall: get into SVC mode with IRQ, FIQ and asynchronous
 * aborts masked. From HYP mode this needs an exception return (ERET);
 * Linux: safe_svcmode_maskall in asm/assembler.h.
 *  corrupts: r0, r3
 */
__safe_svcmode_maskall:
	mrs	r0, cpsr
	and	r3, r0, #MODE_MASK
	teq	r3, #HYP_MODE			@ entered in HYP?
	bne	1f
	bic	r0, r0, #MODE_MASK
	orr	r0, r0, #SVC_MODE | PSR_I_BIT | PSR_F_BIT
	orr	r0, r0, #PSR_A_BIT
	msr	spsr_cxsf, r0			@ mode to return to (in HYP the
						@ banked SPSR is SPSR_hyp; naming
						@ spsr_hyp from HYP is UNPREDICTABLE)
	msr	elr_hyp, lr			@ address to return to
	eret					@ leave HYP, back at our caller
1:	cpsid	aif				@ mask A, I, F
	msr	cpsr_c, #SVC_MODE | PSR_I_BIT | PSR_F_BIT	@ SVC
	bx	lr
ENDPROC(__safe_svcmode_maskall)

/*
 * __record_entry_time: store the generic timer's count at kernel entry in
 * __boot_cntvct (0 on CPUs without one, e.g. Cortex-A9), so start_kernel
 * can say how long the boot took; under QEMU -icount shift=0 that is the
 * number of instructions.
 *  corrupts: r0, r1, r3, r12
 */
__record_entry_time:
	mrc	p15, 0, r0, c0, c1, 1		@ ID_PFR1
	ubfx	r0, r0, #ID_PFR1_GENTIMER_SHIFT, #4
	teq	r0, #0				@ no generic timer?
	bxeq	lr
	isb
	mrrc	p15, 1, r0, r3, c14		@ CNTVCT
	adr_l	r12, __boot_cntvct, r1		@ (MMU off: run address)
	stmia	r12, {r0, r3}
	bx	lr
ENDPROC(__record_entry_time)

/*
 * __lookup_processor_type: we run only on ARMv7 with a v7 VMSA (short
 * descriptors, TEX remap). Linux matches proc_info tables; one v7 entry
 * is all we have.
 *  out: r9 = MIDR; parks if the CPU is not supported
 *  corrupts: r0-r3
 */
__lookup_processor_type:
	mrc	p15, 0, r9, c0, c0, 0		@ MIDR
	and	r3, r9, #MIDR_ARCH_MASK
	teq	r3, #MIDR_ARCH_CPUID		@ CPUID scheme = ARMv7
	bne	__error_cpu
	mrc	p15, 0, r3, c0, c1, 4		@ ID_MMFR0
	and	r3, r3, #ID_MMFR0_VMSA_MASK
	cmp	r3, #ID_MMFR0_VMSA_V7		@ VMSAv7 or later?
	blo	__error_cpu
	bx	lr
ENDPROC(__lookup_processor_type)

/*
 * __detect_smp: is this an SMP system? Decides the memory attributes of
 * every kernel mapping, as Linux's __fixup_smp does (it then patches the
 * SMP/UP alternatives; we keep a flag): SMP if MPIDR says "multiprocessing
 * extensions, not a uniprocessor", except a Cortex-A9 whose SCU reports
 * one CPU (QEMU's vexpress-a9 with one core).
 *  in: r9 = MIDR; out: __cpu_smp = 0 or 1; corrupts: r0, r3, r12
 */
__detect_smp:
	mrc	p15, 0, r0, c0, c0, 5		@ MPIDR
	and	r0, r0, #MPIDR_MP_MASK
	teq	r0, #MPIDR_SMP			@ MP extensions, not UP?
	movne	r0, #0
	bne	2f
	mov	r0, #1
	bic	r3, r9, #MIDR_VARIANT_BITS	@ ignore variant ...
	bic	r3, r3, #MIDR_REVISION_MASK	@ ... and revision
	ldr	r12, =MIDR_CORTEX_A9
	teq	r3, r12				@ Cortex-A9?
	bne	2f
	mrc	p15, 4, r3, c15, c0, 0		@ CBAR: SCU base (0 = UP part)
	teq	r3, #0
	moveq	r0, #0
	beq	2f
	ldr	r3, [r3, #SCU_CONFIG]
	ands	r3, r3, #SCU_CPUS_MASK		@ CPUs - 1
	moveq	r0, #0				@ one CPU: uniprocessor
2:	adr_l	r3, __cpu_smp, r12
	str	r0, [r3]
	bx	lr
ENDPROC(__detect_smp)

/*
 * __vet_atags: r2 must point at a flattened device tree: word aligned,
 * magic 0xd00dfeed, and small enough for the two sections head.S maps
 * at FDT_FIXED_BASE. (Linux also accepts ATAGs; we do not.)
 *  in: r11 = DTB physical address; corrupts: r0-r3; parks on failure
 */
__vet_atags:
	tst	r11, #3				@ aligned?
	bne	__error_dtb_addr
	cmp	r11, r8				@ in RAM (at or above PHYS_OFFSET)?
	blo	__error_dtb_addr
	ldr	r3, [r11]			@ magic
	ldr	r0, =FDT_MAGIC_LE
	teq	r3, r0
	bne	__error_dtb_magic
	ldr	r3, [r11, #FDT_TOTALSIZE]	@ totalsize, big-endian
	rev	r3, r3
	ldr	r0, =~SECTION_MASK
	and	r0, r11, r0			@ offset in its section
	add	r0, r0, r3			@ + size
	cmp	r0, #FDT_FIXED_SIZE		@ fits in the 2 MiB window?
	bhi	__error_dtb_size
	bx	lr
ENDPROC(__vet_atags)

/*
 * __fixup_pv_table: record PHYS_OFFSET and patch every phys/virt stub.
 * Linux: arch/arm/kernel/phys2virt.S. The patching loop is C
 * (pv_fixup_table() in phys2virt.c, built to be position independent) so
 * the host tests can run it; here we only compute run addresses.
 *  in: r5 = pv offset, r8 = PHYS_OFFSET; corrupts: r0-r3, r12
 */
__fixup_pv_table:
	push	{lr}
	mov	r0, r8, lsr #PAGE_SHIFT
	adr_l	r3, __pv_phys_pfn_offset, r12
	str	r0, [r3]			@ __pv_phys_pfn_offset
	adr_l	r3, __pv_offset, r12
	str	r5, [r3]			@ __pv_offset
	adr_l	r0, __pv_table_begin, r12	@ r0 = table (run address)
	adr_l	r1, __pv_table_end, r12		@ r1 = table end
	mov	r2, r5				@ r2 = offset to encode
	bl	pv_fixup_table			@ returns 0 or a bad insn address
	teq	r0, #0
	bne	__error_pv_stub
	pop	{pc}
ENDPROC(__fixup_pv_table)

/*
 * __create_page_tables: build swapper_pg_dir, 4096 x 1 MiB L1 entries,
 * at PHYS_OFFSET + 0x4000 (Linux: same name). Three kinds of section:
 *   1. identity map of __turn_mmu_on (VA = PA), so the instruction after
 *      the SCTLR write is still reachable;
 *   2. the kernel image, PAGE_OFFSET .. _end -> PHYS_OFFSET ..;
 *   3. the DTB's section and the next at FDT_FIXED_BASE,
 *      and the early UART's section at DEBUG_LL_VIRT_BASE.
 *  in: r5, r8, r11; out: r4 = swapper_pg_dir physical; corrupts: r0-r3, r6, r7
 */
__create_page_tables:
	add	r4, r8, #SWAPPER_PG_DIR_OFFSET	@ r4 = page directory
	mov	r0, r4
	mov	r3, #0
	add	r6, r0, #PG_DIR_SIZE
1:	str	r3, [r0], #4			@ clear all 16 KiB
	str	r3, [r0], #4
	str	r3, [r0], #4
	str	r3, [r0], #4
	teq	r0, r6
	bne	1b

	adr_l	r7, __cpu_smp, r3
	ldr	r7, [r7]
	teq	r7, #0
	ldrne	r7, =MM_MMUFLAGS_SMP		@ r7 = kernel section flags
	ldreq	r7, =MM_MMUFLAGS_UP

	/* 1. identity map of the MMU turn-on code */
	adr_l	r0, __turn_mmu_on, r3		@ run (= physical) address
	adr_l	r6, __turn_mmu_on_end, r3
	sub	r6, r6, #1			@ last byte
	mov	r0, r0, lsr #SECTION_SHIFT	@ first section index
	mov	r6, r6, lsr #SECTION_SHIFT	@ last section index
1:	orr	r3, r7, r0, lsl #SECTION_SHIFT	@ section PA | flags
	str	r3, [r4, r0, lsl #2]		@ pgd[index] (VA = PA)
	add	r0, r0, #1
	cmp	r0, r6
	bls	1b

	/* 2. the kernel image: PAGE_OFFSET .. _end */
	ldr	r6, =_end - 1			@ last byte (virtual)
	mov	r6, r6, lsr #SECTION_SHIFT
	add	r6, r4, r6, lsl #2		@ &pgd[last]
	add	r0, r4, #(PAGE_OFFSET >> (SECTION_SHIFT - 2))	@ &pgd[PAGE_OFFSET >> 20]
	orr	r3, r7, r8			@ PHYS_OFFSET | flags
1:	str	r3, [r0], #4
	add	r3, r3, #SECTION_SIZE
	cmp	r0, r6
	bls	1b

	/* 3a. the DTB: its section and the next, at FDT_FIXED_BASE */
	mov	r3, r11, lsr #SECTION_SHIFT
	orr	r3, r7, r3, lsl #SECTION_SHIFT	@ DTB section | flags
	ldr	r0, =FDT_FIXED_BASE >> (SECTION_SHIFT - 2)
	add	r0, r4, r0			@ &pgd[FDT_FIXED_BASE >> 20]
	str	r3, [r0], #4
	add	r3, r3, #SECTION_SIZE
	str	r3, [r0]

	/* 3b. the early UART, if __debug_ll_setup found one */
	adr_l	r3, __debug_ll_uart, r0
	ldr	r3, [r3]
	teq	r3, #0
	beq	2f
	mov	r3, r3, lsr #SECTION_SHIFT
	mov	r3, r3, lsl #SECTION_SHIFT
	ldr	r0, =IO_MMUFLAGS
	orr	r3, r3, r0			@ UART section | device flags
	ldr	r0, =DEBUG_LL_VIRT_BASE >> (SECTION_SHIFT - 2)
	str	r3, [r4, r0]
2:	bx	lr
ENDPROC(__create_page_tables)

/*
 * __enable_mmu: the v7 set-up (Linux __v7_setup in proc-v7.S) and the
 * switch. Caches are invalid after reset on some cores (Cortex-A9), so the
 * L1 D-cache is invalidated before it is turned on.
 *  in: r4 = swapper_pg_dir (phys), r13 = virtual address to continue at
 *  corrupts: r0-r3, r6, r7
 */
__enable_mmu:
	bl	v7_invalidate_l1		@ L1 D-cache: invalidate by set/way
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU: I-cache
	mcr	p15, 0, r0, c8, c7, 0		@ TLBIALL: unified TLB
	mcr	p15, 0, r0, c7, c5, 6		@ BPIALL: branch predictor
	dsb
	ldr	r0, =PRRR_LINUX
	mcr	p15, 0, r0, c10, c2, 0		@ PRRR: memory types
	ldr	r0, =NMRR_LINUX
	mcr	p15, 0, r0, c10, c2, 1		@ NMRR: cacheability
	mov	r0, #TTBCR_N_0
	mcr	p15, 0, r0, c2, c0, 2		@ TTBCR: TTBR0 for all
	adr_l	r3, __cpu_smp, r0
	ldr	r3, [r3]
	teq	r3, #0
	orrne	r0, r4, #TTB_FLAGS_SMP		@ walks: inner shareable WBWA
	orreq	r0, r4, #TTB_FLAGS_UP		@ walks: write-back, not shared
	mcr	p15, 0, r0, c2, c0, 0		@ TTBR0 = swapper_pg_dir
	ldr	r0, =DACR_INIT
	mcr	p15, 0, r0, c3, c0, 0		@ DACR: kernel client
	mrc	p15, 0, r0, c1, c0, 0		@ SCTLR
	ldr	r3, =SCTLR_CLEAR
	bic	r0, r0, r3
	ldr	r3, =SCTLR_SET
	orr	r0, r0, r3			@ r0 = new SCTLR, M set
	b	__turn_mmu_on
ENDPROC(__enable_mmu)

/*
 * __turn_mmu_on: lives in .idmap.text, identity mapped, so the fetch after
 * the SCTLR write finds the same instructions at VA = PA.
 *  in: r0 = SCTLR value, r13 = virtual continuation
 */
	.pushsection ".idmap.text", "ax"
	.align	5
ENTRY(__turn_mmu_on)
	isb
	mcr	p15, 0, r0, c1, c0, 0		@ SCTLR: MMU and caches on
	isb					@ now translating
	mov	r3, r13
	bx	r3				@ jump to the virtual address
	.globl	__turn_mmu_on_end
__turn_mmu_on_end:
	.popsection

/*
 * v7_invalidate_l1: invalidate the level-1 data cache by set/way
 * (ARMv7 ARM B4.2.1, DCISW). CCSIDR gives line size, ways and sets.
 *  corrupts: r0-r3, r6, r7
 */
v7_invalidate_l1:
	mov	r0, #0
	mcr	p15, 2, r0, c0, c0, 0		@ CSSELR = L1 data cache
	isb
	mrc	p15, 1, r0, c0, c0, 0		@ CCSIDR
	and	r1, r0, #CCSIDR_LINESIZE_MASK	@ log2(line words) - 2
	add	r1, r1, #4			@ r1 = log2(line bytes)
	ubfx	r2, r0, #CCSIDR_ASSOC_SHIFT, #CCSIDR_ASSOC_WIDTH	@ r2 = ways - 1
	ubfx	r3, r0, #CCSIDR_NUMSETS_SHIFT, #CCSIDR_NUMSETS_WIDTH	@ r3 = sets - 1
	clz	r6, r2				@ r6 = way shift (32 - log2 ways)
1:	mov	r7, r2				@ for each set (r3), each way (r7):
2:	lsl	r0, r7, r6			@ way << (32 - A)
	orr	r0, r0, r3, lsl r1		@ | set << L
	mcr	p15, 0, r0, c7, c6, 2		@ DCISW
	subs	r7, r7, #1
	bpl	2b
	subs	r3, r3, #1
	bpl	1b
	dsb
	isb
	bx	lr
ENDPROC(v7_invalidate_l1)

/* The reasons to park; each loop has its own name. */
__error_cpu:
	error_print str_err_cpu, r9
	park	__park_unsupported_cpu
__error_phys_offset:
	error_print str_err_phys, r8
	error_print str_err_phys2
	park	__park_misaligned_phys_offset
__error_dtb_addr:
	error_print str_err_dtb_addr, r11
	error_print str_err_dtb_addr2, r8
	error_print str_err_dtb_addr3
	park	__park_dtb_not_in_ram
__error_dtb_magic:
	rev	r4, r3				@ the magic as the header reads
	error_print str_err_dtb, r11
	error_print str_err_dtb2, r4
	error_print str_err_dtb3
	park	__park_dtb_bad_magic
__error_dtb_size:
	error_print str_err_dtb_size, r11
	park	__park_dtb_too_large
__error_pv_stub:
	mov	r4, r0
	error_print str_err_pv, r4
	park	__park_bad_pv_stub
	.ltorg

	.text
/*
 * __mmap_switched: first code at its link (virtual) address. Clears .bss,
 * sets the stacks and the exception vector base, saves r1/r2 for C, and
 * calls start_kernel. The identity map stays until paging_init removes it.
 */
__mmap_switched:
	.cfi_startproc
	.cfi_undefined lr
	ldr	r0, =__bss_start
	ldr	r1, =__bss_stop
	mov	r3, #0
1:	cmp	r0, r1				@ zero .bss
	strlo	r3, [r0], #4
	blo	1b
	ldr	sp, =init_stack_top		@ same stack, now virtual
	ldr	r0, =__machine_arch_type
	str	r10, [r0]
	ldr	r0, =__atags_pointer
	str	r11, [r0]			@ DTB physical address
	bl	early_trap_init			@ VBAR + exception stacks
	mov	fp, #0
	b	start_kernel
	.cfi_endproc
ENDPROC(__mmap_switched)

	.section ".rodata.head", "a"
str_err_cpu:	.asciz	"Error: unsupported CPU, not ARMv7 with a v7 VMSA: MIDR 0x"
str_err_phys:	.asciz	"Error: PHYS_OFFSET 0x"
str_err_phys2:	.asciz	" not aligned: it must be a multiple of 2 MiB (the Image must run at PHYS_OFFSET + 0x8000)"
str_err_dtb_addr: .asciz "Error: no DTB at r2=0x"
str_err_dtb_addr2: .asciz ": not a word-aligned RAM address at or above PHYS_OFFSET 0x"
str_err_dtb_addr3: .asciz " (did the boot loader pass a device tree?)"
str_err_dtb:	.asciz	"Error: no DTB at r2=0x"
str_err_dtb2:	.asciz	": magic 0x"
str_err_dtb3:	.asciz	" is not 0xd00dfeed (did the boot loader pass a device tree?)"
str_err_dtb_size: .asciz "Error: DTB too large for its 2 MiB window at r2=0x"
str_err_pv:	.asciz	"Error: unknown instruction in .pv_table at 0x"
str_nl:		.asciz	"\n"
