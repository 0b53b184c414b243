/*
 * tests/host/fuzz/fuzz_initramfs.c - libFuzzer over the cpio "newc"
 * parser (init/initramfs.c unpack_to_rootfs, filp_open,
 * initramfs_for_each).
 *
 * First byte bit 7 set: the rest is a raw archive (seeded with archives
 * from scripts/gen_initramfs). Else the bytes describe up to 12 entries
 * (a directory or a file, a name from a small alphabet so that paths
 * repeat and nest, up to 64 bytes of data), written here as a valid
 * archive, then maybe cut short and with up to 4 bytes changed.
 *
 * Every input: the parser runs on a heap copy of exactly the archive's
 * length (ASan sees any read past it); on success every entry reachable
 * with initramfs_for_each from "/" has an absolute path, its bytes inside
 * the archive, and filp_open finds it if it is a regular file. For a
 * layout left intact, the result must be what was asked: each path's last
 * entry, with its mode and data. kmalloc is the C library's here, so ASan
 * also checks the parser's frees.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include "fuzz.h"

#define MAX_ENTRIES 12
#define MAX_NAME    12
#define MAX_DATA    64
#define ARCHIVE_MAX 8192

/* ---- kmalloc from the C library ---------------------------------------------- */

void *kmalloc(size_t size, gfp_t gfp)
{
	return (gfp & __GFP_ZERO) ? calloc(1, size ? size : 1) : malloc(size ? size : 1);
}

void kfree(const void *p)
{
	free((void *)p);
}

/* populate_rootfs is not fuzzed; the linker still wants the archive. */
const char __initramfs_start[4];
const unsigned long __initramfs_size;

/* ---- the layout --------------------------------------------------------------- */

static struct entry {
	char name[MAX_NAME + 1];
	bool dir;
	unsigned int mode;
	u8 data[MAX_DATA];
	size_t size;
} layout[MAX_ENTRIES];
static int nentries;

static const char *cur_buf;
static size_t cur_len;

static void report(void)
{
	int i;

	fprintf(stderr, "archive of %zu bytes; layout:\n", cur_len);
	for (i = 0; i < nentries; i++)
		fprintf(stderr, "  %s %s mode %o, %zu bytes\n", layout[i].dir ? "dir " : "file",
			layout[i].name, layout[i].mode, layout[i].size);
}

static size_t put_entry(char *buf, size_t len, const char *name, unsigned int mode,
			const u8 *data, size_t size)
{
	len += (size_t)sprintf(buf + len, "070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X"
			       "%08zX%08X", 1u, mode, 0u, 0u, 1u, 0u, size, 0u, 0u, 0u, 0u,
			       strlen(name) + 1, 0u);
	memcpy(buf + len, name, strlen(name) + 1);
	len += strlen(name) + 1;
	while (len % 4)
		buf[len++] = 0;
	memcpy(buf + len, data, size);
	len += size;
	while (len % 4)
		buf[len++] = 0;
	return len;
}

/* The layout from the bytes, and its archive; returns the archive's length. */
static size_t make_layout(struct input *in, char *buf)
{
	static const char alphabet[] = "ab/";
	size_t len = 0;
	int i, k;

	nentries = g8(in) % (MAX_ENTRIES + 1);
	for (i = 0; i < nentries; i++) {
		struct entry *e = &layout[i];
		int n = 1 + g8(in) % MAX_NAME;

		for (k = 0; k < n; k++)
			e->name[k] = alphabet[g8(in) % 3];
		e->name[n] = '\0';
		e->dir = g8(in) & 1;
		e->mode = (e->dir ? S_IFDIR : S_IFREG) | (g16(in) & 0777);
		e->size = e->dir ? 0 : g8(in) % (MAX_DATA + 1);
		for (k = 0; k < (int)e->size; k++)
			e->data[k] = g8(in);
		len = put_entry(buf, len, e->name, e->mode, e->data, e->size);
	}
	return put_entry(buf, len, "TRAILER!!!", 0, (const u8 *)"", 0);
}

/* The path the parser must give a name: leading "./" and "/" dropped. */
static const char *norm(const char *name)
{
	while ((name[0] == '.' && name[1] == '/') || name[0] == '/')
		name += name[0] == '/' ? 1 : 2;
	return name;
}

/* ---- checks ---------------------------------------------------------------------- */

static int visited;

static void check_inode(struct inode *inode, void *depth)
{
	const char *d = inode->i_data;

	CHECK(++visited < 10000, "initramfs_for_each does not end");
	CHECK(inode->i_path && inode->i_path[0] == '/' && inode->i_path[1],
	      "bad path %s", inode->i_path ? inode->i_path : "(null)");
	CHECK(d >= cur_buf && d <= cur_buf + cur_len && inode->i_size <= (size_t)(cur_buf + cur_len - d),
	      "%s: data outside the archive", inode->i_path);
	if (S_ISREG(inode->i_mode))
		CHECK(filp_open(inode->i_path) && filp_open(inode->i_path)->f_inode == inode,
		      "%s listed but filp_open does not find it", inode->i_path);
	if ((uintptr_t)depth < 8)
		initramfs_for_each(inode->i_path, check_inode, (void *)((uintptr_t)depth + 1));
}

/* An intact layout: each path's last entry is what filp_open returns. */
static void check_layout(void)
{
	char path[MAX_NAME + 2];
	int i, j;

	for (i = 0; i < nentries; i++) {
		const char *name = norm(layout[i].name);
		struct file *f;

		if (!name[0] || !strcmp(name, "."))
			continue;
		for (j = i + 1; j < nentries; j++)
			if (!strcmp(norm(layout[j].name), name))
				break;
		if (j < nentries)
			continue;                       /* replaced later */
		snprintf(path, sizeof(path), "/%s", name);
		f = filp_open(path);
		if (layout[i].dir) {
			CHECK(!f, "%s: a directory, but filp_open opened it", path);
			continue;
		}
		CHECK(f, "%s: in the archive, not found", path);
		CHECK(f->f_inode->i_mode == layout[i].mode && f->f_inode->i_size == layout[i].size &&
		      !memcmp(f->f_inode->i_data, layout[i].data, layout[i].size),
		      "%s: mode, size or data differ", path);
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static char built[ARCHIVE_MAX];
	struct input in = { data, size };
	bool raw = size && (data[0] & 0x80), intact = true;
	const char *err;
	size_t len;
	char *copy;

	fuzz_report = report;
	nentries = 0;
	if (raw) {
		len = size - 1;
		memcpy(built, data + 1, min(len, sizeof(built)));
		len = min(len, sizeof(built));
	} else {
		u8 flips;
		int i;

		g8(&in);
		len = make_layout(&in, built);
		if (g8(&in) & 1) {
			len = g16(&in) % (len + 1);
			intact = false;
		}
		flips = g8(&in) % 5;
		for (i = 0; i < flips && len; i++) {
			built[g16(&in) % len] = (char)g8(&in);
			intact = false;
		}
	}
	copy = malloc(len ? len : 1);
	memcpy(copy, built, len);
	cur_buf = copy;
	cur_len = len;
	err = unpack_to_rootfs(copy, len);
	visited = 0;
	if (err) {
		initramfs_for_each("/", check_inode, NULL);
		CHECK(visited == 0, "refused (%s), yet files were added", err);
	} else {
		initramfs_for_each("/", check_inode, NULL);
		if (!raw && intact)
			check_layout();
	}
	CHECK(raw || !intact || !err, "a valid archive was refused: %s", err ? err : "");
	initramfs_release();
	free(copy);
	return 0;
}
