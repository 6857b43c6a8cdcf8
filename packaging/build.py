"""Build the one-folder app with PyInstaller, prove it runs with ``--self-test``, then archive it.

Prints how long the build took, how big the folder is and how big its archive is (what a user downloads,
issue 17), the numbers release notes need. Only a bundle whose self-test passed is archived.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "UsageLens"


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


def main() -> int:
    if not (ROOT / "samples" / "demo.ulens").exists():
        print("samples/demo.ulens is missing: run `python samples/generate.py` first", file=sys.stderr)
        return 2
    render_icon()
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build" / "pyinstaller"),
         str(ROOT / "packaging" / "usagelens.spec")],
        check=True,
    )
    took = time.monotonic() - started
    size = folder_size(DIST)
    print(f"Built {DIST} in {took:.0f} s: {size / 1e6:.0f} MB")
    binary = DIST / ("usagelens.exe" if os.name == "nt" else "usagelens")
    result = subprocess.run([str(binary), "--self-test"], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if result.returncode:
        return result.returncode
    archive = make_archive()
    print(f"Archived {archive}: {archive.stat().st_size / 1e6:.0f} MB")
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
