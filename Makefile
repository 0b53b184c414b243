# Makefile - build, run and test armmm (design.md section 6).
#
#   make [vexpress_defconfig]   configure (default: vexpress_defconfig)
#   make                        build/{vmlinux,Image,zImage,System.map,kernel.asm}
#   make USR_EXTRA="prog ..."     also put your own static ARM binaries in /bin (usr/Makefile)
#   make run                    set up if needed, boot QEMU vexpress-a9 via U-Boot bootz
#   make test                   set up if needed, host tests + QEMU tests
#   make bench                  allocator benchmarks (host ns, QEMU -icount instructions)
#   make profile [BOARD=] [MEM=] [KERNEL=linux]   exact instruction profile of a boot
#   make qemu-gdb, then make gdb   QEMU stopped at its first instruction, gdb with symbols
#   make sdimage [BOARD=beaglebone|orangepi-pc|cubieboard]   SD-card image build/sdimage-<board>.img
#   make run BOARD=orangepi-pc|cubieboard   the same image booted by QEMU through U-Boot's distro boot
#   make compare [BOARD=] [MEM=]  armmm's dumps against Debian's Linux 6.1 (scripts/compare.mk)
#   make compare-user [PROG=] [TRACE=1]  the usr/ programs' maps, smaps and faults against Linux
#   make linux-ref [BOARD=] [MEM=]  refresh the cached Linux reference run
#   make memmap [BOARD=] [MEM=] [KERNEL=linux]   the memory map of a boot drawn, with the
#                               ptdump=phases snapshots: build/memmap/<board>-<mem>[-linux].html
#                               (and .png, a headless chromium screenshot; Documentation/memmap.md)
#   make tour                   re-run Documentation/tour.md's commands in QEMU, rewrite its outputs
#   make menuconfig | savedefconfig | test-host | test-qemu | clean | help
#
# Set-up (Debian packages, U-Boot, DTBs, libfdt) is scripts/setup.sh; what it
# fetches lives in $(CACHE), outside the repository.

O             ?= build
CROSS_COMPILE ?= arm-none-eabi-
PYTHON        := /usr/bin/python3
# Boards that boot from an SD-card image (scripts/sdimage): their own memory
# size, and boot.scr's command line unless BOOTARGS is given.
SD_BOARDS     := orangepi-pc cubieboard
ifneq ($(filter $(SD_BOARDS),$(BOARD)),)
MEM           ?= 1G
BOOTARGS      ?=
endif
BOARD         ?= vexpress-a9
MEM           ?= 512M
BOOTARGS      ?= console=ttyAMA0
# make sdimage with no BOARD= makes the BeagleBone's (design.md section 6).
SDIMAGE_BOARD := $(if $(filter file,$(origin BOARD)),beaglebone,$(BOARD))
SDIMAGE_OUT    = $(O)/sdimage-$(1).img
SDIMAGE_ARG   := $(if $(filter $(SD_BOARDS),$(BOARD)),--sdimage $(call SDIMAGE_OUT,$(BOARD)))
CACHE         := $(or $(ARMMM_CACHE),$(HOME)/.cache/armmm)
LIBFDT_SRC    := $(CACHE)/libfdt
export KCONFIG_CONFIG := .config

CC      := $(CROSS_COMPILE)gcc
LD      := $(CROSS_COMPILE)ld
OBJCOPY := $(CROSS_COMPILE)objcopy
OBJDUMP := $(CROSS_COMPILE)objdump
NM      := $(CROSS_COMPILE)nm

# Targets that need neither a .config nor the cross compiler. The ones
# that run set-up first (run, test, bench, ...) build through a sub-make, so
# the .config is made only once set-up has installed kconfiglib.
NOCONFIG_GOALS := %_defconfig menuconfig savedefconfig setup clean test-host help \
                  run qemu-gdb gdb test bench profile test-qemu compare compare-user linux-ref sdimage \
                  memmap tour
ifeq ($(filter-out $(NOCONFIG_GOALS),$(or $(MAKECMDGOALS),all)),)
else
# The full configuration (Linux's include/config/auto.conf): the .config
# plus the defaults of symbols added to Kconfig since it was written.
-include $(O)/include/config/auto.conf
endif

ARCHFLAGS := -march=armv7-a -marm -mfloat-abi=soft -mabi=aapcs-linux
INCLUDES  := -nostdinc -isystem include/libc -Iinclude -Iarch/arm/include \
             -I$(O)/include -I$(LIBFDT_SRC) -include $(O)/include/generated/autoconf.h
CFLAGS    := -std=gnu11 $(ARCHFLAGS) $(INCLUDES) -O2 -g -ffreestanding -fno-common \
             -fno-pic -fno-stack-protector -fno-strict-aliasing -Wall -Wextra -Werror \
             -Wno-unused-parameter
# APCS frames in every function (leaves too): the oops backtrace walks them
# (traps.c dump_backtrace), as Linux's CONFIG_UNWINDER_FRAME_POINTER builds
# with -mapcs -mno-sched-prolog.
CFLAGS    += -fno-omit-frame-pointer -mapcs-frame -mno-sched-prolog
AFLAGS    := $(ARCHFLAGS) $(INCLUDES) -D__ASSEMBLER__ -g
# libfdt is third-party code: built as it is, warnings not fatal.
FDT_CFLAGS := $(filter-out -Werror -Wextra,$(CFLAGS)) -Wno-sign-compare
LIBGCC    := $(shell $(CC) $(ARCHFLAGS) -print-libgcc-file-name 2>/dev/null)

head-y := arch/arm/kernel/head.o
obj-y  := arch/arm/kernel/debug.o arch/arm/kernel/entry-armv.o arch/arm/kernel/entry-common.o \
          arch/arm/kernel/calls.o arch/arm/lib/uaccess.o arch/arm/lib/uaccess_copy.o \
          kernel/fork.o kernel/exit.o kernel/signal.o kernel/sched/core.o kernel/sys.o \
          kernel/shell_jobs.o fs/read_write.o fs/exec.o fs/binfmt_elf.o arch/arm/kernel/elf.o \
          arch/arm/kernel/phys2virt.o arch/arm/kernel/setup.o arch/arm/kernel/traps.o arch/arm/kernel/process.o \
          arch/arm/kernel/stacktrace.o \
          arch/arm/mm/early_io.o arch/arm/mm/pgd-decode.o arch/arm/mm/mmu.o \
          arch/arm/mm/pte-v7.o arch/arm/mm/dump.o arch/arm/mm/vtop.o arch/arm/mm/fault.o \
          init/main.o kernel/panic.o kernel/printk.o kernel/reboot.o kernel/shell.o kernel/shell_args.o kernel/shell_line.o \
          kernel/kallsyms.o \
          lib/kstrtox.o lib/reciprocal_div.o lib/string.o lib/vsprintf.o lib/ktest.o lib/seq_file.o \
          drivers/of/fdt.o drivers/of/fdt_earlycon.o drivers/of/fdt_mem.o drivers/of/platform.o drivers/tty/serial/uart-console.o drivers/watchdog/omap_wdt.o \
          kernel/resource.o mm/memblock.o mm/memblock_iter.o mm/memblock_alloc.o \
          mm/memblock_query.o mm/memblock_debug.o mm/mm_init.o mm/page_alloc.o mm/page_alloc_pcp.o mm/debug.o mm/show_mem.o \
          mm/page_alloc_debug.o mm/bench.o mm/vmstat.o fs/proc/meminfo.o arch/arm/mm/init.o \
          mm/slub.o mm/slub_debug.o mm/slab_common.o mm/slab_debug.o mm/highmem.o mm/highmem_debug.o \
          mm/vmalloc.o mm/vmalloc_debug.o arch/arm/mm/ioremap.o drivers/misc/lkdtm.o \
          init/initramfs.o usr/initramfs_data.o \
          mm/mmap.o mm/mmap_mm.o mm/mprotect.o mm/memory.o mm/memory_zap.o mm/memory_fork.o mm/filemap.o \
          mm/rmap.o mm/fault_trace.o arch/arm/mm/pgd.o arch/arm/mm/context.o arch/arm/mm/extable.o \
          fs/proc/base.o fs/proc/task_mmu.o fs/proc/array.o mm/pagewalk.o kernel/shell_echo.o \
          kernel/shell_ps.o kernel/sysctl.o mm/util.o drivers/char/random.o
obj-$(CONFIG_KTEST) += arch/arm/kernel/phys2virt_test.o arch/arm/mm/mmu_test.o mm/page_alloc_test.o mm/slab_test.o \
                       mm/highmem_test.o mm/vmalloc_test.o arch/arm/mm/ioremap_test.o fs/exec_test.o mm/fork_test.o \
                       arch/arm/lib/uaccess_test.o
obj-$(CONFIG_VDSO) += arch/arm/kernel/vdso.o arch/arm/vdso/vdso.o
libfdt-y := fdt.o fdt_ro.o fdt_rw.o fdt_wip.o fdt_strerror.o fdt_addresses.o

OBJS      := $(addprefix $(O)/,$(head-y) $(obj-y))
FDT_OBJS  := $(addprefix $(O)/libfdt/,$(libfdt-y))
GEN       := $(O)/include/generated/autoconf.h $(O)/include/generated/compile.h

all: $(O)/zImage $(O)/System.map $(O)/kernel.asm
.PHONY: all

# ---- configuration ---------------------------------------------------------
%_defconfig:
	$(PYTHON) -m defconfig --kconfig Kconfig configs/$@
menuconfig:
	$(PYTHON) -m menuconfig Kconfig
savedefconfig:
	$(PYTHON) -m savedefconfig --kconfig Kconfig --out defconfig
	@echo "wrote defconfig (copy it to configs/<board>_defconfig)"
$(KCONFIG_CONFIG):
	$(PYTHON) -m defconfig --kconfig Kconfig configs/vexpress_defconfig
$(O)/include/generated/autoconf.h $(O)/include/config/auto.conf &: $(KCONFIG_CONFIG) Kconfig
	@mkdir -p $(O)/include/generated $(O)/include/config
	$(PYTHON) -m genconfig --header-path $(O)/include/generated/autoconf.h \
	  --config-out $(O)/include/config/auto.conf Kconfig
$(O)/include/generated/compile.h: $(KCONFIG_CONFIG) FORCE
	@mkdir -p $(@D)
	@{ echo '#define UTS_RELEASE "6.1.0-armmm"'; \
	   echo '#define UTS_VERSION "$(shell git describe --always --dirty 2>/dev/null || echo unknown)"'; \
	   echo '#define CC_VERSION "$(shell $(CC) --version | head -n1)"'; } > $@.tmp
	@cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@

# ---- compiling ---------------------------------------------------------------
$(LIBFDT_SRC)/libfdt.h:
	@echo "libfdt is missing from $(LIBFDT_SRC): run scripts/setup.sh (make setup)"; exit 1
$(O)/%.o: %.c $(GEN) | $(LIBFDT_SRC)/libfdt.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MMD -c -o $@ $<
$(O)/%.o: %.S $(GEN)
	@mkdir -p $(@D)
	$(CC) $(AFLAGS) -MMD -c -o $@ $<
$(O)/libfdt/%.o: $(LIBFDT_SRC)/%.c $(GEN)
	@mkdir -p $(@D)
	$(CC) $(FDT_CFLAGS) -c -o $@ $<

# The fault path keeps one frame per step (handle_pte_fault, do_anonymous_page,
# do_wp_page, ...), so `fault_trace bt` and gdb's bt name each of them: GCC
# would otherwise fold these static functions into handle_mm_fault, or
# leave a step out of the chain by jumping to the next (a sibling call), or
# rename one for a constant argument (handle_pte_fault.constprop.0).
$(O)/mm/memory.o: CFLAGS += -fno-inline-functions-called-once -fno-inline-small-functions \
	-fno-optimize-sibling-calls -fno-ipa-cp \
	-fno-inline-functions

# Code that runs before the MMU is on must not hold absolute addresses.
# fdt_earlycon.c runs there whole (head.S, MMU off): position independent,
# no unaligned accesses (all memory is Strongly-ordered with the MMU off).
$(O)/drivers/of/fdt_earlycon.o: CFLAGS += -fpie -fno-jump-tables -mno-unaligned-access \
	-fno-tree-loop-distribute-patterns
$(O)/.pre-mmu-checked: $(O)/arch/arm/kernel/phys2virt.o $(O)/drivers/of/fdt_earlycon.o
	@if $(OBJDUMP) -r -j .text.pre_mmu $< | grep -E 'R_ARM_(ABS|MOVW_ABS|MOVT_ABS|GOT)'; then \
	  echo "error: .text.pre_mmu in $< has absolute relocations (see phys2virt.c)"; exit 1; fi
	@if $(OBJDUMP) -r $(O)/drivers/of/fdt_earlycon.o | awk '/^RELOCATION RECORDS/ { sec = $$4 } \
	    sec !~ /debug/ && /R_ARM_(ABS|MOVW_ABS|MOVT_ABS|GOT|TARGET)/'  | grep .; then \
	  echo "error: fdt_earlycon.o has absolute relocations: it runs with the MMU off"; exit 1; fi
	@touch $@

# The vDSO (arch/arm/vdso): a position-independent shared object of its
# own, linked apart from the kernel and carried inside it by vdso.S's
# .incbin, as Linux's arch/arm/vdso/Makefile does (vdso.so.dbg, then
# vdso.so stripped of its symbol table).
VDSO_CFLAGS := $(ARCHFLAGS) -O2 -fPIC -ffreestanding -nostdlib -fno-stack-protector \
	       -Wall -Wextra -Werror -shared -Wl,-T,arch/arm/vdso/vdso.lds -Wl,--hash-style=sysv \
	       -Wl,-soname=linux-vdso.so.1 -Wl,-z,max-page-size=4096 -Wl,--build-id=none
$(O)/arch/arm/vdso/vdso.so.dbg: arch/arm/vdso/vgettimeofday.c arch/arm/vdso/vdso.lds
	@mkdir -p $(@D)
	$(CC) $(VDSO_CFLAGS) -o $@ $<
$(O)/arch/arm/vdso/vdso.so: $(O)/arch/arm/vdso/vdso.so.dbg
	$(OBJCOPY) -S $< $@
$(O)/arch/arm/vdso/vdso.o: arch/arm/vdso/vdso.S $(O)/arch/arm/vdso/vdso.so $(GEN)
	$(CC) $(AFLAGS) -DVDSO_IMAGE='"$(O)/arch/arm/vdso/vdso.so"' -c -o $@ $<

# ---- linking -----------------------------------------------------------------
$(O)/vmlinux.lds: arch/arm/kernel/vmlinux.lds.S $(GEN)
	$(CC) $(AFLAGS) -E -P -o $@ $<
# The symbol table is linked in (Linux's kallsyms, scripts/link-vmlinux.sh):
# link once with an empty table, generate the table from that link's nm,
# link again, generate again, and link the final vmlinux with the second
# table: its size equals the first one's (same symbols, same names), so
# the second link's addresses are the final ones. The check at the end
# proves it: the final vmlinux's own table must be the one it carries.
LINK = $(LD) -T $(O)/vmlinux.lds --no-warn-rwx-segments --no-enum-size-warning
KALLSYMS := $(PYTHON) scripts/kallsyms
$(O)/kallsyms0.S: scripts/kallsyms
	$(KALLSYMS) < /dev/null > $@
$(O)/.tmp_vmlinux1: $(OBJS) $(FDT_OBJS) $(O)/vmlinux.lds $(O)/.pre-mmu-checked $(O)/kallsyms0.o
	$(LINK) -o $@ $(OBJS) $(FDT_OBJS) $(O)/kallsyms0.o $(LIBGCC)
$(O)/kallsyms1.S: $(O)/.tmp_vmlinux1
	$(NM) -n $< | $(KALLSYMS) > $@
$(O)/.tmp_vmlinux2: $(O)/kallsyms1.o
	$(LINK) -o $@ $(OBJS) $(FDT_OBJS) $(O)/kallsyms1.o $(LIBGCC)
$(O)/kallsyms2.S: $(O)/.tmp_vmlinux2
	$(NM) -n $< | $(KALLSYMS) > $@
$(O)/vmlinux: $(O)/kallsyms2.o
	$(LINK) -Map=$(O)/vmlinux.map -o $@ $(OBJS) $(FDT_OBJS) $(O)/kallsyms2.o $(LIBGCC)
	@$(NM) -n $@ | $(KALLSYMS) | cmp -s - $(O)/kallsyms2.S || \
	  { echo "kallsyms: the final link moved symbols (table differs from build/kallsyms2.S)"; exit 1; }
$(O)/kallsyms%.o: $(O)/kallsyms%.S
	$(CC) $(AFLAGS) -c -o $@ $<
$(O)/Image: $(O)/vmlinux
	$(OBJCOPY) -O binary $< $@
$(O)/System.map: $(O)/vmlinux
	$(NM) -n $< | grep -v ' [aNUw] ' > $@
$(O)/kernel.asm: $(O)/vmlinux
	$(OBJDUMP) -S $< > $@
$(O)/zImage: $(O)/Image FORCE
	$(MAKE) -C boot/compressed IMAGE=$(abspath $(O)/Image) OUT=$(abspath $(O)/boot) \
	  CROSS_COMPILE=$(CROSS_COMPILE)
	cp $(O)/boot/zImage $@

# ---- running and testing -----------------------------------------------------
setup:
	scripts/setup.sh
# The SD-card image: U-Boot from Debian at its raw offsets, a FAT partition
# with zImage, the DTB and boot.scr (scripts/sdimage, which says the layout).
sdimage: setup
	$(MAKE) all
	$(PYTHON) scripts/sdimage --board $(SDIMAGE_BOARD) --zimage $(O)/zImage \
	  --out $(call SDIMAGE_OUT,$(SDIMAGE_BOARD)) --list
# SD-card boards boot their image (rebuilt around the new zImage).
run: setup
	$(MAKE) all
	$(if $(SDIMAGE_ARG),$(PYTHON) scripts/sdimage --board $(BOARD) --zimage $(O)/zImage \
	  --out $(call SDIMAGE_OUT,$(BOARD)))
	$(PYTHON) scripts/qemu/boot.py --board $(BOARD) --mem $(MEM) --zimage $(O)/zImage \
	  --bootargs "$(BOOTARGS)" $(SDIMAGE_ARG) --interactive
# QEMU stops at its first instruction (-S) with a gdb stub on GDB_PORT;
# `make gdb` (another terminal) loads vmlinux at its link address and at
# the board's physical alias (scripts/gdb-init) and connects.
GDB_PORT ?= 1234
qemu-gdb: setup
	$(MAKE) all
	$(if $(SDIMAGE_ARG),$(PYTHON) scripts/sdimage --board $(BOARD) --zimage $(O)/zImage \
	  --out $(call SDIMAGE_OUT,$(BOARD)))
	@echo "QEMU waits at its first instruction. In another terminal: make gdb BOARD=$(BOARD)"
	$(PYTHON) scripts/qemu/boot.py --board $(BOARD) --mem $(MEM) --zimage $(O)/zImage \
	  --bootargs "$(BOOTARGS)" $(SDIMAGE_ARG) --interactive --timeout 3600 \
	  --qemu-arg=-S --qemu-arg=-gdb --qemu-arg=tcp::$(GDB_PORT)
gdb:
	@mkdir -p $(O)
	$(PYTHON) scripts/gdb-init --board $(BOARD) --port $(GDB_PORT) --vmlinux $(O)/vmlinux > $(O)/gdbinit
	gdb-multiarch -x $(O)/gdbinit
test: setup
	$(MAKE) all $(O)/usr/launch
	$(MAKE) check-strict-types
	$(MAKE) test-host
	$(MAKE) test-qemu
# Every kernel C file must also compile with CONFIG_STRICT_MM_TYPECHECKS.
check-strict-types: $(GEN)
	@for f in $(patsubst $(O)/%.o,%.c,$(filter %.o,$(OBJS))); do \
	  [ -f $$f ] || continue; \
	  $(CC) $(CFLAGS) -DCONFIG_STRICT_MM_TYPECHECKS -fsyntax-only $$f || exit 1; \
	done; echo "strict-types: every file builds with CONFIG_STRICT_MM_TYPECHECKS"
test-host:
	$(MAKE) -C tests/host
# Benchmarks, reported not judged: host ns per alloc/free (tests/host/bench),
# then instructions under QEMU -icount shift=0 at 128M..1G (scripts/bench).
bench: setup
	$(MAKE) all
	$(MAKE) -C tests/host/bench
	$(PYTHON) scripts/bench $(BENCH_ARGS)
# Exact instruction counts of one boot, per function and per call
# (scripts/profile: a QEMU TCG plugin built at first use); KERNEL=linux
# profiles Debian's Linux 6.1 on the same board instead.
KERNEL ?= armmm
profile: setup
	$(if $(filter armmm,$(KERNEL)),$(MAKE) all)
	$(PYTHON) scripts/profile --board $(BOARD) --mem $(MEM) --kernel $(KERNEL) $(PROFILE_ARGS)
# The memory map drawn (scripts/memmap): one boot with ptdump=phases, or
# KERNEL=linux from the cached reference run (scripts/linux_ref).
memmap: setup
	$(if $(filter armmm,$(KERNEL)),$(MAKE) all)
	$(PYTHON) scripts/memmap --board $(BOARD) --mem $(MEM) --kernel $(KERNEL) \
	  --zimage $(O)/zImage --out-dir $(O)/memmap $(MEMMAP_ARGS)
# The tour's outputs (Documentation/tour.md and zh_CN/tour.md) from one boot
# (scripts/tour); tests/qemu/test_tour.py fails when they drift.
tour: setup
	$(MAKE) all
	$(PYTHON) scripts/tour
test-qemu:
	$(PYTHON) -m pytest -q tests/tools tests/qemu
clean:
	rm -rf $(O)
# The targets, as the comment at the top of this file lists them.
help:
	@sed -n '3,/^$$/s/^# \{0,1\}//p' Makefile

.PHONY: setup sdimage run qemu-gdb gdb bench profile memmap tour test test-host test-qemu check-strict-types clean help menuconfig savedefconfig FORCE
FORCE:

include scripts/compare.mk
include usr/Makefile

-include $(shell find $(O) -name '*.d' 2>/dev/null)
