"""The guided tour (Documentation/tour.md, Documentation/zh_CN/tour.md)
shows what the kernel prints today: one boot runs every command of the
tour (scripts/tour), and each page must equal what that run renders.
When the kernel's output changes on purpose, `make tour` rewrites both
pages; the diff in the failure says which block moved.

The parser and filter tests need no QEMU. The run is one boot of
vexpress-a9 (1G) for the whole module, a few seconds.
"""

import difflib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(TOP / "scripts" / "tour"))

import tourdoc  # noqa: E402
from tourdoc import TourError  # noqa: E402

_spec = importlib.util.spec_from_file_location("tour_cli", TOP / "scripts" / "tour" / "__main__.py")
tour_cli = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tour_cli)

DOCS = tour_cli.DOCS
# One block family per topic of the notes (the ID prefix names the section).
TOPICS = ("pv-", "pgdir-", "sect-", "lowmem-", "fold-", "split-", "mb-", "flat-", "zone-",
          "buddy-", "slab-", "fault-", "proc-")


# ---- the parser and the filters (no QEMU) -----------------------------------

OUT = "a one\nb two\nc three\nd four\ne five\n"


def test_apply_filters_grep_elides_each_gap_once():
    """Expect the kept lines in order, one "..." per run of dropped lines."""
    shown = tourdoc.apply_filters("t", OUT, [("grep", ["one|four"])], {})
    assert shown == ["a one", "...", "d four", "..."]


def test_apply_filters_from_to_head_tail():
    assert tourdoc.apply_filters("t", OUT, [("from", ["two", "to", "four"])], {}) == \
        ["...", "b two", "c three", "d four", "..."]
    assert tourdoc.apply_filters("t", OUT, [("head", ["2"])], {}) == ["a one", "b two", "..."]
    assert tourdoc.apply_filters("t", OUT, [("tail", ["1"])], {}) == ["...", "e five"]
    assert tourdoc.apply_filters("t", OUT, [("grep", ["-v", "two|three"])], {}) == \
        ["a one", "...", "d four", "e five"]


def test_apply_filters_capture_and_its_errors():
    """Expect group 1 remembered; a capture or a filter that finds nothing is an error."""
    caps = {}
    tourdoc.apply_filters("t", OUT, [("capture", ["x", r"^c (\w+)"])], caps)
    assert caps == {"x": "three"}
    with pytest.raises(TourError, match="not found"):
        tourdoc.apply_filters("t", OUT, [("capture", ["x", r"^z (\w+)"])], caps)
    with pytest.raises(TourError, match="left nothing"):
        tourdoc.apply_filters("t", OUT, [("grep", ["nowhere"])], {})
    with pytest.raises(TourError, match="matches no line"):
        tourdoc.apply_filters("t", OUT, [("from", ["nowhere"])], {})


def test_normalise_only_stamps_and_git_version():
    """Expect the timestamp and the banner's git version rewritten, nothing else."""
    text = ("[   12.345678] Linux version 6.1.0-armmm (armmm) (gcc 12) #1 2fd9dfc-dirty\n"
            "[    0.000001] PHYS_OFFSET: 0x60000000\n0xc0007000: 0x6000041e\n")
    assert tourdoc.normalise(text) == (
        "[    0.000000] Linux version 6.1.0-armmm (armmm) (gcc 12) #1 <git describe>\n"
        "[    0.000000] PHYS_OFFSET: 0x60000000\n0xc0007000: 0x6000041e\n")


def test_bad_patterns_unless_allowed():
    out = "Unable to handle kernel paging request\n"
    assert tourdoc.bad_patterns("t", out, []) == ["Unable to handle"]
    assert tourdoc.bad_patterns("t", out, [("allow", ["Unable to handle"])]) == []
    assert tourdoc.bad_patterns("t", "foo: command not found (try 'help')\n", []) == \
        ["command not found"]


DOC = """intro
<!-- tour-boot: board=vexpress-a9 mem=1G bootargs="console=ttyAMA0" -->
<!-- tour one: peek {sym:x} | grep 0x -->
```
armmm# stale
```
text
<!-- tour two: ls -->
end
"""


def test_parse_and_fill_round_trip():
    """Expect the stale block replaced, the missing one inserted, the prose kept."""
    blocks = tourdoc.parse_blocks(DOC, "doc")
    assert [(b.id, b.command, b.filters) for b in blocks] == \
        [("one", "peek {sym:x}", [("grep", ["0x"])]), ("two", "ls", [])]
    new = tourdoc.fill(DOC, blocks, {"one": ("peek c0000000", ["0xc0000000: 0x1"]),
                                     "two": ("ls", ["/proc/iomem"])}, "doc")
    assert new == DOC.replace("armmm# stale", "armmm# peek c0000000\n0xc0000000: 0x1").replace(
        "<!-- tour two: ls -->\n", "<!-- tour two: ls -->\n```\narmmm# ls\n/proc/iomem\n```\n")
    again = tourdoc.parse_blocks(new, "doc")
    assert tourdoc.fill(new, again, {"one": ("peek c0000000", ["0xc0000000: 0x1"]),
                                     "two": ("ls", ["/proc/iomem"])}, "doc") == new
    assert tourdoc.parse_boot(DOC, "doc") == {"board": "vexpress-a9", "mem": "1G",
                                              "bootargs": "console=ttyAMA0"}


@pytest.mark.parametrize("bad, why", [
    ("<!-- tour one: ls -->\n<!-- tour one: ls -->\n", "marked twice"),
    ("<!-- tour one: ls | sort -->\n", "unknown filter"),
    ("<!-- tour one: ls | head x -->\n", "bad arguments"),
    ("<!-- tour one: ls | grep ( -->\n", "bad regex"),
    ("<!-- tour One: ls -->\n", "malformed tour marker"),
])
def test_parse_blocks_refuses(bad, why):
    with pytest.raises(TourError, match=why):
        tourdoc.parse_blocks(bad, "doc")


def test_check_edition_refuses_unknown_ids_and_other_specs():
    master = tourdoc.parse_blocks("<!-- tour one: ls -->\n", "en")
    ok = tourdoc.parse_blocks("<!-- tour one -->\n", "zh")
    tourdoc.check_edition(master, ok, "zh")
    assert ok[0].command == "ls"
    with pytest.raises(TourError, match="not in the English tour"):
        tourdoc.check_edition(master, tourdoc.parse_blocks("<!-- tour two -->\n", "zh"), "zh")
    with pytest.raises(TourError, match="spec differs"):
        tourdoc.check_edition(master, tourdoc.parse_blocks("<!-- tour one: dmesg -->\n", "zh"),
                              "zh")


def test_tour_documents_cover_the_notes():
    """Expect a block for every topic of the notes, and the Chinese
    edition to show every block of the English tour."""
    docs, boot = tour_cli.load(DOCS)
    ids = [b.id for b in docs[0][2]]
    for prefix in TOPICS:
        assert any(i.startswith(prefix) for i in ids), f"no tour block for {prefix}*"
    for path, _, blocks in docs[1:]:
        assert sorted(b.id for b in blocks) == sorted(ids), f"{path}: blocks differ"
    assert boot["board"] == "vexpress-a9"


def test_make_help_lists_make_tour():
    r = subprocess.run(["make", "-s", "-C", str(TOP), "help"], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0 and "make tour" in r.stdout, r.stdout + r.stderr


# ---- the run ------------------------------------------------------------------

@pytest.fixture(scope="module")
def tour_run(request):
    if request.config.getoption("--board") != "vexpress-a9":
        pytest.skip("the tour boots vexpress-a9")
    zimage = Path(os.environ.get("ARMMM_ZIMAGE", TOP / "build" / "zImage"))
    if not zimage.is_file():
        pytest.skip(f"no kernel at {zimage} (build it with make)")
    docs, boot = tour_cli.load(DOCS)
    log = TOP / "build" / "test-logs" / "test_tour.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    try:
        results = tour_cli.run_tour(docs, boot, zimage, zimage.parent, log)
    except TourError as e:
        pytest.fail(f"the tour's run failed: {e}", pytrace=False)
    return docs, results


def test_tour_pages_match_a_fresh_run(tour_run):
    """Expect every tour page byte for byte as this run renders it."""
    docs, results = tour_run
    diffs = []
    for path, old, new in tour_cli.render_all(docs, results):
        if old != new:
            diffs.append("".join(difflib.unified_diff(
                old.splitlines(True), new.splitlines(True), f"{path} (committed)",
                f"{path} (this run)", n=1)))
    assert not diffs, ("the tour no longer matches the kernel's output; if the change is "
                       "meant, run `make tour` and commit the pages:\n" + "\n".join(diffs))


def test_tour_run_has_content(tour_run):
    """Expect real output where the tour promises it: the pv offset, the
    kernel's first L1 word, ptdump=phases' snapshots in dmesg (head.S's
    identity section among them), a split down to order 4, a zero-page
    fault, a process's own tables user half first."""
    _, results = tour_run
    text = {k: "\n".join(v[1]) for k, v in results.items()}
    assert "__pv_offset 0xa0000000" in text["pv-dmesg"]
    phases = text["lowmem-phases"]
    assert phases.count("ptdump: page tables ") == 4
    assert "0x60100000-0x60200000           1M PGD KERNEL  USR RW x" in phases
    assert text["fault-memtouch-ptdump"].startswith("---[ User Space ]---\n0x00010000-")
    assert " PTE USER    USR RW NX " in text["fault-memtouch-ptdump"]
    assert text["pgdir-c00"].endswith(": 0x6000041e")
    assert text["buddy-alloc"].count("split") == 6
    assert "do_anonymous_page" in text["fault-zero"] and "zero page" in text["fault-zero-vtop"]
    assert "do_wp_page" in text["fault-zero-fg"]


def test_tour_drift_is_detected(tour_run):
    """A page whose block shows an old output must not pass: doctor one
    output line and expect fill() to differ from the doctored page."""
    docs, results = tour_run
    path, text, blocks = docs[0]
    good = tourdoc.fill(text, blocks, results, path)
    doctored = good.replace("0xc0007000: 0x6000041e", "0xc0007000: 0x6000040e", 1)
    assert doctored != good
    assert tourdoc.fill(doctored, tourdoc.parse_blocks(doctored, path), results, path) == good
