#!/usr/bin/python3
"""Decode ARMv7 short-descriptor page tables, laid out as Linux 6.1 lays
them out (pgtable-2level), into the text of Linux's
/sys/kernel/debug/kernel_page_tables (arch/arm/mm/dump.c).

Used by scripts/linux_ref (Linux's swapper_pg_dir read out of guest memory
with the QEMU monitor: Debian's armmp config has no CONFIG_ARM_PTDUMP_DEBUGFS)
and by the tests. armmm prints the same file itself; the two texts are
compared by scripts/compare-dumps.

What Linux's ptdump shows, and so what this prints
--------------------------------------------------
  * The walk goes over swapper_pg_dir in 2 MiB steps (a Linux pgd/pmd entry
    is a pair of 1 MiB hardware L1 entries, see design.md section 3).
  * A 1 MiB section is shown from its hardware L1 descriptor: AP/APX, XN, S
    ("PGD" lines). The memory type (TEX/C/B) of a section is not shown.
  * A page-table entry is followed to its 4 KiB page and the *Linux* PTEs
    at offsets 0x000 and 0x400 are shown (software bits L_PTE_*: USER,
    RDONLY, XN, SHARED, memory type), not the hardware ones at 0x800/0xc00
    ("PTE" lines). decode_l2() decodes the hardware half; linux_hw_mismatch()
    checks that it says what the Linux half says.
  * Equal neighbours are merged; a line ends at an address marker
    ("---[ Kernel Mapping ]---"), a change of domain, of level (PGD/PTE) or
    of attributes. Entries whose shown bits are all zero are not printed.

The rules: one table, RULES below. The "sect" and "pte" rows are dump.c's
section_bits[] and pte_bits[] in dump.c's order (that order is the column
order of the output). The "hw-sect" and "hw-pte" rows decode the hardware
descriptors. Bit names are the ARM ARM's as spelt in Linux's
pgtable-2level-hwdef.h and pgtable-2level.h.

    scripts/ptdump_decode.py --pgd pgd.bin --pages DIR --high-memory 0xe0000000
        (DIR holds the PTE pages as <pa in hex>.bin, as scripts/linux_ref saves them)
"""

import argparse
import os
import re
import struct
import sys
from collections import namedtuple

# ---- ARMv7-A ARM B3.5, short-descriptor format: level 1 --------------------
#  31                    20 19 18 17 16 15 14 12 11 10 9 8   5 4  3 2 1 0
# +------------------------+--+--+--+--+---+-----+-----+-+-----+--+-+-+---+
# | section base PA[31:20] |NS| 0|nG| S|APX| TEX | AP  | | DOM |XN|C|B|1 0|
# +------------------------+--+--+--+--+---+-----+-----+-+-----+--+-+-+---+
# |     page table base PA[31:10]                      | | DOM | |NS|0|0 1|
# +----------------------------------------------------+-+-----+-+--+-+---+
PMD_TYPE_MASK = 3 << 0
PMD_TYPE_FAULT = 0 << 0
PMD_TYPE_TABLE = 1 << 0
PMD_TYPE_SECT = 2 << 0
PMD_SECT_B = 1 << 2           # bufferable
PMD_SECT_C = 1 << 3           # cacheable
PMD_SECT_XN = 1 << 4          # execute never
PMD_DOMAIN_SHIFT = 5
PMD_DOMAIN_MASK = 0xF << PMD_DOMAIN_SHIFT
PMD_SECT_AP_WRITE = 1 << 10   # AP[0]
PMD_SECT_AP_READ = 1 << 11    # AP[1]
PMD_SECT_TEX_SHIFT = 12       # TEX[2:0]
PMD_SECT_TEX0 = 1 << 12       # TEX[0]: with TEX remap, bit 2 of the type index
PMD_SECT_APX = 1 << 15        # AP[2]: read-only
PMD_SECT_S = 1 << 16          # shareable
PMD_SECT_nG = 1 << 17         # not global
PMD_SECT_SUPER = 1 << 18      # 16 MiB supersection
PMD_SECT_BASE_MASK = 0xFFF00000
PMD_TABLE_MASK = 0xFFFFFC00
PMD_SECT_AP_MASK = PMD_SECT_APX | PMD_SECT_AP_READ | PMD_SECT_AP_WRITE

# ---- level 2, small page (hardware half of a Linux PTE page) ---------------
#  31                    12 11 10  9  8  6 5  4 3 2 1 0
# +------------------------+--+--+---+-----+----+-+-+-+--+
# | page base PA[31:12]    |nG| S|APX| TEX | AP |C|B|1|XN|
# +------------------------+--+--+---+-----+----+-+-+-+--+
PTE_TYPE_MASK = 3 << 0
PTE_TYPE_FAULT = 0 << 0
PTE_TYPE_LARGE = 1 << 0       # 64 KiB page (Linux never uses it)
PTE_TYPE_SMALL = 2 << 0       # 1x: 4 KiB page, bit 0 is XN
PTE_EXT_XN = 1 << 0
PTE_BUFFERABLE = 1 << 2       # B
PTE_CACHEABLE = 1 << 3        # C
PTE_EXT_AP0 = 1 << 4          # AP[0]: Linux sets it on every valid page
PTE_EXT_AP1 = 1 << 5          # AP[1]: user access
PTE_EXT_TEX0 = 1 << 6         # TEX[0]
PTE_EXT_APX = 1 << 9          # AP[2]: read-only
PTE_EXT_SHARED = 1 << 10      # S
PTE_EXT_NG = 1 << 11          # not global
PTE_EXT_AP_MASK = PTE_EXT_APX | PTE_EXT_AP1 | PTE_EXT_AP0

# ---- Linux PTE, software view (pgtable-2level.h) -----------------------------
L_PTE_PRESENT = 1 << 0
L_PTE_YOUNG = 1 << 1
L_PTE_MT_SHIFT = 2            # bits [5:2]: memory type
L_PTE_DIRTY = 1 << 6
L_PTE_RDONLY = 1 << 7
L_PTE_USER = 1 << 8
L_PTE_XN = 1 << 9
L_PTE_SHARED = 1 << 10
L_PTE_NONE = 1 << 11
L_PTE_MT_MASK = 0xF << 2
L_PTE_MT_UNCACHED = 0x0 << 2      # 0000
L_PTE_MT_BUFFERABLE = 0x1 << 2    # 0001
L_PTE_MT_WRITETHROUGH = 0x2 << 2  # 0010
L_PTE_MT_WRITEBACK = 0x3 << 2     # 0011
L_PTE_MT_MINICACHE = 0x6 << 2     # 0110
L_PTE_MT_WRITEALLOC = 0x7 << 2    # 0111
L_PTE_MT_DEV_SHARED = 0x4 << 2    # 0100
L_PTE_MT_DEV_NONSHARED = 0xC << 2  # 1100
L_PTE_MT_DEV_WC = 0x9 << 2        # 1001
L_PTE_MT_DEV_CACHED = 0xB << 2    # 1011
L_PTE_MT_VECTORS = 0xF << 2       # 1111

# ---- TEX remap (SCTLR.TRE=1): the type index is TEX[0]:C:B -----------------
# The hardware memory type of index n is PRRR/NMRR field n. The values are
# the ones Linux's proc-v7-2level.S loads (and armmm's head.S); their table:
#   n  PRRR.TR       NMRR.IR/OR     Linux types with this index
#   0  strongly-ord  -              UNCACHED
#   1  normal        non-cacheable  BUFFERABLE, DEV_WC
#   2  normal        write-through  WRITETHROUGH
#   3  normal        write-back     WRITEBACK, DEV_CACHED
#   4  device        -              DEV_SHARED, DEV_NONSHARED
#   5  (unused)
#   6  (unused)      -              MINICACHE (no such memory on ARMv7)
#   7  normal        WB write-alloc WRITEALLOC, VECTORS
PRRR = 0xFF0A81A8
NMRR = 0x40E040E0
_TR = ("strongly-ordered", "device", "normal", "reserved")
_RGN = ("non-cacheable", "WB write-allocate", "write-through", "write-back")


def tex_remap_type(index, prrr=PRRR, nmrr=NMRR):
    """The hardware memory type of TEX remap index 0..7, e.g.
    "normal inner WB write-allocate outer WB write-allocate"."""
    tr = _TR[(prrr >> (2 * index)) & 3]
    if tr != "normal":
        return tr
    inner = _RGN[(nmrr >> (2 * index)) & 3]
    outer = _RGN[(nmrr >> (16 + 2 * index)) & 3]
    return f"normal inner {inner} outer {outer}"


# ---- the rules -----------------------------------------------------------------
# table:  "sect"    L1 section, as dump.c's section_bits[] (ARMv6+, non-LPAE)
#         "pte"     Linux PTE, as dump.c's pte_bits[]
#         "hw-sect" L1 section, hardware fields dump.c does not show
#         "hw-pte"  hardware small page (+0x800/+0xc00 half of a PTE page)
# A rule prints `set` when (desc & mask) == val, else `clear` (None: nothing).
Rule = namedtuple("Rule", "table mask val set clear")
_MT_IDX_SECT = PMD_SECT_TEX0 | PMD_SECT_C | PMD_SECT_B
_MT_IDX_PTE = PTE_EXT_TEX0 | PTE_CACHEABLE | PTE_BUFFERABLE


def _tex_idx_rules(table, tex0, c, b, names):
    return tuple(Rule(table, tex0 | c | b, (tex0 if n & 4 else 0) | (c if n & 2 else 0) |
                      (b if n & 1 else 0), names[n], None) for n in range(8))


_IDX_NAMES = tuple(f"idx{n}:{tex_remap_type(n)}" for n in range(8))

RULES = (
    # -- dump.c section_bits[] (__LINUX_ARM_ARCH__ >= 6): AP[2:0] as 4 cases
    Rule("sect", PMD_SECT_AP_MASK, PMD_SECT_APX | PMD_SECT_AP_WRITE, "    ro", None),
    Rule("sect", PMD_SECT_AP_MASK, PMD_SECT_AP_WRITE, "    RW", None),
    Rule("sect", PMD_SECT_AP_MASK, PMD_SECT_AP_READ, "USR ro", None),
    Rule("sect", PMD_SECT_AP_MASK, PMD_SECT_AP_READ | PMD_SECT_AP_WRITE, "USR RW", None),
    Rule("sect", PMD_SECT_XN, PMD_SECT_XN, "NX", "x "),
    Rule("sect", PMD_SECT_S, PMD_SECT_S, "SHD", "   "),
    # -- dump.c pte_bits[] (non-LPAE): Linux PTE software bits
    Rule("pte", L_PTE_USER, L_PTE_USER, "USR", "   "),
    Rule("pte", L_PTE_RDONLY, L_PTE_RDONLY, "ro", "RW"),
    Rule("pte", L_PTE_XN, L_PTE_XN, "NX", "x "),
    Rule("pte", L_PTE_SHARED, L_PTE_SHARED, "SHD", "   "),
    Rule("pte", L_PTE_MT_MASK, L_PTE_MT_UNCACHED, "SO/UNCACHED", None),
    Rule("pte", L_PTE_MT_MASK, L_PTE_MT_BUFFERABLE, "MEM/BUFFERABLE/WC", None),
    Rule("pte", L_PTE_MT_MASK, L_PTE_MT_WRITETHROUGH, "MEM/CACHED/WT", None),
    Rule("pte", L_PTE_MT_MASK, L_PTE_MT_WRITEBACK, "MEM/CACHED/WBRA", None),
    Rule("pte", L_PTE_MT_MASK, L_PTE_MT_MINICACHE, "MEM/MINICACHE", None),
    Rule("pte", L_PTE_MT_MASK, L_PTE_MT_WRITEALLOC, "MEM/CACHED/WBWA", None),
    Rule("pte", L_PTE_MT_MASK, L_PTE_MT_DEV_SHARED, "DEV/SHARED", None),
    Rule("pte", L_PTE_MT_MASK, L_PTE_MT_DEV_NONSHARED, "DEV/NONSHARED", None),
    Rule("pte", L_PTE_MT_MASK, L_PTE_MT_DEV_WC, "DEV/WC", None),
    Rule("pte", L_PTE_MT_MASK, L_PTE_MT_DEV_CACHED, "DEV/CACHED", None),
    # -- hardware section: what dump.c leaves out
    Rule("hw-sect", PMD_SECT_SUPER, PMD_SECT_SUPER, "SUPER", None),
    Rule("hw-sect", PMD_SECT_nG, PMD_SECT_nG, "nG", None),
    *_tex_idx_rules("hw-sect", PMD_SECT_TEX0, PMD_SECT_C, PMD_SECT_B, _IDX_NAMES),
    # -- hardware small page: AP[2:0] as set_pte_ext() writes them
    Rule("hw-pte", PTE_EXT_AP_MASK, PTE_EXT_APX | PTE_EXT_AP0, "    ro", None),
    Rule("hw-pte", PTE_EXT_AP_MASK, PTE_EXT_AP0, "    RW", None),
    Rule("hw-pte", PTE_EXT_AP_MASK, PTE_EXT_APX | PTE_EXT_AP1 | PTE_EXT_AP0, "USR ro", None),
    Rule("hw-pte", PTE_EXT_AP_MASK, PTE_EXT_AP1 | PTE_EXT_AP0, "USR RW", None),
    Rule("hw-pte", PTE_EXT_XN, PTE_EXT_XN, "NX", "x "),
    Rule("hw-pte", PTE_EXT_SHARED, PTE_EXT_SHARED, "SHD", "   "),
    Rule("hw-pte", PTE_EXT_NG, PTE_EXT_NG, "nG", None),
    *_tex_idx_rules("hw-pte", PTE_EXT_TEX0, PTE_CACHEABLE, PTE_BUFFERABLE, _IDX_NAMES),
)


def rules(table):
    return [r for r in RULES if r.table == table]


def table_mask(table):
    """dump.c's pg_level[].mask: the OR of the masks of a table's rules;
    only these bits decide whether two entries are "the same"."""
    m = 0
    for r in rules(table):
        m |= r.mask
    return m


def apply_rules(table, desc):
    """The words the rules of `table` print for `desc`, each with dump.c's
    leading space, concatenated (" RW NX SHD MEM/CACHED/WBWA")."""
    out = []
    for r in rules(table):
        s = r.set if (desc & r.mask) == r.val else r.clear
        if s is not None:
            out.append(" " + s)
    return "".join(out)


# ---- domains (asm/domain.h, !CONFIG_IO_36) ------------------------------------
DOMAIN_NAMES = {0: "KERNEL ", 1: "USER   ", 2: "IO     ", 3: "VECTORS"}


def domain_name(pmd):
    """dump.c get_domain_name(): the L1 entry's domain field, padded to 7."""
    return DOMAIN_NAMES.get((pmd & PMD_DOMAIN_MASK) >> PMD_DOMAIN_SHIFT, "unknown")


# ---- one descriptor at a time (tests, the hardware cross-check) --------------
def decode_l1(desc):
    """Describe one hardware L1 descriptor: "fault", "table pa=0x...
    dom=KERNEL" or "section pa=0x...     RW NX SHD idx7:... dom=KERNEL"."""
    t = desc & PMD_TYPE_MASK
    dom = domain_name(desc).strip()
    if t == PMD_TYPE_FAULT:
        return "fault"
    if t == PMD_TYPE_TABLE:
        return f"table pa={desc & PMD_TABLE_MASK:#010x} dom={dom}"
    if t == PMD_TYPE_SECT:
        return (f"section pa={desc & PMD_SECT_BASE_MASK:#010x}"
                f"{apply_rules('sect', desc)}{apply_rules('hw-sect', desc)} dom={dom}")
    return "reserved (type 11: section with PXN on LPAE-capable cores; Linux never writes it)"


def decode_l2(desc):
    """Describe one hardware small-page descriptor."""
    if desc & PTE_TYPE_SMALL:
        return f"page pa={desc & 0xFFFFF000:#010x}{apply_rules('hw-pte', desc)}"
    if desc & PTE_TYPE_MASK == PTE_TYPE_LARGE:
        return "large page (64 KiB; Linux never writes it)"
    return "fault"


def decode_linux_pte(pte):
    """Describe one Linux PTE as ptdump prints its attributes, plus the
    state bits ptdump does not show."""
    if not pte:
        return "none"
    state = [n for b, n in ((L_PTE_PRESENT, "present"), (L_PTE_YOUNG, "young"),
                            (L_PTE_DIRTY, "dirty"), (L_PTE_NONE, "none")) if pte & b]
    return f"pa={pte & 0xFFFFF000:#010x}{apply_rules('pte', pte)} [{' '.join(state)}]"


def expected_hw_pte(pte):
    """The hardware small-page descriptor cpu_v7_set_pte_ext()
    (proc-v7-2level.S) writes for Linux PTE `pte`: 0 while the page is not
    young or not present (or PROT_NONE), so the first access faults."""
    if not (pte & L_PTE_PRESENT and pte & L_PTE_YOUNG) or pte & L_PTE_NONE:
        return None  # "must be a fault entry"; nG/S bits are don't-care then
    hw = (pte & 0xFFFFF000) | PTE_TYPE_SMALL | PTE_EXT_AP0
    hw |= pte & (PTE_CACHEABLE | PTE_BUFFERABLE | PTE_EXT_SHARED)  # same positions
    if pte & (1 << 4):                 # L_PTE_MT bit 2 -> TEX[0]
        hw |= PTE_EXT_TEX0
    if pte & L_PTE_RDONLY or not pte & L_PTE_DIRTY:
        hw |= PTE_EXT_APX
    if pte & L_PTE_USER:
        hw |= PTE_EXT_AP1
    if pte & L_PTE_XN:
        hw |= PTE_EXT_XN
    return hw


def linux_hw_mismatch(pte, hw):
    """None when hardware descriptor `hw` is what set_pte_ext() makes of
    Linux PTE `pte`, else a one-line reason. nG is the caller's (ext)
    argument, not derived from the Linux PTE, so it is not compared."""
    want = expected_hw_pte(pte)
    if want is None:
        return None if hw & PTE_TYPE_SMALL == 0 else \
            f"Linux PTE {pte:#010x} is not young/present but hardware {hw:#010x} is valid"
    if hw & ~PTE_EXT_NG != want:
        return (f"Linux PTE {pte:#010x} ({decode_linux_pte(pte)}) wants hardware "
                f"{want:#010x}, found {hw:#010x} ({decode_l2(hw)})")
    return None


# ---- the address markers (dump.c address_markers[], 6.1, no KASAN) ---------
PAGE_OFFSET = 0xC0000000
MODULES_VADDR = PAGE_OFFSET - (16 << 20)   # 0xbf000000
FDT_FIXED_BASE = 0xFF800000                # = VMALLOC_END
FIXADDR_START = 0xFFC80000
VECTORS_BASE = 0xFFFF0000
PAGE_SIZE = 4096
SECTION_SIZE = 1 << 20
PMD_SIZE = 2 << 20
VMALLOC_OFFSET = 8 << 20


def vmalloc_start(high_memory):
    """asm/pgtable.h VMALLOC_START: high_memory (virtual end of lowmem)
    rounded up past an 8 MiB gap that catches stray accesses."""
    return (high_memory + VMALLOC_OFFSET) & ~(VMALLOC_OFFSET - 1)


def markers(vmalloc_start_va):
    """[(start, name)] in dump.c's order, terminated as dump.c's is."""
    return [(MODULES_VADDR, "Modules"), (PAGE_OFFSET, "Kernel Mapping"),
            (vmalloc_start_va, "vmalloc() Area"), (FDT_FIXED_BASE, "FDT Area"),
            (FIXADDR_START, "Fixmap Area"), (VECTORS_BASE, "Vectors"),
            (VECTORS_BASE + 2 * PAGE_SIZE, "Vectors End"), (0xFFFFFFFF, None)]


# ---- the walk (dump.c walk_pgd .. walk_pte, note_page) ---------------------
LEVEL_PMD, LEVEL_PTE = 4, 5   # dump.c's levels with 2-level tables + folded p4d
LEVEL_NAME = {LEVEL_PMD: "PGD", LEVEL_PTE: "PTE"}  # CONFIG_PGTABLE_LEVELS == 2
LEVEL_TABLE = {LEVEL_PMD: "sect", LEVEL_PTE: "pte"}
_UNITS = "KMGTPE"


class _Printer:
    """dump.c's pg_state and note_page(): merges equal neighbours, prints a
    line when something changes and a header at every marker crossed."""

    def __init__(self, marks):
        self.marks, self.m = marks, 0
        self.level = 0
        self.prot = 0
        self.domain = None
        self.start = 0
        self.out = []
        self.masks = {lvl: table_mask(t) for lvl, t in LEVEL_TABLE.items()}

    def note(self, addr, level, val, domain):
        prot = val & self.masks.get(level, 0)
        if not self.level:
            self.level, self.prot, self.domain = level, prot, domain
            self.out.append(f"---[ {self.marks[self.m][1]} ]---")
            return
        crossed = addr >= self.marks[self.m + 1][0]
        if prot == self.prot and level == self.level and domain == self.domain and not crossed:
            return
        if self.prot:
            self.out.append(self._line(addr))
        if crossed:
            self.m += 1
            self.out.append(f"---[ {self.marks[self.m][1]} ]---")
        self.start, self.prot, self.domain, self.level = addr, prot, domain, level

    def _line(self, addr):
        delta, unit = ((addr - self.start) & 0xFFFFFFFF) >> 10, 0
        while not delta & 1023 and unit < len(_UNITS) - 1:
            delta >>= 10
            unit += 1
        s = f"0x{self.start:08x}-0x{addr:08x}   {delta:9d}{_UNITS[unit]} {LEVEL_NAME[self.level]}"
        if self.domain is not None:
            s += " " + self.domain
        return s + apply_rules(LEVEL_TABLE[self.level], self.prot)


def walk(pgd, read_page, vmalloc_start_va):
    """Return kernel_page_tables text for the 4096 L1 words `pgd`
    (swapper_pg_dir). read_page(pa) returns the 1024 words of the 4 KiB
    page at physical address pa (a PTE page: Linux half first)."""
    if len(pgd) != 4096:
        raise ValueError(f"walk: a pgd has 4096 entries, got {len(pgd)}")
    pr = _Printer(markers(vmalloc_start_va))
    for i in range(2048):                       # walk_pgd: PTRS_PER_PGD
        addr = i * PMD_SIZE
        pmd0, pmd1 = pgd[2 * i], pgd[2 * i + 1]
        dom = domain_name(pmd0)
        # walk_pmd: none, a section (pmd_large: bit 1) or not present -> shown as is
        if pmd0 == 0 or pmd0 & PMD_TYPE_SECT:
            pr.note(addr, LEVEL_PMD, pmd0, dom)
        else:                                   # walk_pte: 512 Linux PTEs, 2 MiB
            ptes = read_page(pmd0 & 0xFFFFF000)
            for j in range(512):
                pr.note(addr + j * PAGE_SIZE, LEVEL_PTE, ptes[j], dom)
        if pmd1 & PMD_TYPE_SECT:                # the second 1 MiB section of the pair
            pr.note(addr + SECTION_SIZE, LEVEL_PMD, pmd1, domain_name(pmd1))
    pr.note(0, 0, 0, None)                      # flush the last line
    return "\n".join(pr.out) + "\n"


def hw_check(pgd, read_page):
    """Cross-check every PTE page under `pgd`: the hardware half must be
    what set_pte_ext() makes of the Linux half, and each L1 table entry must
    point at its half (+0x800 for the first MiB, +0xc00 for the second).
    Returns a list of one-line problems (empty: consistent)."""
    problems = []
    for i in range(2048):
        pmd0, pmd1 = pgd[2 * i], pgd[2 * i + 1]
        if pmd0 & PMD_TYPE_MASK != PMD_TYPE_TABLE:
            continue
        va = i * PMD_SIZE
        page = pmd0 & 0xFFFFF000
        if pmd0 & PMD_TABLE_MASK != page + 0x800 or pmd1 & PMD_TABLE_MASK != page + 0xC00:
            problems.append(f"{va:#010x}: L1 pair {pmd0:#010x} {pmd1:#010x} does not point "
                            f"at +0x800/+0xc00 of one PTE page")
        words = read_page(page)
        for j in range(512):
            why = linux_hw_mismatch(words[j], words[512 + j])
            if why:
                problems.append(f"{va + j * PAGE_SIZE:#010x}: {why}")
    return problems


def table_pages(pgd):
    """Physical addresses of the PTE pages the walk will read."""
    return sorted({pgd[2 * i] & 0xFFFFF000 for i in range(2048)
                   if pgd[2 * i] and not pgd[2 * i] & PMD_TYPE_SECT})


def words(data):
    """Little-endian u32 list of `data` (guest memory is little-endian)."""
    return list(struct.unpack(f"<{len(data) // 4}I", data[:len(data) // 4 * 4]))


# ---- reading the text back (scripts/compare-dumps) -----------------------------
Mapping = namedtuple("Mapping", "area start end size level domain attrs")
_LINE = re.compile(r"^0x([0-9a-f]{8})-0x([0-9a-f]{8})\s+(\d+[KMGTPE]) (PGD|PTE|PMD)"
                   r"(?: (KERNEL |USER   |IO     |VECTORS|unknown))?(.*)$")


def parse(text):
    """[Mapping] of every range line of a kernel_page_tables text, each with
    the marker area it is under. attrs is a tuple of the attribute words
    (("RW", "NX", "SHD") or ("ro", "x", "SHD", "MEM/CACHED/WBWA")); an end
    of 0x00000000 (the flush after the last entry) reads as 2^32."""
    out, area = [], None
    for line in text.splitlines():
        if m := re.match(r"^---\[ (.*) \]---$", line):
            area = m[1]
        elif m := _LINE.match(line):
            end = int(m[2], 16) or 1 << 32
            out.append(Mapping(area, int(m[1], 16), end, m[3], m[4],
                               (m[5] or "").strip(), tuple(m[6].split())))
    return out


# ---- command line ----------------------------------------------------------------
class PageDir:
    """read_page() over a directory of pmemsave'd pages named <pa in hex>.bin."""

    def __init__(self, path):
        self.path = path

    def __call__(self, pa):
        with open(os.path.join(self.path, f"{pa:08x}.bin"), "rb") as f:
            data = f.read()
        if len(data) != PAGE_SIZE:
            raise ValueError(f"page {pa:#010x}: {len(data)} bytes, want {PAGE_SIZE}")
        return words(data)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pgd", required=True, help="16 KiB file: swapper_pg_dir")
    ap.add_argument("--pages", required=True, help="directory of <pa>.bin PTE pages")
    ap.add_argument("--high-memory", type=lambda s: int(s, 0), required=True,
                    help="virtual end of lowmem (VMALLOC_START is derived from it)")
    ap.add_argument("--hw-check", action="store_true",
                    help="also cross-check hardware PTEs against Linux PTEs")
    a = ap.parse_args(argv)
    with open(a.pgd, "rb") as f:
        pgd = words(f.read())
    pages = PageDir(a.pages)
    sys.stdout.write(walk(pgd, pages, vmalloc_start(a.high_memory)))
    if a.hw_check:
        for p in hw_check(pgd, pages):
            print("hw-check:", p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
