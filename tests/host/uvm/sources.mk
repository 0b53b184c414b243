# tests/host/uvm: user address spaces and the fault path (mm/mmap*.c,
# mm/memory*.c (fork's copy_page_range too), mm/filemap.c, mm/mprotect.c, mm/rmap.c, arch/arm/mm/pgd.c,
# context.c, protection_map in mmu.c) on the real buddy allocator and slab
# over a simulated RAM with a HighMem zone; every result is read back by
# the independent table walker (tests/host/lib/walker.c). test_setup.c has
# the set-up and the stand-ins (kmap_local for HighMem, the TLB, current).
SRCS := mm/memory.c mm/memory_zap.c mm/memory_fork.c mm/mmap.c mm/mmap_mm.c mm/mprotect.c mm/filemap.c mm/rmap.c \
        mm/fault_trace.c arch/arm/mm/pgd.c arch/arm/mm/context.c arch/arm/mm/pte-v7.c arch/arm/mm/mmu.c \
        mm/page_alloc.c mm/page_alloc_pcp.c mm/debug.c mm/show_mem.c mm/mm_init.c mm/memblock.c mm/memblock_iter.c \
        mm/memblock_alloc.c mm/memblock_query.c mm/memblock_debug.c mm/slub.c mm/slub_debug.c lib/reciprocal_div.c \
        mm/slab_common.c lib/seq_file.c tests/host/stubs/stacktrace.c
