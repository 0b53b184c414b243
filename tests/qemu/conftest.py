"""pytest fixtures for booting armmm on QEMU (run with /usr/bin/python3).

    /usr/bin/python3 -m pytest tests/qemu [--board virt] [-k name]

Fixtures:
  zimage  path of the kernel under test: $ARMMM_ZIMAGE, else build/zImage
          (the test is skipped, with the reason, when it does not exist)
  board   the --board option (default $ARMMM_BOARD or vexpress-a9)
  boot    factory: boot(board, mem='512M', bootargs='', image=None, **kw)
          -> Console. image overrides the zimage fixture (e.g. build/Image
          with direct=True); kw as scripts/qemu/boot.py's boot() (dtb,
          no_fdt, direct, icount, extra, timeout, initrd). QEMU is always
          killed at teardown.
Marker:
  @pytest.mark.boards("vexpress-a9", "virt")  skip unless --board is listed

Transcripts go to build/test-logs/<test name>.log (written as they arrive,
so a hung run can be watched with tail -f); a failing test's report ends
with the last 60 lines of serial output.
"""

import os
import re
import sys
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(TOP / "scripts" / "qemu"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import boot as qemu_boot  # noqa: E402  scripts/qemu/boot.py
from boards import BOARDS  # noqa: E402
from console import Console, _Transcript  # noqa: E402

LOG_DIR = TOP / "build" / "test-logs"


def pytest_addoption(parser):
    parser.addoption("--board", default=os.environ.get("ARMMM_BOARD", "vexpress-a9"),
                     choices=sorted(BOARDS), help="QEMU board for the boot tests")


def pytest_configure(config):
    config.addinivalue_line("markers", "boards(*names): run only when --board is one of names")


def pytest_collection_modifyitems(config, items):
    board = config.getoption("--board")
    for item in items:
        m = item.get_closest_marker("boards")
        if m and board not in m.args:
            item.add_marker(pytest.mark.skip(reason=f"not for board {board}"))


@pytest.fixture
def board(request):
    return request.config.getoption("--board")


@pytest.fixture
def zimage():
    path = Path(os.environ.get("ARMMM_ZIMAGE", TOP / "build" / "zImage"))
    if not path.is_file():
        pytest.skip(f"no kernel at {path} (build it with make, or set ARMMM_ZIMAGE)")
    return path


@pytest.fixture
def boot(request, zimage):
    consoles = []
    request.node.armmm_consoles = consoles   # for the report hook below

    def _boot(board, mem="512M", bootargs="", image=None, **kw):
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
        suffix = f"-{len(consoles) + 1}" if consoles else ""
        transcript = _Transcript(LOG_DIR / f"{name}{suffix}.log")
        try:
            child = qemu_boot.boot(board, mem, str(image or zimage), bootargs=bootargs,
                                   logfile=transcript, echo_cmd=False, **kw)
        except qemu_boot.BootError as e:
            transcript.close()
            pytest.fail(f"boot on {board} failed: {e}", pytrace=False)
        con = Console(child, transcript)
        consoles.append(con)
        return con

    yield _boot
    for con in consoles:
        con.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A test that fails on a plain assert still shows the serial tail
    (Console.fail() already puts it in its own message)."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        for i, con in enumerate(getattr(item, "armmm_consoles", [])):
            if not con.failed:
                report.sections.append((f"serial console {i + 1}, last 60 lines", con.tail()))
