/* asm/sections.h - linker-script symbols (arch/arm/kernel/vmlinux.lds.S). */
#ifndef _ASM_SECTIONS_H
#define _ASM_SECTIONS_H

extern char _text[], _stext[], _etext[];
extern char __start_rodata[], __end_rodata[], __start_rodata_section_aligned[];
extern char __init_begin[], __init_end[];
extern char _sdata[], _edata[];
extern char __bss_start[], __bss_stop[], _end[];

#endif
