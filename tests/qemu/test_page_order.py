"""Which block the buddy allocator hands out, and what a bad page report
says, on real boots through U-Boot.

After boot every free list hands out its lowest-addressed block first, as
Linux's FPI_TO_TAIL boot frees leave them (__free_pages_core), so `alloc 10`
on a fresh boot returns the lowest max-order block of the zone. And a
"Bad page state" report prints Linux 6.1's dump_page fields, each read from
the page: checked here against the raw struct page words printed with it
and against System.map, not against fixed text."""

import re

from boards import BOARDS
from kernel import PAGE_OFFSET, strip_stamps, system_map
from test_page_alloc import buddyinfo, zoneinfo

PAGE = 4096
MAX_ORDER_PAGES = 1024
ALLOC = re.compile(r"alloc_pages\((GFP_\w+), order 10\) = (?:pfn (0x[0-9a-f]+)|NULL)")
AFTER = re.compile(r"^after: +Node 0, zone +(\S+) ((?: +\d+)+) $", re.M)


def alloc10(con, high=False):
    """`alloc 10 [high]`: (pfn or None, the zone's order-10 count after)."""
    text = con.run("alloc 10 high" if high else "alloc 10")
    m = ALLOC.search(text)
    assert m, text
    if not m[2]:
        return None, None
    return int(m[2], 16), int(AFTER.search(text)[2].split()[10])


def test_alloc_10_hands_out_lowest_block_first(boot):
    """vexpress-a9 1G, fresh boot. HighMem is untouched by the boot (every
    block of it is an order-10 block), so `alloc 10 high` must return its
    first pfn, and the next one 1024 pages on. In Normal, `alloc 10` until
    its order-10 blocks run out or the watermark stops it must return
    aligned blocks inside the zone in strictly ascending order: the first
    was the lowest of them all (head-first lists would hand out the top)."""
    con = boot("vexpress-a9", mem="1G", bootargs="console=ttyAMA0")
    z = zoneinfo(con.run("cat /proc/zoneinfo"))
    b = buddyinfo(con.run("cat /proc/buddyinfo"))
    high, normal = z["HighMem"], z["Normal"]

    assert b["HighMem"][10] == high["spanned"] // MAX_ORDER_PAGES
    for i in range(2):
        pfn, left = alloc10(con, high=True)
        assert pfn == high["start_pfn"] + i * MAX_ORDER_PAGES
        assert left == b["HighMem"][10] - 1 - i

    n = b["Normal"][10]
    assert n > 100                          # ~760 MiB of lowmem, mostly free
    got = []
    for _ in range(n):
        pfn, left = alloc10(con)
        if pfn is None:
            break
        got.append(pfn)
        assert left == n - len(got)
    assert len(got) > 0.9 * n
    assert got == sorted(set(got))
    start, end = normal["start_pfn"], normal["start_pfn"] + normal["spanned"]
    assert all(start <= p < end and p % MAX_ORDER_PAGES == 0 for p in got)
    if len(got) == n:
        check_warn_alloc(con, z)


def check_warn_alloc(con, z):
    """With no order-10 block left in Normal, `alloc 10` fails with Linux
    6.1's warn_alloc: the GFP names, then show_mem for Normal only (GFP_KERNEL
    cannot use HighMem), its numbers those of /proc/zoneinfo and buddyinfo."""
    text = strip_stamps(con.run("alloc 10"))
    assert "alloc_pages(GFP_KERNEL, order 10) = NULL" in text
    assert ("swapper/0: page allocation failure: order:10, mode:0xcc0(GFP_KERNEL), "
            "nodemask=(null)\nMem-Info:\n") in text
    zi = zoneinfo(con.run("cat /proc/zoneinfo"))["Normal"]
    counts = buddyinfo(con.run("cat /proc/buddyinfo"))["Normal"]
    free_kb = sum(c << o for o, c in enumerate(counts)) * 4
    assert free_kb == zi["pages free"] * 4
    assert re.search(rf"^Normal free:{free_kb}kB boost:0kB min:{zi['min'] * 4}kB "
                     rf"low:{zi['low'] * 4}kB high:{zi['high'] * 4}kB .* "
                     rf"present:{zi['present'] * 4}kB managed:{zi['managed'] * 4}kB ", text, re.M)
    want = " ".join(f"{c}\\*{4 << o}kB" + (r" \([UMEHCI]+\)" if c else "")
                    for o, c in enumerate(counts))
    assert re.search(rf"^Normal: {want} = {free_kb}kB$", text, re.M), text
    assert "HighMem free:" not in text
    assert f"\n{sum(f['present'] for f in z.values())} pages RAM\n" in text


DUMP = re.compile(
    r"^# expected bad page state: pfn:([0-9a-f]+): (.*)\n"
    r"page:([0-9a-f]{8}) refcount:(-?\d+) mapcount:(-?\d+) mapping:([0-9a-f]{8}) "
    r"index:0x([0-9a-f]+) pfn:0x([0-9a-f]+)\n"
    r"flags: 0x([0-9a-f]+)\(([^)]*)\)\n"
    r"raw: ((?:[0-9a-f]{8} ?){8})\n"
    r"page dumped because: (.*)$", re.M)


def s32(x):
    return x - (1 << 32) if x & (1 << 31) else x


def test_bad_page_report_fields_from_the_page(boot):
    """The self-tests free a page twice and free the kernel's own first text
    page; each report is Linux 6.1's dump_page. Expect every field to agree
    with the struct page words printed under it (flags = raw[0], page_type
    and refcount the last two words, mapcount = page_type + 1), the pfn of
    the reserved one to be _stext's, the zone field to be the zone bits of
    the flags word, and the two page: pointers to lie in one mem_map, 32
    bytes per pfn apart."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0 selftest")
    con.read_until("reboot: Power down", timeout=120)
    assert con.wait_exit(timeout=30) == 0
    log = strip_stamps(con.log)
    dumps = DUMP.findall(log)
    assert len(dumps) == 2, log[-3000:]
    seen = {}
    for (pfn_hdr, why, ptr, ref, mapc, mapping, index, pfn, flags, names, raw,
         because) in dumps:
        words = [int(w, 16) for w in raw.split()]
        flags = int(flags, 16)
        assert int(pfn, 16) == int(pfn_hdr, 16) and because == why
        assert flags == words[0]
        assert int(ref) == s32(words[7])
        assert int(mapc) == s32(words[6]) + 1
        assert (mapping, int(index, 16)) == ("00000000", 0)   # no page cache yet
        zone = flags >> 30
        assert names.endswith(f"zone={zone}") and zone == 0   # lowmem: Normal
        seen[why] = (int(ptr, 16), int(pfn, 16), names, int(ref))
    reserved = seen["PAGE_FLAGS_CHECK_AT_FREE flag(s) set"]
    double = seen["double free: the block is already free"]
    stext = system_map()["_stext"]
    assert reserved[1] == (stext - PAGE_OFFSET + BOARDS["vexpress-a9"].ram_base) // PAGE
    assert reserved[2] == "reserved|zone=0" and reserved[3] == 1
    assert double[2] == "zone=0" and double[3] == 0
    assert double[0] - reserved[0] == (double[1] - reserved[1]) * 32
    assert "BUG: Bad page state" not in log
