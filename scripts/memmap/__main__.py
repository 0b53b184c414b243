"""make memmap: the memory map of one boot, drawn.

    /usr/bin/python3 scripts/memmap [--board vexpress-a9] [--mem 512M] [--kernel armmm|linux]
                                    [--zimage build/zImage] [--out-dir build/memmap]
                                    [--dumps FILE] [--refresh] [--no-screenshot]

Boots the kernel once (collect.py), reads its dumps (model.py, picture.py)
and writes, in --out-dir,

    <board>-<mem>[-linux].html       the page: self-contained, open it in any browser
    <board>-<mem>[-linux].dumps.txt  what it was drawn from (framed dumps)
    <board>-<mem>[-linux].png        a screenshot by headless chromium (installed
                                     with apt-get when missing; --no-screenshot skips it)
    <board>-<mem>-both.html          once both kernels' pages are there: the two
                                     side by side

--kernel linux draws Debian's Linux 6.1 from the cached reference run of
scripts/linux_ref (booted first if it is not cached, or with --refresh).
--dumps FILE draws a saved dumps.txt again without booting (armmm).
Exit status: 0, 1 when the page has a script error, 2 when no page could
be made (the message says why).
"""

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import browser  # noqa: E402
import collect  # noqa: E402
import model  # noqa: E402
import picture  # noqa: E402
import render  # noqa: E402
from collect import frames  # noqa: E402

TOP = HERE.parents[1]


def out_name(board, mem, kernel):
    return f"{board}-{mem}" + ("-linux" if kernel == "linux" else "")


# Two pages in one window: each scaled to half the width (a page is drawn
# WIDTH pixels wide), scrolled and stepped (click, then arrow keys) on its own.
SIDE_BY_SIDE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>armmm and Linux 6.1 on {board} -m {mem}</title>
<style>
html, body {{ margin: 0; height: 100%; overflow: hidden; font: 12px sans-serif; }}
body {{ display: flex; }}
.half {{ flex: 1; position: relative; overflow: hidden; border-left: 1px solid #999; }}
.half iframe {{ position: absolute; top: 0; left: 0; border: 0; transform-origin: 0 0; }}
</style></head><body>
<div class="half"><iframe src="{armmm}" title="armmm"></iframe></div>
<div class="half"><iframe src="{linux}" title="Linux 6.1"></iframe></div>
<script>
"use strict";
function fit() {{
  for (const half of document.querySelectorAll(".half")) {{
    const f = half.firstElementChild, s = half.clientWidth / {width};
    f.style.width = "{width}px";
    f.style.height = (half.clientHeight / s) + "px";
    f.style.transform = "scale(" + s + ")";
  }}
}}
window.addEventListener("resize", fit);
fit();
</script>
</body></html>
"""


def side_by_side(out_dir, board, mem):
    """<board>-<mem>-both.html when both kernels' pages are in out_dir:
    the two pictures next to each other; None otherwise."""
    names = [out_name(board, mem, k) + ".html" for k in ("armmm", "linux")]
    if not all((Path(out_dir) / n).is_file() for n in names):
        return None
    both = Path(out_dir) / f"{board}-{mem}-both.html"
    both.write_text(SIDE_BY_SIDE.format(board=board, mem=mem, armmm=names[0], linux=names[1],
                                        width=render.WIDTH + 20))
    return both


def make(board, mem, kernel, zimage, out_dir, dumps_file=None, refresh=False, log=print):
    """Collect, draw and write the page; returns (html path, picture dict)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    base = out_dir / out_name(board, mem, kernel)
    if kernel == "linux":
        text, console, ref = collect.collect_linux(board, mem, refresh, log)
        facts = model.linux_facts(ref, *collect.linux_tables(ref))
    elif dumps_file:
        text, console = Path(dumps_file).read_text(), None
    else:
        text, console = collect.collect_armmm(board, mem, zimage, log)
    dumps = frames.parse(text)
    if kernel != "linux":
        facts = model.armmm_facts(dumps)
    pic = picture.build(kernel, board, mem, dumps, facts)
    if Path(f"{base}.dumps.txt").resolve() != Path(dumps_file or "/").resolve():
        Path(f"{base}.dumps.txt").write_text(text)
    if console is not None:
        Path(f"{base}.console.log").write_text(console)
    other = out_name(board, mem, "armmm" if kernel == "linux" else "linux") + ".html"
    html = Path(f"{base}.html")
    html.write_text(render.page(pic, other))
    return html, pic


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--board", default="vexpress-a9", choices=sorted(collect.BOARDS))
    ap.add_argument("--mem", default="512M")
    ap.add_argument("--kernel", default="armmm", choices=("armmm", "linux"))
    ap.add_argument("--zimage", default=str(TOP / "build" / "zImage"))
    ap.add_argument("--out-dir", default=str(TOP / "build" / "memmap"))
    ap.add_argument("--dumps", help="draw this saved dumps.txt (armmm) instead of booting")
    ap.add_argument("--refresh", action="store_true", help="--kernel linux: boot Linux again")
    ap.add_argument("--no-screenshot", action="store_true")
    a = ap.parse_args(argv)
    try:
        html, pic = make(a.board, a.mem, a.kernel, a.zimage, a.out_dir, a.dumps, a.refresh)
    except (collect.CollectError, ValueError, OSError) as e:
        print(f"memmap: {e}", file=sys.stderr)
        return 2
    print(f"memmap: wrote {html} ({len(pic['frames'])} snapshots, "
          f"{sum(len(f['maps']) for f in pic['frames'])} mappings, {len(pic['phys'])} "
          f"physical regions)")
    both = side_by_side(html.parent, a.board, a.mem)
    if both:
        print(f"memmap: both kernels side by side: {both}")
    if a.no_screenshot:
        return 0
    png = html.with_suffix(".png")
    try:
        problems, _ = browser.check(html, png, height=page_height(html))
    except browser.BrowserError as e:
        print(f"memmap: no screenshot: {e}", file=sys.stderr)
        return 0
    print(f"memmap: screenshot {png}")
    for p in problems:
        print(f"memmap: script error: {p}", file=sys.stderr)
    return 1 if problems else 0


def page_height(html):
    """The SVG's height plus the page's header, for the screenshot window."""
    m = re.search(r'<svg [^>]*id="memmap"[^>]*height="(\d+)"', Path(html).read_text())
    return min(int(m[1]) + 120, 16000) if m else 2000


if __name__ == "__main__":
    sys.exit(main())
