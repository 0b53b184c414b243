/* SPDX-License-Identifier: GPL-2.0 */
/*
 * boot/compressed/piggy.S - the compressed kernel, carried "piggyback" in the
 * zImage.  (Linux: arch/arm/boot/compressed/piggy.S)
 *
 * The Makefile passes
 *   PIGGY_FILE                  the `lz4 -l -9` output of the kernel Image
 *                               (found through the assembler's -I path)
 *   PIGGY_UNCOMPRESSED_SIZE     the Image's size in bytes
 * Linux appends the size as the last 4 bytes of the compressed data and reads
 * it with byte loads; here it is an aligned word in front of the data, so
 * head.S can read it with one ldr and unlz4() never sees it.
 *
 *   input_data_size:  u32  uncompressed size
 *   input_data:       LZ4 legacy frame ...
 *   input_data_end:   (padding to 4 bytes, so _edata is word aligned for the
 *                      relocation copy in head.S)
 */
#ifndef PIGGY_UNCOMPRESSED_SIZE
#error "PIGGY_UNCOMPRESSED_SIZE must be passed by the Makefile"
#endif

	.section ".piggydata", "a"
	.balign	4
	.globl	input_data_size
input_data_size:
	.word	PIGGY_UNCOMPRESSED_SIZE		@ bytes unlz4() must produce

	.globl	input_data
input_data:
	.incbin	PIGGY_FILE			@ LZ4 legacy frame of the Image
	.globl	input_data_end
input_data_end:
	.balign	4				@ zero fill up to a word boundary
