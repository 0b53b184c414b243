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
# head.S: MM_MMUFLAGS_SMP/_UP (kernel, DTB, identity) and IO_MMUFLAGS (UART)
MM_MMUFLAGS_SMP = (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_AP_READ |
                   PMD_SECT_TEX1 | PMD_SECT_C | PMD_SECT_B | PMD_SECT_S)
MM_MMUFLAGS_UP = PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_AP_READ | PMD_SECT_C | PMD_SECT_B
IO_MMUFLAGS = PMD_TYPE_SECT | PMD_SECT_XN | PMD_SECT_AP_WRITE | PMD_SECT_AP_READ

# SMP or uniprocessor, as Linux decides (head.S __detect_smp): QEMU's
# one-core vexpress-a9 has an SCU reporting one CPU, so it is UP; the
# Cortex-A15 boards report an MP system. It sets shareability and the
# cache policy of every kernel mapping.
SMP = {"vexpress-a9": False, "virt": True, "vexpress-a15": True}

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


def expected_head_entries(phys_offset, dtb_phys, uart_phys, syms, smp):
    """The L1 entries head.S must have built, from first principles."""
    MM_MMUFLAGS = MM_MMUFLAGS_SMP if smp else MM_MMUFLAGS_UP
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
    suites = {name: {"ok": bool, "cases": {case: bool}, "skipped": {case: reason},
              "plan": n}} (a "# SKIP" case is ok, and listed in skipped),
    totals = dict from the '# Totals:' line."""
    lines = strip_stamps(text).splitlines()
    start = lines.index("KTAP version 1")
    suites, current = {}, None
    for line in lines[start:]:
        if m := re.match(r"^    # Subtest: (\S+)$", line):
            current = suites.setdefault(m[1], {"cases": {}, "skipped": {}, "plan": None,
                                                "ok": None})
        elif (m := re.match(r"^    1\.\.(\d+)$", line)) and current:
            current["plan"] = int(m[1])
        elif (m := re.match(r"^    (ok|not ok) \d+ (\S+)(?: # SKIP (.*))?$", line)) and current:
            current["cases"][m[2]] = m[1] == "ok"
            if m[3]:
                current["skipped"][m[2]] = m[3]
        elif m := re.match(r"^(ok|not ok) \d+ (\S+)$", line):
            suites[m[2]]["ok"] = m[1] == "ok"
        elif m := re.match(r"^# Totals: pass:(\d+) fail:(\d+) skip:(\d+) total:(\d+)$", line):
            return suites, {k: int(v) for k, v in zip(("pass", "fail", "skip", "total"), m.groups())}
    raise AssertionError("KTAP output has no '# Totals:' line")


def dumps(text):
    """{path: body} of every '--- BEGIN <path> ---' ... '--- END <path> ---'
    block the kernel printed with the dump_all boot argument."""
    text = text.replace("\r", "")
    return {m[1]: m[2] for m in re.finditer(
        r"^--- BEGIN (\S+) ---\n(.*?)^--- END \1 ---$", text, re.M | re.S)}


def ptdump_line(start, end, level, domain, bits):
    """One kernel_page_tables line exactly as Debian's Linux 6.1 prints it
    (arch/arm/mm/dump.c): range, size, level ("PGD"/"PTE"), the domain
    padded to 7, then each attribute column preceded by one space."""
    delta, units = (end - start) >> 10, "KMGTPE"
    u = 0
    while delta & 1023 == 0 and u < len(units) - 1:
        delta >>= 10
        u += 1
    return (f"0x{start:08x}-0x{end:08x}   {delta:9d}{units[u]} {level} {domain:7s}"
            + "".join(" " + b for b in bits))


def mem_bytes(mem):
    return int(mem[:-1]) << {"M": 20, "G": 30}[mem[-1]]
