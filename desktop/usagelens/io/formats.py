"""Which files can be imported, and what a file really is whatever its name says.

Exports are often misnamed: web tools save HTML or XML as ``.xls``, Excel saves encrypted workbooks as an OLE2
container with an ``.xlsx`` name, and text exports sometimes carry an ``.xls`` name. Looking at the first
bytes lets every such file get a message that says what to do, before a parser fails with a cryptic error.
"""

from __future__ import annotations

import os
from enum import Enum
from os import PathLike
from pathlib import Path

from usagelens.io.errors import ImportFailed, display_name

TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})

UNSUPPORTED_MESSAGE = "Only CSV, TSV, TXT and Excel files (.xlsx, .xlsm, .xls, .xlsb, .ods) can be imported."

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted OOXML workbook is an OLE2 container whose directory holds this stream name.
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
DIRECTORY_ENTRY_SIZE = 128
SCAN_CHUNK = 1 << 20


class FileFormat(Enum):
    """How a file's content must be read (not necessarily what its suffix claims)."""

    TEXT = "text"
    SPREADSHEET = "spreadsheet"


def check_file(path: str | PathLike[str]) -> FileFormat:
    """The format to read ``path`` with; :class:`ImportFailed` for anything that cannot be a table."""
    name = display_name(path)
    suffix = Path(path).suffix.lower()
    if suffix not in TEXT_SUFFIXES | SPREADSHEET_SUFFIXES:
        raise ImportFailed(UNSUPPORTED_MESSAGE)
    head = read_head(path, 4096)
    if not head:
        raise ImportFailed(f"{name} is empty.")
    if head.startswith(ZIP_MAGIC):
        return FileFormat.SPREADSHEET
    if head.startswith(OLE2_MAGIC):
        if _is_encrypted_package(path):
            raise ImportFailed(
                f"{name} is password-protected; remove the password in Excel and export again."
            )
        return FileFormat.SPREADSHEET
    markup = _markup_kind(head)
    if markup == "html":
        raise ImportFailed(
            f"{name} is really a web page (HTML) saved with a {suffix} name; "
            "open it in Excel and save as .xlsx or CSV."
        )
    if markup == "spreadsheet-xml":
        raise ImportFailed(
            f"{name} is an Excel 2003 XML spreadsheet; open it in Excel and save as .xlsx or CSV."
        )
    if suffix in SPREADSHEET_SUFFIXES and suffix != ".xls":
        raise ImportFailed(f"{name} is damaged or incomplete; it is not a workbook Excel can open.")
    # Many web tools write tab-separated text with an .xls name so that Excel opens it: read it as text.
    return FileFormat.TEXT


def read_head(path: str | PathLike[str], size: int) -> bytes:
    """The first ``size`` bytes, with file-system errors turned into a message for the user."""
    name = display_name(path)
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except FileNotFoundError:
        raise ImportFailed(f"{name} was not found; it may have been moved or deleted.") from None
    except IsADirectoryError:
        raise ImportFailed(f"{name} is a folder, not a file.") from None
    except PermissionError:
        raise ImportFailed(f"{name} cannot be opened: permission denied.") from None
    except OSError as error:
        raise ImportFailed(f"{name} cannot be read ({error.strerror or error}).") from None


def file_size(path: str | PathLike[str]) -> int:
    """Size in bytes, for progress; 0 when the file system cannot tell."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _markup_kind(head: bytes) -> str | None:
    """``"html"``, ``"spreadsheet-xml"`` or None, judged from the first bytes in any common encoding."""
    for encoding in ("utf-8", "utf-16"):
        text = head.decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n").lower()
        if text.startswith(("<!doctype html", "<html", "<table", "<head", "<body", "<meta")):
            return "html"
        if text.startswith("<?xml"):
            return "spreadsheet-xml" if "urn:schemas-microsoft-com:office:spreadsheet" in text else "html"
    return None


def _is_encrypted_package(path: str | PathLike[str]) -> bool:
    """Whether an OLE2 file's directory names an ``EncryptionInfo`` stream (an encrypted .xlsx).

    Directory entries start on 128-byte boundaries with the UTF-16 name, so a hit elsewhere is not one.
    """
    overlap = len(ENCRYPTION_STREAM)
    with open(path, "rb") as handle:
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
