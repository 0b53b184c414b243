"""STRICT_KERNEL_RWX at the end of boot (Linux's kernel_init: free_initmem,
mark_rodata_ro, debug_checkwx): the kernel rows of kernel_page_tables, .init
given back to the buddy allocator (poisoned), the W+X check passing, and
failing once a page is mapped RW and executable on purpose (wxmap)."""

import re

import pytest

from kernel import PAGE_OFFSET, SMP, ptdump_line, strip_stamps, system_map

POISON_INIT = 0xE7FDDEF0        # Linux poison_init_mem: an undefined instruction
PASSED = "Checked W+X mappings: passed, no W+X pages found"


def meminfo_kb(text, key):
    return int(re.search(rf"^{key}:\s+(\d+) kB$", text, re.M)[1])


@pytest.mark.parametrize("board", ["vexpress-a9", "virt"])
def test_kernel_rows_after_mark_rodata_ro(boot, board):
    con = boot(board, mem="512M", bootargs="console=ttyAMA0")
    log = strip_stamps(con.read_until("armmm# "))
    syms = system_map()
    shd = "SHD" if SMP[board] else "   "
    # the order of Linux's kernel_init, once, before the shell
    assert log.count("Freeing unused kernel image (initmem) memory: 1024K\n") == 1
    assert log.index("Freeing unused kernel image") < log.index(PASSED)
    # each boundary on a section, so mark_rodata_ro can rewrite sections
    for s in ("_stext", "__start_rodata", "__init_begin", "__init_end"):
        assert syms[s] % (1 << 20) == 0, s
    pt = con.run("cat /sys/kernel/debug/kernel_page_tables").replace("\r", "").splitlines()
    i = pt.index("---[ Kernel Mapping ]---")
    assert pt[i + 1:i + 5] == [
        ptdump_line(PAGE_OFFSET, syms["_stext"], "PGD", "KERNEL", ["    RW", "NX", shd]),
        ptdump_line(syms["_stext"], syms["__start_rodata"], "PGD", "KERNEL", ["    ro", "x ", shd]),
        ptdump_line(syms["__start_rodata"], syms["__init_begin"], "PGD", "KERNEL",
                    ["    ro", "NX", shd]),
        ptdump_line(syms["__init_begin"], 0xE0000000, "PGD", "KERNEL", ["    RW", "NX", shd])]
    # text: read-only and executable; rodata: read-only, execute-never
    text = con.run(f"vtop {syms['_stext']:#x}")
    assert "kernel read-only, executable" in text
    text = con.run(f"vtop {syms['__start_rodata']:#x}")
    assert "kernel read-only, execute-never" in text


def test_initmem_freed(boot):
    """The 1024K of .init are in MemTotal and MemFree: the Memory: line's
    available + 1024K, less what was allocated after mem_init (a few slab
    pages) and what sits on the per-CPU page lists; the pages still hold
    the poison."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    log = strip_stamps(con.read_until("armmm# "))
    m = re.search(r"^Memory: (\d+)K/(\d+)K available \(.*, (\d+)K init, .*, (\d+)K reserved,", log,
                  re.M)
    avail, total, init, reserved = (int(x) for x in m.groups())
    assert init == 1024
    meminfo = con.run("cat /proc/meminfo")
    assert meminfo_kb(meminfo, "MemTotal") == total - reserved + 1024
    free = meminfo_kb(meminfo, "MemFree")
    # pages parked on the per-CPU lists are free but, as in Linux, not in
    # MemFree: /proc/zoneinfo's pageset counts say how many
    pcp = sum(int(c) for c in re.findall(r"^ +count: (\d+)$", con.run("cat /proc/zoneinfo"), re.M))
    assert avail + 1024 - 64 <= free + pcp * 4 <= avail + 1024
    # buddyinfo counts the same free pages
    counts = [int(x) for x in re.search(r"zone +Normal((?: +\d+)+)",
                                        con.run("cat /proc/buddyinfo"))[1].split()]
    assert sum(n << order for order, n in enumerate(counts)) * 4 == free
    init_begin = system_map()["__init_begin"]
    assert f"{init_begin:#010x}: {POISON_INIT:#010x}" in con.run(f"peek {init_begin:#x}")


def test_checkwx_fails_on_a_wx_page(boot):
    """checkwx passes again at the console; after wxmap maps one page RW x
    in the vmalloc area it fails, names that page and counts it; the dump
    shows the page RW x."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    con.read_until("armmm# ")
    assert PASSED in con.run("checkwx")
    out = con.run("wxmap")
    va = int(re.search(r"^wxmap: 0x([0-9a-f]{8})-0x[0-9a-f]{8} RW x", out, re.M)[1], 16)
    out = con.run("checkwx")
    assert f"arm/mm: Found insecure W+X mapping at address {va:#x}" in out
    assert "Checked W+X mappings: FAILED, 1 W+X pages found" in out
    pt = con.run("cat /sys/kernel/debug/kernel_page_tables")
    assert ptdump_line(va, va + 4096, "PTE", "KERNEL", ["   ", "RW", "x ", "   ", "MEM/CACHED/WBRA"]) \
        in pt.replace("\r", "")
    con.run("wxmap")
    out = con.run("checkwx")
    assert "Checked W+X mappings: FAILED, 2 W+X pages found" in out
