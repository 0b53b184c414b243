"""User memory as /proc shows it (fs/proc/task_mmu.c, array.c, base.c,
mm/pagewalk.c, mm/vmstat.c /proc/vmstat, the echo command, vtop/ptepage
with a pid): the programs of usr/ touch pages in a known pattern and stop
themselves; every expected number below follows from Linux's fault rules
and the program's own description, never from an earlier run:

  - a read of an untouched anonymous page maps the zero page: 1 fault,
    no RSS (vm_normal_page() is NULL for it, smaps does not count it);
  - a write to an untouched anonymous page: 1 fault, 1 anon page;
  - a write to a zero-page PTE: 1 fault (do_wp_page), 1 anon page;
  - clear_refs 1 makes every PTE of a normal page old, so the next access
    to it takes exactly one (young) fault and makes it Referenced again;
    a zero-page PTE is not touched by clear_refs (vm_normal_page NULL);
  - the archive is Linux's tmpfs rootfs: its pages are shmem pages,
    PageDirty from the start (RssShmem, *_Dirty in smaps).
"""

import re

import pytest

MEMTOUCH_RE = (r"memtouch: mmap=0x([0-9a-f]+) heap=0x([0-9a-f]+) data=0x([0-9a-f]+) "
               r"stack=0x([0-9a-f]+)")
PAGE = 4096


@pytest.fixture
def con(boot):
    c = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    c.run("help")
    return c


# ---- reading the files --------------------------------------------------------

def status(con, pid):
    out = con.run(f"cat /proc/{pid}/status")
    return {k: v.strip() for k, v in re.findall(r"^(\w+):\t(.*)$", out, re.M)}


def kb(status_value):
    m = re.fullmatch(r"\s*(\d+) kB", status_value)
    assert m, status_value
    return int(m[1])


def stat_fields(con, pid):
    out = con.run(f"cat /proc/{pid}/stat").strip()
    m = re.fullmatch(r"(\d+) \((.*)\) (\S.*)", out)
    assert m, out
    # fields numbered as in proc(5): 1 pid, 2 comm, 3 state, ...
    return [m[1], m[2]] + m[3].split(" ")


def minflt(con, pid):
    """minflt + majflt (fields 10 and 12): a first touch of an archive page
    may be counted major here (it is copied from the archive) where
    Linux's tmpfs counts it minor; the sum is the same in both kernels."""
    f = stat_fields(con, pid)
    assert len(f) == 52, f
    return int(f[9]) + int(f[11])


def pgfault(con):
    out = con.run("cat /proc/vmstat")
    m = re.search(r"^pgfault (\d+)$", out, re.M)
    assert m, out
    return int(m[1])


SMAPS_HDR = re.compile(r"^([0-9a-f]{8})-([0-9a-f]{8}) ([r-][w-][x-][ps]) ([0-9a-f]{8}) "
                       r"([0-9a-f]{2}:[0-9a-f]{2}) (\d+) ?(.*)$")


def smaps(con, pid):
    """[{start, end, perms, name, <field>: kB, 'VmFlags': str}] in order."""
    vmas = []
    for line in con.run(f"cat /proc/{pid}/smaps").split("\n"):
        m = SMAPS_HDR.match(line)
        if m:
            vmas.append({"start": int(m[1], 16), "end": int(m[2], 16), "perms": m[3],
                         "name": m[7].strip(), "line": line})
            continue
        f = re.fullmatch(r"(\w+):\s+(\d+) kB", line)
        if f:
            vmas[-1][f[1]] = int(f[2])
        elif line.startswith("VmFlags: "):
            vmas[-1]["VmFlags"] = line[len("VmFlags: "):]
    assert vmas
    return vmas


def vma_at(vmas, addr):
    hits = [v for v in vmas if v["start"] <= addr < v["end"]]
    assert len(hits) == 1, (hex(addr), vmas)
    return hits[0]


def start_stopped(con, cmdline, pattern, pid=None):
    """Run a program until it stops; return (pid, the match of pattern)."""
    out = con.run(cmdline)
    m = re.search(pattern, out)
    assert m, out
    s = re.search(r"^\[(\d+)\] Stopped  " + re.escape(cmdline) + "$", out, re.M)
    assert s, out
    return int(s[1]), m


def fg(con, pid, pattern):
    out = con.run(f"fg {pid}")
    assert re.search(pattern, out), out
    return out


# ---- (a) RSS and fault counts -------------------------------------------------

def memtouch_stop1(con, r, w, h, s):
    before = pgfault(con)
    cmd = f"/bin/memtouch {r} {w} {h} {s}"
    pid, m = start_stopped(con, cmd, MEMTOUCH_RE)
    addrs = [int(x, 16) for x in m.groups()]
    return pid, addrs, pgfault(con) - before


def test_memtouch_rss_and_faults(con):
    """Two runs that differ only in R, W and H: at stop 1 the second has
    exactly (R2+W2+H2)-(R1+W1+H1) more faults (one per page touched: zero
    page reads, anonymous writes, heap writes), counted alike in
    /proc/vmstat pgfault and /proc/<pid>/stat minflt, and exactly
    (W2-W1)+(H2-H1) more anonymous pages; the zero-page reads add none.
    Within each run the RSS lines of status agree with smaps, the mmap VMA
    holds exactly W pages and the heap H (+ the .bss page), the archive's
    pages (text, the read .data page) are shmem pages, and minflt is one
    fault per resident page plus one per zero-page read."""
    runs = []
    for (r, w, h, s) in ((4, 4, 3, 5), (6, 8, 5, 5)):
        pid, (mmap, heap, data, stack), faults = memtouch_stop1(con, r, w, h, s)
        st = status(con, pid)
        vmas = smaps(con, pid)
        runs.append((r, w, h, pid, faults, minflt(con, pid), st))

        assert st["State"] == "T (stopped)" and st["Name"] == "memtouch"
        rss, anon, file, shmem = (kb(st[k]) for k in ("VmRSS", "RssAnon", "RssFile", "RssShmem"))
        assert rss == anon + file + shmem
        assert rss == sum(v.get("Rss", 0) for v in vmas)
        assert anon == sum(v.get("Anonymous", 0) for v in vmas)
        assert file == 0                                  # tmpfs: no plain file pages
        m = vma_at(vmas, mmap)
        assert m["end"] - m["start"] == 16 * PAGE and m["name"] == ""
        assert m["Rss"] == m["Anonymous"] == m["Private_Dirty"] == w * 4   # zero page not counted
        hp = vma_at(vmas, heap)
        assert hp["name"] == "[heap]" and hp["end"] == heap + h * PAGE
        # the brk pages, and the .bss page below them if the VMA holds it
        # (Linux 6.1 keeps .bss a VMA of its own; crt0 writes it anyway)
        assert hp["Rss"] == hp["Anonymous"] == 4 * (h + (heap - hp["start"]) // PAGE)
        d = vma_at(vmas, data)
        assert d["name"] == "/bin/memtouch" and d["perms"] == "rw-p"
        assert vma_at(vmas, stack)["name"] == "[stack]"
        # Every resident page cost exactly one fault (first touch: a write
        # makes the page, a read of the archive maps it, the .data write
        # copies it), plus one per zero-page read: nothing was touched
        # twice in a way that faults twice. Exec's fault on the stack
        # counts too (Linux charges GUP faults to current, the new task).
        # Under Linux the shell's forked child adds its pre-exec faults.
        assert runs[-1][5] == sum(v["Rss"] for v in vmas) // 4 + r
        assert faults == runs[-1][5]            # nothing else faulted meanwhile
        con.run(f"kill -9 {pid}")

    (r1, w1, h1, _, f1, mf1, st1), (r2, w2, h2, _, f2, mf2, st2) = runs
    assert f2 - f1 == (r2 + w2 + h2) - (r1 + w1 + h1)
    assert mf2 - mf1 == (r2 + w2 + h2) - (r1 + w1 + h1)
    assert kb(st2["RssAnon"]) - kb(st1["RssAnon"]) == ((w2 - w1) + (h2 - h1)) * 4
    assert kb(st2["RssShmem"]) == kb(st1["RssShmem"])
    assert kb(st2["VmSize"]) - kb(st1["VmSize"]) == (h2 - h1) * 4     # brk only; mmap is 16 both


def test_memtouch_stack_pages(con):
    """S more pages of stack recursion: exactly S more faults and S more
    anonymous pages, all in the [stack] VMA."""
    pid1, _, f1 = memtouch_stop1(con, 4, 4, 3, 2)
    s1 = smaps(con, pid1)
    mf1 = minflt(con, pid1)
    con.run(f"kill -9 {pid1}")
    pid2, _, f2 = memtouch_stop1(con, 4, 4, 3, 9)
    s2 = smaps(con, pid2)
    mf2 = minflt(con, pid2)
    stack1 = [v for v in s1 if v["name"] == "[stack]"][0]
    stack2 = [v for v in s2 if v["name"] == "[stack]"][0]
    assert stack2["Rss"] - stack1["Rss"] == 7 * 4
    assert f2 - f1 == 7 and mf2 - mf1 == 7


# ---- (b) the zero page ----------------------------------------------------------

def vtop(con, pid, addr):
    out = con.run(f"vtop {pid} 0x{addr:x}")
    assert "Error" not in out, out
    return out


def test_zero_page_then_own_page(con):
    """After the read the PTE maps the zero page read-only (not RSS, not
    in smaps); after the write a new anonymous page, read/write, dirty,
    young: exactly one more fault (do_wp_page) and one more page."""
    pid, m = start_stopped(con, "/bin/zero", r"zero: read 0 at 0x([0-9a-f]+)")
    addr = int(m[1], 16)
    out = vtop(con, pid, addr)
    assert "the zero page" in out and "user read-only" in out, out
    lpte = re.search(r"Linux PTE at \+0x[0-9a-f]+: pfn 0x([0-9a-f]+) (.*)", out)
    assert lpte and "RDONLY" in lpte[2] and "YOUNG" in lpte[2] and "DIRTY" not in lpte[2], out
    zero_pfn = int(lpte[1], 16)
    assert vma_at(smaps(con, pid), addr)["Rss"] == 0
    anon0, mf0 = kb(status(con, pid)["RssAnon"]), minflt(con, pid)

    fg(con, pid, r"zero: wrote 1 at 0x%x" % addr)
    out = vtop(con, pid, addr)
    lpte = re.search(r"Linux PTE at \+0x[0-9a-f]+: pfn 0x([0-9a-f]+) (.*)", out)
    assert lpte and int(lpte[1], 16) != zero_pfn, out
    assert "RDONLY" not in lpte[2] and "DIRTY" in lpte[2] and "YOUNG" in lpte[2], out
    assert "user read/write" in out and ", anon," in out and "mapcount 1" in out, out
    v = vma_at(smaps(con, pid), addr)
    assert v["Rss"] == v["Anonymous"] == v["Private_Dirty"] == 4
    assert kb(status(con, pid)["RssAnon"]) == anon0 + 4
    assert minflt(con, pid) == mf0 + 1
    con.run(f"kill -9 {pid}")


# ---- (c) clear_refs and Referenced -------------------------------------------------

def test_clear_refs_referenced(con):
    """echo 1 > clear_refs: Referenced 0 in every VMA. Step 2 then writes
    mmap page R and heap page 0 (old PTEs: one young fault each) and reads
    mmap pages 0 and 1, which map the zero page that clear_refs leaves
    alone (no fault, never Referenced). So the mmap and heap VMAs are
    Referenced exactly 4 kB each, and every page Referenced anywhere was
    made so by exactly one fault: pgfault and minflt grow by the total."""
    pid, m = start_stopped(con, "/bin/memtouch 4 4 3 5", MEMTOUCH_RE)
    mmap, heap, data, stack = (int(x, 16) for x in m.groups())
    before = smaps(con, pid)
    assert all(v.get("Referenced", 0) == v.get("Rss", 0) for v in before)
    assert con.run(f"echo 1 > /proc/{pid}/clear_refs").strip() == ""
    after = smaps(con, pid)
    assert [v["line"] for v in after] == [v["line"] for v in before]
    assert all(v["Referenced"] == 0 for v in after), after
    assert [v["Rss"] for v in after] == [v["Rss"] for v in before]
    pf0, mf0 = pgfault(con), minflt(con, pid)

    fg(con, pid, r"memtouch: stop 2")
    step2 = smaps(con, pid)
    assert vma_at(step2, mmap)["Referenced"] == 4
    assert vma_at(step2, heap)["Referenced"] == 4
    assert vma_at(step2, data)["Referenced"] == 0     # .data not touched in step 2
    referenced = sum(v["Referenced"] for v in step2) // 4
    assert referenced >= 4                            # + text and stack pages
    assert pgfault(con) - pf0 == referenced
    assert minflt(con, pid) - mf0 == referenced
    fg(con, pid, r"memtouch: done")


def test_clear_refs_other_values(con):
    """2 (anonymous VMAs only), 3 (file VMAs only), 4 (soft-dirty: nothing
    on ARM) and 5 (VmHWM := VmRSS) are accepted as Linux accepts them; 0,
    6 and a non-number are EINVAL; maps cannot be written; a gone pid's
    file does not exist."""
    pid, m = start_stopped(con, "/bin/memtouch", MEMTOUCH_RE)
    mmap, heap, data, stack = (int(x, 16) for x in m.groups())
    assert con.run(f"echo 3 > /proc/{pid}/clear_refs").strip() == ""
    v = smaps(con, pid)
    assert vma_at(v, data)["Referenced"] == 0 and vma_at(v, mmap)["Referenced"] == 16
    assert con.run(f"echo 2 > /proc/{pid}/clear_refs").strip() == ""
    assert vma_at(smaps(con, pid), mmap)["Referenced"] == 0
    for ok in ("4", "5"):
        assert con.run(f"echo {ok} > /proc/{pid}/clear_refs").strip() == ""
    st = status(con, pid)
    assert st["VmHWM"] == st["VmRSS"]
    for bad in ("0", "6", "abc"):
        out = con.run(f"echo {bad} > /proc/{pid}/clear_refs")
        assert out.strip() == "echo: write error: Invalid argument", out
    out = con.run(f"echo 1 > /proc/{pid}/maps")
    assert out.strip() == "echo: write error: Invalid argument", out
    out = con.run(f"echo 99999999999 > /proc/{pid}/clear_refs")     # kstrtoint: ERANGE
    assert out.strip() == "echo: write error: Numerical result out of range", out
    out = con.run(f"echo 1 >")
    assert out.strip() == "echo: usage: echo [WORD...] [> FILE]", out
    assert con.run("echo hello  world").strip() == "hello world"
    # the process's view of a kernel address and of a never-touched one
    assert "pid %d (memtouch)" % pid in con.run(f"vtop {pid} 0xffff0000")
    assert "no PTE page" in con.run(f"ptepage {pid} 0x40000000")
    con.run(f"kill -9 {pid}")
    assert con.run("jobs").strip() == ""
    out = con.run(f"echo 1 > /proc/{pid}/clear_refs")
    assert out.strip() == f"echo: can't create /proc/{pid}/clear_refs: No such file or directory"
    assert "No such file" in con.run(f"cat /proc/{pid}/maps")


# ---- (d) the .data pair -----------------------------------------------------------

def test_data_page_cow_and_read_twin(con):
    """memtouch wrote .data page 0 (a private copy: anonymous, dirty) and
    only read page 1: the archive's own page, not anonymous, and — the
    archive being tmpfs — dirty in Linux's counting (PageDirty), mapped
    once: Private_Dirty 8 kB, Anonymous 4 kB, nothing clean or shared."""
    pid, m = start_stopped(con, "/bin/memtouch", MEMTOUCH_RE)
    data = int(m[3], 16)
    d = vma_at(smaps(con, pid), data)
    assert d["start"] == data and d["end"] == data + 2 * PAGE, d
    assert d["Rss"] == 8 and d["Anonymous"] == 4 and d["Private_Dirty"] == 8, d
    assert d["Private_Clean"] == d["Shared_Clean"] == d["Shared_Dirty"] == 0, d
    assert d["Pss"] == 8
    p0, p1 = vtop(con, pid, data), vtop(con, pid, data + PAGE)
    assert ", anon," in p0 and "user read/write" in p0, p0
    assert "file (page cache)" in p1 and "user read-only" in p1, p1
    con.run(f"kill -9 {pid}")


# ---- formats ------------------------------------------------------------------------

def test_maps_status_stat_formats(con):
    """maps lines in Linux's layout (name from column 50, an unnamed VMA
    ending in a space, [vectors] last); status in 6.1's line order; stat
    with 52 fields; ls /proc/<pid> lists the files; /proc/vmstat has
    Linux 6.1's names in order."""
    pid, m = start_stopped(con, "/bin/memtouch", MEMTOUCH_RE)
    maps = con.run(f"cat /proc/{pid}/maps").rstrip("\n").split("\n")
    for line in maps:
        assert SMAPS_HDR.match(line), line
        if len(line) > 49:
            assert line[48] == " " and line[49] != " ", line
    assert maps[-1].startswith("ffff0000-ffff1000 r-xp 00000000 00:00 0 ")
    assert maps[-1].endswith(" [vectors]") and len(maps[-1]) == 49 + len("[vectors]")
    assert any(re.fullmatch(r"[0-9a-f-]{17} rw-p 00000000 00:00 0 ", l) for l in maps), maps
    st = con.run(f"cat /proc/{pid}/status")
    assert "\nUmask:\t0022\nState:\tT (stopped)\n" in st and "\nGroups:\t \n" in st, st
    for line in st.split("\n"):
        if line.endswith(" kB"):                # seq_put_decimal_ull_width(.., 8)
            assert re.fullmatch(r"\w+:\t[ \d]{8} kB", line), line
    sm = con.run(f"cat /proc/{pid}/smaps").split("\n")
    for line in sm:
        if line.endswith(" kB"):                # every value ends in column 24
            assert len(line) == 24 + 3 and re.fullmatch(r"\w+: +\d+ kB", line), line
    assert "THPeligible:    0" in sm
    keys = re.findall(r"^(\w+):", st, re.M)
    assert keys[:16] == ["Name", "Umask", "State", "Tgid", "Ngid", "Pid", "PPid", "TracerPid",
                         "Uid", "Gid", "FDSize", "Groups", "NStgid", "NSpid", "NSpgid", "NSsid"]
    assert keys[16:31] == ["VmPeak", "VmSize", "VmLck", "VmPin", "VmHWM", "VmRSS", "RssAnon",
                           "RssFile", "RssShmem", "VmData", "VmStk", "VmExe", "VmLib", "VmPTE",
                           "VmSwap"]
    assert keys[31:] == ["CoreDumping", "THP_enabled", "Threads", "SigQ", "SigPnd", "ShdPnd",
                         "SigBlk", "SigIgn", "SigCgt", "CapInh", "CapPrm", "CapEff", "CapBnd",
                         "CapAmb", "NoNewPrivs", "Seccomp", "Seccomp_filters",
                         "Speculation_Store_Bypass", "SpeculationIndirectBranch",
                         "Cpus_allowed", "Cpus_allowed_list", "Mems_allowed",
                         "Mems_allowed_list", "voluntary_ctxt_switches",
                         "nonvoluntary_ctxt_switches"]
    f = stat_fields(con, pid)
    assert f[1] == "memtouch" and f[2] == "T" and len(f) == 52
    ls = con.run(f"ls /proc/{pid}")            # ls <dir> asks the DUMP_DIRs' list()
    for name in ("clear_refs", "maps", "smaps", "stat", "status"):
        assert f"/proc/{pid}/{name}" in ls.split(), ls
    assert f"/proc/{pid}" in con.run("ls /proc").split()
    names = re.findall(r"^(\w+) \d+$", con.run("cat /proc/vmstat"), re.M)
    assert names[:2] == ["nr_free_pages", "nr_zone_inactive_anon"]
    assert names.index("nr_dirty_background_threshold") + 1 == names.index("pgpgin")
    assert names[-1] == "nr_unstable" and len(names) == 133
    assert names.index("pgfault") + 1 == names.index("pgmajfault")
    con.run(f"kill -9 {pid}")


# ---- (f) a user PTE page in HighMem -------------------------------------------------

def test_spread_pte_pages_in_highmem(boot):
    """With 1 GiB, HighMem exists and user PTE pages are allocated from it
    first (HIGHPTE, __GFP_HIGHMEM): spread's 8 PTE pages include HighMem
    ones, ptepage and vtop reach them through kmap_local_page, smaps walks
    them (8 pages of Rss), and VmPTE counts 2 KiB per PTE page (Linux
    mm_inc_nr_ptes: PTRS_PER_PTE * sizeof(pte_t))."""
    con = boot("vexpress-a9", mem="1G", bootargs="console=ttyAMA0")
    n = 8
    pid, m = start_stopped(con, f"/bin/spread {n}", r"spread: \d+ regions at 0x([0-9a-f]+)")
    base = int(m[1], 16)
    high = 0
    for i in range(n):
        out = con.run(f"ptepage {pid} 0x{base + i * 0x200000:x}")
        assert "PTE page: pfn" in out, out
        high += "HighMem" in out
        assert re.search(r"^  \*\s*\d+  0x[0-9a-f]{8}  \+0x[0-9a-f]{3}  0x[0-9a-f]{8}", out, re.M)
        v = vtop(con, pid, base + i * 0x200000)
        assert "user read/write" in v and ", anon," in v, v
    assert high >= 1
    vmas = smaps(con, pid)
    assert vma_at(vmas, base)["Rss"] == n * 4
    windows = {(v["start"] + off) >> 21 for v in vmas for off in (0,)
               if v.get("Rss", 0) and v["name"] not in ("[vectors]",)}
    windows |= {(base + i * 0x200000) >> 21 for i in range(n)}
    windows |= {(v["end"] - 1) >> 21 for v in vmas if v.get("Rss", 0) and v["name"] == "[stack]"}
    assert kb(status(con, pid)["VmPTE"]) == 2 * len(windows)
    con.run(f"kill -9 {pid}")


# ---- (e) the fault trace (mm/fault_trace.c) agrees with /proc ------------------------

TRACE_RE = (r"fault: ([\w/]+)\[(\d+)\] 0x([0-9a-f]{8}) (?:FSR 0x[0-9a-f]+ [^\n]*|gup[^\n]*)\n"
            r"(?:\[[ \d.]+\] )?\s+vma [0-9a-f]{8}-[0-9a-f]{8} \S{4} [0-9a-f]{8} (.+?) pte ([0-9a-f]{8})/([0-9a-f]{8}) -> "
            r"([0-9a-f]{8})/([0-9a-f]{8}) ret 0x[0-9a-f]+")


def test_fault_trace_zero_page_and_young_faults(con):
    """With the fault trace on: zero's read is one do_anonymous_page fault
    whose new Linux PTE maps the pfn vtop calls the zero page; its write
    one do_wp_page fault; after clear_refs, memtouch's step 2 shows
    exactly as many "young" faults as pgfault grew, each of whose
    hardware PTE was 0 before (an old PTE has no hardware entry)."""
    con.run("fault_trace on")
    out = con.run("/bin/zero")
    addr = int(re.search(r"zero: read 0 at 0x([0-9a-f]+)", out)[1], 16)
    mine = [t for t in re.findall(TRACE_RE, out) if int(t[2], 16) == addr]
    assert len(mine) == 1 and mine[0][3] == "do_anonymous_page", out
    assert mine[0][4:6] == ("00000000", "00000000")
    zero = re.search(r"page: pfn 0x([0-9a-f]+), \w+, the zero page", vtop(con, 1, addr))
    assert zero and int(mine[0][6], 16) >> 12 == int(zero[1], 16)
    out = con.run("fg 1")
    mine = [t for t in re.findall(TRACE_RE, out) if int(t[2], 16) == addr]
    assert len(mine) == 1 and mine[0][3].startswith("do_wp_page"), out
    con.run("kill -9 1")

    out = con.run("/bin/memtouch")
    pid = int(re.search(r"^\[(\d+)\] Stopped", out, re.M)[1])
    con.run("fault_trace off")
    con.run(f"echo 1 > /proc/{pid}/clear_refs")
    pf0 = pgfault(con)
    con.run("fault_trace on")
    out = con.run(f"fg {pid}")
    con.run("fault_trace off")
    traces = re.findall(TRACE_RE, out)
    assert traces and all(t[3] == "young" and t[5] == "00000000" for t in traces), out
    assert pgfault(con) - pf0 == len(traces)
    con.run(f"kill -9 {pid}")


# ---- randomize_va_space (mm/util.c, kernel/sysctl.c) ----------------------------

MAPS_RE = re.compile(r"^([0-9a-f]{8})-([0-9a-f]{8}) (\S{4}) \S+ \S+ \S+ *(.*)$", re.M)
STACK_TOP, TASK_SIZE = 0xbf000000, 0xbf000000
MMAP_BASE = 0xb7000000          # STACK_TOP - 128 MiB (mmap_base's minimum gap)


def layout(con, pid):
    """memtouch at its first own stop: {name: (start, end)}, anon mmap as "mmap"."""
    con.run("STOP_AT=start /bin/memtouch")
    out = con.run(f"fg {pid}")
    mmap, heap = (int(x, 16) for x in re.search(MEMTOUCH_RE, out).groups()[:2])
    vmas = {}
    for s, e, perms, name in MAPS_RE.findall(con.run(f"cat /proc/{pid}/maps")):
        s, e = int(s, 16), int(e, 16)
        key = name.strip() or ("mmap" if s == mmap else f"anon@{s:x}")
        vmas[key if key not in vmas else f"{key}@{s:x}"] = (s, e)
    con.run(f"fg {pid}")
    return vmas, mmap, heap


def test_randomize_va_space(con):
    """0 (armmm's boot value): two runs have the same layout. 2: the stack
    top moves down by up to 8 MiB (page aligned), the mmap area by up to
    256 pages below its room for that, [sigpage]/[vvar]/[vdso] land in
    the room above the stack, and brk starts up to 32 MiB above the bss;
    two runs differ. 1: everything but the heap. Bad values are refused
    and change nothing."""
    assert con.run("cat /proc/sys/kernel/randomize_va_space").strip() == "0"
    a, _, heap_a = layout(con, 1)
    b, _, _ = layout(con, 2)
    assert a == b and a["[stack]"][1] == STACK_TOP and a["[vdso]"][1] == MMAP_BASE
    bss_end = heap_a                    # 0: brk starts at the page after the bss
    assert a["[heap]"][1] == bss_end and a[f"[heap]@{bss_end:x}"][0] == bss_end
    con.run("echo 2 > /proc/sys/kernel/randomize_va_space")
    runs = [layout(con, pid) for pid in (3, 4)]
    for vmas, mmap, heap in runs:
        top = vmas["[stack]"][1]
        assert STACK_TOP - (0x7ff << 12) <= top <= STACK_TOP and top % PAGE == 0
        sig = vmas["[sigpage]"][0]
        assert top <= sig and vmas["[vdso]"][1] <= TASK_SIZE
        assert vmas["[vvar]"][0] == sig + PAGE and vmas["[vdso]"][0] == sig + 2 * PAGE
        # the gap (8 MiB stack + 1 MiB guard + 8 MiB for the stack's move) is
        # under the 128 MiB minimum: mmap_base is 0xb7000000 - up to 255 pages
        assert MMAP_BASE - 255 * PAGE <= mmap + 16 * PAGE <= MMAP_BASE
        assert bss_end <= heap < bss_end + (32 << 20) and heap % PAGE == 0
        assert vmas["[heap]"][0] == heap
    assert runs[0][0] != runs[1][0]
    con.run("echo 1 > /proc/sys/kernel/randomize_va_space")
    vmas, mmap, heap = layout(con, 5)
    assert heap == bss_end and vmas["[stack]"][1] < STACK_TOP
    assert vmas["[sigpage]"][0] >= vmas["[stack]"][1] and runs[1][0]["[stack]"] != vmas["[stack]"]
    for bad in ("3", "-1", "x"):
        assert "echo: write error: Invalid argument" in \
            con.run(f"echo {bad} > /proc/sys/kernel/randomize_va_space")
    assert con.run("cat /proc/sys/kernel/randomize_va_space").strip() == "1"
