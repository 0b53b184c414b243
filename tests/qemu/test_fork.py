"""fork and copy on write at the console (kernel/fork.c kernel_clone,
dup_mmap; mm/memory_fork.c copy_page_range; mm/memory.c do_wp_page;
kernel/exit.c wait4; kernel/shell_jobs.c with a job that forks), driven by
/bin/forktouch N W R (usr/forktouch.c): N anonymous pages written, fork,
the parent writes page N-1 (a copy on its side); the child stops, writes
pages [0, W) (copies), reads [W, W+R), stops, exits 42; the parent stops
whenever the child does (wait4 WUNTRACED) and exits with its status.

Checked at each stop, in /proc of both: which of the mmap's pages are
shared (mapcount 2: Shared_Dirty, Pss halved) and which private, the
child's young bits and fault counts, that RssAnon agrees with smaps; then
the statuses, the reaping of the child by its parent (or by the console
once the parent is killed), and that every page comes back."""

import re

import pytest

N, W, R = 8, 3, 2
CMD = f"/bin/forktouch {N} {W} {R}"
KB = 4                                  # one page


@pytest.fixture
def con(boot, board):
    c = boot(board, mem="512M" if board == "vexpress-a9" else "1G", bootargs="console=ttyAMA0")
    c.run("help")
    return c


def smaps_vma(text, start):
    """{field: kB} of the smaps block of the VMA that starts at start."""
    blocks = re.split(r"^(?=[0-9a-f]{8}-[0-9a-f]{8} )", text, flags=re.M)
    for b in blocks:
        if b.startswith(f"{start:08x}-"):
            return {k: int(v) for k, v in re.findall(r"^(\w+):\s+(\d+) kB$", b, re.M)}
    raise AssertionError(f"no VMA at {start:#x} in smaps:\n{text}")


def smaps_total(text, field):
    return sum(int(v) for v in re.findall(rf"^{field}:\s+(\d+) kB$", text, re.M))


def status(con, pid):
    out = con.run(f"cat /proc/{pid}/status")
    return {k: v.strip() for k, v in re.findall(r"^(\w+):\t(.*)$", out, re.M)}


def minflt(con, pid):
    """Field 10 of /proc/<pid>/stat (the comm has no spaces here)."""
    return int(con.run(f"cat /proc/{pid}/stat").split()[9])


def vmstat(con, name):
    return int(re.search(rf"^{name} (\d+)$", con.run("cat /proc/vmstat"), re.M)[1])


def mem_free(con):
    return int(re.search(r"^MemFree:\s+(\d+) kB$", con.run("cat /proc/meminfo"), re.M)[1])


def check_rss(con, pid):
    """status' RssAnon is what smaps counts as Anonymous, VmRSS the sum."""
    st = status(con, pid)
    smaps = con.run(f"cat /proc/{pid}/smaps")
    anon, file_, shmem = (int(st[k].split()[0]) for k in ("RssAnon", "RssFile", "RssShmem"))
    assert anon == smaps_total(smaps, "Anonymous"), (st, smaps)
    assert int(st["VmRSS"].split()[0]) == anon + file_ + shmem == smaps_total(smaps, "Rss")
    return st, smaps


def start(con, cmd=CMD):
    """Run forktouch to the child's first stop: (parent pid, child pid, mmap address)."""
    out = con.run(cmd)
    m = re.search(r"^forktouch: mmap=0x([0-9a-f]+)$", out, re.M)
    c = re.search(r"^forktouch: child (\d+) stopped$", out, re.M)
    p = re.search(rf"^\[(\d+)\] Stopped  {re.escape(cmd)}$", out, re.M)
    assert m and c and p, out
    return int(p[1]), int(c[1]), int(m[1], 16)


def test_forktouch_shared_then_private(con):
    """Expect at the first stop the mmap's pages shared by parent and child
    (28 kB Shared_Dirty each, Pss halved) except page N-1, which the
    parent copied; the child's PTEs old (nothing Referenced) and its
    parent the program. At the second stop the W pages the child wrote are
    private on both sides, the R it read Referenced in the child, with at
    least W + R more faults there and none in the stopped parent. Then exit
    42 from both, the child reaped by its parent, and MemFree as before."""
    con.run(CMD)                                    # warm up: page cache, slabs
    con.run("fg")
    con.run("fg")
    free = mem_free(con)

    parent, child, addr = start(con)
    assert child == parent + 1
    jobs = con.run("jobs")
    assert f"[{parent}] Stopped  {CMD}" in jobs and f"[{child}] Stopped  {CMD}" in jobs
    pst, psm = check_rss(con, parent)
    cst, csm = check_rss(con, child)
    assert pst["State"].startswith("T") and cst["State"].startswith("T")
    assert cst["PPid"] == str(parent) and pst["PPid"] == "0"
    p, c = smaps_vma(psm, addr), smaps_vma(csm, addr)
    shared = (N - 1) * KB
    for v in (p, c):
        assert v["Rss"] == v["Anonymous"] == N * KB, v
        assert v["Shared_Dirty"] == shared and v["Private_Dirty"] == KB, v
        assert v["Pss"] == shared // 2 + KB, v
    assert p["Referenced"] == N * KB and c["Referenced"] == 0, (p, c)
    pflt1, cflt1 = minflt(con, parent), minflt(con, child)
    assert cflt1 > 0
    reuse = vmstat(con, "pgreuse")

    out = con.run(f"fg {parent}")
    assert f"forktouch: child {child} stopped" in out and f"[{parent}] Stopped  {CMD}" in out, out
    psm, csm = check_rss(con, parent)[1], check_rss(con, child)[1]
    p, c = smaps_vma(psm, addr), smaps_vma(csm, addr)
    shared = (N - 1 - W) * KB
    for v in (p, c):
        assert v["Rss"] == N * KB, v
        assert v["Shared_Dirty"] == shared and v["Private_Dirty"] == (W + 1) * KB, v
    assert c["Referenced"] == (W + R) * KB, c
    assert minflt(con, child) - cflt1 >= W + R
    assert minflt(con, parent) == pflt1

    out = con.run(f"fg {parent}")
    assert "forktouch: child exit 42" in out, out
    # the parent's last two writes hit pages only it maps now: reused, not
    # copied (and the child's stack page, which the parent copied away)
    assert vmstat(con, "pgreuse") >= reuse + 2
    assert re.search(rf"^\[{parent}\] Exit 42  {re.escape(CMD)}$", out, re.M), out
    assert f"[{child}]" not in out                  # its parent reaped it
    assert "No such file" in con.run(f"cat /proc/{child}/status")
    assert con.run("jobs").strip() == ""
    assert mem_free(con) == free


def test_forktouch_orphan_reaped_by_console(con):
    """Expect: the parent killed at the first stop, its stopped child is
    reparented to the console (PPid 0), runs on with fg, stops as a job of
    its own and ends with '[<child>] Exit 42'; every page comes back."""
    con.run(CMD)
    con.run("fg")
    con.run("fg")
    free = mem_free(con)
    parent, child, addr = start(con)
    out = con.run(f"kill -9 {parent}")
    assert re.search(rf"^\[{parent}\] Killed  {re.escape(CMD)}$", out, re.M), out
    st, smaps = check_rss(con, child)
    assert st["PPid"] == "0" and st["State"].startswith("T")
    v = smaps_vma(smaps, addr)
    assert v["Shared_Dirty"] == 0 and v["Private_Dirty"] == N * KB, v   # the parent's gone
    out = con.run(f"fg {child}")
    assert re.search(rf"^\[{child}\] Stopped  {re.escape(CMD)}$", out, re.M), out
    out = con.run(f"fg {child}")
    assert re.search(rf"^\[{child}\] Exit 42  {re.escape(CMD)}$", out, re.M), out
    assert mem_free(con) == free


def test_forktouch_bad_arguments(con):
    """Expect the argument check's message and exit 2, and no child."""
    out = con.run("/bin/forktouch 8 8")
    assert "forktouch: argument 2 must be 0..7" in out
    assert re.search(r"^\[\d+\] Exit 2  /bin/forktouch 8 8$", out, re.M), out
    assert con.run("jobs").strip() == ""


def test_forktouch_vfork_wait4_clone(con):
    """Expect vfork's child to run while its parent sleeps and exit 7,
    wait4 to return its pid with status 0x700, a second wait4 (WNOHANG) to
    find no child (-ECHILD), clone with CLONE_THREAD to be refused
    (-EINVAL), and the program to exit 7."""
    out = con.run("/bin/forktouch vfork")
    m = re.search(r"^forktouch: vfork child (\d+): wait4 (\d+) status 0x700$", out, re.M)
    assert m and m[1] == m[2], out
    assert "forktouch: wait4 again: -10" in out
    assert "forktouch: clone(CLONE_THREAD): -22" in out
    assert re.search(r"^\[\d+\] Exit 7  /bin/forktouch vfork$", out, re.M), out
    assert f"[{m[1]}]" not in out
    assert con.run("jobs").strip() == ""


def test_forktouch_child_killed(con):
    """Expect: the child killed (kill -9) while both are stopped dies at
    once, a zombie its stopped parent reaps when continued: wait4's status
    says signal 9, the parent exits 1; no page is left behind."""
    con.run(CMD)
    con.run("fg")
    con.run("fg")
    free = mem_free(con)
    parent, child, addr = start(con)
    out = con.run(f"kill -9 {child}")
    assert re.search(rf"^\[{parent}\] Stopped  {re.escape(CMD)}$", out, re.M), out
    assert f"[{child}]" not in out                  # not the console's to reap
    assert status(con, child)["State"].startswith("Z")
    out = con.run(f"fg {parent}")
    assert "forktouch: child killed by signal 9" in out, out
    assert re.search(rf"^\[{parent}\] Exit 1  {re.escape(CMD)}$", out, re.M), out
    assert "No such file" in con.run(f"cat /proc/{child}/status")
    assert mem_free(con) == free
