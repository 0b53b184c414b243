"""Exact instruction profile of a boot, armmm or Debian's Linux (`make profile`).

    /usr/bin/python3 scripts/profile [--board vexpress-a9] [--mem 512M]
                     [--kernel armmm|linux] [--zimage build/zImage]
                     [--top 10] [--depth 6] [--min 0.5] [--save FILE]

QEMU runs the board through U-Boot `bootz`, as every other run here, on
one vCPU under -icount shift=0 with the TCG plugin insn_profile.c, which
counts every guest instruction from the kernel's first (stext, physical)
to armmm's prompt (the first instruction of shell_run) or Linux's /init
(its first user-mode instruction). Same input, same count: a run is
exactly repeatable. The report:
  - milestones: instructions from stext to start_kernel, to paging_init's
    return, to the "Memory:" line (armmm: mem_init returns; Linux 6.1:
    mem_init_print_info returns) and to the prompt or /init;
  - the top functions by self count (instructions executed inside them);
  - the call tree by inclusive count (a function and what it called),
    children under their callers, down to --min percent of the total.
Symbols: armmm's System.map; Linux's own /proc/kallsyms (symbols.py).
"""

import argparse
import collections
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOP = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "qemu"))
sys.path.insert(0, str(HERE.parent))

import plugin  # noqa: E402
import symbols  # noqa: E402
from boards import BOARDS, cache_dir  # noqa: E402

PAGE_OFFSET = 0xC0000000
# Where Debian's armmp Linux starts: its TEXT_OFFSET is 0x208000, not 0x8000
# (ARCH_MESON in the multiplatform config; scripts/linux_ref/__init__.py).
# /proc/kallsyms lists nothing before _stext, so stext itself is added here.
LINUX_TEXT_OFFSET = 0x208000
# (label, symbol, "entry" = count when it starts | "return" = when its first call returns)
MILESTONES = {
    "armmm": [("start_kernel", "start_kernel", "entry"),
              ("paging_init returns", "paging_init", "return"),
              ('"Memory:" line', "mem_init", "return")],
    "linux": [("start_kernel", "start_kernel", "entry"),
              ("paging_init returns", "paging_init", "return"),
              ('"Memory:" line', "mem_init_print_info", "return")],
}
END_LABEL = {"armmm": "prompt (shell_run)", "linux": "/init (first user instruction)"}


class Profile:
    """A parsed plugin output, PCs turned into kernel virtual addresses."""

    def __init__(self, path, ram_base, syms):
        self.syms, self.total = syms, 0
        self.self_count = collections.Counter()
        self.funcs, self.marks = {}, {}
        self.kids = collections.defaultdict(list)      # parent node -> [(name, calls, incl)]
        va = lambda pc: pc - ram_base + PAGE_OFFSET if ram_base <= pc < ram_base + (256 << 20) else pc  # noqa: E731
        for line in Path(path).read_text().splitlines():
            f = line.split()
            if f[0] == "T":
                self.total = int(f[1])
            elif f[0] == "P":
                self.self_count[syms.name_at(va(int(f[1], 16)))] += int(f[2])
            elif f[0] == "F":
                name = syms.name_at(va(int(f[1], 16)))
                calls, incl, fs, fi = map(int, f[2:6])
                old = self.funcs.get(name)
                # a function entered at its symbol wins over a label inside it
                if old is None or va(int(f[1], 16)) == syms.by_name.get(name):
                    self.funcs[name] = (calls, incl, fs, fi)
            elif f[0] == "N":
                node, parent = int(f[1]), int(f[2])
                self.kids[parent].append((node, syms.name_at(va(int(f[3], 16))),
                                          int(f[4]), int(f[5])))
            elif f[0] == "M":
                self.marks[syms.name_at(va(int(f[1], 16)))] = int(f[2])

    def milestone(self, name, how):
        if how == "entry":
            return self.marks.get(name)
        if name not in self.funcs:
            return None
        calls, incl, first_start, first_incl = self.funcs[name]
        return first_start + first_incl

    def children(self, node):
        """The calls made in calling context `node` (0: the root), biggest first."""
        return sorted(self.kids.get(node, ()), key=lambda k: -k[3])


def symbols_for(kernel, board, log=print):
    """The kernel's text symbols (Linux's with stext added, see above)."""
    if kernel == "armmm":
        return symbols.armmm(TOP / "build" / "System.map")
    syms = symbols.linux(cache_dir(), board, log)
    syms.add(PAGE_OFFSET + LINUX_TEXT_OFFSET, "stext")
    return syms


def count(board, mem, zimage, start, stop, syms, marks=(), bootargs="console=ttyAMA0",
          initrd=None, save=None):
    """Boot through U-Boot with the plugin counting from `start` (a
    physical or virtual pc) to `stop` (the plugin's stop=PC or
    stop_user=1 argument; a power-off ends the count too). -> Profile."""
    from boot import boot, pexpect  # noqa: E402  (pexpect: Debian's python3-pexpect)

    so = plugin.build(cache_dir())
    out = save or tempfile.mktemp(prefix="insn_profile-", suffix=".txt")
    arg = f"{so},start={start:x},{stop}" + "".join(f",mark={m:x}" for m in marks) + f",out={out}"
    child = boot(board, mem, zimage, bootargs=bootargs, initrd=initrd, icount=True,
                 extra=["-plugin", arg], echo_cmd=False, timeout=300)
    try:
        child.expect(pexpect.EOF, timeout=1800)
    finally:
        child.terminate(force=True)
    if not os.path.isfile(out):
        raise RuntimeError(f"the plugin wrote no {out}: the count never started")
    prof = Profile(out, BOARDS[board].ram_base, syms)
    if not save:
        os.unlink(out)
    return prof


def run(kernel, board, mem, zimage, save, log=print, bootargs="console=ttyAMA0"):
    """Profile one boot of `kernel` from stext to its prompt or /init."""
    import linux_ref  # noqa: E402

    syms = symbols_for(kernel, board, log)
    if kernel == "armmm":
        stop, initrd = f"stop={syms.addr('shell_run'):x}", None
    else:
        zimage, stop, initrd = str(linux_ref.linux_zimage()), "stop_user=1", str(linux_ref.initrd())
    start = syms.addr("stext") - PAGE_OFFSET + BOARDS[board].ram_base
    marks = [syms.addr(n) for _, n, how in MILESTONES[kernel] if how == "entry"]
    log(f"profile: {kernel} on {board} -m {mem or BOARDS[board].default_mem}, counting from "
        f"stext ({start:#x}) ...")
    return count(board, mem, zimage, start, stop, syms, marks, bootargs, initrd, save)


def report(prof, kernel, top, depth, min_pct):
    print(f"{'milestone':<32}{'instructions':>16}")
    for label, name, how in MILESTONES[kernel]:
        v = prof.milestone(name, how)
        print(f"{label:<32}{v if v is not None else '-':>16,}" if v is not None
              else f"{label:<32}{'-':>16}")
    print(f"{END_LABEL[kernel]:<32}{prof.total:>16,}\n")
    print(f"top {top} by self count{'':14}{'self':>14}{'%':>7}")
    for name, n in prof.self_count.most_common(top):
        print(f"  {name:<36}{n:>14,}{100 * n / prof.total:>7.1f}")
    print(f"\ncall tree (inclusive, >= {min_pct}% of the total){'':4}{'calls':>8}{'incl':>14}{'%':>7}")
    limit = prof.total * min_pct / 100

    def walk(node, level):
        for child, name, calls, incl in prof.children(node):
            if incl < limit:
                continue
            print(f"  {'  ' * level}{name:<{max(8, 44 - 2 * level)}}{calls:>8,}{incl:>14,}"
                  f"{100 * incl / prof.total:>7.1f}")
            if level + 1 < depth:
                walk(child, level + 1)
    walk(0, 0)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="profile", description=__doc__.split("\n\n")[0])
    ap.add_argument("--board", default="vexpress-a9", choices=sorted(BOARDS))
    ap.add_argument("--mem", help="QEMU -m (default: the board's)")
    ap.add_argument("--kernel", default="armmm", choices=["armmm", "linux"])
    ap.add_argument("--zimage", default=str(TOP / "build" / "zImage"))
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--depth", type=int, default=6)
    ap.add_argument("--min", type=float, default=0.5, help="tree cut-off, percent")
    ap.add_argument("--save", help="keep the plugin's raw counts in this file")
    a = ap.parse_args(argv)
    try:
        prof = run(a.kernel, a.board, a.mem, a.zimage, a.save)
    except (plugin.PluginError, RuntimeError, KeyError) as e:
        print(f"profile: {e}", file=sys.stderr)
        return 1
    report(prof, a.kernel, a.top, a.depth, a.min)
    return 0


if __name__ == "__main__":
    sys.exit(main())
