"""One boot of armmm for the whole tour: boot through U-Boot with
scripts/qemu/boot.py, then type each block's command at the armmm# prompt
and collect what it printed.

The values a command may refer to come from the build that made the
zImage: {sym:NAME} from System.map, {pvstub:FUNC:N} from kernel.asm (the
N-th instruction in FUNC that still carries a phys/virt placeholder
immediate as assembled; head.S's __fixup_pv_table rewrote it in memory).
"""

import os
import re
import sys

import pexpect

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "qemu"))
import boot as qemu_boot  # noqa: E402  scripts/qemu/boot.py

from tourdoc import PROMPT, TourError, normalise  # noqa: E402

ENTER = "\r"          # what a terminal's Enter sends through QEMU's raw stdio
BOOT_TIMEOUT = 60
CMD_TIMEOUT = 30
# asm/memory.h PV_BITS_31_24 / PV_BITS_23_16: the stubs' assembled immediates.
PV_PLACEHOLDER = re.compile(r"#-2130706432\b|#8454144\b")


class BuildValues:
    """{sym:NAME} and {pvstub:FUNC:N} for one build directory."""

    def __init__(self, build_dir):
        self.build_dir = build_dir
        self._syms = None
        self._asm = None

    def symbol(self, name):
        if self._syms is None:
            path = os.path.join(self.build_dir, "System.map")
            try:
                with open(path) as f:
                    self._syms = {w[2]: w[0] for w in (line.split() for line in f) if len(w) == 3}
            except OSError as e:
                raise TourError(f"{path}: {e.strerror} (build the kernel first: make)") from None
        if name not in self._syms:
            raise TourError(f"{{sym:{name}}}: no such symbol in System.map")
        return self._syms[name]

    def pvstub(self, func, n):
        path = os.path.join(self.build_dir, "kernel.asm")
        if self._asm is None:
            try:
                with open(path) as f:
                    self._asm = f.read()
            except OSError as e:
                raise TourError(f"{path}: {e.strerror} (build the kernel first: make)") from None
        body = re.search(rf"^[0-9a-f]{{8}} <{re.escape(func)}>:\n(.*?)(?:\n\n[0-9a-f]{{8}} <|\Z)",
                         self._asm, re.M | re.S)
        if not body:
            raise TourError(f"{{pvstub:{func}:{n}}}: no function {func} in {path}")
        stubs = [m[1] for m in re.finditer(r"^([0-9a-f]{8}):\t[0-9a-f]{8} \t.*$", body[1], re.M)
                 if PV_PLACEHOLDER.search(m[0])]
        if n >= len(stubs):
            raise TourError(f"{{pvstub:{func}:{n}}}: {func} has {len(stubs)} phys/virt stubs")
        return stubs[n]

    def lookup(self, key, captures):
        kind, _, rest = key.partition(":")
        if kind == "sym" and rest:
            return self.symbol(rest)
        if kind == "pvstub" and rest:
            func, _, n = rest.partition(":")
            return self.pvstub(func, int(n or 0))
        if not rest and key in captures:
            return captures[key]
        raise TourError(f"{{{key}}}: not a symbol, a stub or a value captured earlier")


class Session:
    """The booted kernel's console."""

    def __init__(self, board, mem, bootargs, zimage, log=None):
        self.transcript = qemu_boot.Transcript(log)
        try:
            self.child = qemu_boot.boot(board, mem, zimage, bootargs=bootargs,
                                        logfile=self.transcript, echo_cmd=False,
                                        timeout=BOOT_TIMEOUT)
        except qemu_boot.BootError as e:
            self.transcript.close()
            raise TourError(f"boot on {board} failed: {e}") from None
        self._expect(PROMPT, BOOT_TIMEOUT, "the first armmm# prompt")

    def _expect(self, literal, timeout, what):
        i = self.child.expect_exact([literal, pexpect.EOF, pexpect.TIMEOUT], timeout=timeout)
        if i == 0:
            return self.child.before
        tail = self.transcript.text()[-3000:]
        why = "QEMU exited" if i == 1 else f"timeout ({timeout}s)"
        raise TourError(f"{why} waiting for {what}; the console ended with:\n{tail}")

    def run(self, command):
        """Type command, return what it printed (normalised; the echoed
        command line and the next prompt left out)."""
        self.child.send(command + ENTER)
        out = self._expect(PROMPT, CMD_TIMEOUT, f"the prompt after '{command}'")
        out = out.replace("\r", "")
        first, _, rest = out.partition("\n")
        if first.strip() != command.strip():
            raise TourError(f"'{command}': the console echoed {first!r}")
        return normalise(rest)

    def close(self):
        if self.child.isalive():
            self.child.terminate(force=True)
        self.transcript.close()
