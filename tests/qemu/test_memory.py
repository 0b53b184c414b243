"""Memory bring-up on real boots through U-Boot: memblock from the DTB,
map_lowmem's three parts, the vectors page, the dumps in Linux's formats,
and the self-tests that touch every lowmem MiB."""

import re

import pytest

from boards import BOARDS
from kernel import (PAGE_OFFSET, SMP, dumps, mem_bytes, parse_ktap, ptdump_line,
                    strip_stamps, system_map)

SECTION = 1 << 20
LOWMEM_VIRT_END = 0xF0000000           # VMALLOC_END - 240M - 8M: default lowmem limit
RUNS = [("vexpress-a9", "128M", ""), ("vexpress-a9", "512M", ""),
        ("vexpress-a9", "1G", ""), ("virt", "1G", ""),
        ("vexpress-a9", "512M", "mem=511M@0x60000000 mem=512K@0x7ff00000")]


def boot_dumps(boot, board, mem, extra):
    con = boot(board, mem=mem, bootargs=f"console=ttyAMA0 selftest dump_all {extra}".strip())
    out = con.read_until("reboot: Power down", timeout=90)
    assert con.wait_exit(timeout=30) == 0
    return con, strip_stamps(con.log), dumps(out)


def round_up(x, a):
    return (x + a - 1) // a * a


@pytest.mark.parametrize("board,mem,extra", RUNS,
                         ids=[f"{b}-{m}{'-memeq' if e else ''}" for b, m, e in RUNS])
def test_memory_bringup(boot, board, mem, extra):
    con, log, d = boot_dumps(boot, board, mem, extra)
    syms = system_map()
    ram = BOARDS[board].ram_base
    ram_end = ram + mem_bytes(mem)
    if extra:                          # mem=511M + 512K ending off a 1 MiB boundary
        ram_end = 0x7ff80000
    lowmem_end = min(ram_end, ram + (LOWMEM_VIRT_END - PAGE_OFFSET))
    virt = lambda pa: pa - ram + PAGE_OFFSET          # noqa: E731

    # memblock memory: one bank from the DTB (U-Boot's 4-byte bank ignored)
    if not extra:
        assert d["/sys/kernel/debug/memblock/memory"].splitlines() == [
            f"   0: 0x{ram:08x}..0x{ram_end - 1:08x}"]
    if board == "vexpress-a9" and mem != "1G":
        assert "OF: fdt: Ignoring memory block 0x80000000 - 0x80000004" in log

    # reserved: kernel (from _stext), swapper_pg_dir, the DTB, all inside ranges
    reserved = [tuple(int(x, 16) for x in m) for m in re.findall(
        r"^\s+\d+: 0x([0-9a-f]{8})\.\.0x([0-9a-f]{8})$",
        d["/sys/kernel/debug/memblock/reserved"], re.M)]
    dtb = int(re.search(r"^DTB: phys (0x[0-9a-f]{8}),", log, re.M)[1], 16)
    for what, lo, hi in [("swapper_pg_dir", ram + 0x4000, ram + 0x7fff),
                         ("kernel", syms["_stext"] - PAGE_OFFSET + ram, syms["_end"] - PAGE_OFFSET + ram - 1),
                         ("DTB", dtb, dtb + 0xfff)]:
        assert any(a <= lo and hi <= b for a, b in reserved), f"{what} not reserved: {reserved}"

    # iomem: the DTB's devices, and System RAM with the kernel nested inside
    iomem = d["/proc/iomem"].splitlines()
    iomem = iomem[iomem.index(f"{ram:08x}-{ram_end - 1:08x} : System RAM"):]
    uart = BOARDS[board].uart
    assert re.search(rf"^{uart:08x}-{uart + 0xfff:08x} : \S+@\S+\n  {uart:08x}-{uart + 0xfff:08x} : "
                     rf"{uart:08x}\.\S+ \S+@\S+$", d["/proc/iomem"], re.M)
    pa = lambda sym: syms[sym] - PAGE_OFFSET + ram      # noqa: E731
    assert iomem[1] == f"  {pa('_text'):08x}-{pa('__init_begin') - 1:08x} : Kernel code"
    assert iomem[2] == f"  {pa('_sdata'):08x}-{pa('_end') - 1:08x} : Kernel data"

    # kernel_page_tables after mark_rodata_ro (STRICT_KERNEL_RWX): text ro x,
    # rodata ro NX, all else RW NX (pre-text, freed init, data, free lowmem);
    # shareable and write-allocate on SMP, write-back on UP, as Linux
    shd, mt = ("SHD", "MEM/CACHED/WBWA") if SMP[board] else ("   ", "MEM/CACHED/WBRA")
    pt = d["/sys/kernel/debug/kernel_page_tables"].splitlines()
    i = pt.index("---[ Kernel Mapping ]---")
    lowmem_lines = pt[i + 1:pt.index("---[ vmalloc() Area ]---")]
    rodata, init = syms["__start_rodata"], syms["__init_begin"]
    want = [ptdump_line(PAGE_OFFSET, syms["_stext"], "PGD", "KERNEL", ["    RW", "NX", shd]),
            ptdump_line(syms["_stext"], rodata, "PGD", "KERNEL", ["    ro", "x ", shd]),
            ptdump_line(rodata, init, "PGD", "KERNEL", ["    ro", "NX", shd])]
    if extra:                          # the last 2 MiB pmd is mapped with pages
        last_pmd = virt(lowmem_end) & ~(2 * SECTION - 1)
        want += [ptdump_line(init, last_pmd, "PGD", "KERNEL", ["    RW", "NX", shd]),
                 ptdump_line(last_pmd, virt(lowmem_end), "PTE", "KERNEL",
                             ["   ", "RW", "NX", shd, mt])]
    else:
        want += [ptdump_line(init, virt(lowmem_end), "PGD", "KERNEL", ["    RW", "NX", shd])]
    assert lowmem_lines == want
    j = pt.index("---[ Vectors ]---")
    assert pt[j + 1:j + 4] == [
        ptdump_line(0xFFFF0000, 0xFFFF1000, "PTE", "VECTORS", ["USR", "ro", "x ", shd, mt]),
        ptdump_line(0xFFFF1000, 0xFFFF2000, "PTE", "VECTORS", ["   ", "ro", "x ", shd, mt]),
        "---[ Vectors End ]---"]

    # the self-tests: every lowmem MiB written and read back, vtop checks
    suites, totals = parse_ktap(log)
    assert suites["mmu_lowmem"]["ok"] and all(suites["mmu_lowmem"]["cases"].values())
    mibs = int(re.search(r"# lowmem_every_mib_rw: (\d+) MiB checked", log)[1])
    assert mibs == (lowmem_end - ram + SECTION - 1) // SECTION
    assert totals["fail"] == 0
    if lowmem_end < ram_end:           # 1G: the rest is HighMem
        assert lowmem_end == ram + 0x30000000


def test_vtop_and_ptepage(boot):
    """vtop decodes a section and a page at every level; ptepage shows the
    split page with the hardware PTE 0x800 after the Linux PTE."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    text = con.run("vtop 0xc0008000")
    assert "pgd[0x600] covers 0xc0000000-0xc01fffff" in text
    # head.S's section, made NX by free_initmem (Linux fix_kernmem_perms)
    assert re.search(r"L1\* \[0xc00\] 0xc0000000-0xc00fffff -> 0x60000000 section AP=RW/-- XN=1", text)
    assert "0xc0008000 -> 0x60008000 (1 MiB section), kernel read/write, execute-never" in text
    text = con.run("vtop 0xffff0000")
    assert re.search(r"Linux PTE at 0x[0-9a-f]{8}: pfn 0x[0-9a-f]{5} PRESENT YOUNG DIRTY RDONLY USER MT_WRITEBACK", text)
    assert "(4 KiB page), kernel read-only, executable" in text
    text = con.run("ptepage 0xffff0000")
    # index 496 of the 2 MiB page: in the Linux half's 2nd MiB (+0x400..),
    # its hardware twin exactly 0x800 further on
    row = re.search(r"^  \*496  0xffff0000  \+0x7c0  0x([0-9a-f]{8})  \+0xfc0  0x([0-9a-f]{8})$", text, re.M)
    assert row, text
    assert int(row[1], 16) >> 12 == int(row[2], 16) >> 12       # same page frame
    text = con.run("vtop 0x60100000")
    assert "not mapped" in text                                   # identity map gone


def test_phases_and_memblock_debug(boot):
    """ptdump=phases prints the tables at each step of paging_init (the early
    UART carries them); memblock=debug logs each reservation as Linux does."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0 ptdump=phases memblock=debug dump_all")
    con.read_until("reboot: Power down", timeout=60)
    log = strip_stamps(con.log)
    phases = ["as head.S left them", "after prepare_page_table", "after map_lowmem",
              "after devicemaps_init"]
    at = [log.index(f"ptdump: page tables {p}:") for p in phases]
    assert at == sorted(at)
    head, prepared, mapped, final = (log[a:b] for a, b in zip(at, at[1:] + [len(log)]))
    # head.S's identity section of __turn_mmu_on is there, then gone
    assert re.search(r"^0x60100000-0x60200000 +1M PGD KERNEL  USR RW x ", head, re.M)
    assert "0x60100000-0x60200000" not in prepared
    # map_lowmem: the kernel RWX up to __init_end, the rest RW NX (UP: no SHD)
    init_end = system_map()["__init_end"]
    assert re.search(rf"^0xc0000000-0x{init_end:08x} +{(init_end - PAGE_OFFSET) >> 20}M PGD KERNEL "
                     r"     RW x ", mapped, re.M)
    assert re.search(rf"^0x{init_end:08x}-0xe0000000 +{(0xe0000000 - init_end) >> 20}M PGD KERNEL "
                     r"     RW NX", mapped, re.M)
    assert "---[ Vectors ]---\n0xffff0000-0xffff1000" in final
    assert re.search(r"^memblock_reserve: \[0x60004000-0x60007fff\] arm_memblock_init\+0x[0-9a-f]+/0x[0-9a-f]+$", log, re.M)
    assert "MEMBLOCK configuration:" in log
