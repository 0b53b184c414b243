"""make qemu-gdb / make gdb: QEMU waits at its first instruction, and the
script scripts/gdb-init writes gives gdb the kernel's symbols both where
the kernel runs with the MMU off (its physical alias) and after."""

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = "/usr/bin/python3"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gdb_stops_before_and_after_the_mmu(zimage, tmp_path):
    """
    Start QEMU as `make qemu-gdb` does (-S, a gdb stub), connect gdb-multiarch
    in batch mode with scripts/gdb-init's script. Expect:
      break __create_page_tables   hit at the physical alias (MMU off),
                                   `info symbol $pc` names it
      break paging_init            hit at its link address (MMU on)
    each backtrace to end at stext / __mmap_switched without "corrupt
    stack", and the kernel to reach its prompt once gdb detaches.
    """
    port = _free_port()
    log = tmp_path / "boot.log"
    qemu = subprocess.Popen(
        [PY, "scripts/qemu/boot.py", "--board", "vexpress-a9", "--mem", "512M",
         "--zimage", str(zimage), "--bootargs", "console=ttyAMA0", "--until", "armmm#",
         "--timeout", "120", "--qemu-arg=-S", "--qemu-arg=-gdb", f"--qemu-arg=tcp::{port}"],
        cwd=ROOT, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    try:
        init = subprocess.run([PY, "scripts/gdb-init", "--board", "vexpress-a9", "--port",
                               str(port), "--vmlinux", str(Path(zimage).parent / "vmlinux")],
                              cwd=ROOT, capture_output=True, text=True, check=True).stdout
        (tmp_path / "gdbinit").write_text(init)
        cmds = ["break __create_page_tables", "break paging_init", "continue",
                "info symbol $pc", "print/x $pc", "bt", "continue", "info symbol $pc",
                "print/x $pc", "bt", "delete", "detach"]
        gdb = subprocess.run(["gdb-multiarch", "-nx", "-batch", "-x", str(tmp_path / "gdbinit"),
                              *[a for c in cmds for a in ("-ex", c)]],
                             capture_output=True, text=True, timeout=100)
        out = gdb.stdout + gdb.stderr
        (ROOT / "build" / "test-logs").mkdir(parents=True, exist_ok=True)
        (ROOT / "build" / "test-logs" / "test_gdb.log").write_text(out)
        assert "__create_page_tables in section .head.text" in out, out
        pcs = [int(line.split("= ")[1], 16) for line in out.splitlines()
               if line.startswith("$") and "= 0x" in line]
        assert len(pcs) == 2, out
        assert 0x60000000 <= pcs[0] < 0x70000000, f"MMU-off stop at {pcs[0]:#x}"
        assert "paging_init in section .init.text" in out, out
        assert pcs[1] >= 0xC0000000, f"MMU-on stop at {pcs[1]:#x}"
        # backtraces end at the outermost frames head.S marks, cleanly
        assert "corrupt stack" not in out, out
        assert re.search(r"^#1 +0x6[0-9a-f]{7} in stext \(\)", out, re.M), out
        assert re.search(r"^#\d+ +0xc[0-9a-f]{7} in __mmap_switched \(\)", out, re.M), out
        assert qemu.wait(timeout=120) == 0, log.read_text()[-2000:]
    finally:
        if qemu.poll() is None:
            qemu.kill()
