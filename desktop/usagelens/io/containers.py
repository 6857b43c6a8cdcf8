"""Opening what the user chose as the streams of data it holds: a plain file, the inside of a ``.gz``, or the
members of a ``.zip`` (Amplitude exports a zip of hourly ``.json.gz`` files; all of them are one source).

Every stream is read as it is unpacked, never written to disk, so a guard can stop a decompression bomb while
it inflates: what a member unpacks to is counted against its packed size and against a total. The limits are
far above real exports (a gzipped event export shrinks 5–30×, and 10M events are ~3 GB of JSON) and far below
what would exhaust a laptop.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any, BinaryIO

from usagelens.io.errors import CANNOT_READ, DAMAGED, ImportFailed, display_name
from usagelens.io.formats import GZIP_MAGIC, ZIP_MAGIC, ZipKind, refuse_folder, zip_kind
from usagelens.model.translatable import QT_TRANSLATE_NOOP

GB = 1 << 30
MAX_UNPACKED = 16 * GB  # all members together; ~50M events of JSON, beyond what one import holds in memory
MAX_RATIO = 200  # real exports shrink at most ~30×; a bomb grows thousands of times
RATIO_CHECKED_FROM = 100 << 20  # below this, a high ratio (a column of blanks) costs nothing
MAX_MEMBERS = 10_000  # a year of hourly files is 8,760
# Members an archiver adds beside the data: macOS resource forks, Finder and Explorer caches.
_JUNK = re.compile(r"(^|/)(__MACOSX/|\.[^/]*$|Thumbs\.db$|desktop\.ini$)", re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    """One stream of data: the file itself, the inside of a ``.gz``, or one member of a ``.zip``.

    ``name`` carries the suffix that says what the data is (``events.csv`` for ``events.csv.gz``); ``label``
    names it in messages; ``size`` is what it unpacks to (0 when only unpacking tells: a ``.gz`` inside a zip)
    and ``packed`` what it takes in its file, for progress.
    """

    name: str
    label: str
    size: int
    packed: int
    opener: Callable[[], BinaryIO]

    def open(self) -> BinaryIO:
        """A new binary stream of the unpacked data, from its start."""
        return self.opener()

    def open_seekable(self) -> BinaryIO:
        """A stream a reader may jump around in (workbooks, Parquet): the file itself, or the unpacked data in
        memory when it comes from an archive."""
        handle = self.open()
        if handle.seekable():
            return handle
        with handle:
            return io.BytesIO(handle.read())

    def head(self, size: int) -> bytes:
        """The first ``size`` unpacked bytes (fewer when the data is shorter)."""
        with self.open() as handle:
            return handle.read(size)

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()

    @property
    def weight(self) -> int:
        """Its share of an archive's work: unpacked bytes where known, else packed ones."""
        return max(self.size or self.packed, 1)

    def share_read(self, unpacked: int) -> float:
        """How much of it ``unpacked`` bytes are, 0..1 (0 while its size is unknown)."""
        return min(unpacked / self.size, 1.0) if self.size else 0.0


@contextmanager
def opened_parts(path: str | PathLike[str]) -> Iterator[list[Part]]:
    """The data streams of ``path`` in reading order, readable until the block ends (an archive stays open
    meanwhile: a year of hourly members must not parse its table of contents 8,760 times); :class:`ImportFailed`
    for a folder, a damaged or encrypted archive, a nested archive or one that would unpack beyond the limits."""
    path = Path(path)
    name = display_name(path)
    if path.is_dir():
        refuse_folder(path)
    head = _read_head(path)
    if head.startswith(GZIP_MAGIC):
        yield [_gzip_part(path, name)]
    elif head.startswith(ZIP_MAGIC) and zip_kind(path) is ZipKind.ARCHIVE:
        with _zip_archive(path, name) as archive:
            yield _zip_parts(archive, name)
    else:
        size = _size(path)
        yield [Part(name, name, size, size, lambda: open(path, "rb"))]


def _read_head(path: Path) -> bytes:
    """The first bytes, with file-system errors turned into a message for the user."""
    name = display_name(path)
    try:
        with open(path, "rb") as handle:
            return handle.read(8)
    except FileNotFoundError:
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} was not found; it may have been moved or deleted.")
                           .format(name=name)) from None
    except PermissionError:
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} cannot be opened: permission denied.").format(
            name=name)) from None
    except OSError as error:
        raise ImportFailed(CANNOT_READ.format(name=name, reason=str(error.strerror or error))) from None


def _size(path: Path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _gzip_part(path: Path, name: str) -> Part:
    """The inside of a ``.gz``; its trailer declares the unpacked size (modulo 4 GB), good enough for progress."""
    packed = _size(path)
    with open(path, "rb") as handle:
        handle.seek(max(packed - 4, 0))
        declared = int.from_bytes(handle.read(4), "little")
    inner = name[: -len(".gz")] if name.lower().endswith(".gz") else name

    def opener() -> BinaryIO:
        return _guarded(gzip.open(path, "rb"), name, packed)  # type: ignore[arg-type]

    _refuse_nested(inner, name)
    return Part(inner, name, declared, packed, opener)


@contextmanager
def _zip_archive(path: Path, name: str) -> Iterator[zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is damaged or incomplete; download or zip it again.")
                           .format(name=name)) from None
    with archive:
        yield archive


def _zip_parts(archive: zipfile.ZipFile, name: str) -> list[Part]:
    """Every data member of a zip, in natural name order (``hour_2`` before ``hour_10``), each ``.gz`` member
    unpacked too. Declared sizes are checked before anything is inflated: :mod:`zipfile` never inflates a
    member past its declared size, so the declaration bounds the work."""
    members = [info for info in archive.infolist() if not info.is_dir() and not _JUNK.search(info.filename)]
    if not members:
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} holds no files.").format(name=name))
    if len(members) > MAX_MEMBERS:
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} holds {count:,} files, more than the {most:,} "
                                                       "UsageLens reads.").format(name=name, count=len(members),
                                                                                  most=MAX_MEMBERS))
    if sum(info.file_size for info in members) > MAX_UNPACKED:
        raise ImportFailed(_too_large(name))
    for info in members:
        if info.flag_bits & 0x1:
            raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is password-protected; unzip it yourself and import "
                                                           "the files inside.").format(name=name))
        if info.file_size > RATIO_CHECKED_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportFailed(_bomb(name))
    members.sort(key=lambda info: _natural(info.filename))
    return [_member_part(archive, name, info) for info in members]


def _member_part(archive: zipfile.ZipFile, name: str, info: zipfile.ZipInfo) -> Part:
    member = info.filename
    label = f"{name} ▸ {member}"
    gzipped = member.lower().endswith(".gz")
    inner = member[: -len(".gz")] if gzipped else member

    def opener() -> BinaryIO:
        try:
            stream: BinaryIO = archive.open(info)
        except (NotImplementedError, zipfile.BadZipFile, OSError) as error:
            raise ImportFailed(_member_error(label, error)) from None
        if gzipped:  # GzipFile leaves the member open: the guard closes both
            return _guarded(gzip.GzipFile(fileobj=stream, mode="rb"), label, info.compress_size, stream)  # type: ignore[arg-type]
        return _guarded(stream, label, info.compress_size)

    _refuse_nested(inner, label)
    return Part(inner, label, 0 if gzipped else info.file_size, info.compress_size, opener)


def _refuse_nested(inner: str, label: str) -> None:
    """Archives inside archives are refused by name, before they are opened: unpacking them is the user's call."""
    if Path(inner).suffix.lower() in (".zip", ".gz", ".tar", ".tgz", ".7z", ".rar"):
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is an archive inside an archive; unpack it and import "
                                                       "the files inside.").format(name=label))


def _member_error(label: str, error: Exception) -> str:
    if isinstance(error, NotImplementedError):  # Deflate64 (Windows' Explorer zips large files so) or worse
        return QT_TRANSLATE_NOOP("Import", "{name} is compressed in a way UsageLens cannot unpack; unzip it yourself "
                                           "and import the files.").format(name=label)
    return QT_TRANSLATE_NOOP("Import", "{name} is damaged; download or zip it again.").format(name=label)


def _natural(name: str) -> list[Any]:
    return [(0, int(piece), "") if piece.isdigit() else (1, 0, piece.lower()) for piece in re.split(r"(\d+)", name)]


def _too_large(name: str) -> str:
    return QT_TRANSLATE_NOOP("Import", "{name} unpacks to more than {size} GB, more than one import holds; export a "
                                       "shorter date range.").format(name=name, size=MAX_UNPACKED // GB)


def _bomb(name: str) -> str:
    return QT_TRANSLATE_NOOP("Import", "{name} unpacks to more than {ratio} times its size, which no real export "
                                       "does; it was not read (it may be a decompression bomb).").format(
        name=name, ratio=MAX_RATIO)


def _guarded(stream: BinaryIO, label: str, packed: int, *under: BinaryIO) -> BinaryIO:
    return io.BufferedReader(_GuardedStream(stream, label, packed, under), buffer_size=1 << 20)


class _GuardedStream(io.RawIOBase):
    """An unpacking stream that stops with :class:`ImportFailed` once it grows past the limits, and turns the
    unpacker's errors (a truncated download, a bad CRC) into one sentence."""

    def __init__(self, stream: BinaryIO, label: str, packed: int, under: tuple[BinaryIO, ...]) -> None:
        super().__init__()
        self._streams = (stream, *under)
        self._stream = stream
        self._label = label
        self._packed = max(packed, 1)
        self._unpacked = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            data = self._stream.read(len(buffer))
        except (EOFError, zlib.error, gzip.BadGzipFile, zipfile.BadZipFile):
            raise ImportFailed(DAMAGED.format(name=self._label)) from None
        count = len(data)
        buffer[:count] = data
        self._unpacked += count
        if self._unpacked > MAX_UNPACKED:
            raise ImportFailed(_too_large(self._label))
        if self._unpacked > RATIO_CHECKED_FROM and self._unpacked > MAX_RATIO * self._packed:
            raise ImportFailed(_bomb(self._label))
        return count

    def close(self) -> None:
        if not self.closed:
            for stream in self._streams:
                stream.close()
        super().close()
