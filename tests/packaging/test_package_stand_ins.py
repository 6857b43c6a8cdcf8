"""The installer's smaller ICU data (packaging/stand_ins.py): a valid ICU common-data package that keeps the
chosen items byte for byte, in ICU's sorted and aligned layout, and drops the rest."""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from stand_ins import _data_symbol, trimmed_package  # noqa: E402 - packaging/ is not a package

PySide6 = pytest.importorskip("PySide6")
ICUDATA = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))


def items(package: bytes) -> dict[str, bytes]:
    """Name -> bytes of each item, read the way ICU's udata reads a "CmnD" table of contents."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    table = package[header_size:]
    count = struct.unpack_from("<I", table, 0)[0]
    offsets = [struct.unpack_from("<II", table, 4 + 8 * i) for i in range(count)]
    result = {}
    for i, (name_at, data_at) in enumerate(offsets):
        assert (header_size + data_at) % 16 == 0, "ICU maps items in place: each must be 16-byte aligned"
        end = offsets[i + 1][1] if i + 1 < count else len(table)
        result[table[name_at:table.index(b"\0", name_at)].decode("ascii")] = table[data_at:end]
    return result


@pytest.mark.skipif(not sys.platform.startswith("linux") or not ICUDATA, reason="PySide6's ICU ships on Linux")
def test_the_trimmed_package_keeps_the_chosen_items_unchanged() -> None:
    library = ICUDATA[0]
    _symbol, offset, size = _data_symbol(library)
    original = library.read_bytes()[offset:offset + size]
    package, kept = trimmed_package(original, re.compile(r"coll/(ucadata\.icu|root\.res)|zoneinfo64\.res"))
    before, after = items(original), items(package)
    assert sorted(after) == kept == sorted(after, key=lambda name: name.encode())  # ICU searches by strcmp
    assert {name.split("/", 1)[1] for name in after} == {"coll/ucadata.icu", "coll/root.res", "zoneinfo64.res"}
    for name, data in after.items():  # padding aside, each item is the original's bytes
        assert data[:len(before[name].rstrip(b"\0"))] == before[name].rstrip(b"\0")
    assert package[:struct.unpack_from("<H", original, 0)[0]] == original[:struct.unpack_from("<H", original, 0)[0]]
    assert len(package) < len(original) / 10


def test_anything_but_icu_common_data_is_refused() -> None:
    with pytest.raises(ValueError, match="not an ICU common data package"):
        trimmed_package(b"\x20\x00\xda\x27" + b"\0" * 8 + b"ResB" + b"\0" * 16)
