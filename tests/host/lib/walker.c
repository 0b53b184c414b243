/*
 * tests/host/lib/walker.c - see host/walker.h. Field positions are typed in
 * from the ARM ARM's figures B3-4 and B3-5 on purpose: no kernel header.
 */
#include <host/walker.h>

static uint32_t bits(uint32_t v, int hi, int lo)
{
	return (v >> lo) & ((1u << (hi - lo + 1)) - 1);
}

bool hw_walk(const uint32_t *l1, uint32_t va, uint32_t (*read_phys)(uint32_t pa),
	     struct hw_walk *w)
{
	uint32_t d = l1[va >> 20], t;

	*w = (struct hw_walk){ .fault = true };
	switch (bits(d, 1, 0)) {
	case 0:                                   /* fault */
		return true;
	case 1:                                   /* page table */
		w->domain = bits(d, 8, 5);
		w->l2_table = d & 0xfffffc00u;
		t = read_phys(w->l2_table + bits(va, 19, 12) * 4);
		if (!bits(t, 1, 1))               /* 00 fault, 01 large: not used */
			return true;
		w->level = 2;
		w->pa = (t & 0xfffff000u) | bits(va, 11, 0);
		w->ap = bits(t, 5, 4) | bits(t, 9, 9) << 2;
		w->xn = bits(t, 0, 0);
		w->index = bits(t, 6, 6) << 2 | bits(t, 3, 2);
		w->s = bits(t, 10, 10);
		w->ng = bits(t, 11, 11);
		break;
	default:                                  /* section (bit 18 = 0) */
		if (bits(d, 18, 18))
			return true;              /* supersections: never built */
		w->level = 1;
		w->pa = (d & 0xfff00000u) | bits(va, 19, 0);
		w->ap = bits(d, 11, 10) | bits(d, 15, 15) << 2;
		w->xn = bits(d, 4, 4);
		w->index = bits(d, 12, 12) << 2 | bits(d, 3, 2);
		w->s = bits(d, 16, 16);
		w->ng = bits(d, 17, 17);
		w->domain = bits(d, 8, 5);
	}
	w->fault = false;
	return false;
}
