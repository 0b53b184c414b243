"""The page allocator on real boots through U-Boot: mem_map and the zones,
memblock_free_all, the buddy allocator's self-tests, and the /proc dumps in
Linux's formats, checked against each other (buddyinfo x pages == MemFree,
zone spans == the lowmem limit from the memory bring-up)."""

import re

import pytest

from boards import BOARDS
from kernel import dumps, mem_bytes, parse_ktap, strip_stamps

PAGE = 4096
LOWMEM_MAX = 0x30000000                # lowmem ends at virtual 0xf0000000
RUNS = [("vexpress-a9", "128M"), ("vexpress-a9", "512M"), ("vexpress-a9", "1G"), ("virt", "1G")]


def boot_all(boot, board, mem):
    con = boot(board, mem=mem, bootargs="console=ttyAMA0 selftest dump_all")
    out = con.read_until("reboot: Power down", timeout=120)
    assert con.wait_exit(timeout=30) == 0
    return strip_stamps(con.log), dumps(out)


def zoneinfo(text):
    """{zone: {field: int}} from /proc/zoneinfo (pages free, spanned, ...)."""
    zones = {}
    for block in re.split(r"^(?=Node 0, zone)", text, flags=re.M)[1:]:
        name = re.match(r"Node 0, zone +(\S+)", block)[1]
        fields = {m[1]: int(m[2]) for m in re.finditer(
            r"^ +(pages free|min|low|high|spanned|present|managed|start_pfn:) +(\d+)$", block, re.M)}
        if "start_pfn:" in fields:
            fields["start_pfn"] = fields.pop("start_pfn:")
        fields["protection"] = [int(x) for x in re.search(r"protection: \((.*)\)", block)[1].split(", ")]
        zones[name] = fields
    return zones


def linux_zone_batchsize(managed):
    """Linux 6.1 zone_batchsize: 1/1024 of the zone (at most 1 MiB of pages),
    / 4, then 1.5x rounded down to a power of two, minus 1."""
    batch = max(min(managed >> 10, (1 << 20) // PAGE) // 4, 1)
    return (1 << ((batch + batch // 2).bit_length() - 1)) - 1


def meminfo(text):
    return {m[1]: int(m[2]) for m in re.finditer(r"^(\S+): +(\d+) kB$", text, re.M)}


def buddyinfo(text):
    return {m[1]: [int(x) for x in m[2].split()]
            for m in re.finditer(r"^Node 0, zone +(\S+) ((?: +\d+)+) $", text, re.M)}


@pytest.mark.parametrize("board,mem", RUNS, ids=[f"{b}-{m}" for b, m in RUNS])
def test_zones_buddy_and_dumps(boot, board, mem):
    log, d = boot_all(boot, board, mem)
    ram = BOARDS[board].ram_base
    size = mem_bytes(mem)
    lowmem = min(size, LOWMEM_MAX)
    start_pfn, low_pfn, end_pfn = ram // PAGE, (ram + lowmem) // PAGE, (ram + size) // PAGE

    # the boot log: zone ranges as Linux prints them
    assert f"  Normal   [mem 0x{ram:016x}-0x{ram + lowmem - 1:016x}]" in log
    if size > lowmem:
        assert f"  HighMem  [mem 0x{ram + lowmem:016x}-0x{ram + size - 1:016x}]" in log
    else:
        assert "  HighMem  empty" in log
    assert f"Initmem setup node 0 [mem 0x{ram:016x}-0x{ram + size - 1:016x}]" in log
    m = re.search(r"^Memory: (\d+)K/(\d+)K available \((\d+)K kernel code, (\d+)K rwdata, "
                  r"(\d+)K rodata, (\d+)K init, (\d+)K bss, (\d+)K reserved, 0K cma-reserved, "
                  r"(\d+)K highmem\)$", log, re.M)
    assert m, "no Memory: line"
    assert int(m[2]) * 1024 == size and 0 < int(m[1]) < int(m[2])

    # zoneinfo: spans are exactly lowmem and the rest
    z = zoneinfo(d["/proc/zoneinfo"])
    assert list(z) == ["Normal", "HighMem", "Movable"]
    assert (z["Normal"]["start_pfn"], z["Normal"]["spanned"]) == (start_pfn, low_pfn - start_pfn)
    assert z["Normal"]["present"] == low_pfn - start_pfn
    assert z["HighMem"]["spanned"] == end_pfn - low_pfn
    if size > lowmem:
        assert z["HighMem"]["start_pfn"] == low_pfn
        # Normal keeps 1/32 of HighMem back from requests that could use HighMem
        hm = z["HighMem"]["managed"]
        assert z["Normal"]["protection"] == [0, hm // 32, hm // 32]
    for name, f in z.items():
        if f["present"]:
            assert f["min"] < f["low"] < f["high"], name
    # the per-CPU page lists: one pageset per populated zone (one CPU), with
    # Linux 6.1's zone_batchsize and zone_highsize computed here from the
    # zone's own managed pages and low watermark; count, the pages parked on
    # the lists now, stays below high (a free that reaches it spills)
    zi = d["/proc/zoneinfo"]
    sets = re.findall(r"^Node 0, zone +(\S+)(?:(?!^Node ).)*?^  pagesets\n    cpu: 0\n +count: (\d+)\n"
                      r" +high: +(\d+)\n +batch: (\d+)$", zi, re.M | re.S)
    assert [s[0] for s in sets] == [name for name, f in z.items() if f["present"]]
    for name, count, high, batch in sets:
        want_batch = linux_zone_batchsize(z[name]["managed"])
        assert (int(batch), int(high)) == (want_batch, max(z[name]["low"], 4 * want_batch)), name
        assert 0 <= int(count) < int(high), name
    assert re.search(r"^Built 1 zonelists, mobility grouping on\.  Total pages: \d+$", log, re.M)

    # buddyinfo x 2^order == MemFree == the zones' free pages; 11 orders
    b = buddyinfo(d["/proc/buddyinfo"])
    assert list(b) == (["Normal", "HighMem"] if size > lowmem else ["Normal"])
    assert all(len(c) == 11 for c in b.values())
    free = {zone: sum(n << o for o, n in enumerate(c)) for zone, c in b.items()}
    for zone in b:
        assert free[zone] == z[zone]["pages free"], zone
    mi = meminfo(d["/proc/meminfo"])
    assert mi["MemFree"] == sum(free.values()) * 4
    assert mi["MemTotal"] == sum(f["managed"] for f in z.values()) * 4
    assert mi["HighTotal"] == z["HighMem"]["managed"] * 4
    assert mi["LowTotal"] + mi["HighTotal"] == mi["MemTotal"]
    assert mi["HighFree"] == free.get("HighMem", 0) * 4
    assert int(m[9]) == mi["HighTotal"]

    # pagetypeinfo: 1024-page blocks covering each zone, Linux's six types
    pt = d["/proc/pagetypeinfo"]
    assert pt.startswith("Page block order: 10\nPages per block:  1024\n\n"
                         "Free pages count per migrate type at order ")
    for zone in b:
        counts = re.search(rf"^Node 0, zone +{zone} +((?:\d+ +)+)$", pt, re.M)[1].split()
        assert len(counts) == 6
        assert sum(map(int, counts)) == -(-z[zone]["spanned"] // 1024)

    # slabinfo: objects = slabs x objects per slab, and meminfo's Slab is
    # exactly the slabs' pages (no kmalloc_large object is left at dump time)
    slabs = re.findall(r"^(\S+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) : tunables +0 +0 +0 : "
                       r"slabdata +(\d+) +(\d+) +0$", d["/proc/slabinfo"], re.M)
    assert {"kmem_cache", "kmem_cache_node", "kmalloc-8", "kmalloc-96", "kmalloc-8k"} <= \
        {c[0] for c in slabs}
    for name, *nums in slabs:
        active, num, objsize, per_slab, pages, aslabs, nslabs = map(int, nums)
        assert active <= num == per_slab * nslabs, name
        assert objsize * per_slab <= pages * PAGE, name
        assert aslabs == nslabs, name                 # SLUB reports every slab active
    assert mi["Slab"] == sum(int(c[5]) * int(c[7]) for c in slabs) * 4
    assert mi["SUnreclaim"] + mi["SReclaimable"] == mi["Slab"]

    # vmallocinfo: the early UART's static mapping; VmallocUsed = its pages=
    vm = d["/proc/vmallocinfo"]
    uart = BOARDS[board].uart
    assert re.search(rf"^0x[0-9a-f]{{8}}-0x[0-9a-f]{{8}} +4096 iotable_init\+0x0/0x[0-9a-f]+ phys=0x{uart:08x} "
                     r"ioremap$", vm, re.M)
    assert mi["VmallocUsed"] == sum(int(n) for n in re.findall(r" pages=(\d+)", vm)) * 4
    assert mi["VmallocTotal"] == (0xFF800000 - (0xC0000000 + lowmem + (8 << 20) & ~((8 << 20) - 1))) // 1024

    # the allocators' own self-tests
    suites, totals = parse_ktap(log)
    for suite in ("page_alloc_buddy", "slab_cache", "slab_kmalloc", "highmem_kmap", "vmalloc",
                  "ioremap"):
        assert suites[suite]["ok"] and all(suites[suite]["cases"].values()), suite
    assert bool(suites["highmem_kmap"]["skipped"]) == (size <= lowmem)
    assert log.count("# expected bad page state") == 2
    took = int(re.search(r"# alloc_all: took (\d+) pages", log)[1])
    assert took > 0.9 * (end_pfn - start_pfn)      # all but the reserves and the kernel
    assert totals["fail"] == 0


def test_alloc_free_commands(boot):
    """`alloc 3` after a `drain` finds the order-3 per-CPU list empty: the
    refill takes and splits blocks off the free lists, and the block comes
    off the list ("pcpget"). `free` parks it on the list again ("pcpput":
    buddyinfo does not move), and `drain` merges everything back: buddyinfo
    reads as before."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    con.run("drain")
    before = con.run("cat /proc/buddyinfo")
    text = con.run("alloc 3")
    assert re.search(r"^  take +Normal +pfn 0x[0-9a-f]{5} order +\d+ \(\w+\)", text, re.M)
    assert re.search(r"^  pcpget +Normal +pfn 0x[0-9a-f]{5} order +3 ", text, re.M)
    m = re.search(r"alloc_pages\(GFP_KERNEL, order 3\) = pfn (0x[0-9a-f]{5}) \(phys (0x[0-9a-f]{8}), "
                  r"8 pages, zone Normal", text)
    assert m and int(m[1], 16) << 12 == int(m[2], 16) and int(m[1], 16) % 8 == 0
    allocated = con.run("cat /proc/buddyinfo")
    assert allocated != before
    text = con.run(f"free {m[1]} 3")
    assert re.search(rf"^  pcpput +Normal +pfn {m[1]} order +3 ", text, re.M)
    assert not re.search(r"^  put ", text, re.M)
    assert con.run("cat /proc/buddyinfo") == allocated
    text = con.run("drain")
    assert re.search(r"^  put +Normal +pfn", text, re.M)
    assert re.search(r"per-CPU lists: count 0 high \d+ batch \d+", text.split("after:")[-1])
    assert con.run("cat /proc/buddyinfo") == before


def page_cmd(con, pfn):
    """`page <pfn>`: (the raw words, flags word, the "what:" line)."""
    text = con.run(f"page {pfn:x}")
    m = re.search(r"^page:[0-9a-f]{8} refcount:(-?\d+) mapcount:(-?\d+) mapping:([0-9a-f]{8}) "
                  rf"index:0x([0-9a-f]+) pfn:0x{pfn:x}\n(anon )?flags: 0x([0-9a-f]+)\(([^)]*)\)\n"
                  r"raw: ((?:[0-9a-f]{8} ?){8})\nwhat: (.*)$", text, re.M)
    assert m, text
    raw = [int(w, 16) for w in m[8].split()]
    assert int(m[6], 16) == raw[0]                     # flags is the first word
    assert int(m[1]) == raw[7]                         # _refcount is the last word
    return m, raw


def test_page_command_tells_the_lives_of_struct_page(boot):
    """`page <pfn>` prints dump_page in Linux 6.1's format and which member
    of struct page's union is live: a page on a per-CPU list, a free block's
    head (page_type buddy, private = order), an allocated page, a slab (its cache and counts), a
    reserved page, a page-cache page and an anonymous page of a process."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    text = con.run("alloc 0")
    pfn = int(re.search(r"= pfn 0x([0-9a-f]+)", text)[1], 16)
    m, raw = page_cmd(con, pfn)
    assert m[9].startswith("allocated to the kernel") and raw[6] == 0xffffffff
    con.run(f"free {pfn:x} 0")
    # an order-0 free parks the page on its per-CPU list: free, yet no buddy
    m, raw = page_cmd(con, pfn)
    assert m[9].startswith("free, on the per-CPU list of order 0 (Unmovable)"), m[9]
    assert raw[6] == 0xffffffff and int(m[1]) == 0 and int(m[4], 16) == 0   # index: Unmovable
    con.run("drain")
    m, raw = page_cmd(con, pfn)
    assert "free" in m[9] and (raw[6] >> 24 == 0xf0 or "inside a free block" in m[9])
    head = re.search(r"order (\d+) on free_area\[(\d+)\]", m[9])
    if head:                                           # buddy head: private = order
        assert int(head[1]) == raw[3] == int(head[2])
    text = con.run("kmalloc 64")
    slab = int(re.search(r"slab page: pfn 0x([0-9a-f]+), order 0, inuse (\d+)/(\d+)", text)[1], 16)
    inuse, objects = re.search(r"inuse (\d+)/(\d+)", text).groups()
    m, raw = page_cmd(con, slab)
    assert m[9].startswith(f"a slab of kmalloc-64: {inuse} of {objects} objects in use")
    assert raw[6] >> 24 == 0xf5 and raw[5] == int(objects) << 16 | int(inuse)
    # the page directory's first page: memblock reserved it
    m, raw = page_cmd(con, 0x60004)
    assert "reserved" in m[7] and m[9].startswith("reserved: memblock kept it")
    # a process: its text is a page-cache page, its written mmap page anonymous
    con.run("STOP_AT=start,exit /bin/memtouch")
    con.run("fg 1")
    for va, kind in (("10000", "a page-cache page"), ("b6ff1000", "anonymous, mapped 1 time:")):
        text = con.run(f"vtop 1 {va}")
        pfn = int(re.search(r"^  page: pfn 0x([0-9a-f]+)", text, re.M)[1], 16)
        m, raw = page_cmd(con, pfn)
        assert m[9].startswith(kind), m[9]
        assert int(m[3], 16) == raw[3] != 0 and int(m[4], 16) == raw[4]
        assert (m[5] == "anon ") == kind.startswith("anon") == bool(raw[3] & 1)
        assert "uptodate" in m[7] and int(m[2]) == 1 and raw[6] == 0   # _mapcount 0: one
    con.allow("Error: ")
    text = con.run("page 1")
    assert "Error: page: pfn 0x1 has no struct page: RAM is pfn 0x60000-0x7ffff" in text
