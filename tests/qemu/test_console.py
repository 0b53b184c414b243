"""The console reads its arguments strictly (lib/kstrtox.c via
kernel/shell_args.c): each bad input gets an Error: line naming the word
and the cause, and the command does nothing; a line too long or with too
many words is not run at all."""

import re

BAD_INPUTS = [
    ("vtop zz", "Error: vtop: 'zz' is not a hex address"),
    ("vtop 0x1234567890", "Error: vtop: '0x1234567890' is wider than 32 bits"),
    ("peek 0xc000800g", "Error: peek: '0xc000800g' is not a hex address"),
    ("ptepage", "Error: ptepage: missing argument\nusage: ptepage [<pid>] <va>  (hex, 0x optional)"),
    ("vtop 0xc0008000 extra",
     "Error: vtop: pid '0xc0008000' is not a decimal number"),
    ("vtop 1 0xc0008000 extra",
     "Error: vtop: too many arguments ('extra' and after)\nusage: vtop [<pid>] <va>  (hex, 0x optional)"),
    ("vtop 7 0x10000", "Error: vtop: no process with pid 7"),
    ("cat", "Error: cat: missing argument\nusage: cat <path> (ls lists them)"),
    ("help a b c d e f g h", "Error: more than 8 words: not run"),
    ("vmalloc 12abc", "Error: vmalloc: '12abc' is not a size (decimal bytes, K/M/G allowed)"),
    ("vmalloc 8G", "Error: vmalloc: size '8G' is wider than 32 bits"),
    ("vmalloc 0", "Error: vmalloc: size 0: nothing to allocate"),
    ("vfree zz", "Error: vfree: 'zz' is not a hex address"),
    ("vfree 0xc0000000", "Error: vfree: 0xc0000000 is not the start of a vmalloc area "
                         "(see /proc/vmallocinfo): nothing freed"),
    ("kmap 1", "Error: kmap: pfn 0x1 has no struct page (RAM is pfn 0x60000-0x7ffff)"),
    ("kunmap 6000g", "Error: kunmap: '6000g' is not a hex pfn"),
    ("kmalloc -1", "Error: kmalloc: '-1' is not a size (decimal bytes, K/M/G allowed)"),
    ("kfree 0x1g", "Error: kfree: '0x1g' is not a hex address"),
    ("selftest", "Error: selftest: the tests are init code, freed after boot (free_initmem); "
                 "boot with the argument 'selftest' (make run BOOTARGS=\"console=ttyAMA0 selftest\")"),
    ("poweroff now", "Error: poweroff: too many arguments ('now' and after)\nusage: poweroff"),
    ("drain now", "Error: drain: too many arguments ('now' and after)\nusage: drain"),
    ("alloc -1", "Error: alloc: order '-1' is not a decimal number"),
    ("alloc zz", "Error: alloc: order 'zz' is not a decimal number"),
    ("alloc 11", "Error: alloc: order 11 is out of range 0..10"),
    ("alloc 10 foo", "Error: alloc: 'foo' is not 'high'\nusage: alloc <order 0-10> [high]"),
    ("free 0x7f000 11", "Error: free: order 11 is out of range 0..10"),
    ("free 0x7f001 3", "Error: free: pfn 0x7f001 is not aligned to order 3: a block of 8 pages "
                       "starts at a multiple of 8"),
    ("free 0x1000 0", "Error: free: pfn 0x1000 order 0 is not all RAM (RAM is pfn 0x60000-0x7ffff)"),
]


def test_console_rejects_bad_arguments(boot):
    """Expect each bad line's exact error, no walk or read after it, and the
    kernel still at its prompt (no panic: peek never reads address 0)."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    con.allow("Error: ")
    before = con.run("cat /proc/buddyinfo") + con.run("cat /proc/meminfo")
    for cmd, err in BAD_INPUTS:
        out = con.run(cmd)
        assert out.strip() == err, f"{cmd!r} gave:\n{out}"
    assert con.run("cat /proc/buddyinfo") + con.run("cat /proc/meminfo") == before


def test_console_addresses_are_hex_with_or_without_0x(boot):
    """Expect `peek c0008000` to read the same word as `peek 0xc0008000`
    (it used to read address 0 and panic), and `vtop 12abc` to walk
    0x00012abc, not 0x0000000c."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    a = con.run("peek c0008000").strip()
    b = con.run("peek 0xc0008000").strip()
    assert re.fullmatch(r"0xc0008000: 0x[0-9a-f]{8}", a), a
    assert a == b
    assert "0x00012abc" in con.run("vtop 12abc")


def test_free_of_a_page_inside_a_free_block(boot):
    """Expect freeing a tail page of a free block (refcount 0, not allocated)
    to be reported as Linux's VM_BUG_ON_PAGE(page_ref_count(page) == 0), with
    refcount:0 on the page line (it used to say "nonzero _refcount"), and
    the free lists left as they were."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    con.allow("BUG:")
    before = con.run("cat /proc/buddyinfo")
    out = con.run("free 0x7f001 0")
    assert re.search(r"\] page:[0-9a-f]{8} refcount:0 ", out), out
    assert "page dumped because: VM_BUG_ON_PAGE(page_ref_count(page) == 0)" in out
    assert "nonzero _refcount" not in out
    assert con.run("cat /proc/buddyinfo") == before


def test_vmalloc_big_area_is_summarised(boot):
    """Expect vmalloc of 100 MiB (25,600 pages) to show its first and last 8
    pages and one line for the rest, not a line per page."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    out = con.run("vmalloc 100M")
    assert "25600 pages + guard page" in out
    assert "...   25584 more pages: vtop <va> shows any of them" in out
    assert len(out.splitlines()) < 30


def test_console_overlong_line_is_not_run(boot):
    """Expect a 200-character line to be refused whole, even though its first
    127 characters form a valid command."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    con.allow("Error: ")
    out = con.run("poweroff" + " " * 192)
    assert "Error: line longer than 127 characters: not run" in out
    assert "Linux version" not in con.run("help")   # still running, nothing rebooted


def _type(con, keys, enter="\r"):
    """Type keys (and Enter) at a fresh prompt; the output up to the next one."""
    con.run("")
    con.send(keys + enter)
    return con.read_until("armmm# ")


def test_console_line_editing_and_history(boot):
    """
    Expect the keys a shell user types to work:
      Up + Enter                  runs the previous command again
      "vtp ...", Home, Right x2, "o"  inserts in the middle: runs "vtop ..."
                                  (not ^A: under -nographic QEMU keeps ^A)
      "poweroff" then ^C          abandons the line (the machine stays up)
      "pte<Tab>", "cat /proc/bud<Tab>"  complete the command and the path
    """
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    want = "0xc0008000 -> 0x60008000 (1 MiB section)"
    assert want in con.run("vtop 0xc0008000")
    assert want in _type(con, "\x1b[A")
    assert want in _type(con, "vtp 0xc0008000\x1b[H\x1b[C\x1b[Co")
    out = _type(con, "poweroff\x03", enter="")
    assert "^C" in out and "Power down" not in out
    assert re.search(r"\*496  0xffff0000", _type(con, "pte\tffff0000"))
    assert re.search(r"^Node 0, zone +Normal", _type(con, "cat /proc/bud\t"), re.M)
    assert "Power down" not in con.run("help")


def test_bad_mem_argument_is_refused(boot):
    """Expect mem=abc to be refused with its reason, and the DTB's memory
    kept (512 MiB), where it used to become mem=0: no memory at all."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0 mem=abc")
    con.allow("Error: ")
    con.expect(r"Error: mem=abc: not <size>\[K\|M\|G\]\[@<start>\]; ignored, the DTB's memory stays")
    assert re.search(r"^\s+0: 0x60000000\.\.0x7fffffff$",
                     con.run("cat /sys/kernel/debug/memblock/memory"), re.M)


def test_vtop_and_ptepage_say_what_is_there(boot):
    """Expect an empty Linux PTE to read as none (not "pfn 0x00000
    MT_UNCACHED"), and ptepage of a section-mapped address to say that a
    section maps it."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    out = con.run("vtop 0xffffffff")
    assert "Linux PTE at 0x" in out and "none (0x00000000): no page mapped here" in out
    assert "MT_UNCACHED" not in out and "0xffffffff: not mapped" in out
    out = con.run("ptepage 0xc0000000")
    assert out.startswith("0xc0000000: mapped by a 1 MiB section (L1[0xc00] 0x"), out


def test_pgd_output_is_not_kernel_log(boot):
    """Expect `pgd` to print the L1 entries at the console but leave dmesg
    as it was (it used to append them, stamped [    0.000000])."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0")
    con.allow("Booting Linux on physical CPU")   # dmesg replays the banner
    before = con.run("dmesg")
    out = con.run("pgd")
    assert out.startswith("now: swapper_pg_dir at 0xc0004000"), out
    assert con.run("dmesg") == before


def test_slub_debug_finds_a_double_free_deep_in_the_freelist(boot):
    """Boot with slub_debug (Linux's option; only F exists here). Expect
    kfree a, kfree b, kfree a to report "Object already free" for a, which
    sits under b on the freelist: only slub_debug's full walk finds it."""
    con = boot("vexpress-a9", mem="512M", bootargs="console=ttyAMA0 slub_debug")
    con.allow("Booting Linux on physical CPU")   # dmesg replays the banner
    assert "slub_debug: F (consistency checks)" in con.run("dmesg")
    a = re.search(r"= (0x[0-9a-f]{8}) from kmalloc-32", con.run("kmalloc 32"))[1]
    b = re.search(r"= (0x[0-9a-f]{8}) from kmalloc-32", con.run("kmalloc 32"))[1]
    con.run(f"kfree {a}")
    con.run(f"kfree {b}")
    assert "BUG kmalloc-32 (Not tainted): Object already free" in con.run(f"kfree {a}")
