"""Faults on purpose (drivers/misc/lkdtm.c, Linux's lkdtm): each gives
Linux's oops with the decoded fault status, and the console survives."""

import re

import pytest

from kernel import strip_stamps

# case -> (FS name, direction) when it faults
CASES = {
    "ACCESS_NULL": ("section translation fault", "read"),
    "ACCESS_USERSPACE": ("section translation fault", "read"),
    "READ_VMALLOC_GUARD": ("page translation fault", "read"),
    "WRITE_RO": ("permission fault", "write"),
    "WRITE_KERN": ("permission fault", "write"),
    "EXEC_DATA": ("permission fault", "execute"),
    "EXEC_STACK": ("permission fault", "execute"),
}
NO_FAULT = "no fault: the kernel image is still writable — STRICT_KERNEL_RWX off"


def vtop_words(con, addr):
    """The L1 word of addr's pgd pair and, for a table, the Linux and hw PTE."""
    out = con.run(f"vtop {addr:08x}")
    l1 = re.findall(r"L1\*? .*?\(0x([0-9a-f]{8})\)|L1\*? .*?0x([0-9a-f]{8})", out)
    return out


@pytest.mark.parametrize("case", sorted(CASES))
def test_lkdtm(boot, case):
    """Expect Linux's report for the case, or (until STRICT_KERNEL_RWX) the
    honest no-fault message; then the shell still answers."""
    con = boot("vexpress-a9", bootargs="console=ttyAMA0")
    con.allow("Unable to handle", "Internal error", "abort")
    out = strip_stamps(con.run(f"lkdtm {case}"))
    name, direction = CASES[case]
    m = re.search(r"Unable to handle kernel (NULL pointer dereference|paging request) at "
                  r"virtual address ([0-9a-f]{8}) when (\w+)", out)
    if m is None:
        assert NO_FAULT in out, out
        assert case in ("WRITE_RO", "WRITE_KERN", "EXEC_DATA", "EXEC_STACK")
    else:
        addr = int(m[2], 16)
        assert m[3] == direction
        assert (m[1] == "NULL pointer dereference") == (addr < 4096)
        err = int(re.search(r"Internal error: Oops: ([0-9a-f]+) \[#1\] ARM", out)[1], 16)
        fs = (err & 0xf) | ((err >> 6) & 0x10)
        want_fs = {"section translation fault": 5, "page translation fault": 7}.get(name)
        if want_fs:
            assert fs == want_fs
        else:
            assert fs in (13, 15)
        assert bool(err & (1 << 11)) == (direction == "write")
        # show_pte's words, against the real tables (vtop)
        pgd = re.search(rf"\[{addr:08x}\] \*pgd=([0-9a-f]{{8}})(?:, \*pte=([0-9a-f]{{8}}), "
                        rf"\*ppte=([0-9a-f]{{8}}))?", out)
        assert pgd, out
        assert re.search(r"^Code: ([0-9a-f]{8} ){4}\([0-9a-f]{8}\) ?$|^Code: .*bad PC value", out, re.M)
        assert "Backtrace:" in out and "end trace 0000000000000000" in out
        v = con.run(f"vtop {addr:08x}")
        words = re.findall(r"0x([0-9a-f]{8})", v)
        if int(pgd[1], 16) == 0:
            assert "not mapped" in v
        else:
            assert pgd[1] in v, v
        if pgd[2]:
            assert pgd[2] in v and pgd[3] in v, v
    assert "Node 0, zone" in con.run("cat /proc/buddyinfo")


def test_peek_fault_keeps_console(boot):
    """peek of an unmapped address: the oops, then the prompt again, twice
    (the second oops is #2 and the kernel says it is tainted 'D')."""
    con = boot("vexpress-a9", bootargs="console=ttyAMA0")
    con.allow("Unable to handle", "Internal error", "abort")
    out = strip_stamps(con.run("peek 0x1000"))
    assert "Unable to handle kernel paging request at virtual address 00001000 when read" in out
    assert "Internal error: Oops: 5 [#1] ARM" in out
    assert re.search(r"^CPU: 0 PID: 0 Comm: swapper/0 Not tainted 6\.1\.0-armmm #1$", out, re.M)
    assert re.search(r"^Flags: [nN][zZ][cC][vV]  IRQs off  FIQs off  Mode SVC_32  ISA ARM  "
                     r"Segment none$", out, re.M)
    assert re.search(r"^Control: [0-9a-f]{8}  Table: [0-9a-f]{8}  DAC: [0-9a-f]{8}$", out, re.M)
    out2 = strip_stamps(con.run("peek 0x1000"))
    assert "Internal error: Oops: 5 [#2] ARM" in out2
    assert "Tainted: G      D" in out2
    assert "Node 0, zone" in con.run("cat /proc/buddyinfo")


def test_parked_panic_drains_uart(boot):
    """oops=panic: a console fault panics ("Fatal exception"); with panic=0
    the kernel parks but keeps reading the UART, so after 200 typed
    characters QEMU still sees Ctrl-A x."""
    con = boot("vexpress-a9", bootargs="console=ttyAMA0 oops=panic")
    con.allow("Unable to handle", "Internal error", "abort", "Kernel panic")
    con.run("help")
    con.send("peek 0x1000\r")
    con.expect(r"---\[ end Kernel panic - not syncing: Fatal exception \]---")
    con.send("x" * 200)
    con.send("\x01x")
    con.wait_exit(timeout=30)


def test_panic_timeout_restarts(boot):
    """panic=1: "Rebooting in 1 seconds.." then a reset (QEMU -no-reboot exits)."""
    con = boot("vexpress-a9", bootargs="console=ttyAMA0 oops=panic panic=1")
    con.allow("Unable to handle", "Internal error", "abort", "Kernel panic")
    con.run("help")
    con.send("peek 0x1000\r")
    con.expect(r"Kernel panic - not syncing: Fatal exception")
    con.expect(r"Rebooting in 1 seconds\.\.")
    con.wait_exit(timeout=60)
