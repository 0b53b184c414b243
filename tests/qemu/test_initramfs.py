"""The built-in archive (usr/, scripts/gen_initramfs, usr/initramfs_data.S)
unpacked at boot by init/initramfs.c: the boot log says how many files,
`ls /bin` lists exactly the programs in build/usr/initramfs.cpio (read
here with an independent newc reader), `ls` alone still lists the dump
files, and a directory that is not in the archive gets ls's error."""

import re
from pathlib import Path

TOP = Path(__file__).resolve().parents[2]
CPIO = TOP / "build" / "usr" / "initramfs.cpio"


def archive_paths(data):
    """(path, mode) of each newc entry before the trailer."""
    out, pos = [], 0
    while True:
        hdr = data[pos:pos + 110]
        assert hdr[:6] == b"070701", f"no newc magic at {pos}"
        mode, size, namesize = (int(hdr[6 + 8 * i:14 + 8 * i], 16) for i in (1, 6, 11))
        name = data[pos + 110:pos + 110 + namesize - 1].decode()
        if name == "TRAILER!!!":
            return out
        out.append(("/" + name, mode))
        pos = (pos + 110 + namesize + 3) & ~3
        pos = (pos + size + 3) & ~3


def test_initramfs_unpacked_and_listed(boot):
    """Expect the boot line's counts to match the archive, `ls /bin` to
    print each /bin file once in archive order, `ls /bin/` the same,
    `ls` the dump files (no /bin), and `ls /nonexistent` an error."""
    entries = archive_paths(CPIO.read_bytes())
    files = [p for p, m in entries if m & 0o170000 == 0o100000]
    dirs = [p for p, m in entries if m & 0o170000 == 0o040000]
    assert "/bin/hello" in files and "/bin" in dirs
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    con.run("help")
    m = re.search(r"Initramfs: unpacked (\d+) files? and (\d+) director(?:y|ies) \((\d+) bytes",
                  con.log)
    assert m, "no Initramfs line in the boot log"
    assert (int(m[1]), int(m[2]), int(m[3])) == (len(files), len(dirs), CPIO.stat().st_size)
    bin_files = [p for p in files if p.startswith("/bin/")]
    assert con.run("ls /bin").split() == bin_files
    assert con.run("ls /bin/").split() == bin_files
    assert con.run("ls /").split() == dirs
    plain = con.run("ls").split()
    assert "/proc/meminfo" in plain and not any(p.startswith("/bin") for p in plain)
    assert con.run("ls /nonexistent").strip() == \
        "ls: cannot access '/nonexistent': No such file or directory"
