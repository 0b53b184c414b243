"""The fault trace (mm/fault_trace.c) on real page tables: each user fault
prints the address, the FSR and its decode, the VMA, the handler that ran
(mm/memory.c) and both halves of the PTE (Linux/hardware) before and after.
What the lines must show is the ARM rule of the split PTE page
(pte-v7.c): the zero page is mapped read-only (hardware APX) and not
writable in Linux's view; a write replaces it with a private dirty page
(hardware writable); a PTE made old by clear_refs has hardware entry 0 and
its next access is a "young" fault that restores it on the same page."""

import re

TRACE_RE = re.compile(
    r"fault: (?P<comm>\S+)\[(?P<pid>\d+)\] 0x(?P<addr>[0-9a-f]{8}) "
    r"(?:FSR 0x(?P<fsr>[0-9a-f]{3}) (?P<fsrname>[a-z ]+)|gup), (?P<access>read|write|exec)\n"
    r"(?:\[[ 0-9.]+\] )?\s+vma (?P<start>[0-9a-f]{8})-(?P<end>[0-9a-f]{8}) (?P<perm>[-rwxps]{4}) "
    r"[0-9a-f]{8} (?P<handler>.+?) pte (?P<lb>[0-9a-f]{8})/(?P<hb>[0-9a-f]{8}) -> "
    r"(?P<la>[0-9a-f]{8})/(?P<ha>[0-9a-f]{8}) ret 0x[0-9a-f]+")

# Linux PTE bits (pgtable-2level.h) and hardware small-page bits (ARM ARM B3.5.1)
L_PTE_YOUNG, L_PTE_DIRTY, L_PTE_RDONLY = 1 << 1, 1 << 6, 1 << 7
HW_APX, HW_NG = 1 << 9, 1 << 11


def traces(out):
    return [m.groupdict() for m in TRACE_RE.finditer(out)]


def h(s):
    return int(s, 16)


def test_zero_page_then_write(boot, board):
    """Expect /bin/zero's read of its new page to run do_anonymous_page and
    leave a read-only, non-global hardware PTE (the zero page), and the
    write after fg to run do_wp_page and map another, writable, dirty page."""
    con = boot(board, mem="512M", bootargs="console=ttyAMA0 fault_trace")
    out = con.run("/bin/zero")
    m = re.search(r"zero: read 0 at 0x([0-9a-f]+)", out)
    assert m, out
    addr = int(m[1], 16)
    t = [x for x in traces(out) if h(x["addr"]) == addr]
    assert len(t) == 1, out
    t = t[0]
    assert t["comm"] == "zero" and t["access"] == "read" and t["handler"] == "do_anonymous_page"
    assert t["perm"] == "rw-p" and h(t["start"]) <= addr < h(t["end"])
    assert h(t["lb"]) == 0 and h(t["hb"]) == 0
    la, ha = h(t["la"]), h(t["ha"])
    assert la & L_PTE_RDONLY and la & L_PTE_YOUNG and not la & L_PTE_DIRTY
    assert ha & HW_APX and ha & HW_NG and ha >> 12 == la >> 12
    zero_pfn = la >> 12

    out = con.run("fg")
    assert f"zero: wrote 1 at 0x{addr:x}" in out, out
    t = [x for x in traces(out) if h(x["addr"]) == addr]
    assert len(t) == 1, out
    t = t[0]
    assert t["access"] == "write" and t["fsrname"] == "page permission fault"
    assert t["handler"] == "do_wp_page (zero page)"
    assert (h(t["lb"]), h(t["hb"])) == (la, ha)
    la2, ha2 = h(t["la"]), h(t["ha"])
    assert la2 >> 12 != zero_pfn and ha2 >> 12 == la2 >> 12
    assert la2 & L_PTE_DIRTY and not la2 & L_PTE_RDONLY
    assert not ha2 & HW_APX and ha2 & HW_NG
    con.run("fg")


def test_young_faults_after_clear_refs(boot, board):
    """Expect memtouch's step 2, after clear_refs, to fault once on each page
    it touches that clear_refs made old (the written mmap page and heap
    page): hardware entry 0 before, the same page young after; the zero
    page it reads is not made old (clear_refs skips it, as Linux's), so
    reading it does not fault. fault_trace off stops the lines."""
    con = boot(board, mem="512M", bootargs="console=ttyAMA0")
    out = con.run("/bin/memtouch")
    m = re.search(r"memtouch: mmap=0x([0-9a-f]+) heap=0x([0-9a-f]+)", out)
    assert m, out
    mmap_base, heap = int(m[1], 16), int(m[2], 16)
    assert not traces(out)                  # off by default
    pid = re.search(r"\[(\d+)\] Stopped", out)[1]
    con.run(f"echo 1 > /proc/{pid}/clear_refs")
    con.run("fault_trace on")
    out = con.run("fg")
    assert "memtouch: stop 2" in out, out
    t = {h(x["addr"]): x for x in traces(out)}
    for addr in (mmap_base + 4 * 4096, heap):       # R = 4: mmap page R, heap page 0
        x = t.get(addr)
        assert x, (hex(addr), out)
        assert x["handler"] == "young" and x["access"] == "write"
        assert h(x["hb"]) == 0 and not h(x["lb"]) & L_PTE_YOUNG
        assert h(x["la"]) & L_PTE_YOUNG and h(x["la"]) & L_PTE_DIRTY
        assert h(x["la"]) >> 12 == h(x["lb"]) >> 12 == h(x["ha"]) >> 12
        assert not h(x["ha"]) & HW_APX
    for addr in (mmap_base, mmap_base + 4096):      # the zero page stayed young
        assert addr not in t, out
    con.run("fault_trace off")
    out = con.run("fg")
    assert "memtouch: done" in out and not traces(out), out


CALLS_RE = re.compile(r"^(?:\[[ 0-9.]+\] )?\s+calls (.+)$", re.M)


def test_call_chains(boot, board):
    """`fault_trace bt` adds the call chain that chose each handler,
    outermost first: a data abort from user mode enters through __dabt_usr
    and do_DataAbort, an instruction fetch through __pabt_usr and
    do_PrefetchAbort; every chain runs do_page_fault > handle_mm_fault >
    __handle_mm_fault > handle_pte_fault and ends in the handler the
    trace's line names (wp_page_copy under do_wp_page for the zero page's
    copy); exec's own faults come through get_user_pages_remote."""
    con = boot(board, mem="512M", bootargs="console=ttyAMA0")
    assert "on, with call chains" in con.run("fault_trace bt")
    out = con.run("/bin/zero") + con.run("fg")
    chains = [c.split(" > ") for c in CALLS_RE.findall(out)]
    t = traces(out)
    assert len(chains) == len(t) >= 4, out
    middle = ["handle_mm_fault", "__handle_mm_fault", "handle_pte_fault"]
    for tr, ch in zip(t, chains):
        i = ch.index("handle_mm_fault")
        assert ch[i:i + 3] == middle, ch
        handler = tr["handler"].split(" ")[0]
        if handler == "young":
            assert ch[-1] == "handle_pte_fault", ch
        elif tr["handler"] == "do_wp_page (zero page)":
            assert ch[-2:] == ["do_wp_page", "wp_page_copy"], ch
        else:
            assert ch[-1] == handler, (tr, ch)
        if tr["fsr"] is None:                           # gup: exec writing the stack
            assert ch[i - 1] == "get_user_pages_remote" and "kernel_execve_task" in ch, ch
        elif tr["access"] == "exec":
            assert ch[:i] == ["__pabt_usr", "do_PrefetchAbort", "do_page_fault"], ch
        else:
            assert ch[:i] == ["__dabt_usr", "do_DataAbort", "do_page_fault"], ch
    assert any(tr["fsr"] is None for tr in t) and any(tr["access"] == "exec" for tr in t)
    assert con.run("fault_trace on").strip().endswith("fault_trace: on")
    # a SIGSEGV's abort never reaches handle_mm_fault: the next exec's
    # faults on the new stack are still the kernel's (gup), not that abort's
    assert "Segmentation fault" in con.run("/bin/fault null")
    out = con.run("/bin/hello")
    t = traces(out)
    assert t and not CALLS_RE.search(out)
    assert t[0]["comm"] == "swapper/0" and t[0]["fsr"] is None, out
    con.allow("Error: ")
    assert "say on, bt or off, not 'x'" in con.run("fault_trace x")
