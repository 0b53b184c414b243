/*
 * fs/proc/internal.h - what the /proc/<pid>/ files share (Linux:
 * fs/proc/internal.h). base.c finds the task and calls the show and write
 * functions of task_mmu.c and array.c.
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <linux/sched.h>
#include <linux/seq_file.h>

struct mm_struct;
struct vm_area_struct;

/* task_mmu.c */
void task_mem(struct seq_file *m, struct mm_struct *mm);
unsigned long task_vsize(struct mm_struct *mm);
unsigned long task_statm(struct mm_struct *mm, unsigned long *shared, unsigned long *text,
			 unsigned long *data, unsigned long *resident);
void show_map_vma(struct seq_file *m, struct vm_area_struct *vma);
int show_smap(struct seq_file *m, struct vm_area_struct *vma);
int proc_pid_maps_show(struct seq_file *m, struct task_struct *task);
int proc_pid_smaps_show(struct seq_file *m, struct task_struct *task);
int clear_refs_write(struct task_struct *task, const char *value);

/* array.c */
int proc_pid_status(struct seq_file *m, struct task_struct *task);
int proc_tgid_stat(struct seq_file *m, struct task_struct *task);
int proc_pid_statm(struct seq_file *m, struct task_struct *task);

/* Linux's seq_put_decimal_ull_width: str, then v right-aligned in width. */
void seq_put_decimal_ull_width(struct seq_file *m, const char *str,
			       unsigned long long v, unsigned int width);

#endif
