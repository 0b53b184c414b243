/*
 * asm/fsr.h - the fault status registers, short-descriptor format.
 * ARMv7-A/R ARM (DDI 0406C) B4.1.52 DFSR, B4.1.96 IFSR, B3.13.3 fault
 * status encodings. Linux: arch/arm/mm/fault.h (FSR_WRITE, FSR_FS4,
 * FSR_FS3_0, FSR_CM, fsr_fs()).
 *
 * DFSR:
 *
 *   31        14 13  12   11   10   9  8  7      4 3        0
 *  +------------+---+---+----+-----+--+--+--------+----------+
 *  |  (zero)    |CM |ExT|WnR |FS[4]|LPAE| | Domain | FS[3:0]  |
 *  +------------+---+---+----+-----+--+--+--------+----------+
 *
 * IFSR has the same FS[4], FS[3:0] and ExT, and no WnR, CM or Domain.
 * FS = FS[4]:FS[3:0] is the fault status: e.g. 00101 translation fault
 * (section), 00111 translation fault (page), 01101 permission fault
 * (section), 01111 permission fault (page), 00001 alignment fault.
 * LPAE = 0 in this format.
 */
#ifndef _ASM_FSR_H
#define _ASM_FSR_H

#define FSR_FS3_0      0x0000000f     /* FS[3:0] */
#define FSR_DOMAIN_SHIFT 4            /* DFSR only: domain of the faulting entry */
#define FSR_DOMAIN_MASK  (0xf << FSR_DOMAIN_SHIFT)
#define FSR_LPAE       (1 << 9)       /* 0: short-descriptor format */
#define FSR_FS4        (1 << 10)      /* FS[4] */
#define FSR_WRITE      (1 << 11)      /* DFSR WnR: the access was a write */
#define FSR_EXT        (1 << 12)      /* ExT: external abort type */
#define FSR_CM         (1 << 13)      /* DFSR: fault on a cache maintenance op */
/* Not a hardware bit: Linux's do_PrefetchAbort sets bit 31 (FSR_LNX_PF) so
 * the handlers shared with data aborts know it was an instruction fetch. */
#define FSR_LNX_PF     (1u << 31)

/* The 5-bit fault status FS[4]:FS[3:0] (Linux fsr_fs()). */
#define fsr_fs(fsr)    ((((fsr) & FSR_FS4) >> 6) | ((fsr) & FSR_FS3_0))

#endif
