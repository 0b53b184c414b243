"""Console: drive a booted kernel's serial console from a test.

Wraps the pexpect child that scripts/qemu/boot.py returns. Modelled on
U-Boot's test/py console: it does not only wait for the line a test wants,
it fails the test as soon as the kernel prints anything that means it went
wrong (see BAD_PATTERNS), even if the wanted line shows up too. A test that
provokes one of them on purpose says so first: console.allow("Error: ").

Only the kernel's part of the transcript is watched: U-Boot's own output
is checked by boot.py, and "Error" there means nothing about our kernel.
"""

import re

import pexpect
import pytest

import boot as qemu_boot   # scripts/qemu (conftest.py puts it on sys.path)

PROMPT = "armmm# "      # our kernel's shell prompt
ENTER = "\r"            # what a terminal's Enter key sends through QEMU's raw stdio
TAIL_LINES = 60

# name -> regex. Names are what allow()/disallow() take (spaces at either end
# are ignored, so allow("Error: ") and allow("Error:") are the same).
BAD_PATTERNS = {
    "Kernel panic": r"Kernel panic",
    "BUG:": r"BUG:",
    "Unable to handle": r"Unable to handle",
    "Internal error": r"Internal error",
    "Error:": r"Error:",                    # our early boot errors: "Error: ..."
    "undefined instruction": r"(?i)undefined instruction",
    "abort": r"(?i)(data|prefetch) abort",
    "U-Boot banner": r"U-Boot 20",          # the board reset into U-Boot
}
# A second banner means the kernel restarted; the first one is expected.
BANNER = "Booting Linux on physical CPU"


def _key(name):
    key = name.strip()
    if key not in BAD_PATTERNS and key != BANNER:
        raise ValueError(f"unknown bad pattern {name!r}; known: {sorted(BAD_PATTERNS)} and {BANNER!r}")
    return key


_Transcript = qemu_boot.Transcript   # scripts/qemu/boot.py


class Console:
    """One QEMU run's serial console. Every method that reads output checks
    the whole kernel transcript so far for bad patterns and calls
    pytest.fail() with the last TAIL_LINES lines if it finds one."""

    def __init__(self, child, transcript, timeout=30):
        self.child = child
        self.transcript = transcript
        self.timeout = timeout
        self.failed = False
        self._kernel_start = None
        self._scan_from = {k: 0 for k in BAD_PATTERNS}  # per pattern, kernel-relative
        self._scan_from[BANNER] = 0
        self._at_prompt = False
        self._mark_kernel_start()

    # ---- pattern policy ---------------------------------------------------
    def _mark_kernel_start(self):
        """Mark where the kernel's output begins (just after U-Boot's
        "Starting kernel ...", or 0 when QEMU loaded the zImage itself)."""
        text = self.transcript.text()
        i = text.find("Starting kernel ...")
        self._kernel_start = i + len("Starting kernel ...") if i >= 0 else 0

    def allow(self, *names):
        """Stop failing on these patterns (a test that provokes them)."""
        for n in names:
            self._scan_from[_key(n)] = None

    def disallow(self, *names):
        """Fail on these patterns again, for output from now on."""
        here = len(self.transcript.text()) - self._kernel_start
        for n in names:
            self._scan_from[_key(n)] = here

    def _check(self):
        kernel = self.transcript.text()[self._kernel_start:]
        for key, start in self._scan_from.items():
            if start is None:
                continue
            if key == BANNER:
                # One banner per boot; after disallow(), none at all.
                if kernel.count(BANNER, start) > (1 if start == 0 else 0):
                    self.fail(f"a second '{BANNER}' banner: the kernel restarted")
            else:
                m = re.compile(BAD_PATTERNS[key]).search(kernel, start)
                if m:
                    line = kernel[kernel.rfind("\n", 0, m.start()) + 1:].split("\n", 1)[0]
                    self.fail(f"bad pattern {key!r} on the console: {line.strip()}")

    def _watch(self):
        """The active single-shot bad patterns, for expect() to stop at a
        panic at once instead of running into its timeout."""
        return [re.compile(BAD_PATTERNS[k]) for k, start in self._scan_from.items()
                if start is not None and k in BAD_PATTERNS]

    # ---- reporting ----------------------------------------------------------
    @property
    def log(self):
        """The whole transcript so far (U-Boot included)."""
        return self.transcript.text()

    def tail(self, n=TAIL_LINES):
        return "\n".join(self.log.rstrip("\n").split("\n")[-n:])

    def fail(self, why):
        self.failed = True
        pytest.fail(f"{why}\n---- serial console, last {TAIL_LINES} lines ----\n{self.tail()}",
                    pytrace=False)

    # ---- exchanges ----------------------------------------------------------
    def expect(self, pattern, timeout=None):
        """Wait for regex `pattern`; return the re.Match. Fails the test on
        timeout, QEMU exit or a bad pattern."""
        pats = [pattern] + self._watch() + [pexpect.EOF, pexpect.TIMEOUT]
        i = self.child.expect(pats, timeout=timeout or self.timeout)
        self._check()
        if i == 0:
            self._at_prompt = self.child.after == PROMPT
            return self.child.match
        if pats[i] is pexpect.EOF:
            self.fail(f"QEMU exited while waiting for {pattern!r}")
        if pats[i] is pexpect.TIMEOUT:
            self.fail(f"timeout ({timeout or self.timeout}s) waiting for {pattern!r}")
        self.fail(f"bad pattern while waiting for {pattern!r}: {self.child.after}")

    def read_until(self, marker, timeout=None):
        """Return everything from here up to and including the literal
        `marker`, line ends normalised to \\n."""
        self.expect(re.escape(marker), timeout)
        return (self.child.before + self.child.after).replace("\r", "")

    def send(self, text):
        """Type raw characters (no Enter)."""
        self._at_prompt = False
        self.child.send(text)

    def run(self, cmd, timeout=None):
        """Type `cmd` at our shell, return its output (the echoed command
        line and the next prompt stripped)."""
        if not self._at_prompt:
            self.expect(re.escape(PROMPT), timeout)
        self.send(cmd + ENTER)
        out = self.read_until(PROMPT, timeout)[:-len(PROMPT)]
        first, _, rest = out.partition("\n")
        if first.strip() == cmd.strip():
            out = rest
        self._at_prompt = True
        return out

    def wait_exit(self, timeout=None):
        """Wait for QEMU to exit (the kernel powered off; -no-reboot also
        turns a reset into an exit). Return QEMU's exit status."""
        i = self.child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=timeout or self.timeout)
        self._check()
        if i == 1:
            self.fail(f"timeout ({timeout or self.timeout}s) waiting for QEMU to exit")
        self.child.close()
        return self.child.exitstatus

    def close(self):
        """Kill QEMU (if still running) and close the transcript file."""
        if self.child.isalive():
            self.child.terminate(force=True)
        self.transcript.close()
