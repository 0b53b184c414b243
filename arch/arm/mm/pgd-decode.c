/*
 * arch/arm/mm/pgd-decode.c - level 1 descriptors, decoded (see the bit
 * pictures in asm/pgtable-hwdef.h). Pure C: the host tests run it too.
 */
#include <linux/kernel.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgd-decode.h>
#include <asm/page.h>

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
