"""The user programs (usr/, usr/Makefile) and the archive generator
(scripts/gen_initramfs), on the host, no QEMU system needed:

 - each program is a static ARM EABI5 ET_EXEC entered at _start, with two
   PT_LOADs at page-aligned offsets (headers+text R E at 0x10000, data+bss
   RW) and a PT_GNU_STACK without X; memtouch's .data array is 2-page
   aligned, 2 pages, file-backed and not zero;
 - each runs under qemu-arm (Linux's user ABI: the initial stack, the
   syscalls, SIGSTOP/SIGCONT) and prints exactly the lines of
   /work/plan12-common.md "The programs"; the fault kinds die of the
   signal they should;
 - gen_initramfs writes a deterministic, sorted newc archive, and
   `make USR_EXTRA=...` adds a file to /bin and drops it again when
   USR_EXTRA changes back.
The programs are built into a temporary O= directory, from the sources.
"""

import os
import re
import resource
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]
PROGS = ["hello", "memtouch", "zero", "fault", "spread", "forktouch"]
ENV = {"HOME": "/", "TERM": "linux"}
QEMU_ARM = shutil.which("qemu-arm")
READELF = "arm-none-eabi-readelf"
NM = "arm-none-eabi-nm"
sys.path.insert(0, str(TOP / "tests" / "qemu"))
from test_initramfs import archive_paths  # noqa: E402  the independent newc reader


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    o = tmp_path_factory.mktemp("o")
    r = subprocess.run(["make", "-s", "-C", str(TOP), f"O={o}", "usr-progs"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    return o


def prog(out, name):
    return str(out / "usr" / name)


def symbol(path, name):
    r = subprocess.run([NM, "-S", path], capture_output=True, text=True, check=True)
    for line in r.stdout.splitlines():
        w = line.split()
        if w[-1] == name:
            return int(w[0], 16), (int(w[1], 16) if len(w) == 4 else None)
    raise AssertionError(f"{name} not in {path}")


# ---- the ELF files ------------------------------------------------------------

@pytest.mark.parametrize("name", PROGS)
def test_elf_layout(out, name):
    """Expect EABI5 ET_EXEC, entry = _start, LOAD 0 at offset 0 vaddr 0x10000
    R E, LOAD 1 RW page aligned, GNU_STACK RW (no E), nothing else loaded."""
    path = prog(out, name)
    r = subprocess.run([READELF, "-lhW", path], capture_output=True, text=True, check=True)
    h = r.stdout
    assert re.search(r"Class:\s+ELF32", h) and re.search(r"Machine:\s+ARM", h)
    assert re.search(r"Type:\s+EXEC", h)
    assert "Version5 EABI" in h and "soft-float ABI" in h
    entry = int(re.search(r"Entry point address:\s+0x([0-9a-f]+)", h)[1], 16)
    assert entry == symbol(path, "_start")[0]
    phdrs = re.findall(r"^\s+(LOAD|GNU_STACK|\w+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+0x[0-9a-f]+"
                       r"\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+([RWE ]+?)\s+0x", h, re.M)
    kinds = [p[0] for p in phdrs]
    assert kinds == ["LOAD", "LOAD", "GNU_STACK"], phdrs
    (_, off0, va0, fs0, _, fl0), (_, off1, va1, _, _, fl1), (_, _, _, _, _, fls) = phdrs
    assert (int(off0, 16), int(va0, 16), fl0.strip()) == (0, 0x10000, "R E")
    assert fl1.strip() == "RW" and int(off1, 16) % 4096 == 0 and int(va1, 16) % 4096 == 0
    assert int(va1, 16) >= int(va0, 16) + int(fs0, 16)
    assert fls.strip() == "RW"


def test_memtouch_data_array_is_file_backed(out):
    """Expect data_pages 8 KiB, 8 KiB aligned, inside the RW LOAD's file
    part, and its first byte non-zero in the file."""
    path = prog(out, "memtouch")
    addr, size = symbol(path, "data_pages")
    assert size == 8192 and addr % 8192 == 0
    r = subprocess.run([READELF, "-lW", path], capture_output=True, text=True, check=True)
    off, va, fs = next((int(m[1], 16), int(m[2], 16), int(m[3], 16)) for m in re.finditer(
        r"LOAD\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s+0x[0-9a-f]+\s+RW",
        r.stdout))
    assert va <= addr and addr + size <= va + fs
    assert Path(path).read_bytes()[off + addr - va] != 0


# ---- running them under qemu-arm -----------------------------------------------

needs_qemu = pytest.mark.skipif(QEMU_ARM is None, reason="qemu-arm (qemu-user) not installed")


def no_core():
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


class Proc:
    """A program under qemu-arm whose output is read at each stop."""

    def __init__(self, out, name, *args):
        self.p = subprocess.Popen([QEMU_ARM, prog(out, name), *args], stdout=subprocess.PIPE,
                                  env=ENV, preexec_fn=no_core)
        self.fd = self.p.stdout.fileno()

    def _drain(self, timeout):
        data = b""
        while select.select([self.fd], [], [], timeout)[0]:
            chunk = os.read(self.fd, 4096)
            if not chunk:
                break
            data += chunk
            timeout = 0.2
        return data.decode()

    def until_stop(self, timeout=20):
        """The output up to the next SIGSTOP (fails if it exits instead)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, status = os.waitpid(self.p.pid, os.WUNTRACED | os.WNOHANG)
            if pid:
                assert os.WIFSTOPPED(status), f"exited/died ({status:#x}), not stopped"
                return self._drain(0.5)
            time.sleep(0.02)
        self.p.kill()
        raise AssertionError("no stop within the timeout")

    def cont(self):
        os.kill(self.p.pid, signal.SIGCONT)

    def finish(self, timeout=20):
        rest = self._drain(timeout)
        return rest, self.p.wait(timeout)


@needs_qemu
def test_hello_prints_its_stack(out):
    """Expect argc, every argv and envp string, and the auxv values Linux's
    loader put there: AT_PHDR = 0x10000 + e_phoff, AT_ENTRY = _start."""
    r = subprocess.run([QEMU_ARM, prog(out, "hello"), "a", "b c"], capture_output=True,
                       text=True, env=ENV, timeout=30)
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert lines[:4] == ["hello: argc=3", f"argv[0]={prog(out, 'hello')}", "argv[1]=a",
                         "argv[2]=b c"]
    assert sorted(lines[4:6]) == ["envp[0]=HOME=/", "envp[1]=TERM=linux"] or \
        sorted(lines[4:6]) == ["envp[0]=TERM=linux", "envp[1]=HOME=/"]
    m = re.fullmatch(r"auxv: AT_PAGESZ=4096 AT_PHDR=0x([0-9a-f]+) AT_ENTRY=0x([0-9a-f]+) "
                     r"AT_RANDOM=0x([0-9a-f]+)", lines[6])
    assert m and len(lines) == 7, r.stdout
    assert int(m[1], 16) == 0x10034
    assert int(m[2], 16) == symbol(prog(out, "hello"), "_start")[0]
    assert int(m[3], 16) > 0x10000


@needs_qemu
@pytest.mark.parametrize("code", ["0", "7", "255"])
def test_hello_exit_status(out, code):
    """Expect `hello exit <n>` to exit with n after its usual lines."""
    r = subprocess.run([QEMU_ARM, prog(out, "hello"), "exit", code], capture_output=True,
                       text=True, env=ENV, timeout=30)
    assert r.returncode == int(code) and r.stdout.startswith("hello: argc=3\n")


@needs_qemu
@pytest.mark.parametrize("args", [[], ["2", "3", "1", "8"]])
def test_memtouch_three_steps(out, args):
    """Expect the addresses line (mmap and heap page aligned, data =
    data_pages, the stack page below), stop 1, stop 2, done, exit 0."""
    p = Proc(out, "memtouch", *args)
    first = p.until_stop()
    m = re.fullmatch(r"memtouch: mmap=0x([0-9a-f]+) heap=0x([0-9a-f]+) data=0x([0-9a-f]+) "
                     r"stack=0x([0-9a-f]+)\nmemtouch: stop 1\n", first)
    assert m, first
    mmap, heap, data, stack = (int(m[i], 16) for i in range(1, 5))
    addr, size = symbol(prog(out, "memtouch"), "data_pages")
    assert data == addr
    assert mmap % 4096 == 0 and heap % 4096 == 0 and stack % 4096 == 0
    assert heap >= addr + size and stack > mmap
    p.cont()
    assert p.until_stop() == "memtouch: stop 2\n"
    p.cont()
    assert p.finish() == ("memtouch: done\n", 0)


@needs_qemu
def test_memtouch_rejects_bad_arguments(out):
    """Expect exit 2 and a message for a non-number and for R+W > 16."""
    for args, msg in ((["x"], "memtouch: bad number x"),
                      (["8", "9"], "memtouch: argument 2 must be 0..8")):
        r = subprocess.run([QEMU_ARM, prog(out, "memtouch"), *args], capture_output=True,
                           text=True, env=ENV, timeout=30)
        assert (r.returncode, r.stdout.strip()) == (2, msg)


@needs_qemu
def test_zero_reads_then_writes(out):
    """Expect `read 0` then `wrote 1` at the same page-aligned address."""
    p = Proc(out, "zero")
    m = re.fullmatch(r"zero: read 0 at 0x([0-9a-f]+)\n", p.until_stop())
    assert m and int(m[1], 16) % 4096 == 0
    p.cont()
    assert p.until_stop() == f"zero: wrote 1 at 0x{m[1]}\n"
    p.cont()
    assert p.finish() == ("", 0)


@needs_qemu
def test_spread(out):
    """Expect `spread: 5 regions at 0x<a>` and exit 0 once continued."""
    p = Proc(out, "spread", "5")
    assert re.fullmatch(r"spread: 5 regions at 0x[0-9a-f]+\n", p.until_stop())
    p.cont()
    assert p.finish() == ("", 0)


@needs_qemu
def test_forktouch_mirrors_the_childs_stops(out):
    """Under Linux's ABI (qemu-arm forks a host process): expect the mmap
    line, the parent stopped after "child <pid> stopped" twice (wait4
    WUNTRACED sees each of the child's stops), then the child's exit 42
    reported and returned; the child's writes never reached the parent."""
    p = Proc(out, "forktouch", "6", "2", "2")
    first = p.until_stop()
    m = re.fullmatch(r"forktouch: mmap=0x([0-9a-f]+)\nforktouch: child (\d+) stopped\n", first)
    assert m and int(m[1], 16) % 4096 == 0, first
    p.cont()
    assert p.until_stop() == f"forktouch: child {m[2]} stopped\n"
    p.cont()
    assert p.finish() == ("forktouch: child exit 42\n", 42)


@needs_qemu
@pytest.mark.parametrize("kind,sig", [("null", signal.SIGSEGV), ("write-text", signal.SIGSEGV),
                                      ("exec-data", signal.SIGSEGV), ("stack", signal.SIGSEGV),
                                      ("unmapped", signal.SIGSEGV), ("undef", signal.SIGILL)])
def test_fault_kinds_die(out, kind, sig):
    """Expect each bad access to kill the program with its signal, before it
    prints anything."""
    r = subprocess.run([QEMU_ARM, prog(out, "fault"), kind], capture_output=True, text=True,
                       env=ENV, timeout=60, preexec_fn=no_core)
    assert (r.returncode, r.stdout) == (-sig, "")


@needs_qemu
def test_fault_efault_and_usage(out):
    """Expect write(1, 1, 8) to return -14 (EFAULT) and exit 0; an unknown
    kind to print the usage and exit 2."""
    r = subprocess.run([QEMU_ARM, prog(out, "fault"), "efault"], capture_output=True,
                       text=True, env=ENV, timeout=30)
    assert (r.returncode, r.stdout) == (0, "fault: write returned -14\n")
    # qemu-arm follows Linux's syscall table: 17 is sys_ni_syscall there
    r = subprocess.run([QEMU_ARM, prog(out, "fault"), "nosys"], capture_output=True,
                       text=True, env=ENV, timeout=30)
    assert (r.returncode, r.stdout) == (0, "fault: syscall 17 returned -38\n")
    r = subprocess.run([QEMU_ARM, prog(out, "fault"), "nope"], capture_output=True,
                       text=True, env=ENV, timeout=30)
    assert r.returncode == 2 and r.stdout.startswith("usage: fault ")


# ---- the archive -------------------------------------------------------------------

GEN = [sys.executable, str(TOP / "scripts" / "gen_initramfs")]


def test_gen_initramfs_sorted_deterministic(tmp_path):
    """Expect directories before their contents, sorted paths, parents
    added, the same bytes twice, 512-byte length, mtime/uid/gid 0, each
    file's bytes in place, and clear errors for bad entries."""
    (tmp_path / "b").write_bytes(b"BBB")
    (tmp_path / "a").write_bytes(b"A" * 5)
    args = ["--file", "/bin/zz", str(tmp_path / "b"), "0755",
            "--file", "/bin/a", str(tmp_path / "a"), "0700", "--dir", "/etc", "0750"]
    for n in (1, 2):
        assert subprocess.run(GEN + ["-o", str(tmp_path / f"{n}.cpio")] + args).returncode == 0
    data = (tmp_path / "1.cpio").read_bytes()
    assert data == (tmp_path / "2.cpio").read_bytes() and len(data) % 512 == 0
    assert archive_paths(data) == [("/bin", 0o40755), ("/bin/a", 0o100700),
                                   ("/bin/zz", 0o100755), ("/etc", 0o40750)]
    pos = 0
    while (pos := data.find(b"070701", pos)) >= 0:
        hdr = data[pos:pos + 110]
        assert hdr[6 + 16:6 + 32] == b"0" * 16      # uid, gid
        assert hdr[6 + 40:6 + 48] == b"0" * 8       # mtime
        pos += 110
    assert b"BBB" in data and b"AAAAA" in data
    bad = subprocess.run(GEN + ["-o", str(tmp_path / "x.cpio"), "--file", "/bin/a",
                                str(tmp_path / "a"), "0755", "--file", "bin/a",
                                str(tmp_path / "b"), "0755"], capture_output=True, text=True)
    assert bad.returncode == 1 and "given twice" in bad.stderr
    bad = subprocess.run(GEN + ["-o", str(tmp_path / "x.cpio"), "--file", "/bin/a",
                                str(tmp_path / "missing"), "0755"], capture_output=True, text=True)
    assert bad.returncode == 1 and "missing" in bad.stderr


def test_usr_extra_adds_and_removes(out, tmp_path):
    """Expect `make USR_EXTRA=<file>` to put /bin/<name> in the archive with
    the file's bytes, and a plain make afterwards to rebuild without it."""
    extra = tmp_path / "mine"
    extra.write_bytes(b"\x7fELF not really")
    cpio = out / "usr" / "initramfs.cpio"

    def build(*a):
        r = subprocess.run(["make", "-s", "-C", str(TOP), f"O={out}", str(cpio), *a],
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stdout + r.stderr
        return [p for p, _ in archive_paths(cpio.read_bytes())]

    plain = build()
    assert plain == ["/bin"] + sorted(f"/bin/{p}" for p in PROGS)
    with_extra = build(f"USR_EXTRA={extra}")
    assert with_extra == ["/bin"] + sorted(f"/bin/{p}" for p in PROGS + ["mine"])
    assert b"\x7fELF not really" in cpio.read_bytes()
    assert build() == plain
