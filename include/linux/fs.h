/*
 * linux/fs.h - files, as far as user space needs them here (Linux:
 * include/linux/fs.h). The only file system is the built-in initramfs
 * archive (usr/, init/initramfs.c): Linux unpacks its archive into ramfs,
 * whose files live in the page cache; armmm keeps each file's bytes where
 * they are in the kernel image and fills a page-cache page from them the
 * first time a process needs it (mm/filemap.c), so a page of text shared by
 * two processes is one struct page, as in Linux.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>

struct page;

/* A file's pages in memory (Linux: struct address_space, i_pages an XArray;
 * here an array indexed by page offset, allocated with the first page). */
struct address_space {
	struct inode *host;
	struct page **i_pages;          /* [DIV_ROUND_UP(i_size, PAGE_SIZE)] or NULL */
	unsigned long nrpages;          /* pages present */
};

struct inode {
	unsigned long i_ino;            /* the archive's inode number */
	unsigned int i_mode;            /* S_IFREG | 0755, ... from the cpio header */
	unsigned long i_size;           /* bytes */
	unsigned int i_dev_major, i_dev_minor;  /* what /proc/<pid>/maps prints ("00:01") */
	const void *i_data;             /* the bytes, inside the archive */
	struct address_space i_data_mapping;
	const char *i_path;             /* "/bin/hello" */
};

/* An open file: one per inode is enough here (no seek position is kept). */
struct file {
	struct inode *f_inode;
	struct address_space *f_mapping;
};

#define S_IFMT   0170000
#define S_IFDIR  0040000
#define S_IFREG  0100000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)

/*
 * init/initramfs.c: the archive's files. populate_rootfs unpacks the
 * built-in archive at boot (start_kernel); unpack_to_rootfs unpacks any
 * newc archive and returns NULL or the reason it is bad (then nothing is
 * added); initramfs_release forgets every file (host tests).
 */
void populate_rootfs(void);
const char *unpack_to_rootfs(const char *buf, unsigned long len);
void initramfs_release(void);
struct file *filp_open(const char *path);       /* NULL if there is no such file */
/* Call fn for every entry whose path starts with dir + "/" (one level). */
void initramfs_for_each(const char *dir, void (*fn)(struct inode *inode, void *arg), void *arg);

#endif
