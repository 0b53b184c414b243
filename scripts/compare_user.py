"""The user-space rows of `make compare` (issue 13): the usr/ programs
under Debian's Linux and under armmm, step by step (scripts/user_scenario.py
runs them; scripts/linux_ref/user.py collects Linux's side).

Rows, for every run of the scenario and every step (a stop) of it, "dump"
being "<run>@<step>":
  - per VMA of the program, matched by start address and name ([sigpage],
    [vvar] and [vdso] by name: Linux's sigpage_addr may place the three at
    a random address, arch/arm/kernel/process.c): its start-end, perms and
    name (must), and its Rss, Referenced, Anonymous, Private_Clean and
    Private_Dirty from smaps, in kB (must);
  - minflt and majflt of /proc/<pid>/stat, counted from exec (must);
  - the outcome: exit status, or 128 + the signal that killed it (must).
A row is "equal", "DIFFERENT", or "expected: <why>" where the difference
has a reason outside the memory code. The one such reason written down
is RANDOM_WHY (a special mapping at another address, same size and
perms); no run has needed it so far.

    make compare-user [BOARD=] [MEM=] [PROG=memtouch] [TRACE=1]
prints these rows alone (scripts/compare-dumps --user-only), and with
TRACE=1 armmm's fault trace of every step under the table.
"""

import re
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TOP / "scripts"))
sys.path.insert(0, str(TOP / "scripts" / "qemu"))

import user_scenario  # noqa: E402
import boot as qemu_boot  # noqa: E402

SMAPS_FIELDS = ("Rss", "Referenced", "Anonymous", "Private_Clean", "Private_Dirty")
RANDOM_PLACED = ("[sigpage]", "[vvar]", "[vdso]")
PROMPT = "armmm# "

_VMA_RE = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) ([r-][w-][x-][ps]) ([0-9a-f]+) "
                     r"([0-9a-f]+:[0-9a-f]+) (\d+)\s*(.*)$")


# ---- parsing -------------------------------------------------------------------------
def parse_smaps(text):
    """[{start, end, perms, name, <field>: kB}] in address order."""
    vmas = []
    for line in text.splitlines():
        m = _VMA_RE.match(line)
        if m:
            vmas.append({"start": int(m[1], 16), "end": int(m[2], 16), "perms": m[3],
                         "name": m[7].strip()})
            continue
        f = re.fullmatch(r"(\w+):\s+(\d+) kB", line)
        if f and vmas:
            vmas[-1][f[1]] = int(f[2])
    return vmas


def parse_stat(text):
    """(minflt, majflt): fields 10 and 12 of /proc/<pid>/stat (proc(5))."""
    m = re.fullmatch(r"\d+ \(.*\) (.*)", text.strip())
    if not m:
        return None
    f = m[1].split()
    return int(f[7]), int(f[9])


# ---- rows ----------------------------------------------------------------------------
def vma_key(v):
    return v["name"] if v["name"] in RANDOM_PLACED else (v["start"], v["name"])


def show_vma(v):
    if v is None:
        return "(none)"
    return f"{v['start']:08x}-{v['end']:08x} {v['perms']} {v['name'] or '(anon)'}"


SHORT = {"Rss": "Rss", "Referenced": "Ref", "Anonymous": "Anon", "Private_Clean": "PrivC",
         "Private_Dirty": "PrivD"}


def show_counts(v):
    """"Rss=8 Ref=4 Anon=8 PrivC=0 PrivD=8" (kB), "-" without the VMA."""
    if v is None:
        return "-"
    return " ".join(f"{SHORT[f]}={v.get(f, '?')}" for f in SMAPS_FIELDS)


def _verdict(linux, armmm):
    return "equal" if linux == armmm else "DIFFERENT"


RANDOM_WHY = ("Linux's sigpage_addr places [sigpage], [vvar] and [vdso] at a random page "
              "above the stack when there is room; same size and perms")


def vma_verdict(key, lvma, avma):
    """A VMA row's verdict: the special mappings may sit elsewhere."""
    if show_vma(lvma) == show_vma(avma):
        return "equal"
    if key in RANDOM_PLACED and lvma and avma and lvma["perms"] == avma["perms"] and \
            lvma["end"] - lvma["start"] == avma["end"] - avma["start"]:
        return f"expected: {RANDOM_WHY}"
    return "DIFFERENT"


def step_rows(Row, run, step, L, A):
    """Rows of one step: L and A are {file: text} of the two sides."""
    where = f"{run}@{step}"
    rows = []
    lv = {vma_key(v): v for v in parse_smaps(L.get("smaps", ""))}
    av = {vma_key(v): v for v in parse_smaps(A.get("smaps", ""))}
    order = sorted(set(lv) | set(av), key=lambda k: (lv.get(k) or av.get(k))["start"])
    for k in order:
        lvma, avma = lv.get(k), av.get(k)
        what = (lvma or avma)["name"] or f"{(lvma or avma)['start']:08x} (anon)"
        l_at, a_at = show_vma(lvma), show_vma(avma)
        rows.append(Row(where, f"{what} vma", l_at, a_at, vma_verdict(k, lvma, avma), "must"))
        lc, ac = show_counts(lvma), show_counts(avma)
        rows.append(Row(where, f"{what} smaps", lc, ac, _verdict(lc, ac), "must"))
    lf, af = parse_stat(L.get("stat", "")), parse_stat(A.get("stat", ""))
    show = (lambda f: "(no stat)" if f is None else f"minflt {f[0]} majflt {f[1]}")
    rows.append(Row(where, "faults since exec", show(lf), show(af),
                    _verdict(show(lf), show(af)), "must"))
    return rows


def rows(Row, linux_dumps, armmm_dumps, only=None):
    """Every row of the user-space comparison (Row: compare-dumps' namedtuple)."""
    L, A = user_scenario.parse(linux_dumps), user_scenario.parse(armmm_dumps)
    out = []
    for run, _ in user_scenario.RUNS:
        if only and run != only and not run.startswith(only + "-"):
            continue
        lr, ar = L.get(run), A.get(run)
        if not lr or not ar:
            out.append(Row(run, "runs", "ran" if lr else "(no run)", "ran" if ar else "(no run)",
                           "DIFFERENT", "must"))
            continue
        for step in range(max(len(lr["steps"]), len(ar["steps"]))):
            ls = lr["steps"][step] if step < len(lr["steps"]) else {}
            as_ = ar["steps"][step] if step < len(ar["steps"]) else {}
            out += step_rows(Row, run, step, ls, as_)
        out.append(Row(run, "outcome", f"status {lr['status']}", f"status {ar['status']}",
                       _verdict(lr["status"], ar["status"]), "must"))
    return out


def traces(armmm_dumps, only=None):
    """armmm's fault trace of each step, for the table's reader:
    "<run>@<step>: the faults on the way to this stop" then the lines."""
    out = []
    for run, r in user_scenario.parse(armmm_dumps).items():
        if only and run != only and not run.startswith(only + "-"):
            continue
        steps = [(f"{run}@{i}", st.get("trace", "")) for i, st in enumerate(r["steps"])]
        steps.append((f"{run}@end", r.get("end_trace", "")))
        for where, text in steps:
            n = sum(line.startswith("fault: ") for line in text.splitlines())
            out.append(f"{where}: {n} fault{'s' if n != 1 else ''} on the way here")
            out += ["  " + line for line in text.splitlines()]
    return "\n".join(out)


# ---- armmm's side --------------------------------------------------------------------
def run_armmm(board, mem, zimage, log_path=None, timeout=60, fault_trace=False):
    """Boot armmm to its prompt and type the scenario; return its frames
    as text (frames.parse() reads it). fault_trace: boot with it, so each
    step's faults come back as "user:<run>:<step>:trace" frames."""
    t = qemu_boot.Transcript()
    bootargs = "console=ttyAMA0" + (" fault_trace" if fault_trace else "")
    child = qemu_boot.boot(board, mem, str(zimage), bootargs=bootargs,
                           logfile=t, echo_cmd=False)

    def run_cmd(cmd):
        child.expect_exact(PROMPT, timeout=timeout) if not run_cmd.at_prompt else None
        child.send(cmd + "\r")
        child.expect_exact(PROMPT, timeout=timeout)
        out = child.before.replace("\r", "")
        first, _, rest = out.partition("\n")
        return rest if first.strip() == cmd.strip() else out
    run_cmd.at_prompt = False
    try:
        child.expect_exact(PROMPT, timeout=timeout)
        run_cmd.at_prompt = True
        text = user_scenario.run_armmm(run_cmd)
    finally:
        child.terminate(force=True)
        if log_path:
            Path(log_path).parent.mkdir(parents=True, exist_ok=True)
            Path(log_path).write_text(t.text())
    return text
