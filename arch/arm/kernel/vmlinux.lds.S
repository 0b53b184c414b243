/*
 * arch/arm/kernel/vmlinux.lds.S - the kernel image layout.
 * Follows Linux arch/arm/kernel/vmlinux.lds.S with STRICT_KERNEL_RWX: text
 * starts and init ends on 1 MiB section boundaries, so map_lowmem can map
 * [_stext, __init_end) RWX with sections and the rest RW NX.
 * mark_rodata_ro (arch/arm/mm/init.c) later turns text into ro x and rodata
 * into ro NX by rewriting section descriptors, so rodata starts on its own
 * section too: Linux 6.1 only rounds __start_rodata up for the NX part
 * (__start_rodata_section_aligned), leaving rodata's first MiB executable
 * unless text ends on a boundary; armmm aligns rodata itself (as Linux's
 * older CONFIG_DEBUG_ALIGN_RODATA did), so all of rodata is NX, at the
 * cost of up to 1 MiB more padding after _etext.
 *
 *   0xc0008000 _text      .head.text (stext, the MMU-off code)
 *   1 MiB      _stext     .text: .idmap.text (__turn_mmu_on), .text.pre_mmu, code
 *   1 MiB      __start_rodata .rodata
 *   1 MiB      __init_begin .init.text .init.data .pv_table
 *   1 MiB      __init_end = _sdata   .data (init stack first)
 *              __bss_start .bss __bss_stop
 *              _end
 */
#include <generated/autoconf.h>
#include <asm/memory.h>

#ifdef CONFIG_STRICT_KERNEL_RWX
#define RWX_ALIGN	SECTION_SIZE
#else
#define RWX_ALIGN	PAGE_SIZE
#endif
#define THREAD_SIZE	8192

OUTPUT_ARCH(arm)
ENTRY(stext)

SECTIONS
{
	. = KERNEL_RAM_VADDR;
	.head.text : {
		_text = .;
		*(.head.text)
		*(.rodata.head)
	}

	. = ALIGN(RWX_ALIGN);
	.text : {
		_stext = .;
		. = ALIGN(32);
		__idmap_text_start = .;
		*(.idmap.text)
		__idmap_text_end = .;
		*(.text.pre_mmu)
		*(.text .text.*)
		. = ALIGN(4);
		*(.glue_7 .glue_7t .vfp11_veneer .v4_bx)
	}
	_etext = .;

	. = ALIGN(RWX_ALIGN);
	.rodata : {
		__start_rodata = .;
		*(.rodata .rodata.*)
		. = ALIGN(4);
		__dump_files_start = .;
		KEEP(*(.dump_files))
		__dump_files_end = .;
		. = ALIGN(4);
		__shell_cmds_start = .;
		KEEP(*(.shell_cmds))
		__shell_cmds_end = .;
		. = ALIGN(4);
		__dump_dirs_start = .;
		KEEP(*(.dump_dirs))
		__dump_dirs_end = .;
		/* the exception table: faulting uaccess instruction -> fixup
		 * (asm/uaccess.h, arch/arm/mm/extable.c) */
		. = ALIGN(4);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;
		__end_rodata = .;
	}
	/* Linux's name for where rodata's NX sections start (here: rodata itself) */
	__start_rodata_section_aligned = ALIGN(__start_rodata, RWX_ALIGN);

	. = ALIGN(RWX_ALIGN);
	__init_begin = .;
	.init.text : {
		_sinittext = .;
		*(.init.text)
		_einittext = .;
	}
	.init.data : {
		*(.init.rodata)
		*(.init.data)
		. = ALIGN(4);
		__ktest_suites_start = .;
		KEEP(*(.ktest_suites))
		__ktest_suites_end = .;
	}
	.pv_table : {
		__pv_table_begin = .;
		KEEP(*(.pv_table))
		__pv_table_end = .;
	}
	. = ALIGN(RWX_ALIGN);
	__init_end = .;

	.data : {
		_sdata = .;
		. = ALIGN(THREAD_SIZE);
		init_stack = .;
		. += THREAD_SIZE;
		init_stack_top = .;
		*(.data .data.*)
		_edata = .;
	}

	.bss (NOLOAD) : {
		. = ALIGN(8);
		__bss_start = .;
		*(.bss .bss.* COMMON)
		. = ALIGN(8);
		__bss_stop = .;
	}
	. = ALIGN(PAGE_SIZE);
	_end = .;

	/DISCARD/ : {
		*(.ARM.exidx*) *(.ARM.extab*) *(.comment) *(.note*) *(.ARM.attributes)
	}
}

ASSERT(_text == KERNEL_RAM_VADDR, "_text must be at PAGE_OFFSET + TEXT_OFFSET")
ASSERT(__idmap_text_end - __idmap_text_start <= PAGE_SIZE, "idmap text must fit a page")
ASSERT(_end - PAGE_OFFSET <= 0x00f00000 * 4, "kernel image too large for head.S")
