/*
 * arch/arm/mm/pgd-decode.c - level 1 descriptors, decoded (see the bit
 * pictures in asm/pgtable-hwdef.h). Pure C: the host tests run it too.
 */
#include <linux/kernel.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgd-decode.h>
#include <asm/page.h>
#include <asm/pgtable-2level.h>

#define AP2_SHIFT 2      /* APX is bit 2 of our AP[2:0] */

void l1_desc_decode(u32 desc, struct l1_desc_info *info)
{
	*info = (struct l1_desc_info){ 0 };
	info->type = desc & PMD_TYPE_MASK;
	info->domain = (desc & PMD_DOMAIN_MASK) >> PMD_DOMAIN_SHIFT;
	if (info->type == PMD_TYPE_TABLE) {
		info->pa = desc & PMD_TABLE_MASK;
		info->pxn = desc & PMD_PXNTABLE;
		return;
	}
	if (info->type == PMD_TYPE_FAULT)
		return;
	/* 1x: section; bit 0 is PXN on CPUs that have it */
	info->type = PMD_TYPE_SECT;
	info->pa = desc & PMD_SECT_BASE_MASK;
	info->pxn = desc & PMD_SECT_PXN;
	info->b = !!(desc & PMD_SECT_BUFFERABLE);
	info->c = !!(desc & PMD_SECT_CACHEABLE);
	info->xn = desc & PMD_SECT_XN;
	info->tex = (desc & PMD_SECT_TEX_MASK) >> PMD_SECT_TEX_SHIFT;
	info->ap = ((desc >> PMD_SECT_AP_SHIFT) & 3) | (!!(desc & PMD_SECT_APX) << AP2_SHIFT);
	info->s = desc & PMD_SECT_S;
	info->ng = desc & PMD_SECT_nG;
	info->super = desc & PMD_SECT_SUPER;
	info->ns = desc & PMD_SECT_NS;
}

const char *ap_name(unsigned ap)
{
	static const char *const names[8] = {
		"--/--", "RW/--", "RW/RO", "RW/RW",   /* APX = 0 */
		"res",   "RO/--", "RO/RO", "RO/RO",   /* APX = 1 */
	};
	return names[ap & 7];
}

void remap_type_name(unsigned index, u32 prrr, u32 nmrr, char *buf, size_t len)
{
	static const char *const types[4] = { "Strongly-ordered", "Device", "Normal", "res" };
	static const char *const cache[4] = { "NC", "WBWA", "WT", "WB" };
	unsigned tr = (prrr >> (2 * index)) & 3;           /* PRRR.TRn */
	unsigned ir = (nmrr >> (2 * index)) & 3;           /* NMRR.IRn */
	unsigned or = (nmrr >> (16 + 2 * index)) & 3;      /* NMRR.ORn */

	if (tr == 2)
		snprintf(buf, len, "Normal inner %s outer %s", cache[ir], cache[or]);
	else
		snprintf(buf, len, "%s", types[tr]);
}

int l1_desc_format(char *buf, size_t len, unsigned idx, u32 desc, u32 prrr, u32 nmrr)
{
	struct l1_desc_info d;
	unsigned long va = (unsigned long)idx << SECTION_SHIFT;
	char type[40];

	l1_desc_decode(desc, &d);
	if (d.type == PMD_TYPE_FAULT)
		return snprintf(buf, len, "[0x%03x] 0x%08lx-0x%08lx fault (0x%08x)",
				idx, va, va + SECTION_SIZE - 1, desc);
	if (d.type == PMD_TYPE_TABLE)
		return snprintf(buf, len, "[0x%03x] 0x%08lx-0x%08lx -> table at 0x%08x domain=%u%s (0x%08x)",
				idx, va, va + SECTION_SIZE - 1, d.pa, d.domain,
				d.pxn ? " PXN" : "", desc);
	remap_type_name((d.tex & 1) << 2 | d.c << 1 | d.b, prrr, nmrr, type, sizeof(type));
	return snprintf(buf, len, "[0x%03x] 0x%08lx-0x%08lx -> 0x%08x section AP=%s XN=%d TEX/C/B=%u/%u/%u (%s)%s%s domain=%u (0x%08x)",
			idx, va, va + SECTION_SIZE - 1, d.pa, ap_name(d.ap), d.xn ? 1 : 0,
			d.tex, d.c, d.b, type, d.s ? " S" : "", d.ng ? " nG" : "", d.domain, desc);
}

int l2_desc_format(char *buf, size_t len, u32 desc, u32 prrr, u32 nmrr)
{
	unsigned ap, tex, c, b;
	char type[40];

	if (!(desc & PTE_TYPE_SMALL))
		return snprintf(buf, len, "fault (0x%08x)", desc);
	ap = ((desc & (PTE_EXT_AP0 | PTE_EXT_AP1)) >> PTE_EXT_AP_SHIFT) |
	     (!!(desc & PTE_EXT_APX) << AP2_SHIFT);
	tex = (desc >> PTE_EXT_TEX_SHIFT) & 7;
	c = !!(desc & PTE_CACHEABLE);
	b = !!(desc & PTE_BUFFERABLE);
	remap_type_name((tex & 1) << 2 | c << 1 | b, prrr, nmrr, type, sizeof(type));
	return snprintf(buf, len, "small page -> 0x%08x AP=%s XN=%d TEX/C/B=%u/%u/%u (%s)%s%s (0x%08x)",
			(u32)(desc & PTE_SMALL_BASE_MASK), ap_name(ap), (int)(desc & PTE_EXT_XN),
			tex, c, b, type, desc & PTE_EXT_SHARED ? " S" : "",
			desc & PTE_EXT_NG ? " nG" : "", desc);
}

int linux_pte_format(char *buf, size_t len, u32 pte)
{
	static const struct { u32 bit; const char *name; } flags[] = {
		{ L_PTE_PRESENT, "PRESENT" }, { L_PTE_YOUNG, "YOUNG" },
		{ L_PTE_DIRTY, "DIRTY" },     { L_PTE_RDONLY, "RDONLY" },
		{ L_PTE_USER, "USER" },       { L_PTE_XN, "XN" },
		{ L_PTE_SHARED, "SHARED" },   { L_PTE_NONE, "NONE" },
	};
	static const char *const mt[16] = {
		"UNCACHED", "BUFFERABLE", "WRITETHROUGH", "WRITEBACK", "DEV_SHARED", "?5",
		"MINICACHE", "WRITEALLOC", "?8", "DEV_WC", "?10", "DEV_CACHED",
		"DEV_NONSHARED", "?13", "?14", "VECTORS",
	};
	int n;
	unsigned int i;

	if (!pte)               /* pte_none(): nothing was ever set here */
		return snprintf(buf, len, "none (0x00000000): no page mapped here");
	n = snprintf(buf, len, "pfn 0x%05x", pte >> PAGE_SHIFT);

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if ((pte & flags[i].bit) && (size_t)n < len)
			n += snprintf(buf + n, len - n, " %s", flags[i].name);
	if ((size_t)n < len)
		n += snprintf(buf + n, len - n, " MT_%s (0x%08x)",
			      mt[(pte & L_PTE_MT_MASK) >> L_PTE_MT_SHIFT], pte);
	return n;
}

bool l1_sect_kernel_writable(u32 desc)
{
	struct l1_desc_info d;

	l1_desc_decode(desc, &d);
	return d.type == PMD_TYPE_SECT && (d.ap == 1 || d.ap == 2 || d.ap == 3);
}

bool l2_kernel_writable(u32 desc)
{
	return (desc & PTE_TYPE_SMALL) && !(desc & PTE_EXT_APX) && (desc & PTE_EXT_AP0);
}
