# create_mapping and set_pte_ext, allocating page tables through the real
# memblock from a simulated RAM.
SRCS := arch/arm/mm/mmu.c arch/arm/mm/pte-v7.c mm/memblock.c mm/memblock_iter.c mm/memblock_alloc.c \
        mm/memblock_query.c mm/memblock_debug.c lib/seq_file.c
