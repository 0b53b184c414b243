/*
 * mm/mmap_internal.h - what mm/mmap.c, mm/mmap_mm.c, mm/mprotect.c and
 * mm/memory.c share about VMAs (Linux: mm/internal.h, parts of linux/mm.h).
 */
#ifndef _MM_MMAP_INTERNAL_H
#define _MM_MMAP_INTERNAL_H

#include <linux/mm.h>

#define RLIMIT_STACK_DEFAULT  (8UL << 20)            /* ulimit -s 8192 */
#define MMAP_MIN_GAP          (128UL << 20)          /* Linux mm/util.c MIN_GAP */
#define MMAP_MAX_GAP          (STACK_TOP / 6 * 5)    /* MAX_GAP */

unsigned long mmap_base(unsigned long rnd, unsigned long pad);
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end, unsigned long flags,
				 struct file *file, unsigned long pgoff);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
	      int new_below);
unsigned long __do_brk(struct mm_struct *mm, unsigned long brk);

#endif
