"""Host tests for the page-allocator rows of scripts/compare-dumps (zoneinfo,
buddyinfo, meminfo, slabinfo, pagetypeinfo), on hand-written dumps in Linux
6.1's formats. No QEMU and no cached Linux run: the "Linux" side here is
shaped like Debian's armmp on vexpress-a9 -m 1G (all lowmem in ZONE_DMA, an
empty Normal, 12 buddy orders from CONFIG_ARCH_FORCE_MAX_ORDER=12).

    /usr/bin/python3 -m pytest -q tests/tools

What is checked: a dump armmm lacks gives "not implemented yet (armmm)" on
its "must" rows and never "equal"; the named expected differences (ZONE_DMA,
MAX_ORDER, KMALLOC_MIN_SIZE) are accepted only for exactly what they explain;
anything else that differs is DIFFERENT.
"""

import importlib.machinery
import importlib.util
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]


def _load():
    loader = importlib.machinery.SourceFileLoader("compare_dumps_t",
                                                  str(TOP / "scripts" / "compare-dumps"))
    mod = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(mod)
    return mod


cd = _load()

PHYS = 0x60000000
PFN0 = PHYS >> 12                      # 393216
LOW, HIGH = 196608, 65536              # pages: 768 MiB lowmem, 256 MiB HighMem
CONFIG = {"CONFIG_ARCH_FORCE_MAX_ORDER": "12", "CONFIG_ARM_L1_CACHE_SHIFT": "6"}


# ---- dumps in Linux 6.1's formats (only the lines the rows read, in place) -----------
def zoneinfo(zones):
    """zones: [(name, start_pfn, spanned, present, managed)]; spanned 0 is
    an unpopulated zone, printed without start_pfn as mm/vmstat.c does."""
    out = []
    for name, start, spanned, present, managed in zones:
        out.append(f"Node 0, zone {name:>8}\n  pages free     {managed}\n"
                   f"        boost    0\n        min      0\n        low      0\n"
                   f"        high     0\n        spanned  {spanned}\n"
                   f"        present  {present}\n        managed  {managed}\n"
                   f"        cma      0\n        protection: (0, 0, 0, 0)\n")
        if spanned:
            out.append(f"  node_unreclaimable:  0\n  start_pfn:           {start}\n")
    return "".join(out)


def buddyinfo(zones, orders):
    return "".join(f"Node 0, zone {z:>8} " + "".join(f"{1:6} " for _ in range(orders)) + "\n"
                   for z in zones)


def meminfo(total, high):
    return (f"MemTotal:       {total:8} kB\nMemFree:        {total:8} kB\n"
            f"HighTotal:      {high:8} kB\nHighFree:       {high:8} kB\n")


SLAB_HEAD = ("slabinfo - version: 2.1\n# name            <active_objs> <num_objs> <objsize> "
             "<objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "
             "slabdata <active_slabs> <num_slabs> <sharedavail>\n")


def slabinfo(names, head=SLAB_HEAD):
    return head + "".join(f"{n:<17} 0 0 64 64 1 : tunables 0 0 0 : slabdata 0 0 0\n"
                          for n in names)


LINUX_SLABS = ["kmalloc-8k", "kmalloc-4k", "kmalloc-2k", "kmalloc-1k", "kmalloc-512",
               "kmalloc-256", "kmalloc-192", "kmalloc-128", "kmalloc-64", "kmem_cache_node",
               "kmem_cache", "inode_cache", "dentry"]


def linux_dumps(high=True):
    low = LOW if high else 131072
    zones = [("DMA", PFN0, low, low, low - 7000), ("Normal", 0, 0, 0, 0),
             ("HighMem", PFN0 + low, HIGH, HIGH, HIGH) if high else ("HighMem", 0, 0, 0, 0),
             ("Movable", 0, 0, 0, 0)]
    managed = sum(z[4] for z in zones) * 4
    return {
        "/proc/zoneinfo": zoneinfo(zones),
        "/proc/buddyinfo": buddyinfo(["DMA", "HighMem"] if high else ["DMA"], 12),
        "/proc/meminfo": meminfo(managed, HIGH * 4 if high else 0),
        "/proc/slabinfo": slabinfo(LINUX_SLABS),
        "/proc/pagetypeinfo": "Page block order: 11\nPages per block:  2048\n",
        "/sys/kernel/debug/memblock/memory":
            f"   0: {PHYS:#x}..{PHYS + ((low + (HIGH if high else 0)) << 12) - 1:#x}\n",
    }


def armmm_dumps(high=True, dma=False, orders=11, slabs=("kmem_cache", "kmem_cache_node",
                                                       "kmalloc-64", "kmalloc-1k")):
    """armmm as it is meant to come out: lowmem in Normal (or DMA with
    dma=True), MAX_ORDER 11, fewer reserved pages than Linux."""
    low = LOW if high else 131072
    lowname = "DMA" if dma else "Normal"
    zones = [(lowname, PFN0, low, low, low - 900)]
    if dma:
        zones.append(("Normal", 0, 0, 0, 0))
    zones.append(("HighMem", PFN0 + low, HIGH, HIGH, HIGH) if high else ("HighMem", 0, 0, 0, 0))
    managed = sum(z[4] for z in zones) * 4
    return {
        "/proc/zoneinfo": zoneinfo(zones),
        "/proc/buddyinfo": buddyinfo([lowname, "HighMem"] if high else [lowname], orders),
        "/proc/meminfo": meminfo(managed, HIGH * 4 if high else 0),
        "/proc/slabinfo": slabinfo(slabs),
        "/proc/pagetypeinfo": f"Page block order: {orders - 1}\nPages per block:  "
                              f"{1 << (orders - 1)}\n",
    }


def side(name, dumps, image):
    return cd.Side(name, dumps, "", PHYS, image, PHYS + 0x4000, None)


CTX = {"linux_config": CONFIG, "text_offset": 0x208000,
       "linux_facts": {"uboot": {}, "lowmem_end": PHYS + (LOW << 12)}}
L_IMAGE = (PHYS + 0x208000, PHYS + 0x1608000)
A_IMAGE = (PHYS + 0x8000, PHYS + 0x315000)
ROWS = (cd.cmp_zoneinfo, cd.cmp_buddyinfo, cd.cmp_meminfo, cd.cmp_slabinfo, cd.cmp_pagetypeinfo)


def rows_for(ldumps, adumps):
    L, A = side("Linux", ldumps, L_IMAGE), side("armmm", adumps, A_IMAGE)
    return [r for fn in ROWS for r in fn(L, A, CTX)]


def row(rows, dump, what):
    hits = [r for r in rows if r.dump == dump and r.what == what]
    assert len(hits) == 1, (dump, what, rows)
    return hits[0]


# ---- the tests -------------------------------------------------------------------------
def test_parsers_read_linux_formats():
    z = cd.parse_zoneinfo(linux_dumps()["/proc/zoneinfo"])
    assert list(z) == ["DMA", "Normal", "HighMem", "Movable"]
    assert z["DMA"] == {"spanned": LOW, "present": LOW, "managed": LOW - 7000, "start_pfn": PFN0}
    assert z["Normal"]["spanned"] == 0
    assert cd.lowmem_span(z) == ("DMA", PHYS, PHYS + (LOW << 12), LOW, LOW)
    b = cd.parse_buddyinfo(linux_dumps()["/proc/buddyinfo"])
    assert {k: len(v) for k, v in b.items()} == {"DMA": 12, "HighMem": 12}
    assert cd.parse_slabinfo(slabinfo(["a", "b"])) == ["a", "b"]


def test_missing_dumps_are_not_implemented_never_equal():
    rows = rows_for(linux_dumps(), {})
    must = [r for r in rows if r.rule == "must"]
    assert {r.dump for r in must} == {"zoneinfo", "buddyinfo", "meminfo", "slabinfo"}
    assert all(r.verdict == cd.NOT_IMPL and r.armmm == cd.NONE for r in must), must
    assert not any(r.verdict == cd.EQUAL for r in rows)
    whats = {(r.dump, r.what) for r in must}
    assert {("zoneinfo", "Normal zone"), ("zoneinfo", "HighMem zone"),
            ("zoneinfo", "lowmem limit"), ("buddyinfo", "zones listed"),
            ("buddyinfo", "orders per zone"), ("meminfo", "HighTotal"),
            ("slabinfo", "core caches in both")} <= whats


def test_armmm_without_zone_dma_and_max_order_11_passes_with_named_reasons():
    rows = rows_for(linux_dumps(), armmm_dumps())
    assert not [r for r in rows if cd.failed(r)], rows
    assert row(rows, "zoneinfo", "HighMem zone").verdict == cd.EQUAL
    assert row(rows, "zoneinfo", "lowmem limit").verdict == cd.EQUAL
    assert row(rows, "zoneinfo", "lowmem limit").armmm == "0x90000000"
    for z in ("DMA", "Normal"):
        v = row(rows, "zoneinfo", f"{z} zone").verdict
        assert v.startswith("expected: same lowmem") and "CONFIG_ZONE_DMA" in v
    assert "CONFIG_ZONE_DMA" in row(rows, "buddyinfo", "zones listed").verdict
    v = row(rows, "buddyinfo", "orders per zone").verdict
    assert v.startswith("expected:") and "ARCH_FORCE_MAX_ORDER=12" in v
    assert row(rows, "meminfo", "HighTotal").verdict == cd.EQUAL
    assert row(rows, "meminfo", "MemTotal = managed").verdict == cd.EQUAL
    assert row(rows, "slabinfo", "header").verdict == cd.EQUAL
    assert row(rows, "slabinfo", "core caches in both").verdict == cd.EQUAL
    memtotal = row(rows, "meminfo", "MemTotal")
    assert memtotal.rule == "info" and "kernel images" in memtotal.verdict


def test_armmm_with_zone_dma_and_max_order_12_is_equal():
    rows = rows_for(linux_dumps(), armmm_dumps(dma=True, orders=12))
    for what in ("DMA zone", "Normal zone", "HighMem zone", "lowmem limit"):
        assert row(rows, "zoneinfo", what).verdict == cd.EQUAL
    assert row(rows, "buddyinfo", "zones listed").verdict == cd.EQUAL
    assert row(rows, "buddyinfo", "orders per zone").verdict == cd.EQUAL


def test_512m_empty_highmem_listed_or_not_is_equal():
    a = armmm_dumps(high=False)
    a["/proc/zoneinfo"] = zoneinfo([("Normal", PFN0, 131072, 131072, 131072 - 900)])
    rows = rows_for(linux_dumps(high=False), a)
    assert row(rows, "zoneinfo", "HighMem zone").verdict == cd.EQUAL
    assert row(rows, "zoneinfo", "lowmem limit").armmm == "0x80000000"
    assert not [r for r in rows if cd.failed(r)], rows


@pytest.mark.parametrize("case", ["highmem", "lowmem", "present"])
def test_zone_span_differences_fail(case):
    a = armmm_dumps()
    z = {"highmem": [("Normal", PFN0, LOW, LOW, LOW), ("HighMem", PFN0 + LOW, HIGH - 256,
                                                        HIGH - 256, HIGH - 256)],
         "lowmem": [("Normal", PFN0, LOW - 256, LOW - 256, LOW - 256),
                    ("HighMem", PFN0 + LOW - 256, HIGH + 256, HIGH + 256, HIGH + 256)],
         "present": [("Normal", PFN0, LOW, LOW - 1, LOW - 1),
                     ("HighMem", PFN0 + LOW, HIGH, HIGH, HIGH)]}[case]
    a["/proc/zoneinfo"] = zoneinfo(z)
    a["/proc/meminfo"] = meminfo(sum(x[4] for x in z) * 4, z[1][4] * 4)
    rows = rows_for(linux_dumps(), a)
    bad = {r.what for r in rows if cd.failed(r)}
    want = {"highmem": {"HighMem zone", "HighTotal"},
            "lowmem": {"DMA zone", "Normal zone", "HighMem zone", "lowmem limit", "HighTotal"},
            "present": {"DMA zone", "Normal zone"}}[case]
    assert bad == want, rows


@pytest.mark.parametrize("orders", [10, 13])
def test_buddy_orders_other_than_11_or_linuxs_fail(orders):
    rows = rows_for(linux_dumps(), armmm_dumps(orders=orders))
    assert cd.failed(row(rows, "buddyinfo", "orders per zone"))


def test_buddyinfo_zone_missing_fails():
    a = armmm_dumps()
    a["/proc/buddyinfo"] = buddyinfo(["Normal"], 11)
    assert cd.failed(row(rows_for(linux_dumps(), a), "buddyinfo", "zones listed"))


def test_memtotal_not_managed_sum_fails():
    a = armmm_dumps()
    a["/proc/meminfo"] = meminfo(1000, HIGH * 4)
    assert cd.failed(row(rows_for(linux_dumps(), a), "meminfo", "MemTotal = managed"))


def test_memtotal_without_zoneinfo_waits():
    a = armmm_dumps()
    del a["/proc/zoneinfo"]
    r = row(rows_for(linux_dumps(), a), "meminfo", "MemTotal = managed")
    assert r.verdict == cd.NOT_IMPL


@pytest.mark.parametrize("slabs, verdict", [
    (["kmem_cache", "kmalloc-32", "kmalloc-96", "kmalloc-64"], "expected: kmalloc-32, kmalloc-96"),
    (["kmem_cache", "kmalloc-1024"], "DIFFERENT: not in Linux: kmalloc-1024"),
    (["kmem_cache", "kmalloc-8k", "dentry", "armmm_test"], "equal"),
    (["armmm_test"], "DIFFERENT (armmm lists no"),
])
def test_slab_core_caches(slabs, verdict):
    rows = rows_for(linux_dumps(), armmm_dumps(slabs=slabs))
    assert row(rows, "slabinfo", "core caches in both").verdict.startswith(verdict)
    if "armmm_test" in slabs and verdict == "equal":
        assert "armmm_test" in row(rows, "slabinfo", "all caches").verdict


def test_slab_header_must_match():
    a = armmm_dumps()
    a["/proc/slabinfo"] = slabinfo(["kmem_cache"], head="slabinfo - version: 2.0\n# name\n")
    assert cd.failed(row(rows_for(linux_dumps(), a), "slabinfo", "header"))


def test_pagetypeinfo_is_shown_not_judged():
    rows = rows_for(linux_dumps(), armmm_dumps())
    r = row(rows, "pagetypeinfo", "pageblock size")
    assert r.rule == "info" and r.armmm == "Page block order: 10 / Pages per block: 1024"
