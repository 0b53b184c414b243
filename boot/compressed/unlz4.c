// SPDX-License-Identifier: GPL-2.0
/*
 * boot/compressed/unlz4.c - LZ4 legacy frame decoder (see unlz4.h).
 *
 * Linux equivalent: lib/decompress_unlz4.c (frame) + lib/lz4/lz4_decompress.c
 * (blocks).  Differences, on purpose:
 *   - memory to memory only, no callbacks, no globals, no libc: it runs in the
 *     zImage wrapper before anything is set up, at whatever address the
 *     wrapper was loaded, and builds unchanged on the host for the unit tests;
 *   - with the MMU off all memory is Strongly-ordered, where an unaligned word
 *     access faults (this file is compiled with -mno-unaligned-access), so
 *     words are only ever moved between 4-byte aligned addresses: a match
 *     that repeats a 1-, 2- or 4-byte pattern (the Image's zero padding is
 *     mostly offset-1 runs) is stored a word at a time once the output is
 *     aligned, and so is a match or literal run whose source and
 *     destination share an alignment; everything else goes byte by byte.
 *     Linux's decoder copies 8 or 16 bytes at a time with unaligned access
 *     instead, which needs caches and the MMU on;
 *   - it is a "safe" decoder (every length checked against both buffers).  It
 *     insists that a block ends with a literals-only sequence, as the format
 *     says, but not on the encoder's finer end-of-block margins (last 5 bytes
 *     literals, last match 12 bytes before the end): a block that breaks those
 *     still decodes if it stays inside the buffers.
 *
 * An LZ4 block (lz4_Block_format.md) is a list of sequences:
 *
 *   token         literals        offset     match length
 *   +---------+  +-------------+  +-------+  +-------------+
 *   |LLLL|MMMM|  | LLLL(+ext) B|  | u16 LE|  | (ext bytes) |
 *   +---------+  +-------------+  +-------+  +-------------+
 *      |    |
 *      |    +-- match length - MINMATCH; 15 means "add the following bytes"
 *      +------- literal count;          15 means "add the following bytes"
 *
 * An extension is a run of bytes added to the 15, ending at the first byte
 * that is not 255.  The match copies (length) bytes from (offset) bytes back
 * in the output, byte by byte, so offset < length repeats a pattern (offset 1
 * is a run of one byte).  The last sequence of a block stops after its
 * literals: the block ends there.
 */
#include <stddef.h>
#include <stdint.h>

#include "unlz4.h"

#define LZ4_MINMATCH		4	/* a match is at least 4 bytes long */
#define LZ4_LEN_EXTENDED	15	/* token nibble value: extension bytes follow */
#define LZ4_EXT_CONTINUE	255	/* extension byte value: another one follows */
#define LZ4_TOKEN_LIT_SHIFT	4	/* token bits 7..4: literal count */
#define LZ4_TOKEN_MATCH_MASK	0x0f	/* token bits 3..0: match length - 4 */
#define LZ4_HEADER_BYTES	4	/* size of the magic and of each csize */
#define LZ4_OFFSET_BYTES	2	/* size of a match offset */

/* Largest value a long holds, without <limits.h>. */
#define UNLZ4_LONG_MAX		((size_t)((unsigned long)-1 >> 1))

/* get_le32 - read a little-endian u32 at any alignment, one byte at a time. */
static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	       (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/*
 * read_ext_length - add an extension (see the top of the file) to *len.
 * @src, @src_len: the block; *pos: index of the first extension byte,
 * advanced past the last one.  @limit: largest acceptable *len.
 *
 * Return: 0, UNLZ4_ETRUNC if the block ends inside the extension, or
 * UNLZ4_EOVERFLOW as soon as *len exceeds @limit (which also keeps the sum
 * from wrapping however long the run of 255s is).
 */
#define ALIGNED(p)		(((uintptr_t)(p) & 3) == 0)
#define WORD_RUN_MIN		16	/* shorter runs: bytes are as quick */

/* n bytes from s to d, forward, a word at a time where both share an
 * alignment: right for literals (no overlap) and for a match whose source
 * is 4 or more bytes behind (each word is read before it is overwritten). */
static void copy_bytes(uint8_t *d, const uint8_t *s, size_t n)
{
	if (n >= WORD_RUN_MIN && (((uintptr_t)d ^ (uintptr_t)s) & 3) == 0) {
		for (; !ALIGNED(d); n--)
			*d++ = *s++;
#pragma GCC unroll 4
		for (; n >= 4; n -= 4, d += 4, s += 4)
			*(uint32_t *)d = *(const uint32_t *)s;
	}
	while (n--)
		*d++ = *s++;
}

/*
 * The match: n bytes from offset bytes back, forward, so an offset below n
 * repeats a pattern. With a period of 1, 2 or 4 bytes, once d is aligned
 * the next 4 output bytes are the 4 before them, the same word every time:
 * stored n / 4 times. With an offset that is a multiple of 4, source and
 * destination are aligned together: copied a word at a time.
 */
static void copy_match(uint8_t *d, size_t offset, size_t n)
{
	if (n >= WORD_RUN_MIN && (offset == 1 || offset == 2 || offset == 4)) {
		uint32_t w;

		for (; !ALIGNED(d); n--, d++)
			*d = *(d - offset);
		/* byte i of each word is d[(i mod offset) - offset] (no division:
		 * the wrapper links no libgcc) */
		w = d[-(int)offset];
		w |= (offset == 1 ? w : (uint32_t)d[1 - (int)offset]) << 8;
		w |= (offset == 4 ? (uint32_t)d[-2] << 16 | (uint32_t)d[-1] << 24 : w << 16);
#pragma GCC unroll 4
		for (; n >= 4; n -= 4, d += 4)
			*(uint32_t *)d = w;
	} else if (n >= WORD_RUN_MIN && (offset & 3) == 0) {
		copy_bytes(d, d - offset, n);
		return;
	}
	for (; n; n--, d++)
		*d = *(d - offset);
}

static int read_ext_length(const uint8_t *src, size_t src_len, size_t *pos,
			   size_t *len, size_t limit)
{
	uint8_t b;

	do {
		if (*pos >= src_len)
			return UNLZ4_ETRUNC;
		b = src[(*pos)++];
		if (*len > limit || b > limit - *len)
			return UNLZ4_EOVERFLOW;
		*len += b;
	} while (b == LZ4_EXT_CONTINUE);
	return 0;
}

/*
 * decode_block - decode one LZ4 block of @src_len bytes at @src, appending to
 * out[] from index @op (where this block's output starts) up to @out_max.
 *
 * Return: the new output index (>= @op), or a negative UNLZ4_E* code.
 * An empty block is UNLZ4_ETRUNC: every block holds at least one token.
 */
static long decode_block(const uint8_t *src, size_t src_len,
			 uint8_t *out, size_t op, size_t out_max)
{
	const size_t block_start = op;	/* matches may not reach before this */
	size_t ip = 0;			/* index into src[] */

	for (;;) {
		size_t lit, mlen, offset;
		unsigned int token;
		int err;

		if (ip >= src_len)
			return UNLZ4_ETRUNC;		/* no token */
		token = src[ip++];

		/* literals */
		lit = token >> LZ4_TOKEN_LIT_SHIFT;
		if (lit == LZ4_LEN_EXTENDED) {
			err = read_ext_length(src, src_len, &ip, &lit, out_max - op);
			if (err)
				return err;
		}
		if (lit > out_max - op)
			return UNLZ4_EOVERFLOW;
		if (lit > src_len - ip)
			return UNLZ4_ETRUNC;
		copy_bytes(out + op, src + ip, lit);
		op += lit;
		ip += lit;
		if (ip == src_len)
			return (long)op;		/* last sequence: literals only */

		/* match */
		if (src_len - ip < LZ4_OFFSET_BYTES)
			return UNLZ4_ETRUNC;
		offset = (size_t)src[ip] | (size_t)src[ip + 1] << 8;
		ip += LZ4_OFFSET_BYTES;
		if (offset == 0 || offset > op - block_start)
			return UNLZ4_EBADOFFSET;
		mlen = token & LZ4_TOKEN_MATCH_MASK;
		if (mlen == LZ4_LEN_EXTENDED) {
			err = read_ext_length(src, src_len, &ip, &mlen, out_max - op);
			if (err)
				return err;
		}
		if (mlen > out_max - op || LZ4_MINMATCH > out_max - op - mlen)
			return UNLZ4_EOVERFLOW;
		mlen += LZ4_MINMATCH;
		copy_match(out + op, offset, mlen);
		op += mlen;
	}
}

long unlz4(const uint8_t *in, size_t in_len, uint8_t *out, size_t out_max)
{
	size_t ip, op = 0;

	if (out_max > UNLZ4_LONG_MAX)
		out_max = UNLZ4_LONG_MAX;	/* so that every index fits the result */
	if (in_len < LZ4_HEADER_BYTES || get_le32(in) != LZ4_LEGACY_MAGIC)
		return UNLZ4_EBADMAGIC;
	ip = LZ4_HEADER_BYTES;

	while (ip < in_len) {
		uint32_t csize;
		long ret;

		if (in_len - ip < LZ4_HEADER_BYTES)
			return UNLZ4_ETRUNC;		/* stray bytes after a block */
		csize = get_le32(in + ip);
		ip += LZ4_HEADER_BYTES;
		if (csize == LZ4_LEGACY_MAGIC)
			continue;			/* a concatenated frame starts */
		if (csize > in_len - ip)
			return UNLZ4_ETRUNC;		/* block larger than the input */
		ret = decode_block(in + ip, csize, out, op, out_max);
		if (ret < 0)
			return ret;
		op = (size_t)ret;
		ip += csize;
	}
	return (long)op;
}
