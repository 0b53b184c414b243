"""Processes at the console (kernel/shell_jobs.c, kernel/fork.c,
kernel/exit.c, kernel/signal.c, kernel/sched/core.c, entry-armv.S and
entry-common.S): a program runs from the archive with its arguments,
stops itself with kill(getpid(), SIGSTOP) and is continued by fg or
kill -CONT, is killed by kill -9, exits with a status the console
reports, and dies of its own faults with Linux's report and the
signal's strsignal text; the console answers after each."""

import re
import struct
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]
USR = TOP / "build" / "usr"

STATUS_RE = r"^\[\d+\] "          # the console's status lines: "[<pid>] ..."
FAULT_RE = r"fault: unhandled page fault \(11\) at 0x([0-9a-f]{8}), code 0x[0-9a-f]{3}"


def elf_entry_and_phdr(path):
    """e_entry and the address of the program headers (AT_PHDR: the PT_LOAD
    that holds file offset e_phoff), read from the ELF file itself."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 1, f"{path}: not ELF32"
    e_entry, e_phoff = struct.unpack_from("<II", data, 24)
    e_phentsize, e_phnum = struct.unpack_from("<HH", data, 42)
    for i in range(e_phnum):
        p_type, p_offset, p_vaddr, _, p_filesz = struct.unpack_from(
            "<IIIII", data, e_phoff + i * e_phentsize)
        if p_type == 1 and p_offset <= e_phoff < p_offset + p_filesz:
            return e_entry, p_vaddr + e_phoff - p_offset
    raise AssertionError(f"{path}: no PT_LOAD holds the program headers")


def prog(name):
    for p in (USR / name, USR / "bin" / name):
        if p.is_file():
            return p
    pytest.skip(f"no {name} under {USR}")


@pytest.fixture
def con(boot, board):
    c = boot(board, mem="512M" if board == "vexpress-a9" else "1G", bootargs="console=ttyAMA0")
    c.run("help")
    return c


def test_hello_arguments_environment_auxv(con):
    """Expect argc/argv as typed, the console's two environment strings, and
    an auxv whose AT_ENTRY/AT_PHDR match the ELF file; exit 0 prints no
    status line, the prompt comes back and jobs is empty."""
    out = con.run("/bin/hello one two3")
    lines = out.strip().split("\n")
    assert lines[:6] == ["hello: argc=3", "argv[0]=/bin/hello", "argv[1]=one",
                         "argv[2]=two3", "envp[0]=HOME=/", "envp[1]=TERM=linux"], out
    m = re.search(r"^auxv: AT_PAGESZ=(\d+) AT_PHDR=0x([0-9a-f]+) AT_ENTRY=0x([0-9a-f]+) "
                  r"AT_RANDOM=0x([0-9a-f]+)$", out, re.M)
    assert m, out
    entry, phdr = elf_entry_and_phdr(prog("hello"))
    assert int(m[1]) == 4096
    assert int(m[3], 16) == entry and int(m[2], 16) == phdr
    assert 0x10000 < int(m[4], 16) < 0xbf000000          # on the user stack
    assert not re.search(STATUS_RE, out, re.M), out     # exit 0: no status line
    assert con.run("jobs").strip() == ""


def test_exit_status_and_pids(con):
    """Expect '[<pid>] Exit <n>  <cmdline>' for a non-zero exit, pids
    counting up from 1, and the console usable in between."""
    out = con.run("/bin/hello exit 3")
    assert re.search(r"^\[1\] Exit 3  /bin/hello exit 3$", out, re.M), out
    out = con.run("/bin/hello exit 255")
    assert re.search(r"^\[2\] Exit 255  /bin/hello exit 255$", out, re.M), out
    out = con.run("/bin/hello exit 0")
    assert "Exit" not in out and "hello: argc=3" in out


def test_stop_jobs_fg_cont_kill(con):
    """memtouch stops itself twice: jobs lists it, fg continues it to the
    next stop, kill -CONT to its end (exit 0: no line); a second one is
    killed while stopped by kill -9 ('Killed'); jobs is empty again."""
    out = con.run("/bin/memtouch", timeout=60)
    assert "memtouch: stop 1" in out
    assert re.search(r"^\[1\] Stopped  /bin/memtouch$", out, re.M), out
    assert con.run("jobs").strip() == "[1] Stopped  /bin/memtouch"
    out = con.run("fg")
    assert out.split("\n")[0] == "/bin/memtouch"            # fg echoes the job
    assert "memtouch: stop 2" in out and "[1] Stopped  /bin/memtouch" in out
    out = con.run("kill -CONT 1")
    assert "memtouch: done" in out and not re.search(STATUS_RE, out, re.M), out
    assert con.run("jobs").strip() == ""
    out = con.run("/bin/memtouch 2 1 1 1")
    assert "[2] Stopped  /bin/memtouch 2 1 1 1" in out
    assert con.run("kill -STOP 2").strip() == ""             # already stopped
    assert con.run("kill -9 2").strip() == "[2] Killed  /bin/memtouch 2 1 1 1"
    assert con.run("jobs").strip() == ""
    assert con.run("fg").strip() == "fg: current: no such job"
    assert con.run("kill -9 2").strip() == "kill: (2) - No such process"


def test_signal_to_stopped_waits_for_cont(con):
    """A fatal signal other than SIGKILL stays pending on a stopped task (as
    in Linux) and kills it once it is continued."""
    out = con.run("/bin/zero")
    assert re.search(r"^zero: read 0 at 0x[0-9a-f]+$", out, re.M), out
    assert con.run("kill -SEGV 1").strip() == ""
    assert con.run("jobs").strip() == "[1] Stopped  /bin/zero"
    out = con.run("fg 1")
    assert "[1] Segmentation fault  /bin/zero" in out and "zero: wrote" not in out


@pytest.mark.parametrize("kind", ["null", "unmapped", "write-text", "exec-data", "stack"])
def test_fault_segv(con, kind):
    """Each bad access gets Linux's unhandled-page-fault report and the
    process dies of SIGSEGV; the console then runs the next program."""
    con.allow("Unable to handle", "abort")
    out = con.run(f"/bin/fault {kind}", timeout=60)
    m = re.search(FAULT_RE, out)
    assert m, out
    if kind == "null":
        assert int(m[1], 16) == 0
    if kind == "unmapped":
        assert int(m[1], 16) == 0x40000000
    assert re.search(rf"^\[1\] Segmentation fault  /bin/fault {kind}$", out, re.M), out
    assert "fault: " not in out.replace("fault: unhandled", "")  # it did not come back
    assert "hello: argc=1" in con.run("/bin/hello")


def test_fault_undef_sigill(con):
    """An undefined instruction in user mode is SIGILL, not a kernel oops."""
    out = con.run("/bin/fault undef")
    assert re.search(r"^\[1\] Illegal instruction  /bin/fault undef$", out, re.M), out
    assert "Internal error" not in out
    assert "hello: argc=1" in con.run("/bin/hello")


def test_fault_efault(con):
    """write() from an unmapped buffer returns -EFAULT through the exception
    table instead of killing anything; the program exits 0."""
    out = con.run("/bin/fault efault")
    assert "fault: write returned -14" in out and not re.search(STATUS_RE, out, re.M), out


def test_fault_nosys(con):
    """A system call armmm (and Linux) has no function for returns -ENOSYS
    (sys_ni_syscall); the program goes on and exits 0."""
    out = con.run("/bin/fault nosys")
    assert "fault: syscall 17 returned -38" in out and not re.search(STATUS_RE, out, re.M), out


def test_unknown_program(con):
    """A path not in the archive gets the shell's message; the console goes on."""
    assert con.run("/bin/nonexistent").strip() == \
        "/bin/nonexistent: No such file or directory"
    out = con.run("/bin/hello exit 1")
    assert re.search(r"^\[\d+\] Exit 1  /bin/hello exit 1$", out, re.M), out


def test_zero_continued_twice(con):
    """zero stops after its read and after its write: two fg's take it
    through both, at the same address, to a clean exit."""
    out = con.run("/bin/zero")
    addr = re.search(r"^zero: read 0 at (0x[0-9a-f]+)$", out, re.M)[1]
    assert "[1] Stopped  /bin/zero" in out
    out = con.run("fg 1")
    assert f"zero: wrote 1 at {addr}" in out and "[1] Stopped  /bin/zero" in out
    out = con.run("fg 1")
    assert not re.search(STATUS_RE, out, re.M) and con.run("jobs").strip() == ""


def test_kill_arguments(con):
    """kill's default is SIGTERM (pending on a stopped process until it is
    continued, then 'Terminated'); bad signals and pids get the shell's
    messages and change nothing."""
    con.allow("Error:")
    assert "[1] Stopped  /bin/zero" in con.run("/bin/zero")
    assert con.run("kill -FOO 1").strip() == "kill: -FOO: invalid signal specification"
    assert con.run("kill 7").strip() == "kill: (7) - No such process"
    assert con.run("fg 7").strip() == "fg: 7: no such job"
    assert con.run("kill 1").strip() == ""
    assert con.run("jobs").strip() == "[1] Stopped  /bin/zero"
    assert con.run("kill -CONT 1").strip() == "[1] Terminated  /bin/zero"
    assert con.run("jobs").strip() == ""


PS_RE = re.compile(r"^ +(\d+) ([RTZ]) (\S+) +(\S+) +(\S+) +([0-9a-f]{8}) +(\d+)$", re.M)


def test_ps_kernel_thread_has_no_mm(boot, zimage):
    """`ps`: the console task is a kernel thread (mm NULL, shown in
    brackets, running on init_mm's swapper_pg_dir with ASID 0); each
    stopped process has its own mm, pgd and ASID, all different."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    con.run("STOP_AT=start /bin/hello")
    con.run("STOP_AT=start /bin/memtouch")
    rows = PS_RE.findall(con.run("ps"))
    assert [r[:3] for r in rows] == [("0", "R", "[swapper/0]"), ("1", "T", "hello"),
                                     ("2", "T", "memtouch")], rows
    swapper = rows[0]
    sysmap = {f[2]: int(f[0], 16) for f in
              (ln.split() for ln in (zimage.parent / "System.map").read_text().splitlines())
              if len(f) == 3}
    assert swapper[3:5] == ("-", "init_mm") and swapper[6] == "0"
    assert int(swapper[5], 16) == sysmap["swapper_pg_dir"]
    for pid, _, _, mm, active, pgd, asid in rows[1:]:
        assert mm == active != "-" and int(asid) > 0
        text = con.run(f"vtop {pid} 10000")
        assert f"of mm pgd 0x{pgd}" in text, text
    assert len({r[3] for r in rows[1:]}) == len({r[5] for r in rows[1:]}) == \
        len({r[6] for r in rows[1:]}) == 2
    con.run("fg 1")
    con.run("fg 2")
