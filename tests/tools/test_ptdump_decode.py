"""Host tests for scripts/ptdump_decode.py, the decoder shared by the Linux
reference run and the comparison. No QEMU: every page table here is built
by hand, descriptor by descriptor, through the named constructors below.

    /usr/bin/python3 -m pytest -q tests/tools

Each test draws the tables it builds and says what it expects. Expected
lines are Linux 6.1's arch/arm/mm/dump.c format, spaces included:
"0x%08lx-0x%08lx   %9lu%c %s %s" then the attribute words.
"""

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import ptdump_decode as ptd  # noqa: E402

MiB = 1 << 20
PHYS = 0x60000000            # RAM base of vexpress-a9
VMALLOC = 0xE0800000         # VMALLOC_START with 512 MiB of lowmem


# ---- constructors: descriptors are never written as literals -------------------
def sect(pa, *bits, domain=0):
    """Hardware L1 section descriptor for the 1 MiB at pa."""
    d = (pa & ptd.PMD_SECT_BASE_MASK) | ptd.PMD_TYPE_SECT | (domain << ptd.PMD_DOMAIN_SHIFT)
    for b in bits:
        d |= b
    return d


def table(pa, domain=0):
    """Hardware L1 page-table descriptor pointing at the L2 table at pa."""
    return (pa & ptd.PMD_TABLE_MASK) | ptd.PMD_TYPE_TABLE | (domain << ptd.PMD_DOMAIN_SHIFT)


def lpte(pa, *bits):
    """Linux PTE (software view) for the 4 KiB page at pa."""
    d = pa & 0xFFFFF000
    for b in bits:
        d |= b
    return d


# Linux 6.1's kernel memory types on a UP ARMv7 (as on QEMU's vexpress-a9):
KERNEL_RW = (ptd.PMD_SECT_AP_WRITE,)                      # MT_MEMORY_RWX's AP
KERNEL_PTE = (ptd.L_PTE_PRESENT, ptd.L_PTE_YOUNG, ptd.L_PTE_DIRTY)
WB = ptd.PMD_SECT_C | ptd.PMD_SECT_B


class Memory:
    """A pgd plus PTE pages, standing in for guest physical memory."""

    def __init__(self):
        self.pgd = [0] * 4096
        self.pages = {}

    def map_section(self, va, desc):
        self.pgd[va >> 20] = desc

    def pte_page(self, va, pa, domain=0):
        """Hang a zeroed PTE page at pa under the 2 MiB at va, both L1
        entries pointing at its hardware halves (+0x800, +0xc00)."""
        i = (va >> 20) & ~1
        self.pgd[i] = table(pa + 0x800, domain)
        self.pgd[i + 1] = table(pa + 0xC00, domain)
        self.pages[pa] = [0] * 1024
        return self.pages[pa]

    def set_pte(self, page, va, linux, hw=None):
        """Write Linux PTE and its hardware twin, as set_pte_ext() does."""
        j = (va >> 12) & 511
        page[j] = linux
        page[512 + j] = ptd.expected_hw_pte(linux) or 0 if hw is None else hw

    def read_page(self, pa):
        return self.pages[pa]

    def walk(self, vmalloc=VMALLOC):
        return ptd.walk(self.pgd, self.read_page, vmalloc)


def lines(text, area=None):
    """The range lines of a dump (optionally only under one marker)."""
    out, cur = [], None
    for ln in text.splitlines():
        if ln.startswith("---["):
            cur = ln
        elif area is None or cur == f"---[ {area} ]---":
            out.append(ln)
    return out


# ---- sections -----------------------------------------------------------------------
def test_walk_lowmem_sections():
    """
      VA 0xc0000000 +--------+ RW NX   (MT_MEMORY_RW)
                    | 3 MiB  |
         0xc0300000 +--------+ ro x    (kernel text after mark_rodata_ro)
                    | 1 MiB  |
         0xc0400000 +--------+
    Expect two lines, Linux's exact text, the trailing "   " of a clear SHD
    kept, and the markers around them. (Markers further up are printed
    only when the walk notes an entry at or past them: with nothing mapped
    there, "Vectors" never comes.)
    """
    mem = Memory()
    for i in range(3):
        mem.map_section(0xC0000000 + i * MiB, sect(PHYS + i * MiB, *KERNEL_RW, WB, ptd.PMD_SECT_XN))
    mem.map_section(0xC0300000, sect(PHYS + 3 * MiB, ptd.PMD_SECT_APX, ptd.PMD_SECT_AP_WRITE, WB))
    out = mem.walk()
    assert out.splitlines()[:4] == [
        "---[ Modules ]---",
        "---[ Kernel Mapping ]---",
        "0xc0000000-0xc0300000           3M PGD KERNEL      RW NX    ",
        "0xc0300000-0xc0400000           1M PGD KERNEL      ro x     ",
    ]
    assert out.splitlines()[4:] == ["---[ vmalloc() Area ]---", "---[ FDT Area ]---",
                                    "---[ Fixmap Area ]---"]


def test_walk_shared_bit_splits_a_range():
    """
      0xc0000000 [RW NX SHD] 0xc0100000 [RW NX] 0xc0200000
    Expect two lines: S is one of the bits ptdump shows, so a change of it
    ends a range even with AP and XN equal.
    """
    mem = Memory()
    mem.map_section(0xC0000000, sect(PHYS, *KERNEL_RW, ptd.PMD_SECT_XN, ptd.PMD_SECT_S))
    mem.map_section(0xC0100000, sect(PHYS + MiB, *KERNEL_RW, ptd.PMD_SECT_XN))
    assert lines(mem.walk(), "Kernel Mapping") == [
        "0xc0000000-0xc0100000           1M PGD KERNEL      RW NX SHD",
        "0xc0100000-0xc0200000           1M PGD KERNEL      RW NX    ",
    ]


def test_walk_memory_type_of_a_section_is_not_shown():
    """
      0xc0000000 [RW x, WBWA] 0xc0100000 [RW x, uncached] 0xc0200000
    Expect one merged 2M line: dump.c's section_bits[] has no TEX/C/B rule,
    so sections differing only in memory type look the same.
    """
    mem = Memory()
    mem.map_section(0xC0000000, sect(PHYS, *KERNEL_RW, ptd.PMD_SECT_TEX0, WB))
    mem.map_section(0xC0100000, sect(PHYS + MiB, *KERNEL_RW))
    assert lines(mem.walk(), "Kernel Mapping") == [
        "0xc0000000-0xc0200000           2M PGD KERNEL      RW x     "]


@pytest.mark.parametrize("ap,want", [
    ((ptd.PMD_SECT_APX, ptd.PMD_SECT_AP_WRITE), "    ro"),
    ((ptd.PMD_SECT_AP_WRITE,), "    RW"),
    ((ptd.PMD_SECT_AP_READ,), "USR ro"),
    ((ptd.PMD_SECT_AP_READ, ptd.PMD_SECT_AP_WRITE), "USR RW"),
    ((), ""),                                            # AP=000: no access, no rule
    ((ptd.PMD_SECT_APX, ptd.PMD_SECT_AP_READ, ptd.PMD_SECT_AP_WRITE), ""),  # APX+11
], ids=["kernel-ro", "kernel-rw", "user-ro", "user-rw", "no-access", "apx-11"])
def test_apply_rules_section_ap_apx(ap, want):
    """
      AP[2] AP[1:0]   ptdump
        1     01      "    ro"
        0     01      "    RW"
        0     10      "USR ro"
        0     11      "USR RW"
    Expect dump.c's four cases; an encoding none of them matches prints no
    access word at all (dump.c's rules have no "clear" string for AP).
    """
    assert ptd.apply_rules("sect", sect(PHYS, *ap, ptd.PMD_SECT_XN)) == \
        (f" {want}" if want else "") + " NX    "


def test_apply_rules_section_xn():
    """
      XN=0 -> "x " (dump.c's clear string, a trailing space)   XN=1 -> "NX"
    Expect both spellings, the space of "x " kept.
    """
    assert ptd.apply_rules("sect", sect(PHYS, *KERNEL_RW)) == "     RW x     "
    assert ptd.apply_rules("sect", sect(PHYS, *KERNEL_RW, ptd.PMD_SECT_XN)) == "     RW NX    "


def test_walk_second_section_of_an_empty_pair():
    """
      pgd pair at 0xc0000000:  [0] none   [1] section RW NX
    Expect the second MiB shown on its own (dump.c's walk_pmd notes pmd[1]
    separately when it is a section), starting at 0xc0100000.
    """
    mem = Memory()
    mem.map_section(0xC0100000, sect(PHYS + MiB, *KERNEL_RW, ptd.PMD_SECT_XN))
    assert lines(mem.walk(), "Kernel Mapping") == [
        "0xc0100000-0xc0200000           1M PGD KERNEL      RW NX    "]


def test_walk_lone_first_section_shows_as_2m():
    """
      pgd pair at 0xc0000000:  [0] section RW NX   [1] none
    Expect "2M", not "1M": dump.c's walk_pmd notes pmd[1] only when it is a
    section, so the next entry it sees is the next pair, 2 MiB on. Linux
    6.1 prints this; armmm's ptdump must print the same.
    """
    mem = Memory()
    mem.map_section(0xC0000000, sect(PHYS, *KERNEL_RW, ptd.PMD_SECT_XN))
    assert lines(mem.walk(), "Kernel Mapping") == [
        "0xc0000000-0xc0200000           2M PGD KERNEL      RW NX    "]


def test_walk_domain_change_splits_a_range():
    """
      0xc0000000 [RW NX, domain KERNEL] 0xc0100000 [RW NX, domain IO]
    Expect two lines, the domain column padded to 7 as dump.c pads it.
    """
    mem = Memory()
    mem.map_section(0xC0000000, sect(PHYS, *KERNEL_RW, ptd.PMD_SECT_XN))
    mem.map_section(0xC0100000, sect(PHYS + MiB, *KERNEL_RW, ptd.PMD_SECT_XN, domain=2))
    assert lines(mem.walk(), "Kernel Mapping") == [
        "0xc0000000-0xc0100000           1M PGD KERNEL      RW NX    ",
        "0xc0100000-0xc0200000           1M PGD IO          RW NX    ",
    ]


def test_walk_range_ends_at_a_marker_and_sizes_in_giga():
    """
      0x40000000 ............ 0xc0000000 ........ 0xc0200000
      | 2 GiB of sections, RW NX | same bits, past PAGE_OFFSET |
    Expect the range cut at PAGE_OFFSET by the "Kernel Mapping" marker even
    though nothing changed, and its size printed as "2G".
    """
    mem = Memory()
    for va in range(0x40000000, 0xC0200000, MiB):
        mem.map_section(va, sect(va, *KERNEL_RW, ptd.PMD_SECT_XN))
    out = mem.walk().splitlines()
    assert out[:4] == [
        "---[ Modules ]---",
        "0x40000000-0xc0000000           2G PGD KERNEL      RW NX    ",
        "---[ Kernel Mapping ]---",
        "0xc0000000-0xc0200000           2M PGD KERNEL      RW NX    ",
    ]


# ---- 4 KiB pages ----------------------------------------------------------------------
def test_walk_pages_show_linux_pte_bits():
    """
      L1 pair at 0xffe00000 -> PTE page at 0x60010000
        +0x000 Linux PTEs        +0x800 hardware PTEs
      0xffff0000 vectors: USER RDONLY, WBRA      -> "USR ro x "
      0xffff1000 stubs:   RDONLY, WBRA           -> "    ro x "
    Expect PTE lines from the Linux half, under the Vectors marker, with
    the VECTORS domain of the L1 entry and the memory type word.
    """
    mem = Memory()
    page = mem.pte_page(0xFFE00000, 0x60010000, domain=3)
    mt = ptd.L_PTE_MT_WRITEBACK
    mem.set_pte(page, 0xFFFF0000,
                lpte(0x7FFFE000, *KERNEL_PTE, ptd.L_PTE_USER, ptd.L_PTE_RDONLY, mt))
    mem.set_pte(page, 0xFFFF1000, lpte(0x7FFFF000, *KERNEL_PTE, ptd.L_PTE_RDONLY, mt))
    assert lines(mem.walk(), "Vectors") == [
        "0xffff0000-0xffff1000           4K PTE VECTORS USR ro x      MEM/CACHED/WBRA",
        "0xffff1000-0xffff2000           4K PTE VECTORS     ro x      MEM/CACHED/WBRA",
    ]


def test_walk_equal_pages_merge():
    """
      0xe0800000 0xe0801000 0xe0802000 0xe0803000
      [RW NX WBRA][RW NX WBRA][ (none) ][RW NX DEV/SHARED SHD]
    Expect the first two merged into one 8K line, the hole not printed,
    the device page on its own line.
    """
    mem = Memory()
    page = mem.pte_page(0xE0800000, 0x60011000)
    for i in range(2):
        mem.set_pte(page, 0xE0800000 + i * 4096,
                    lpte(0x61000000 + i * 4096, *KERNEL_PTE, ptd.L_PTE_XN, ptd.L_PTE_MT_WRITEBACK))
    mem.set_pte(page, 0xE0803000, lpte(0x10009000, *KERNEL_PTE, ptd.L_PTE_XN, ptd.L_PTE_SHARED,
                                       ptd.L_PTE_MT_DEV_SHARED))
    assert lines(mem.walk(), "vmalloc() Area") == [
        "0xe0800000-0xe0802000           8K PTE KERNEL      RW NX     MEM/CACHED/WBRA",
        "0xe0803000-0xe0804000           4K PTE KERNEL      RW NX SHD DEV/SHARED",
    ]


def test_walk_pte_without_shown_bits_is_not_printed():
    """
      0xe0800000: Linux PTE with only PRESENT|YOUNG|DIRTY, MT=UNCACHED (0)
    Expect no line: none of the bits dump.c shows is set (prot == 0), the
    same way an empty entry is skipped.
    """
    mem = Memory()
    page = mem.pte_page(0xE0800000, 0x60012000)
    mem.set_pte(page, 0xE0800000, lpte(0x61000000, *KERNEL_PTE))
    assert lines(mem.walk(), "vmalloc() Area") == []


@pytest.mark.parametrize("mt,word", [
    (ptd.L_PTE_MT_UNCACHED, "SO/UNCACHED"),
    (ptd.L_PTE_MT_BUFFERABLE, "MEM/BUFFERABLE/WC"),
    (ptd.L_PTE_MT_WRITETHROUGH, "MEM/CACHED/WT"),
    (ptd.L_PTE_MT_WRITEBACK, "MEM/CACHED/WBRA"),
    (ptd.L_PTE_MT_MINICACHE, "MEM/MINICACHE"),
    (ptd.L_PTE_MT_WRITEALLOC, "MEM/CACHED/WBWA"),
    (ptd.L_PTE_MT_DEV_SHARED, "DEV/SHARED"),
    (ptd.L_PTE_MT_DEV_NONSHARED, "DEV/NONSHARED"),
    (ptd.L_PTE_MT_DEV_WC, "DEV/WC"),
    (ptd.L_PTE_MT_DEV_CACHED, "DEV/CACHED"),
    (ptd.L_PTE_MT_VECTORS, None),
])
def test_apply_rules_pte_memory_types(mt, word):
    """
      Linux PTE bits [5:2] = L_PTE_MT_*  ->  dump.c's memory type word
    Expect each of dump.c's ten names; L_PTE_MT_VECTORS has none (dump.c
    prints no type for it). Read-only, user and XN words come first.
    """
    got = ptd.apply_rules("pte", lpte(0x61000000, *KERNEL_PTE, ptd.L_PTE_XN, mt))
    assert got == "     RW NX    " + (f" {word}" if word else "")


# ---- TEX remap: the hardware half ------------------------------------------------------
@pytest.mark.parametrize("mt,index,kind", [
    (ptd.L_PTE_MT_UNCACHED, 0, "strongly-ordered"),
    (ptd.L_PTE_MT_BUFFERABLE, 1, "normal inner non-cacheable outer non-cacheable"),
    (ptd.L_PTE_MT_WRITETHROUGH, 2, "normal inner write-through outer write-through"),
    (ptd.L_PTE_MT_WRITEBACK, 3, "normal inner write-back outer write-back"),
    (ptd.L_PTE_MT_DEV_SHARED, 4, "device"),
    (ptd.L_PTE_MT_DEV_NONSHARED, 4, "device"),
    (ptd.L_PTE_MT_DEV_WC, 1, "normal inner non-cacheable outer non-cacheable"),
    (ptd.L_PTE_MT_DEV_CACHED, 3, "normal inner write-back outer write-back"),
    (ptd.L_PTE_MT_WRITEALLOC, 7, "normal inner WB write-allocate outer WB write-allocate"),
])
def test_expected_hw_pte_tex_remap_types(mt, index, kind):
    """
      Linux MT bits [4:2] --set_pte_ext--> TEX[0] C B = TEX remap index
      index --PRRR/NMRR (proc-v7-2level.S)--> hardware memory type
    Expect the index and type of proc-v7-2level.S's table for each Linux
    memory type, and decode_l2() naming it.
    """
    hw = ptd.expected_hw_pte(lpte(0x61000000, *KERNEL_PTE, mt))
    got = (4 if hw & ptd.PTE_EXT_TEX0 else 0) | (2 if hw & ptd.PTE_CACHEABLE else 0) | \
          (1 if hw & ptd.PTE_BUFFERABLE else 0)
    assert got == index
    assert ptd.tex_remap_type(index) == kind
    assert f"idx{index}:{kind}" in ptd.decode_l2(hw)


def test_decode_l1_section_with_tex_remap_index():
    """
      section 0x60000000: AP=01 XN S TEX[0]=1 C=1 B=1, domain 0
    Expect "section pa=0x60000000     RW NX SHD idx7:normal inner WB
    write-allocate ..." -- the memory type dump.c leaves out, decoded.
    """
    d = ptd.decode_l1(sect(PHYS, *KERNEL_RW, ptd.PMD_SECT_XN, ptd.PMD_SECT_S,
                           ptd.PMD_SECT_TEX0, WB))
    assert d == ("section pa=0x60000000     RW NX SHD idx7:normal inner WB write-allocate "
                 "outer WB write-allocate dom=KERNEL")


@pytest.mark.parametrize("linux,ap", [
    ((ptd.L_PTE_DIRTY,), "    RW"),
    ((), "    ro"),                                  # clean: write-protected to track dirtying
    ((ptd.L_PTE_DIRTY, ptd.L_PTE_RDONLY), "    ro"),
    ((ptd.L_PTE_DIRTY, ptd.L_PTE_USER), "USR RW"),
    ((ptd.L_PTE_USER, ptd.L_PTE_RDONLY), "USR ro"),
])
def test_expected_hw_pte_ap_apx(linux, ap):
    """
      Linux RDONLY, DIRTY, USER  ->  hardware APX, AP[1], AP[0]=1
    Expect AP[0] always set, APX when read-only or not yet dirty, AP[1]
    for user pages: what cpu_v7_set_pte_ext() writes.
    """
    hw = ptd.expected_hw_pte(lpte(0x61000000, ptd.L_PTE_PRESENT, ptd.L_PTE_YOUNG, *linux))
    assert ptd.apply_rules("hw-pte", hw).startswith(f" {ap} ")


def test_expected_hw_pte_xn_and_shared():
    """
      Linux XN, SHARED  ->  hardware XN (bit 0), S (bit 10)
    Expect both carried over, and "NX SHD" in the hardware description.
    """
    hw = ptd.expected_hw_pte(lpte(0x61000000, *KERNEL_PTE, ptd.L_PTE_XN, ptd.L_PTE_SHARED))
    assert hw & ptd.PTE_EXT_XN and hw & ptd.PTE_EXT_SHARED
    assert " NX SHD" in ptd.decode_l2(hw)


# ---- invalid entries --------------------------------------------------------------------
def test_decode_invalid_entries():
    """
      L1 00 (fault), 11 (PXN section, never written by Linux);
      L2 00 (fault), 01 (64 KiB large page, never used)
    Expect each named for what it is rather than decoded as a mapping.
    """
    assert ptd.decode_l1(0) == "fault"
    assert ptd.decode_l1(sect(PHYS) | ptd.PMD_TYPE_TABLE).startswith("reserved")
    assert ptd.decode_l2(0) == "fault"
    assert ptd.decode_l2(ptd.PTE_TYPE_LARGE).startswith("large page")
    assert ptd.decode_linux_pte(0) == "none"


def test_linux_hw_mismatch_old_pte_must_fault():
    """
      Linux PTE present but not YOUNG; hardware half valid
    Expect a mismatch: set_pte_ext() leaves the hardware entry a fault
    until the page is young, so the first access can mark it. The same
    PTE with a fault hardware entry is consistent.
    """
    old = lpte(0x61000000, ptd.L_PTE_PRESENT, ptd.L_PTE_DIRTY, ptd.L_PTE_MT_WRITEBACK)
    valid_hw = ptd.expected_hw_pte(old | ptd.L_PTE_YOUNG)
    assert ptd.expected_hw_pte(old) is None
    assert "not young/present" in ptd.linux_hw_mismatch(old, valid_hw)
    assert ptd.linux_hw_mismatch(old, 0) is None


def test_hw_check_flags_wrong_halves_and_bits():
    """
      L1 pair at 0xe0800000 -> +0x800 / +0xc00 of PTE page P   (good)
      PTE 0: hardware twin lacks XN                            (bad)
      L1 pair at 0xe0a00000 -> +0x000 / +0x400 of page Q       (bad)
    Expect exactly two problems, one for each bad thing.
    """
    mem = Memory()
    page = mem.pte_page(0xE0800000, 0x60013000)
    pte = lpte(0x61000000, *KERNEL_PTE, ptd.L_PTE_XN, ptd.L_PTE_MT_WRITEBACK)
    mem.set_pte(page, 0xE0800000, pte, hw=ptd.expected_hw_pte(pte) & ~ptd.PTE_EXT_XN)
    mem.pte_page(0xE0A00000, 0x60014000)
    mem.pgd[0xE0A] = table(0x60014000)
    mem.pgd[0xE0B] = table(0x60014400)
    problems = ptd.hw_check(mem.pgd, mem.read_page)
    assert len(problems) == 2
    assert problems[0].startswith("0xe0800000: Linux PTE")
    assert problems[1].startswith("0xe0a00000: L1 pair")


# ---- reading the text back -------------------------------------------------------------
def test_parse_roundtrip():
    """
      walk() output  --parse()-->  [Mapping(area, start, end, size, level, domain, attrs)]
    Expect every range line back with its marker area, the attribute words
    split ("x " read as "x"), and a range ending at 2^32 kept as 2^32.
    """
    mem = Memory()
    mem.map_section(0xC0000000, sect(PHYS, *KERNEL_RW))
    mem.map_section(0xC0100000, sect(PHYS + MiB, *KERNEL_RW, ptd.PMD_SECT_XN))
    page = mem.pte_page(0xFFE00000, 0x60015000, domain=3)
    mem.set_pte(page, 0xFFFF0000, lpte(0x7FFFE000, *KERNEL_PTE, ptd.L_PTE_USER, ptd.L_PTE_RDONLY,
                                       ptd.L_PTE_MT_WRITEALLOC))
    got = ptd.parse(mem.walk())
    assert got == [
        ptd.Mapping("Kernel Mapping", 0xC0000000, 0xC0100000, "1M", "PGD", "KERNEL", ("RW", "x")),
        ptd.Mapping("Kernel Mapping", 0xC0100000, 0xC0200000, "1M", "PGD", "KERNEL", ("RW", "NX")),
        ptd.Mapping("Vectors", 0xFFFF0000, 0xFFFF1000, "4K", "PTE", "VECTORS",
                    ("USR", "ro", "x", "MEM/CACHED/WBWA")),
    ]
    last = "0xfff00000-0x00000000           1M PGD KERNEL      RW NX    "
    assert ptd.parse(f"---[ Vectors End ]---\n{last}\n")[0].end == 1 << 32


def test_markers_and_vmalloc_start():
    """
      high_memory 0xe0000000 (512 MiB lowmem) -> VMALLOC_START 0xe0800000
      high_memory 0xf0000000 (lowmem limit)   -> VMALLOC_START 0xf0800000
    Expect the 8 MiB VMALLOC_OFFSET gap, and Linux 6.1's marker names in
    dump.c's order.
    """
    assert ptd.vmalloc_start(0xE0000000) == 0xE0800000
    assert ptd.vmalloc_start(0xF0000000) == 0xF0800000
    assert ptd.vmalloc_start(0xDFE00000) == 0xE0000000
    names = [n for _, n in ptd.markers(0xE0800000)][:-1]
    assert names == ["Modules", "Kernel Mapping", "vmalloc() Area", "FDT Area", "Fixmap Area",
                     "Vectors", "Vectors End"]


# ---- the decoder's rules against arch/arm/mm/dump.c itself ----------------------
ROOT = Path(__file__).resolve().parents[2]
C_HEADERS = ("arch/arm/include/asm/pgtable-hwdef.h", "arch/arm/include/asm/pgtable-2level.h",
             "arch/arm/mm/dump.c")


def c_constants():
    """Every object-like #define of the headers dump.c uses (and dump.c's
    own), evaluated: UL(x) is x, and a name is its own #define's value."""
    raw = {}
    for f in C_HEADERS:
        for m in re.finditer(r"^#define\s+([A-Za-z_]\w*)[ \t]+(.+?)\s*(?:/\*.*)?$",
                             (ROOT / f).read_text(), re.M):
            raw[m[1]] = m[2]
    vals = {}

    def value(name):
        if name not in vals:
            expr = re.sub(r"\bUL\(([^()]*)\)", r"(\1)", raw[name])
            expr = re.sub(r"\b(0x[0-9a-fA-F]+|\d+)[uUlL]+\b", r"\1", expr)
            vals[name] = c_eval(expr, value)
        return vals[name]
    return value


def c_eval(expr, value):
    """A C constant expression of names, numbers, | << ( ): its value."""
    expr = re.sub(r"\b[A-Za-z_]\w*\b", lambda m: str(value(m[0])), expr)
    assert re.fullmatch(r"[\s\dxa-fA-F|<>()]+", expr), f"not a constant expression: {expr}"
    return eval(expr, {"__builtins__": {}})


def c_prot_bits(src, table, value):
    """dump.c's prot_bits table `table`: (mask, val, set, clear) rows."""
    body = re.search(r"struct prot_bits " + table + r"\[\] = \{(.*?)\n\};", src, re.S)[1]
    rows = re.findall(r"\{\s*([^,]+),\s*([^,]+),\s*(\"[^\"]*\"|NULL),\s*(\"[^\"]*\"|NULL)\s*\}", body)
    return [(c_eval(m, value), c_eval(v, value), None if a == "NULL" else a.strip('"'),
             None if b == "NULL" else b.strip('"')) for m, v, a, b in rows]


def test_rules_match_dump_c():
    """
    Read arch/arm/mm/dump.c: expect the decoder's "sect" and "pte" rules to be
    its section_bits[] and pte_bits[] row for row (mask, value, the words
    printed when set and clear), and each table's OR of masks to be the
    pg_level[] mask dump.c compares entries with.
    """
    src = (ROOT / "arch/arm/mm/dump.c").read_text()
    value = c_constants()
    for table, c_table, level in (("sect", "section_bits", "LEVEL_SECT"),
                                  ("pte", "pte_bits", "LEVEL_PTE")):
        got = [(r.mask, r.val, r.set, r.clear) for r in ptd.rules(table)]
        want = c_prot_bits(src, c_table, value)
        assert len(want) >= 6, f"{c_table}: parsed only {len(want)} rows"
        assert got == want, f"{table} rules differ from dump.c {c_table}[]"
        mask = re.search(r"\[" + level + r"\]\s*=\s*\{[^,]+,[^,]+,[^,]+\),\s*([^}]+?)\s*\}", src)[1]
        assert ptd.table_mask(table) == c_eval(mask, value), f"{table}: pg_level mask"


def test_walk_rejects_a_short_pgd():
    """Expect a clear error, not a silent partial dump, for a truncated pgd."""
    with pytest.raises(ValueError, match="4096 entries"):
        ptd.walk([0] * 100, lambda pa: [0] * 1024, VMALLOC)
