"""Host tests for the user-space rows of `make compare` (scripts/compare_user.py
and the scenario's two drivers in scripts/user_scenario.py), on hand-written
/proc texts in Linux 6.1's formats. No QEMU.

    /usr/bin/python3 -m pytest -q tests/tools/test_compare_user_rows.py

What is checked: smaps and stat are read field by field; a VMA is matched
by start and name, the special mappings by name; any difference in a
VMA's range, perms, Rss/Referenced/Anonymous/Private_Clean/Private_Dirty,
in minflt/majflt or in the outcome is DIFFERENT; a special mapping moved
but of the same size and perms is the one named "expected"; a run or a
stop one side lacks is DIFFERENT; armmm's console driver turns job lines
into stops and statuses and keeps the fault trace of each step.
"""

import sys
from collections import namedtuple
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(TOP / "scripts"))
sys.path.insert(0, str(TOP / "scripts" / "qemu"))

import compare_user as cu  # noqa: E402
import user_scenario as us  # noqa: E402
from linux_ref import frames  # noqa: E402

Row = namedtuple("Row", "dump what linux armmm verdict rule")


def vma(start, end, perms, name, rss=0, ref=0, anon=0, pc=0, pd=0, ino=0):
    """One smaps entry as Linux 6.1's show_smap prints it (the fields the
    rows read, in their places among the others)."""
    head = f"{start:08x}-{end:08x} {perms} 00000000 00:00 {ino:<10} {name}".rstrip()
    size = (end - start) // 1024
    return "\n".join([
        head, f"Size:           {size:>8} kB", "KernelPageSize:        4 kB",
        "MMUPageSize:           4 kB", f"Rss:            {rss:>8} kB",
        f"Pss:            {rss:>8} kB", f"Pss_Dirty:      {pd:>8} kB",
        "Shared_Clean:          0 kB", "Shared_Dirty:          0 kB",
        f"Private_Clean:  {pc:>8} kB", f"Private_Dirty:  {pd:>8} kB",
        f"Referenced:     {ref:>8} kB", f"Anonymous:      {anon:>8} kB",
        "LazyFree:              0 kB", "Swap:                  0 kB",
        "Locked:                0 kB", "THPeligible:    0",
        "VmFlags: rd wr mr mw me ac"]) + "\n"


def smaps(**over):
    """memtouch-like: text, data, heap, an anonymous mmap, the three special
    pages, stack; over[name] replaces one entry's keyword arguments."""
    ents = {
        "text": dict(start=0x10000, end=0x11000, perms="r-xp", name="/bin/memtouch",
                     rss=4, ref=4, pd=4, ino=723),
        "heap": dict(start=0x14000, end=0x18000, perms="rw-p", name="[heap]",
                     rss=16, ref=16, anon=16, pd=16),
        "anon": dict(start=0xb6fed000, end=0xb6ffd000, perms="rw-p", name="",
                     rss=8, ref=4, anon=8, pd=8),
        "sigpage": dict(start=0xb6ffd000, end=0xb6ffe000, perms="r-xp", name="[sigpage]"),
        "vvar": dict(start=0xb6ffe000, end=0xb6fff000, perms="r--p", name="[vvar]"),
        "vdso": dict(start=0xb6fff000, end=0xb7000000, perms="r-xp", name="[vdso]"),
        "stack": dict(start=0xbefdf000, end=0xbf000000, perms="rw-p", name="[stack]",
                      rss=8, ref=8, anon=8, pd=8),
    }
    for k, v in over.items():
        if v is None:
            del ents[k]
        else:
            ents[k] = dict(ents[k], **v)
    return "".join(vma(**e) for e in ents.values())


def stat(minflt, majflt=0, comm="memtouch"):
    """/proc/<pid>/stat: pid (comm) state ppid ... minflt is field 10."""
    return (f"7 ({comm}) T 1 7 0 0 -1 4194304 {minflt} 0 {majflt} 0 0 0 0 0 20 0 1 0 "
            "33 45056 6 4294967295 65536 66944 3204444128 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n")


def run_frames(run, steps, status):
    """The frames one side prints for one run: steps = [(smaps, stat)]."""
    out = []
    for i, (sm, st) in enumerate(steps):
        out.append(frames.frame(us.name(run, i, "smaps"), sm))
        out.append(frames.frame(us.name(run, i, "stat"), st))
    out.append(frames.frame(us.name(run, "end", "outcome"), f"status {status}"))
    return frames.parse("".join(out))


def only_memtouch(linux_steps, armmm_steps, lstatus=0, astatus=0):
    L = run_frames("memtouch", linux_steps, lstatus)
    A = run_frames("memtouch", armmm_steps, astatus)
    return cu.rows(Row, L, A, only="memtouch")


def bad(rows):
    return [(r.dump, r.what, r.verdict) for r in rows if r.verdict != "equal"]


# ---- parsing ------------------------------------------------------------------------
def test_parse_smaps_fields_and_names():
    v = cu.parse_smaps(smaps())
    assert [x["name"] for x in v] == ["/bin/memtouch", "[heap]", "", "[sigpage]", "[vvar]",
                                      "[vdso]", "[stack]"]
    assert v[0]["start"] == 0x10000 and v[0]["end"] == 0x11000 and v[0]["perms"] == "r-xp"
    assert (v[1]["Rss"], v[1]["Referenced"], v[1]["Anonymous"], v[1]["Private_Dirty"]) == \
        (16, 16, 16, 16)
    assert v[2]["Referenced"] == 4 and v[2]["Private_Clean"] == 0


def test_parse_stat_fields_10_and_12():
    assert cu.parse_stat(stat(31, 2)) == (31, 2)
    # a comm with spaces and parentheses does not shift the fields
    assert cu.parse_stat(stat(5, 0, comm="a (b) c")) == (5, 0)
    assert cu.parse_stat("garbage") is None


# ---- rows -----------------------------------------------------------------------------
def test_identical_sides_are_all_equal():
    step = (smaps(), stat(24))
    rows = only_memtouch([step, step], [step, step])
    assert not bad(rows)
    # 7 VMAs x (vma, smaps) + faults, per step; then the outcome
    assert len(rows) == 2 * (7 * 2 + 1) + 1
    assert rows[0].dump == "memtouch@0" and rows[-1].what == "outcome"


@pytest.mark.parametrize("field,kw", [("Rss", "rss"), ("Referenced", "ref"),
                                      ("Anonymous", "anon"), ("Private_Clean", "pc"),
                                      ("Private_Dirty", "pd")])
def test_each_smaps_field_is_a_must(field, kw):
    changed = smaps(heap={kw: 12})
    rows = only_memtouch([(smaps(), stat(24))], [(changed, stat(24))])
    assert bad(rows) == [("memtouch@0", "[heap] smaps", "DIFFERENT")]


def test_range_and_perms_differences():
    rows = only_memtouch([(smaps(), stat(24))],
                         [(smaps(heap={"end": 0x19000}), stat(24))])
    assert ("memtouch@0", "[heap] vma", "DIFFERENT") in bad(rows)
    rows = only_memtouch([(smaps(), stat(24))],
                         [(smaps(text={"perms": "rwxp"}), stat(24))])
    assert ("memtouch@0", "/bin/memtouch vma", "DIFFERENT") in bad(rows)


def test_heap_split_as_linux_61_does_is_two_rows():
    """Linux 6.1's brk does not grow the .bss VMA: [heap] 14000-15000 and
    15000-18000. A kernel merging them shows up as missing and DIFFERENT."""
    lines = smaps(heap={"end": 0x15000, "rss": 4, "ref": 4, "anon": 4, "pd": 4})
    extra = vma(0x15000, 0x18000, "rw-p", "[heap]", 12, 12, 12, 0, 12)
    i = lines.index("b6fed000")
    linux = lines[:i] + extra + lines[i:]
    rows = only_memtouch([(linux, stat(24))], [(smaps(), stat(24))])
    b = bad(rows)
    assert ("memtouch@0", "[heap] vma", "DIFFERENT") in b
    moved = [r for r in rows if r.what == "[heap] vma" and r.armmm == "(none)"]
    assert moved and moved[0].linux.startswith("00015000-00018000")


def test_faults_and_outcome_are_musts():
    rows = only_memtouch([(smaps(), stat(24))], [(smaps(), stat(25))])
    assert bad(rows) == [("memtouch@0", "faults since exec", "DIFFERENT")]
    rows = only_memtouch([(smaps(), stat(24, 1))], [(smaps(), stat(24, 0))])
    assert bad(rows) == [("memtouch@0", "faults since exec", "DIFFERENT")]
    rows = only_memtouch([(smaps(), stat(24))], [(smaps(), stat(24))], 139, 0)
    assert bad(rows) == [("memtouch", "outcome", "DIFFERENT")]


def test_special_mappings_match_by_name():
    """Moved together, same size and perms: the one "expected" reason. Every
    other difference of theirs stays DIFFERENT."""
    moved = smaps(sigpage={"start": 0xb6ff0000, "end": 0xb6ff1000})
    rows = only_memtouch([(smaps(), stat(24))], [(moved, stat(24))])
    assert [(w, v.split(":")[0]) for _, w, v in bad(rows)] == [("[sigpage] vma", "expected")]
    assert cu.RANDOM_WHY in bad(rows)[0][2]
    wider = smaps(vdso={"end": 0xb7001000})
    rows = only_memtouch([(smaps(), stat(24))], [(wider, stat(24))])
    assert bad(rows) == [("memtouch@0", "[vdso] vma", "DIFFERENT")]
    # a VMA that is not special, moved: unmatched on both sides
    rows = only_memtouch([(smaps(), stat(24))],
                         [(smaps(anon={"start": 0xb6fec000, "end": 0xb6ffc000}), stat(24))])
    assert len([r for r in bad(rows) if r[1].endswith("(anon) vma")]) == 2


def test_missing_vma_step_and_run():
    rows = only_memtouch([(smaps(), stat(24))], [(smaps(vvar=None, vdso=None), stat(24))])
    assert {w for _, w, _ in bad(rows)} == {"[vvar] vma", "[vvar] smaps", "[vdso] vma",
                                            "[vdso] smaps"}
    step = (smaps(), stat(24))
    rows = only_memtouch([step, step], [step])
    assert any(d == "memtouch@1" and v == "DIFFERENT" for d, _, v in bad(rows))
    L = run_frames("memtouch", [step], 0)
    rows = cu.rows(Row, L, {}, only="memtouch")
    assert [(r.what, r.linux, r.armmm, r.verdict) for r in rows] == \
        [("runs", "ran", "(no run)", "DIFFERENT")]


def test_only_selects_a_programs_runs():
    step = (smaps(), stat(3))
    L, A = {}, {}
    for run, _ in us.RUNS:
        L.update(run_frames(run, [step], 139))
        A.update(run_frames(run, [step], 139))
    assert {r.dump.split("@")[0] for r in cu.rows(Row, L, A, only="fault")} == \
        {f"fault-{k}" for k in us.FAULT_KINDS}
    assert {r.dump.split("@")[0] for r in cu.rows(Row, L, A, only="hello")} == {"hello"}
    assert not bad(cu.rows(Row, L, A))
    del A["user:spread:0:smaps"]
    assert {d for d, _, _ in bad(cu.rows(Row, L, A))} == {"spread@0"}


# ---- armmm's console driver -------------------------------------------------------
def test_armmm_driver_steps_statuses_and_traces():
    """run_armmm types the program, reads the four files at each "Stopped",
    clears the refs, continues with fg; "Segmentation fault" is 128 + 11."""
    typed = []
    cmd = us.STOP_AT + " /bin/fault null"
    script = {
        cmd: "[    1.000000] fault: fault[4] 0x00010000 FSR 0x005 section translation "
             "fault, exec\n[    1.000000]        vma 00010000-00011000 r-xp 00000075 "
             "do_read_fault pte 0/0 -> 1/2 ret 0x100\n"
             f"[4] Stopped  {cmd}\n",
        "fg 4": "fault: fault[4] 0x00000000 FSR 0x005 section translation fault, read\n"
                f"[4] Segmentation fault  {cmd}\n",
    }

    def run_cmd(line):
        typed.append(line)
        if line.startswith("cat /proc/4/"):
            return f"text of {line.rsplit('/', 1)[1]}\n"
        return script.get(line, "")
    text = us.run_armmm(run_cmd, runs=(("fault-null", ("/bin/fault", "null")),))
    assert typed == [cmd] + [f"cat /proc/4/{f}" for f in us.FILES] + \
        ["echo 1 > /proc/4/clear_refs", "fg 4"]
    d = us.parse(frames.parse(text))["fault-null"]
    assert d["status"] == 128 + 11
    assert d["steps"][0]["maps"] == "text of maps\n"
    assert d["steps"][0]["trace"].splitlines()[0].startswith("fault: fault[4] 0x00010000")
    assert d["steps"][0]["trace"].splitlines()[1].startswith("       vma 00010000")
    assert d["end_trace"].startswith("fault: fault[4] 0x00000000")
    t = cu.traces(frames.parse(text))
    assert "fault-null@0: 1 fault on the way here" in t
    assert "fault-null@end: 1 fault on the way here" in t


def test_armmm_driver_exit_zero_and_unknown_words():
    assert us.run_armmm(lambda line: "", runs=(("hello", ("/bin/hello",)),)).count(
        "status 0") == 1
    with pytest.raises(ValueError):
        us.run_armmm(lambda line: f"[2] Sleeping  {us.STOP_AT} /bin/hello\n",
                     runs=(("hello", ("/bin/hello",)),))


def test_linux_init_runs_every_program_through_launch():
    init = us.linux_init()
    for run, argv in us.RUNS:
        assert f"scenario {run} {' '.join(argv)}" in init
    assert "/bin/launch /tmp/pid " + us.STOP_AT in init
    assert "echo 0 > /proc/sys/kernel/randomize_va_space" in init
    assert us.END_LINE in init
    assert set(us.programs()) == {"hello", "memtouch", "zero", "spread", "fault", "forktouch"}
