/*
 * asm/pgd-decode.h - decoding level 1 descriptors into words a learner can
 * read (used by the boot banner and `vtop`, tested on the host).
 */
#ifndef _ASM_PGD_DECODE_H
#define _ASM_PGD_DECODE_H
#include <linux/types.h>

struct l1_desc_info {
	u32 type;          /* PMD_TYPE_FAULT, PMD_TYPE_TABLE or PMD_TYPE_SECT */
	phys_addr_t pa;    /* section base, or L2 table base */
	unsigned ap;       /* AP[2:0] = APX:AP[1]:AP[0] */
	unsigned tex, c, b;
	unsigned domain;
	bool xn, pxn, s, ng, ns, super;
};

void l1_desc_decode(u32 desc, struct l1_desc_info *info);
/* "RW/RW" style: privileged/user access for AP[2:0] (ARMv7 ARM B3.7.1). */
const char *ap_name(unsigned ap);
/*
 * Memory type of a TEX[0]:C:B index under TEX remap, read from PRRR/NMRR
 * (ARMv7 ARM B3.8.2): "Normal WBWA", "Device", "Strongly-ordered", ...
 */
void remap_type_name(unsigned index, u32 prrr, u32 nmrr, char *buf, size_t len);
/* One line describing pgd entry idx: VA range, PA, type and every field. */
int l1_desc_format(char *buf, size_t len, unsigned idx, u32 desc, u32 prrr, u32 nmrr);

/* A hardware small-page PTE: PA, AP, XN, TEX/C/B, S, nG, every bit named. */
int l2_desc_format(char *buf, size_t len, u32 desc, u32 prrr, u32 nmrr);
/* A Linux PTE: its L_PTE_* flags by name and its memory type. */
int linux_pte_format(char *buf, size_t len, u32 pte);
/* Is a hardware descriptor (L1 section or L2 small page) writable by the
 * kernel / executable? For the self-tests and vtop. */
bool l1_sect_kernel_writable(u32 desc);
bool l2_kernel_writable(u32 desc);

#endif
