/* SPDX-License-Identifier: GPL-2.0 */
/*
 * boot/compressed/unlz4.h - LZ4 "legacy" frame decoder for the zImage wrapper.
 *
 * Follows the role of Linux's lib/decompress_unlz4.c (the decompressor Linux
 * links into arch/arm/boot/compressed/ for CONFIG_KERNEL_LZ4), rewritten as one
 * small allocation-free function: the whole input and the whole output buffer
 * are in memory, so there is no fill/flush callback and no heap.
 *
 * The legacy frame, as written by `lz4 -l` (lz4 programs/lz4io.c, "legacy
 * format"), all integers little endian and unaligned:
 *
 *   +------------+----------+-----------+----------+-----------+--  ...  --+
 *   | 0x184C2102 | csize[0] | block[0]  | csize[1] | block[1]  |           |
 *   |  magic u32 |   u32    | csize[0] B|   u32    | csize[1] B|           |
 *   +------------+----------+-----------+----------+-----------+--  ...  --+
 *
 *   - every block is one LZ4 *block* (lz4_Block_format.md) that decodes to at
 *     most 8 MiB; blocks are independent: a match never reaches into an
 *     earlier block's output;
 *   - the frame ends where the input ends (there is no end mark and no
 *     content size: the caller must know the uncompressed size);
 *   - a csize equal to the magic starts another, concatenated legacy frame.
 *
 * This header is also included by head.S, so everything but the prototype is
 * plain #defines.
 */
#ifndef BOOT_COMPRESSED_UNLZ4_H
#define BOOT_COMPRESSED_UNLZ4_H

#define LZ4_LEGACY_MAGIC	0x184C2102	/* first 4 bytes of a legacy frame */

/*
 * Error codes returned by unlz4() (all negative, all small so that head.S
 * prints them as "code -N").
 */
#define UNLZ4_EBADMAGIC		(-1)	/* input shorter than 4 bytes or not 0x184C2102 */
#define UNLZ4_ETRUNC		(-2)	/* a block header, block, token, length,
					 * literal run or offset runs past the input */
#define UNLZ4_EOVERFLOW		(-3)	/* output would exceed out_max */
#define UNLZ4_EBADOFFSET	(-4)	/* match offset is 0 or reaches before the
					 * start of its block's output */
/*
 * Never returned by unlz4(): reserved for callers that know the expected
 * size (head.S) and got a shorter output than that.
 */
#define UNLZ4_ESHORT		(-5)

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

/*
 * unlz4 - decode a complete LZ4 legacy frame from memory to memory.
 * @in:      the frame (magic included); read byte by byte, any alignment
 * @in_len:  its length in bytes
 * @out:     where the decoded bytes go; must not overlap @in
 * @out_max: size of @out; values above LONG_MAX are treated as LONG_MAX
 *
 * Return: number of bytes written (0..out_max), or a negative UNLZ4_E* code.
 * On error @out holds a partial result.  Touches no memory outside
 * in[0, in_len) and out[0, out_max), whatever the input; uses no globals, so
 * it runs before relocation, at any address, with the MMU off.
 */
long unlz4(const uint8_t *in, size_t in_len, uint8_t *out, size_t out_max);
#endif /* __ASSEMBLER__ */

#endif /* BOOT_COMPRESSED_UNLZ4_H */
