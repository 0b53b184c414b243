"""The user-space rows of `make compare` (issue 13): every usr/ program run
under Debian's Linux 6.1 and under armmm from the same binaries, stopped at
the same places, its maps, smaps and fault counts compared at every stop
(scripts/compare_user.py, scripts/user_scenario.py).

Linux's side is scripts/linux_ref/user.py: booted once per board and
memory size, cached under $CACHE/linux-ref/<board>-<mem>/user/ (about 10 s
the first time). armmm's side is booted here, once per case.

What would fail: any VMA, smaps count, fault count or outcome that is not
Linux's (a fault policy change: zero page, fault-around, copy on write,
stack expansion, brk's VMA rule, the vDSO's placement); a program that no
longer stops where the scenario expects; the fault trace losing its lines.
"""

import re
import subprocess
import sys
from collections import namedtuple

import pytest

from conftest import TOP
from boards import cache_dir

sys.path.insert(0, str(TOP / "scripts"))
import compare_user  # noqa: E402
import linux_ref  # noqa: E402
import user_scenario  # noqa: E402
from linux_ref import frames, user as linux_user  # noqa: E402

pytestmark = pytest.mark.boards("vexpress-a9")
Row = namedtuple("Row", "dump what linux armmm verdict rule")
USR = TOP / "build" / "usr"
BAD = re.compile(r"Kernel panic|BUG:|Unable to handle|Internal error|(?i:(data|prefetch) abort)")


def need_parts():
    for need in ("linux/vmlinuz", "u-boot/vexpress_ca9x4/u-boot", "u-boot/qemu_arm/u-boot.bin"):
        if not (cache_dir() / need).exists():
            pytest.skip(f"{cache_dir() / need} missing: run scripts/setup.sh")
    missing = [p for p in user_scenario.programs() + ["launch"] if not (USR / p).is_file()]
    if missing:
        pytest.skip(f"{missing} not built in {USR} (make all build/usr/launch)")


def linux_dumps(board, mem):
    try:
        return linux_user.ensure_user(board, mem, USR, log=lambda s: None)
    except linux_ref.RefError as e:
        pytest.fail(f"Linux user-space run failed: {e}", pytrace=False)


CASES = [("vexpress-a9", "512M"), ("vexpress-a9", "1G"), ("virt", "1G")]


@pytest.mark.parametrize("board_name,mem", CASES, ids=[f"{b}-{m}" for b, m in CASES])
def test_user_rows_equal_linux(zimage, board_name, mem, tmp_path):
    need_parts()
    L = linux_dumps(board_name, mem)
    log = tmp_path / "armmm-user.log"
    A = frames.parse(compare_user.run_armmm(board_name, mem, zimage, log_path=log))
    bad = BAD.search(log.read_text())
    assert not bad, f"armmm's console: {bad[0]} (see {log})"
    rows = compare_user.rows(Row, L, A)
    diff = [r for r in rows if r.verdict != "equal"]
    assert not diff, "\n".join(f"{r.dump} {r.what}: Linux {r.linux!r} armmm {r.armmm!r} "
                               f"{r.verdict}" for r in diff)
    # the rows say something: every run stopped before main and ran to an end
    runs = user_scenario.parse(A)
    assert set(runs) == {r for r, _ in user_scenario.RUNS}
    for run, r in runs.items():
        assert r["steps"] and r["status"] is not None, run
        first = r["steps"][0]
        names = [v["name"] for v in compare_user.parse_smaps(first["smaps"])]
        assert names[-4:] == ["[vvar]", "[vdso]", "[stack]", "[vectors]"], (run, names)
    # memtouch's stops: before main, two of its own, after main; its
    # faults only grow, and its heap is two VMAs (Linux 6.1's brk)
    mt = runs["memtouch"]["steps"]
    assert len(mt) == 4
    flt = [compare_user.parse_stat(s["stat"])[0] for s in mt]
    assert flt == sorted(flt) and flt[0] < flt[-1]
    heaps = [v for v in compare_user.parse_smaps(mt[1]["smaps"]) if v["name"] == "[heap]"]
    assert len(heaps) == 2
    assert runs["hello"]["status"] == 0
    assert runs["fault-null"]["status"] == 128 + 11
    assert runs["fault-undef"]["status"] == 128 + 4


def test_compare_user_cli_fault_trace(zimage):
    """`make compare-user PROG=zero TRACE=1`'s script: the table of one
    program, then each step's faults with both PTEs; the zero page's
    read fault and its copy on write are there."""
    need_parts()
    linux_dumps("vexpress-a9", "512M")
    r = subprocess.run(["/usr/bin/python3", str(TOP / "scripts" / "compare-dumps"), "--board",
                        "vexpress-a9", "--mem", "512M", "--zimage", str(zimage), "--user-only",
                        "--prog", "zero", "--fault-trace", "--width", "200"],
                       capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    out = r.stdout
    assert re.search(r"^must \| zero@0 +\| /bin/zero vma", out, re.M)
    assert "memtouch@" not in out and "memblock" not in out
    assert re.search(r"^\d+ 'must' rows: \d+ equal or expected, 0 DIFFERENT", out, re.M)
    trace = out[out.index("armmm's fault trace"):]
    assert re.search(r"^zero@1: [1-9]\d* faults? on the way here", trace, re.M)
    assert re.search(r"do_anonymous_page pte 00000000/00000000 -> [0-9a-f]{8}/[0-9a-f]{8}",
                     trace)
    assert "do_wp_page (zero page)" in trace


def test_compare_user_bad_program():
    r = subprocess.run(["/usr/bin/python3", str(TOP / "scripts" / "compare-dumps"),
                        "--user-only", "--prog", "nosuch"], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 2
    assert "--prog nosuch: not a usr/ program of the scenario (fault, forktouch, hello, memtouch" in r.stderr
