"""Symbols for the profile: armmm's from build/System.map, Debian Linux's
from its own /proc/kallsyms.

Debian's linux-image package carries only a stub System.map ("The real
System.map is in the linux-image-<version>-dbg package", a download of
several hundred MiB). The running kernel knows its symbols anyway: one
boot of the reference Linux with a tiny initramfs whose /init prints
/proc/kallsyms (kptr_restrict is 0 there: nothing set it) gives them, and
they are cached per kernel version. ARM has no KASLR, so one table serves
every board.
"""

import bisect
import gzip
import re
import stat
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "qemu"))
sys.path.insert(0, str(HERE.parent / "linux_ref"))
sys.path.insert(0, str(HERE.parent))

BEGIN, END = "--- BEGIN /proc/kallsyms ---", "--- END /proc/kallsyms ---"
INIT = f"""#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
echo 1 > /proc/sys/kernel/printk
echo "{BEGIN}"
/bin/busybox cat /proc/kallsyms
echo "{END}"
/bin/busybox poweroff -f
"""
TEXT_TYPES = set("tTwW")


class Symbols:
    """Text symbols, sorted: name_at(pc) is the function holding pc."""

    def __init__(self, pairs):
        pairs = sorted(pairs)
        self.addrs = [a for a, _ in pairs]
        self.names = [n for _, n in pairs]
        self.by_name = {n: a for a, n in pairs}

    def add(self, addr, name):
        i = bisect.bisect_left(self.addrs, addr)
        self.addrs.insert(i, addr)
        self.names.insert(i, name)
        self.by_name[name] = addr

    def name_at(self, pc):
        i = bisect.bisect_right(self.addrs, pc) - 1
        return self.names[i] if i >= 0 else f"{pc:#010x}"

    def addr(self, name):
        if name not in self.by_name:
            raise KeyError(f"no symbol {name}")
        return self.by_name[name]


def parse_nm(text):
    """`nm -n` / System.map / kallsyms lines -> [(addr, name)] of text symbols.
    Local labels ($a, $d, .L...) and module symbols ([mod]) are skipped."""
    out = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 3 or parts[1] not in TEXT_TYPES or len(parts) > 3:
            continue
        if parts[2].startswith(("$", ".L")):
            continue
        out.append((int(parts[0], 16), parts[2]))
    return out


def armmm(system_map):
    return Symbols(parse_nm(Path(system_map).read_text()))


def linux(cache, board="vexpress-a9", log=print):
    """Debian Linux's text symbols, from the cache or from one boot."""
    import linux_ref  # noqa: E402  (imported late: it pulls pexpect)
    import initramfs  # noqa: E402
    from boot import boot  # noqa: E402

    zimage = linux_ref.linux_zimage()
    tag = re.sub(r"[^\w.-]", "_", zimage.resolve().name)
    out = Path(cache) / "linux-ref" / f"kallsyms-{tag}.txt"
    if out.is_file():
        return Symbols(parse_nm(out.read_text()))
    log(f"profile: reading Linux's /proc/kallsyms once (cached in {out}) ...")
    rd = out.with_suffix(".initrd.gz")
    d, x = stat.S_IFDIR | 0o755, stat.S_IFREG | 0o755
    entries = [("bin", d, b"", (0, 0)),
               ("bin/busybox", x, linux_ref.busybox().read_bytes(), (0, 0)),
               ("dev", d, b"", (0, 0)),
               ("dev/console", stat.S_IFCHR | 0o600, b"", (5, 1)),
               ("init", x, INIT.encode(), (0, 0)),
               ("proc", d, b"", (0, 0))]
    rd.write_bytes(gzip.compress(initramfs.cpio_newc(entries), mtime=0))
    child = boot(board, None, str(zimage), bootargs="console=ttyAMA0", initrd=str(rd),
                 echo_cmd=False, timeout=120)
    try:
        child.expect_exact(BEGIN, timeout=240)
        child.expect_exact(END, timeout=600)
        text = child.before.replace("\r", "")
    finally:
        child.terminate(force=True)
        rd.unlink()
    pairs = parse_nm(text)
    if len(pairs) < 1000:
        raise RuntimeError(f"/proc/kallsyms gave only {len(pairs)} text symbols")
    out.write_text(text)
    return Symbols(pairs)
