"""make profile (scripts/profile): the TCG plugin's counts of an armmm boot.

What is checked, on vexpress-a9 -m 128M (the plugin is built at first use
from Debian's qemu source package, as `make profile` does):
  - two runs of the same zImage count exactly the same instructions, per
    milestone and per function (the profile is exact, not sampled);
  - the milestones come in boot order, each one a function of vmlinux;
  - the self counts add up to the total, and the call tree's root calls
    are the boot's own phases (setup_arch, mem_init, kernel_init), each
    with an inclusive count at least its callees' sum;
  - a function called from two places gets two nodes of the tree
    (calling contexts, not a flat call graph).
"""

import os
import sys
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(TOP / "scripts" / "profile"))

import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location("profile_main", TOP / "scripts" / "profile" / "__main__.py")
profile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(profile)


@pytest.fixture(scope="module")
def runs():
    zimage = Path(os.environ.get("ARMMM_ZIMAGE", TOP / "build" / "zImage"))
    if not zimage.is_file():
        pytest.skip(f"no kernel at {zimage}")
    return [profile.run("armmm", "vexpress-a9", "128M", str(zimage), None, log=lambda *a: None)
            for _ in range(2)]


def test_exact_and_repeatable(runs):
    a, b = runs
    assert a.total == b.total > 1_000_000
    assert a.self_count == b.self_count
    assert a.funcs == b.funcs


def test_milestones_in_boot_order(runs):
    p = runs[0]
    values = [p.milestone(name, how) for _, name, how in profile.MILESTONES["armmm"]]
    assert None not in values, values
    assert 0 < values[0] < values[1] < values[2] < p.total


def test_self_counts_add_up_and_tree_is_consistent(runs):
    p = runs[0]
    assert sum(p.self_count.values()) == p.total
    roots = {name: (node, incl) for node, name, calls, incl in p.children(0)}
    for phase in ("setup_arch", "mem_init", "kernel_init"):
        assert phase in roots, sorted(roots)
    for name, (node, incl) in roots.items():
        assert incl >= sum(k[3] for k in p.children(node)), name


def test_calling_contexts(runs):
    p = runs[0]
    # printk is called from many places: one tree node per calling context
    contexts = [n for kids in p.kids.values() for n in kids if n[1] == "printk"]
    assert len(contexts) > 1
    assert sum(n[2] for n in contexts) == p.funcs["printk"][0]
