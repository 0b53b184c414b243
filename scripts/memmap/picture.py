"""The picture's content: regions on both axes and one frame per snapshot.

build() turns a run's dumps (frames.parse of its dumps.txt) and the Facts
model.py read from them into one JSON-able dict, which render.py draws and
tests/qemu/test_memmap.py checks against the same dumps:

  {"title", "kernel", "board", "mem", "phys_offset", "high_memory",
   "phys": [region...], "virt": [region...],         (model.region)
   "frames": [{"name", "title", "maps": [map...], "regions": [region...]}],
   "buddy": {zone: {"counts", "src"}}, "notes": [...]}

  map = region + {"level": "PGD"|"PTE", "attrs", "cls", "user", "links": [[va, pa, size]]}
  cls = rw | ro | rx | rwx | dev: the colour (rx: text; rwx: a W+X mapping)
"""

import re

import model as M
from model import region

FRAME_ORDER = tuple(M.FRAME_TITLES)
AREA_SRC = {"user": "TASK_SIZE = MODULES_VADDR (asm/memory.h)",
            "FDT": "FDT_FIXED_BASE, FDT_FIXED_SIZE (asm/memory.h)"}


def ptdump_lines(text):
    """[(Mapping, the line)] of a kernel_page_tables text, areas included."""
    out, area = [], None
    for ln in (text or "").splitlines():
        m = re.match(r"^---\[ (.*) \]---$", ln)
        if m:
            area = m[1]
            continue
        got = M.ptd.parse(ln)
        if got:
            out.append((got[0]._replace(area=area), ln.rstrip()))
    return out


def areas(dumps, high_memory, vmalloc_start):
    """The virtual memory map's areas (design.md section 4); src: armmm's
    "Virtual kernel memory layout" line where it printed one."""
    layout = {m[1]: m[0].strip() for m in re.finditer(r"^ +(\w+) +: 0x[0-9a-f]+ - 0x[0-9a-f]+.*$",
                                                      M.unstamp(dumps.get("dmesg", "")), re.M)}
    table = (("user", "user space", 0, M.ptd.MODULES_VADDR),
             ("modules", "modules", M.ptd.MODULES_VADDR, M.PKMAP_BASE),
             ("pkmap", "PKMAP", M.PKMAP_BASE, M.PAGE_OFFSET),
             ("lowmem", "lowmem (linear map)", M.PAGE_OFFSET, high_memory),
             ("vmalloc", "vmalloc / ioremap", vmalloc_start, M.ptd.FDT_FIXED_BASE),
             ("FDT", "FDT (the DTB)", M.ptd.FDT_FIXED_BASE,
              M.ptd.FDT_FIXED_BASE + M.FDT_FIXED_SIZE),
             ("fixmap", "fixmap", M.ptd.FIXADDR_START, M.FIXADDR_END),
             ("vector", "vectors", M.ptd.VECTORS_BASE, M.VECTORS_END))
    return [region("area", 0, s, e, label, layout.get(key) or AREA_SRC.get(key) or
                   f"{label}: {s:#010x}-{e:#010x} (asm/memory.h, design.md section 4)")
            for key, label, s, e in table]


class Resolver:
    """The physical memory behind a ptdump line (see model.py's docstring)."""

    def __init__(self, facts, high_memory):
        self.f, self.high_memory = facts, high_memory

    def section_pa(self, va, frame):
        f = self.f
        linear = M.PAGE_OFFSET <= va < self.high_memory and f.phys_offset is not None
        tables = [f.l1_head, f.l1_final] if frame == "ptdump:head.S" else [f.l1_final, f.l1_head]
        if linear and not (frame == "ptdump:head.S" and f.l1_head):
            return va - M.PAGE_OFFSET + f.phys_offset
        for t in tables:
            e = t.get(va >> 20)
            if e and e[0] == "section":
                return e[1] + (va & (M.SECTION - 1))
        return None

    def links(self, m, frame):
        """[[va, pa or None, size]], contiguous pieces merged, and the
        source lines of the 4 KiB pages' physical addresses."""
        user = frame == "ptdump:user" and m.area == "User Space"
        step = M.SECTION if m.level == "PGD" else M.PAGE
        segs, srcs = [], []
        for va in range(m.start, m.end, step):
            if m.level == "PGD":
                pa = self.section_pa(va, frame)
            else:
                pa, src = self.f.pages.get((va, user), (None, None))
                if src:
                    srcs.append(src)
            last = segs[-1] if segs else None
            if last and (last[1] is None) == (pa is None) and \
                    (pa is None or last[1] + last[2] == pa):
                last[2] += step
            else:
                segs.append([va, pa, step])
        return segs, srcs


def perm_class(m, links, is_ram):
    if any(a.startswith("DEV/") or a == "SO/UNCACHED" for a in m.attrs) or \
            any(pa is not None and not is_ram(pa) for _, pa, _ in links):
        return "dev"
    ro, nx = "ro" in m.attrs, "NX" in m.attrs
    return ("ro" if nx else "rx") if ro else ("rw" if nx else "rwx")


def build(kernel, board, mem, dumps, facts):
    f = facts
    lowend = M.linux_ref.lowmem_end(dumps.get("/proc/zoneinfo", ""))
    if lowend is None or f.phys_offset is None:
        raise ValueError("the dumps hold no lowmem zone or no PHYS_OFFSET")
    high_memory = M.PAGE_OFFSET + lowend - f.phys_offset
    vmalloc_start = M.ptd.vmalloc_start(high_memory)
    ram = [(s, e) for s, e, _ in M.memblock_lines(dumps.get(M.MEMORY))]

    def is_ram(pa):
        return any(s <= pa < e for s, e in ram)

    out = {"title": f"{kernel} on {board} -m {mem}", "kernel": kernel, "board": board,
           "mem": mem, "phys_offset": f.phys_offset, "high_memory": high_memory,
           "vmalloc_start": vmalloc_start, "notes": list(f.notes),
           "buddy": M.buddy_lines(dumps.get("/proc/buddyinfo"))}
    out["frames"] = frames_of(dumps, Resolver(f, high_memory), is_ram)
    out["phys"] = phys_regions(dumps, f, out["frames"], is_ram)
    out["virt"] = areas(dumps, high_memory, vmalloc_start) + \
        [region("vmalloc", 1, s, e, f"vmalloc area {M.size_text(e - s)}", ln)
         for s, e, ln in M.vmalloc_lines(dumps.get("/proc/vmallocinfo"))]
    if "ptdump:user" not in dumps:
        out["notes"].append("no user frame: " + ("the reference run's page tables are "
                            "swapper_pg_dir's only" if kernel == "linux" else
                            "the user program did not stop"))
    return out


def frames_of(dumps, res, is_ram):
    frames = []
    for name in FRAME_ORDER:
        if name not in dumps:
            continue
        maps = []
        for m, line in ptdump_lines(dumps[name]):
            links, srcs = res.links(m, name)
            r = region("map", 2, m.start, m.end, f"{m.size} {m.level} {' '.join(m.attrs)}",
                       "\n".join([line] + srcs[:4] + (["..."] if len(srcs) > 4 else [])))
            r.update(level=m.level, attrs=" ".join(m.attrs), domain=m.domain, area=m.area,
                     user=m.area == "User Space", links=links,
                     cls=perm_class(m, links, is_ram))
            maps.append(r)
        regions = []
        if name == "ptdump:user":
            pid = re.search(r"pid (\d+)", dumps.get("process", ""))
            maps_path = f"/proc/{pid[1]}/maps" if pid else None
            regions = [region("vma", 1, s, e, ln.split()[-1] if len(ln.split()) > 5 else "anon",
                              ln) for s, e, ln in M.maps_lines(dumps.get(maps_path))]
        frames.append({"name": name, "title": M.FRAME_TITLES[name], "maps": maps,
                       "regions": regions})
    return frames


def phys_regions(dumps, f, frames, is_ram):
    iomem = M.iomem_lines(dumps.get("/proc/iomem"))
    out = []
    for s, e, line in M.memblock_lines(dumps.get(M.MEMORY)):
        sysram = [ln for a, b, n, d, ln in iomem if n == "System RAM" and a <= s < b]
        out.append(region("ram", 0, s, e, f"RAM {M.size_text(e - s)}",
                          "\n".join([f"memblock.memory {line}"] + sysram)))
    out += devices(iomem, frames, is_ram)
    out += [region("zone", 1, s, e, f"zone {n}", src)
            for n, s, e, src in M.zone_lines(dumps.get("/proc/zoneinfo"))]
    out += [region("reserved", 2, s, e, f"reserved {M.size_text(e - s)}",
                   f"memblock.reserved {line}")
            for s, e, line in M.memblock_lines(dumps.get(M.RESERVED))]
    what = [region("kernel-" + n.split()[1], 3, s, e, n, ln.strip())
            for s, e, n, d, ln in iomem if n in ("Kernel code", "Kernel data")]
    if f.pgd:
        what.append(region("pgd", 3, f.pgd[0], f.pgd[0] + 0x4000, "swapper_pg_dir", f.pgd[1]))
    if f.dtb:
        what.append(region("dtb", 3, f.dtb[0], f.dtb[1], "DTB", f.dtb[2]))
    for pa, src, user in f.pte_pages:
        what.append(region("user-pte-page" if user else "pte-page", 3, pa, pa + M.PAGE,
                           "user PTE page" if user else "PTE page", src))
    for fr in frames[-2:]:
        for m in fr["maps"]:
            if m["area"] == "Vectors":
                what += [region("vectors", 3, pa, pa + n, "vectors page", m["src"])
                         for va, pa, n in m["links"] if pa is not None]
    return out + merge_allocs(what, f.extra)


def merge_allocs(what, extra):
    """memblock allocations that are exactly a region already named (a PTE
    page, mem_map) add their line to it instead of being drawn twice."""
    seen, out = {}, []
    for r in what + [x for x in extra if x["kind"] != "alloc"]:
        key = (r["start"], r["end"])
        if key in seen and r["kind"] == seen[key]["kind"]:
            continue
        seen.setdefault(key, r)
        out.append(r)
    for a in (x for x in extra if x["kind"] == "alloc"):
        same = seen.get((a["start"], a["end"]))
        if same:
            same["src"] += "\n" + a["src"]
        else:
            out.append(a)
    return out


def devices(iomem, frames, is_ram):
    """The I/O regions some mapping points at: /proc/iomem's top-level
    line holding the page, else the page alone."""
    out, seen = [], set()
    for fr in frames:
        for m in fr["maps"]:
            for va, pa, n in m["links"]:
                if pa is None or is_ram(pa):
                    continue
                hit = [(a, b, name, ln) for a, b, name, d, ln in iomem
                       if d == 0 and a < pa + n and pa < b and name != "System RAM"]
                for a, b, name, ln in hit or [(pa, pa + n, "device", None)]:
                    if (a, b) in seen:
                        continue
                    seen.add((a, b))
                    out.append(region("device", 0, a, b, name, ln or
                                      f"{pa:#010x}-{pa + n - 1:#010x}: mapped by "
                                      f"'{m['src'].splitlines()[0]}', in no /proc/iomem line"))
    return out
