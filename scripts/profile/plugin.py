"""Build the instruction-profile TCG plugin (insn_profile.c) into the cache.

Debian's QEMU 7.2 loads plugins but ships neither plugins nor the plugin
API header. The header comes from Debian's own qemu source package, the
one matching the installed qemu-system-arm (`apt-get source
--download-only`, deb-src as scripts/setup.sh enables it for U-Boot); only
include/qemu/qemu-plugin.h is taken out of the tarball. The plugin is
rebuilt when insn_profile.c changes.
"""

import glob
import hashlib
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "insn_profile.c"


class PluginError(RuntimeError):
    pass


def _run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode:
        raise PluginError(f"{' '.join(cmd)} failed:\n{r.stdout}{r.stderr}")
    return r.stdout


def api_header(cache):
    """qemu-plugin.h of the installed QEMU's source package, cached."""
    out = cache / "qemu-plugin" / "qemu-plugin.h"
    if out.is_file():
        return out
    version = _run(["dpkg-query", "-W", "-f=${source:Version}", "qemu-system-arm"]).strip()
    tmp = Path(tempfile.mkdtemp(dir=cache))
    try:
        _run(["apt-get", "source", "--download-only", "-q", f"qemu={version}"], cwd=tmp)
        orig = glob.glob(str(tmp / "qemu_*.orig.tar.*"))
        if not orig:
            raise PluginError(f"apt-get source qemu={version} brought no .orig tarball "
                              "(is deb-src enabled? scripts/setup.sh enables it)")
        with tarfile.open(orig[0]) as tf:
            member = next((m for m in tf if m.name.endswith("include/qemu/qemu-plugin.h")), None)
            if member is None:
                raise PluginError(f"{orig[0]} has no include/qemu/qemu-plugin.h")
            out.parent.mkdir(parents=True, exist_ok=True)
            with tf.extractfile(member) as src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst)
    finally:
        shutil.rmtree(tmp)
    return out


def build(cache):
    """Path of libinsn_profile.so, built if missing or stale."""
    header = api_header(cache)
    tag = hashlib.sha256(SOURCE.read_bytes() + header.read_bytes()).hexdigest()[:12]
    so = cache / "qemu-plugin" / f"libinsn_profile-{tag}.so"
    if not so.is_file():
        _run(["gcc", "-O2", "-Wall", "-Wextra", "-Wno-unused-parameter", "-shared", "-fPIC",
              "-I", str(header.parent), "-o", str(so), str(SOURCE)])
    return so
