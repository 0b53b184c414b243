# The DTB memory scan and validation over real libfdt (from Debian's u-boot
# source, see scripts/setup.sh), into the real memblock.
SRCS := drivers/of/fdt_mem.c drivers/of/fdt.c mm/memblock.c mm/memblock_iter.c mm/memblock_alloc.c \
        mm/memblock_query.c mm/memblock_debug.c lib/seq_file.c
CPPFLAGS_SUITE := -I$(LIBFDT)
EXTSRCS := $(addprefix $(LIBFDT)/,fdt.c fdt_ro.c fdt_rw.c fdt_sw.c fdt_wip.c fdt_strerror.c fdt_addresses.c)
