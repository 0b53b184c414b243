# The early console from the DTB (drivers/of/fdt_earlycon.c): Debian's
# DTBs (scripts/setup.sh puts them in $(CACHE)/dtbs), QEMU virt's own
# (dumped here once with qemu-system-arm), and trees written with libfdt.
SRCS := drivers/of/fdt_earlycon.c
VIRT_DTB := $(OUT)/earlycon/virt.dtb
$(shell test -s $(VIRT_DTB) || { mkdir -p $(OUT)/earlycon && \
  qemu-system-arm -M virt,dumpdtb=$(VIRT_DTB) -cpu cortex-a15 -m 1G -nic none -nographic >/dev/null 2>&1; })
CPPFLAGS_SUITE := -I$(LIBFDT) -DDTB_DIR='"$(CACHE)/dtbs"' -DVIRT_DTB='"$(VIRT_DTB)"'
EXTSRCS := $(addprefix $(LIBFDT)/,fdt.c fdt_ro.c fdt_rw.c fdt_sw.c fdt_wip.c fdt_strerror.c fdt_addresses.c)
