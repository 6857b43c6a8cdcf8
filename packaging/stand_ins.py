"""Smaller stand-ins for two libraries the bundle must have by name but whose contents the app never uses.

**libarrow_substrait** (4.5 MB): every pyarrow extension module and ``libarrow_python`` list it as needed
(pyarrow's wheel links them all against it), yet none but ``pyarrow._substrait`` (excluded: Substrait plans are
for query engines exchanging plans, which the app never does) uses a symbol of it — checked with ``nm`` on
pyarrow 26. An empty library under its soname satisfies the loader.

**libicudata**: Qt's ICU data cut down to what Qt can ask of it here.

PySide6's Qt links ICU, whose data library is 32 MB (every locale's names, units, currencies, calendars,
break rules, transliterators and 200 legacy encodings). Qt calls ICU only for locale collation (QCollator),
locale case mapping (QLocale::toUpper), time-zone ids and names (QTimeZone) and legacy encodings
(QStringConverter); UsageLens calls none of them (it sorts, cases and decodes in Python), and a ``gdb`` trace of
the self-test with a German locale saw no ICU call at all. So the library is rebuilt holding only the root
collation (so a QCollator still sorts by the Unicode order) and the time-zone ids; anything else Qt asks ICU for
fails with an ICU error code, which Qt answers with its own fallback (plain comparison, no zone display name,
an invalid converter), never a crash.

The data is ICU's "common data" package (a header, a sorted table of contents, 16-byte aligned items) that
the library exports as its one symbol, ``icudt<version>_dat``; the new package keeps the header and the items
named in ``KEEP``.

Both are assembled by the C compiler into a library with the original's soname. Linux only; without a compiler
(or with a layout not recognised) the original library ships and the build says so.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

# Item names below the package's ``icudt73l/`` prefix that are kept: the root collation (what QCollator needs
# whatever the locale, each language's tailoring falling back to root) and the time-zone tables.
KEEP = re.compile(
    r"(coll/(ucadata\.icu|root\.res|res_index\.res)"
    r"|zoneinfo64\.res|timezoneTypes\.res|metaZones\.res|windowsZones\.res|res_index\.res|root\.res"
    r"|likelySubtags\.res|pool\.res)"
)
ALIGN = 16


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """The exported data symbol's name, file offset and size, from ``readelf`` (binutils)."""
    symbols = subprocess.run(["readelf", "-s", "-W", "--dyn-syms", str(library)], capture_output=True,
                             text=True, check=True).stdout
    sections = subprocess.run(["readelf", "-S", "-W", str(library)], capture_output=True, text=True,
                              check=True).stdout
    found = re.search(r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\w+\s+(\d+)\s+(icudt\d+_dat)\b", symbols)
    if found is None:
        raise ValueError(f"{library.name} exports no icudt*_dat symbol")
    address, size, index, name = int(found[1], 16), int(found[2], 0), int(found[3]), found[4]
    header = re.search(rf"\[\s*{index}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if header is None:
        raise ValueError(f"{library.name}: no section {index}")
    return name, address - int(header[1], 16) + int(header[2], 16), size


def trimmed_package(package: bytes, keep: re.Pattern[str] = KEEP) -> tuple[bytes, list[str]]:
    """``package`` (ICU common data) with only the items whose name (after the ``icudtNNl/`` prefix) matches
    ``keep``; also returns the kept names. The layout is ICU's ``udata`` "CmnD" table of contents: a count,
    then (name offset, data offset) pairs relative to the table, names sorted, items aligned to 16 bytes."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    table = package[header_size:]
    count = struct.unpack_from("<I", table, 0)[0]
    offsets = [struct.unpack_from("<II", table, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(offsets):
        name = table[name_at:table.index(b"\0", name_at)].decode("ascii")
        end = offsets[i + 1][1] if i + 1 < count else len(table)
        if keep.fullmatch(name.split("/", 1)[1]):
            items.append((name, table[data_at:end]))
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    first_name = 4 + 8 * len(items)
    first_data = -(-(first_name + len(names)) // ALIGN) * ALIGN
    entries, name_at, data_at = [], first_name, first_data
    for name, data in items:
        entries.append(struct.pack("<II", name_at, data_at))
        name_at += len(name) + 1
        data_at += -(-len(data) // ALIGN) * ALIGN
    body = struct.pack("<I", len(items)) + b"".join(entries) + names
    body += b"\0" * (first_data - len(body))
    for _, data in items:
        body += data + b"\0" * (-len(data) % ALIGN)
    return package[:header_size] + body, [name for name, _ in items]


def _assemble(source: Path, work: Path, assembly: str) -> Path:
    """``assembly`` built into ``work/<source's name>``, a shared library with the soname of ``source``."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    assert compiler is not None
    work.mkdir(parents=True, exist_ok=True)
    (work / "stand_in.S").write_text(assembly + '\t.section .note.GNU-stack,"",@progbits\n')
    target = work / source.name
    subprocess.run([compiler, "-shared", "-nostdlib", f"-Wl,-soname,{source.name}", "-o", str(target),
                    str(work / "stand_in.S")], check=True)
    subprocess.run(["strip", "--strip-unneeded", str(target)], check=True)
    return target


def _can_build() -> bool:
    tools = ("readelf", "strip")
    return (sys.platform.startswith("linux") and bool(shutil.which("cc") or shutil.which("gcc"))
            and all(shutil.which(tool) for tool in tools))


def empty_library(library: str, work: Path) -> str:
    """A path to a library with ``library``'s soname and nothing in it, or ``library`` where none can be built."""
    if not _can_build():
        return library
    return str(_assemble(Path(library), work, ""))


def small_icudata(library: str, work: Path) -> str:
    """A path to a trimmed copy of ``library`` (``libicudata.so.NN``) built under ``work``, or ``library``
    itself where that cannot be done (not Linux, no compiler or binutils, an unexpected layout)."""
    source = Path(library)
    if not _can_build():
        return library
    try:
        symbol, offset, size = _data_symbol(source)
        package, kept = trimmed_package(source.read_bytes()[offset:offset + size])
    except (ValueError, subprocess.CalledProcessError) as exc:
        print(f"stand_ins: keeping the full {source.name} ({exc})", file=sys.stderr)
        return library
    work.mkdir(parents=True, exist_ok=True)
    (work / "icudata.bin").write_bytes(package)
    target = _assemble(source, work, (
        f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign {ALIGN}\n{symbol}:\n"
        f'\t.incbin "{work / "icudata.bin"}"\n\t.size {symbol}, . - {symbol}\n'
    ))
    print(f"stand_ins: {source.name} {source.stat().st_size / 1e6:.1f} -> {target.stat().st_size / 1e6:.1f} MB "
          f"({len(kept)} of its data items kept)", file=sys.stderr)
    return str(target)
