# tests/host/buddy: the buddy allocator (mm/page_alloc.c) booted from
# memblock (mm/mm_init.c, mm/memblock*.c) on a simulated node, checked by
# tests/host/lib/buddy_check.c. test_vmstat.c includes mm/vmstat.c itself
# to reach its static show functions; test_main.c runs the groups.
SRCS := mm/page_alloc.c mm/page_alloc_pcp.c mm/debug.c mm/show_mem.c mm/mm_init.c mm/memblock.c mm/memblock_iter.c mm/memblock_alloc.c \
        mm/memblock_query.c mm/memblock_debug.c lib/seq_file.c tests/host/stubs/highmem.c
