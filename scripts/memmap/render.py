"""The page: one self-contained HTML file (inline SVG, CSS, JS; nothing
fetched from anywhere) drawn from picture.build()'s dict.

    physical                                         virtual
    labels | iomem zones memblock what | links | maps allocs areas | labels

Every drawn region is an SVG element with data-id (its index in the
embedded JSON: p<i>, v<i>, f<frame>m<i>, f<frame>r<i>), data-kind,
data-start, data-end (hex, end exclusive) and data-src (the dump lines it
came from; also its <title>, so hovering works without JavaScript).
Each snapshot is a <g class="frame">, one shown at a time; page.js steps
through them with the arrow keys.
"""

import html
import json
from pathlib import Path

import layout
import model as M

HERE = Path(__file__).resolve().parent
TOP_Y = 70.0
PHYS_LABEL_X = 250
PHYS_LANES = {"iomem": (258, 64), "zones": (326, 30), "memblock": (360, 30), "what": (394, 76)}
LINK_X0, LINK_X1 = 470, 880
VIRT_LANES = {"maps": (880, 84), "allocs": (968, 44), "areas": (1016, 70)}
AREA_LABEL_X, MAP_LABEL_X, WIDTH = 1092, 1250, 1530
CLASSES = (("rw", "RW NX"), ("ro", "ro NX"), ("rx", "ro x (text)"), ("rwx", "RW x (W+X)"),
           ("dev", "device"))


def esc(s):
    return html.escape(str(s), quote=True).replace("\n", "&#10;")


def hexa(n):
    return f"0x{n:08x}"


def short(text, n=40):
    """A label that fits its column (the whole text is in the hover)."""
    return text if len(text) <= n else text[:n - 1] + "\u2026"


def _attrs(rid, r):
    return (f'data-id="{rid}" data-kind="{r["kind"]}" data-start="{hexa(r["start"])}" '
            f'data-end="{hexa(r["end"])}" data-label="{esc(r["label"])}" '
            f'data-src="{esc(r["src"])}"')


def _rect(rid, r, axis, x, w, cls=""):
    y0, y1 = axis.y(r["start"]), axis.y(r["end"])
    return (f'<rect class="r {r["kind"]} {cls}" x="{x:.1f}" y="{y0:.1f}" width="{w:.1f}" '
            f'height="{max(y1 - y0, 1.0):.1f}" {_attrs(rid, r)}>'
            f'<title>{esc(r["label"])}: {hexa(r["start"])}-{hexa(r["end"])}&#10;'
            f'{esc(r["src"])}</title></rect>')


BACKGROUND = ("ram", "zone", "area")


def axes(pic):
    """The two Axis objects. Every region and mapping is a cut point, and
    the physical pages a mapping points at (the virtual side of a link is
    inside its mapping already); RAM, zones and sections' targets are
    background (layout.py)."""
    pp, pfg, pbg, vp, vfg = [], [], [], [0, 1 << 32], []
    for r in pic["phys"]:
        pp += [r["start"], r["end"]]
        (pbg if r["kind"] in BACKGROUND else pfg).append((r["start"], r["end"]))
    for r in pic["virt"]:
        vp += [r["start"], r["end"]]
        if r["kind"] not in BACKGROUND:
            vfg.append((r["start"], r["end"]))
    for fr in pic["frames"]:
        for m in fr["maps"] + fr["regions"]:
            vp += [m["start"], m["end"]]
            vfg.append((m["start"], m["end"]))
            for va, pa, n in m.get("links", ()):
                if pa is not None:
                    pp += [pa, pa + n]
                    (pfg if m["level"] == "PTE" else pbg).append((pa, pa + n))
    return layout.Axis(pp, pfg, pbg, TOP_Y), layout.Axis(vp, vfg, (), TOP_Y)


def lane_rects(regions, lanes, names, axis, prefix):
    """The rects of one axis's regions, overlapping ones side by side."""
    out = []
    for lane, name in enumerate(names):
        idx = [i for i, r in enumerate(regions) if r["lane"] == lane]
        tr = layout.tracks([(regions[i]["start"], regions[i]["end"]) for i in idx])
        n = max(tr, default=0) + 1
        x, w = lanes[name]
        for i, t in zip(idx, tr):
            out.append(_rect(f"{prefix}{i}", regions[i], axis, x + t * w / n, w / n - 1))
    return out


def label_texts(items, x, anchor, axis_x, taken=None):
    """<text> labels (and leader lines) at the y place_labels gives them."""
    placed = layout.place_labels([(y, pri, key) for key, (y, pri, _) in items.items()],
                                 taken=taken)
    out = []
    for key, y in placed.items():
        ay, _, text = items[key]
        lx = x + (4 if anchor == "end" else -4)
        out.append(f'<line class="leader" x1="{lx}" y1="{y:.1f}" x2="{axis_x}" y2="{ay:.1f}"/>'
                   f'<text class="lbl" x="{x}" y="{y + 3:.1f}" text-anchor="{anchor}">'
                   f'{esc(text)}</text>')
    return out, sorted(placed.values())


def cut_marks(axis, x0, x1):
    out = []
    for y0, y1, a, b in axis.cuts:
        ym, pts = (y0 + y1) / 2, []
        for i, x in enumerate(range(x0, x1 + 1, 8)):
            pts.append(f"{x},{ym + (3 if i % 2 else -3):.1f}")
        out.append(f'<polyline class="cut" points="{" ".join(pts)}"><title>nothing here: '
                   f'{hexa(a)}-{hexa(b)} ({M.size_text(b - a)}), cut short</title></polyline>')
        if b - a >= 1 << 16:
            out.append(f'<text class="cutlbl" x="{x1 - 2}" y="{ym - 4:.1f}" '
                       f'text-anchor="end">{M.size_text(b - a)} gap</text>')
    return out


PHYS_PRIORITY = {"pte-page": 5, "user-pte-page": 5, "mem_map": 5, "dtb": 5, "pgd": 5,
                 "vectors": 5, "kernel-code": 5, "kernel-data": 5, "kernel-part": 2, "initrd": 4,
                 "device": 3,
                 "zone": 3, "ram": 4, "alloc": 1, "reserved": 0}


def phys_side(pic, axis):
    out = lane_rects(pic["phys"], PHYS_LANES, M.PHYS_LANES, axis, "p")
    items = {}
    for i, r in enumerate(pic["phys"]):
        pri = PHYS_PRIORITY.get(r["kind"], 1)
        items[i] = ((axis.y(r["start"]) + axis.y(r["end"])) / 2, pri,
                    f'{short(r["label"], 28)} {hexa(r["start"])}')
    texts, _ = label_texts(items, PHYS_LABEL_X - 4, "end", PHYS_LANES["iomem"][0])
    return out + texts + cut_marks(axis, PHYS_LANES["iomem"][0], LINK_X0)


def virt_side(pic, axis):
    out = lane_rects(pic["virt"], VIRT_LANES, ("areas", "allocs", "maps"), axis, "v")
    items = {i: ((axis.y(r["start"]) + axis.y(r["end"])) / 2, 2 if r["kind"] == "area" else 1,
                 f'{short(r["label"], 16)} {hexa(r["start"])}') for i, r in enumerate(pic["virt"])}
    texts, _ = label_texts(items, AREA_LABEL_X, "start", VIRT_LANES["areas"][0] + 70)
    return out + texts + cut_marks(axis, LINK_X1, VIRT_LANES["areas"][0] + 70)


def link_path(va, pa, n, vaxis, paxis):
    yv0, yv1, yp0, yp1 = vaxis.y(va), vaxis.y(va + n), paxis.y(pa), paxis.y(pa + n)
    if yv1 - yv0 < 1:
        yv1 = yv0 + 1
    if yp1 - yp0 < 1:
        yp1 = yp0 + 1
    mx = (LINK_X0 + LINK_X1) / 2
    return (f"M{LINK_X1},{yv0:.1f} C{mx},{yv0:.1f} {mx},{yp0:.1f} {LINK_X0},{yp0:.1f} "
            f"L{LINK_X0},{yp1:.1f} C{mx},{yp1:.1f} {mx},{yv1:.1f} {LINK_X1},{yv1:.1f} Z")


def frame_group(k, fr, vaxis, paxis, on):
    x, w = VIRT_LANES["maps"]
    links, rects, items = [], [], {}
    for i, m in enumerate(fr["maps"]):
        rid = f"f{k}m{i}"
        level = "sect" if m["level"] == "PGD" else "page"
        for va, pa, n in m["links"]:
            if pa is not None:
                src = f'{hexa(va)} -> {hexa(pa)} ({M.size_text(n)})\n{m["src"]}'
                links.append(f'<path class="link {m["cls"]} {level}" data-map="{rid}" '
                             f'data-va="{hexa(va)}" data-pa="{hexa(pa)}" data-size="{n}" '
                             f'data-label="link" data-start="{hexa(va)}" '
                             f'data-end="{hexa(va + n)}" data-src="{esc(src)}" '
                             f'd="{link_path(va, pa, n, vaxis, paxis)}"><title>{esc(src)}'
                             f'</title></path>')
        unknown = " nolink" if any(pa is None for _, pa, _ in m["links"]) else ""
        rects.append(_rect(rid, m, vaxis, x, w, f'{m["cls"]} {level}{unknown}')
                     .replace("<rect ", f'<rect data-map="{rid}" data-level="{m["level"]}" '
                              f'data-attrs="{esc(m["attrs"])}" ', 1))
        items[i] = ((vaxis.y(m["start"]) + vaxis.y(m["end"])) / 2, 1,
                    f'{hexa(m["start"])} {m["label"]}')
    ax, aw = VIRT_LANES["allocs"]
    rects += [_rect(f"f{k}r{i}", r, vaxis, ax, aw - 1) for i, r in enumerate(fr["regions"])]
    texts, _ = label_texts(items, MAP_LABEL_X, "start", x + w)
    return (f'<g class="frame{" on" if on else ""}" id="frame-{k}" data-index="{k}" '
            f'data-name="{esc(fr["name"])}" data-title="{esc(fr["title"])}">'
            f'<g class="links">{"".join(links)}</g>{"".join(rects)}{"".join(texts)}</g>')


def header(pic):
    out = [f'<text class="h1" x="8" y="18">{esc(pic["title"])}: physical memory (left), '
           f'virtual (right)</text>']
    for name, (x, w) in list(PHYS_LANES.items()) + list(VIRT_LANES.items()):
        out.append(f'<text class="lane" x="{x + w / 2}" y="{TOP_Y - 8}" '
                   f'text-anchor="middle">{name}</text>')
    out.append(f'<text class="lane" x="{(LINK_X0 + LINK_X1) / 2}" y="{TOP_Y - 8}" '
               f'text-anchor="middle">page-table links (virtual to physical)</text>')
    return out


def svg(pic):
    paxis, vaxis = axes(pic)
    height = max(paxis.bottom, vaxis.bottom) + 20
    start = default_frame(pic)
    body = header(pic) + phys_side(pic, paxis) + virt_side(pic, vaxis) + \
        [frame_group(k, fr, vaxis, paxis, k == start) for k, fr in enumerate(pic["frames"])]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" id="memmap" width="{WIDTH}" '
            f'height="{height:.0f}" viewBox="0 0 {WIDTH} {height:.0f}">'
            + "".join(body) + "</svg>")


def default_frame(pic):
    """The page opens on `now` (cat kernel_page_tables): the picture most
    learners want first; the arrows go back through boot and on to the process."""
    names = [fr["name"] for fr in pic["frames"]]
    return names.index(M.PTDUMP) if M.PTDUMP in names else 0


def buddy_table(pic):
    rows = []
    for zone, b in pic["buddy"].items():
        cells = "".join(f"<td>{n}</td>" for n in b["counts"])
        rows.append(f'<tr title="{esc(b["src"])}"><th>{esc(zone)}</th>{cells}</tr>')
    if not rows:
        return ""
    n = max(len(b["counts"]) for b in pic["buddy"].values())
    head = "".join(f"<th>{o}</th>" for o in range(n))
    return (f'<table class="buddy"><caption>free blocks per order (/proc/buddyinfo)</caption>'
            f'<tr><th>order</th>{head}</tr>{"".join(rows)}</table>')


def page(pic, other=None):
    """The whole HTML text; other: the file name of the other kernel's
    picture of the same board (linked, if given)."""
    data = json.dumps(pic, separators=(",", ":")).replace("</", "<\\/")
    legend = "".join(f'<span class="key"><svg width="14" height="10"><rect class="{c} sect" '
                     f'width="14" height="10"/></svg>{t}</span>' for c, t in CLASSES)
    notes = "".join(f"<li>{esc(n)}</li>" for n in pic["notes"])
    link = f' <a href="{esc(other)}">the other kernel\'s picture</a>' if other else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>memmap: {esc(pic["title"])}</title>
<style>{(HERE / "page.css").read_text()}</style></head>
<body>
<div id="nav"><button id="prev" title="previous snapshot (left arrow)">&#9664;</button>
<span id="frame-title"></span>
<button id="next" title="next snapshot (right arrow)">&#9654;</button>
<span class="hint">&#8592; &#8594; step through the page-table snapshots;
hover a region for its dump line.{link}</span>
<div id="chips"></div></div>
<div id="legend">{legend}<span class="key"><svg width="14" height="10">
<rect class="rw page" width="14" height="10"/></svg>4 KiB pages (outlined) vs sections</span>
<span class="key">heights grow with log2(size); &#8776; marks cut empty gaps</span></div>
<div id="main">{svg(pic)}
<div id="side">{buddy_table(pic)}<ul class="notes">{notes}</ul></div></div>
<pre id="info">hover a region</pre>
<script type="application/json" id="memmap-data">{data}</script>
<script>{(HERE / "page.js").read_text()}</script>
</body></html>
"""
