// SPDX-License-Identifier: GPL-2.0
/*
 * tests/host/unlz4/test_unlz4.c - host tests of boot/compressed/unlz4.c.
 *
 * Two kinds of input:
 *   - real `lz4 -l -9` output, made at test time from data written to a temp
 *     file (so the decoder is checked against the encoder the build uses);
 *   - hand-made frames, spelled out byte by byte, for the corner cases and
 *     every error path.
 * Output buffers are heap blocks of exactly out_max bytes, so ASan reports any
 * write or read outside them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../../boot/compressed/unlz4.h"

#define KiB		1024u
#define MiB		(1024u * KiB)
#define LEGACY_BLOCK	(8 * MiB)	/* lz4 -l cuts the input every 8 MiB */

/* Frame building blocks for hand-made inputs (all little endian). */
#define MAGIC		0x02, 0x21, 0x4c, 0x18	/* LZ4_LEGACY_MAGIC */
#define LE32(x)		(uint8_t)(x), (uint8_t)((x) >> 8), \
			(uint8_t)((x) >> 16), (uint8_t)((x) >> 24)
#define TOKEN(lit, mlen_minus_4)	(uint8_t)((lit) << 4 | (mlen_minus_4))
#define OFF(x)		(uint8_t)(x), (uint8_t)((x) >> 8)

static char tmpdir[] = "/tmp/test_unlz4.XXXXXX";

/* ---- helpers ------------------------------------------------------------ */

/* xorshift32: reproducible pseudo-random bytes, no libc rand() state. */
static uint32_t xorshift32(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static uint8_t *make_random(size_t len, uint32_t seed)
{
	uint8_t *p = malloc(len ? len : 1);

	assert_non_null(p);
	for (size_t i = 0; i < len; i++)
		p[i] = (uint8_t)xorshift32(&seed);
	return p;
}

/* Text-like data: words picked at random, so it compresses with many matches. */
static uint8_t *make_text(size_t len, uint32_t seed)
{
	static const char *const words[] = {
		"memblock ", "swapper_pg_dir ", "PAGE_OFFSET ", "the ", "kernel ",
		"section ", "0xc0008000 ", "map_lowmem\n", "of ", "create_mapping ",
	};
	uint8_t *p = malloc(len ? len : 1);
	size_t n = 0;

	assert_non_null(p);
	while (n < len) {
		const char *w = words[xorshift32(&seed) % (sizeof(words) / sizeof(words[0]))];

		for (size_t i = 0; w[i] && n < len; i++)
			p[n++] = (uint8_t)w[i];
	}
	return p;
}

static uint8_t *make_zeros(size_t len)
{
	uint8_t *p = calloc(len ? len : 1, 1);

	assert_non_null(p);
	return p;
}

/*
 * lz4_legacy - compress @len bytes with the real `lz4 -l -9` CLI.
 * Returns the frame (malloc'd) and its length in *out_len.
 */
static uint8_t *lz4_legacy(const uint8_t *data, size_t len, size_t *out_len)
{
	char raw[64], lz[64], cmd[256];
	uint8_t *buf;
	FILE *f;
	long n;

	snprintf(raw, sizeof(raw), "%s/raw", tmpdir);
	snprintf(lz, sizeof(lz), "%s/raw.lz4", tmpdir);
	f = fopen(raw, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);

	snprintf(cmd, sizeof(cmd), "lz4 -l -9 -f -q '%s' '%s'", raw, lz);
	assert_int_equal(system(cmd), 0);

	f = fopen(lz, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 4);
	rewind(f);
	buf = malloc((size_t)n);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	unlink(raw);
	unlink(lz);
	*out_len = (size_t)n;
	return buf;
}

/* Count the blocks of a well-formed legacy frame. */
static unsigned int count_blocks(const uint8_t *in, size_t len)
{
	unsigned int n = 0;

	for (size_t ip = 4; ip + 4 <= len; n++)
		ip += 4 + ((size_t)in[ip] | (size_t)in[ip + 1] << 8 |
			   (size_t)in[ip + 2] << 16 | (size_t)in[ip + 3] << 24);
	return n;
}

/* Decode @in into a fresh buffer of exactly @out_max bytes; return unlz4(). */
static long decode(const uint8_t *in, size_t in_len, size_t out_max, uint8_t **outp)
{
	uint8_t *out = malloc(out_max ? out_max : 1);
	long ret;

	assert_non_null(out);
	ret = unlz4(in, in_len, out, out_max);
	if (outp)
		*outp = out;
	else
		free(out);
	return ret;
}

/*
 * Round trip: compress with lz4 -l, decode with exactly len bytes of room,
 * compare; then once more with one byte too few.
 */
static void round_trip(const uint8_t *data, size_t len, unsigned int min_blocks)
{
	size_t clen;
	uint8_t *frame = lz4_legacy(data, len, &clen);
	uint8_t *out;

	assert_true(count_blocks(frame, clen) >= min_blocks);
	assert_int_equal(decode(frame, clen, len, &out), (long)len);
	if (len > 0) {
		assert_memory_equal(out, data, len);
		assert_int_equal(decode(frame, clen, len - 1, NULL), UNLZ4_EOVERFLOW);
	}
	free(out);
	free(frame);
}

static int group_setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	return rmdir(tmpdir);
}

/* ---- round trips against the real lz4 -l -------------------------------- */

/*
 *   data: (nothing)          frame: | magic |
 * Expect an empty frame (magic only) to decode to 0 bytes.
 */
static void unlz4_empty_input_check(void **state)
{
	uint8_t none[1] = { 0 };

	(void)state;
	round_trip(none, 0, 0);
}

/*
 *   data: | 'a' |            frame: | magic | 2 | 0x10 'a' |
 * Expect a single byte (one literal-only sequence) to come back.
 */
static void unlz4_one_byte_check(void **state)
{
	uint8_t one = 'a';

	(void)state;
	round_trip(&one, 1, 1);
}

/*
 *   data: | 100 KiB random |  -> nearly all literals, long extended lengths
 * Expect the incompressible data back unchanged.
 */
static void unlz4_random_100k_check(void **state)
{
	uint8_t *d = make_random(100 * KiB, 0x1234567);

	(void)state;
	round_trip(d, 100 * KiB, 1);
	free(d);
}

/*
 *   data: | 100 KiB of 0 |   -> one literal, then long offset-1 matches
 * Expect 100 KiB of zeros.
 */
static void unlz4_zeros_100k_check(void **state)
{
	uint8_t *d = make_zeros(100 * KiB);

	(void)state;
	round_trip(d, 100 * KiB, 1);
	free(d);
}

/*
 *   data: | 100 KiB of words |  -> many short matches at many offsets
 * Expect the text back.
 */
static void unlz4_text_100k_check(void **state)
{
	uint8_t *d = make_text(100 * KiB, 42);

	(void)state;
	round_trip(d, 100 * KiB, 1);
	free(d);
}

/*
 *   data: | 8 MiB text | 8 MiB random+zeros | 300 KiB text |
 *   frame: | magic | csize | block 0 | csize | block 1 | csize | block 2 |
 * Expect all three legacy blocks decoded back to back (each with its own
 * block start for the offset check).
 */
static void unlz4_multi_block_check(void **state)
{
	const size_t len = 2 * LEGACY_BLOCK + 300 * KiB;
	uint8_t *d = make_text(len, 7);
	uint8_t *r = make_random(LEGACY_BLOCK / 2, 99);

	(void)state;
	memcpy(d + LEGACY_BLOCK, r, LEGACY_BLOCK / 2);	/* block 1: random, */
	memset(d + LEGACY_BLOCK + LEGACY_BLOCK / 2, 0, LEGACY_BLOCK / 2); /* zeros */
	round_trip(d, len, 3);
	free(r);
	free(d);
}

/*
 *   frame A = lz4 -l("text...")   frame B = lz4 -l(random)
 *   input:  | A | B |  (B's magic where a csize would be)
 * Expect the concatenation of both, as `lz4 -d` would give.
 */
static void unlz4_concatenated_frames_check(void **state)
{
	uint8_t *a = make_text(5000, 1), *b = make_random(3000, 2), *out;
	size_t alen, blen;
	uint8_t *fa = lz4_legacy(a, 5000, &alen), *fb = lz4_legacy(b, 3000, &blen);
	uint8_t *cat = malloc(alen + blen);

	(void)state;
	assert_non_null(cat);
	memcpy(cat, fa, alen);
	memcpy(cat + alen, fb, blen);
	assert_int_equal(decode(cat, alen + blen, 8000, &out), 8000);
	assert_memory_equal(out, a, 5000);
	assert_memory_equal(out + 5000, b, 3000);
	free(out);
	free(cat);
	free(fa);
	free(fb);
	free(a);
	free(b);
}

/* ---- hand-made sequences -------------------------------------------------- */

/*
 *   seq 1: literal "a", match offset 1 len 10    -> "a" + "aaaaaaaaaa"
 *                 ^-----+ (copies the byte it has just written)
 *   seq 2: literals "bcdef"
 * Expect "aaaaaaaaaaabcdef": an offset-1 match is a run of one byte.
 */
static void unlz4_match_offset_1_check(void **state)
{
	static const uint8_t in[] = {
		MAGIC, LE32(10),
		TOKEN(1, 10 - 4), 'a', OFF(1),
		TOKEN(5, 0), 'b', 'c', 'd', 'e', 'f',
	};
	static const char want[] = "aaaaaaaaaaabcdef";
	uint8_t *out;

	(void)state;
	assert_int_equal(decode(in, sizeof(in), 16, &out), 16);
	assert_memory_equal(out, want, 16);
	free(out);
}

/*
 *   seq 1: literals "abc", match offset 3 len 10  -> "abc" + "abcabcabca"
 *          |abc|abc|abc|abc|a   (offset 3 < length 10: the match reads bytes
 *           ^---+               it wrote itself, repeating the pattern)
 *   seq 2: literals "XYZ!!"
 * Expect "abcabcabcabcaXYZ!!".
 */
static void unlz4_match_overlapping_check(void **state)
{
	static const uint8_t in[] = {
		MAGIC, LE32(12),
		TOKEN(3, 10 - 4), 'a', 'b', 'c', OFF(3),
		TOKEN(5, 0), 'X', 'Y', 'Z', '!', '!',
	};
	static const char want[] = "abcabcabcabcaXYZ!!";
	uint8_t *out;

	(void)state;
	assert_int_equal(decode(in, sizeof(in), 18, &out), 18);
	assert_memory_equal(out, want, 18);
	free(out);
}

/*
 *   seq 1: `head` literal bytes 1, 2, 3, ..., then a match (offset, len)
 *   seq 2: literals "tail!"
 * for every offset 1..9 (1, 2, 4 repeat a word; 4, 8 copy words), every
 * start alignment of the match (head 9..12) and lengths 16..40: the word
 * paths of copy_match at each phase. Expect what copying byte by byte,
 * forward, gives.
 */
static void unlz4_match_word_paths_check(void **state)
{
	unsigned int offset, head, len, i;

	(void)state;
	for (offset = 1; offset <= 9; offset++)
		for (head = 9; head <= 12; head++)
			for (len = 16; len <= 40; len += 3) {
				uint8_t in[64], want[64], *out;
				size_t n = 0, total = head + len + 5;

				memcpy(in, (const uint8_t[]){ MAGIC }, 4);
				n = 8;                  /* block size, filled in below */
				in[n++] = TOKEN(head, len - 4 < 15 ? len - 4 : 15);
				for (i = 0; i < head; i++)
					in[n++] = want[i] = (uint8_t)(i + 1);
				in[n++] = (uint8_t)offset;
				in[n++] = 0;
				if (len - 4 >= 15)
					in[n++] = (uint8_t)(len - 4 - 15);
				in[n++] = TOKEN(5, 0);
				memcpy(in + n, "tail!", 5);
				n += 5;
				memcpy(in + 4, (const uint8_t[]){ LE32(n - 8) }, 4);
				for (i = head; i < head + len; i++)
					want[i] = want[i - offset];
				memcpy(want + head + len, "tail!", 5);
				assert_int_equal(decode(in, n, total, &out), (long)total);
				if (memcmp(out, want, total))
					fail_msg("offset %u head %u len %u: wrong output", offset, head, len);
				free(out);
			}
}

/*
 *   token 0xFF: literal count 15 + 255 + 30 = 300, match 4 + 15 + 255 + 0 = 274
 *   | 0xFF | 255 30 | 300 x 'L' | off 1 | 255 0 | 0x10 'E' |
 * Expect 300 + 274 'L' then 'E': extension bytes are summed until the first
 * byte that is not 255 (here the 0 closes the match length).
 */
static void unlz4_extended_lengths_check(void **state)
{
	const size_t lit = 300, mlen = 274, total = lit + mlen + 1;
	const uint8_t head[] = { MAGIC, LE32(3 + 300 + 4 + 2), 0xff, 255, 30 };
	const uint8_t tail[] = { OFF(1), 255, 0, TOKEN(1, 0), 'E' };
	uint8_t in[sizeof(head) + 300 + sizeof(tail)], *out;

	(void)state;
	memcpy(in, head, sizeof(head));
	memset(in + sizeof(head), 'L', lit);
	memcpy(in + sizeof(head) + lit, tail, sizeof(tail));
	assert_int_equal(decode(in, sizeof(in), total, &out), (long)total);
	for (size_t i = 0; i < total - 1; i++)
		assert_int_equal(out[i], 'L');
	assert_int_equal(out[total - 1], 'E');
	free(out);
}

/*
 *   | 0x10 'a' off 1 |      block ends right after a match (no last literals)
 * Expect UNLZ4_ETRUNC: a block's last sequence has literals only (the
 * format's rule), so after a match another token must follow.
 */
static void unlz4_block_ending_in_match_check(void **state)
{
	static const uint8_t in[] = { MAGIC, LE32(4), TOKEN(1, 0), 'a', OFF(1) };

	(void)state;
	assert_int_equal(decode(in, sizeof(in), 100, NULL), UNLZ4_ETRUNC);
}

/* ---- error paths ----------------------------------------------------------- */

/*
 *   | 0x03 0x21 0x4c 0x18 | ...     (first byte off by one)
 *   | 0x02 0x21 0x4c |              (3 bytes: no room for the magic)
 *   (empty input)
 * Expect UNLZ4_EBADMAGIC for all three, and nothing written.
 */
static void unlz4_bad_magic_check(void **state)
{
	static const uint8_t wrong[] = { 0x03, 0x21, 0x4c, 0x18, LE32(2), 0x10, 'a' };
	static const uint8_t short3[] = { 0x02, 0x21, 0x4c };
	uint8_t out[4] = { 0 };

	(void)state;
	assert_int_equal(unlz4(wrong, sizeof(wrong), out, sizeof(out)), UNLZ4_EBADMAGIC);
	assert_int_equal(unlz4(short3, sizeof(short3), out, sizeof(out)), UNLZ4_EBADMAGIC);
	assert_int_equal(unlz4(NULL, 0, out, sizeof(out)), UNLZ4_EBADMAGIC);
	assert_int_equal(out[0], 0);
}

/*
 * A block whose csize is honest but whose content stops early:
 *   a) | 0x50 'a' 'b' |              token says 5 literals, 2 there
 *   b) | 0x14 'a' 0x01 |             offset needs 2 bytes, 1 there
 *   c) | 0xF0 255 |                  literal length extension not closed
 *   d) | 0x1F 'a' off 1 |            match length extension missing
 *   e) (csize 0)                     a block without a token
 * Expect UNLZ4_ETRUNC for each.
 */
static void unlz4_truncated_block_check(void **state)
{
	static const uint8_t a[] = { MAGIC, LE32(3), TOKEN(5, 0), 'a', 'b' };
	static const uint8_t b[] = { MAGIC, LE32(3), TOKEN(1, 0), 'a', 0x01 };
	static const uint8_t c[] = { MAGIC, LE32(2), TOKEN(15, 0), 255 };
	static const uint8_t d[] = { MAGIC, LE32(4), TOKEN(1, 15), 'a', OFF(1) };
	static const uint8_t e[] = { MAGIC, LE32(0) };

	(void)state;
	assert_int_equal(decode(a, sizeof(a), 100, NULL), UNLZ4_ETRUNC);
	assert_int_equal(decode(b, sizeof(b), 100, NULL), UNLZ4_ETRUNC);
	assert_int_equal(decode(c, sizeof(c), 1000, NULL), UNLZ4_ETRUNC);
	assert_int_equal(decode(d, sizeof(d), 100, NULL), UNLZ4_ETRUNC);
	assert_int_equal(decode(e, sizeof(e), 100, NULL), UNLZ4_ETRUNC);
}

/*
 *   real frame:  | magic | csize | block ............ |
 *   cut short:   | magic | csize | block .....|            (csize > what is left)
 *   stray bytes: | magic | csize | block ............ | 0 0 |  (half a csize)
 * Expect UNLZ4_ETRUNC for both, at every cut point inside the block.
 */
static void unlz4_block_larger_than_input_check(void **state)
{
	uint8_t *d = make_text(4000, 3), *frame, *grown;
	size_t clen;

	(void)state;
	frame = lz4_legacy(d, 4000, &clen);
	for (size_t cut = 8; cut < clen; cut++)
		assert_int_equal(decode(frame, cut, 4000, NULL), UNLZ4_ETRUNC);
	/* 5..7 bytes: the magic plus an incomplete csize */
	for (size_t cut = 5; cut < 8; cut++)
		assert_int_equal(decode(frame, cut, 4000, NULL), UNLZ4_ETRUNC);

	grown = calloc(clen + 2, 1);
	assert_non_null(grown);
	memcpy(grown, frame, clen);
	assert_int_equal(decode(grown, clen + 2, 4000, NULL), UNLZ4_ETRUNC);
	free(grown);
	free(frame);
	free(d);
}

/*
 *   a) literals:   | 0x50 "hello" |            into 4 bytes of room
 *   b) match:      | 0x14 'a' off 1 | 0x10 'b' into 5 bytes (needs 1+5+1)
 *   c) extension:  | 0xF0 | 255 x 64 KiB ... | a length far beyond out_max
 *   d) real frame of 100 KiB text into 100 KiB - 1
 * Expect UNLZ4_EOVERFLOW for each, and no write past the buffer (ASan).
 */
static void unlz4_output_overflow_check(void **state)
{
	static const uint8_t a[] = { MAGIC, LE32(6), TOKEN(5, 0), 'h', 'e', 'l', 'l', 'o' };
	static const uint8_t b[] = { MAGIC, LE32(6), TOKEN(1, 1), 'a', OFF(1), TOKEN(1, 0), 'b' };
	const size_t nff = 64 * KiB;
	uint8_t *c = malloc(8 + 1 + nff + 1), *d;
	size_t clen;
	uint8_t *frame;

	(void)state;
	assert_int_equal(decode(a, sizeof(a), 4, NULL), UNLZ4_EOVERFLOW);
	assert_int_equal(decode(b, sizeof(b), 5, NULL), UNLZ4_EOVERFLOW);
	assert_int_equal(decode(b, sizeof(b), 7, NULL), 7);	/* and it fits in 7 */

	assert_non_null(c);
	memcpy(c, (const uint8_t[]){ MAGIC, LE32(1 + nff + 1), TOKEN(15, 0) }, 9);
	memset(c + 9, 255, nff);
	c[9 + nff] = 0;
	assert_int_equal(decode(c, 8 + 1 + nff + 1, 1 * MiB, NULL), UNLZ4_EOVERFLOW);
	free(c);

	d = make_text(100 * KiB, 5);
	frame = lz4_legacy(d, 100 * KiB, &clen);
	assert_int_equal(decode(frame, clen, 100 * KiB - 1, NULL), UNLZ4_EOVERFLOW);
	assert_int_equal(decode(frame, clen, 0, NULL), UNLZ4_EOVERFLOW);
	free(frame);
	free(d);
}

/*
 *   a) | 0x10 'a' off 2 |     output so far: "a"; offset 2 points before it
 *   b) | 0x00 off 1 |         no output yet at all
 *   c) | 0x10 'a' off 0 |     offset 0 is invalid
 *   d) block 0: | 0x40 "abcd" |   block 1: | 0x00 off 4 |
 *          out: |a b c d|       block 1 starts here ^, offset 4 reaches back
 *                                into block 0: blocks are independent
 * Expect UNLZ4_EBADOFFSET for each.
 */
static void unlz4_match_before_output_check(void **state)
{
	static const uint8_t a[] = { MAGIC, LE32(4), TOKEN(1, 0), 'a', OFF(2) };
	static const uint8_t b[] = { MAGIC, LE32(3), TOKEN(0, 0), OFF(1) };
	static const uint8_t c[] = { MAGIC, LE32(4), TOKEN(1, 0), 'a', OFF(0) };
	static const uint8_t d[] = {
		MAGIC,
		LE32(5), TOKEN(4, 0), 'a', 'b', 'c', 'd',
		LE32(4), TOKEN(0, 0), OFF(4), TOKEN(0, 0),
	};

	(void)state;
	assert_int_equal(decode(a, sizeof(a), 100, NULL), UNLZ4_EBADOFFSET);
	assert_int_equal(decode(b, sizeof(b), 100, NULL), UNLZ4_EBADOFFSET);
	assert_int_equal(decode(c, sizeof(c), 100, NULL), UNLZ4_EBADOFFSET);
	assert_int_equal(decode(d, sizeof(d), 100, NULL), UNLZ4_EBADOFFSET);
}

/*
 *   real frame of 20 KiB text, one byte changed at a time (5000 mutations)
 * Expect every result to be either an UNLZ4_E* code or a length <= out_max,
 * with every access inside the buffers (ASan aborts otherwise).
 */
static void unlz4_mutated_input_stays_in_bounds_check(void **state)
{
	const size_t len = 20 * KiB;
	uint8_t *d = make_text(len, 11), *frame, *out;
	uint32_t seed = 0xdecaf;
	size_t clen;

	(void)state;
	frame = lz4_legacy(d, len, &clen);
	out = malloc(len);
	assert_non_null(out);
	for (int i = 0; i < 5000; i++) {
		size_t at = 4 + xorshift32(&seed) % (clen - 4);	/* keep the magic */
		uint8_t old = frame[at];
		long ret;

		frame[at] = (uint8_t)xorshift32(&seed);
		ret = unlz4(frame, clen, out, len);
		assert_true(ret <= (long)len);
		assert_true(ret >= UNLZ4_EBADOFFSET);
		frame[at] = old;
	}
	free(out);
	free(frame);
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unlz4_empty_input_check),
		cmocka_unit_test(unlz4_one_byte_check),
		cmocka_unit_test(unlz4_random_100k_check),
		cmocka_unit_test(unlz4_zeros_100k_check),
		cmocka_unit_test(unlz4_text_100k_check),
		cmocka_unit_test(unlz4_multi_block_check),
		cmocka_unit_test(unlz4_concatenated_frames_check),
		cmocka_unit_test(unlz4_match_offset_1_check),
		cmocka_unit_test(unlz4_match_overlapping_check),
		cmocka_unit_test(unlz4_match_word_paths_check),
		cmocka_unit_test(unlz4_extended_lengths_check),
		cmocka_unit_test(unlz4_block_ending_in_match_check),
		cmocka_unit_test(unlz4_bad_magic_check),
		cmocka_unit_test(unlz4_truncated_block_check),
		cmocka_unit_test(unlz4_block_larger_than_input_check),
		cmocka_unit_test(unlz4_output_overflow_check),
		cmocka_unit_test(unlz4_match_before_output_check),
		cmocka_unit_test(unlz4_mutated_input_stays_in_bounds_check),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
