#!/usr/bin/python3
"""Boot a zImage on a QEMU board the way a board porter would: through U-Boot.

QEMU pre-places the zImage (and DTB) in RAM (see boards.py), U-Boot's
autoboot is interrupted, and at its prompt we type
    setenv bootargs '<bootargs>'
    bootz <zimage_addr> - <fdt_addr>          (with an initrd: <initrd_addr>:<size>
                                               instead of -, a raw initrd)
then hand back the pexpect child once U-Boot says "Starting kernel ...".
vexpress-a15 has no U-Boot; QEMU's own loader starts the zImage directly.

SD-card boards (orangepi-pc, cubieboard; boards.py) boot as the real board
does: the card image (scripts/sdimage, built from --zimage unless --sdimage
names one) holds U-Boot, zImage, DTB and boot.scr, and U-Boot's distro boot
runs boot.scr ("Found U-Boot script /boot.scr"). With no bootargs, autoboot
runs untouched and boot.scr's default command line is used; with bootargs,
autoboot is interrupted and we type
    setenv armmm_bootargs '<bootargs>'
    boot
(boot.scr uses ${armmm_bootargs} as the command line when it is set).

Used as a module by tests/qemu/conftest.py and as the CLI behind `make run`:
    scripts/qemu/boot.py --board vexpress-a9 --mem 512M --zimage build/zImage \\
        [--bootargs '...'] [--interactive | --until REGEX] [--icount] \\
        [--no-fdt | --direct] [--initrd FILE] [--sdimage FILE] [--qemu-arg=-s ...]
        [-- extra QEMU args]
Run it with /usr/bin/python3 (Debian's python3-pexpect).
"""

import argparse
import importlib.machinery
import importlib.util
import os
import shlex
import sys
import time

import pexpect

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boards import BOARDS, cache_dir, qemu_command  # noqa: E402

UBOOT_PROMPT = "=> "
# Anything U-Boot prints when it will not start the kernel. bootz in
# 2023.01 prints "zimage: Bad magic!" (older ones "Bad Linux ARM zImage
# magic!"), fdt failures "ERROR: ..." and "Could not find a valid device
# tree", unknown commands "Unknown command". Any other failure of bootz
# ends in a new prompt, which boot() also treats as an error.
UBOOT_ERRORS = [r"Bad magic", r"Bad Linux ARM zImage magic", r"ERROR", r"Could not find",
                r"Unknown command", r"## Error", r"FDT and ATAGS support not compiled in",
                r"resetting \.\.\."]
# SD-card boards: boot.scr's own failure line (scripts/sdimage).
SD_ERRORS = [r"armmm: boot\.scr failed"]
# U-Boot reads at most CONFIG_SYS_CBSIZE (512 on both our U-Boots) per line.
UBOOT_MAX_LINE = 500
# Room for a pre-placed initrd: from initrd_addr up to RAM+64 MiB (boards.py).
INITRD_MAX = 8 << 20


class Transcript:
    """pexpect logfile_read target: everything the console printed, with
    the pty's \r\r\n line ends reduced to \n, mirrored to a file if one
    is given. Shared by the tests, make compare, make memmap and the tour."""

    def __init__(self, path=None):
        self.parts = []
        self.file = open(path, "w", encoding="utf-8") if path else None

    def write(self, s):
        s = s.replace("\r", "")
        self.parts.append(s)
        if self.file:
            self.file.write(s)

    def flush(self):
        if self.file:
            self.file.flush()

    def text(self):
        if len(self.parts) > 1:
            self.parts = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    def close(self):
        if self.file:
            self.file.close()


class BootError(RuntimeError):
    """U-Boot refused to start the kernel, QEMU died, or a step timed out."""


def _tail(child, n=2000):
    return str(child.before or "")[-n:]


def _wait(child, patterns, timeout, what):
    """expect() one of `patterns`; U-Boot errors, EOF and timeout raise."""
    allp = list(patterns) + UBOOT_ERRORS + [pexpect.EOF, pexpect.TIMEOUT]
    i = child.expect(allp, timeout=timeout)
    if i < len(patterns):
        return i
    if allp[i] is pexpect.TIMEOUT:
        raise BootError(f"timeout ({timeout:.0f}s) waiting for {what}; last output:\n{_tail(child)}")
    if allp[i] is pexpect.EOF:
        raise BootError(f"QEMU exited while waiting for {what}; last output:\n{_tail(child)}")
    before, err = _tail(child), child.after
    child.expect([r"\n", pexpect.EOF, pexpect.TIMEOUT], timeout=2)  # rest of the error line
    raise BootError(f"U-Boot error while waiting for {what}: {err}{child.before}\n"
                    f"last output:\n{before}")


def load_sdimage():
    """scripts/sdimage as a module (the file has no .py suffix)."""
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "sdimage")
    loader = importlib.machinery.SourceFileLoader("sdimage", path)
    spec = importlib.util.spec_from_loader("sdimage", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def sd_image_for(board, zimage, dtb=None):
    """Build the SD-card image of `board` around `zimage` (and `dtb`, if
    given, in place of the board's DTB) next to it, in <zimage dir>/sd/,
    and return its path. Raises BootError if scripts/sdimage refuses."""
    sd = load_sdimage()
    out = os.path.join(os.path.dirname(os.path.abspath(zimage)), "sd",
                       f"{board}-{os.path.basename(zimage)}.img")
    try:
        sd.build(board, zimage, out, dtb=dtb)
    except sd.SdImageError as e:
        raise BootError(f"sdimage: {e}") from None
    return out


def _uboot_cmd(child, cmd, timeout, expect_prompt=True):
    if len(cmd) > UBOOT_MAX_LINE:
        raise BootError(f"U-Boot command longer than {UBOOT_MAX_LINE} chars: {cmd[:60]}...")
    child.sendline(cmd)
    if expect_prompt:
        _wait(child, [UBOOT_PROMPT], timeout, f"U-Boot prompt after '{cmd}'")


def boot(board="vexpress-a9", mem=None, zimage="build/zImage", dtb=None, bootargs="",
         extra=(), icount=False, timeout=60, no_fdt=False, logfile=None, echo_cmd=True,
         direct=False, initrd=None, sdimage=None):
    """Start QEMU and return the pexpect child right after U-Boot printed
    "Starting kernel ..." (when QEMU starts the zImage itself: right away).

    dtb=None picks the board's default DTB from the cache (virt: QEMU's
    own). direct=True skips U-Boot: QEMU's loader starts the zImage (or a
    raw Image) with -dtb, as on vexpress-a15. no_fdt=True enters the
    kernel with no DTB: U-Boot 2023.01 cannot do that (`bootz <addr>` alone
    says "FDT and ATAGS support not compiled in" and resets), so QEMU's
    loader starts the zImage with ATAGs in r2 instead, as a pre-DT boot
    loader would; virt always passes a DTB, so no_fdt is refused there.
    initrd is a file QEMU pre-places at the board's initrd_addr and bootz
    passes on as a raw initrd (direct boots: QEMU's -initrd).
    SD-card boards take `sdimage` (a card image), or build one from zimage
    (and dtb) with scripts/sdimage; bootargs "" keeps boot.scr's default.
    logfile is any object with write()/flush(); it receives everything QEMU
    prints, from the first byte. `timeout` bounds the whole U-Boot
    dialogue. Raises BootError, with QEMU killed, on failure.
    """
    b = BOARDS[board]
    sd = b.sd and not (direct or no_fdt)
    if sd and sdimage:
        if not os.path.isfile(sdimage):
            raise BootError(f"SD-card image not found: {sdimage} (make sdimage BOARD={board})")
    elif not os.path.isfile(zimage):
        raise BootError(f"zImage not found: {zimage}")
    if sdimage and not sd:
        raise BootError(f"board {board} does not boot from an SD-card image here")
    if sd and initrd:
        raise BootError(f"{board}: the SD-card boot (boot.scr) passes no initrd")
    if "'" in bootargs:
        raise BootError("bootargs must not contain a single quote (U-Boot quoting)")
    if no_fdt and board == "virt":
        raise BootError("no_fdt: QEMU virt always passes its generated DTB")
    if initrd:
        if not os.path.isfile(initrd):
            raise BootError(f"initrd not found: {initrd}")
        if os.path.getsize(initrd) > INITRD_MAX:
            raise BootError(f"initrd {initrd} is larger than {INITRD_MAX >> 20} MiB "
                            "(the room boards.py leaves for it)")
        initrd = os.path.abspath(initrd)
    direct = direct or b.loader == "qemu" or no_fdt
    if no_fdt:
        dtb = ""
    # Absolute paths, so the printed command line works from any directory.
    zimage, dtb = os.path.abspath(zimage), dtb and os.path.abspath(dtb)
    if sd:
        sdimage = os.path.abspath(sdimage or sd_image_for(board, zimage, dtb))
    cmd = qemu_command(b, mem=mem, zimage=zimage, dtb=dtb, bootargs=bootargs,
                       icount=icount, extra=extra, direct=direct, initrd=initrd,
                       sdimage=sdimage)
    firmware = None if direct or not b.firmware else cache_dir() / b.firmware
    for path in (firmware, dtb if dtb is not None else b.dtb and cache_dir() / b.dtb):
        if path and not os.path.exists(path):
            raise BootError(f"{path} missing: run scripts/setup.sh")
    if echo_cmd:
        print("qemu: " + shlex.join(cmd), flush=True)
    child = pexpect.spawn(cmd[0], cmd[1:], encoding="utf-8", codec_errors="replace",
                          timeout=timeout, maxread=65536, dimensions=(50, 200))
    child.logfile_read = logfile
    child.boot_started = time.monotonic()
    child.boot_seconds = 0.0
    if direct:
        return child
    deadline = time.monotonic() + timeout
    left = lambda: max(1.0, deadline - time.monotonic())  # noqa: E731
    try:
        if sd:
            _sd_boot(child, bootargs, left)
            child.boot_seconds = time.monotonic() - child.boot_started
            return child
        _wait(child, ["Hit any key to stop autoboot"], left(), "U-Boot autoboot countdown")
        child.send(" ")
        _wait(child, [UBOOT_PROMPT], left(), "U-Boot prompt")
        _uboot_cmd(child, f"setenv bootargs '{bootargs}'", left())
        # virt without a DTB file: QEMU's generated DTB, which U-Boot adopted
        # as its own control DT.
        fdt = f"{b.dtb_addr:#x}" if dtb or b.dtb else "${fdtcontroladdr}"
        rd = f"{b.initrd_addr:#x}:{os.path.getsize(initrd):#x}" if initrd else "-"
        _uboot_cmd(child, f"bootz {b.zimage_addr:#x} {rd} {fdt}", left(), expect_prompt=False)
        if _wait(child, ["Starting kernel ...", "\n" + UBOOT_PROMPT], left(),
                 '"Starting kernel ..."') == 1:
            raise BootError(f"bootz returned to the U-Boot prompt:\n{_tail(child)}")
    except BaseException:
        child.terminate(force=True)
        raise
    child.boot_seconds = time.monotonic() - child.boot_started
    return child


def _sd_boot(child, bootargs, left):
    """U-Boot's distro boot from the SD card, to "Starting kernel ..."."""
    if bootargs:
        _wait(child, ["Hit any key to stop autoboot"], left(), "U-Boot autoboot countdown")
        child.send(" ")
        _wait(child, [UBOOT_PROMPT], left(), "U-Boot prompt")
        _uboot_cmd(child, f"setenv armmm_bootargs '{bootargs}'", left())
        _uboot_cmd(child, "boot", left(), expect_prompt=False)
    pats = ["Found U-Boot script /boot.scr", "\n" + UBOOT_PROMPT] + SD_ERRORS
    i = _wait(child, pats, left(), '"Found U-Boot script /boot.scr"')
    if i != 0:
        raise BootError(f"U-Boot's distro boot did not run boot.scr:\n{_tail(child)}")
    pats = ["Starting kernel ...", "\n" + UBOOT_PROMPT] + SD_ERRORS
    if _wait(child, pats, left(), '"Starting kernel ..."') != 0:
        raise BootError(f"boot.scr did not start the kernel:\n{_tail(child)}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--board", default="vexpress-a9", choices=sorted(BOARDS))
    ap.add_argument("--mem", help="QEMU -m (default: the board's)")
    ap.add_argument("--zimage", default="build/zImage")
    ap.add_argument("--dtb", help="DTB file (default: the board's, from the cache)")
    ap.add_argument("--bootargs", default="")
    ap.add_argument("--no-fdt", action="store_true",
                    help="enter the kernel without a DTB (QEMU's loader, ATAGs in r2)")
    ap.add_argument("--direct", action="store_true",
                    help="skip U-Boot: QEMU's loader starts the zImage with -dtb")
    ap.add_argument("--initrd", help="raw initrd to pre-place and pass to bootz")
    ap.add_argument("--sdimage", help="SD-card boards: the card image (default: built "
                    "from --zimage by scripts/sdimage)")
    ap.add_argument("--icount", action="store_true", help="add -icount shift=0")
    ap.add_argument("--timeout", type=float, default=60,
                    help="seconds for U-Boot, and for --until / the run after it")
    ap.add_argument("--interactive", action="store_true",
                    help="give the terminal to the user after 'Starting kernel' (Ctrl-A x quits)")
    ap.add_argument("--until", help="exit 0 as soon as the output matches this regex")
    ap.add_argument("--qemu-arg", action="append", default=[], metavar="ARG",
                    help="one extra QEMU argument, e.g. --qemu-arg=-s (repeatable)")
    ap.add_argument("qemu_args", nargs="*", help="extra QEMU arguments (after --)")
    a = ap.parse_args(argv)

    out = sys.stdout
    try:
        child = boot(a.board, a.mem, a.zimage, a.dtb, a.bootargs, a.qemu_arg + a.qemu_args,
                     a.icount, a.timeout, a.no_fdt, logfile=out, direct=a.direct,
                     initrd=a.initrd, sdimage=a.sdimage)
    except BootError as e:
        print(f"\nboot.py: {e}", file=sys.stderr)
        return 1
    if child.boot_seconds:
        print(f"\n[boot.py: U-Boot started the kernel after {child.boot_seconds:.1f}s]",
              file=sys.stderr)
    if a.interactive:
        # interact() echoes the child's output itself; without this it would
        # be printed twice. escape_character=None: every key goes to QEMU,
        # whose serial mux implements Ctrl-A x (quit) and Ctrl-A c (monitor).
        child.logfile_read = None
        child.interact(escape_character=None)
        return 0
    # Not interactive: stream the console until --until matches, QEMU exits
    # (-no-reboot turns a kernel's reboot into an exit) or the timeout.
    pats = [a.until] if a.until else []
    i = child.expect(pats + [pexpect.EOF, pexpect.TIMEOUT], timeout=a.timeout)
    child.terminate(force=True)
    if not a.until:
        return 0
    if i != 0:
        print(f"\nboot.py: {a.until!r} not seen", file=sys.stderr)
    return 0 if i == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
