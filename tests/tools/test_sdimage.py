"""Structural checks of the SD-card images scripts/sdimage makes (no QEMU).

For each board the image is built from build/zImage (or, when there is none,
a stand-in with the zImage magic: nothing here runs the kernel) and read back
with the tools a person would use: sfdisk -J for the partition table, the
boot loader's own headers at their raw offsets (the BeagleBone MLO's table of
contents and GP header at sector 256 and the FIT u-boot.img at sector 768;
the Allwinner eGON SPL at 8 KiB and its legacy U-Boot image at +32 KiB, each
listed by mkimage -l), mdir/mcopy for the FAT partition, and boot.scr's text.

    /usr/bin/python3 -m pytest -q tests/tools/test_sdimage.py
"""

import importlib.machinery
import importlib.util
import json
import os
import re
import struct
import subprocess
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]


def _load_sdimage():
    path = TOP / "scripts" / "sdimage"
    loader = importlib.machinery.SourceFileLoader("sdimage", str(path))
    spec = importlib.util.spec_from_loader("sdimage", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


sdimage = _load_sdimage()
SECTOR = 512
PART = sdimage.PART_OFFSET
MTOOLS = dict(os.environ, MTOOLS_SKIP_CHECK="1")


def run(*cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def need_cache(board):
    b = sdimage.BOARDS[board]
    cache = sdimage.cache_dir()
    for rel in [r for r, _ in b.raw] + [b.dtb]:
        if not (cache / rel).is_file():
            pytest.skip(f"{cache / rel} missing: run scripts/setup.sh")


@pytest.fixture(scope="module")
def zimage(tmp_path_factory):
    real = TOP / "build" / "zImage"
    if real.is_file():
        return real
    # A stand-in: zImage magic 0x016f2818 at +0x24, start/end at +0x28/+0x2c.
    fake = tmp_path_factory.mktemp("zimage") / "zImage"
    data = bytearray(4096)
    struct.pack_into("<III", data, 0x24, 0x016F2818, 0, len(data))
    fake.write_bytes(bytes(data))
    return fake


@pytest.fixture(scope="module")
def images(tmp_path_factory, zimage):
    out = tmp_path_factory.mktemp("sd")
    made = {}

    def get(board):
        if board not in made:
            need_cache(board)
            made[board] = sdimage.build(board, zimage, out / f"sdimage-{board}.img")
        return made[board]
    return get


def raw_at(img, offset, size):
    with open(img, "rb") as f:
        f.seek(offset)
        return f.read(size)


def mkimage_list(data, tmp_path, name):
    p = tmp_path / name
    p.write_bytes(data)
    return run("mkimage", "-l", str(p))


def fat_files(img):
    """{name: size} of the FAT partition's root directory (mdir)."""
    out = run("mdir", "-a", "-i", f"{img}@@{PART}", "::", env=MTOOLS)
    files = {}
    for line in out.splitlines():
        # "ZIMAGE          120456 2026-12-04  21:18  zImage": long name last
        m = re.match(r"^(\S+)\s+(\S*)\s+(\d[\d ]*?)\s+\d{4}-\d\d-\d\d\s+\d+:\d+\s*(\S*)$", line)
        if m:
            short = m.group(1) + ("." + m.group(2) if m.group(2) else "")
            files[m.group(4) or short.lower()] = int(m.group(3).replace(" ", ""))
    return files


def fat_read(img, name, tmp_path):
    dst = tmp_path / ("fat-" + name)
    run("mcopy", "-n", "-i", f"{img}@@{PART}", f"::{name}", str(dst), env=MTOOLS)
    return dst.read_bytes()


def script_text(scr):
    """The text of a legacy script image (mkimage -T script): 64-byte
    header, a table of u32 BE lengths ending in 0, then the data."""
    assert struct.unpack(">I", scr[:4])[0] == 0x27051956, "not a legacy U-Boot image"
    assert scr[30] == 6, "image type is not 'script' (IH_TYPE_SCRIPT = 6)"
    n = struct.unpack(">I", scr[64:68])[0]
    assert struct.unpack(">I", scr[68:72])[0] == 0
    return scr[72:72 + n].decode()


# ---- every board: the partition table and the FAT -----------------------

@pytest.mark.parametrize("board", sorted(sdimage.BOARDS))
def test_partition_table(images, board):
    img = images(board)
    assert img.stat().st_size == 32 << 20
    assert img.stat().st_size & (img.stat().st_size - 1) == 0, "QEMU's SD model wants 2^n"
    t = json.loads(run("sfdisk", "-J", str(img)))["partitiontable"]
    assert t["label"] == "dos"
    assert t["id"] == "0x61726d6d"
    assert t["unit"] == "sectors"
    assert len(t["partitions"]) == 1
    p = t["partitions"][0]
    assert p["start"] == 8192, "the FAT partition starts at 4 MiB (u-boot-omap README.Debian)"
    assert p["size"] == (32 << 20) // SECTOR - 8192
    assert p["type"] == "e"
    assert p.get("bootable") is True, "distro boot scans the bootable partition"
    assert raw_at(img, 510, 2) == b"\x55\xaa"


@pytest.mark.parametrize("board", sorted(sdimage.BOARDS))
def test_fat_contents(images, board, zimage, tmp_path):
    img = images(board)
    b = sdimage.BOARDS[board]
    dtb = sdimage.cache_dir() / b.dtb
    files = fat_files(img)
    assert set(files) == {"zImage", dtb.name, "boot.scr", "boot.cmd"}, files
    assert files["zImage"] == zimage.stat().st_size
    assert fat_read(img, "zImage", tmp_path) == zimage.read_bytes()
    assert fat_read(img, dtb.name, tmp_path) == dtb.read_bytes()
    info = run("minfo", "-i", f"{img}@@{PART}", "::", env=MTOOLS)
    assert re.search(r"hidden sectors:\s*8192", info), info   # the partition's own start
    assert re.search(r'disk type="FAT16', info), info
    assert re.search(r"small size:\s*57344 sectors", info), info


@pytest.mark.parametrize("board", sorted(sdimage.BOARDS))
def test_boot_scr(images, board, tmp_path):
    img = images(board)
    dtb = Path(sdimage.BOARDS[board].dtb).name
    scr = fat_read(img, "boot.scr", tmp_path)
    listing = mkimage_list(scr, tmp_path, "boot.scr")
    assert "Image Type:   ARM Linux Script (uncompressed)" in listing, listing
    text = script_text(scr)
    assert text == fat_read(img, "boot.cmd", tmp_path).decode()
    assert text == sdimage.boot_cmd(board)
    src = "${devtype} ${devnum}:${distro_bootpart}"
    assert f"load {src} ${{kernel_addr_r}} zImage" in text
    assert f"load {src} ${{fdt_addr_r}} {dtb}" in text
    assert "bootz ${kernel_addr_r} - ${fdt_addr_r}" in text
    assert "setenv bootargs console=ttyS0,115200n8" in text
    assert 'if test -n "${armmm_bootargs}"; then setenv bootargs ${armmm_bootargs}' in text


# ---- BeagleBone: MLO at sector 256, u-boot.img at sector 768 -------------

def test_beaglebone_mlo(images):
    img = images("beaglebone")
    mlo = (sdimage.cache_dir() / "u-boot/am335x_boneblack/MLO").read_bytes()
    got = raw_at(img, 256 * SECTOR, len(mlo))
    assert got == mlo
    # Table of contents (AM335x TRM 26.1.10, "Configuration Header"): one
    # CHSETTINGS item at +0x40 of 12 bytes, then an all-ones terminator.
    start, size = struct.unpack_from("<II", got, 0)
    assert (start, size) == (0x40, 0x0C)
    assert got[0x14:0x20].rstrip(b"\0") == b"CHSETTINGS"
    assert got[0x20:0x40] == b"\xff" * 0x20
    assert struct.unpack_from("<I", got, 0x40)[0] == 0xC0C0C0C1   # CHSETTINGS key
    # GP header at +0x200: image size and load address in the public SRAM,
    # below the ROM's stack (0x402f0400 .. 0x4030b800: 109 KiB).
    gp_size, gp_load = struct.unpack_from("<II", got, 0x200)
    assert gp_size == len(mlo) - 0x200   # as U-Boot's omapimage writes it: the file after the TOC
    assert gp_load == 0x402F0400
    assert gp_load + gp_size <= 0x4030B800
    # Nothing else between the MBR and the MLO, or after it up to u-boot.img.
    assert raw_at(img, SECTOR, 256 * SECTOR - SECTOR) == bytes(255 * SECTOR)
    gap = 768 * SECTOR - (256 * SECTOR + len(mlo))
    assert raw_at(img, 256 * SECTOR + len(mlo), gap) == bytes(gap)


def test_beaglebone_uboot_fit(images, tmp_path):
    img = images("beaglebone")
    ub = (sdimage.cache_dir() / "u-boot/am335x_boneblack/u-boot.img").read_bytes()
    got = raw_at(img, 768 * SECTOR, len(ub))
    assert got == ub
    assert got[:4] == b"\xd0\x0d\xfe\xed", "u-boot.img is a FIT (a device tree)"
    listing = mkimage_list(got, tmp_path, "u-boot.img")
    assert "FIT description:" in listing
    assert re.search(r"Type:\s+Firmware", listing)
    assert re.search(r"OS:\s+U-Boot", listing)
    assert re.search(r"Load Address:\s+0x80800000", listing)
    assert re.search(r"Type:\s+Flat Device Tree", listing)
    end = 768 * SECTOR + len(ub)
    assert end <= PART, "u-boot.img runs into the FAT partition"
    assert raw_at(img, end, PART - end) == bytes(PART - end)


def test_beaglebone_dtb_console(images, tmp_path):
    """The DTB on the card names the AM335x UART0 as its console."""
    img = images("beaglebone")
    dtb = tmp_path / "bb.dtb"
    dtb.write_bytes(fat_read(img, "am335x-boneblack.dtb", tmp_path))
    path = run("fdtget", "-t", "s", str(dtb), "/chosen", "stdout-path").strip()
    node = path.split(":")[0]
    if not node.startswith("/"):
        node = run("fdtget", "-t", "s", str(dtb), "/aliases", node).strip()
    compat = run("fdtget", "-t", "s", str(dtb), node, "compatible").split()
    assert "ti,am3352-uart" in compat and "ti,omap3-uart" in compat, compat
    assert node.endswith("serial@0") and "target-module@9000" in node, node


# ---- Allwinner: eGON SPL at 8 KiB, legacy U-Boot image at +32 KiB ---------

SUNXI = {"orangepi-pc": ("u-boot/orangepi_plus/u-boot-sunxi-with-spl.bin", "sun8i-h3-orangepi-plus"),
         "cubieboard": ("u-boot/Cubieboard/u-boot-sunxi-with-spl.bin", "sun4i-a10-cubieboard")}


@pytest.mark.parametrize("board", sorted(SUNXI))
def test_sunxi_spl(images, board, tmp_path):
    img = images(board)
    rel, dt_name = SUNXI[board]
    spl = (sdimage.cache_dir() / rel).read_bytes()
    got = raw_at(img, 8 << 10, len(spl))
    assert got == spl
    # eGON boot header (U-Boot's include/sunxi_image.h): a branch, the magic,
    # the checksum, the length; the boot ROM checks the sum of all words
    # with the checksum field read as the stamp 0x5f0a6c39.
    assert got[4:12] == b"eGON.BT0"
    checksum, length = struct.unpack_from("<II", got, 0x0C)
    assert length % 4 == 0 and length <= 32 << 10
    words = list(struct.unpack_from(f"<{length // 4}I", got, 0))
    words[3] = 0x5F0A6C39
    assert sum(words) & 0xFFFFFFFF == checksum
    assert got[0x14:0x17] == b"SPL"
    dt_off = struct.unpack_from("<I", got, 0x20)[0]           # the SPL's DT name
    assert got[dt_off:dt_off + len(dt_name)].decode() == dt_name
    # U-Boot proper: a legacy image at +32 KiB, loaded at 0x4a000000.
    uimg = got[32 << 10:]
    listing = mkimage_list(uimg, tmp_path, "u-boot.img")
    assert "ARM U-Boot Firmware (uncompressed)" in listing, listing
    assert re.search(r"Load Address:\s+4a000000", listing)
    assert re.search(r"Entry Point:\s+4a000000", listing)
    # Only zeroes between the MBR and the SPL, and after U-Boot.
    assert raw_at(img, SECTOR, (8 << 10) - SECTOR) == bytes((8 << 10) - SECTOR)
    end = (8 << 10) + len(spl)
    assert raw_at(img, end, PART - end) == bytes(PART - end)


def test_cubieboard_uboot_proper_extracted():
    """setup.sh's u-boot.bin (what QEMU loads for cubieboard) is the payload
    of the legacy image inside Debian's u-boot-sunxi-with-spl.bin."""
    cache = sdimage.cache_dir()
    need_cache("cubieboard")
    full = (cache / "u-boot/Cubieboard/u-boot-sunxi-with-spl.bin").read_bytes()
    proper = (cache / "u-boot/Cubieboard/u-boot.bin").read_bytes()
    hdr = full[32 << 10:(32 << 10) + 64]
    magic, _, _, size, load, entry = struct.unpack(">IIIIII", hdr[:24])
    assert magic == 0x27051956 and load == entry == 0x4A000000
    assert proper == full[(32 << 10) + 64:(32 << 10) + 64 + size]


# ---- bad input: clear errors ---------------------------------------------

def test_unknown_board(tmp_path, zimage):
    r = subprocess.run(["/usr/bin/python3", str(TOP / "scripts" / "sdimage"), "--board", "rpi",
                        "--zimage", str(zimage), "--out", str(tmp_path / "x.img")],
                       capture_output=True, text=True)
    assert r.returncode == 1
    assert "unknown board 'rpi'" in r.stderr and "beaglebone" in r.stderr
    assert not (tmp_path / "x.img").exists()


def test_missing_uboot_file(tmp_path, zimage):
    cache = tmp_path / "cache"
    (cache / "dtbs").mkdir(parents=True)
    (cache / "dtbs" / "am335x-boneblack.dtb").write_bytes(b"\xd0\x0d\xfe\xed")
    with pytest.raises(sdimage.SdImageError, match=r"U-Boot file not found: .*MLO.*setup\.sh"):
        sdimage.build("beaglebone", zimage, tmp_path / "x.img", cache=cache)
    assert not (tmp_path / "x.img").exists()


def test_missing_zimage(tmp_path):
    with pytest.raises(sdimage.SdImageError, match=r"zImage not found"):
        sdimage.build("orangepi-pc", tmp_path / "nothing", tmp_path / "x.img")
