"""A real browser for the page: Debian's chromium, headless.

    ensure_chromium()       the chromium binary, installed with apt-get when missing
    screenshot(html, png)   load the page, save a PNG; the page's console messages
    dump_dom(html)          load the page, return the DOM after its scripts ran

Script errors reach us two ways: chromium's own log (--enable-logging=stderr
prints each console message as "...:CONSOLE:<line>] "<text>", source: ..."),
and page.js, which writes every error event into <body data-errors> and
the frames its self-check stepped through into <body data-trail>.
"""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT = 90
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0"]
_CONSOLE = re.compile(r':CONSOLE(?:\(\d+\)|:\d+)\] "(.*)", source: (.*)$', re.M)


class BrowserError(RuntimeError):
    """chromium is missing and could not be installed, or it failed."""


def find_chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure_chromium(log=print):
    """The chromium binary; installs Debian's package (as scripts/setup.sh
    installs the others: apt-get, sudo when not root) if it is missing."""
    path = find_chromium()
    if path:
        return path
    cmd = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"]
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            raise BrowserError("chromium is not installed and there is no sudo to install it: "
                               "apt-get install chromium")
        cmd = ["sudo"] + cmd
    log("memmap: installing Debian's chromium (headless screenshots of the page) ...")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode:
        subprocess.run((["sudo"] if cmd[0] == "sudo" else []) + ["apt-get", "update", "-q"],
                       capture_output=True, env=env)
        r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    path = find_chromium()
    if r.returncode or not path:
        raise BrowserError(f"apt-get install chromium failed (exit {r.returncode}):\n"
                           f"{(r.stderr or r.stdout).strip()[-800:]}")
    return path


def _run(args, timeout=TIMEOUT):
    """Run chromium with a profile of its own; (stdout, stderr)."""
    profile = tempfile.mkdtemp(prefix="memmap-chromium-")
    try:
        r = subprocess.run([ensure_chromium()] + FLAGS + [f"--user-data-dir={profile}"] + args,
                           capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        raise BrowserError(f"chromium did not finish within {timeout}s") from e
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if r.returncode:
        raise BrowserError(f"chromium exited {r.returncode}:\n{r.stderr.strip()[-800:]}")
    return r.stdout, r.stderr


def console_messages(log):
    """[(message, source)] of the page's console, from chromium's log."""
    return [(m[1], m[2]) for m in _CONSOLE.finditer(log)]


def script_errors(messages):
    return [f"{msg} ({src})" for msg, src in messages
            if msg.startswith("Uncaught") or "Error" in msg]


def screenshot(html, png, width=1540, height=2000):
    """Load html (a file) and write png; returns the console messages.
    Raises BrowserError when no PNG was written."""
    png = Path(png)
    png.unlink(missing_ok=True)
    _, err = _run([f"--screenshot={png.resolve()}", f"--window-size={width},{height}",
                   Path(html).resolve().as_uri()])
    if not png.is_file() or png.stat().st_size == 0:
        raise BrowserError(f"chromium wrote no screenshot to {png}:\n{err.strip()[-800:]}")
    return console_messages(err)


def dump_dom(html):
    """(DOM text after the scripts ran, console messages)."""
    out, err = _run(["--dump-dom", Path(html).resolve().as_uri()])
    return out, console_messages(err)


def body_data(dom):
    """The data-* attributes of <body> in a dumped DOM."""
    m = re.search(r"<body([^>]*)>", dom)
    return dict(re.findall(r'data-([\w-]+)="([^"]*)"', m[1])) if m else {}


def check(html, png, height=2000):
    """Screenshot and DOM check of one page: (problems, <body>'s data-*
    after page.js ran); no problems: no script error, page.js finished."""
    problems = script_errors(screenshot(html, png, height=height))
    dom, msgs = dump_dom(html)
    problems += script_errors(msgs)
    data = body_data(dom)
    if data.get("errors"):
        problems.append("page errors: " + data["errors"].strip())
    if "trail" not in data:
        problems.append("page.js did not finish (no data-trail on <body>)")
    return problems, data
