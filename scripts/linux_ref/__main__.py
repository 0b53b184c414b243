"""Command line: collect (or show the cached) Linux reference for a board.

    /usr/bin/python3 scripts/linux_ref --board vexpress-a9 --mem 512M [--refresh]

Prints where the reference is and what it holds; --refresh boots Debian's
Linux again even when a cached reference exists (make linux-ref).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import linux_ref  # noqa: E402
from linux_ref.frames import DUMP_PATHS  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(prog="linux_ref", description=__doc__.split("\n\n")[0])
    ap.add_argument("--board", default="vexpress-a9", choices=sorted(linux_ref.BOARDS))
    ap.add_argument("--mem", help="QEMU -m (default: the board's)")
    ap.add_argument("--refresh", action="store_true", help="boot Linux even if cached")
    a = ap.parse_args(argv)
    mem = a.mem or linux_ref.BOARDS[a.board].default_mem
    try:
        ref = linux_ref.ensure(a.board, mem, a.refresh)
    except linux_ref.RefError as e:
        print(f"linux_ref: {e}", file=sys.stderr)
        return 1
    f = ref.facts
    print(f"{ref.dir}: Debian {f['linux']} {f['linux_build']}, collected {f['collected']}")
    print(f"  PHYS_OFFSET {f['phys_offset']:#010x}, TEXT_OFFSET {f['text_offset']:#x}, "
          f"swapper_pg_dir {f['swapper_pg_dir']:#010x}, lowmem end {f['lowmem_end']:#010x}, "
          f"VMALLOC_START {f['vmalloc_start']:#010x}")
    for p in DUMP_PATHS:
        state = "ok" if p in ref.dumps else "not available in this Linux"
        print(f"  {p:40} {state}")
    if f.get("hw_check"):
        print(f"  hardware PTE cross-check: {len(f['hw_check'])} problems, e.g. {f['hw_check'][0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
