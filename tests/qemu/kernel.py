"""What the tests know about the kernel under test: its System.map, the
descriptor bits head.S uses (named as in asm/pgtable-hwdef.h), and parsers
for the boot banner and KTAP output."""

import re
from pathlib import Path

TOP = Path(__file__).resolve().parents[2]

PAGE_OFFSET = 0xC0000000
SECTION = 1 << 20
FDT_FIXED_BASE = 0xFF800000
DEBUG_LL_VIRT_BASE = 0xFF700000

# asm/pgtable-hwdef.h, level 1 section bits
PMD_TYPE_SECT = 2 << 0
PMD_SECT_B = 1 << 2
PMD_SECT_C = 1 << 3
PMD_SECT_XN = 1 << 4
PMD_SECT_AP_WRITE = 1 << 10
PMD_SECT_AP_READ = 1 << 11
PMD_SECT_TEX1 = 1 << 12
PMD_SECT_S = 1 << 16
# head.S: MM_MMUFLAGS (kernel, DTB, identity) and IO_MMUFLAGS (debug UART)
MM_MMUFLAGS = (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_AP_READ |
               PMD_SECT_TEX1 | PMD_SECT_C | PMD_SECT_B | PMD_SECT_S)
IO_MMUFLAGS = PMD_TYPE_SECT | PMD_SECT_XN | PMD_SECT_AP_WRITE | PMD_SECT_AP_READ

STAMP = re.compile(r"^\[\s*\d+\.\d{6}\] ?", re.M)


def system_map(path=TOP / "build" / "System.map"):
    syms = {}
    for line in Path(path).read_text().splitlines():
        addr, _, name = line.split()
        syms[name] = int(addr, 16)
    return syms


def strip_stamps(text):
    """Kernel log lines without their "[    0.000000] " prefix."""
    return STAMP.sub("", text.replace("\r", ""))


def head_entries(text):
    """{index: descriptor} of the head.S lines of the boot banner."""
    return {int(i, 16): int(d, 16) for i, d in
            re.findall(r"^\s+\[(0x[0-9a-f]{3})\] .*\((0x[0-9a-f]{8})\)$", text, re.M)}


def expected_head_entries(phys_offset, dtb_phys, uart_phys, syms):
    """The L1 entries head.S must have built, from first principles."""
    want = {}
    idmap_pa = syms["__turn_mmu_on"] - PAGE_OFFSET + phys_offset
    want[idmap_pa >> 20] = (idmap_pa & ~(SECTION - 1)) | MM_MMUFLAGS
    for va in range(PAGE_OFFSET, syms["_end"], SECTION):
        want[va >> 20] = (va - PAGE_OFFSET + phys_offset) | MM_MMUFLAGS
    dtb_sect = dtb_phys & ~(SECTION - 1)
    want[FDT_FIXED_BASE >> 20] = dtb_sect | MM_MMUFLAGS
    want[(FDT_FIXED_BASE >> 20) + 1] = (dtb_sect + SECTION) | MM_MMUFLAGS
    want[DEBUG_LL_VIRT_BASE >> 20] = (uart_phys & ~(SECTION - 1)) | IO_MMUFLAGS
    return want


def parse_ktap(text):
    """Parse KTAP v1 as lib/ktest.c prints it. Returns (suites, totals):
    suites = {name: {"ok": bool, "cases": {case: bool}, "plan": n}},
    totals = dict from the '# Totals:' line."""
    lines = strip_stamps(text).splitlines()
    start = lines.index("KTAP version 1")
    suites, current = {}, None
    for line in lines[start:]:
        if m := re.match(r"^    # Subtest: (\S+)$", line):
            current = suites.setdefault(m[1], {"cases": {}, "plan": None, "ok": None})
        elif (m := re.match(r"^    1\.\.(\d+)$", line)) and current:
            current["plan"] = int(m[1])
        elif (m := re.match(r"^    (ok|not ok) \d+ (\S+)$", line)) and current:
            current["cases"][m[2]] = m[1] == "ok"
        elif m := re.match(r"^(ok|not ok) \d+ (\S+)$", line):
            suites[m[2]]["ok"] = m[1] == "ok"
        elif m := re.match(r"^# Totals: pass:(\d+) fail:(\d+) skip:(\d+) total:(\d+)$", line):
            return suites, {k: int(v) for k, v in zip(("pass", "fail", "skip", "total"), m.groups())}
    raise AssertionError("KTAP output has no '# Totals:' line")
