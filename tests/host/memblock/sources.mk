# tests/host/memblock: mm/memblock.c, with lib/seq_file.c for the debugfs
# show function. The tests share memblock_test.h; test_main.c runs them.
SRCS := mm/memblock.c lib/seq_file.c
