/*
 * linux/seq_file.h - how dumps are written (Linux: include/linux/seq_file.h,
 * much reduced). A show function prints with seq_printf() and does not care
 * whether the text goes to the console (`cat`) or into a buffer (host tests).
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/compiler.h>
#include <linux/types.h>

struct seq_file {
	void (*write)(struct seq_file *m, const char *s, size_t n);
	void *private;          /* what the show function dumps */
	char *buf;              /* for seq_buf_init(): the buffer ... */
	size_t size, count;     /* ... its size and what is used */
};

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
/* A seq_file that collects into buf (always NUL-terminated, truncating). */
void seq_buf_init(struct seq_file *m, char *buf, size_t size);

/*
 * A dump file: the path Linux serves it at, and its show function. Each one
 * is listed with DUMP_FILE() and served by the shell's `cat`; the boot
 * argument "dump_all" prints every one framed by
 *     --- BEGIN <path> ---
 *     --- END <path> ---
 * (the markers scripts/compare-dumps also expects from the Linux run).
 */
struct dump_file {
	const char *path;       /* "/proc/iomem" */
	int (*show)(struct seq_file *m, void *priv);
	void *priv;
	/* A writable file (`echo VALUE > path`): 0 or -errno. NULL: read-only. */
	int (*write)(const char *value, void *priv);
};
#define DUMP_FILE(id, fpath, fshow, fpriv)                                  \
	static const struct dump_file dump_file_##id = {                    \
		.path = fpath, .show = fshow, .priv = fpriv };              \
	static const struct dump_file *dump_file_ptr_##id                   \
	__attribute__((__used__, __section__(".dump_files"))) = &dump_file_##id
/* The same for a file `echo VALUE > path` writes through fwrite. */
#define DUMP_FILE_RW(id, fpath, fshow, fwrite, fpriv)                       \
	static const struct dump_file dump_file_##id = {                    \
		.path = fpath, .show = fshow, .write = fwrite, .priv = fpriv }; \
	static const struct dump_file *dump_file_ptr_##id                   \
	__attribute__((__used__, __section__(".dump_files"))) = &dump_file_##id
/*
 * A directory whose files exist only while something does, e.g.
 * /proc/<pid>/...: lookup fills *f for path and returns true, or returns
 * false. Registered with DUMP_DIR(); `cat` asks each one after the fixed
 * DUMP_FILE()s, and `ls <dir>` asks list() for the names.
 */
struct dump_dir {
	const char *prefix;     /* "/proc/" */
	bool (*lookup)(const char *path, struct dump_file *f);
	void (*list)(const char *dir, void (*emit)(const char *path));
};
#define DUMP_DIR(id, fprefix, flookup, flist)                               \
	static const struct dump_dir dump_dir_##id = {                      \
		.prefix = fprefix, .lookup = flookup, .list = flist };      \
	static const struct dump_dir *dump_dir_ptr_##id                     \
	__attribute__((__used__, __section__(".dump_dirs"))) = &dump_dir_##id
/*
 * The file at path, fixed or from a DUMP_DIR: true and *f filled, or false.
 * (kernel/shell.c; `cat` and `echo` use it.)
 */
bool dump_file_find(const char *path, struct dump_file *f);

/*
 * The text of the dump file at path, into buf (NUL-terminated, truncated
 * to size): what `cat path` would print. "" if there is no such file.
 * For self-tests that read a dump back (kernel/shell.c).
 */
const char *dump_file_read(const char *path, char *buf, size_t size);
#define DUMP_BEGIN_MARKER "--- BEGIN %s ---\n"
#define DUMP_END_MARKER   "--- END %s ---\n"

#endif
