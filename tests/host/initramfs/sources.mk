# tests/host/initramfs: the cpio "newc" parser (init/initramfs.c
# unpack_to_rootfs, populate_rootfs, filp_open, initramfs_for_each) on
# archives built by the test, valid and malformed; its inodes come from
# the real kmalloc (mm/slub.c) over the real buddy allocator and memblock.
SRCS := init/initramfs.c mm/slub.c mm/slub_debug.c mm/slab_common.c lib/reciprocal_div.c mm/page_alloc.c mm/page_alloc_pcp.c mm/debug.c \
        mm/show_mem.c mm/mm_init.c mm/memblock.c mm/memblock_iter.c mm/memblock_alloc.c \
        mm/memblock_query.c mm/memblock_debug.c lib/seq_file.c tests/host/stubs/highmem.c
