"""From one run's dumps to the regions the picture draws.

A region is a dict {kind, lane, start, end, label, src}: [start, end) on
the physical or the virtual axis, and src the dump line(s) it came from
(what hovering it shows). Lanes, left to right:

  physical  0 iomem     System RAM and the devices some mapping points at
            1 zones     /proc/zoneinfo
            2 memblock  memblock.reserved
            3 what      what a reserved range holds: kernel code/data,
                        swapper_pg_dir, the DTB, each PTE page, mem_map, the
                        vectors page, other memblock allocations (by caller)
  virtual   0 areas     user, modules, PKMAP, lowmem, vmalloc, FDT, fixmap, vectors
            1 allocs    /proc/vmallocinfo areas; the process's VMAs (user frame)
            2 maps      the ptdump lines of one snapshot (one frame each)

Each frame is one kernel_page_tables snapshot: its ptdump lines, each with
"links" [va, pa, size], the physical memory behind it. Where the physical
address comes from:
  section (PGD) lines  lowmem: the linear map (va - PAGE_OFFSET + PHYS_OFFSET);
                       else the L1 section entry ("pgd" at the console, head.S's
                       listing in the log; Linux: its swapper_pg_dir read back)
  page (PTE) lines     armmm: `vtop` of each page; Linux: its PTE pages read back
"""

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "scripts"))

import linux_ref  # noqa: E402,F401  (picture.py: lowmem_end)
import ptdump_decode as ptd  # noqa: E402

PAGE_OFFSET = ptd.PAGE_OFFSET
PAGE = ptd.PAGE_SIZE
SECTION = ptd.SECTION_SIZE
PKMAP_BASE = PAGE_OFFSET - (2 << 20)
FDT_FIXED_SIZE = 2 * SECTION
FIXADDR_END = 0xFFF00000
VECTORS_END = ptd.VECTORS_BASE + 2 * PAGE
PTDUMP = "/sys/kernel/debug/kernel_page_tables"
MEMORY = "/sys/kernel/debug/memblock/memory"
RESERVED = "/sys/kernel/debug/memblock/reserved"

PHYS_LANES = ("iomem", "zones", "memblock", "what")
VIRT_LANES = ("areas", "allocs", "maps")
# The snapshots in boot order, and what each shows.
FRAME_TITLES = {
    "ptdump:head.S": "as head.S left them (paging_init entry)",
    "ptdump:prepare_page_table": "after prepare_page_table",
    "ptdump:map_lowmem": "after map_lowmem",
    "ptdump:devicemaps_init": "after devicemaps_init",
    "ptdump:mark_rodata_ro": "after mark_rodata_ro (free_initmem before it)",
    PTDUMP: "now: cat " + PTDUMP,
    "ptdump:user": "with a process stopped: ptdump <pid> (its own pgd)",
}
_STAMP = re.compile(r"^\[\s*\d+\.\d{6}\] ", re.M)
_L1 = re.compile(r"\[0x([0-9a-f]{3})\] 0x[0-9a-f]{8}-0x[0-9a-f]{8} -> "
                 r"(?:table at 0x([0-9a-f]{8})|0x([0-9a-f]{8}) section)")


def region(kind, lane, start, end, label, src):
    return {"kind": kind, "lane": lane, "start": start, "end": end, "label": label,
            "src": src.rstrip("\n")}


def size_text(n):
    """4K, 765M, 1G; 19.0M or 1.5K when not a whole number of units."""
    for unit, div in (("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)):
        if n >= div:
            return f"{n // div}{unit}" if n % div == 0 else f"{n / div:.1f}{unit}"
    return f"{n}B"


def unstamp(text):
    return _STAMP.sub("", text or "")


# ---- line-level parsers: (start, end, the line) -------------------------------------
def memblock_lines(text):
    return [(int(a, 16), int(b, 16) + 1, ln.strip()) for ln in (text or "").splitlines()
            for a, b in re.findall(r"^\s*\d+: 0x([0-9a-f]+)\.\.0x([0-9a-f]+)", ln)]


def iomem_lines(text):
    """[(start, end, name, depth, line)] of /proc/iomem."""
    out = []
    for ln in (text or "").splitlines():
        m = re.match(r"^( *)([0-9a-f]+)-([0-9a-f]+) : (.*)$", ln)
        if m:
            out.append((int(m[2], 16), int(m[3], 16) + 1, m[4], len(m[1]) // 2, ln))
    return out


def zone_lines(text):
    """[(name, start, end, src)] of the zones /proc/zoneinfo spans."""
    out = []
    for name, body in re.findall(r"^Node \d+, zone +(\S+)\n(.*?)(?=^Node |\Z)", text or "",
                                 re.M | re.S):
        sp = re.search(r"^\s+spanned\s+(\d+)$", body, re.M)
        st = re.search(r"^\s+start_pfn:\s+(\d+)$", body, re.M)
        if not sp or not st or not int(sp[1]) or any(z[0] == name for z in out):
            continue
        keep = [ln.strip() for ln in body.splitlines()
                if re.match(r"\s+(start_pfn|spanned|present|managed)\b", ln)]
        start = int(st[1]) << 12
        out.append((name, start, start + (int(sp[1]) << 12),
                    f"Node 0, zone {name}: " + "; ".join(keep)))
    return out


def buddy_lines(text):
    return {m[1]: {"counts": [int(x) for x in m[2].split()], "src": m[0].rstrip()}
            for m in re.finditer(r"^Node \d+, zone +(\S+)((?: +\d+)+) *$", text or "", re.M)}


def vmalloc_lines(text):
    """[(start, end, line)] of /proc/vmallocinfo lines that show addresses.
    Linux prints %pK there: "0x(ptrval)" early, hashed values later; a line
    whose range does not span its own size column is a hashed one, left out."""
    return [(int(m[1], 16), int(m[2], 16), m[0]) for m in
            re.finditer(r"^0x([0-9a-f]+)-0x([0-9a-f]+) +(\d+) .*$", text or "", re.M)
            if int(m[2], 16) - int(m[1], 16) == int(m[3])]


def maps_lines(text):
    return [(int(m[1], 16), int(m[2], 16), m[0].rstrip()) for m in
            re.finditer(r"^([0-9a-f]+)-([0-9a-f]+) (\S+) .*$", text or "", re.M)]


def l1_listing(text):
    """{L1 index: (kind, pa, line)} of armmm's L1 listings (`pgd`, head.S's
    in the log): kind "table" (pa: the hardware half) or "section"."""
    out = {}
    for ln in unstamp(text).splitlines():
        m = _L1.search(ln)
        if m:
            out[int(m[1], 16)] = ("table", int(m[2], 16), ln.strip()) if m[2] else \
                ("section", int(m[3], 16), ln.strip())
    return out


def head_listing(dmesg):
    """head.S's L1 entries as setup_arch printed them, and that line."""
    text = unstamp(dmesg)
    m = re.search(r"^head\.S: swapper_pg_dir at 0x([0-9a-f]+) \(phys 0x([0-9a-f]+)\):\n"
                  r"((?:  \[0x.*\n)*)", text, re.M)
    return (l1_listing(m[3]), m[0].split("\n")[0], int(m[2], 16)) if m else ({}, None, None)


def vtop_pages(text):
    """{(va, user): (pa, src)} and the user PTE pages {pa: src} from the
    `vtop` frame (each command line is kept before its output)."""
    pages, ptes = {}, {}
    for block in re.split(r"^(?=armmm# )", text or "", flags=re.M):
        user = bool(re.search(r"^pid \d+ \(", block, re.M))
        m = re.search(r"^(0x[0-9a-f]{8}) -> (0x[0-9a-f]+) \(4 KiB page\).*$", block, re.M)
        if m:
            pages[(int(m[1], 16), user)] = (int(m[2], 16), m[0])
        p = re.search(r"^PTE page: pfn 0x([0-9a-f]+) .*$", block, re.M)
        if user and p:
            ptes.setdefault(int(p[1], 16) << 12, p[0])
    return pages, ptes


# ---- what each kernel tells about itself ------------------------------------------
class Facts:
    """Where things are, beyond the standard dumps, and how to find the
    physical page behind a virtual one."""

    def __init__(self):
        self.phys_offset = None
        self.pgd = None             # (pa, src) of swapper_pg_dir
        self.dtb = None             # (start, end, src)
        self.extra = []             # more regions for the "what" lane
        self.l1_final, self.l1_head = {}, {}
        self.pages = {}             # {(va, user): (pa, src)}
        self.pte_pages = []         # [(pa, src, user)]
        self.notes = []


def armmm_facts(d):
    f = Facts()
    dmesg = unstamp(d.get("dmesg", ""))
    m = re.search(r"^PHYS_OFFSET: 0x([0-9a-f]+).*$", dmesg, re.M)
    f.phys_offset = int(m[1], 16) if m else None
    f.l1_head, head_line, pgd_pa = head_listing(dmesg)
    if pgd_pa is not None:
        f.pgd = (pgd_pa, head_line)
    m = re.search(r"^DTB: phys 0x([0-9a-f]+), virt 0x[0-9a-f]+, (\d+) bytes$", dmesg, re.M)
    if m:
        f.dtb = (int(m[1], 16), int(m[1], 16) + int(m[2]), m[0])
    f.l1_final = l1_listing(d.get("pgd", ""))
    by_page = {}
    for idx, (kind, pa, line) in sorted(f.l1_final.items()):
        if kind == "table":
            by_page.setdefault(pa & ~0xFFF, []).append(line)
    f.pte_pages = [(pa, "\n".join(lines), False) for pa, lines in sorted(by_page.items())]
    f.pages, user_ptes = vtop_pages(d.get("vtop", ""))
    f.pte_pages += [(pa, src, True) for pa, src in sorted(user_ptes.items())]
    if "vtop-skipped" in d:
        f.notes.append("4 KiB mappings without a link: " + d["vtop-skipped"].strip())
    if f.phys_offset is not None:
        f.extra += kernel_parts(dmesg, f.phys_offset)
    allocs = memblock_allocs(dmesg)
    f.extra += mem_map_region(d.get("mem_map", ""), f.phys_offset, allocs)
    f.extra += [region("alloc", 3, s, e, f"memblock_alloc: {caller}", src)
                for s, e, caller, src in allocs]
    return f


def kernel_parts(dmesg, phys_offset):
    """.text, .init, .data, .bss from the "Virtual kernel memory layout"
    block, in physical memory (lowmem: the linear map)."""
    return [region("kernel-part", 3, int(m[2], 16) - PAGE_OFFSET + phys_offset,
                   int(m[3], 16) - PAGE_OFFSET + phys_offset,
                   f".{m[1]}" + (" (freed after boot)" if m[1] == "init" else ""), m[0].strip())
            for m in re.finditer(r"^ +\.(text|init|data|bss) : 0x([0-9a-f]+) - 0x([0-9a-f]+).*$",
                                 dmesg, re.M)]


def memblock_allocs(dmesg):
    """[(start, end, caller, src)] of memblock=debug's allocation records:
    the memblock_alloc* line (size, caller) and the reserve it made."""
    out = []
    for m in re.finditer(r"^(memblock_alloc\S*: (\d+) bytes .* (\w+)\+0x[0-9a-f]+/0x[0-9a-f]+)\n"
                         r"(memblock_reserve: \[0x([0-9a-f]+)-0x([0-9a-f]+)\].*)$", dmesg, re.M):
        out.append((int(m[5], 16), int(m[6], 16) + 1, m[3], f"{m[1]}\n{m[4]}"))
    return out


def mem_map_region(text, phys_offset, allocs):
    """mem_map: the pointer `peek` read, sized by the allocation that made it."""
    m = re.search(r"^0x[0-9a-f]{8}: 0x([0-9a-f]{8})$", text, re.M)
    if not m or phys_offset is None:
        return []
    pa = int(m[1], 16) - PAGE_OFFSET + phys_offset
    for s, e, caller, src in allocs:
        if s == pa:
            return [region("mem_map", 3, s, e, "mem_map (struct page[])", f"{text}\n{src}")]
    return [region("mem_map", 3, pa, pa + PAGE, "mem_map (size unknown)", text)]


def linux_facts(ref, pgd, read_page):
    """The same from the Linux reference: facts.json and its raw tables."""
    f = Facts()
    facts, console = ref.facts, (ref.dir / "console.log").read_text()
    f.phys_offset = facts["phys_offset"]
    f.pgd = (facts["swapper_pg_dir"], "facts.json: swapper_pg_dir = _text - 16 KiB "
             f"(_text is /proc/iomem's Kernel code) = {facts['swapper_pg_dir']:#010x}")
    dtb = facts["uboot"].get("dtb")
    if dtb:
        line = re.search(r"^.*(?:Device Tree to|Device Tree in place at).*$", console, re.M)
        f.dtb = (dtb[0], dtb[1], line[0].strip() if line else f"facts.json: dtb {dtb}")
    rd = facts["uboot"].get("initrd")
    if rd:
        f.extra.append(region("initrd", 3, rd[0], rd[1], "initrd (busybox /init)",
                              f"facts.json: initrd {rd[0]:#010x}-{rd[1]:#010x}"))
    cma = re.search(r"^.*cma: Reserved (\d+) MiB at 0x([0-9a-f]+).*$", ref.dumps.get("dmesg", ""),
                    re.M)
    if cma:
        b = int(cma[2], 16)
        f.extra.append(region("alloc", 3, b, b + (int(cma[1]) << 20), "CMA area", cma[0].strip()))
    for i in range(4096):
        desc = pgd[i]
        line = f"swapper_pg_dir[{i:#05x}] = {desc:#010x}: {ptd.decode_l1(desc)}"
        if desc & ptd.PMD_TYPE_MASK == ptd.PMD_TYPE_SECT:
            f.l1_final[i] = ("section", desc & ptd.PMD_SECT_BASE_MASK, line)
        elif desc & ptd.PMD_TYPE_MASK == ptd.PMD_TYPE_TABLE:
            f.l1_final[i] = ("table", desc & ptd.PMD_TABLE_MASK, line)
    for pa in ptd.table_pages(pgd):
        lines = [v[2] for v in f.l1_final.values() if v[0] == "table" and v[1] & ~0xFFF == pa]
        f.pte_pages.append((pa, "\n".join(lines), False))
        words = read_page(pa)
        for va_base in [i << 20 for i, v in f.l1_final.items()
                        if v[0] == "table" and v[1] & ~0xFFF == pa and not i & 1]:
            for j in range(512):
                pte = words[j]
                if pte:
                    va = va_base + j * PAGE
                    f.pages[(va, False)] = (pte & 0xFFFFF000, f"Linux PTE {pte:#010x} at "
                                            f"{pa + 4 * j:#010x}: {ptd.decode_linux_pte(pte)}")
    f.notes.append("mem_map is not placed: Debian's Linux prints no address for it")
    f.notes.append("vmalloc areas are placed from the ptdump lines only: Linux's "
                   "/proc/vmallocinfo hides its addresses (%pK: 0x(ptrval) or hashed values)")
    return f
