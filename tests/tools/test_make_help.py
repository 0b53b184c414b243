"""`make help` prints the targets the Makefile's own header lists, and
needs neither a .config nor set-up (it is in NOCONFIG_GOALS)."""

import subprocess
from pathlib import Path

TOP = Path(__file__).resolve().parents[2]


def test_make_help_lists_the_targets(tmp_path):
    """Expect exit 0 and a line for each user-facing target."""
    r = subprocess.run(["make", "-s", "-C", str(TOP), "help"], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    for target in ("make run", "make test", "make bench", "make qemu-gdb", "make compare",
                   "make linux-ref", "help"):
        assert target in r.stdout, f"{target!r} missing from make help:\n{r.stdout}"
