# tests/host/host-run.mk - how the host programs (cmocka suites, libFuzzer
# targets) are run. They are armhf (ARM EABI) binaries, the kernel's own
# ABI, so struct layouts, sizeof(long) and the 8-byte alignment of u64 are
# the target's. Included by tests/host/Makefile and tests/host/fuzz/Makefile.
#
# On a 32-bit ARM user space (an armhf machine, or an arm64 kernel that runs
# 32-bit code) they run as they are. Anywhere else user-mode QEMU runs them,
# with the cross C library as its sysroot; $(call host_run,OPTS) is then
# "env ASAN_OPTIONS=OPTS qemu-arm -L ...", OPTS being what the sanitizer
# runtime needs under qemu-arm (each Makefile says which and why), and
# nothing natively.
ARMHF        := arm-linux-gnueabihf
HOST_MACHINE := $(shell uname -m)
ifneq ($(filter armv7l armv8l aarch64 arm64,$(HOST_MACHINE)),)
HOST_QEMU    :=
HOST_RUN_WHY := armhf binaries, run natively on this $(HOST_MACHINE) machine
else
QEMU_ARM     ?= qemu-arm
HOST_QEMU    := $(QEMU_ARM) -L /usr/$(ARMHF)
HOST_RUN_WHY := armhf binaries, run by $(QEMU_ARM) on this $(HOST_MACHINE) machine
endif
host_run = $(if $(HOST_QEMU),env ASAN_OPTIONS=$(1) $(HOST_QEMU))
