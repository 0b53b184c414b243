/*
 * tests/host/initramfs - init/initramfs.c on archives written here, byte
 * for byte as the newc format says (Linux: Documentation/driver-api/
 * early-userspace/buffer-format.rst), independently of
 * scripts/gen_initramfs:
 *  - a good archive gives one inode per entry: path, mode, size, the
 *    bytes in place; filp_open opens regular files only;
 *    initramfs_for_each lists one directory level in archive order;
 *  - several archives one after another, NUL padding between them, a
 *    later file replacing an earlier one of the same path;
 *  - each malformed archive (truncated header, bad magic, old cpio, bad
 *    hex, name or data past the end, missing NUL, bad name size, junk,
 *    broken padding, bad 070702 checksum) is refused with its reason and
 *    adds nothing; an archive cut at every length never reads past the
 *    cut (ASan) and never yields a file that does not fit;
 *  - populate_rootfs logs the count line, or Linux's failure line.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <host/sim.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define RAM_BASE        0x60000000u
#define RAM_SIZE        0x01000000u     /* 16 MiB */
#define ARCHIVE_MAX     16384

/* ---- stand-ins (the slab code's console output) ------------------------ */

int con_printf(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

/* populate_rootfs reads the archive "linked into the image" from these. */
char __initramfs_start[ARCHIVE_MAX];
unsigned long __initramfs_size;

/* ---- building archives ---------------------------------------------------- */

static struct archive {
	char buf[ARCHIVE_MAX];
	size_t len;
	unsigned int ino;
} A;

static void pad4(void)
{
	while (A.len % 4)
		A.buf[A.len++] = '\0';
}

/* One entry with the given magic, name size and mode (tests bend them). */
static size_t add_raw(const char *magic, const char *name, size_t namesize, unsigned int mode,
		      const void *data, size_t size, unsigned int check)
{
	size_t start = A.len;
	char hdr[111];

	snprintf(hdr, sizeof(hdr), "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08zX%08X",
		 magic, ++A.ino, mode, 0, 0, 1, 0, (unsigned int)size, 0, 0, 0, 0, namesize, check);
	memcpy(A.buf + A.len, hdr, 110);
	A.len += 110;
	memcpy(A.buf + A.len, name, strlen(name) + 1);
	A.len += strlen(name) + 1;
	pad4();
	memcpy(A.buf + A.len, data, size);
	A.len += size;
	pad4();
	return start;
}

static size_t add_file(const char *name, unsigned int mode, const char *data)
{
	return add_raw("070701", name, strlen(name) + 1, mode, data, strlen(data), 0);
}

static void add_trailer(void)
{
	add_raw("070701", "TRAILER!!!", 11, 0, "", 0, 0);
}

/* The usual archive: bin, bin/hello, bin/zero, etc/motd, top, then the trailer. */
static void good_archive(void)
{
	add_file("bin", S_IFDIR | 0755, "");
	add_file("bin/hello", S_IFREG | 0755, "\177ELF hello bytes");
	add_file("bin/zero", S_IFREG | 0755, "zero!");
	add_file("etc/motd", S_IFREG | 0644, "welcome\n");
	add_file("top", S_IFREG | 0600, "t");
	add_trailer();
}

static int setup(void **state)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES];
	int z;

	(void)state;
	memblock_reset_for_test();
	sim_ram_init(RAM_BASE, RAM_SIZE);
	memset(&contig_page_data, 0, sizeof(contig_page_data));
	assert_int_equal(memblock_add(RAM_BASE, RAM_SIZE), 0);
	min_low_pfn = PFN_UP(RAM_BASE);
	max_low_pfn = max_pfn = PFN_DOWN(RAM_BASE + RAM_SIZE);
	for (z = 0; z < MAX_NR_ZONES; z++)
		max_zone_pfn[z] = max_pfn;
	free_area_init(max_zone_pfn);
	memblock_free_all();
	init_per_zone_wmark_min();
	kmem_cache_init();
	memset(&A, 0, sizeof(A));
	sim_log_clear();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	initramfs_release();
	return 0;
}

/* ---- listing -------------------------------------------------------------- */

static char listing[1024];

static void list_one(struct inode *inode, void *arg)
{
	(void)arg;
	strcat(listing, inode->i_path);
	strcat(listing, " ");
}

static const char *list(const char *dir)
{
	listing[0] = '\0';
	initramfs_for_each(dir, list_one, NULL);
	return listing;
}

static void expect_file(const char *path, unsigned int mode, const char *data)
{
	struct file *f = filp_open(path);

	assert_non_null(f);
	assert_string_equal(f->f_inode->i_path, path);
	assert_int_equal(f->f_inode->i_mode, mode);
	assert_int_equal(f->f_inode->i_size, strlen(data));
	assert_memory_equal(f->f_inode->i_data, data, strlen(data));
	assert_ptr_equal(f->f_mapping, &f->f_inode->i_data_mapping);
	assert_ptr_equal(f->f_mapping->host, f->f_inode);
	assert_null(f->f_mapping->i_pages);
	assert_int_equal(f->f_inode->i_dev_major, 0);
	assert_int_equal(f->f_inode->i_dev_minor, 1);
}

/* ---- good archives ---------------------------------------------------------- */

static void good_archive_gives_inodes(void **state)
{
	(void)state;
	good_archive();
	assert_null(unpack_to_rootfs(A.buf, A.len));
	expect_file("/bin/hello", S_IFREG | 0755, "\177ELF hello bytes");
	expect_file("/bin/zero", S_IFREG | 0755, "zero!");
	expect_file("/etc/motd", S_IFREG | 0644, "welcome\n");
	expect_file("/top", S_IFREG | 0600, "t");
	/* the data is the archive's own bytes, not a copy */
	assert_true((const char *)filp_open("/bin/zero")->f_inode->i_data > A.buf &&
		    (const char *)filp_open("/bin/zero")->f_inode->i_data < A.buf + A.len);
	/* inode numbers are the archive's: bin is 1, hello 2 */
	assert_int_equal(filp_open("/bin/hello")->f_inode->i_ino, 2);
	assert_null(filp_open("/bin"));                 /* a directory */
	assert_null(filp_open("/bin/nothere"));
	assert_null(filp_open("bin/hello"));            /* paths are absolute */
	assert_null(filp_open("/bin/hell"));
	assert_null(filp_open(NULL));
}

static void for_each_lists_one_level(void **state)
{
	(void)state;
	good_archive();
	add_file("bin/sub", S_IFDIR | 0755, "");        /* after the trailer: a 2nd archive */
	add_file("bin/sub/deep", S_IFREG | 0755, "d");
	add_trailer();
	assert_null(unpack_to_rootfs(A.buf, A.len));
	assert_string_equal(list("/bin"), "/bin/hello /bin/zero /bin/sub ");
	assert_string_equal(list("/bin/"), "/bin/hello /bin/zero /bin/sub ");
	assert_string_equal(list("/bin/sub"), "/bin/sub/deep ");
	assert_string_equal(list("/"), "/bin /top ");   /* etc has no entry of its own */
	assert_string_equal(list("/etc"), "/etc/motd ");
	assert_string_equal(list("/bi"), "");
	assert_string_equal(list("/top"), "");
	assert_string_equal(list("/nothere"), "");
}

static void names_are_normalised(void **state)
{
	(void)state;
	add_file(".", S_IFDIR | 0755, "");              /* find . | cpio -o -H newc */
	add_file("./bin", S_IFDIR | 0755, "");
	add_file("./bin/a", S_IFREG | 0755, "a");
	add_file("/bin/b", S_IFREG | 0755, "b");
	add_trailer();
	assert_null(unpack_to_rootfs(A.buf, A.len));
	assert_string_equal(list("/"), "/bin ");
	assert_string_equal(list("/bin"), "/bin/a /bin/b ");
}

static void later_entry_replaces_earlier(void **state)
{
	(void)state;
	add_file("bin/x", S_IFREG | 0755, "first");
	add_file("bin/y", S_IFREG | 0755, "y");
	add_file("bin/x", S_IFREG | 0700, "second");
	add_trailer();
	memset(A.buf + A.len, 0, 12);                   /* NUL padding between archives */
	A.len += 12;
	add_file("bin/y", S_IFREG | 0755, "y2");
	add_trailer();
	assert_null(unpack_to_rootfs(A.buf, A.len));
	expect_file("/bin/x", S_IFREG | 0700, "second");
	expect_file("/bin/y", S_IFREG | 0755, "y2");
	assert_string_equal(list("/bin"), "/bin/x /bin/y ");
}

static void crc_format_is_checked(void **state)
{
	unsigned int sum = 'a' + 'b' + 'c';

	(void)state;
	add_raw("070702", "good", 5, S_IFREG | 0644, "abc", 3, sum);
	add_trailer();
	assert_null(unpack_to_rootfs(A.buf, A.len));
	expect_file("/good", S_IFREG | 0644, "abc");
	initramfs_release();
	memset(&A, 0, sizeof(A));
	add_raw("070702", "bad", 4, S_IFREG | 0644, "abc", 3, sum + 1);
	add_trailer();
	assert_string_equal(unpack_to_rootfs(A.buf, A.len), "bad data checksum");
	assert_null(filp_open("/bad"));
}

static void empty_and_trailer_only(void **state)
{
	(void)state;
	assert_null(unpack_to_rootfs(A.buf, 0));
	add_trailer();
	assert_null(unpack_to_rootfs(A.buf, A.len));
	assert_string_equal(list("/"), "");
}

/* ---- malformed archives ------------------------------------------------------- */

/* A good file first, then the bad entry: the whole archive must be refused. */
static void expect_refused(const char *why)
{
	assert_string_equal(unpack_to_rootfs(A.buf, A.len), why);
	assert_null(filp_open("/ok"));
	assert_string_equal(list("/"), "");
}

static void truncated_header(void **state)
{
	(void)state;
	add_file("ok", S_IFREG | 0644, "fine");
	add_trailer();
	A.len -= 120 - 50;                              /* the trailer entry is 120 bytes */
	expect_refused("truncated header");
}

static void bad_magic(void **state)
{
	(void)state;
	add_file("ok", S_IFREG | 0644, "fine");
	add_raw("070709", "x", 2, S_IFREG | 0644, "", 0, 0);
	expect_refused("no cpio magic");
}

static void old_cpio_format(void **state)
{
	(void)state;
	add_file("ok", S_IFREG | 0644, "fine");
	add_raw("070707", "x", 2, S_IFREG | 0644, "", 0, 0);
	expect_refused("incorrect cpio method used: use -H newc option");
}

static void bad_hex_digit(void **state)
{
	size_t at;

	(void)state;
	add_file("ok", S_IFREG | 0644, "fine");
	at = add_file("x", S_IFREG | 0644, "");
	A.buf[at + 6 + 8 * 6 + 3] = 'g';                /* in filesize */
	add_trailer();
	expect_refused("bad hex digit in header");
}

static void name_past_the_end(void **state)
{
	(void)state;
	add_file("ok", S_IFREG | 0644, "fine");
	add_raw("070701", "name", 200, S_IFREG | 0644, "", 0, 0);
	expect_refused("name past the end of the archive");
}

static void data_past_the_end(void **state)
{
	size_t at;

	(void)state;
	add_file("ok", S_IFREG | 0644, "fine");
	at = add_file("x", S_IFREG | 0644, "data");
	memcpy(A.buf + at + 6 + 8 * 6, "00001000", 8);  /* 4096 bytes, past the end */
	add_trailer();
	expect_refused("file data past the end of the archive");
}

static void missing_nul(void **state)
{
	size_t at;

	(void)state;
	add_file("ok", S_IFREG | 0644, "fine");
	at = add_file("abc", S_IFREG | 0644, "");
	A.buf[at + 110 + 3] = 'd';                      /* the NUL that ends "abc" */
	add_trailer();
	expect_refused("name not NUL-terminated");
}

static void nul_inside_name(void **state)
{
	(void)state;
	add_file("ok", S_IFREG | 0644, "fine");
	add_raw("070701", "ab", 6, S_IFREG | 0644, "", 0, 0);   /* says 6, "ab\0" then padding */
	add_trailer();
	expect_refused("name not NUL-terminated");
}

static void bad_name_size(void **state)
{
	(void)state;
	add_file("ok", S_IFREG | 0644, "fine");
	add_raw("070701", "", 0, S_IFREG | 0644, "", 0, 0);
	expect_refused("bad name size");
	memset(&A, 0, sizeof(A));
	add_file("ok", S_IFREG | 0644, "fine");
	add_raw("070701", "x", 4097, S_IFREG | 0644, "", 0, 0);
	expect_refused("bad name size");
}

static void junk_between_archives(void **state)
{
	(void)state;
	add_file("ok", S_IFREG | 0644, "fine");
	add_trailer();
	memcpy(A.buf + A.len, "JUNK", 4);
	A.len += 4;
	expect_refused("junk in compressed archive");
}

static void broken_padding(void **state)
{
	(void)state;
	add_file("ok", S_IFREG | 0644, "fine");
	add_trailer();
	A.buf[A.len++] = '\0';                          /* one NUL, then an archive at +1 */
	memcpy(A.buf + A.len, "070701", 6);
	A.len += 6;
	expect_refused("broken padding");
}

static void refused_archive_keeps_earlier_files(void **state)
{
	(void)state;
	good_archive();
	assert_null(unpack_to_rootfs(A.buf, A.len));
	memset(&A, 0, sizeof(A));
	add_file("bin/new", S_IFREG | 0755, "n");
	add_raw("070709", "x", 2, S_IFREG | 0644, "", 0, 0);
	assert_string_equal(unpack_to_rootfs(A.buf, A.len), "no cpio magic");
	assert_null(filp_open("/bin/new"));
	assert_string_equal(list("/bin"), "/bin/hello /bin/zero ");
}

/*
 * Every cut of a good archive: a heap copy of exactly that many bytes (so
 * ASan catches a read past it); on success every file must lie inside.
 */
static void every_truncation_is_safe(void **state)
{
	struct file *f;
	size_t cut;

	(void)state;
	good_archive();
	for (cut = 0; cut <= A.len; cut++) {
		char *copy = malloc(cut + 1);
		const char *err;

		memcpy(copy, A.buf, cut);
		err = unpack_to_rootfs(copy, cut);
		if (!err) {
			const char *paths[] = { "/bin/hello", "/bin/zero", "/etc/motd", "/top" };
			unsigned int i;

			for (i = 0; i < ARRAY_SIZE(paths); i++) {
				f = filp_open(paths[i]);
				if (f)
					assert_true((const char *)f->f_inode->i_data + f->f_inode->i_size <=
						    copy + cut);
			}
		} else {
			assert_string_equal(list("/"), "");
		}
		initramfs_release();
		free(copy);
	}
}

/* ---- boot ------------------------------------------------------------------------ */

static void populate_rootfs_logs_counts(void **state)
{
	(void)state;
	good_archive();
	memcpy(__initramfs_start, A.buf, A.len);
	__initramfs_size = A.len;
	populate_rootfs();
	assert_non_null(strstr(sim_log(), "Initramfs: unpacked 4 files and 1 directory"));
	expect_file("/top", S_IFREG | 0600, "t");
}

static void populate_rootfs_reports_failure(void **state)
{
	(void)state;
	good_archive();
	memcpy(__initramfs_start, A.buf, A.len);
	__initramfs_start[0] = 'X';
	__initramfs_size = A.len;
	populate_rootfs();
	assert_string_equal(sim_log(), "Initramfs unpacking failed: junk in compressed archive\n");
	assert_string_equal(list("/"), "");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(good_archive_gives_inodes), T(for_each_lists_one_level), T(names_are_normalised),
		T(later_entry_replaces_earlier), T(crc_format_is_checked), T(empty_and_trailer_only),
		T(truncated_header), T(bad_magic), T(old_cpio_format), T(bad_hex_digit),
		T(name_past_the_end), T(data_past_the_end), T(missing_nul), T(nul_inside_name),
		T(bad_name_size), T(junk_between_archives), T(broken_padding),
		T(refused_archive_keeps_earlier_files), T(every_truncation_is_safe),
		T(populate_rootfs_logs_counts), T(populate_rootfs_reports_failure),
	};

	return cmocka_run_group_tests_name("initramfs", tests, NULL, NULL);
}
