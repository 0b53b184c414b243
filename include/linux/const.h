/* linux/const.h - constants usable from both C and assembly (Linux: _AC). */
#ifndef _LINUX_CONST_H
#define _LINUX_CONST_H
#ifdef __ASSEMBLER__
#define _AC(x, y)  x
#else
#define __AC(x, y) (x##y)
#define _AC(x, y)  __AC(x, y)
#endif
#define UL(x)  _AC(x, UL)
#define BIT(n) (UL(1) << (n))
#endif
