/*
 * arch/arm/kernel/elf.c - which ELF files ARM runs, and the CPU features it
 * tells them about (Linux: arch/arm/kernel/elf.c elf_check_arch,
 * arch/arm/kernel/setup.c cpuid_init_hwcaps and elf_hwcap_fixup,
 * arch/arm/mm/proc-v7.S's __v7_proc hwcaps).
 *
 * Differences from Linux: only EABI version 5 is accepted (Linux also takes
 * EABI 4 and the old ABI); the hwcaps are computed on first use rather than
 * in setup_arch; no VFP/NEON/ThumbEE/EVTSTRM bits (armmm does not turn
 * those units on; Linux's vfp_init, thumbee_init and the arch timer add
 * them), and no v8 crypto bits in elf_hwcap2 (no ARMv7 CPU has them).
 */
#include <linux/kernel.h>
#include <asm/elf.h>

unsigned int elf_hwcap, elf_hwcap2;

/* ID_ISARn / ID_MMFR0 (ARMv7 ARM B4.1.79-B4.1.85): 4-bit fields. */
#define CPUID_FIELD(reg, shift) (((reg) >> (shift)) & 0xf)
#define ISAR0_DIVIDE_SHIFT      24      /* 1: SDIV/UDIV in Thumb, 2: also ARM */
#define ISAR3_SYNCHPRIM_SHIFT   12      /* 1: LDREX/STREX, 2: also B/H/D forms */
#define ISAR4_SYNCHPRIM_FRAC_SHIFT 20   /* with SynchPrim 1: 3 means B/H forms too */
#define MMFR0_VMSA_SHIFT        0       /* 5: VMSAv7 with LPAE */

static u32 read_id_isar(int n)
{
	u32 v = 0;

	switch (n) {
	case 0: __asm__ __volatile__("mrc p15, 0, %0, c0, c2, 0" : "=r" (v)); break;
	case 3: __asm__ __volatile__("mrc p15, 0, %0, c0, c2, 3" : "=r" (v)); break;
	case 4: __asm__ __volatile__("mrc p15, 0, %0, c0, c2, 4" : "=r" (v)); break;
	}
	return v;
}

static u32 read_id_mmfr0_reg(void)
{
	u32 v;

	__asm__ __volatile__("mrc p15, 0, %0, c0, c1, 4" : "=r" (v));
	return v;
}

/*
 * Linux's sequence: the ARMv7 proc_info's base set, then the divide and
 * LPAE bits from the ID registers (cpuid_init_hwcaps), then SWP dropped
 * when byte-wide exclusives exist, because SWP is not atomic on SMP
 * (elf_hwcap_fixup).
 */
void elf_hwcap_init(void)
{
	u32 isar0 = read_id_isar(0), isar3 = read_id_isar(3), isar4 = read_id_isar(4);
	unsigned int div = CPUID_FIELD(isar0, ISAR0_DIVIDE_SHIFT);
	unsigned int sync = CPUID_FIELD(isar3, ISAR3_SYNCHPRIM_SHIFT);
	unsigned int hw = HWCAP_SWP | HWCAP_HALF | HWCAP_THUMB | HWCAP_FAST_MULT |
			  HWCAP_EDSP | HWCAP_TLS;

	if (div >= 2)
		hw |= HWCAP_IDIVA;
	if (div >= 1)
		hw |= HWCAP_IDIVT;
	if (CPUID_FIELD(read_id_mmfr0_reg(), MMFR0_VMSA_SHIFT) >= 5)
		hw |= HWCAP_LPAE;
	if (sync > 1 || (sync == 1 && CPUID_FIELD(isar4, ISAR4_SYNCHPRIM_FRAC_SHIFT) >= 3))
		hw &= ~HWCAP_SWP;
	elf_hwcap = hw;
	elf_hwcap2 = 0;
}

/*
 * elf_check_arch_why - NULL if x is for this machine, else what is wrong.
 * The class/data/version bytes are checked here too (Linux leaves them
 * to its 32/64-bit compat checks); a Thumb entry point (bit 0 set) needs
 * HWCAP_THUMB, an ARM one must be word aligned, as in Linux.
 */
const char *elf_check_arch_why(const struct elf32_hdr *x)
{
	if (x->e_ident[EI_CLASS] != ELF_CLASS)
		return "not a 32-bit ELF (EI_CLASS)";
	if (x->e_ident[EI_DATA] != ELF_DATA)
		return "not little-endian (EI_DATA)";
	if (x->e_ident[EI_VERSION] != EV_CURRENT)
		return "unknown ELF version (EI_VERSION)";
	if (x->e_machine != EM_ARM)
		return "not an ARM executable (e_machine is not EM_ARM)";
	if (!elf_hwcap)
		elf_hwcap_init();
	if (x->e_entry & 1) {
		if (!(elf_hwcap & HWCAP_THUMB))
			return "Thumb entry point on a CPU without Thumb";
	} else if (x->e_entry & 3) {
		return "entry point not word aligned";
	}
	if ((x->e_flags & EF_ARM_EABI_MASK) != EF_ARM_EABI_VER5)
		return "not ARM EABI version 5 (e_flags)";
	return NULL;
}

int elf_check_arch(const struct elf32_hdr *x)
{
	return elf_check_arch_why(x) == NULL;
}
