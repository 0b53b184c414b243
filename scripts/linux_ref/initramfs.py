"""The reference Linux's initramfs: busybox and an /init that prints the
dump set (frames.py) and then idles, so the page tables can be read.

The archive is written here in the "newc" cpio format the kernel unpacks
(Documentation/driver-api/early-userspace/buffer-format.rst): per entry a
110-byte ASCII header ("070701" and 13 eight-digit hex fields), the NUL
terminated name, padding to 4 bytes, the data, padding to 4 bytes; a
"TRAILER!!!" entry ends it. Writing it ourselves lets /dev/console be a
device node without root, and makes the archive byte-for-byte reproducible
(fixed inode numbers, mtime 0, gzip without a timestamp).
"""

import gzip
import stat

from frames import BEGIN, DUMP_PATHS, END

IDLE_LINE = "armmm-linux-ref: idle"

# /init, run by busybox's sh. printk goes quiet first (console_loglevel 1):
# late driver messages would otherwise land inside the dumps on the shared
# serial line. dmesg still has them.
INIT_SCRIPT = """#!/bin/busybox sh
# armmm Linux reference run (scripts/linux_ref): print the same dumps as
# armmm's dump_all, framed the same way, then idle for the QEMU monitor.
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
echo 1 > /proc/sys/kernel/printk
mount -t sysfs sysfs /sys
mount -t debugfs debugfs /sys/kernel/debug
dump() {
	[ -e "$1" ] || return 0
	echo "%(begin)s"
	cat "$1"
	echo "%(end)s"
}
for f in %(files)s; do
	dump "$f"
done
echo "%(dmesg_begin)s"
dmesg
echo "%(dmesg_end)s"
echo "%(idle)s"
while :; do sleep 3600; done
"""


def init_script():
    # A file this Linux lacks gets no frame at all; the comparison then
    # says "not available in this Linux". kernel_page_tables is never in
    # Debian's Linux (no CONFIG_ARM_PTDUMP_DEBUGFS): linux_ref decodes it
    # from guest memory instead.
    files = [p for p in DUMP_PATHS if p.startswith("/") and not p.endswith("kernel_page_tables")]
    return INIT_SCRIPT % {
        "begin": BEGIN.format("$1"), "end": END.format("$1"),
        "files": " ".join(files),
        "dmesg_begin": BEGIN.format("dmesg"), "dmesg_end": END.format("dmesg"),
        "idle": IDLE_LINE,
    }


def _entry(ino, name, mode, data=b"", rdev=(0, 0)):
    """One newc entry: header, name, data, each padded to 4 bytes."""
    name_b = name.encode() + b"\0"
    fields = (ino, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1], len(name_b), 0)
    hdr = b"070701" + b"".join(b"%08x" % f for f in fields)
    out = hdr + name_b
    out += b"\0" * (-len(out) % 4)
    out += data + b"\0" * (-len(data) % 4)
    return out


def cpio_newc(entries):
    """entries: (name, mode, data, rdev) tuples, parents before children.
    Returns the archive bytes, trailer included."""
    out = b"".join(_entry(i + 1, *e) for i, e in enumerate(entries))
    return out + _entry(0, "TRAILER!!!", 0)


def build(busybox_path, out_path):
    """Write the gzip'd initramfs for `busybox_path` (a static ARM busybox)
    to out_path. Returns out_path."""
    d, x = stat.S_IFDIR | 0o755, stat.S_IFREG | 0o755
    with open(busybox_path, "rb") as fh:
        busybox = fh.read()
    entries = [
        ("bin", d, b"", (0, 0)),
        ("bin/busybox", x, busybox, (0, 0)),
        ("dev", d, b"", (0, 0)),
        # The kernel opens /dev/console for init's stdin/out/err; an
        # initramfs without it leaves init with no output at all.
        ("dev/console", stat.S_IFCHR | 0o600, b"", (5, 1)),
        ("etc", d, b"", (0, 0)),
        ("init", x, init_script().encode(), (0, 0)),
        ("proc", d, b"", (0, 0)),
        ("sys", d, b"", (0, 0)),
        ("tmp", d, b"", (0, 0)),
    ]
    archive = gzip.compress(cpio_newc(entries), compresslevel=9, mtime=0)
    with open(out_path, "wb") as fh:
        fh.write(archive)
    return out_path
