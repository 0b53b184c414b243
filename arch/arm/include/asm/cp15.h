/*
 * asm/cp15.h - CP15 system control registers used by the MMU bring-up.
 * ARMv7-A/R ARM (DDI 0406C) B4.1. Names as in Linux arch/arm/include/asm/
 * cp15.h and proc-v7-2level.S. Usable from assembly (constants only).
 *
 * SCTLR (B4.1.130), the bits we set or clear:
 *
 *   31 30 29  28  27 25 24  22 21  14 13 12 11   2 1 0
 *  +--+--+---+---+--+--+--+--+--+--+--+--+--+--+--+-+-+
 *  |  |TE|AFE|TRE|NMFI|EE|  | U|  |RR| V| I| Z|  | C|A|M|
 *  +--+--+---+---+--+--+--+--+--+--+--+--+--+--+--+-+-+
 */
#ifndef _ASM_CP15_H
#define _ASM_CP15_H

#include <linux/const.h>

#define SCTLR_M     (UL(1) << 0)    /* MMU enable */
#define SCTLR_A     (UL(1) << 1)    /* alignment fault checking */
#define SCTLR_C     (UL(1) << 2)    /* data and unified caches enable */
#define SCTLR_Z     (UL(1) << 11)   /* branch prediction enable */
#define SCTLR_I     (UL(1) << 12)   /* instruction cache enable */
#define SCTLR_V     (UL(1) << 13)   /* high vectors (0xffff0000) */
#define SCTLR_RR    (UL(1) << 14)   /* round-robin replacement */
#define SCTLR_EE    (UL(1) << 25)   /* big-endian exceptions */
#define SCTLR_TRE   (UL(1) << 28)   /* TEX remap: TEX[0]CB index PRRR/NMRR */
#define SCTLR_AFE   (UL(1) << 29)   /* access flag enable */
#define SCTLR_TE    (UL(1) << 30)   /* Thumb exceptions */

/*
 * What __enable_mmu sets and clears. V stays clear: until the vectors page
 * at 0xffff0000 is mapped (paging_init), exceptions go through VBAR.
 * A stays clear: the compiler may emit unaligned accesses to Normal memory.
 */
#define SCTLR_SET   (SCTLR_M | SCTLR_C | SCTLR_Z | SCTLR_I | SCTLR_TRE)
#define SCTLR_CLEAR (SCTLR_A | SCTLR_V | SCTLR_RR | SCTLR_EE | SCTLR_AFE | SCTLR_TE)

/*
 * TTBR0 (B4.1.154), multiprocessing-extensions layout: low bits say how the
 * table walker may cache the tables. Linux proc-v7-2level.S TTB_FLAGS_SMP
 * and TTB_FLAGS_UP.
 */
#define TTB_IRGN_WBWA   (UL(1) << 6)    /* IRGN = 01: inner write-back write-allocate */
#define TTB_S           (UL(1) << 1)    /* tables in shareable memory */
#define TTB_RGN_OC_WBWA (UL(1) << 3)    /* RGN = 01: outer WBWA */
#define TTB_NOS         (UL(1) << 5)    /* inner shareable */
#define TTB_FLAGS_SMP   (TTB_IRGN_WBWA | TTB_S | TTB_NOS | TTB_RGN_OC_WBWA)
#define TTB_IRGN_WB     ((UL(1) << 0) | (UL(1) << 6))  /* IRGN = 11: inner write-back */
#define TTB_RGN_OC_WB   (UL(3) << 3)    /* RGN = 11: outer write-back */
#define TTB_FLAGS_UP    (TTB_IRGN_WB | TTB_RGN_OC_WB)

/* TTBCR (B4.1.153): N = 0, every address translated through TTBR0. */
#define TTBCR_N_0       UL(0)

/*
 * TEX remap (B3.8.2): with SCTLR.TRE, a descriptor's TEX[0]:C:B is an index
 * n = 0..7; PRRR.TRn gives the memory type, NMRR.IRn/ORn the cacheability.
 * Linux's values (proc-v7-2level.S), decoded:
 *   n  TEX[0]CB  PRRR.TRn  NMRR.IRn/ORn   Linux use
 *   0  000       00 SO                    UNCACHED (strongly ordered)
 *   1  001       10 Normal  00/00 NC      BUFFERABLE, DEV_WC
 *   2  010       10 Normal  10/10 WT      WRITETHROUGH
 *   3  011       10 Normal  11/11 WB      WRITEBACK, DEV_CACHED
 *   4  100       01 Device                DEV_SHARED, DEV_NONSHARED
 *   5  101       00                       (unused)
 *   6  110       00                       (reserved)
 *   7  111       10 Normal  01/01 WBWA    WRITEALLOC (kernel memory)
 */
#define PRRR_LINUX      UL(0xff0a81a8)
#define NMRR_LINUX      UL(0x40e040e0)

/*
 * Domains (B3.12.3): 16 x 2-bit fields in DACR. Linux 6.1 non-LPAE numbers
 * (asm/domain.h). Client (01) = access checked against AP bits.
 */
#define DOMAIN_KERNEL   0
#define DOMAIN_USER     1
#define DOMAIN_IO       2
#define DOMAIN_VECTORS  3
#define DOMAIN_NOACCESS 0   /* 00 */
#define DOMAIN_CLIENT   1   /* 01 */
#define DOMAIN_MANAGER  1   /* v7 without CPU_USE_DOMAINS: manager = client */
#define domain_val(dom, type) ((type) << (2 * (dom)))
#define DACR_INIT  (domain_val(DOMAIN_USER, DOMAIN_NOACCESS) |    \
		    domain_val(DOMAIN_KERNEL, DOMAIN_MANAGER) |   \
		    domain_val(DOMAIN_IO, DOMAIN_CLIENT) |        \
		    domain_val(DOMAIN_VECTORS, DOMAIN_CLIENT))    /* 0x51 */

/*
 * MIDR, the Main ID Register (B4.1.105):
 *
 *   31          24 23     20 19          16 15                4 3        0
 *  +--------------+---------+--------------+-------------------+----------+
 *  | Implementer  | Variant | Architecture |  Primary part no. | Revision |
 *  +--------------+---------+--------------+-------------------+----------+
 *
 * Architecture 1111 means "see the ID registers": ARMv7 and later. CPU
 * rNpM is Variant N, Revision M (Linux read_cpuid_part and friends).
 */
#define MIDR_IMPLEMENTER_SHIFT 24
#define MIDR_VARIANT_SHIFT     20
#define MIDR_ARCH_MASK         0x000f0000   /* Architecture field */
#define MIDR_ARCH_CPUID        0x000f0000   /* 1111: ARMv7 CPUID scheme */
#define MIDR_PARTNUM_SHIFT     4
#define MIDR_REVISION_MASK     0x0000000f
#define MIDR_VARIANT_BITS      0x00ff0000   /* Variant and Architecture */
#define MIDR_CORTEX_A9         0x4100c090   /* implementer ARM, part 0xc09, r0p0 */
#define ARM_CPU_IMP_ARM        0x41
#define MIDR_IMPLEMENTER(m)    ((m) >> MIDR_IMPLEMENTER_SHIFT)
#define MIDR_VARIANT(m)        (((m) >> MIDR_VARIANT_SHIFT) & 0xf)
#define MIDR_PARTNUM(m)        (((m) >> MIDR_PARTNUM_SHIFT) & 0xfff)
#define MIDR_REVISION(m)       ((m) & MIDR_REVISION_MASK)

/*
 * MPIDR, the Multiprocessor Affinity Register (B4.1.106):
 *
 *   31 30 29   25 24  23       16 15        8 7         0
 *  +--+--+-------+--+-----------+-----------+-----------+
 *  | M| U|       |MT|   Aff2    |   Aff1    |   Aff0    |
 *  +--+--+-------+--+-----------+-----------+-----------+
 *
 * M = 1: the multiprocessing-extensions format; U = 1: a uniprocessor.
 * M = 1, U = 0 is what Linux's is_smp() test in head.S looks for.
 */
#define MPIDR_MP_MASK          0xc0000000   /* M and U */
#define MPIDR_SMP              0x80000000   /* M = 1, U = 0 */
/* Aff2:Aff1:Aff0 (spelled as init/main.c spells it, which defines it too) */
#define MPIDR_HWID_BITMASK 0xffffff

/*
 * CTR, the Cache Type Register (B4.1.42), ARMv7 format:
 *
 *   31 29 28  27 24 23   20 19      16 15 14 13    4 3        0
 *  +-----+--+------+-------+----------+-----+-------+----------+
 *  | 100 |  |  CWG |  ERG  | DminLine | L1Ip|       | IminLine |
 *  +-----+--+------+-------+----------+-----+-------+----------+
 *
 * DminLine/IminLine: log2 of the smallest D/I-cache line, in words.
 */
#define CTR_DMINLINE_SHIFT     16
#define CTR_DMINLINE_MASK      0xf
#define CTR_IMINLINE_MASK      0xf

/*
 * CCSIDR, the Cache Size ID Register (B4.1.19), for the cache CSSELR
 * selects:
 *
 *   31 30 29 28 27            13 12                  3 2         0
 *  +--+--+--+--+----------------+---------------------+-----------+
 *  |WT|WB|RA|WA|   NumSets - 1  | Associativity - 1   | LineSize  |
 *  +--+--+--+--+----------------+---------------------+-----------+
 *
 * LineSize = log2(words per line) - 2, so log2(bytes) = LineSize + 4.
 */
#define CCSIDR_LINESIZE_MASK   0x7
#define CCSIDR_ASSOC_SHIFT     3
#define CCSIDR_ASSOC_WIDTH     10
#define CCSIDR_NUMSETS_SHIFT   13
#define CCSIDR_NUMSETS_WIDTH   15

/* ID_MMFR0.VMSA (B4.1.89), bits 3:0: 3 or more means a v7 VMSA. */
#define ID_MMFR0_VMSA_MASK  0xf
#define ID_MMFR0_VMSA_V7    3
/* ID_PFR1.GenTimer (B4.1.94), bits 19:16: 1 = generic timer present. */
#define ID_PFR1_GENTIMER_SHIFT 16

/*
 * PAR (B4.1.112), short-descriptor format, after an address translation
 * operation such as ATS1CPR:
 *
 *   31                    12 11 10  9  8  7   4 3  2  1  0
 *  +------------------------+--+---+--+--+------+-----+--+--+
 *  | PA[31:12]              |LP|IMP|NS|SH| Inner|Outer|SS| F|   F = 0
 *  +------------------------+--+---+--+--+------+-----+--+--+
 *
 * F = 1: the translation faulted (bits 6:1 then hold the fault status).
 * SS = 1: a supersection, PA[31:24] only (we map none).
 */
#define PAR_F           (UL(1) << 0)
#define PAR_SS          (UL(1) << 1)
#define PAR_PA_MASK     UL(0xfffff000)

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* One accessor per register; a write carries the barrier it needs. */
#define CP15_READ(name, op1, crn, crm, op2)                                  \
static inline u32 read_##name(void)                                          \
{                                                                            \
	u32 v;                                                               \
	__asm__ __volatile__("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
			     : "=r" (v));                                    \
	return v;                                                            \
}
#define CP15_WRITE(name, op1, crn, crm, op2)                                 \
static inline void write_##name(u32 v)                                       \
{                                                                            \
	__asm__ __volatile__("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
			     "\n\tisb" : : "r" (v) : "memory");              \
}

CP15_READ(cpuid_id,  0, c0, c0, 0)      /* MIDR */
CP15_READ(mpidr,     0, c0, c0, 5)      /* MPIDR */
CP15_READ(id_pfr1,   0, c0, c1, 1)
CP15_READ(id_mmfr0,  0, c0, c1, 4)
CP15_READ(ctr,       0, c0, c0, 1)      /* cache type */
CP15_READ(sctlr,     0, c1, c0, 0)
CP15_READ(ttbr0,     0, c2, c0, 0)
CP15_READ(ttbcr,     0, c2, c0, 2)
CP15_READ(dacr,      0, c3, c0, 0)
CP15_READ(dfsr,      0, c5, c0, 0)
CP15_READ(ifsr,      0, c5, c0, 1)
CP15_READ(dfar,      0, c6, c0, 0)
CP15_READ(ifar,      0, c6, c0, 2)
CP15_READ(prrr,      0, c10, c2, 0)
CP15_READ(nmrr,      0, c10, c2, 1)
CP15_READ(cntfrq,    0, c14, c0, 0)
CP15_WRITE(vbar,     0, c12, c0, 0)
CP15_WRITE(sctlr,    0, c1, c0, 0)

static inline u64 read_cntvct(void)
{
	u32 lo, hi;

	__asm__ __volatile__("isb\n\tmrrc p15, 1, %0, %1, c14" : "=r" (lo), "=r" (hi));
	return ((u64)hi << 32) | lo;
}

/*
 * The MMU's own translation of va for a privileged read (ATS1CPR, B4.2.6),
 * through whatever tables TTBR0 points at: returns PAR. Independent of
 * every table walker and __pa() in this kernel, so the self-tests use it
 * as the oracle.
 */
static inline u32 ats1cpr(unsigned long va)
{
	u32 par;

	__asm__ __volatile__("mcr p15, 0, %1, c7, c8, 0\n\tisb\n\t"
			     "mrc p15, 0, %0, c7, c4, 0" : "=r" (par) : "r" (va) : "memory");
	return par;
}

/* Invalidate the whole unified TLB after a table change (B4.2.2). */
static inline void local_flush_tlb_all(void)
{
	__asm__ __volatile__("dsb\n\tmcr p15, 0, %0, c8, c7, 0\n\t"  /* TLBIALL */
			     "mcr p15, 0, %0, c7, c5, 6\n\t"          /* BPIALL */
			     "dsb\n\tisb" : : "r" (0) : "memory");
}
#endif

#endif
