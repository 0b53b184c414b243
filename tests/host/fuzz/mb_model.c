/*
 * tests/host/fuzz/mb_model.c - the model of fuzz_memblock (see
 * mb_model.h): pieces of the 4 GiB line with three state bits, and the
 * runs memblock's lists must equal.
 */
#include <string.h>
#include "mb_model.h"

void m_reset(struct model *m)
{
	m->n = 1;
	m->pt[0] = 0;
	m->pt[1] = TOP;
	m->st[0] = 0;
}

void m_copy(struct model *dst, const struct model *src)
{
	dst->n = src->n;
	memcpy(dst->pt, src->pt, (src->n + 1) * sizeof(u64));
	memcpy(dst->st, src->st, src->n);
}

/* The piece holding x. */
int m_find(const struct model *m, u64 x)
{
	int lo = 0, hi = m->n - 1;

	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;

		if (m->pt[mid] <= x)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* Make x a piece boundary. */
static void m_split(struct model *m, u64 x)
{
	int i;

	if (x == 0 || x >= TOP)
		return;
	i = m_find(m, x);
	if (m->pt[i] == x)
		return;
	if (m->n >= MAXPTS)
		fuzz_fail("model full");
	memmove(&m->pt[i + 2], &m->pt[i + 1], (m->n - i) * sizeof(u64));
	memmove(&m->st[i + 1], &m->st[i], m->n - i);
	m->pt[i + 1] = x;
	m->n++;
}

/* Join neighbouring pieces in the same state. */
static void m_coalesce(struct model *m)
{
	int i, j = 0;

	for (i = 1; i < m->n; i++) {
		if (m->st[i] == m->st[j])
			continue;
		j++;
		m->pt[j] = m->pt[i];
		m->st[j] = m->st[i];
	}
	m->n = j + 1;
	m->pt[m->n] = TOP;
}

/* In [lo, hi): where (st & cmask) == cval, clear then set bits. */
void m_update(struct model *m, u64 lo, u64 hi, u8 cmask, u8 cval, u8 clear, u8 set)
{
	int i;

	if (lo >= hi)
		return;
	m_split(m, lo);
	m_split(m, hi);
	for (i = m_find(m, lo); i < m->n && m->pt[i] < hi; i++)
		if ((m->st[i] & cmask) == cval)
			m->st[i] = (m->st[i] & ~clear) | set;
	m_coalesce(m);
}

/*
 * Maximal runs of pieces with (st & want_mask) == want_val, split where
 * (st & key_mask) changes. Return: how many, in out[].
 */
int m_runs(const struct model *m, u8 want_mask, u8 want_val, u8 key_mask, struct rgn *out)
{
	int i, k = 0;
	bool open = false;
	u8 key = 0;

	for (i = 0; i < m->n; i++) {
		bool in = (m->st[i] & want_mask) == want_val;

		if (in && open && (m->st[i] & key_mask) == key) {
			out[k - 1].end = m->pt[i + 1];
			continue;
		}
		open = in;
		if (!in)
			continue;
		if (k >= MAXRGN)
			fuzz_fail("too many runs");
		key = m->st[i] & key_mask;
		out[k++] = (struct rgn){ m->pt[i], m->pt[i + 1],
					 (key & S_NOMAP) ? MEMBLOCK_NOMAP : 0 };
	}
	return k;
}

/* Is every byte of [lo, hi) in a piece with (st & mask) == val? */
bool m_all(const struct model *m, u64 lo, u64 hi, u8 mask, u8 val)
{
	int i;

	for (i = m_find(m, lo); i < m->n && m->pt[i] < hi; i++)
		if ((m->st[i] & mask) != val)
			return false;
	return true;
}

/* How many separate runs of [lo, hi) lack bit b: the pieces memblock_add_range inserts. */
unsigned long m_holes(const struct model *m, u64 lo, u64 hi, u8 b)
{
	unsigned long holes = 0;
	bool in_hole = false;
	int i;

	if (lo >= hi)
		return 0;
	for (i = m_find(m, lo); i < m->n && m->pt[i] < hi; i++) {
		bool absent = !(m->st[i] & b);

		holes += absent && !in_hole;
		in_hole = absent;
	}
	return holes;
}
