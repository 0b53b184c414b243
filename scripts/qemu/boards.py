"""The QEMU boards armmm boots on, and how to start QEMU for each.

One table (BOARDS) holds every per-board fact; qemu_command() turns a row
into a QEMU command line. See docs in design.md section 5. RAM base and UART
are listed here for humans and tests to check against the DTB -- the kernel
itself must discover them from the DTB at run time.

Pre-placed images: QEMU's generic loader (-device loader,...,force-raw=on)
writes the zImage and DTB into RAM at reset, so U-Boot needs no storage or
network to load them; `bootz` then starts the kernel as on real hardware.
Rules for those addresses:
  - zImage within the first 128 MiB of RAM: Linux's decompressor (and ours)
    guesses PHYS_OFFSET by rounding its own address down to 128 MiB.
  - clear of what U-Boot uses: its defaults kernel_addr_r (RAM+1 MiB) and
    fdt_addr_r (RAM+0), and its relocated self at the top of RAM (~21 MiB on
    vexpress-a9, ~34 MiB on virt).
  - clear of the decompressed kernel at RAM+32 KiB, so the decompressor
    never has to move itself: RAM+32 MiB leaves a 32 MiB Image room.
  - the DTB after the zImage (16 MiB room for the zImage), still below
    64 MiB so a -m 128M run keeps it far from U-Boot at the top.
  - an initrd (only the Linux reference runs use one) after the DTB at
    RAM+56 MiB, 8 MiB room, also below 64 MiB; `bootz` passes it to the
    kernel as a raw initrd (<addr>:<size>).
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

MiB = 1 << 20


def cache_dir() -> Path:
    """The setup cache (same rule as scripts/setup.sh --print-cache)."""
    env = os.environ.get("ARMMM_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "armmm"


@dataclass(frozen=True)
class Board:
    name: str
    machine: list          # -M/-cpu arguments
    default_mem: str       # QEMU -m value
    ram_base: int          # PHYS_OFFSET the kernel should discover
    uart: int              # console UART base the kernel should discover
    loader: str            # "u-boot-elf" (-kernel u-boot), "u-boot-bios" (-bios), "qemu" (-kernel zImage),
                           # "sd" (SPL + U-Boot from the SD card), "sd-uboot" (U-Boot via the
                           # generic loader, kernel from the SD card): see above
    firmware: str = ""     # path relative to the cache
    dtb: str = ""          # default DTB relative to the cache; "" = QEMU/U-Boot provide one
    zimage_addr: int = 0   # pre-placed zImage (U-Boot boards)
    dtb_addr: int = 0      # pre-placed DTB (U-Boot boards with a file DTB)
    initrd_addr: int = 0   # pre-placed initrd (U-Boot boards), see above
    extra: list = field(default_factory=list)  # board-specific QEMU args
    firmware_addr: int = 0  # "sd-uboot": where U-Boot proper is loaded and entered
    uart_type: str = "pl011"  # "pl011" or "8250" (16550-style, reg-shift 2 here)

    @property
    def sd(self):
        """True if the kernel comes from an SD-card image (scripts/sdimage)."""
        return self.loader in ("sd", "sd-uboot")


BOARDS = {
    "vexpress-a9": Board(
        name="vexpress-a9",
        machine=["-M", "vexpress-a9"],
        default_mem="512M",
        ram_base=0x60000000,
        uart=0x10009000,
        # U-Boot's vexpress_ca9x4 is linked to run at 0x60800000 and is not
        # position independent: QEMU's ELF loader puts it there and jumps
        # to its entry. (-bios u-boot.bin loads it at flash 0 and hangs.)
        loader="u-boot-elf",
        firmware="u-boot/vexpress_ca9x4/u-boot",
        dtb="dtbs/vexpress-v2p-ca9.dtb",
        zimage_addr=0x60000000 + 32 * MiB,
        dtb_addr=0x60000000 + 48 * MiB,
        initrd_addr=0x60000000 + 56 * MiB,
    ),
    "virt": Board(
        name="virt",
        machine=["-M", "virt", "-cpu", "cortex-a15"],
        default_mem="1G",
        ram_base=0x40000000,
        uart=0x09000000,
        # QEMU writes its generated DTB to RAM base for -bios boots; U-Boot
        # adopts it as its control DT ($fdtcontroladdr) and, since its env
        # has fdt_high=0xffffffff, passes it to bootz without moving it.
        loader="u-boot-bios",
        firmware="u-boot/qemu_arm/u-boot.bin",
        zimage_addr=0x40000000 + 32 * MiB,
        dtb_addr=0x40000000 + 48 * MiB,  # only used when a --dtb file is given
        initrd_addr=0x40000000 + 56 * MiB,
        # The default virtio NIC needs efi-virtio.rom (package ipxe-qemu);
        # nothing here uses a network.
        extra=["-nic", "none"],
    ),
    "vexpress-a15": Board(
        name="vexpress-a15",
        machine=["-M", "vexpress-a15"],
        default_mem="1G",
        ram_base=0x80000000,
        uart=0x1c090000,
        # U-Boot 2023.01 has no config for this board; QEMU's own loader
        # enters the zImage with the same r0=0, r1=machine, r2=DTB contract.
        loader="qemu",
        dtb="dtbs/vexpress-v2p-ca15-tc1.dtb",
    ),
    # Allwinner H3, Cortex-A7 x4. The machine has 1 GiB; QEMU's boot ROM
    # model runs the SPL of Debian's orangepi_plus (same H3) from the card.
    "orangepi-pc": Board(
        name="orangepi-pc",
        machine=["-M", "orangepi-pc"],
        default_mem="1G",
        ram_base=0x40000000,
        uart=0x01c28000,
        uart_type="8250",
        loader="sd",
        dtb="dtbs/sun8i-h3-orangepi-pc.dtb",
    ),
    # Allwinner A10, Cortex-A8 (UP, like the BeagleBone's AM335x).
    "cubieboard": Board(
        name="cubieboard",
        machine=["-M", "cubieboard"],
        default_mem="1G",
        ram_base=0x40000000,
        uart=0x01c28000,
        uart_type="8250",
        loader="sd-uboot",
        firmware="u-boot/Cubieboard/u-boot.bin",
        firmware_addr=0x4a000000,
        dtb="dtbs/sun4i-a10-cubieboard.dtb",
    ),
}

# Every run: serial (muxed with the monitor, so Ctrl-A x quits) on stdio, no
# reboot loops, and a silent null audio backend -- the vexpress boards have a
# PL041, and without this QEMU probes ALSA/PulseAudio and prints errors.
COMMON = ["-nographic", "-no-reboot",
          "-audiodev", "none,id=snd0", "-global", "pl041.audiodev=snd0"]


def mem_bytes(mem):
    """QEMU's -m string ("512M", "1G") in bytes."""
    units = {"M": MiB, "G": 1024 * MiB}
    return int(mem[:-1]) * units[mem[-1].upper()] if mem[-1].upper() in units else int(mem) * MiB


def loader_placement(board, mem, dtb, initrd_size=0):
    """Where QEMU's own loader (-kernel, no U-Boot) puts the initrd and the
    DTB, by QEMU 7.2's rules: the initrd at RAM + min(RAM / 2, 128 MiB), page
    aligned (hw/arm/boot.c, arm_setup_direct_kernel_boot); the DTB right
    after it, 4 KiB aligned, opened into 2 x (file size + 10000) bytes to
    leave room for QEMU's own edits (device_tree.c, load_device_tree): the
    size both kernels see in its header and reserve. Returns
    {"dtb": [start, end), "initrd": [start, end)} ("initrd" only if any)."""
    b = BOARDS[board] if isinstance(board, str) else board
    rd = b.ram_base + min(mem_bytes(mem or b.default_mem) // 2, 128 * MiB)
    rd = (rd + 0xFFF) & ~0xFFF
    dtb_start = (rd + initrd_size + 0xFFF) & ~0xFFF
    out = {"dtb": [dtb_start, dtb_start + 2 * (os.path.getsize(dtb) + 10000)]}
    if initrd_size:
        out["initrd"] = [rd, rd + initrd_size]
    return out


def qemu_command(board, mem=None, zimage=None, dtb=None, bootargs="",
                 icount=False, extra=(), direct=False, initrd=None, sdimage=None):
    """Return the QEMU argv that boots `board` up to U-Boot, with zimage/dtb
    (and initrd, if given) pre-placed at the board's addresses. dtb=None
    means the board's default DTB, dtb="" none. For the "qemu" loader, or
    direct=True, QEMU itself starts `zimage` (with -dtb if any, else ATAGs
    in r2; with -initrd if any) and no U-Boot runs. SD-card boards
    ("sd", "sd-uboot") take the card image `sdimage` instead of zimage/dtb."""
    b = BOARDS[board] if isinstance(board, str) else board
    cache = cache_dir()
    cmd = ["qemu-system-arm", *b.machine, "-m", mem or b.default_mem, *COMMON, *b.extra]
    if icount:
        # Deterministic instruction counting: 1 insn = 1 ns of virtual time.
        cmd += ["-icount", "shift=0,sleep=off"]
    if dtb is None and b.dtb:
        dtb = cache / b.dtb
    if b.loader == "qemu" or direct:
        cmd += ["-kernel", str(zimage)]
        if dtb:
            cmd += ["-dtb", str(dtb)]
        if initrd:
            cmd += ["-initrd", str(initrd)]
        cmd += ["-append", bootargs]
    elif b.sd:
        if not sdimage:
            raise ValueError(f"board {b.name} boots from an SD-card image: pass sdimage")
        # -drive, not -sd: format=raw keeps QEMU from probing (and then
        # refusing writes to) block 0; snapshot=on keeps the file unchanged.
        cmd += ["-drive", f"if=sd,format=raw,snapshot=on,file={sdimage}"]
        if b.loader == "sd-uboot":
            cmd += ["-device", f"loader,file={cache / b.firmware},addr={b.firmware_addr:#x},"
                    "force-raw=on",
                    "-device", f"loader,addr={b.firmware_addr:#x},cpu-num=0"]
    else:
        flag = "-kernel" if b.loader == "u-boot-elf" else "-bios"
        cmd += [flag, str(cache / b.firmware)]
        if zimage:
            cmd += ["-device", f"loader,file={zimage},addr={b.zimage_addr:#x},force-raw=on"]
        if dtb and b.dtb_addr:
            cmd += ["-device", f"loader,file={dtb},addr={b.dtb_addr:#x},force-raw=on"]
        if initrd:
            cmd += ["-device", f"loader,file={initrd},addr={b.initrd_addr:#x},force-raw=on"]
    return cmd + list(extra)
