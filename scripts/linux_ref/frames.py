"""The dump set and its framing, shared by armmm and the Linux reference run.

Both kernels print each dump between two marker lines,

    --- BEGIN /proc/iomem ---
    ...the file, byte for byte...
    --- END /proc/iomem ---

armmm does it for the boot argument `dump_all` (kernel/shell.c), the
reference Linux's /init does it with busybox `cat` (initramfs.py). Kernel log
lines ("[    0.000000] ...") that land between the markers are not part of
the dump and are dropped: armmm's dump bodies never carry timestamps.
"""

import re

# The dumps both sides print, in this order (design.md section 7). `dmesg`
# is the kernel log, not a file.
DUMP_PATHS = (
    "/proc/iomem",
    "/proc/meminfo",
    "/proc/zoneinfo",
    "/proc/buddyinfo",
    "/proc/pagetypeinfo",
    "/proc/slabinfo",
    "/proc/vmallocinfo",
    "/sys/kernel/debug/memblock/memory",
    "/sys/kernel/debug/memblock/reserved",
    "/sys/kernel/debug/kernel_page_tables",
    "dmesg",
)

BEGIN = "--- BEGIN {} ---"
END = "--- END {} ---"
_BEGIN_RE = re.compile(r"^--- BEGIN (\S+) ---$")
_STAMP_RE = re.compile(r"^\[\s*\d+\.\d{6}\] ")


def frame(path, body):
    """One dump as both kernels print it (body without its final newline
    gets one)."""
    if body and not body.endswith("\n"):
        body += "\n"
    return f"{BEGIN.format(path)}\n{body}{END.format(path)}\n"


def parse(text):
    """{path: body} of every complete frame in `text` (a console transcript
    or a saved dumps.txt). Carriage returns are dropped. Outside `dmesg`,
    lines with a printk timestamp are kernel messages that interleaved with
    the dump and are removed. A frame without its END line (the run died)
    is left out."""
    dumps = {}
    lines = text.replace("\r", "").split("\n")
    i = 0
    while i < len(lines):
        m = _BEGIN_RE.match(lines[i])
        if not m:
            i += 1
            continue
        path, end = m[1], END.format(m[1])
        try:
            j = lines.index(end, i + 1)
        except ValueError:
            break
        body = lines[i + 1:j]
        if path != "dmesg":
            body = [ln for ln in body if not _STAMP_RE.match(ln)]
        dumps[path] = "\n".join(body) + ("\n" if body else "")
        i = j + 1
    return dumps
