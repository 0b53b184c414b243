"""Reference dumps from Debian's real Linux, on the same QEMU board, through
the same U-Boot `bootz`, with the same -m and DTB as armmm's own runs.

    ensure(board, mem)          -> Reference, from the cache when it is there
    ensure(board, mem, True)    -> Reference, always collected afresh

What one collection does (collect()):
  1. Debian's armmp zImage from the cache (scripts/setup.sh puts it there),
     busybox-static:armhf fetched with `apt-get download` and unpacked into
     the cache, an initramfs built from it (initramfs.py) whose /init prints
     the dump set framed like armmm's `dump_all` and then idles.
  2. scripts/qemu/boot.py boots it: the zImage, DTB and initrd pre-placed in
     RAM, `bootz <zImage> <initrd>:<size> <fdt>` at the U-Boot prompt.
  3. Once /init idles, the QEMU monitor (Ctrl-A c on the muxed serial)
     saves swapper_pg_dir and every PTE page under it with `pmemsave`;
     ptdump_decode.py turns them into the kernel_page_tables text that
     Debian's config cannot print itself (no CONFIG_ARM_PTDUMP_DEBUGFS).
  4. Everything lands in $CACHE/linux-ref/<board>-<mem>/:
       dumps.txt      every dump, framed, kernel_page_tables included
       console.log    the whole serial transcript (U-Boot, Linux, /init)
       facts.json     what the comparison needs that is in no dump
       pgd.bin, pages/<pa>.bin   the raw page tables, for ptdump_decode.py
Nothing of this is ever written into the repository.

Where Linux's swapper_pg_dir is: at _text - 16 KiB, and _text is "Kernel
code" in /proc/iomem. That is PHYS_OFFSET + 0x204000 on Debian's armmp, not
PHYS_OFFSET + 0x4000: its multiplatform config enables ARCH_MESON, which
moves TEXT_OFFSET to 0x208000 (arch/arm/Makefile, textofs-$(CONFIG_ARCH_MESON)).
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "qemu"))

import frames  # noqa: E402
import initramfs  # noqa: E402
import ptdump_decode  # noqa: E402
import boot as qemu_boot  # noqa: E402  scripts/qemu/boot.py
from boards import BOARDS, cache_dir, loader_placement  # noqa: E402

# Bump when what a collection produces changes: older caches are redone.
# 2: DTB and initrd placement of QEMU-loader boots (vexpress-a15).
FORMAT = 2
BOOTARGS = "console=ttyAMA0"
BOOT_TIMEOUT = 240       # U-Boot + Linux up to the idle line; ~10 s is usual
PG_DIR_SIZE = 0x4000
PAGE_OFFSET = 0xC0000000
REQUIRED = ("/proc/iomem", "/proc/zoneinfo", "dmesg")


class RefError(RuntimeError):
    """The reference run could not be made; the message says why."""


class Reference:
    """One cached reference run: .dumps {path: text}, .facts dict, .dir."""

    def __init__(self, path):
        self.dir = Path(path)
        self.dumps = frames.parse((self.dir / "dumps.txt").read_text())
        self.facts = json.loads((self.dir / "facts.json").read_text())


def ref_dir(board, mem):
    return cache_dir() / "linux-ref" / f"{board}-{mem}"


def ensure(board, mem, refresh=False, log=print):
    """The reference for board/mem: the cached one unless refresh or it is
    missing, incomplete, of an older FORMAT or of another Debian kernel;
    else collect() it."""
    d = ref_dir(board, mem)
    if not refresh:
        try:
            ref = Reference(d)
            if ref.facts.get("format") == FORMAT and \
                    ref.facts.get("deb") == Path(os.path.realpath(linux_zimage())).name:
                return ref
        except (OSError, ValueError, RefError):
            pass
    collect(board, mem, d, log)
    return Reference(d)


# ---- inputs ------------------------------------------------------------------
def fetch_deb(pkg):
    """Path of Debian's armhf .deb of `pkg` in $CACHE/debs, downloaded with
    apt-get the first time (same place and rule as scripts/setup.sh)."""
    debs = cache_dir() / "debs"
    debs.mkdir(parents=True, exist_ok=True)

    def found():
        hits = sorted(debs.glob(f"{pkg}_*_armhf.deb"))
        return hits[-1] if hits else None

    if not found():
        r = subprocess.run(["apt-get", "download", "-q", f"{pkg}:armhf"], cwd=debs,
                           capture_output=True, text=True)
        if r.returncode or not found():
            raise RefError(f"apt-get download {pkg}:armhf failed (armhf multiarch "
                           f"enabled? run scripts/setup.sh):\n{r.stderr.strip()}")
    return found()


def busybox():
    """/bin/busybox of busybox-static:armhf, unpacked into the cache."""
    out = cache_dir() / "linux-ref" / "busybox" / "bin" / "busybox"
    if not out.is_file():
        deb = fetch_deb("busybox-static")
        tmp = Path(tempfile.mkdtemp(dir=cache_dir()))
        try:
            subprocess.run(["dpkg", "-x", str(deb), str(tmp)], check=True)
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(tmp / "bin" / "busybox", out)
        finally:
            shutil.rmtree(tmp)
    return out


def initrd():
    """The initramfs, rebuilt whenever it would come out different."""
    out = cache_dir() / "linux-ref" / "initrd.gz"
    tmp = out.with_suffix(".new")
    initramfs.build(busybox(), tmp)
    if out.is_file() and out.read_bytes() == tmp.read_bytes():
        tmp.unlink()
    else:
        tmp.replace(out)
    return out


def linux_zimage():
    z = cache_dir() / "linux" / "vmlinuz"
    if not z.is_file():
        raise RefError(f"{z} missing: run scripts/setup.sh (it fetches Debian's armmp Linux)")
    return z


# ---- facts from the dumps ----------------------------------------------------------
def iomem_range(iomem, name):
    """(start, end exclusive) of the first /proc/iomem line named `name`."""
    m = re.search(rf"^\s*([0-9a-f]+)-([0-9a-f]+) : {re.escape(name)}$", iomem, re.M)
    return (int(m[1], 16), int(m[2], 16) + 1) if m else None


def lowmem_end(zoneinfo):
    """Physical end of lowmem: the end of the last non-empty zone below
    HighMem (DMA on Debian's armmp, Normal on armmm)."""
    end = None
    for zone, body in re.findall(r"^Node \d+, zone +(\S+)\n(.*?)(?=^Node |\Z)", zoneinfo,
                                 re.M | re.S):
        spanned = re.search(r"^\s+spanned\s+(\d+)", body, re.M)
        start = re.search(r"^\s+start_pfn:\s+(\d+)", body, re.M)
        if zone in ("HighMem", "Movable") or not spanned or not int(spanned[1]) or not start:
            continue
        end = (int(start[1]) + int(spanned[1])) << 12
    return end


def kernel_output(console):
    """What the kernel printed: the transcript after U-Boot's "Starting
    kernel ...", or all of it when QEMU's loader started the kernel
    (vexpress-a15: no U-Boot ran)."""
    return console[max(console.find("Starting kernel ..."), 0):]


def uboot_placement(console):
    """Where U-Boot put the DTB (and initrd) it passed on: {"dtb": [start,
    end excl.], "initrd": [...]}; from its "Loading Device Tree to <start>,
    end <end>" lines (or "Using Device Tree in place at ...")."""
    out = {}
    for what, key in (("Device Tree", "dtb"), ("Ramdisk", "initrd")):
        m = re.search(rf"(?:Loading {what} to|Using {what} in place at) ([0-9a-f]+), "
                      rf"end ([0-9a-f]+)", console)
        if m:
            out[key] = [int(m[1], 16), int(m[2], 16) + 1]
    return out


# ---- the run -------------------------------------------------------------------------
class _Monitor:
    """The QEMU monitor on the muxed stdio of a pexpect child."""
    PROMPT = "(qemu) "

    def __init__(self, child):
        self.child = child
        child.send("\x01c")                     # Ctrl-A c: serial -> monitor
        child.expect_exact(self.PROMPT, timeout=20)

    def cmd(self, line, timeout=30):
        self.child.sendline(line)
        self.child.expect_exact(self.PROMPT, timeout=timeout)
        # The monitor echoes the command (with terminal escapes); what
        # follows the echo is its answer, empty when all went well.
        out = self.child.before.replace("\r", "")
        answer = out.split("\n", 1)[1].strip() if "\n" in out else ""
        if answer:
            raise RefError(f"QEMU monitor: '{line}' said: {answer}")

    def pmemsave(self, pa, size, path):
        self.cmd(f'pmemsave {pa:#x} {size} "{path}"')

    def quit(self):
        self.child.sendline("quit")
        self.child.expect([qemu_boot.pexpect.EOF, qemu_boot.pexpect.TIMEOUT], timeout=20)


def collect(board, mem, out_dir, log=print):
    """Boot Debian's Linux on board/mem and write the reference into
    out_dir (replaced as a whole only when the run succeeded)."""
    if board not in BOARDS:
        raise RefError(f"unknown board {board}; known: {', '.join(sorted(BOARDS))}")
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    (work / "pages").mkdir()
    zimage, rd = linux_zimage(), initrd()
    how = ("QEMU's loader (-kernel; U-Boot has no config for this board)"
           if BOARDS[board].loader == "qemu" else "U-Boot bootz")
    log(f"linux-ref: booting Debian's Linux ({zimage.resolve().name}) on {board} -m {mem} "
        f"through {how} ...")
    t0 = time.monotonic()
    transcript = _Log(work / "console.log")
    try:
        child = qemu_boot.boot(board, mem, str(zimage), bootargs=BOOTARGS, initrd=str(rd),
                               logfile=transcript, echo_cmd=False, timeout=60)
    except qemu_boot.BootError as e:
        shutil.rmtree(work)
        raise RefError(f"U-Boot did not start Linux: {e}") from e
    try:
        i = child.expect([initramfs.IDLE_LINE, r"Kernel panic[^\n]*", qemu_boot.pexpect.EOF,
                          qemu_boot.pexpect.TIMEOUT], timeout=BOOT_TIMEOUT)
        if i != 0:
            what = {1: f"Linux panicked: {child.after}", 2: "QEMU exited",
                    3: f"no '{initramfs.IDLE_LINE}' after {BOOT_TIMEOUT}s"}[i]
            raise RefError(f"{what}; see {out_dir}.console.log.failed")
        console = transcript.text()
        dumps = frames.parse(kernel_output(console))
        missing = [p for p in REQUIRED if p not in dumps]
        if missing:
            raise RefError(f"Linux's /init printed no {', '.join(missing)}")
        facts = _facts(board, mem, console, dumps)
        if BOARDS[board].loader == "qemu":
            # no U-Boot: QEMU's loader placed both, by its own rules
            facts["uboot"] = loader_placement(board, mem, cache_dir() / BOARDS[board].dtb,
                                              rd.stat().st_size)
        # U-Boot says nothing when it leaves the initrd where QEMU put it
        # (virt: initrd_high=0xffffffff).
        facts["uboot"].setdefault("initrd", [BOARDS[board].initrd_addr,
                                             BOARDS[board].initrd_addr + rd.stat().st_size])
        child.logfile_read = None           # monitor chatter stays out of console.log
        mon = _Monitor(child)
        pgd_file = work / "pgd.bin"
        mon.pmemsave(facts["swapper_pg_dir"], PG_DIR_SIZE, pgd_file)
        pgd = ptdump_decode.words(_wait_file(pgd_file, PG_DIR_SIZE))
        lowmem0 = pgd[PAGE_OFFSET >> 20]
        if lowmem0 & ptdump_decode.PMD_TYPE_MASK != ptdump_decode.PMD_TYPE_SECT or \
                lowmem0 & ptdump_decode.PMD_SECT_BASE_MASK != facts["phys_offset"]:
            raise RefError(f"swapper_pg_dir at {facts['swapper_pg_dir']:#x} does not map "
                           f"PAGE_OFFSET to PHYS_OFFSET {facts['phys_offset']:#x} with a "
                           f"section (entry {lowmem0:#010x}): wrong page directory?")
        for pa in ptdump_decode.table_pages(pgd):
            mon.pmemsave(pa, ptdump_decode.PAGE_SIZE, work / "pages" / f"{pa:08x}.bin")
        pages = ptdump_decode.PageDir(work / "pages")
        for pa in ptdump_decode.table_pages(pgd):
            _wait_file(work / "pages" / f"{pa:08x}.bin", ptdump_decode.PAGE_SIZE)
        mon.quit()
    except BaseException:
        child.terminate(force=True)
        transcript.close()
        failed = out_dir.parent / f"{out_dir.name}.console.log.failed"
        shutil.copy2(work / "console.log", failed)
        shutil.rmtree(work)
        raise
    transcript.close()
    child.terminate(force=True)
    facts["pte_pages"] = len(ptdump_decode.table_pages(pgd))
    facts["hw_check"] = ptdump_decode.hw_check(pgd, pages)
    facts["seconds"] = round(time.monotonic() - t0, 1)
    ptdump = ptdump_decode.walk(pgd, pages, facts["vmalloc_start"])
    text = "".join(frames.frame(p, dumps[p]) for p in frames.DUMP_PATHS if p in dumps and
                   not p.endswith("kernel_page_tables"))
    text += frames.frame("/sys/kernel/debug/kernel_page_tables", ptdump)
    (work / "dumps.txt").write_text(text)
    (work / "facts.json").write_text(json.dumps(facts, indent=1) + "\n")
    if out_dir.exists():
        shutil.rmtree(out_dir)
    work.rename(out_dir)
    log(f"linux-ref: {out_dir} ({facts['seconds']}s; {facts['pte_pages']} PTE pages decoded)")


def _facts(board, mem, console, dumps):
    """What the comparison needs beyond the dumps, derived from them."""
    code = iomem_range(dumps["/proc/iomem"], "Kernel code")
    data = iomem_range(dumps["/proc/iomem"], "Kernel data")
    ram = iomem_range(dumps["/proc/iomem"], "System RAM")
    if not code or not ram:
        raise RefError("/proc/iomem has no 'Kernel code' or 'System RAM'")
    # Linux's decompressor (AUTO_ZRELADDR) runs the kernel at RAM start +
    # TEXT_OFFSET, so PHYS_OFFSET is the RAM start; collect() checks it
    # against the L1 entry that maps PAGE_OFFSET.
    phys_offset = ram[0]
    lowend = lowmem_end(dumps["/proc/zoneinfo"])
    if lowend is None:
        raise RefError("/proc/zoneinfo has no lowmem zone")
    high_memory = PAGE_OFFSET + (lowend - phys_offset)
    version = re.search(r"Linux version (\S+) .*?(#\d+ .*)$", dumps["dmesg"], re.M)
    return {
        "format": FORMAT,
        "board": board, "mem": mem, "bootargs": BOOTARGS,
        "linux": version[1] if version else "?",
        "linux_build": version[2].strip() if version else "?",
        "deb": Path(os.path.realpath(linux_zimage())).name,
        "phys_offset": phys_offset,
        "text_offset": code[0] - phys_offset,
        "swapper_pg_dir": code[0] - PG_DIR_SIZE,
        "kernel_code": list(code), "kernel_data": list(data) if data else None,
        "lowmem_end": lowend,
        "high_memory": high_memory,
        "vmalloc_start": ptdump_decode.vmalloc_start(high_memory),
        "uboot": uboot_placement(console),
        "collected": time.strftime("%Y-%m-%d %H:%M:%S"),
    }


def _wait_file(path, size, timeout=10):
    """pmemsave returns before the file may be complete on a busy host."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.is_file() and path.stat().st_size == size:
            return path.read_bytes()
        time.sleep(0.02)
    raise RefError(f"pmemsave wrote no {size}-byte {path}")


class _Log:
    """pexpect logfile_read target: the transcript in memory (\\r removed)
    and in a file."""

    def __init__(self, path):
        self.f = open(path, "w", encoding="utf-8")
        self.parts = []

    def write(self, s):
        s = s.replace("\r", "")
        self.parts.append(s)
        self.f.write(s)

    def flush(self):
        self.f.flush()

    def text(self):
        return "".join(self.parts)

    def close(self):
        if not self.f.closed:
            self.f.close()
