"""The symbol table linked into the image (scripts/kallsyms, kernel/kallsyms.c):
`sym`, %pS in the oops, against build/System.map."""

import re

from conftest import TOP


def _code_symbols():
    """[(address, name)] of System.map's code symbols, sorted."""
    out = []
    for line in (TOP / "build" / "System.map").read_text().splitlines():
        a, t, n = line.split()
        if t in "TtWw" and not n.startswith(("$", ".L", "kallsyms_")):
            out.append((int(a, 16), n))
    return sorted(out)


def test_sym_names_functions_with_their_size(boot):
    """Expect `sym` of a function's start and of a byte inside it to give
    name+0x0/0xsize and name+0x10/0xsize, the size being the distance to
    the next code symbol in System.map; and an address in no function to
    be said to be so."""
    syms = _code_symbols()
    addr = dict((n, a) for a, n in syms)["paging_init"]
    size = min(a for a, _ in syms if a > addr) - addr
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    assert con.run(f"sym {addr:x}").strip() == f"0x{addr:08x}: paging_init+0x0/0x{size:x}"
    assert con.run(f"sym {addr + 16:x}").strip() == \
        f"0x{addr + 16:08x}: paging_init+0x10/0x{size:x}"
    assert re.fullmatch(r"0x00001000: in no kernel function \(\d+ code symbols known\)",
                        con.run("sym 1000").strip())


def test_oops_names_the_faulting_function(boot):
    """Expect the oops of lkdtm ACCESS_NULL to name the function at PC and the
    backtrace's frames by name (Linux's "PC is at fn+0xoff/0xsize")."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    con.allow("Unable to handle", "Internal error", "abort")
    out = con.run("lkdtm ACCESS_NULL")
    assert re.search(r"PC is at lkdtm_\w+\+0x[0-9a-f]+/0x[0-9a-f]+", out), out
    assert re.search(r"LR is at \w+\+0x[0-9a-f]+/0x[0-9a-f]+", out), out
    frames = re.findall(r"\]\s+(\w+) from (\w+)\+0x[0-9a-f]+/0x[0-9a-f]+$", out, re.M)
    assert frames and frames[0][0].startswith("lkdtm_"), out
    assert frames[-1] == ("start_kernel", "__mmap_switched"), frames
