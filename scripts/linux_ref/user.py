"""The user-space half of the Linux reference: Debian's Linux runs the
usr/ programs through the scenario of scripts/user_scenario.py and prints
their /proc files at every stop (issue 13).

    ensure_user(board, mem, usr_dir)  -> {frame name: text}, cached in
        $CACHE/linux-ref/<board>-<mem>/user/ (user.txt, console.log,
        facts.json) and collected again when a program, /bin/launch, the
        scenario or Debian's kernel changed.

A boot of its own (not the boot-dump run's): running processes changes
the kernel's vmalloc area and page tables, which that run reads.
`norandmaps` and randomize_va_space 0: no randomised stack, mmap base or
brk, as armmm has none (Linux still places [sigpage] at random: see
scripts/compare_user.py).
"""

import gzip
import hashlib
import json
import stat
import time
from pathlib import Path

import linux_ref
from linux_ref import frames, initramfs
import boot as qemu_boot  # noqa: E402  scripts/qemu/boot.py
import user_scenario

BOOTARGS = linux_ref.BOOTARGS + " norandmaps"
TIMEOUT = 120


def _entries(busybox, usr_dir):
    d, x = stat.S_IFDIR | 0o755, stat.S_IFREG | 0o755
    ents = [("bin", d, b"", (0, 0)), ("bin/busybox", x, Path(busybox).read_bytes(), (0, 0))]
    for prog in sorted(set(user_scenario.programs()) | {"launch"}):
        ents.append((f"bin/{prog}", x, (Path(usr_dir) / prog).read_bytes(), (0, 0)))
    ents += [("dev", d, b"", (0, 0)),
             ("dev/console", stat.S_IFCHR | 0o600, b"", (5, 1)),
             # a background job's stdin (ash: "&" without job control)
             ("dev/null", stat.S_IFCHR | 0o666, b"", (1, 3)),
             ("init", x, user_scenario.linux_init().encode(), (0, 0)),
             ("proc", d, b"", (0, 0)), ("tmp", d, b"", (0, 0))]
    return ents


def ensure_user(board, mem, usr_dir, refresh=False, log=print):
    """The Linux user run's frames for board/mem (see the module text)."""
    out = linux_ref.ref_dir(board, mem) / "user"
    ents = _entries(linux_ref.busybox(), usr_dir)
    key = hashlib.sha256(b"".join(e[0].encode() + e[2] for e in ents) + BOOTARGS.encode() +
                         Path(linux_ref.linux_zimage()).resolve().name.encode()).hexdigest()
    try:
        facts = json.loads((out / "facts.json").read_text())
        if facts.get("key") == key and not refresh:
            return frames.parse((out / "user.txt").read_text())
    except (OSError, ValueError):
        pass
    out.mkdir(parents=True, exist_ok=True)
    rd = out / "initrd.gz"
    rd.write_bytes(gzip.compress(initramfs.cpio_newc(ents), compresslevel=9, mtime=0))
    log(f"linux-ref: running the user-space scenario under Debian's Linux on {board} "
        f"-m {mem} ...")
    t0 = time.monotonic()
    transcript = linux_ref._Log(out / "console.log")
    try:
        child = qemu_boot.boot(board, mem, str(linux_ref.linux_zimage()), bootargs=BOOTARGS,
                               initrd=str(rd), logfile=transcript, echo_cmd=False, timeout=60)
    except qemu_boot.BootError as e:
        transcript.close()
        raise linux_ref.RefError(f"U-Boot did not start Linux: {e}") from e
    try:
        i = child.expect([user_scenario.END_LINE, r"Kernel panic[^\n]*",
                          qemu_boot.pexpect.EOF, qemu_boot.pexpect.TIMEOUT], timeout=TIMEOUT)
    finally:
        child.terminate(force=True)
        transcript.close()
    if i != 0:
        what = {1: "Linux panicked", 2: "QEMU exited", 3: f"no end after {TIMEOUT}s"}[i]
        raise linux_ref.RefError(f"user scenario: {what}; see {out / 'console.log'}")
    dumps = frames.parse(linux_ref.kernel_output(transcript.text()))
    text = "".join(frames.frame(k, v) for k, v in dumps.items() if k.startswith("user:"))
    (out / "user.txt").write_text(text)
    (out / "facts.json").write_text(json.dumps(
        {"key": key, "bootargs": BOOTARGS, "seconds": round(time.monotonic() - t0, 1),
         "collected": time.strftime("%Y-%m-%d %H:%M:%S")}, indent=1) + "\n")
    return frames.parse(text)
