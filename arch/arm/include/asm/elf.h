/*
 * asm/elf.h - what ELF means on 32-bit ARM (Linux: arch/arm/include/asm/elf.h,
 * arch/arm/include/uapi/asm/hwcap.h, include/uapi/linux/elf-em.h; the
 * e_flags bits are the "ELF for the ARM Architecture" ABI document's).
 *
 * e_flags of an ARM executable:
 *
 *   31      24 23                                     0
 *  +----------+----------------------------------------+
 *  | EABI ver | (EABI 4/5: BE8 0x00800000, soft-float   |
 *  | 0x05     |  0x200 / hard-float 0x400 ...)          |
 *  +----------+----------------------------------------+
 *  0x05000000 = EF_ARM_EABI_VER5: what every current toolchain writes.
 *  0 = the old, pre-EABI ABI (OABI), whose flags are APCS/float bits.
 *
 * Differences from Linux: elf_check_arch here accepts EABI version 5 only
 * (Linux also takes EABI 4 and OABI, which Debian's kernel then runs or
 * refuses through SET_PERSONALITY); ELF_HWCAP advertises no VFP, NEON,
 * ThumbEE or event stream, since armmm neither enables nor saves them.
 */
#ifndef _ASM_ELF_H
#define _ASM_ELF_H

#include <linux/elf.h>

#define EM_ARM                  40      /* e_machine */

#define EF_ARM_EABI_MASK        0xff000000
#define EF_ARM_EABI_UNKNOWN     0x00000000      /* OABI */
#define EF_ARM_EABI_VER4        0x04000000
#define EF_ARM_EABI_VER5        0x05000000
#define EF_ARM_BE8              0x00800000
#define EF_ARM_ABI_FLOAT_SOFT   0x00000200
#define EF_ARM_ABI_FLOAT_HARD   0x00000400

/* The flavour this kernel loads: 32-bit, little-endian, ARM. */
#define ELF_CLASS               ELFCLASS32
#define ELF_DATA                ELFDATA2LSB
#define ELF_ARCH                EM_ARM

/* AT_HWCAP bits (Linux: uapi/asm/hwcap.h) */
#define HWCAP_SWP               (1 << 0)
#define HWCAP_HALF              (1 << 1)
#define HWCAP_THUMB             (1 << 2)
#define HWCAP_26BIT             (1 << 3)
#define HWCAP_FAST_MULT         (1 << 4)
#define HWCAP_FPA               (1 << 5)
#define HWCAP_VFP               (1 << 6)
#define HWCAP_EDSP              (1 << 7)
#define HWCAP_JAVA              (1 << 8)
#define HWCAP_IWMMXT            (1 << 9)
#define HWCAP_CRUNCH            (1 << 10)
#define HWCAP_THUMBEE           (1 << 11)
#define HWCAP_NEON              (1 << 12)
#define HWCAP_VFPv3             (1 << 13)
#define HWCAP_VFPv3D16          (1 << 14)
#define HWCAP_TLS               (1 << 15)
#define HWCAP_VFPv4             (1 << 16)
#define HWCAP_IDIVA             (1 << 17)       /* SDIV/UDIV in ARM state */
#define HWCAP_IDIVT             (1 << 18)       /* ... and in Thumb state */
#define HWCAP_VFPD32            (1 << 19)
#define HWCAP_LPAE              (1 << 20)       /* atomic LDRD/STRD */
#define HWCAP_EVTSTRM           (1 << 21)

/* The auxv values (Linux's macros). */
extern unsigned int elf_hwcap, elf_hwcap2;
#define ELF_HWCAP               elf_hwcap
#define ELF_HWCAP2              elf_hwcap2
#define ELF_PLATFORM            "v7l"           /* Linux's elf_platform: "v7" + 'l'ittle-endian */
#define ELF_EXEC_PAGESIZE       4096
#define CLOCKS_PER_SEC          100             /* USER_HZ */

/* Is this header one armmm can run? (arch/arm/kernel/elf.c) */
int elf_check_arch(const struct elf32_hdr *x);
/* NULL if it is, else a phrase saying why not (for exec's message). */
const char *elf_check_arch_why(const struct elf32_hdr *x);
/* Fill elf_hwcap/elf_hwcap2 from the CPU's ID registers, once. */
void elf_hwcap_init(void);

/* Map [sigpage] into mm (arch/arm/kernel/process.c). Linux passes the
 * linux_binprm and uses current->mm; here the mm is not current's. */
struct mm_struct;
int arch_setup_additional_pages(struct mm_struct *mm);
/* The initial sp: a random part of a page lower with randomize_va_space (process.c). */
unsigned long arch_align_stack(unsigned long sp);

#endif
