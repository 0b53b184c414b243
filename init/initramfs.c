/*
 * init/initramfs.c - the built-in cpio archive as the file system
 * (Linux: init/initramfs.c populate_rootfs, unpack_to_rootfs).
 *
 * Linux unpacks the "newc" archive linked into the image (usr/
 * initramfs_data.S) into ramfs at boot: a state machine reads headers and
 * names, creates directories and files, and copies each file's bytes into
 * the page cache. armmm has no VFS: unpack_to_rootfs makes one inode per
 * archive entry whose i_data points at the file's bytes inside the archive
 * (which stays in .rodata for good), and mm/filemap.c copies a page from
 * there into the page cache the first time a process touches it.
 *
 * Where it differs from Linux:
 *  - a bad archive is refused as a whole, with a reason, and boot goes on
 *    with no files ("Initramfs unpacking failed: <reason>", Linux's words
 *    for a bad initrd; Linux panics on a bad built-in archive). Linux's
 *    reasons are kept where it has them ("no cpio magic", "broken
 *    padding", ...); it accepts a truncated archive and garbage in the
 *    header's hex fields silently, armmm refuses them;
 *  - no compressed archives, no symlinks, device nodes or hard links (such
 *    entries are kept, but filp_open opens regular files only);
 *  - i_ino is the archive's inode number, not ramfs's get_next_ino();
 *  - the "070702" (crc) format is checked as Linux does (sum of the data
 *    bytes), but no mtime, uid or gid is kept.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <string.h>

#define CPIO_HDR_LEN    110             /* "070701" + 13 fields of 8 hex digits */
#define CPIO_MAGIC_LEN  6
#define CPIO_FIELDS     13
#define CPIO_PATH_MAX   4096            /* Linux's PATH_MAX, name and NUL */
#define CPIO_TRAILER    "TRAILER!!!"

/* The header's fields, in order (Linux: parse_header). */
enum cpio_field {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK,
};

/* One archive entry: its inode, its one struct file, and its path. */
struct initramfs_entry {
	struct initramfs_entry *next;
	struct inode inode;
	struct file file;
	char path[];                    /* "/bin/hello" */
};

/* The unpacked files, in archive order. */
static struct initramfs_entry *rootfs;

/* The device number /proc/<pid>/maps shows for these files (rootfs: 0:1). */
#define ROOTFS_DEV_MAJOR 0
#define ROOTFS_DEV_MINOR 1

static unsigned long align4(unsigned long n)
{
	return (n + 3) & ~3ul;
}

/* The 8 hex digits of field i; false if one is not a hex digit. */
static bool cpio_field(const char *hdr, int i, unsigned long *val)
{
	const char *s = hdr + CPIO_MAGIC_LEN + 8 * i;
	unsigned long v = 0;
	int k;

	for (k = 0; k < 8; k++) {
		char c = s[k];

		if (c >= '0' && c <= '9')
			v = v << 4 | (unsigned long)(c - '0');
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			v = v << 4 | (unsigned long)((c | 0x20) - 'a' + 10);
		else
			return false;
	}
	*val = v;
	return true;
}

static void free_entries(struct initramfs_entry *e)
{
	while (e) {
		struct initramfs_entry *next = e->next;

		kfree(e);
		e = next;
	}
}

static struct initramfs_entry *find_entry(struct initramfs_entry *list, const char *path)
{
	for (; list; list = list->next)
		if (!strcmp(list->path, path))
			return list;
	return NULL;
}

/*
 * Add (or, for a path seen before, replace: Linux's clean_path and
 * O_TRUNC) one entry. name is the archive's name, without the leading '/'
 * gen_init_cpio strips; "." (the root itself, from `find . | cpio`) is
 * skipped. Returns false when out of memory.
 */
static bool add_entry(struct initramfs_entry **list, const char *name, const unsigned long *f,
		      const void *data)
{
	struct initramfs_entry *e, *old, **pp;
	size_t len;

	while (name[0] == '.' && name[1] == '/')
		name += 2;
	while (name[0] == '/')
		name++;
	if (!name[0] || !strcmp(name, "."))
		return true;
	len = strlen(name);
	e = kzalloc(sizeof(*e) + len + 2, GFP_KERNEL);
	if (!e)
		return false;
	e->path[0] = '/';
	memcpy(e->path + 1, name, len + 1);
	e->inode.i_ino = f[F_INO];
	e->inode.i_mode = (unsigned int)f[F_MODE];
	e->inode.i_size = f[F_FILESIZE];
	e->inode.i_dev_major = ROOTFS_DEV_MAJOR;
	e->inode.i_dev_minor = ROOTFS_DEV_MINOR;
	e->inode.i_data = data;
	e->inode.i_data_mapping.host = &e->inode;
	e->inode.i_path = e->path;
	e->file.f_inode = &e->inode;
	e->file.f_mapping = &e->inode.i_data_mapping;

	old = find_entry(*list, e->path);
	for (pp = list; *pp && *pp != old; pp = &(*pp)->next)
		;
	e->next = old ? old->next : NULL;
	*pp = e;
	kfree(old);
	return true;
}

/* Linux's 070702 check: the sum of the data bytes, modulo 2^32. */
static bool cpio_csum_ok(const unsigned char *data, unsigned long size, unsigned long check)
{
	u32 sum = 0;

	while (size--)
		sum += *data++;
	return sum == (u32)check;
}

/*
 * One entry at buf[*pos], checked against the archive's end; on success
 * *pos moves past it and *done says it was the trailer. Returns NULL or
 * the reason the archive is bad.
 */
static const char *unpack_entry(const char *buf, unsigned long len, unsigned long *pos,
				struct initramfs_entry **list, bool *done)
{
	const char *hdr = buf + *pos, *name;
	unsigned long f[CPIO_FIELDS], left = len - *pos, name_end, data_end;
	int i;

	if (left < CPIO_HDR_LEN)
		return "truncated header";
	if (!memcmp(hdr, "070707", CPIO_MAGIC_LEN))
		return "incorrect cpio method used: use -H newc option";
	if (memcmp(hdr, "070701", CPIO_MAGIC_LEN) && memcmp(hdr, "070702", CPIO_MAGIC_LEN))
		return "no cpio magic";
	for (i = 0; i < CPIO_FIELDS; i++)
		if (!cpio_field(hdr, i, &f[i]))
			return "bad hex digit in header";
	if (f[F_NAMESIZE] == 0 || f[F_NAMESIZE] > CPIO_PATH_MAX)
		return "bad name size";
	name = hdr + CPIO_HDR_LEN;
	if (f[F_NAMESIZE] > left - CPIO_HDR_LEN)
		return "name past the end of the archive";
	if (name[f[F_NAMESIZE] - 1] != '\0' || strlen(name) != f[F_NAMESIZE] - 1)
		return "name not NUL-terminated";
	/* the header and name are padded to 4 bytes, then the data to 4 */
	name_end = min(align4(*pos + CPIO_HDR_LEN + f[F_NAMESIZE]), len);
	if (f[F_FILESIZE] > len - name_end)
		return "file data past the end of the archive";
	data_end = name_end + f[F_FILESIZE];
	if (!strcmp(name, CPIO_TRAILER)) {
		*done = true;
	} else {
		if (!memcmp(hdr, "070702", CPIO_MAGIC_LEN) &&
		    !cpio_csum_ok((const unsigned char *)buf + name_end, f[F_FILESIZE], f[F_CHECK]))
			return "bad data checksum";
		if (!add_entry(list, name, f, buf + name_end))
			return "out of memory";
	}
	*pos = min(align4(data_end), len);    /* the last padding may be cut */
	return NULL;
}

/*
 * unpack_to_rootfs - every archive in buf (Linux accepts several, one
 * after another, with NUL padding between them), into inodes. All or
 * nothing: on an error nothing is added and the reason is returned.
 */
const char *unpack_to_rootfs(const char *buf, unsigned long len)
{
	struct initramfs_entry *list = NULL, **tail;
	unsigned long pos = 0;
	const char *err = NULL;
	bool done;

	while (!err && pos < len) {
		if (buf[pos] == '\0') {                 /* padding between archives */
			pos++;
			continue;
		}
		if (pos & 3) {
			err = "broken padding";
			break;
		}
		if (buf[pos] != '0') {
			err = "junk in compressed archive";     /* Linux: not cpio, not compressed */
			break;
		}
		done = false;
		while (!err && !done && pos < len)
			err = unpack_entry(buf, len, &pos, &list, &done);
	}
	if (err) {
		free_entries(list);
		return err;
	}
	for (tail = &rootfs; *tail; tail = &(*tail)->next)
		;
	*tail = list;
	/* a path already unpacked from an earlier archive: the later one wins */
	for (; list; list = list->next) {
		struct initramfs_entry *old, **pp;

		for (pp = &rootfs; *pp != list; pp = &(*pp)->next) {
			if (strcmp((*pp)->path, list->path))
				continue;
			old = *pp;
			*pp = old->next;
			kfree(old);
			break;
		}
	}
	return NULL;
}

extern const char __initramfs_start[];
extern const unsigned long __initramfs_size;

/* populate_rootfs - the built-in archive at boot (Linux: a rootfs_initcall). */
void __init populate_rootfs(void)
{
	const char *err = unpack_to_rootfs(__initramfs_start, __initramfs_size);
	struct initramfs_entry *e;
	unsigned int files = 0, dirs = 0;

	if (err) {
		pr_err("Initramfs unpacking failed: %s\n", err);
		return;
	}
	for (e = rootfs; e; e = e->next) {
		files += S_ISREG(e->inode.i_mode);
		dirs += S_ISDIR(e->inode.i_mode);
	}
	pr_info("Initramfs: unpacked %u file%s and %u director%s (%lu bytes of archive)\n",
		files, files == 1 ? "" : "s", dirs, dirs == 1 ? "y" : "ies", __initramfs_size);
}

/* Forget every file (tests: a fresh rootfs for the next archive). */
void initramfs_release(void)
{
	free_entries(rootfs);
	rootfs = NULL;
}

/* filp_open - the archive's regular file at an absolute path, or NULL. */
struct file *filp_open(const char *path)
{
	struct initramfs_entry *e = path ? find_entry(rootfs, path) : NULL;

	return e && S_ISREG(e->inode.i_mode) ? &e->file : NULL;
}

/*
 * initramfs_for_each - fn for every entry directly in dir ("/bin", or "/"
 * for the top level), in archive order (sorted, for gen_initramfs's).
 */
void initramfs_for_each(const char *dir, void (*fn)(struct inode *inode, void *arg), void *arg)
{
	struct initramfs_entry *e;
	size_t n;

	while (dir[0] == '/' && dir[1] == '/')
		dir++;
	n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')       /* "/bin/" is "/bin" */
		n--;
	if (n == 1 && dir[0] == '/')
		n = 0;                          /* the root: entries are "/" + name */
	for (e = rootfs; e; e = e->next) {
		const char *rest = e->path + n;

		if (strncmp(e->path, dir, n) || rest[0] != '/' || !rest[1])
			continue;
		if (!strchr(rest + 1, '/'))
			fn(&e->inode, arg);
	}
}
