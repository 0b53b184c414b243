"""scripts/kallsyms: nm lines in, the assembly table out."""

import importlib.machinery
import importlib.util
from pathlib import Path

TOP = Path(__file__).resolve().parents[2]
_loader = importlib.machinery.SourceFileLoader("kallsyms_gen", str(TOP / "scripts" / "kallsyms"))
kallsyms = importlib.util.module_from_spec(importlib.util.spec_from_loader("kallsyms_gen", _loader))
_loader.exec_module(kallsyms)

NM = """c0008000 T stext
c0008000 t $a
c0101000 T paging_init
c0100000 t early_alloc
c0300000 D some_data
c0200000 W weak_fn
c0101000 T paging_init_alias
c0400000 R kallsyms_num_syms
"""


def test_keeps_code_symbols_sorted_without_mapping_symbols():
    """Expect T/t/W symbols only, in address order (aliases kept), no $a, no
    data, no kallsyms_* of the table itself."""
    assert kallsyms.symbols(NM.splitlines()) == [
        (0xc0008000, "stext"), (0xc0100000, "early_alloc"), (0xc0101000, "paging_init"),
        (0xc0101000, "paging_init_alias"), (0xc0200000, "weak_fn")]


def test_assembly_offsets_point_at_each_name():
    """Expect the name offsets to be the running sum of name lengths + NUL,
    and the empty table to still define every symbol."""
    asm = kallsyms.assembly([(0xc0008000, "stext"), (0xc0100000, "ab")])
    assert "\t.long 2\n" in asm and ".long 0xc0008000" in asm
    assert asm.index("\t.long 0\n") < asm.index("\t.long 6\n")
    empty = kallsyms.assembly([])
    for sym in ("kallsyms_num_syms", "kallsyms_addresses", "kallsyms_name_offsets",
                "kallsyms_names"):
        assert f"{sym}:" in empty
