/* SPDX-License-Identifier: GPL-2.0 */
/*
 * boot/compressed/vmlinux.lds.S - link the zImage wrapper.
 * (Linux: arch/arm/boot/compressed/vmlinux.lds.S, with ZTEXTADDR = 0)
 *
 * Linked at 0 and run anywhere: a link address is an offset from `start`,
 * which head.S's LC0/LC1 tables rely on.  Layout:
 *
 *   0        .text       head.S (.start) first, then unlz4.o, fdt_earlycon.o
 *            .rodata     fdt_earlycon.o's names, reached PC-relative
 *            .piggydata  uncompressed size word + compressed Image
 *   _edata   ----------  end of the zImage file (header word at 0x2c)
 *            .stack      4 KiB, NOLOAD: not in the file, but part of the
 *   _end                 memory the wrapper needs while it runs
 *
 * There must be no writable data, no .bss and no GOT: nothing would set them
 * up or relocate them.  The ASSERTs below fail the link if any appear.
 */
OUTPUT_FORMAT("elf32-littlearm")
OUTPUT_ARCH(arm)
ENTRY(start)

SECTIONS
{
	/DISCARD/ : {
		*(.ARM.exidx*) *(.ARM.extab*)	/* no unwinding in the wrapper */
		*(.note.*) *(.comment)
	}

	. = 0;
	_text = .;

	.text : {
		*(.start)			/* head.S: header must be at 0 */
		*(.text) *(.text.*)
	}
	.rodata : { *(.rodata) *(.rodata.*) }
	.piggydata : { *(.piggydata) }

	_edata = .;

	/* Must stay empty: checked by the ASSERTs below. */
	.got : { *(.got) *(.got.plt) }
	.data : { *(.data) *(.data.*) }
	.bss : { *(.bss) *(.bss.*) *(COMMON) }

	. = ALIGN(8);
	.stack (NOLOAD) : { *(.stack) }
	_end = .;

	ASSERT(start == 0, "zImage: start must be at offset 0")
	ASSERT(_edata % 4 == 0, "zImage: size must be a multiple of 4 (relocation copies words)")
	ASSERT(SIZEOF(.got) == 0, "zImage: GOT present: C code uses global data")
	ASSERT(SIZEOF(.data) == 0, "zImage: .data present: the wrapper cannot have writable data")
	ASSERT(SIZEOF(.bss) == 0, "zImage: .bss present: nothing would clear it")
}
