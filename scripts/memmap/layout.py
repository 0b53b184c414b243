"""Broken axes: where an address lands on the page.

768 MiB of lowmem and a 4 KiB page cannot both be seen on a linear scale,
so each axis is cut at every address where something starts or ends, and
each piece gets a height of its own, growing with the logarithm of its size:

  - a piece holding something drawn in the foreground (a reserved range,
    a device, a page a 4 KiB mapping points at, a mapping): MIN_H for a
    page, STEP more for each doubling (1 MiB: MIN_H + 8 STEP);
  - a piece holding background only (RAM, a zone, the far end of a section
    mapping): MIN_H + BG_STEP per doubling, so scattered pages do not
    stretch the free RAM between them;
  - a piece below one page: SUB_H;
  - a piece holding nothing (a hole in the physical map, unmapped virtual
    space) is cut: CUT_H high whatever its size, drawn with a break mark.

Within a piece, addresses are linear, so y() is monotonic and a range
[a, b) is always the band [y(a), y(b)).
"""

import bisect
import math

MIN_H, STEP, BG_STEP, SUB_H, CUT_H = 7.0, 6.0, 2.5, 3.0, 11.0
PAGE = 4096


def piece_height(size, fg, bg):
    if not (fg or bg):
        return CUT_H
    if size < PAGE:
        return SUB_H
    return MIN_H + (STEP if fg else BG_STEP) * math.log2(size / PAGE)


class Axis:
    """points: addresses where something starts or ends; fg, bg: [(a, b)]
    ranges holding foreground and background things; top: the y of the
    lowest address."""

    def __init__(self, points, fg, bg=(), top=0.0):
        pts = sorted(set(points))
        if len(pts) < 2:
            raise ValueError("an axis needs two addresses at least")
        self.pts, self.ys, self.cuts = pts, [top], []
        fg, bg = _covered(fg), _covered(bg)
        y = top
        for a, b in zip(pts, pts[1:]):
            f = _overlaps(fg, a, b)
            occ = f or _overlaps(bg, a, b)
            y += piece_height(b - a, f, occ)
            self.ys.append(y)
            if not occ:
                self.cuts.append((self.ys[-2], y, a, b))
        self.bottom = y

    def y(self, addr):
        """The y of an address (clamped to the axis)."""
        pts, ys = self.pts, self.ys
        if addr <= pts[0]:
            return ys[0]
        if addr >= pts[-1]:
            return ys[-1]
        i = bisect.bisect_right(pts, addr) - 1
        a, b = pts[i], pts[i + 1]
        return ys[i] + (ys[i + 1] - ys[i]) * (addr - a) / (b - a)


def _covered(ranges):
    """Merged [(a, b)] of ranges, sorted."""
    out = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def _overlaps(merged, a, b):
    i = bisect.bisect_right([m[0] for m in merged], a) - 1
    for j in (i, i + 1):
        if 0 <= j < len(merged) and merged[j][0] < b and a < merged[j][1]:
            return True
    return False


def place_labels(items, min_gap=11.0, reach=40.0, taken=None):
    """items: [(anchor y, priority, key)]. Returns {key: y} for the labels
    that fit, each within `reach` of its anchor and `min_gap` from the
    others (and from the sorted ys in `taken`); higher priority first (the
    rest are left to hovering)."""
    taken, out = list(taken or ()), {}
    for anchor, _, key in sorted(items, key=lambda t: (-t[1], t[0])):
        for d in _offsets(reach):
            y = anchor + d
            i = bisect.bisect_left(taken, y)
            if (i == 0 or y - taken[i - 1] >= min_gap) and \
                    (i == len(taken) or taken[i] - y >= min_gap):
                taken.insert(i, y)
                out[key] = y
                break
    return out


def _offsets(reach, step=2.0):
    yield 0.0
    d = step
    while d <= reach:
        yield d
        yield -d
        d += step


def tracks(ranges):
    """A track number per range so that overlapping ranges sit side by side
    (greedy interval colouring); ranges: [(a, b)] in any order."""
    order = sorted(range(len(ranges)), key=lambda i: (ranges[i][0], -ranges[i][1]))
    ends, out = [], [0] * len(ranges)
    for i in order:
        a, b = ranges[i]
        for t, e in enumerate(ends):
            if e <= a:
                ends[t], out[i] = b, t
                break
        else:
            ends.append(b)
            out[i] = len(ends) - 1
    return out
