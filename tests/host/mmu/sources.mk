# create_mapping and set_pte_ext, allocating page tables through the real
# memblock from a simulated RAM.
SRCS := arch/arm/mm/mmu.c arch/arm/mm/pte-v7.c mm/memblock.c lib/seq_file.c
