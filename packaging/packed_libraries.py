"""UPX for the one large library the app loads only when a feature first needs it: DuckDB's (69 -> 33 MB).

The packed library is unpacked into memory each time the app loads it, so only a library the welcome page does
not load is packed (start-up is unchanged), and only where its cost was measured (tests/benchmarks/RESULTS.md,
"Installer size"): DuckDB's first import takes about 0.2 s more CPU and the unpacked copy is held as shared
memory (51 MB) rather than as file pages the system can drop, while the process runs. OpenBLAS is not packed:
UPX refuses the layout auditwheel's patchelf gave it ("bad DT_STRSZ"). The libraries every run loads (Qt,
Python, Arrow, numpy's) would each pay that cost at start-up.

UPX is used where it is installed (``make package`` installs Debian's ``upx-ucl`` as root where the system's
packages have it; Debian 12's do not); without it the library ships unpacked and the build says so.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

PACKED = ("_duckdb.",)  # names (prefixes) of the libraries packed, as PyInstaller puts them in the bundle


def upx() -> str | None:
    """The ``upx`` program, where packing is possible (Linux, with UPX installed)."""
    if not sys.platform.startswith("linux"):
        return None
    return shutil.which("upx") or shutil.which("upx-ucl")  # Debian's package may name it upx-ucl


def packed(dest: str, src: str, work: Path) -> str:
    """A UPX-packed copy of ``src`` under ``work`` when ``dest`` names a library of :data:`PACKED` and UPX is
    installed, else ``src``. Copies are cached, keyed by the source's path and modification time."""
    program = upx()
    if program is None or not Path(dest).name.startswith(PACKED):
        return src
    path = Path(src)
    key = hashlib.sha256(f"{path.resolve()}:{path.stat().st_mtime_ns}".encode()).hexdigest()[:16]
    target = work / key / path.name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([program, "-q", "-o", str(target), src], check=True, stdout=subprocess.DEVNULL)
        print(f"packed_libraries: {path.name} {path.stat().st_size / 1e6:.1f} -> {target.stat().st_size / 1e6:.1f} "
              "MB (UPX)", file=sys.stderr)
    return str(target)


def packed_in(bundle: Path) -> list[Path]:
    """The bundle's libraries that UPX packed (the ``UPX!`` mark of its header, at the end of the file), for the
    build's record."""
    found = []
    for library in bundle.rglob("*.so*"):
        if library.is_file() and not library.is_symlink() and library.name.startswith(PACKED):
            with library.open("rb") as file:
                file.seek(max(library.stat().st_size - 4096, 0))
                if b"UPX!" in file.read():
                    found.append(library)
    return found
