# tests/host/memblock: memblock's five pieces (mm/memblock*.c), with
# lib/seq_file.c for the debugfs show function. The tests share
# memblock_test.h; test_main.c runs them.
SRCS := mm/memblock.c mm/memblock_iter.c mm/memblock_alloc.c mm/memblock_query.c \
        mm/memblock_debug.c lib/seq_file.c
