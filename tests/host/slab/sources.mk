# tests/host/slab: SLUB and kmalloc (mm/slub.c, mm/slab_common.c) on top of
# the real buddy allocator (mm/page_alloc.c, mm/mm_init.c), which is set up
# from the real memblock over the simulated RAM. test_main.c has the set-up
# and the few stand-ins for what the kernel has elsewhere (the console,
# HighMem mappings).
SRCS := mm/slub.c mm/slub_debug.c mm/slab_common.c lib/reciprocal_div.c mm/page_alloc.c mm/page_alloc_pcp.c mm/debug.c mm/show_mem.c mm/mm_init.c mm/memblock.c mm/memblock_iter.c \
        mm/memblock_alloc.c mm/memblock_query.c mm/memblock_debug.c lib/seq_file.c \
        tests/host/stubs/highmem.c
