/*
 * usr/initramfs_data.S - the cpio archive inside the kernel image (Linux:
 * usr/initramfs_data.S). scripts/gen_initramfs writes the archive
 * (build/usr/initramfs.cpio, usr/Makefile); .incbin puts its bytes here,
 * between __initramfs_start and __initramfs_start + __initramfs_size.
 *
 * Linux puts it in .init.ramfs and frees it once populate_rootfs has
 * copied the files into ramfs. armmm keeps no copy: the archive is the
 * file system at run time (init/initramfs.c's inodes point into it, and
 * mm/filemap.c fills page-cache pages from it), so it lives in .rodata,
 * read-only after mark_rodata_ro.
 */
	.section .rodata.initramfs, "a"
	.balign	4                       @ newc headers are 4-byte aligned
	.globl	__initramfs_start
__initramfs_start:
	.incbin	INITRAMFS_IMAGE
__initramfs_end:
	.balign	4
	.globl	__initramfs_size
__initramfs_size:
	.long	__initramfs_end - __initramfs_start

	.section .note.GNU-stack, "", %progbits
