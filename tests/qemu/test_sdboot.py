"""The SD-card boot flow, for real: Debian's U-Boot boots armmm from the
image scripts/sdimage makes, on the two QEMU boards that can boot a card.

  orangepi-pc  QEMU's H3 boot ROM model runs the eGON SPL from the card at
               8 KiB (Debian's orangepi_plus build: same SoC), the SPL sets up
               DRAM and loads U-Boot proper from +32 KiB.
  cubieboard   QEMU 7.2 has no A10 boot ROM: U-Boot proper (taken out of
               Debian's Cubieboard u-boot-sunxi-with-spl.bin) is started by
               QEMU's generic loader, then boots the card.

U-Boot's distro boot finds /boot.scr on the bootable FAT partition, which
loads zImage and the DTB and runs bootz: the same mechanism the BeagleBone
image uses on hardware (no QEMU machine has an AM335x). Then our kernel:
PHYS_OFFSET 0x40000000, the banner, the console on the DesignWare 8250 at
0x01c28000 named by the DTB's stdout-path, a dump at the prompt.
"""

import re
from pathlib import Path

import pytest

from boards import BOARDS
from kernel import strip_stamps

TOP = Path(__file__).resolve().parents[2]
SD_BOARDS = ["orangepi-pc", "cubieboard"]

# What U-Boot prints on the way, per board (in this order).
UBOOT_LINES = {
    "orangepi-pc": ["U-Boot SPL 2023.01", "DRAM: 1024 MiB", "Trying to boot from MMC1",
                    "\nU-Boot 2023.01", "CPU:   Allwinner H3", "DRAM:  1 GiB"],
    "cubieboard": ["\nU-Boot 2023.01", "CPU:   Allwinner A10", "Model: Cubietech Cubieboard",
                   "DRAM:  1 GiB"],
}
DTB = {"orangepi-pc": "sun8i-h3-orangepi-pc.dtb", "cubieboard": "sun4i-a10-cubieboard.dtb"}


def _has_8250_earlycon():
    """The kernel drives the Allwinner UART (snps,dw-apb-uart) only with the
    DTB early console and the 8250 driver (issue 14 items 1-2)."""
    fdt = TOP / "drivers" / "of" / "fdt_earlycon.c"
    uart = TOP / "drivers" / "tty" / "serial" / "uart-console.c"
    return fdt.is_file() and uart.is_file() and "snps,dw-apb-uart" in (
        fdt.read_text() + uart.read_text())


needs_8250 = pytest.mark.skipif(
    not _has_8250_earlycon(),
    reason="needs the DTB early console and the 8250/DesignWare console "
           "(branch s14-earlycon, issue 14 items 1-2), not merged here yet")


def _in_order(text, lines):
    at = 0
    for line in lines:
        i = text.find(line, at)
        assert i >= 0, f"{line!r} not found (after offset {at})"
        at = i + len(line)


@pytest.mark.parametrize("board", SD_BOARDS)
def test_sdboot_uboot_distro_boot(boot, board, zimage):
    """Autoboot untouched (what `make run BOARD=...` does): U-Boot finds
    boot.scr on the card, which loads zImage and the DTB to
    ${kernel_addr_r}/${fdt_addr_r} and runs bootz with its default command
    line; with the 8250 console in, on to the prompt."""
    con = boot(board, mem="1G", bootargs="")
    log = con.log.replace("\r", "")
    _in_order(log, UBOOT_LINES[board] + [
        "Hit any key to stop autoboot",
        "Scanning mmc 0:1...",
        "Found U-Boot script /boot.scr",
        "## Executing script at 43100000",
        f"armmm: zImage -> 0x42000000, {DTB[board]} -> 0x43000000, "
        "bootargs: console=ttyS0,115200n8",
        f"{zimage.stat().st_size} bytes read",
        "Kernel image @ 0x42000000",
        "## Flattened Device Tree blob at 43000000",
        "Starting kernel ...",
    ])
    assert "armmm: boot.scr failed" not in log
    if _has_8250_earlycon():
        con.expect(r"armmm# ", timeout=60)
        assert "Kernel command line: console=ttyS0,115200n8\n" in strip_stamps(con.log)


@needs_8250
@pytest.mark.parametrize("board", SD_BOARDS)
def test_sdboot_to_prompt(boot, board):
    """Autoboot interrupted, armmm_bootargs set, `boot`: boot.scr passes our
    command line; the kernel finds RAM at 0x40000000 and its console on the
    8250 at 0x01c28000 from the DTB, and answers at the prompt."""
    b = BOARDS[board]
    con = boot(board, mem="1G", bootargs="console=ttyS0,115200n8 memblock=debug")
    log = con.log.replace("\r", "")
    assert "armmm: zImage -> 0x42000000" in log
    assert "bootargs: console=ttyS0,115200n8 memblock=debug" in log
    con.expect(r"armmm# ", timeout=60)
    log = strip_stamps(con.log)
    assert "Booting Linux on physical CPU 0x0" in log
    assert "PHYS_OFFSET: 0x40000000 (__pv_phys_pfn_offset 0x40000, __pv_offset 0x80000000)" in log
    assert "Kernel command line: console=ttyS0,115200n8 memblock=debug" in log
    assert re.search(rf"ttyS0 at MMIO 0x{b.uart:08x}\b", log), "console not on the DTB's UART"
    iomem = con.run("cat /proc/iomem")
    assert re.search(r"^40000000-7fffffff : System RAM$", iomem.replace("\r", ""), re.M), iomem
