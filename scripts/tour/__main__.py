"""The guided tour's outputs, from one real boot (`make tour`).

    /usr/bin/python3 scripts/tour [--check] [--zimage build/zImage]
                     [--build build] [--log build/tour.log]
                     [DOC ...]   (default: Documentation/tour.md and
                                  Documentation/zh_CN/tour.md)

The first document is the master: its tour-boot line says how to boot
(board, memory, boot arguments), and its marked blocks, in order, are the
commands typed at the armmm# prompt. Every other document is an edition
that reuses those outputs by block ID (tourdoc.py explains the markers).
Without --check the documents are rewritten in place; with --check
nothing is written, and the exit status is 1 if any document differs
from what the run printed (a unified diff says where). Exit status 2: a
document, a filter or the run itself went wrong.
"""

import argparse
import difflib
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOP = HERE.parents[1]
sys.path.insert(0, str(HERE))

import tourdoc  # noqa: E402
from tourdoc import TourError  # noqa: E402

DOCS = [TOP / "Documentation" / "tour.md", TOP / "Documentation" / "zh_CN" / "tour.md"]


def load(paths):
    """[(path, text, blocks)], the master first; editions checked against it."""
    docs = []
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as e:
            raise TourError(f"{path}: {e.strerror}") from None
        docs.append((Path(path), text, tourdoc.parse_blocks(text, path)))
    master_path, master_text, master = docs[0]
    if not master:
        raise TourError(f"{master_path}: no tour blocks")
    for b in master:
        if not b.spec:
            raise TourError(f"{master_path}: block {b.id} has no command")
    boot = tourdoc.parse_boot(master_text, master_path)
    for path, text, blocks in docs[1:]:
        if tourdoc.parse_boot(text, path) != boot:
            raise TourError(f"{path}: its tour-boot line differs from {master_path}'s")
        tourdoc.check_edition(master, blocks, path)
    return docs, boot


def run_tour(docs, boot, zimage, build_dir, log=None):
    """Boot once, run every master block; {id: (command, shown lines)}."""
    import session   # pexpect and QEMU only when running
    values = session.BuildValues(build_dir)
    captures, results = {}, {}
    con = session.Session(boot["board"], boot["mem"], boot["bootargs"], str(zimage), log)
    try:
        for b in docs[0][2]:
            command = tourdoc.expand_command(b, lambda k: values.lookup(k, captures))
            output = con.run(command)
            bad = tourdoc.bad_patterns(b.id, output, b.filters)
            if bad:
                raise TourError(f"block {b.id}: '{command}' printed {bad} (add 'allow ...' to "
                                f"the block if that is the point):\n{output}")
            results[b.id] = (command, tourdoc.apply_filters(b.id, output, b.filters, captures))
    finally:
        con.close()
    return results


def render_all(docs, results):
    return [(path, text, tourdoc.fill(text, blocks, results, path)) for path, text, blocks in docs]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docs", nargs="*", type=Path, default=DOCS)
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if a document differs from the run")
    ap.add_argument("--zimage", type=Path, default=TOP / "build" / "zImage")
    ap.add_argument("--build", type=Path, default=TOP / "build",
                    help="where System.map and kernel.asm of that zImage are")
    ap.add_argument("--log", type=Path, default=TOP / "build" / "tour.log",
                    help="the whole console transcript")
    a = ap.parse_args(argv)
    started = time.monotonic()
    try:
        docs, boot = load(a.docs)
        if not a.zimage.is_file():
            raise TourError(f"no kernel at {a.zimage} (make)")
        os.makedirs(a.log.parent, exist_ok=True)
        results = run_tour(docs, boot, a.zimage, a.build, a.log)
        rendered = render_all(docs, results)
    except TourError as e:
        print(f"tour: {e}", file=sys.stderr)
        return 2
    stale = 0
    for path, old, new in rendered:
        rel = os.path.relpath(path, TOP)
        if old == new:
            print(f"tour: {rel}: up to date")
            continue
        stale += 1
        if a.check:
            sys.stdout.writelines(difflib.unified_diff(
                old.splitlines(True), new.splitlines(True), f"{rel} (committed)",
                f"{rel} (this run)"))
        else:
            path.write_text(new, encoding="utf-8")
            print(f"tour: {rel}: rewritten")
    print(f"tour: {len(results)} commands in one boot ({boot['board']}, {boot['mem']}), "
          f"{time.monotonic() - started:.1f}s; transcript {os.path.relpath(a.log, TOP)}")
    if a.check and stale:
        print("tour: the documents differ from the kernel's output: run `make tour`",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
