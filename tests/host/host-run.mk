# tests/host/host-run.mk - how the host programs (cmocka suites, libFuzzer
# targets) are built and run: as armhf (ARM EABI) binaries, the kernel's
# own ABI, so struct layouts, sizeof(long) and 64-bit alignment are the
# target's. Included by tests/host/Makefile and tests/host/fuzz/Makefile.
#
# HOST_RUN runs one of them: nothing on a 32-bit ARM user space (an armhf
# machine, or an arm64 kernel that runs 32-bit code), else user-mode QEMU
# with the cross C library as its sysroot. HOST_RUN_ENV is the sanitizer
# options that runner needs: LeakSanitizer stops the tracer-free process
# under qemu-arm ("LeakSanitizer has encountered a fatal error"), so leak
# checking is off there; natively it stays on.
ARMHF        := arm-linux-gnueabihf
HOST_MACHINE := $(shell uname -m)
ifneq ($(filter armv7l armv8l aarch64 arm64,$(HOST_MACHINE)),)
HOST_RUN     ?=
HOST_RUN_ENV ?=
HOST_RUN_WHY := armhf binaries, run natively on this $(HOST_MACHINE) machine
else
QEMU_ARM     ?= qemu-arm
HOST_RUN_ENV ?= ASAN_OPTIONS=detect_leaks=0
HOST_RUN     ?= env $(HOST_RUN_ENV) $(QEMU_ARM) -L /usr/$(ARMHF)
HOST_RUN_WHY := armhf binaries, run by $(QEMU_ARM) on this $(HOST_MACHINE) machine
endif
