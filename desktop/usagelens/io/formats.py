"""Which files can be imported, and what a file really is whatever its name says.

Exports are often misnamed: web tools save HTML or XML as ``.xls``, Excel saves encrypted workbooks as an OLE2
container with an ``.xlsx`` name, text exports carry an ``.xls`` name and JSON lines a ``.csv`` one. Looking
at the first bytes lets every such file be read as what it is, and every file that holds no table (a PDF, a
screenshot, a database, a Numbers document, a Google Sheets shortcut) get a message that says what it is and
what to do, before a parser fails with a cryptic error.
"""

from __future__ import annotations

import zipfile
from enum import Enum
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from usagelens.io.errors import IS_EMPTY, PASSWORD_PROTECTED, ImportFailed, display_name
from usagelens.model.translatable import QT_TRANSLATE_NOOP, plural

if TYPE_CHECKING:
    from usagelens.io.containers import Part

TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
ARCHIVE_SUFFIXES = frozenset({".gz", ".zip"})
DATA_SUFFIXES = TEXT_SUFFIXES | SPREADSHEET_SUFFIXES | JSON_SUFFIXES | PARQUET_SUFFIXES
IMPORT_SUFFIXES = DATA_SUFFIXES | ARCHIVE_SUFFIXES

READABLE = QT_TRANSLATE_NOOP("Import", "CSV, Excel, JSON and Parquet exports (also as .gz or .zip)")

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
GZIP_MAGIC = b"\x1f\x8b"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PARQUET_MAGIC = b"PAR1"
# An encrypted OOXML workbook is an OLE2 container whose directory holds this stream name.
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
DIRECTORY_ENTRY_SIZE = 128
SCAN_CHUNK = 1 << 20
HEAD_BYTES = 4096

# What people drop on an import that holds no table, by its first bytes: (magic, offset, what it is).
IMAGES = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG"), (b"\xff\xd8\xff", 0, "JPEG"), (b"GIF8", 0, "GIF"), (b"WEBP", 8, "WebP"),
    (b"ftypheic", 4, "HEIC"), (b"ftypmif1", 4, "HEIC"), (b"ftypavif", 4, "AVIF"), (b"II*\x00", 0, "TIFF"),
    (b"MM\x00*", 0, "TIFF"),
)  # fmt: skip
ARCHIVES = ((b"ustar", 257, "tar"), (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip"), (b"Rar!\x1a\x07", 0, "RAR"))
# (magic, offset, the rest of the sentence after the file's name)
# what a file that is no table is, a sentence with the file's {name} still to fill
NOT_TABLES = (
    (b"%PDF-", 0, QT_TRANSLATE_NOOP("Import", "{name} is a PDF document, not a data export; export the data from the "
                                              "tool that made it as CSV, Excel or JSON.")),
    *((magic, offset, QT_TRANSLATE_NOOP("Import", "{name} is an image ({kind}), not a data export; export the data "
                                                  "itself as CSV, Excel or JSON.").format(kind=kind))
      for magic, offset, kind in IMAGES),
    (b"SQLite format 3\x00", 0, QT_TRANSLATE_NOOP("Import", "{name} is a SQLite database; export the table you need "
                                                            "as CSV (e.g. DB Browser for SQLite: File ▸ Export ▸ "
                                                            "Table as CSV).")),
    *((magic, offset, QT_TRANSLATE_NOOP("Import", "{name} is a {kind} archive, which UsageLens does not unpack; unpack "
                                                  "it and import the files, or zip them.").format(kind=kind))
      for magic, offset, kind in ARCHIVES),
)  # fmt: skip
IWORK = {".numbers": QT_TRANSLATE_NOOP("Import", "an Apple Numbers file"),
         ".pages": QT_TRANSLATE_NOOP("Import", "an Apple Pages document"),
         ".key": QT_TRANSLATE_NOOP("Import", "a Keynote presentation")}
EXPORT_IWORK = QT_TRANSLATE_NOOP("Import", "{name} is {what}; export it as CSV or Excel (in the app: File ▸ Export "
                                           "To).")


class FileFormat(Enum):
    """How a file's content must be read (not necessarily what its suffix claims)."""

    TEXT = "text"
    SPREADSHEET = "spreadsheet"
    JSON = "json"
    PARQUET = "parquet"

    @property
    def label(self) -> str:
        """What the import dialog calls it."""
        return _LABELS[self][0]

    def files(self, count: int) -> str:
        """``count`` files of this format in words: "1 JSON file", "24 CSV or text files"."""
        return plural(count, *_LABELS[self][1:])


_LABELS = {  # format -> (label, one file of it, more), marked for the import dialog in the user's language
    FileFormat.TEXT: (QT_TRANSLATE_NOOP("FileFormat", "CSV or delimited text"),
                      QT_TRANSLATE_NOOP("FileFormat", "{count:,} CSV or text file"),
                      QT_TRANSLATE_NOOP("FileFormat", "{count:,} CSV or text files")),
    FileFormat.SPREADSHEET: (QT_TRANSLATE_NOOP("FileFormat", "Workbook"),
                             QT_TRANSLATE_NOOP("FileFormat", "{count:,} workbook"),
                             QT_TRANSLATE_NOOP("FileFormat", "{count:,} workbooks")),
    FileFormat.JSON: (QT_TRANSLATE_NOOP("FileFormat", "JSON records"),
                      QT_TRANSLATE_NOOP("FileFormat", "{count:,} JSON file"),
                      QT_TRANSLATE_NOOP("FileFormat", "{count:,} JSON files")),
    FileFormat.PARQUET: (QT_TRANSLATE_NOOP("FileFormat", "Parquet"),
                         QT_TRANSLATE_NOOP("FileFormat", "{count:,} Parquet file"),
                         QT_TRANSLATE_NOOP("FileFormat", "{count:,} Parquet files")),
}


class ZipKind(Enum):
    """What a zip file is: a workbook saved as a zip (.xlsx, .ods) or an archive of exports."""

    WORKBOOK = "workbook"
    ARCHIVE = "archive"


def identify(part: Part) -> FileFormat:
    """The format to read ``part`` with; :class:`ImportFailed` naming what it is for anything that cannot be a
    table, with what to do instead."""
    name, suffix = part.label, part.suffix
    if suffix == ".gsheet":  # Google Drive's stand-in for a sheet: a few lines of JSON with its address
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is a Google Sheets shortcut, not the data; open it in "
                                                       "Google Sheets and download it as CSV or Excel (File ▸ "
                                                       "Download).").format(name=name))
    head = part.head(HEAD_BYTES)
    if not head:
        raise ImportFailed(IS_EMPTY.format(name=name))
    _refuse_known_non_tables(head, name)
    if head.startswith(PARQUET_MAGIC):
        return FileFormat.PARQUET
    if head.startswith(ZIP_MAGIC):
        return FileFormat.SPREADSHEET
    if head.startswith(OLE2_MAGIC):
        if _is_encrypted_package(part):
            raise ImportFailed(PASSWORD_PROTECTED.format(name=name))
        return FileFormat.SPREADSHEET
    markup = _markup_kind(head)
    if markup == "html":
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is really a web page (HTML) saved with a {suffix} name; "
                                                       "open it in Excel and save as .xlsx or CSV.").format(
            name=name, suffix=suffix or QT_TRANSLATE_NOOP("Import", "plain")))
    if markup == "spreadsheet-xml":
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is an Excel 2003 XML spreadsheet; open it in Excel and "
                                                       "save as .xlsx or CSV.").format(name=name))
    if suffix in SPREADSHEET_SUFFIXES and suffix != ".xls":
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is damaged or incomplete; it is not a workbook Excel "
                                                       "can open.").format(name=name))
    if suffix and suffix not in DATA_SUFFIXES:
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is not a file UsageLens reads; it imports {readable}.")
                           .format(name=name, readable=READABLE))
    if suffix in PARQUET_SUFFIXES:
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is not a Parquet file (it lacks Parquet's signature); "
                                                       "export it again.").format(name=name))
    if _looks_like_json(head) or suffix in JSON_SUFFIXES:
        return FileFormat.JSON
    # Many web tools write tab-separated text with an .xls name so that Excel opens it: read it as text.
    return FileFormat.TEXT


def zip_kind(path: str | PathLike[str]) -> ZipKind:
    """Whether a zip is a workbook or an archive of exports, judged by its member names; :class:`ImportFailed`
    for Apple iWork and other Office documents. A zip too damaged to list is left to the reader its suffix
    names, so a cut .xlsx gets the workbook's message."""
    name, suffix = display_name(path), Path(path).suffix.lower()
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError):
        return ZipKind.WORKBOOK if suffix in SPREADSHEET_SUFFIXES else ZipKind.ARCHIVE
    if any(member.startswith("Index/") or member == "Index.zip" for member in names):
        raise ImportFailed(EXPORT_IWORK.format(name=name, what=IWORK.get(suffix, IWORK[".numbers"])))
    if "[Content_Types].xml" in names:
        if any(member.startswith("word/") for member in names):
            raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is a Word document, not a data export; export the "
                                                           "data as CSV or Excel.").format(name=name))
        if any(member.startswith("ppt/") for member in names):
            raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is a PowerPoint presentation, not a data export; "
                                                           "export the data as CSV or Excel.").format(name=name))
        return ZipKind.WORKBOOK
    if "mimetype" in names or suffix in SPREADSHEET_SUFFIXES:  # OpenDocument, or a workbook to be explained
        return ZipKind.WORKBOOK
    return ZipKind.ARCHIVE


def is_plain_folder(path: str | PathLike[str]) -> bool:
    """A folder that is a folder to the user, not a document stored as one (a macOS Numbers file)."""
    return Path(path).is_dir() and Path(path).suffix.lower() not in IWORK


def refuse_folder(path: str | PathLike[str]) -> None:
    """A folder is never a table; a macOS Numbers document can be one (a package), so it is named."""
    name = display_name(path)
    what = IWORK.get(Path(path).suffix.lower())
    if what:
        raise ImportFailed(EXPORT_IWORK.format(name=name, what=what))
    raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is a folder; import the export files inside it, or zip the "
                                                   "folder to import them as one source.").format(name=name))


def _refuse_known_non_tables(head: bytes, name: str) -> None:
    for magic, offset, sentence in NOT_TABLES:
        if head[offset : offset + len(magic)] == magic:
            raise ImportFailed(sentence.format(name=name))


def _looks_like_json(head: bytes) -> bool:
    """Whether the text starts like JSON records: an object (JSON lines) or an array of objects."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    if text.startswith(b"{"):
        return True
    return text.startswith(b"[") and text[1:].lstrip(b" \t\r\n")[:1] in (b"{", b"]", b"")


def _markup_kind(head: bytes) -> str | None:
    """``"html"``, ``"spreadsheet-xml"`` or None, judged from the first bytes in any common encoding."""
    for encoding in ("utf-8", "utf-16"):
        text = head.decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n").lower()
        if text.startswith(("<!doctype html", "<html", "<table", "<head", "<body", "<meta")):
            return "html"
        if text.startswith("<?xml"):
            return "spreadsheet-xml" if "urn:schemas-microsoft-com:office:spreadsheet" in text else "html"
    return None


def _is_encrypted_package(part: Part) -> bool:
    """Whether an OLE2 file's directory names an ``EncryptionInfo`` stream (an encrypted .xlsx).

    Directory entries start on 128-byte boundaries with the UTF-16 name, so a hit elsewhere is not one.
    """
    overlap = len(ENCRYPTION_STREAM)
    with part.open() as handle:
        offset, tail = 0, b""
        while chunk := handle.read(SCAN_CHUNK):
            window = tail + chunk
            start = offset - len(tail)
            found = window.find(ENCRYPTION_STREAM)
            while found >= 0:
                if (start + found) % DIRECTORY_ENTRY_SIZE == 0:
                    return True
                found = window.find(ENCRYPTION_STREAM, found + 1)
            offset += len(chunk)
            tail = window[-overlap:]
    return False
