"""Reading CSV/Excel exports (sniffing, preview, typed load) and writing CSV/Excel exports; Qt-free.

The GUI, the CLI and the sample generator call exactly these names.
"""

from usagelens.io.errors import ExportCancelled, ExportFailed, ImportCancelled, ImportFailed
from usagelens.io.formats import SPREADSHEET_SUFFIXES, TEXT_SUFFIXES
from usagelens.io.roles import guess_kind, guess_roles, guess_score_scale
from usagelens.io.sniff import detect_options
from usagelens.io.source_builder import build_source, typed_preview
from usagelens.io.tables import list_sheets, read_preview, read_table
from usagelens.io.timestamps import parse_timestamps
from usagelens.io.writers import write_csv, write_xlsx

__all__ = [
    "SPREADSHEET_SUFFIXES",
    "TEXT_SUFFIXES",
    "ExportCancelled",
    "ExportFailed",
    "ImportCancelled",
    "ImportFailed",
    "build_source",
    "detect_options",
    "guess_kind",
    "guess_roles",
    "guess_score_scale",
    "list_sheets",
    "parse_timestamps",
    "read_preview",
    "read_table",
    "typed_preview",
    "write_csv",
    "write_xlsx",
]
