"""armmm against Debian's real Linux 6.1 on the same board (scripts/compare-dumps).

The Linux side comes from scripts/linux_ref: booted once per board and
memory size through the same U-Boot, then cached in $CACHE/linux-ref/, so
these tests boot Linux only the first time (~10 s each). The armmm side is
booted here with `dump_all`, through the `boot` fixture (transcripts in
build/test-logs/, bad patterns watched).

A "must" row of the comparison that is DIFFERENT fails the test. A dump
armmm does not print yet must be reported "not implemented yet (armmm)",
never as equal.
"""

import importlib.machinery
import importlib.util
import re
import subprocess

import pytest

from conftest import TOP
from boards import cache_dir

SCRIPTS = TOP / "scripts"


def _load(name, path):
    """Import a script whose file name is not a module name."""
    loader = importlib.machinery.SourceFileLoader(name, str(path))
    mod = importlib.util.module_from_spec(importlib.util.spec_from_loader(name, loader))
    loader.exec_module(mod)
    return mod


compare_dumps = _load("compare_dumps", SCRIPTS / "compare-dumps")
linux_ref = compare_dumps.linux_ref
frames = compare_dumps.frames

pytestmark = pytest.mark.boards("vexpress-a9")


def reference(board, mem):
    """The cached Linux reference (collected now if missing)."""
    for need in ("linux/vmlinuz", "u-boot/vexpress_ca9x4/u-boot", "dtbs/vexpress-v2p-ca9.dtb",
                 "u-boot/qemu_arm/u-boot.bin", "dtbs/vexpress-v2p-ca15-tc1.dtb"):
        if not (cache_dir() / need).exists():
            pytest.skip(f"{cache_dir() / need} missing: run scripts/setup.sh")
    try:
        return linux_ref.ensure(board, mem, log=lambda s: None)
    except linux_ref.RefError as e:
        pytest.fail(f"Linux reference run failed: {e}", pytrace=False)


def failing(rows):
    return "\n".join(f"  {r.dump} / {r.what}: Linux {r.linux!r}, armmm {r.armmm!r}: {r.verdict}"
                     for r in rows if compare_dumps.failed(r))


# Every board and size the README lists for make compare.
COMPARE_RUNS = [("vexpress-a9", "512M"), ("vexpress-a9", "1G"), ("virt", "1G"),
                ("vexpress-a15", "1G")]


@pytest.mark.parametrize("board_name,mem", COMPARE_RUNS, ids=[f"{b}-{m}" for b, m in COMPARE_RUNS])
def test_compare_with_linux(boot, zimage, board_name, mem):
    """Every "must" row equal or a named expected difference; every dump
    armmm lacks reported as not implemented yet, none of them as equal."""
    ref = reference(board_name, mem)
    con = boot(board_name, mem=mem, bootargs="console=ttyAMA0 dump_all")
    con.read_until("reboot: Power down", timeout=60)
    assert con.wait_exit(timeout=30) == 0
    L = compare_dumps.linux_side(ref)
    A = compare_dumps.armmm_side(con.log, zimage.parent / "System.map", board_name, mem)
    rows = compare_dumps.compare(L, A, ref.facts)
    assert not failing(rows), "armmm differs from Linux:\n" + failing(rows)
    missing = [p for p in frames.DUMP_PATHS if p not in A.dumps]
    todo = {r.dump for r in rows if r.verdict == compare_dumps.NOT_IMPL}
    for r in rows:
        if r.verdict == compare_dumps.NOT_IMPL:
            assert r.armmm == compare_dumps.NONE
    labels = {"/sys/kernel/debug/memblock/memory": "memblock.memory",
              "/sys/kernel/debug/memblock/reserved": "memblock.reserved",
              "/sys/kernel/debug/kernel_page_tables": "ptdump lowmem"}
    for p in missing:
        label = labels.get(p, p.rsplit("/", 1)[-1])
        assert label in todo, f"{p} is missing on armmm's side but not reported as such"


def test_compare_cli_exit_status(zimage):
    """`scripts/compare-dumps` (what `make compare` runs) prints the table
    and exits 0 when no "must" row is DIFFERENT."""
    reference("vexpress-a9", "1G")
    r = subprocess.run(["/usr/bin/python3", str(SCRIPTS / "compare-dumps"), "--board",
                        "vexpress-a9", "--mem", "1G", "--zimage", str(zimage), "--width", "200"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert re.search(r"^rule \| dump +\| what +\| Linux +\| armmm +\| verdict", r.stdout, re.M)
    assert "memblock.memory" in r.stdout and "'must' rows:" in r.stdout
    # the user-space rows follow the boot dumps' (tests/qemu/test_compare_user.py)
    assert re.search(r"^must \| memtouch@1 +\| /bin/memtouch vma", r.stdout, re.M)
    # Under 160 columns: one block per row, every line within the width
    # (the saved transcripts of the run above, so armmm is not booted again).
    log = TOP / "build" / "compare" / "armmm-vexpress-a9-1G.log"
    user = TOP / "build" / "compare" / "armmm-user-vexpress-a9-1G.txt"
    r = subprocess.run(["/usr/bin/python3", str(SCRIPTS / "compare-dumps"), "--board",
                        "vexpress-a9", "--mem", "1G", "--zimage", str(zimage), "--width", "100",
                        "--armmm-log", str(log), "--armmm-user-dumps", str(user)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert re.search(r"^must  memblock\.memory / regions\n +Linux +0x60000000", r.stdout, re.M)
    assert max(len(line) for line in r.stdout.splitlines()) <= 100
    assert "\033[" not in r.stdout            # no colour when piped
    assert re.search(r"^must  memtouch@1 / \[heap\] smaps\n +Linux +Rss=", r.stdout, re.M)


def test_linux_reference_facts():
    """What the reference run found about Debian's Linux on vexpress-a9
    512M, checked so a change in Debian's kernel is noticed: the page
    directory 16 KiB below _text (TEXT_OFFSET 0x208000), memblock debugfs
    present (CONFIG_ARCH_KEEP_MEMBLOCK), the decoded tables starting with
    sections at PAGE_OFFSET and with the two vectors pages, and the
    hardware PTEs saying what the Linux PTEs say."""
    ref = reference("vexpress-a9", "512M")
    f = ref.facts
    assert f["phys_offset"] == 0x60000000
    assert f["swapper_pg_dir"] == f["kernel_code"][0] - 0x4000
    assert "/sys/kernel/debug/memblock/memory" in ref.dumps
    assert re.search(r"^\s+0: 0x60000000\.\.0x7fffffff$",
                     ref.dumps["/sys/kernel/debug/memblock/memory"], re.M)
    pt = compare_dumps.ptd.parse(ref.dumps["/sys/kernel/debug/kernel_page_tables"])
    lowmem = [m for m in pt if m.area == "Kernel Mapping"]
    assert lowmem[0].start == 0xC0000000 and lowmem[0].level == "PGD"
    assert max(m.end for m in lowmem) == 0xE0000000
    vectors = [(m.start, m.domain) for m in pt if m.area == "Vectors"]
    assert vectors == [(0xFFFF0000, "VECTORS"), (0xFFFF1000, "VECTORS")]
    assert f["hw_check"] == []


def test_compare_rules_on_linux_itself():
    """The rules against real data: Linux compared with itself has every
    "must" row equal; a copy with lowmem made shareable (SHD) and its zone
    renamed Normal has the SHD rows DIFFERENT and the zone rename named."""
    ref = reference("vexpress-a9", "512M")
    L = compare_dumps.linux_side(ref)
    same = compare_dumps.Side("armmm", dict(ref.dumps), L.console, L.phys_offset, L.image,
                              L.pgd, L.dtb)
    rows = compare_dumps.compare(L, same, ref.facts)
    musts = [r for r in rows if r.rule == "must"]
    assert musts and all(r.verdict == compare_dumps.EQUAL for r in musts), failing(rows)

    doctored = dict(ref.dumps)
    pt = doctored["/sys/kernel/debug/kernel_page_tables"]
    doctored["/sys/kernel/debug/kernel_page_tables"] = re.sub(
        r"^(0xc1200000-0x\S+ +\S+ PGD KERNEL      RW NX) {4}$", r"\1 SHD", pt, flags=re.M)
    zi = doctored["/proc/zoneinfo"]
    doctored["/proc/zoneinfo"] = zi.replace("zone   Normal", "zone  Unused").replace(
        "zone      DMA", "zone   Normal")
    other = compare_dumps.Side("armmm", doctored, L.console, L.phys_offset, L.image, L.pgd, L.dtb)
    rows = compare_dumps.compare(L, other, ref.facts)
    bad = [r for r in rows if compare_dumps.failed(r)]
    assert bad and all(r.dump == "ptdump lowmem" and "shared" in r.verdict or
                       r.verdict == compare_dumps.DIFFERENT for r in bad), failing(rows)
    assert any(r.what.startswith("0xc1200000") for r in bad)
    for what in ("DMA zone", "Normal zone"):
        zone = next(r for r in rows if r.dump == "zoneinfo" and r.what == what)
        assert zone.verdict.startswith("expected: same lowmem in other zones (Linux: DMA, "
                                       "armmm: Normal)"), zone


def test_compare_kernel_image_parts():
    """The kernel image's parts (pre-text, text, rodata, init, data) must
    carry Linux's access and exec (mark_rodata_ro, free_initmem): Linux's
    own layout is equal part by part; a copy whose text is left RW x (no
    mark_rodata_ro) has its text DIFFERENT in both the part row and the
    address rows."""
    ref = reference("vexpress-a9", "1G")
    L = compare_dumps.linux_side(ref)
    assert L.parts["text"] == (0xC0300000, 0xC0E00000)      # _stext .. __start_rodata
    assert L.parts["rodata"] == (0xC0E00000, 0xC1200000)    # .. __init_begin
    same = compare_dumps.Side("armmm", dict(ref.dumps), L.console, L.phys_offset, L.image,
                              L.pgd, L.dtb, L.parts)
    rows = [r for r in compare_dumps.compare(L, same, ref.facts) if r.dump == "ptdump kernel image"]
    assert [(r.what, r.verdict) for r in rows] == [
        (p, compare_dumps.EQUAL) for p in compare_dumps.IMAGE_PARTS]
    assert rows[1].linux == "0xc0300000-0xc0e00000 11M ro x"
    doctored = dict(ref.dumps)
    doctored[compare_dumps.PTDUMP] = doctored[compare_dumps.PTDUMP].replace(
        "0xc0300000-0xc0e00000          11M PGD KERNEL      ro x ",
        "0xc0300000-0xc0e00000          11M PGD KERNEL      RW x ")
    rwx = compare_dumps.Side("armmm", doctored, L.console, L.phys_offset, L.image, L.pgd, L.dtb,
                             L.parts)
    bad = [r for r in compare_dumps.compare(L, rwx, ref.facts) if compare_dumps.failed(r)]
    assert [(r.dump, r.what) for r in bad] == [("ptdump lowmem", "0xc0300000-0xc0e00000 11M"),
                                               ("ptdump kernel image", "text")], failing(bad)
    assert bad[0].verdict == "DIFFERENT: armmm's text is RW x, Linux's text ro x"
