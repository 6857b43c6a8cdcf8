"""What the import dialog shows before anything is loaded: how the file is read and its first rows.

Sniffing and previewing a text export read only its head, but a workbook must be unzipped and parsed before
its first row is known, which takes seconds for a big one and half a minute for a zip bomb. So the dialog
runs :func:`preview_import` on a worker with a Cancel, and the UI thread only shows the result. A step that
is under way cannot be interrupted (the workbook parser answers when it is done); cancel is honoured between
steps, and the dialog drops whatever a cancelled preview still returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from os import PathLike

import pandas as pd

from usagelens.io.callbacks import Cancelled, Progress
from usagelens.io.encoding import encoding_name
from usagelens.io.errors import ImportCancelled
from usagelens.io.header_rows import detect_header_rows, merge_header_rows
from usagelens.io.sniff import detect_options
from usagelens.io.tables import FileInfo, file_info, list_sheets, read_preview
from usagelens.model.entities import ImportOptions


@dataclass(frozen=True)
class ImportPreview:
    """How a file is read and its first rows, as the dialog shows them."""

    options: ImportOptions  # as detected when the file was first opened, else as asked for
    table: pd.DataFrame  # the first rows as text, a two-line survey header merged into one
    info: FileInfo | None = None  # what the file is, found when it is first opened
    sheets: list[str] = field(default_factory=list)  # a workbook's sheets, listed when it is first opened


def preview_import(
    path: str | PathLike[str], options: ImportOptions | None, *, progress: Progress, cancelled: Cancelled
) -> ImportPreview:
    """The preview of ``path`` read with ``options``, or with the options detected from the file (and a
    survey's two-line header recognised) when ``options`` is None. :class:`ImportFailed` for a file or an
    encoding that cannot be read; :class:`ImportCancelled` once ``cancelled()`` is true between steps."""

    def checkpoint(done: float) -> None:
        if cancelled():
            raise ImportCancelled
        progress(done)

    if options is not None:
        if options.encoding:
            options = replace(options, encoding=encoding_name(options.encoding))
        table = read_preview(path, options)
        checkpoint(1.0)
        return ImportPreview(options, table)
    info = file_info(path)
    checkpoint(0.2)
    options = detect_options(path)
    checkpoint(0.4)
    sheets = list_sheets(path)
    checkpoint(0.6)
    table = read_preview(path, options)
    options = replace(options, header_rows=detect_header_rows(table))
    checkpoint(1.0)
    return ImportPreview(options, merge_header_rows(table, options.header_rows), info, sheets)
