/*
 * include/linux/fdt_format.h - the flattened device tree blob, as the
 * Devicetree Specification v0.4, chapter 5, lays it out. Every field is
 * big-endian. For code that cannot use libfdt: the zImage wrapper and
 * head.S's early-console look-up (drivers/of/fdt_earlycon.c), which run
 * with the MMU off. Linux: scripts/dtc/libfdt/fdt.h (same numbers).
 *
 *  header (offsets in bytes)          structure block: a stream of 32-bit tokens
 *  +0x00 magic       0xd00dfeed       FDT_BEGIN_NODE  name, NUL, pad to 4
 *  +0x04 totalsize                    FDT_PROP        len, nameoff, value[len], pad to 4
 *  +0x08 off_dt_struct                FDT_NOP
 *  +0x0c off_dt_strings               FDT_END_NODE
 *  +0x10 off_mem_rsvmap               FDT_END         (after the root's END_NODE)
 *  +0x14 version
 *  +0x18 last_comp_version            property names live in the strings block,
 *  +0x1c boot_cpuid_phys              at off_dt_strings + nameoff
 *  +0x20 size_dt_strings
 *  +0x24 size_dt_struct
 */
#ifndef _LINUX_FDT_FORMAT_H
#define _LINUX_FDT_FORMAT_H

#define FDT_MAGIC_BE          0xd00dfeed
#define FDT_HDR_MAGIC         0x00
#define FDT_HDR_TOTALSIZE     0x04
#define FDT_HDR_OFF_STRUCT    0x08
#define FDT_HDR_OFF_STRINGS   0x0c
#define FDT_HDR_VERSION       0x14
#define FDT_HDR_SIZE_STRINGS  0x20
#define FDT_HDR_SIZE_STRUCT   0x24
#define FDT_HDR_LEN           0x28   /* version 17 header */
#define FDT_FIRST_SIZE_VERSION 17    /* size_dt_struct exists from version 17 */

#define FDT_TOKEN_BEGIN_NODE  0x1
#define FDT_TOKEN_END_NODE    0x2
#define FDT_TOKEN_PROP        0x3
#define FDT_TOKEN_NOP         0x4
#define FDT_TOKEN_END         0x9
#define FDT_TAG_SIZE          4
#define FDT_PROP_HDR_SIZE     8      /* len, nameoff after the token */

#define FDT_DEFAULT_ADDR_CELLS 2     /* DT spec 2.3.5, when #address-cells is absent */
#define FDT_DEFAULT_SIZE_CELLS 1

#endif
