"""The boot path on every QEMU board: U-Boot bootz (QEMU's loader on
vexpress-a15) -> zImage -> head.S -> start_kernel -> self-tests -> power off.

Each run checks what the kernel found (PHYS_OFFSET, __pv_phys_pfn_offset
equal to the board's RAM base), the exact L1 entries head.S built, and the
KTAP results of the in-kernel self-tests, counted here."""

import re

import pytest

from boards import BOARDS
from kernel import (PAGE_OFFSET, SMP, expected_head_entries, head_entries, parse_ktap,
                    strip_stamps, system_map)

RUNS = [("vexpress-a9", "512M"), ("vexpress-a9", "1G"), ("vexpress-a9", "128M"),
        ("virt", "1G"), ("vexpress-a15", "1G")]
PV_CASES = {"pv_table_immediates", "pa_matches_run_address", "image_in_dtb_memory",
            "pa_va_roundtrip_all_ram", "head_sections"}


@pytest.mark.parametrize("board,mem", RUNS, ids=[f"{b}-{m}" for b, m in RUNS])
def test_000_boot_selftest(boot, board, mem):
    con = boot(board, mem=mem, bootargs="console=ttyAMA0 selftest")
    out = con.read_until("reboot: Power down", timeout=60)
    assert con.wait_exit(timeout=30) == 0, "the kernel did not power the machine off"
    log = strip_stamps(con.log)
    b = BOARDS[board]

    if b.loader != "qemu":
        assert "Starting kernel ..." in con.log
    ram = b.ram_base
    assert (f"PHYS_OFFSET: 0x{ram:08x} (__pv_phys_pfn_offset 0x{ram >> 12:05x}, "
            f"__pv_offset 0x{(ram - PAGE_OFFSET) & 0xffffffff:08x})") in log
    assert f"ttyAMA0 at MMIO 0x{b.uart:08x} " in log

    dtb = int(re.search(r"^DTB: phys (0x[0-9a-f]{8}),", log, re.M)[1], 16)
    assert ram <= dtb < ram + (1 << 30), f"DTB at {dtb:#x} is not in RAM"
    got = head_entries(log)
    want = expected_head_entries(ram, dtb, b.uart, system_map(), SMP[board])
    assert got == want, "head.S entries differ:\n" + "\n".join(
        f"  [{i:#05x}] got {got.get(i, 0):#010x} want {want.get(i, 0):#010x}"
        for i in sorted(set(got) | set(want)) if got.get(i) != want.get(i))

    suites, totals = parse_ktap(out)
    assert set(suites["phys2virt"]["cases"]) == PV_CASES
    assert "mmu_lowmem" in suites
    for name, s in suites.items():
        assert s["plan"] == len(s["cases"]), f"suite {name}: plan {s['plan']}, ran {len(s['cases'])}"
        assert s["ok"] and all(s["cases"].values()), f"suite {name} failed: {s['cases']}"
    counted = sum(len(s["cases"]) for s in suites.values())
    skipped = {c: r for s in suites.values() for c, r in s["skipped"].items()}
    # only the HighMem cases may skip, and only where all RAM is lowmem
    has_high = "  HighMem  empty" not in log
    assert all("no HighMem" in r for r in skipped.values()) and (not skipped or not has_high)
    assert totals == {"pass": counted - len(skipped), "fail": 0, "skip": len(skipped),
                      "total": counted}
    assert "selftest: exit status 0" in log


def test_shell_commands(boot):
    """The console: help lists the commands, dmesg replays the log without
    the shell's own output, pgd shows the same entries as the banner."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    help_text = con.run("help")
    for cmd in ("help", "dmesg", "pgd", "vtop", "ptepage", "ls", "cat", "peek",
                "selftest", "poweroff"):
        assert re.search(rf"^  {cmd} ", help_text, re.M), f"help does not list {cmd}"
    con.allow("Booting Linux on physical CPU")   # dmesg replays the banner
    dmesg = con.run("dmesg")
    assert "Booting Linux on physical CPU 0x0" in dmesg
    assert "list the commands" not in dmesg      # shell output is not logged
    assert "nosuchcmd: command not found" in con.run("nosuchcmd")
    banner = head_entries(strip_stamps(con.log.split("armmm# ")[0]))
    now = head_entries(strip_stamps(con.run("pgd")))
    assert banner and now != banner           # paging_init replaced head.S's table
    assert now[0xc00] & 0xfff00000 == 0x60000000
    con.send("poweroff\r")
    con.read_until("reboot: Power down")
    assert con.wait_exit() == 0
