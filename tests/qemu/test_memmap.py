"""make memmap: the picture is checked against the dumps it was drawn from,
and loaded in a real browser.

One armmm boot for the whole file (scripts/memmap's collect: ptdump=phases,
memblock=debug, a process stopped, the dumps, pgd and vtop typed at the
console), on the --board given to pytest with -m 1G, so HighMem and user
PTE pages in HighMem are in the picture. The Linux picture of the same
board comes from the cached reference run (tests/qemu/test_compare.py
makes the same one; booted here only if missing).

The checks read the page the way a user's browser gets it: the SVG
(data-* attributes of every region) and the JSON embedded in the HTML,
never a previous run. The dumps are read back from the page's own
dumps.txt with their own regular expressions here, so a region the page
leaves out, or draws at the wrong address, fails. The checker is first
shown to catch a doctored page.
"""

import importlib.util
import json
import os
import re
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import TOP

sys.path.insert(0, str(TOP / "scripts" / "memmap"))
import browser  # noqa: E402
import collect  # noqa: E402
import layout  # noqa: E402

# scripts/memmap/__main__.py (the CLI behind make memmap), as a module
_spec = importlib.util.spec_from_file_location("memmap_main", TOP / "scripts" / "memmap" /
                                               "__main__.py")
memmap = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(memmap)
frames = collect.frames

MEM = "1G"
OUT = TOP / "build" / "memmap"
PAGE_OFFSET = 0xC0000000
BOARDS_OK = ("vexpress-a9", "virt", "vexpress-a15")
SVG_NS = "{http://www.w3.org/2000/svg}"


# ---- reading a page back -------------------------------------------------------------
class Page:
    """The regions of one memmap page: .svg[data-id] = attributes (plus
    "frame": the data-name of the frame it is in, and "y", "h"), .json the
    embedded data, .links [(frame name, attributes)]."""

    def __init__(self, html_text):
        m = re.search(r'<script type="application/json" id="memmap-data">(.*?)</script>',
                      html_text, re.S)
        assert m, "no embedded JSON"
        self.json = json.loads(m[1])
        s = re.search(r"<svg [^>]*id=\"memmap\".*?</svg>", html_text, re.S)
        assert s, "no SVG"
        root = ET.fromstring(s[0])
        self.svg, self.links = {}, []
        for g in [root] + root.findall(f"{SVG_NS}g"):
            name = g.get("data-name")
            for el in g.iter():
                if el.get("data-id"):
                    a = dict(el.attrib, frame=name, y=float(el.get("y", 0)),
                             h=float(el.get("height", 0)))
                    self.svg[a["data-id"]] = a
                elif el.tag == f"{SVG_NS}path" and el.get("data-pa"):
                    self.links.append((name, el.attrib))

    def regions(self, kind, frame=None):
        """{(start, end)} of the drawn regions of a kind (in a frame)."""
        return {(int(a["data-start"], 16), int(a["data-end"], 16)) for a in self.svg.values()
                if a["data-kind"] == kind and (frame is None or a["frame"] == frame)}


def memblock(text):
    return {(int(a, 16), int(b, 16) + 1)
            for a, b in re.findall(r"^\s*\d+: 0x([0-9a-f]+)\.\.0x([0-9a-f]+)$", text, re.M)}


def ptdump_ranges(text):
    return [(int(a, 16), int(b, 16) or 1 << 32, ln) for ln, a, b in
            re.findall(r"^(0x([0-9a-f]{8})-0x([0-9a-f]{8}) .*)$", text, re.M)]


def check_page(page, dumps):
    """Every memblock region, zone, vmalloc area and ptdump line of the
    dumps is drawn with its addresses; the geometry is monotonic."""
    for path, kind in (("/sys/kernel/debug/memblock/memory", "ram"),
                       ("/sys/kernel/debug/memblock/reserved", "reserved")):
        want = memblock(dumps[path])
        assert want and want <= page.regions(kind), \
            f"{path}: not drawn: {sorted(want - page.regions(kind))}"
    zones = {(int(s) << 12, (int(s) + int(n)) << 12) for n, s in re.findall(
        r"^\s+spanned\s+(\d+)\n(?:.*\n)*?\s+start_pfn:\s+(\d+)$", dumps["/proc/zoneinfo"], re.M)
        if int(n)}
    assert zones and zones <= page.regions("zone"), f"zones {zones} vs {page.regions('zone')}"
    # (Linux hides them: 0x(ptrval), or hashed values that do not span the size)
    vm = {(int(a, 16), int(b, 16)) for a, b, n in re.findall(
        r"^0x([0-9a-f]+)-0x([0-9a-f]+) +(\d+) ", dumps["/proc/vmallocinfo"], re.M)
        if int(b, 16) - int(a, 16) == int(n)}
    assert vm <= page.regions("vmalloc"), f"vmalloc areas not drawn: {vm - page.regions('vmalloc')}"
    names = [f["name"] for f in page.json["frames"]]
    for name in names:
        lines = ptdump_ranges(dumps[name])
        drawn = {(int(a["data-start"], 16), int(a["data-end"], 16) or 1 << 32): a["data-src"]
                 for a in page.svg.values() if a["frame"] == name and a["data-kind"] == "map"}
        for s, e, ln in lines:
            assert drawn.get((s, e), "").split("\n")[0] == ln.rstrip(), \
                f"{name}: '{ln}' not drawn"
        assert len(drawn) == len(lines), f"{name}: {len(drawn)} drawn, {len(lines)} lines"
    # one axis per side: a region that starts later is never drawn higher up
    for side in ("p", "v"):
        rs = sorted((int(a["data-start"], 16), a["y"]) for i, a in page.svg.items()
                    if i.startswith(side) or (side == "v" and i.startswith("f")))
        ys = [y for _, y in rs]
        assert ys == sorted(ys), f"{side}-axis not monotonic"
    assert len(page.svg) == len(page.json["phys"]) + len(page.json["virt"]) + \
        sum(len(f["maps"]) + len(f["regions"]) for f in page.json["frames"])


def check_links(page, pages):
    """Each 4 KiB page the kernel said it maps (va -> pa) is inside a link
    of the right frame that points at pa."""
    for frame, va, pa in pages:
        hits = [a for f, a in page.links if f == frame and int(a["data-va"], 16) <= va <
                int(a["data-va"], 16) + int(a["data-size"])]
        assert hits, f"{frame}: no link for {va:#x}"
        a = hits[0]
        assert int(a["data-pa"], 16) + va - int(a["data-va"], 16) == pa, \
            f"{frame}: {va:#x} linked to {a['data-pa']}, the kernel says {pa:#x}"


def png_size(path):
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


# ---- the runs --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def board_name(request):
    b = request.config.getoption("--board")
    if b not in BOARDS_OK:
        pytest.skip(f"make memmap is checked on {', '.join(BOARDS_OK)}")
    return b


@pytest.fixture(scope="module")
def armmm(board_name):
    zimage = Path(os.environ.get("ARMMM_ZIMAGE", TOP / "build" / "zImage"))
    if not zimage.is_file():
        pytest.skip(f"no kernel at {zimage}")
    try:
        html, pic = memmap.make(board_name, MEM, "armmm", zimage, OUT, log=lambda s: None)
    except collect.CollectError as e:
        pytest.fail(f"memmap: {e}", pytrace=False)
    return html, frames.parse(Path(f"{html.with_suffix('')}.dumps.txt").read_text())


@pytest.fixture(scope="module")
def linux(board_name):
    try:
        html, pic = memmap.make(board_name, MEM, "linux", None, OUT, log=lambda s: None)
    except collect.CollectError as e:
        pytest.fail(f"memmap: {e}", pytrace=False)
    ref = collect.linux_ref.ensure(board_name, MEM, log=lambda s: None)
    return html, ref


def test_memmap_armmm_regions_match_dumps(armmm):
    """Expect every memblock region, zone, vmalloc area, PTE page and
    ptdump line of every snapshot drawn at its addresses, and every page
    vtop resolved linked to that physical page."""
    check_armmm_page(*armmm)


@pytest.mark.parametrize("board, mem", [("vexpress-a9", "512M"), ("virt", "1G")])
def test_memmap_other_boards_and_sizes(board, mem):
    """The other configurations make memmap is for, whatever --board says:
    vexpress-a9 at 512M (no HighMem, U-Boot's extra 4-byte bank) and virt
    (RAM at 0x40000000, a Cortex-A15 with timestamps). Expect the same
    checks as at 1G; no screenshot (one browser run covers the page code)."""
    zimage = Path(os.environ.get("ARMMM_ZIMAGE", TOP / "build" / "zImage"))
    if not zimage.is_file():
        pytest.skip(f"no kernel at {zimage}")
    try:
        html, pic = memmap.make(board, mem, "armmm", zimage, OUT, log=lambda s: None)
    except collect.CollectError as e:
        pytest.fail(f"memmap: {e}", pytrace=False)
    check_armmm_page(html, frames.parse(Path(f"{html.with_suffix('')}.dumps.txt").read_text()))


def check_armmm_page(html, dumps):
    """check_page, then what only armmm's run has: its PTE pages (pgd),
    the user PTE pages (vtop), the links of every page vtop resolved, the
    phases, the process's frame and the broken axis."""
    page = Page(html.read_text())
    check_page(page, dumps)
    names = [f["name"] for f in page.json["frames"]]
    assert names == [f"ptdump:{p}" for p in collect.PHASES] + \
        ["/sys/kernel/debug/kernel_page_tables", "ptdump:user"]
    ptes = {int(a, 16) & ~0xFFF for a in re.findall(r"-> table at 0x([0-9a-f]{8})", dumps["pgd"])}
    assert ptes and ptes == {s for s, e in page.regions("pte-page")}
    user_ptes = {int(p, 16) << 12 for p in re.findall(r"^PTE page: pfn 0x([0-9a-f]+)",
                                                      dumps["vtop"], re.M)}
    assert user_ptes and user_ptes == {s for s, e in page.regions("user-pte-page")}
    vtops = []
    for block in re.split(r"^(?=armmm# )", dumps["vtop"], flags=re.M):
        m = re.search(r"^(0x[0-9a-f]{8}) -> (0x[0-9a-f]+) \(4 KiB page\)", block, re.M)
        if m:
            frame = "ptdump:user" if re.match(r"armmm# vtop \d+ ", block) else \
                "/sys/kernel/debug/kernel_page_tables"
            vtops.append((frame, int(m[1], 16), int(m[2], 16)))
    assert any(f == "ptdump:user" for f, _, _ in vtops), "no user page looked up"
    check_links(page, vtops)
    # the phases: head.S's identity section, gone after prepare_page_table;
    # the kernel RW x until mark_rodata_ro makes its text ro x
    phys = page.json["phys_offset"]
    ident = [a for f, a in page.links if f == "ptdump:head.S" and a["data-va"] == a["data-pa"]]
    assert ident and int(ident[0]["data-pa"], 16) >= phys
    assert not [a for f, a in page.links if f == "ptdump:prepare_page_table" and
                int(a["data-va"], 16) < PAGE_OFFSET]
    assert re.search(r" RW x ", dumps["ptdump:map_lowmem"])
    assert re.search(r" ro x ", dumps["ptdump:mark_rodata_ro"])
    lowmem = [a for f, a in page.links if f == "/sys/kernel/debug/kernel_page_tables" and
              int(a["data-va"], 16) == PAGE_OFFSET]
    assert lowmem and int(lowmem[0]["data-pa"], 16) == phys, "linear map not at PHYS_OFFSET"
    check_user_frame(dumps, vtops)
    # the broken axis: a 4 KiB page as tall as a page must be, beside lowmem
    now = [a for a in page.svg.values() if a["frame"] == "/sys/kernel/debug/kernel_page_tables"
           and a["data-kind"] == "map"]
    small = [a["h"] for a in now if int(a["data-end"], 16) - int(a["data-start"], 16) == 4096]
    big = max(a["h"] for a in now)
    assert small and min(small) >= layout.MIN_H - 0.05 and big > 5 * min(small), (small, big)


def check_user_frame(dumps, vtops):
    """ptdump <pid>: the user half first, inside the process's VMAs, all
    USR pages; the kernel half exactly kernel_page_tables (pgd_alloc copied
    it); memtouch's read-only touches of its mmap all on one physical page
    (the zero page)."""
    user = dumps["ptdump:user"]
    head, _, kernel = user.partition("---[ Modules ]---")
    assert head.startswith("---[ User Space ]---\n")
    assert "---[ Modules ]---" + kernel == dumps["/sys/kernel/debug/kernel_page_tables"]
    pid = re.search(r"pid (\d+)", dumps["process"])[1]
    vmas = [(int(a, 16), int(b, 16)) for a, b in
            re.findall(r"^([0-9a-f]+)-([0-9a-f]+) ", dumps[f"/proc/{pid}/maps"], re.M)]
    # ptdump joins pages of equal attributes across a VMA boundary (memtouch's
    # two [heap] VMAs, Linux 6.1's brk): check against runs of adjacent VMAs
    runs = []
    for a, b in sorted(vmas):
        if runs and runs[-1][1] == a:
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
    lines = ptdump_ranges(head)
    assert lines
    for s, e, ln in lines:
        assert " PTE USER    USR " in ln and any(a <= s and e <= b for a, b in runs), ln
    zero = [s for s, e, ln in lines if " USR ro NX " in ln and s >= 0xB0000000]
    pas = {pa for f, va, pa in vtops if f == "ptdump:user" and zero and
           zero[0] <= va < next(e for s, e, _ in lines if s == zero[0])}
    assert len(pas) == 1, f"read-only anonymous pages on {len(pas)} physical pages"


def test_memmap_checker_catches_a_doctored_page(armmm):
    """The judge first: a page with one reserved region moved by a page,
    or one ptdump line left out, must fail check_page."""
    html, dumps = armmm
    text = html.read_text()
    m = re.search(r'data-kind="reserved" data-start="0x([0-9a-f]{8})"', text)
    moved = text.replace(m[0], f'data-kind="reserved" data-start="0x{int(m[1], 16) + 4096:08x}"')
    with pytest.raises(AssertionError, match="reserved: not drawn"):
        check_page(Page(moved), dumps)
    m = re.search(r'<rect [^>]*data-kind="map"[^>]*>.*?</rect>', text)
    with pytest.raises(AssertionError):
        check_page(Page(text.replace(m[0], "", 1)), dumps)


def test_memmap_in_chromium(armmm, linux, board_name):
    """Expect both pages (armmm, Linux) to load in headless chromium with no
    script error, the arrow keys to step through every frame, a hover to
    show the ptdump line, and a PNG; then the page holding both side by
    side to load, showing the two."""
    for html in (armmm[0], linux[0]):
        png = html.with_suffix(".png")
        problems, data = browser.check(html, png, height=memmap.page_height(html))
        assert not problems, f"{html.name}: {problems}"
        w, h = png_size(png)
        assert w >= 1000 and h >= 600, (w, h)
        names = [f["name"] for f in Page(html.read_text()).json["frames"]]
        assert data["trail"] == ",".join(str(i) for i in range(len(names)))
        assert data["hover"] == "ok", "hovering a mapping did not show its ptdump line"
        assert int(data["frame"]) == names.index("/sys/kernel/debug/kernel_page_tables")
    both = memmap.side_by_side(OUT, board_name, MEM)
    assert both and both.name == f"{board_name}-{MEM}-both.html"
    text = both.read_text()
    assert f'src="{armmm[0].name}"' in text and f'src="{linux[0].name}"' in text
    png = both.with_suffix(".png")
    errors = browser.script_errors(browser.screenshot(both, png, width=1600, height=1000))
    assert not errors and png_size(png) == (1600, 1000), errors


def test_memmap_linux_regions_match_reference(linux):
    """The Linux picture: every memblock region, zone and ptdump line of
    the reference's dumps, every PTE page under its swapper_pg_dir, and
    the physical page of each of its 4 KiB mappings read from its tables."""
    html, ref = linux
    page = Page(html.read_text())
    check_page(page, ref.dumps)
    pgd, read_page = collect.linux_tables(ref)
    ptes = set(collect.ptd.table_pages(pgd))
    assert ptes and ptes == {s for s, e in page.regions("pte-page")}
    pages = []
    for i in range(0, 4096, 2):
        if pgd[i] & 3 == 1:
            words = read_page(pgd[i] & 0xFFFFF000)
            pages += [("/sys/kernel/debug/kernel_page_tables", (i << 20) + j * 4096,
                       words[j] & 0xFFFFF000) for j in range(512) if words[j]]
    assert pages
    check_links(page, pages)


def test_ptdump_command(boot):
    """`ptdump` alone is kernel_page_tables; with a pid, that process's
    tables; bad arguments get an Error: line and nothing else."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    assert con.run("ptdump") == con.run("cat /sys/kernel/debug/kernel_page_tables")
    con.allow("Error: ")
    for cmd, err in (("ptdump 7", "Error: ptdump: no process with pid 7"),
                     ("ptdump x", "Error: ptdump: pid 'x' is not a decimal number"),
                     ("ptdump 1 2", "Error: ptdump: too many arguments ('2' and after)\n"
                                    "usage: ptdump [<pid>]")):
        assert con.run(cmd).strip() == err, cmd
    pid = re.search(r"^\[(\d+)\] Stopped", con.run("/bin/zero"), re.M)[1]
    out = con.run(f"ptdump {pid}")
    assert out.startswith("---[ User Space ]---\n0x00010000-")
    assert out.split("---[ Modules ]---")[1] == \
        con.run("cat /sys/kernel/debug/kernel_page_tables").split("---[ Modules ]---")[1]


def test_memmap_axis_pieces():
    """A page beside 768 MiB of lowmem, both in the foreground; a 1 GiB hole
    between devices and RAM. Expect the page MIN_H high, lowmem taller
    but not to scale, the hole cut to CUT_H, and y monotonic."""
    page, ram = (0x60004000, 0x60005000), (0x60000000, 0x90000000)
    dev = (0x10000000, 0x10001000)
    ax = layout.Axis([*dev, *ram, *page], fg=[page, ram, dev])
    h = {(a, b): ax.y(b) - ax.y(a) for a, b in zip(ax.pts, ax.pts[1:])}
    assert h[page] == layout.MIN_H
    assert layout.MIN_H < h[(0x60005000, 0x90000000)] < 200
    assert h[(0x10001000, 0x60000000)] == layout.CUT_H and len(ax.cuts) == 1
    assert [ax.y(a) for a in ax.pts] == sorted(ax.y(a) for a in ax.pts)


def test_phase_frames_from_dmesg():
    """ptdump=phases' snapshots as dmesg replays them: timestamps, memblock
    lines between them. Expect each table cut out under its phase's name,
    stamps gone, trailing blanks kept, the lines after a table left out."""
    dmesg = ("[    0.000000] ptdump: page tables as head.S left them:\n"
             "[    0.000000] ---[ Modules ]---\n"
             "[    0.000000] 0x60100000-0x60200000           1M PGD KERNEL  USR RW x     \n"
             "[    0.000000] memblock_reserve: [0x8fffe000-0x8fffffff] x+0x98/0xa4\n"
             "[    0.000000] 0xc0000000-0xc0100000 not a table any more\n"
             "[   12.034567] ptdump: page tables after mark_rodata_ro:\n"
             "[   12.034567] ---[ Kernel Mapping ]---\n"
             "[   12.034567] 0xc0000000-0xc0100000           1M PGD KERNEL      RW NX    \n"
             "[   12.034600] Checked W+X mappings: passed\n")
    assert collect.phase_frames(dmesg) == {
        "ptdump:head.S": "---[ Modules ]---\n"
                         "0x60100000-0x60200000           1M PGD KERNEL  USR RW x     \n",
        "ptdump:mark_rodata_ro": "---[ Kernel Mapping ]---\n"
                                 "0xc0000000-0xc0100000           1M PGD KERNEL      RW NX    \n"}
    assert collect.phase_frames("[    0.000000] Booting Linux\n") == {}


def test_memmap_bad_input(tmp_path):
    """A dumps file without the dumps: a clear message, exit status 2."""
    bad = tmp_path / "empty.dumps.txt"
    bad.write_text("nothing framed here\n")
    assert memmap.main(["--dumps", str(bad), "--out-dir", str(tmp_path), "--no-screenshot"]) == 2
