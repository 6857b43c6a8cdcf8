"""Reading exports (CSV, Excel, JSON, Parquet, also in .gz and .zip: sniffing, preview, typed load) and writing
CSV/Excel exports; Qt-free.

The GUI, the CLI and the sample generator call exactly these names.
"""

from usagelens.io.errors import ExportCancelled, ExportFailed, ImportCancelled, ImportFailed
from usagelens.io.formats import IMPORT_SUFFIXES, FileFormat, is_plain_folder
from usagelens.io.roles import guess_kind, guess_roles, guess_score_scale
from usagelens.io.sniff import detect_options
from usagelens.io.source_builder import build_source, typed_preview
from usagelens.io.tables import FileInfo, file_info, list_sheets, read_preview, read_table
from usagelens.io.timestamps import parse_timestamps
from usagelens.io.writers import write_csv, write_xlsx

__all__ = [
    "IMPORT_SUFFIXES",
    "ExportCancelled",
    "ExportFailed",
    "FileFormat",
    "FileInfo",
    "ImportCancelled",
    "ImportFailed",
    "build_source",
    "detect_options",
    "file_info",
    "guess_kind",
    "guess_roles",
    "guess_score_scale",
    "is_plain_folder",
    "list_sheets",
    "parse_timestamps",
    "read_preview",
    "read_table",
    "typed_preview",
    "write_csv",
    "write_xlsx",
]
