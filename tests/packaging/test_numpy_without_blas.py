"""The installer's numpy without BLAS (packaging/numpy_without_blas.py): the bundle takes the BLAS-free build's
file for every numpy file it has and nothing else; and the app's own code asks numpy for no matrix algebra, the
one thing that build does slower."""

from __future__ import annotations

import ast
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from numpy_without_blas import numpy_without_blas, swapped  # noqa: E402 - packaging/ is not a package

PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "usagelens"
# What runs on BLAS or LAPACK in numpy (and pandas' DataFrame.dot): products of matrices and linear algebra.
MATRIX_ALGEBRA = {"dot", "vdot", "matmul", "tensordot", "einsum", "linalg", "lstsq", "polyfit",
                  "corrcoef", "cov", "kron"}


def test_every_numpy_file_of_the_build_replaces_the_installed_one_and_nothing_else(tmp_path: Path) -> None:
    built = tmp_path / "built"
    for name in ("numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", "numpy/__config__.py"):
        (built / name).parent.mkdir(parents=True, exist_ok=True)
        (built / name).write_bytes(b"")
    site = "/venv/lib/python3.11/site-packages"
    assert swapped(f"{site}/numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", built) == str(
        built / "numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so")
    assert swapped(f"{site}/numpy/__config__.py", built) == str(built / "numpy/__config__.py")
    for elsewhere in (f"{site}/numpy/linalg/_umath_linalg.cpython-311-x86_64-linux-gnu.so",  # not in the build
                      f"{site}/numpy.libs/libscipy_openblas64_-32a4b2a6.so",  # OpenBLAS: left to the orphan rule
                      f"{site}/pandas/__init__.py", "/home/numpy/site-packages-not/numpy/__config__.py"):
        assert swapped(elsewhere, built) == elsewhere
    assert swapped(f"{site}/numpy/__config__.py", None) == f"{site}/numpy/__config__.py"  # no build: installed


def test_the_app_asks_numpy_for_no_matrix_algebra() -> None:
    found = []
    for module in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult) or (
                    isinstance(node, ast.Attribute) and node.attr in MATRIX_ALGEBRA):
                found.append(f"{module.relative_to(PACKAGE)}:{node.lineno}")
    assert not found, f"matrix algebra runs slower in the installer's numpy without BLAS: {found}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle's numpy is rebuilt on Linux only")
@pytest.mark.parametrize(("blas", "shipped"), [("none", True), ("scipy-openblas", False)])
def test_a_kept_wheel_is_shipped_only_when_it_has_no_blas(tmp_path: Path, blas: str, shipped: bool) -> None:
    version = metadata.version("numpy")
    (tmp_path / "wheels").mkdir()
    with zipfile.ZipFile(tmp_path / "wheels" / f"numpy-{version}-cp311-cp311-linux_x86_64.whl", "w") as wheel:
        wheel.writestr("numpy/__init__.py", "")
        wheel.writestr("numpy/__config__.py", f'CONFIG = {{\n    "blas": {{\n        "name": "{blas}",\n    }}\n}}\n')
    built = numpy_without_blas(tmp_path)  # a wheel is kept: nothing is built
    assert (built == tmp_path / version) if shipped else built is None
    assert (tmp_path / version / "numpy" / "__init__.py").exists() == shipped
