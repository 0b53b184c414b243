/*
 * drivers/char/random.c - random numbers for the kernel: AT_RANDOM's 16
 * bytes and, with randomize_va_space, where exec puts the stack, the
 * mmap area, the heap and [sigpage]. Linux: drivers/char/random.c
 * (get_random_bytes, get_random_u32, get_random_long).
 *
 * Differences from Linux: there is no entropy at all. Linux mixes
 * interrupt timings, the bootloader's seed and RDRAND-like instructions
 * into a ChaCha20 generator; armmm has no interrupts and no seed, so this
 * is xorshift128+ from a fixed state: every boot draws the same sequence,
 * and two runs in one boot still differ. Nothing here is fit for secrets.
 */
#include <linux/kernel.h>
#include <linux/random.h>

static u64 s0 = 0x243f6a8885a308d3ULL, s1 = 0x13198a2e03707344ULL;

/* xorshift128+ (Vigna): 64 bits per step. */
static u64 next64(void)
{
	u64 x = s0, y = s1;

	s0 = y;
	x ^= x << 23;
	s1 = x ^ y ^ (x >> 17) ^ (y >> 26);
	return s1 + y;
}

void get_random_bytes(void *buf, size_t n)
{
	u8 *out = buf;

	while (n) {
		u64 r = next64();
		size_t i;

		for (i = 0; i < 8 && n; i++, n--)
			*out++ = (u8)(r >> (8 * i));
	}
}

u32 get_random_u32(void)
{
	return (u32)(next64() >> 32);   /* the high half: xorshift's low bits are weaker */
}

unsigned long get_random_long(void)
{
	return get_random_u32();        /* 32-bit kernel: a long is a u32 */
}
