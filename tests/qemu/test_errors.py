"""Bad input gets a clear error on the UART when one is known (Kconfig's
DEBUG_LL, or the DTB's stdout-path / console=), else a silent park that
touches nothing: each test
provokes one failure on purpose, allows exactly that bad pattern, and checks
the message names the problem and its values."""

import os
import re
import socket
import subprocess

import pexpect
import pytest

from boards import BOARDS
from kernel import TOP, strip_stamps, system_map

A9_RAM = BOARDS["vexpress-a9"].ram_base


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def quiet_for(con, seconds):
    """Everything the board printed in `seconds` (QEMU kept running)."""
    i = con.child.expect([pexpect.TIMEOUT, pexpect.EOF], timeout=seconds)
    assert i == 0, "QEMU exited"
    return con.child.before


def test_no_dtb_in_r2(boot):
    """QEMU's loader without -dtb enters the kernel with ATAGs in r2. With no
    DTB there is no fact about any UART (and this defconfig has no
    DEBUG_LL): the kernel parks in __park_dtb_bad_magic without touching a
    UART, so nothing at all appears, not even from the zImage wrapper."""
    con = boot("vexpress-a9", no_fdt=True)
    out = quiet_for(con, 8)
    assert "Uncompressing" not in out and "Booting Linux" not in out, out


def test_dtb_corrupted_magic(boot, tmp_path):
    """A real DTB in r2 whose magic is corrupted after QEMU loaded it (through
    the gdb stub, before the first instruction runs): as with no DTB, the
    UART it named is no longer a fact, so nothing is printed and the kernel
    never reaches start_kernel."""
    port = free_port()
    dtb_addr = A9_RAM + (128 << 20)                   # QEMU's -dtb place for -m 512M
    con = boot("vexpress-a9", direct=True, bootargs="console=ttyAMA0",
               extra=["-gdb", f"tcp:127.0.0.1:{port}", "-S"])
    gdb = subprocess.run(
        ["gdb-multiarch", "-nx", "-batch", "-ex", "set architecture arm",
         "-ex", f"target remote 127.0.0.1:{port}",
         "-ex", f"set {{unsigned int}}{dtb_addr:#x} = 0xefbeadde",   # bytes de ad be ef
         "-ex", "detach"], capture_output=True, text=True, timeout=60)
    assert gdb.returncode == 0, gdb.stderr
    out = quiet_for(con, 8)
    assert "Booting Linux" not in out and "Error" not in out, out


def test_stdout_path_names_a_uart_we_do_not_drive(boot, tmp_path):
    """virt's DTB with its PL011's compatible changed: stdout-path now names
    a UART we do not drive, so neither the wrapper nor head.S nor the
    console driver may touch it, and no other UART exists to complain on:
    the board stays silent (and QEMU keeps running)."""
    dtb = tmp_path / "virt-unknown-uart.dtb"
    subprocess.run(["qemu-system-arm", "-M", f"virt,dumpdtb={dtb}", "-cpu", "cortex-a15",
                    "-m", "1G", "-nic", "none", "-nographic"], check=True,
                   capture_output=True, timeout=60)
    node = subprocess.run(["fdtget", str(dtb), "/chosen", "stdout-path"], check=True,
                          capture_output=True, text=True).stdout.strip()
    subprocess.run(["fdtput", "-t", "s", str(dtb), node, "compatible", "acme,secret-uart"],
                   check=True)
    con = boot("virt", direct=True, dtb=str(dtb), bootargs="")
    out = quiet_for(con, 8)
    assert "Uncompressing" not in out and "Booting Linux" not in out, out


def test_misaligned_phys_offset(boot):
    """The raw Image (not the zImage) loaded by QEMU at RAM + 0x10000 runs at
    PHYS_OFFSET + 0x8000 only if PHYS_OFFSET = RAM + 0x8000: not 2 MiB aligned.
    Expect head.S to reject it by value, on the UART console= names."""
    con = boot("vexpress-a9", direct=True, bootargs="console=ttyAMA0",
               image=str(TOP / "build" / "Image"))
    con.allow("Error:")
    m = con.expect(r"Error: PHYS_OFFSET 0x([0-9a-f]{8}) not aligned: it must be a multiple of 2 MiB")
    assert int(m[1], 16) == A9_RAM + 0x8000


def test_data_abort_is_reported(boot):
    """A read of an unmapped kernel address (0x00001000: nothing is mapped
    below PAGE_OFFSET but the identity section). Expect Linux's oops with
    the address, the PC inside cmd_peek, and the console back at its
    prompt (the command is killed, not the kernel)."""
    con = boot("vexpress-a9", bootargs="console=ttyAMA0")
    con.allow("Unable to handle", "Internal error", "abort")
    log = strip_stamps(con.run("peek 0x1000"))
    assert "Unable to handle kernel paging request at virtual address 00001000 when read" in log
    pc = int(re.search(r"^pc : \[<([0-9a-f]{8})>\]", log, re.M)[1], 16)
    syms = system_map()
    assert syms["cmd_peek"] <= pc < syms["cmd_peek"] + 0x100
    # DFSR status 0x05: translation fault, section (ARMv7 ARM B3.13.3)
    assert "Internal error: Oops: 5 [#1] ARM" in log
    assert "[00001000] *pgd=00000000" in log
    assert "Kernel panic" not in con.log
    assert con.run("help")


def test_boot_fault_panics(boot):
    """oops=panic makes any oops Linux's "Fatal exception" panic; panic=-1
    restarts at once (QEMU -no-reboot exits)."""
    con = boot("vexpress-a9", bootargs="console=ttyAMA0 oops=panic panic=-1")
    con.allow("Unable to handle", "Internal error", "abort", "Kernel panic")
    con.run("help")
    con.send("lkdtm ACCESS_NULL\r")
    con.expect(r"Kernel panic - not syncing: Fatal exception")
    con.wait_exit(timeout=60)


def test_fault_during_boot_panics(boot):
    """A fault before the shell (lkdtm.cpoint_type= runs the case from
    start_kernel) is a fault of the idle task: expect Linux's oops, then its
    panic line for that, "Attempted to kill the idle task!", no prompt, and
    with panic=-1 a restart at once (QEMU -no-reboot exits)."""
    con = boot("vexpress-a9", bootargs="console=ttyAMA0 lkdtm.cpoint_type=ACCESS_NULL panic=-1")
    con.allow("Unable to handle", "Internal error", "abort", "Kernel panic")
    out = con.read_until("Kernel panic - not syncing: Attempted to kill the idle task!")
    assert "lkdtm: Performing direct entry ACCESS_NULL at boot" in out
    assert "Unable to handle kernel NULL pointer dereference at virtual address 00000000" in out
    assert "armmm# " not in out
    con.wait_exit(timeout=60)


def test_no_usable_memory(boot):
    """mem=0 takes away all the DTB's memory and adds none. Expect the clear
    error, with the DTB's address, and no paging_init (nothing is mapped)."""
    con = boot("vexpress-a9", bootargs="console=ttyAMA0 mem=0")
    con.allow("Error:")
    m = con.expect(r"Error: DTB at phys 0x([0-9a-f]{8}): no usable memory")
    assert A9_RAM <= int(m[1], 16) < A9_RAM + (512 << 20)
    log = strip_stamps(con.log)
    assert "Zone ranges:" not in log and "Memory:" not in log
