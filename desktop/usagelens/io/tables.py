"""The public reading functions: one entry point whatever the format, and no raw exception ever escapes.

A chosen file is opened as the streams of data it holds (:mod:`usagelens.io.containers`: the file, the inside
of a ``.gz``, the members of a ``.zip``), each stream is identified by its content (:mod:`usagelens.io.formats`)
and read by its format's reader; the streams of an archive become one table, and every table is typed the
same way. The GUI calls these from worker threads and shows ``str(error)`` of an :class:`ImportFailed` as it
is, so a parser's own exception (pandas, pyarrow, calamine, zip) must never reach it: an unexpected one still
becomes a sentence that names the file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from os import PathLike

import pandas as pd

from usagelens.io.callbacks import Cancelled, Progress, never_cancelled, no_progress, scaled
from usagelens.io.columns import drop_blank_rows, stack_frames, type_columns
from usagelens.io.containers import Part, opened_parts
from usagelens.io.csv_reader import read_csv_preview, read_csv_table
from usagelens.io.errors import ImportCancelled, ImportFailed, display_name
from usagelens.io.excel_reader import list_sheets as _list_sheets
from usagelens.io.excel_reader import read_sheet_preview, read_sheet_table
from usagelens.io.formats import FileFormat, identify
from usagelens.io.header_rows import merge_header_rows
from usagelens.io.json_reader import JsonFiles, read_json_preview
from usagelens.io.parquet_reader import read_parquet_preview, read_parquet_table
from usagelens.model.entities import ImportOptions
from usagelens.model.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Export:
    """What a chosen file holds: the streams read as one table, all of one format."""

    format: FileFormat
    parts: list[Part]

    def describe(self) -> str:
        """One line for the import dialog: "JSON records, 24 JSON files read as one table"."""
        if len(self.parts) > 1:
            return QT_TRANSLATE_NOOP("FileFormat", "{format}, {files} read as one table").format(
                format=self.format.label, files=self.format.files(len(self.parts)))
        if self.parts[0].label != self.parts[0].name:
            return QT_TRANSLATE_NOOP("FileFormat", "{format}, unpacked from {archive}").format(
                format=self.format.label, archive=self.parts[0].label.split(" ▸ ")[0])
        return self.format.label


@contextmanager
def open_export(path: str | PathLike[str]) -> Iterator[Export]:
    """``path`` opened as an :class:`Export`, readable until the block ends; :class:`ImportFailed` when it
    holds no table or an archive mixes kinds of files."""
    with failures_explained(path), opened_parts(path) as parts:
        yield Export(_one_format(parts, display_name(path)), parts)


@dataclass(frozen=True)
class FileInfo:
    """What the import dialog says about a file before reading it: how it is read, and from what."""

    format: FileFormat
    description: str


def file_info(path: str | PathLike[str]) -> FileInfo:
    """The format of ``path`` and a line describing it, judged from the heads of its files."""
    with open_export(path) as export:
        return FileInfo(export.format, export.describe())


def list_sheets(path: str | PathLike[str]) -> list[str]:
    """The sheet names of a workbook (empty for any other file, which has none)."""
    with open_export(path) as export:
        if export.format is not FileFormat.SPREADSHEET:
            return []
        return _list_sheets(export.parts[0])


def read_preview(path: str | PathLike[str], options: ImportOptions, rows: int = 100) -> pd.DataFrame:
    """The first ``rows`` data rows, every column as text, header applied and names made unique.

    Reads only what those rows need (of an archive: its first file), so it answers at once even for a
    multi-gigabyte export.
    """
    with open_export(path) as export:
        part = export.parts[0]
        if export.format is FileFormat.SPREADSHEET:
            return merge_header_rows(read_sheet_preview(part, options, rows), options.header_rows)
        if export.format is FileFormat.JSON:
            return read_json_preview(part, rows)
        if export.format is FileFormat.PARQUET:
            return read_parquet_preview(part, rows)
        return merge_header_rows(read_csv_preview(part, options, rows), options.header_rows)


def read_table(
    path: str | PathLike[str],
    options: ImportOptions,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    times: Collection[str] = (),
) -> pd.DataFrame:
    """The whole table: columns that hold only numbers as numbers, everything else as text; rows without any
    value (trailing blank lines, lines of separators) left out. An archive's files are stacked in name order.

    Only the user knows which columns are times, so they are parsed per role
    (:func:`usagelens.io.parse_timestamps`). Naming them in ``times`` lets a CSV read parse plain ISO values
    on the fly, which is nearly free; a column it cannot parse that way stays text for the role's parser.
    ``progress`` receives 0..1; when ``cancelled()`` turns true the read stops with :class:`ImportCancelled`.
    """
    report = progress or no_progress
    stop = cancelled or never_cancelled
    with open_export(path) as export:
        read_part = _part_reader(export.format, options, times)
        total, done, frames = sum(part.weight for part in export.parts), 0, []
        for part in export.parts:
            piece = scaled(report, done / total, part.weight / total)
            frames.append(merge_header_rows(read_part(part, piece, stop), options.header_rows))
            done += part.weight
        frame = type_columns(drop_blank_rows(stack_frames(frames)), options.decimal)
    report(1.0)
    return frame


def _part_reader(
    file_format: FileFormat, options: ImportOptions, times: Collection[str]
) -> Callable[[Part, Progress, Cancelled], pd.DataFrame]:
    """How each file of an export of ``file_format`` is read: ``(part, progress, cancelled) -> table``."""
    if file_format is FileFormat.SPREADSHEET:
        return lambda part, progress, cancelled: read_sheet_table(part, options, progress, cancelled)
    if file_format is FileFormat.JSON:
        return JsonFiles().read
    if file_format is FileFormat.PARQUET:
        return read_parquet_table
    return lambda part, progress, cancelled: read_csv_table(part, options, progress, cancelled, times)


def _one_format(parts: list[Part], name: str) -> FileFormat:
    """The format all ``parts`` share. Files with the same suffix are taken to be alike, so a year of hourly
    members is identified by reading one head, not 8,760."""
    by_suffix: dict[str, FileFormat] = {}
    for part in parts:
        if part.suffix not in by_suffix:
            by_suffix[part.suffix] = identify(part)
    formats = [by_suffix[part.suffix] for part in parts]
    counts = Counter(formats)
    if len(counts) > 1:
        found, *more = (kind.files(count) for kind, count in counts.most_common())
        for files in more:
            found = QT_TRANSLATE_NOOP("Import", "{some} and {more}").format(some=found, more=files)
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} mixes kinds of files ({found}); a source is read from "
                                                       "files of one kind, so zip each kind separately.").format(
            name=name, found=found))
    if formats[0] is FileFormat.SPREADSHEET and len(parts) > 1:
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} holds {count} workbooks; import them one at a time.")
                           .format(name=name, count=len(parts)))
    return formats[0]


@contextmanager
def failures_explained(path: str | PathLike[str]) -> Iterator[None]:
    """Let :class:`ImportFailed` and :class:`ImportCancelled` through; say anything else in one sentence."""
    try:
        yield
    except (ImportFailed, ImportCancelled):
        raise
    except MemoryError:
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is too large to import on this computer.").format(
            name=display_name(path))) from None
    except Exception as error:  # noqa: BLE001 - the promise of this module: no raw parser error escapes
        raise ImportFailed(
            QT_TRANSLATE_NOOP("Import", "{name} could not be read ({problem}); check that it is a CSV, Excel, JSON or "
                                        "Parquet export.").format(name=display_name(path), problem=type(error).__name__)
        ) from error
