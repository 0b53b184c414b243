# Stopping the OMAP watchdog (drivers/watchdog/omap_wdt.c) against a model
# of its WSPR/WWPS write posting; the node found in Debian's boneblack DTB.
SRCS := drivers/watchdog/omap_wdt.c drivers/of/fdt.c
CPPFLAGS_SUITE := -I$(LIBFDT) -DDTB_DIR='"$(CACHE)/dtbs"'
EXTSRCS := $(addprefix $(LIBFDT)/,fdt.c fdt_ro.c fdt_rw.c fdt_sw.c fdt_wip.c fdt_strerror.c fdt_addresses.c)
