/*
 * fs/proc/base.c - the /proc/<pid>/ directory of each live process (Linux:
 * fs/proc/base.c, tgid_base_stuff[], proc_pid_lookup, proc_pid_readdir).
 *
 * The console's `cat` and `echo` find these files through the DUMP_DIR
 * registered here: "/proc/<pid>/<name>" is looked up by pid
 * (find_task_by_vpid) and name in pid_entries[] below. The pid rather than
 * the task pointer is kept as the file's priv and looked up again when the
 * file is read or written, so a process that died in between is "No such
 * process" rather than freed memory.
 *
 * Differences from Linux 6.1: only the memory files (Linux has ~50 per
 * pid); no /proc/self (the console is not a process).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/kstrtox.h>
#include <linux/sched.h>
#include <string.h>
#include "internal.h"

#ifndef ESRCH
#define ESRCH 3         /* No such process (Linux errno-base.h) */
#endif

struct pid_entry {
	const char *name;
	int (*show)(struct seq_file *m, struct task_struct *task);
	int (*write)(struct task_struct *task, const char *value);
};

/* Alphabetical, as `ls` on Linux lists them. */
static const struct pid_entry pid_entries[] = {
	{ "clear_refs", NULL,                clear_refs_write },
	{ "maps",       proc_pid_maps_show,  NULL },
	{ "smaps",      proc_pid_smaps_show, NULL },
	{ "stat",       proc_tgid_stat,      NULL },
	{ "statm",      proc_pid_statm,      NULL },
	{ "status",     proc_pid_status,     NULL },
};

#define PID_PRIV(pid, idx)  ((void *)(((unsigned long)(pid) << 8) | (idx)))
#define PRIV_PID(priv)      ((int)((unsigned long)(priv) >> 8))
#define PRIV_ENTRY(priv)    (&pid_entries[(unsigned long)(priv) & 0xff])

static int proc_pid_show(struct seq_file *m, void *priv)
{
	const struct pid_entry *e = PRIV_ENTRY(priv);
	struct task_struct *task = find_task_by_vpid(PRIV_PID(priv));

	/* Linux: a pid that is gone is ESRCH; reading clear_refs (0200) EINVAL */
	if (!task)
		return -ESRCH;
	if (!e->show)
		return -EINVAL;
	return e->show(m, task);
}

static int proc_pid_write(const char *value, void *priv)
{
	const struct pid_entry *e = PRIV_ENTRY(priv);
	struct task_struct *task = find_task_by_vpid(PRIV_PID(priv));

	if (!task)
		return -ESRCH;
	return e->write(task, value);
}

/* "123/" at s: the pid, and s advanced past the slash; -1 if not a pid. */
static int parse_pid(const char **s)
{
	char digits[12];
	const char *slash = strchr(*s, '/');
	size_t len = slash ? (size_t)(slash - *s) : strlen(*s);
	unsigned int pid;

	if (!len || len >= sizeof(digits))
		return -1;
	memcpy(digits, *s, len);
	digits[len] = '\0';
	if (digits[0] == '0' || kstrtouint(digits, 10, &pid) || pid > 0x7fffffff)
		return -1;
	*s += len + (slash ? 1 : 0);
	return (int)pid;
}

/* Linux proc_pid_lookup + proc_pident_lookup: "/proc/<pid>/<name>". */
static bool proc_pid_lookup(const char *path, struct dump_file *f)
{
	const char *rest = path + strlen("/proc/");
	int pid = parse_pid(&rest);
	unsigned int i;

	if (pid <= 0 || !find_task_by_vpid(pid))
		return false;
	for (i = 0; i < ARRAY_SIZE(pid_entries); i++) {
		if (strcmp(rest, pid_entries[i].name))
			continue;
		*f = (struct dump_file){
			.path = path,
			.show = proc_pid_show,
			.write = pid_entries[i].write ? proc_pid_write : NULL,
			.priv = PID_PRIV(pid, i),
		};
		return true;
	}
	return false;
}

/* `ls /proc` lists each pid's directory, `ls /proc/<pid>` its files. */
static void proc_pid_list(const char *dir, void (*emit)(const char *path))
{
	char path[48];
	struct task_struct *p;

	if (!strcmp(dir, "/proc") || !strcmp(dir, "/proc/")) {
		for_each_process(p) {
			snprintf(path, sizeof(path), "/proc/%d", p->pid);
			emit(path);
		}
		return;
	}
	if (strncmp(dir, "/proc/", 6))
		return;
	dir += 6;
	{
		int pid = parse_pid(&dir);
		unsigned int i;

		if (pid <= 0 || *dir || !find_task_by_vpid(pid))
			return;
		for (i = 0; i < ARRAY_SIZE(pid_entries); i++) {
			snprintf(path, sizeof(path), "/proc/%d/%s", pid, pid_entries[i].name);
			emit(path);
		}
	}
}
DUMP_DIR(proc_pid, "/proc/", proc_pid_lookup, proc_pid_list);
