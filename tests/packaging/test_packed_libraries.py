"""UPX packing of the libraries loaded late (packaging/packed_libraries.py), without UPX: only the named library
is packed, nothing is without UPX, and the build's record finds a packed library by UPX's mark."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import packed_libraries  # noqa: E402 - packaging/ is not a package
from packed_libraries import packed, packed_in  # noqa: E402

DUCKDB = "_duckdb.cpython-311-x86_64-linux-gnu.so"


@pytest.fixture
def fake_upx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``upx`` that copies its input and appends UPX's mark, as the real one ends a packed file."""
    program = tmp_path / "bin" / "upx"
    program.parent.mkdir()
    program.write_text('#!/bin/sh\n# upx -q -o TARGET SOURCE\ncat "$4" > "$3"; printf "UPX!" >> "$3"\n')
    program.chmod(0o755)
    monkeypatch.setattr(packed_libraries, "upx", lambda: str(program))
    return program


def test_only_duckdbs_library_is_packed_and_the_copy_is_cached(tmp_path: Path, fake_upx: Path) -> None:
    source = tmp_path / DUCKDB
    source.write_bytes(b"\x7fELF library")
    work = tmp_path / "packed"
    copy = Path(packed(DUCKDB, str(source), work))
    assert copy != source and copy.read_bytes() == b"\x7fELF libraryUPX!" and work in copy.parents
    fake_upx.unlink()  # a second build reuses the copy
    assert packed(DUCKDB, str(source), work) == str(copy)
    other = tmp_path / "libarrow.so.2600"
    other.write_bytes(b"\x7fELF")
    assert packed("pyarrow/libarrow.so.2600", str(other), work) == str(other)


def test_without_upx_every_library_ships_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packed_libraries, "upx", lambda: None)
    source = tmp_path / DUCKDB
    source.write_bytes(b"\x7fELF")
    assert packed(DUCKDB, str(source), tmp_path / "packed") == str(source)


def test_the_record_finds_the_packed_libraries_by_upxs_mark(tmp_path: Path) -> None:
    (tmp_path / "_internal").mkdir()
    (tmp_path / "_internal" / DUCKDB).write_bytes(b"\0" * 10_000 + b"UPX!" + b"\0" * 32)
    (tmp_path / "_internal" / "_duckdb.abi3.so").write_bytes(b"\0" * 10_000)
    (tmp_path / "_internal" / "libother.so.1").write_bytes(b"UPX!")
    assert packed_in(tmp_path) == [tmp_path / "_internal" / DUCKDB]
