/*
 * tests/host/fuzz/fuzz_earlycon.c - libFuzzer over of_earlycon_find
 * (drivers/of/fdt_earlycon.c), the DTB walker head.S and the zImage
 * wrapper run with the MMU off, where a read past the blob is not an ASan
 * report but a data abort with no console to say so. The bytes are the
 * blob itself, copied to a buffer of exactly that size (ASan catches any
 * read past it), its totalsize cut to that size when it claims more (the
 * walker's only bound is totalsize, as head.S's: a blob is what its header
 * says); the real DTBs seed the corpus. On success the UART must
 * be one we drive, with a width we can access.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <linux/of_earlycon.h>
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct earlycon_uart u = { 0, EARLYCON_NONE, 0, 0 };
	uint8_t *blob = malloc(size ? size : 1);   /* 8-byte aligned, exactly sized */
	int err;

	if (size)
		memcpy(blob, data, size);
	if (size >= 8) {
		uint32_t total = (uint32_t)blob[4] << 24 | blob[5] << 16 | blob[6] << 8 | blob[7];

		if (total > size) {
			blob[4] = size >> 24, blob[5] = size >> 16, blob[6] = size >> 8, blob[7] = size;
		}
	}
	err = of_earlycon_find(size >= 8 ? blob : NULL, &u);	/* head.S read magic+totalsize */
	if (err > 0 || err < -EARLYCON_E_HIGH)
		fuzz_fail("of_earlycon_find returned %d, not 0 or -EARLYCON_E_*", err);
	if (!err && !((u.type == EARLYCON_PL011 || u.type == EARLYCON_8250) &&
		      (u.io_width == 1 || u.io_width == 4)))
		fuzz_fail("of_earlycon_find: type %u width %u", u.type, u.io_width);
	if (err && u.type != EARLYCON_NONE)
		fuzz_fail("of_earlycon_find failed (%d) but wrote the UART", err);
	free(blob);
	return 0;
}
