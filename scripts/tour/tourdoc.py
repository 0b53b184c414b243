"""The tour documents: their marked command blocks, the filters that cut a
command's output down to what a paragraph talks about, and the rendering
of a block from a run. No QEMU here (session.py boots the kernel), so
tests can check the parser and the filters on their own.

A document says once how the tour's kernel is booted:

    <!-- tour-boot: board=vexpress-a9 mem=1G bootargs="console=ttyAMA0 memblock=debug" -->

and then marks each command block with a comment, followed by the block
the generator (re)writes:

    <!-- tour pv-dmesg: dmesg | grep "PHYS_OFFSET" -->
    ```
    armmm# dmesg
    ...
    [    0.000000] PHYS_OFFSET: 0x60000000 (...)
    ...
    ```

The spec after "ID:" is the command typed at the armmm# prompt, then
filters separated by " | " (our shell has no pipes, so the bar is free):

    grep RE          keep the lines RE matches (Python re.search)
    grep -v RE       drop them
    from RE [to RE]  keep the lines from the first match of RE through the
                     first match of the second RE after it
    head N / tail N  the first / last N lines
    capture NAME RE  remember group 1 of RE's first match; later commands
                     may say {NAME}
    allow WORD       the output may contain a bad pattern (BAD_PATTERNS key)

Dropped lines show as one "..." line per gap. In a command, {sym:NAME}
is NAME's address from System.map and {pvstub:FUNC:N} the address of the
N-th phys/virt stub instruction in FUNC (kernel.asm): both as bare hex,
the way the console takes addresses.

Another language's edition of a document marks the same blocks by ID
alone (<!-- tour pv-dmesg -->), or repeats the spec exactly; its outputs
come from the same run.
"""

import re
import shlex
from dataclasses import dataclass, field

PROMPT = "armmm# "
ELIDED = "..."

BOOT_RE = re.compile(r"^<!-- tour-boot: (.*?) -->$", re.M)
# A marker, and the fenced block right after it (if there is one yet).
MARK_RE = re.compile(r"^<!-- tour ([a-z0-9][a-z0-9-]*)(?:: ([^\n]*?))? -->\n"
                     r"(```\n(?:(?!```)[^\n]*\n)*```\n)?", re.M)

# What means the kernel went wrong; a block that provokes one says `allow KEY`.
BAD_PATTERNS = {
    "Kernel panic": r"Kernel panic",
    "BUG:": r"BUG:",
    "Unable to handle": r"Unable to handle",
    "Internal error": r"Internal error",
    "Error:": r"Error:",
    "command not found": r"command not found",
    "U-Boot banner": r"U-Boot 20",
}

# What truly differs between two runs of the same kernel, rewritten to one
# spelling: printk timestamps (zero on the Cortex-A9, which has no generic
# timer, but a clock on the A15 boards) and the build's git version in the
# banner (UTS_VERSION, `git describe --dirty`: every commit changes it).
NORMALISE = [
    (re.compile(r"^\[\s*\d+\.\d{6}\]", re.M), "[    0.000000]"),
    (re.compile(r"^(.*Linux version \S+ .* #1 )\S+$", re.M), r"\1<git describe>"),
]


class TourError(Exception):
    """A document or a filter is wrong (said with the block's ID)."""


@dataclass
class Block:
    id: str
    spec: str                 # "" when an edition names the block by ID only
    command: str = ""
    filters: list = field(default_factory=list)   # [(name, args), ...]
    span: tuple = (0, 0)      # where marker + fenced block sit in the text


def normalise(text):
    for rx, repl in NORMALISE:
        text = rx.sub(repl, text)
    return text


def parse_boot(text, where):
    """{'board':..., 'mem':..., 'bootargs':...} from the tour-boot line."""
    m = BOOT_RE.search(text)
    if not m:
        raise TourError(f"{where}: no '<!-- tour-boot: ... -->' line")
    cfg = {}
    for word in shlex.split(m[1]):
        key, sep, val = word.partition("=")
        if not sep or key not in ("board", "mem", "bootargs"):
            raise TourError(f"{where}: tour-boot: '{word}' is not board=, mem= or bootargs=")
        cfg[key] = val
    for key in ("board", "mem", "bootargs"):
        if key not in cfg:
            raise TourError(f"{where}: tour-boot has no {key}=")
    return cfg


def parse_spec(block_id, spec):
    """Split "COMMAND | filter | filter" and check each filter's words."""
    parts = spec.split(" | ")
    command, filters = parts[0].strip(), []
    if not command:
        raise TourError(f"block {block_id}: no command")
    for part in parts[1:]:
        try:
            words = shlex.split(part)
        except ValueError as e:
            raise TourError(f"block {block_id}: filter '{part}': {e}") from None
        if not words:
            raise TourError(f"block {block_id}: empty filter")
        name, args = words[0], words[1:]
        _check_filter(block_id, name, args)
        filters.append((name, args))
    return command, filters


def _check_filter(block_id, name, args):
    ok = {
        "grep": lambda a: len(a) == 1 or (len(a) == 2 and a[0] == "-v"),
        "from": lambda a: len(a) == 1 or (len(a) == 3 and a[1] == "to"),
        "head": lambda a: len(a) == 1 and a[0].isdigit(),
        "tail": lambda a: len(a) == 1 and a[0].isdigit(),
        "capture": lambda a: len(a) == 2 and re.fullmatch(r"[a-z_]+", a[0]) is not None,
        "allow": lambda a: len(a) == 1 and a[0] in BAD_PATTERNS,
    }
    if name not in ok:
        raise TourError(f"block {block_id}: unknown filter '{name}' (grep, from, head, tail, "
                        "capture, allow)")
    if not ok[name](args):
        raise TourError(f"block {block_id}: bad arguments to '{name}': {args}")
    for a in args:
        if name in ("grep", "from") and a not in ("-v", "to"):
            try:
                re.compile(a)
            except re.error as e:
                raise TourError(f"block {block_id}: bad regex {a!r}: {e}") from None


def parse_blocks(text, where):
    """The marked blocks of one document, in order. IDs must be unique."""
    blocks, seen = [], set()
    for m in MARK_RE.finditer(text):
        bid, spec = m[1], (m[2] or "").strip()
        if bid in seen:
            raise TourError(f"{where}: block {bid} marked twice")
        seen.add(bid)
        b = Block(bid, spec, span=(m.start(), m.end()))
        if spec:
            b.command, b.filters = parse_spec(bid, spec)
        blocks.append(b)
    # A marker the regex did not take (a typo) would silently never run.
    for line in text.splitlines():
        if line.startswith("<!-- tour") and not (BOOT_RE.match(line) or MARK_RE.match(line + "\n")):
            raise TourError(f"{where}: malformed tour marker: {line}")
    return blocks


def check_edition(master, edition, where):
    """Every block of a translated edition must name a master block, and
    repeat its spec exactly if it gives one. Fills in the edition's specs."""
    by_id = {b.id: b for b in master}
    for b in edition:
        if b.id not in by_id:
            raise TourError(f"{where}: block {b.id} is not in the English tour")
        m = by_id[b.id]
        if b.spec and b.spec != m.spec:
            raise TourError(f"{where}: block {b.id}: spec differs from the English tour:\n"
                            f"  {b.spec}\n  {m.spec}")
        b.command, b.filters = m.command, m.filters


def expand_command(block, values):
    """The command with {sym:..}, {pvstub:..} and captured {NAME}s filled in
    from `values` (a callable: key -> string, raising TourError)."""
    def sub(m):
        return values(m[1])
    return re.sub(r"\{([a-z_]+(?::[A-Za-z0-9_.]+)*)\}", sub, block.command)


def apply_filters(block_id, output, filters, captures):
    """Cut `output` (normalised, no prompt) down as the filters say; record
    captures. Returns the lines to show, with ELIDED for each dropped run."""
    lines = output.rstrip("\n").split("\n") if output.strip() else []
    keep = [True] * len(lines)
    for name, args in filters:
        if name == "grep":
            rx, invert = re.compile(args[-1]), args[0] == "-v"
            keep = [k and (bool(rx.search(s)) != invert) for k, s in zip(keep, lines)]
        elif name == "from":
            keep = _from_to(block_id, lines, keep, args)
        elif name in ("head", "tail"):
            idx = [i for i, k in enumerate(keep) if k]
            n = int(args[0])
            chosen = set(idx[:n] if name == "head" else idx[len(idx) - n:] if n else [])
            keep = [i in chosen for i in range(len(lines))]
        elif name == "capture":
            m = re.search(args[1], output, re.M)
            if not m or not m.groups():
                raise TourError(f"block {block_id}: capture {args[0]}: {args[1]!r} "
                                f"not found in the output:\n{output}")
            captures[args[0]] = m[1]
    shown = []
    for s, k in zip(lines, keep):
        if k:
            shown.append(s)
        elif not shown or shown[-1] != ELIDED:
            shown.append(ELIDED)
    if lines and not any(keep):
        raise TourError(f"block {block_id}: the filters left nothing of the output:\n{output}")
    return shown


def _from_to(block_id, lines, keep, args):
    start = next((i for i, s in enumerate(lines) if re.search(args[0], s)), None)
    if start is None:
        raise TourError(f"block {block_id}: 'from {args[0]}' matches no line")
    end = len(lines) - 1
    if len(args) == 3:
        end = next((i for i in range(start, len(lines)) if re.search(args[2], lines[i])), None)
        if end is None:
            raise TourError(f"block {block_id}: 'to {args[2]}' matches no line after the start")
    return [k and start <= i <= end for i, k in enumerate(keep)]


def bad_patterns(block_id, output, filters):
    """The bad patterns in output that the block does not allow."""
    allowed = {args[0] for name, args in filters if name == "allow"}
    return [key for key, rx in BAD_PATTERNS.items()
            if key not in allowed and re.search(rx, output)]


def render(command, shown):
    """The fenced block: the command as typed, then what it printed."""
    body = "\n".join([PROMPT + command] + shown)
    return f"```\n{body}\n```\n"


def fill(text, blocks, results, where):
    """text with each block's fenced block replaced by results[id]
    ((command, shown)); blocks come from parse_blocks(text)."""
    out, pos = [], 0
    for b in blocks:
        if b.id not in results:
            raise TourError(f"{where}: block {b.id} has no output from the run")
        start, end = b.span
        marker = text[start:end].split("\n", 1)[0] + "\n"
        out.append(text[pos:start])
        out.append(marker + render(*results[b.id]))
        pos = end
    out.append(text[pos:])
    return "".join(out)
