"""Build the one-folder app with PyInstaller, prove it runs (packaging/check_bundle.py: ``--self-test`` and the
command line on a CSV, a workbook, a DuckDB link and a PDF report), then archive it.

    python packaging/build.py [--reuse]

``--reuse`` keeps PyInstaller's analysis from the last build (``build/pyinstaller``) when its inputs did not
change, for trying a packaging rule; without it, every build starts clean, as a release must.

Prints how long the build took, how big the folder is and how big its archive is (what a user downloads,
issue 17), the numbers release notes need, and records them with the packaged app's start-up time and its
largest parts in tests/benchmarks/RESULTS.md ("The installer"), so every build re-measures them. Only a
bundle whose checks passed is archived and recorded.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "UsageLens"
TARGET_MB = 300  # issue 17: the unpacked folder
STARTUP_TARGET_S = 1.5  # issue 17: process start to the first painted window
HEADING = "## The installer"


def render_icon() -> None:
    """PNG of the SVG icon for the bundle (PyInstaller wants a bitmap icon)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - needed for painting
    target = ROOT / "build" / "icon" / "usagelens.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    QSvgRenderer(str(ROOT / "resources" / "icons" / "usagelens.svg")).render(painter)
    painter.end()
    image.save(str(target))


def folder_size(path: Path) -> int:
    """Bytes on disk, counting each file once (the bundle links some libraries under two names)."""
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def largest_parts(path: Path, count: int = 8) -> list[tuple[str, int]]:
    """The bundle's biggest parts by bytes: a package's folder (``pyarrow``, ``PySide6/Qt/lib``...), a file
    directly in ``_internal``, or the executable (which carries the compressed Python modules), so a growing
    dependency shows where it grew."""
    sizes: Counter[str] = Counter()
    internal = path / "_internal"
    for file in path.rglob("*"):
        if not file.is_file() or file.is_symlink():
            continue
        parts = file.relative_to(internal).parts if internal in file.parents else (f"{file.name} (executable)",)
        key = "/".join(parts[:3]) if parts[:2] == ("PySide6", "Qt") else parts[0]
        sizes[key] += file.lstat().st_size
    return sizes.most_common(count)


def record(size: int, archive: Path, took: float, self_test: str) -> None:
    """The installer's section of tests/benchmarks/RESULTS.md, replaced by each build."""
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    from results_file import replace_section

    painted = re.search(r"painted ([0-9.]+) s after the process started \(([0-9.]+) s of CPU", self_test)
    startup = f"{painted[1]} s ({painted[2]} s CPU)" if painted else "not measured on this system"
    parts = ", ".join(f"{name} {part / 1e6:.1f}" for name, part in largest_parts(DIST))
    from packed_libraries import packed_in, upx  # beside this script, so on the path

    packed = ", ".join(library.name for library in packed_in(DIST))
    packing = (f"UPX packed {packed} (packaging/packed_libraries.py says why that library and what it costs)."
               if packed else "No library is UPX-packed: " + ("packaging/packed_libraries.py found none to pack."
                                                               if upx() else "upx is not installed here."))
    replace_section(HEADING, f"""{HEADING}

Written by `make package` (packaging/build.py) on {platform.system()} {platform.machine()}, Python \
{platform.python_version()}, on {time.strftime("%Y-%m-%d")}; the build took {took:.0f} s, the load average was \
{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (times grow with it).

| measure | value | target |
|---|---:|---:|
| folder, unpacked | {size / 1e6:.0f} MB | ≤ {TARGET_MB} MB |
| archive (what a user downloads) | {archive.stat().st_size / 1e6:.0f} MB | — |
| start-up to the first painted window | {startup} | ≤ {STARTUP_TARGET_S} s |

Start-up is the packaged `--self-test`'s: process start to the welcome page painted (offscreen, Qt's
software rendering), bootloader, imports and first layout included; the CPU time is the process's own, which
other work on the machine does not inflate the way it inflates the wall time.

Largest parts (MB): {parts}. {packing}

Left out (the rules and their reasons are beside each in packaging/bundle_rules.py, packaging/usagelens.spec,
packaging/stand_ins.py and packaging/numpy_without_blas.py): OpenBLAS with its Fortran runtime (28.5 MB; numpy
is rebuilt from its source release without BLAS, since the app multiplies no matrices, and numpy.linalg runs
its own LAPACK lite); symbol tables of every library but auditwheel's; ICU's data but the root
collation and time-zone tables (32 → 1.7 MB: Qt calls ICU only for QCollator, QLocale case mapping, QTimeZone
names and legacy encodings, none of which the app uses; a gdb trace of the self-test saw no ICU call, German
locale too); Arrow's Substrait library (an empty stand-in: pyarrow's modules all link it, only the excluded
`_substrait` uses it), Flight, S3/GCS/Azure/HDFS, ORC, Feather, Parquet encryption, headers, sources and
tests; QtOpenGL's binding (pyqtgraph imports it but draws with QPainter; a runtime hook stands in), QtDBus',
QtTest and QtNetwork, the GTK theme, TLS, network, embedded-device and image-format plugins but SVG; Qt's
translations but `qtbase` in the languages the app ships (issue 17: "Qt translations not shipped"); the system
libraries of AppImage's excludelist that PyInstaller copied (libstdc++, libgcc_s, X11, fontconfig, FreeType,
expat, libgpg-error, zlib, libuuid, with libxcb's Xau/Xdmcp) and GLib, which every Linux desktop has and which
break when an older copy shadows the system's (the bundle needs glibc 2.35, whose distributions all have the
GLIBCXX_3.4.29 it needs); pyqtgraph's logo (set only by its `mkQApp`), the README screenshot and translation
sources; Python modules the app never imports (bundle_rules.MODULES_LEFT_OUT: readline, sqlite3, setuptools,
Pygments, DuckDB's Spark API, numpy.f2py, pyqtgraph's flowchart, console and dock areas, sqlglot's executor,
markdown-it, cffi's compiler, pandas' Styler and SAS reader, doctest, pdb, ClickHouse's embedded chdb
(530 MB), zstandard, and BigQuery's SDK with gRPC where the build machine has it (21 MB)…); the packages' `RECORD` files
(pip's file lists); docstrings and asserts (every module compiled as under `-OO`). Kept on purpose:
`cryptography` (12 MB, never opened by the checks, but keyring's Linux backend, SecretStorage, encrypts
passwords with it), OpenSSL (Python's hashlib and TLS, which every warehouse driver needs) and libdbus
(accessibility and portals). Warehouse drivers (bundle_rules.WAREHOUSE_BACKENDS): DuckDB's (DuckDB files and
MotherDuck), PostgreSQL's (psycopg-binary's libpq, its OpenSSL linked to the bundle's), ClickHouse's,
Trino's and Databricks'; BigQuery's and Snowflake's SDKs are left out ("Installer size" below says what each
costs). Each build is proved by packaging/check_bundle.py: the packaged `--self-test` (welcome page, every
step, a dark theme, the help, a CSV and a Parquet import, an analysis on DuckDB, the PDF and each shipped
translation), `usagelens analyze` on a CSV (in memory and on DuckDB), an Excel workbook, a DuckDB link and a
PostgreSQL link to a throw-away local cluster (password by SCRAM), and `usagelens report` writing a PDF and a
workbook, all offscreen; ClickHouse, Trino and Databricks links to a closed port refused in one sentence
(their drivers reached), a Databricks link without a token told how to give one, and a BigQuery link refused
in one sentence naming the warehouses this build reads; its `--unused` lists what the checks never open.
""")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuse", action="store_true", help="reuse the last build's analysis where unchanged")
    args = parser.parse_args()
    if not (ROOT / "samples" / "demo.ulens").exists():
        print("samples/demo.ulens is missing: run `python samples/generate.py` first", file=sys.stderr)
        return 2
    render_icon()
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", *([] if args.reuse else ["--clean"]),
         "--log-level", "WARN", "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build" / "pyinstaller"),
         str(ROOT / "packaging" / "usagelens.spec")],
        check=True,
    )
    took = time.monotonic() - started
    size = folder_size(DIST)
    print(f"Built {DIST} in {took:.0f} s: {size / 1e6:.0f} MB")
    dangling = sorted(str(p.relative_to(DIST)) for p in DIST.rglob("*") if p.is_symlink() and not p.exists())
    if dangling:  # a library the spec left out that something still links to by name
        print(f"Links to files the bundle lacks: {', '.join(dangling)}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT / "packaging"))
    from check_bundle import run_checks

    passed, self_test = run_checks(DIST / ("usagelens.exe" if os.name == "nt" else "usagelens"))
    if not passed:
        return 1
    archive = make_archive()
    print(f"Archived {archive}: {archive.stat().st_size / 1e6:.0f} MB")
    record(size, archive, took, self_test)
    return 0


def make_archive() -> Path:
    """The bundle as one download: a zip on Windows, a tar.gz elsewhere (it keeps the bundle's symlinks)."""
    from usagelens import __version__

    system = {"Windows": "windows", "Darwin": "macos"}.get(platform.system(), platform.system().lower())
    base = DIST.parent / f"UsageLens-{__version__}-{system}-{platform.machine().lower()}"
    kind = "zip" if os.name == "nt" else "gztar"
    return Path(shutil.make_archive(str(base), kind, root_dir=DIST.parent, base_dir=DIST.name))


if __name__ == "__main__":
    sys.exit(main())
