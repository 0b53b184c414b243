"""One boot's worth of dumps for the memory map, as framed text.

armmm (collect_armmm): one QEMU boot through scripts/qemu/boot.py with

    console=<the board's UART> ptdump=phases memblock=debug

ptdump=phases makes the kernel log its page tables at each boot step,
each after a line "ptdump: page tables <as head.S left them | after
<step>>:" (arch/arm/mm/dump.c ptdump_phase), cut out of dmesg here;
memblock=debug logs every memblock allocation with its caller, which names
mem_map and the PTE pages in physical memory. At the shell this then types

    /bin/memtouch          a process that stops with its pages touched
    ptdump <pid>           its page tables, user half first
    cat /proc/<pid>/maps   its VMAs
    cat <each dump>        the dump set of scripts/linux_ref/frames.py, dmesg
    pgd                    swapper_pg_dir's L1 entries: sections and PTE pages
    vtop [<pid>] <va>      once per 4 KiB page any snapshot maps: its physical page
    peek <&mem_map>        where mem_map is (System.map gives the variable)

and keeps each command's output as a frame named after it ("pgd", "vtop",
"ptdump:user", ...), so the whole run is one dumps.txt that frames.parse()
reads. Nothing is derived here: model.py reads the frames.

Linux (collect_linux): the cached reference run of scripts/linux_ref
(its dumps.txt already holds the kernel_page_tables that ptdump_decode.py
decoded from swapper_pg_dir), plus that run's raw page tables, from which
model.py takes the physical page behind each mapping.
"""

import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOP = HERE.parents[1]
sys.path.insert(0, str(TOP / "scripts"))
sys.path.insert(0, str(TOP / "scripts" / "qemu"))

import linux_ref  # noqa: E402
import ptdump_decode as ptd  # noqa: E402
from linux_ref import frames  # noqa: E402
import boot as qemu_boot  # noqa: E402
from boards import BOARDS  # noqa: E402

PROMPT = "armmm# "
ENTER = "\r"
# Output that means armmm went wrong (tests/qemu/console.py has the full list).
BAD = ("Kernel panic", "Unable to handle", "Internal error", "BUG:")
PHASES = ("head.S", "prepare_page_table", "map_lowmem", "devicemaps_init", "mark_rodata_ro")
USER_PROGRAM = "/bin/memtouch"
# vtop is typed once per page; beyond this many the remaining 4 KiB
# mappings are drawn without their link to physical memory (said in the page).
MAX_VTOP = 600


class CollectError(RuntimeError):
    """The run could not be made; the message says why."""


def bootargs(board):
    """The command line: the board's console, the two debug arguments."""
    console = "ttyS0" if BOARDS[board].uart_type == "8250" else "ttyAMA0"
    return f"console={console} ptdump=phases memblock=debug"


class Shell:
    """armmm's console: type a command, return what it printed."""

    def __init__(self, child, transcript, timeout=60):
        self.child, self.transcript, self.timeout = child, transcript, timeout

    def _check(self):
        kernel = linux_ref.kernel_output(self.transcript.text())
        for bad in BAD:
            if bad in kernel:
                line = kernel[kernel.index(bad):].split("\n", 1)[0]
                raise CollectError(f"armmm printed: {line}")

    def prompt(self, timeout=None):
        i = self.child.expect_exact([PROMPT, qemu_boot.pexpect.EOF, qemu_boot.pexpect.TIMEOUT],
                                    timeout=timeout or self.timeout)
        self._check()
        if i:
            raise CollectError("QEMU exited" if i == 1 else
                               f"no '{PROMPT}' within {timeout or self.timeout}s")

    def run(self, cmd):
        """Output of cmd, without its echo and the next prompt."""
        self.child.send(cmd + ENTER)
        self.prompt()
        out = self.child.before.replace("\r", "")
        first, _, rest = out.partition("\n")
        return rest if first.strip() == cmd else out


# dmesg: a line's timestamp; ptdump_phase's title line; a table line.
STAMP_RE = re.compile(r"^\[\s*\d+\.\d{6}\] ")
PHASE_RE = re.compile(r"^ptdump: page tables (?:as (\S+) left them|after (\S+)):$")
TABLE_RE = re.compile(r"^(---\[ .* \]---|0x[0-9a-f]{8}-0x[0-9a-f]{8} .*)$")


def phase_frames(dmesg):
    """{"ptdump:<phase>": table} from the kernel log: each snapshot is the
    run of ptdump lines right after its title line, timestamps removed."""
    out, name = {}, None
    for line in dmesg.split("\n"):
        text = STAMP_RE.sub("", line, count=1)
        m = PHASE_RE.match(text)
        if m:
            name = f"ptdump:{m[1] or m[2]}"
            out[name] = ""
        elif name and TABLE_RE.match(text):
            out[name] += text + "\n"
        else:
            name = None
    return out


def pte_pages_to_look_up(dumps, user_frame="ptdump:user"):
    """[(va, user)] of every 4 KiB page a PTE line of any snapshot maps."""
    want = {}
    for name, body in dumps.items():
        if not (name.startswith("ptdump:") or name.endswith("kernel_page_tables")):
            continue
        for m in ptd.parse(body):
            if m.level != "PTE":
                continue
            user = name == user_frame and m.area == "User Space"
            for va in range(m.start, m.end, ptd.PAGE_SIZE):
                want.setdefault((va, user), None)
    return sorted(want)


def symbol(system_map, name):
    """A symbol's address from System.map, or None."""
    try:
        text = Path(system_map).read_text()
    except OSError:
        return None
    m = re.search(rf"^([0-9a-f]{{8}}) \w {re.escape(name)}$", text, re.M)
    return int(m[1], 16) if m else None


def collect_armmm(board, mem, zimage, log=print, timeout=90):
    """Boot zImage once and return (dumps.txt text, console transcript)."""
    if board not in BOARDS:
        raise CollectError(f"unknown board {board}; known: {', '.join(sorted(BOARDS))}")
    if not Path(zimage).is_file():
        raise CollectError(f"{zimage} not found: build it first (make)")
    t = qemu_boot.Transcript()
    t0 = time.monotonic()
    try:
        child = qemu_boot.boot(board, mem, str(zimage), bootargs=bootargs(board), logfile=t,
                               echo_cmd=False)
    except qemu_boot.BootError as e:
        raise CollectError(f"boot failed: {e}") from e
    try:
        sh = Shell(child, t, timeout)
        sh.prompt(timeout)
        out = _commands(sh, board, zimage, log)
    finally:
        child.terminate(force=True)
    log(f"memmap: armmm on {board} -m {mem}: {time.monotonic() - t0:.1f}s of QEMU")
    return out, t.text()


def _commands(sh, board, zimage, log):
    """Type the commands of the module docstring; the framed text."""
    dmesg = sh.run("dmesg")    # typed first: nothing the commands below log is lost
    boot = phase_frames(dmesg)
    if "ptdump:head.S" not in boot:
        raise CollectError("dmesg holds no 'ptdump: page tables as head.S left them:' "
                           "(ptdump=phases not supported by this zImage, or the log wrapped?)")
    # (no mark_rodata_ro frame without CONFIG_STRICT_KERNEL_RWX: nothing to mark)
    out = {f"ptdump:{p}": boot[f"ptdump:{p}"] for p in PHASES if f"ptdump:{p}" in boot}
    started = sh.run(USER_PROGRAM)
    m = re.search(r"^\[(\d+)\] Stopped", started, re.M)
    pid = int(m[1]) if m else None
    if pid:
        out["process"] = f"{USER_PROGRAM} pid {pid}\n{started}"
        out["ptdump:user"] = sh.run(f"ptdump {pid}")
        out[f"/proc/{pid}/maps"] = sh.run(f"cat /proc/{pid}/maps")
    else:
        log(f"memmap: {USER_PROGRAM} did not stop ({started.strip()[:80]}): no user frame")
    for path in frames.DUMP_PATHS:
        out[path] = dmesg if path == "dmesg" else sh.run(f"cat {path}")
    out["pgd"] = sh.run("pgd")
    vtops = []
    pages = pte_pages_to_look_up(out)
    for va, user in pages[:MAX_VTOP]:
        cmd = f"vtop {pid} {va:#x}" if user else f"vtop {va:#x}"
        vtops.append(f"{PROMPT}{cmd}\n{sh.run(cmd)}")
    out["vtop"] = "".join(vtops)
    if len(pages) > MAX_VTOP:
        out["vtop-skipped"] = f"{len(pages) - MAX_VTOP} pages not looked up (MAX_VTOP {MAX_VTOP})\n"
    addr = symbol(Path(zimage).parent / "System.map", "mem_map")
    if addr is not None:
        out["mem_map"] = f"System.map: {addr:08x} B mem_map\n" + sh.run(f"peek {addr:#x}")
    return "".join(frames.frame(name, body) for name, body in out.items())


def collect_linux(board, mem, refresh=False, log=print):
    """The Linux reference of board/mem (booted once, then cached) as
    (dumps.txt text, console transcript, Reference)."""
    try:
        ref = linux_ref.ensure(board, mem, refresh, log=log)
    except linux_ref.RefError as e:
        raise CollectError(f"Linux reference run: {e}") from e
    text = (ref.dir / "dumps.txt").read_text()
    return text, (ref.dir / "console.log").read_text(), ref


def linux_tables(ref):
    """(pgd words, read_page) of the Linux reference's swapper_pg_dir."""
    pgd = ptd.words((ref.dir / "pgd.bin").read_bytes())
    return pgd, ptd.PageDir(str(ref.dir / "pages"))
