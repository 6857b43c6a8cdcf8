"""numpy built without BLAS and LAPACK for the bundle: 28.5 MB of the 325 the folder weighed (issue 17.6).

numpy's Linux wheels link OpenBLAS (25.4 MB, with its libgfortran 2.8 and libquadmath 0.3 MB): the fast
matrix products and the LAPACK behind ``numpy.linalg``. UsageLens never asks for either: its analyses count,
sort, search and bin (no ``dot``, ``@``, ``matmul`` or ``linalg`` in its code, which
tests/packaging/test_numpy_without_blas.py keeps true), pandas calls BLAS only from ``DataFrame.dot``, and
pyqtgraph transforms with Qt's own matrices. numpy's own build options turn BLAS off
(``-Dblas=none -Dlapack=none -Dallow-noblas=true``): every function stays, matrix products running numpy's
own loops and ``numpy.linalg`` its bundled ``lapack_lite`` (slower on large matrices only).

So the build makes, once per numpy release, a wheel of the *installed* release from its source with those
options (pip and the C compiler the stand-ins need too: about 10 minutes on 2 cores; kept under ``build/``, not
in pip's own cache, so that a wheel built there with other options is never taken; and a wheel whose
``__config__`` names a BLAS is refused) and ships its files in place of the installed wheel's under
``numpy/`` — the same release, hence the same modules and C API for pandas, pyarrow and DuckDB. OpenBLAS and
its Fortran runtime, no longer linked, then drop out as orphans (``without_orphans`` in the spec). Where the
wheel cannot be made (not Linux, offline, no compiler, a build failure) the build says why and ships the
installed numpy, as before.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

OPTIONS = ("-Csetup-args=-Dblas=none", "-Csetup-args=-Dlapack=none", "-Csetup-args=-Dallow-noblas=true")
# How the build's numpy/__config__.py says it has no BLAS (numpy.show_config() reads it).
WITHOUT_BLAS = re.compile(r'"blas":\s*\{\s*"name":\s*"none"')


def numpy_without_blas(work: Path) -> Path | None:
    """The folder holding an unpacked ``numpy/`` of the installed release built without BLAS (made on first
    need under ``work``), or None where it cannot be made here."""
    if not sys.platform.startswith("linux"):
        return None
    version = metadata.version("numpy")
    unpacked = work / version
    if (unpacked / "numpy" / "__init__.py").exists():
        return unpacked
    wheels = work / "wheels"
    found = sorted(wheels.glob(f"numpy-{version}-*.whl"))
    if not found:
        wheels.mkdir(parents=True, exist_ok=True)
        print(f"numpy_without_blas: building numpy {version} without BLAS from its source (once per release: minutes)",
              file=sys.stderr)
        built = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-cache-dir", "--no-deps", "--no-binary", "numpy",
             f"numpy=={version}", *OPTIONS, "--wheel-dir", str(wheels)],
            capture_output=True, text=True,
        )
        found = sorted(wheels.glob(f"numpy-{version}-*.whl"))
        if built.returncode != 0 or not found:
            reason = (built.stderr.strip().splitlines() or ["no wheel"])[-1]
            print(f"numpy_without_blas: shipping the installed numpy with OpenBLAS ({reason})", file=sys.stderr)
            return None
    with zipfile.ZipFile(found[-1]) as wheel:
        config = wheel.read("numpy/__config__.py").decode()
        if not WITHOUT_BLAS.search(config):  # a wheel of the same name built otherwise: never shipped as this
            print(f"numpy_without_blas: {found[-1].name} links a BLAS: shipping the installed numpy",
                  file=sys.stderr)
            return None
        wheel.extractall(unpacked)
    return unpacked


def swapped(src: str, built: Path | None) -> str:
    """``src`` (a file of the installed numpy, library or Python module) as the BLAS-free build has it, or
    ``src`` itself when there is no build or it lacks that file."""
    parts = Path(src).parts
    if built is None or "site-packages" not in parts:
        return src
    inside = parts[len(parts) - parts[::-1].index("site-packages"):]  # below the last site-packages
    counterpart = built.joinpath(*inside)
    return str(counterpart) if inside[:1] == ("numpy",) and counterpart.is_file() else src
