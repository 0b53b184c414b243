/*
 * linux/elf.h - the 32-bit ELF file format and the auxiliary vector
 * (Linux: include/uapi/linux/elf.h, include/uapi/linux/elf-em.h,
 * include/uapi/linux/auxvec.h; the format is the System V gABI's).
 * Only the 32-bit little-endian flavour armmm loads; the ARM-specific
 * parts (EM_ARM's e_flags, HWCAP bits, elf_check_arch) are asm/elf.h's.
 *
 * The file header, at offset 0 (52 bytes):
 *
 *   0            4     5     6     7      8                16
 *  +------------+-----+-----+-----+------+----------------+
 *  | 7f 'E' 'L' 'F'   |class|data |vers. | OS ABI, padding|  e_ident[16]
 *  +------------+-----+-----+-----+------+----------------+
 *  16 e_type (2)  18 e_machine (2)  20 e_version (4)
 *  24 e_entry     28 e_phoff        32 e_shoff           (4 each)
 *  36 e_flags     40 e_ehsize (2)   42 e_phentsize (2)   44 e_phnum (2)
 *  46 e_shentsize 48 e_shnum        50 e_shstrndx        (2 each)
 *
 * A program header, e_phnum of them at e_phoff, e_phentsize (32) apart:
 *
 *   0 p_type   4 p_offset   8 p_vaddr  12 p_paddr
 *  16 p_filesz 20 p_memsz  24 p_flags  28 p_align
 *
 * A PT_LOAD asks for [p_vaddr, p_vaddr + p_memsz) with the file's bytes
 * [p_offset, p_offset + p_filesz) at its start and zeroes after them (the
 * bss). p_offset and p_vaddr are equal modulo the page size, so the
 * segment can be mapped straight from the file's pages.
 */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

#include <linux/types.h>

typedef u32 Elf32_Addr;
typedef u16 Elf32_Half;
typedef u32 Elf32_Off;
typedef u32 Elf32_Word;
typedef s32 Elf32_Sword;

/* e_ident[] */
#define EI_NIDENT       16
#define EI_MAG0         0               /* 0x7f 'E' 'L' 'F' */
#define EI_CLASS        4
#define EI_DATA         5
#define EI_VERSION      6
#define EI_OSABI        7
#define ELFMAG          "\177ELF"
#define SELFMAG         4
#define ELFCLASS32      1               /* 32-bit objects */
#define ELFCLASS64      2
#define ELFDATA2LSB     1               /* little-endian */
#define ELFDATA2MSB     2
#define EV_CURRENT      1               /* e_ident[EI_VERSION], e_version */

/* e_type */
#define ET_NONE         0
#define ET_REL          1
#define ET_EXEC         2               /* fixed-address executable */
#define ET_DYN          3               /* shared object / PIE */
#define ET_CORE         4

/* p_type */
#define PT_NULL         0
#define PT_LOAD         1
#define PT_DYNAMIC      2
#define PT_INTERP       3               /* names a program interpreter (ld.so) */
#define PT_NOTE         4
#define PT_SHLIB        5
#define PT_PHDR         6
#define PT_TLS          7
#define PT_GNU_STACK    0x6474e551      /* p_flags say whether the stack is executable */

/* p_flags */
#define PF_X            0x1
#define PF_W            0x2
#define PF_R            0x4

typedef struct elf32_hdr {
	unsigned char e_ident[EI_NIDENT];
	Elf32_Half e_type;
	Elf32_Half e_machine;
	Elf32_Word e_version;
	Elf32_Addr e_entry;
	Elf32_Off e_phoff;
	Elf32_Off e_shoff;
	Elf32_Word e_flags;
	Elf32_Half e_ehsize;
	Elf32_Half e_phentsize;
	Elf32_Half e_phnum;
	Elf32_Half e_shentsize;
	Elf32_Half e_shnum;
	Elf32_Half e_shstrndx;
} Elf32_Ehdr;

typedef struct elf32_phdr {
	Elf32_Word p_type;
	Elf32_Off p_offset;
	Elf32_Addr p_vaddr;
	Elf32_Addr p_paddr;
	Elf32_Word p_filesz;
	Elf32_Word p_memsz;
	Elf32_Word p_flags;
	Elf32_Word p_align;
} Elf32_Phdr;

_Static_assert(sizeof(Elf32_Ehdr) == 52, "the ELF32 file header is 52 bytes");
_Static_assert(sizeof(Elf32_Phdr) == 32, "an ELF32 program header is 32 bytes");

/* Linux's names for the native flavour (linux/elf.h under ELF_CLASS == ELFCLASS32). */
#define elfhdr          elf32_hdr
#define elf_phdr        elf32_phdr
typedef Elf32_Addr elf_addr_t;

/* The auxiliary vector's keys (Linux: include/uapi/linux/auxvec.h). */
#define AT_NULL         0       /* end of the vector */
#define AT_IGNORE       1
#define AT_EXECFD       2
#define AT_PHDR         3       /* the program headers, in the process */
#define AT_PHENT        4       /* size of one program header */
#define AT_PHNUM        5       /* how many */
#define AT_PAGESZ       6       /* the page size */
#define AT_BASE         7       /* where the interpreter was loaded (0: none) */
#define AT_FLAGS        8
#define AT_ENTRY        9       /* the program's entry point */
#define AT_NOTELF       10
#define AT_UID          11
#define AT_EUID         12
#define AT_GID          13
#define AT_EGID         14
#define AT_PLATFORM     15      /* a string naming the CPU: "v7l" */
#define AT_HWCAP        16      /* CPU features (asm/elf.h HWCAP_*) */
#define AT_CLKTCK       17      /* times()'s ticks per second */
#define AT_SECURE       23      /* set-uid style exec: 0 here */
#define AT_BASE_PLATFORM 24
#define AT_RANDOM       25      /* 16 random bytes on the stack */
#define AT_HWCAP2       26
#define AT_EXECFN       31      /* the file name exec was given, on the stack */
#define AT_SYSINFO_EHDR 33      /* the vDSO's ELF header ([vdso]'s start) */

#endif
