"""Writing result tables as CSV or Excel files the user can open and share safely.

Both writers are atomic (a temp file in the target folder, fsync, ``os.replace``), so a crash or a full disk
never leaves half a file where the previous export was. Both are inert: a comment that starts with ``=`` from
a survey must never become a live formula in a colleague's spreadsheet (Excel cells are typed as text, CSV
cells get a leading apostrophe).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from os import PathLike
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from usagelens.io.callbacks import Cancelled, Progress, never_cancelled, no_progress
from usagelens.io.errors import ExportCancelled, ExportFailed
from usagelens.model.atomic_file import replacing
from usagelens.model.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # openpyxl is imported by the Excel writer itself: it costs start-up time and most runs never
    # write a workbook (issue 17: the app must not import it at start-up)
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

MAX_SHEET_NAME = 31
FORMULA_STARTS = ("=", "+", "-", "@")
CSV_FORMULA_STARTS = (*FORMULA_STARTS, "\t", "\r")  # a CSV cell is parsed, so these start formulas too
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")  # "-2" is a number, never a formula
_INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
RESERVED_SHEET_NAMES = {"history"}  # Excel refuses a sheet called History
WIDTH_SAMPLE_ROWS = 200
MIN_WIDTH, MAX_WIDTH = 8, 60
EXCEL_MAX_ROWS = 1_048_576  # a sheet's rows, the header included
CSV_CHUNK_ROWS = 100_000
XLSX_PROGRESS_ROWS = 5_000


def write_csv(frame: pd.DataFrame, path: str | PathLike[str], *, progress: Progress = no_progress,
              cancelled: Cancelled = never_cancelled) -> None:
    """``frame`` as UTF-8 CSV without the index; dates in ISO form, numbers at full precision. Written in
    chunks so a million rows report progress and stop at once on :class:`ExportCancelled`.

    Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's CSV-injection advice);
    numbers, negative ones included, stay numbers. Rows end in ``\n``, or in ``\r\n`` when some text holds a
    carriage return: the csv module quotes only fields holding a character of the row terminator, and an
    unquoted CR splits the row in most readers.
    """
    text_columns = [index for index, (_, column) in enumerate(frame.items()) if _is_text(column)]
    carriage_return = any(frame.iloc[:, i].str.contains("\r", regex=False, na=False).any() for i in text_columns)
    header = [_inert(str(name)) for name in frame.columns]
    with replacing(path) as temporary, open(temporary, "w", encoding="utf-8", newline="") as handle:
        for start in range(0, max(len(frame), 1), CSV_CHUNK_ROWS):
            if cancelled():
                raise ExportCancelled
            chunk = frame.iloc[start : start + CSV_CHUNK_ROWS].copy(deep=False)
            for index in text_columns:
                chunk.isetitem(index, _inert_column(chunk.iloc[:, index]))
            chunk.to_csv(handle, index=False, header=header if start == 0 else False,
                         lineterminator="\r\n" if carriage_return else "\n")
            progress(min(start + CSV_CHUNK_ROWS, len(frame)) / max(len(frame), 1))


def _is_text(series: pd.Series) -> bool:
    """Whether a column may hold text (object, string or categorical of strings); numbers never do."""
    try:
        series.str  # noqa: B018 - pandas offers the accessor exactly when the values may be strings
    except AttributeError:
        return False
    return True


def _inert_column(series: pd.Series) -> pd.Series:
    risky = series.str.startswith(CSV_FORMULA_STARTS, na=False) & ~series.str.fullmatch(_PLAIN_NUMBER, na=False)
    if not risky.any():
        return series
    return series.astype(object).mask(risky, "'" + series[risky].astype(object))


def _inert(text: str) -> str:
    """One text cell made inert: quoted with an apostrophe when it would start a formula."""
    return "'" + text if text.startswith(CSV_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text) else text


def write_xlsx(sheets: Mapping[str, pd.DataFrame], path: str | PathLike[str], *,
               progress: Progress = no_progress, cancelled: Cancelled = never_cancelled) -> None:
    """One sheet per frame, in order: bold frozen header, readable column widths, text kept as text.
    :class:`ExportFailed` when a table has more rows than an Excel sheet holds."""
    for name, frame in sheets.items():
        if len(frame) + 1 > EXCEL_MAX_ROWS:
            raise ExportFailed(QT_TRANSLATE_NOOP("Export", "“{name}” has {rows:,} rows; an Excel sheet holds "
                                                           "{most:,}. Export it as CSV instead.").format(
                name=name, rows=len(frame), most=EXCEL_MAX_ROWS - 1))
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    total, done = max(sum(len(frame) for frame in sheets.values()), 1), 0
    try:
        for name, frame in zip(sheet_names(list(sheets)), sheets.values(), strict=True):
            def sheet_progress(rows: int, before: int = done) -> None:
                progress(0.95 * (before + rows) / total)  # saving the zip is the last 5 %

            _write_sheet(book.create_sheet(name), frame, sheet_progress, cancelled)
            done += len(frame)
    except ExportCancelled:
        for sheet in book.worksheets:  # end each sheet's writer and its temp file now, not noisily at exit
            sheet.close()
            sheet._writer.cleanup()  # noqa: SLF001 - openpyxl offers no public way to drop an unsaved sheet
        raise
    with replacing(path) as temporary:
        book.save(temporary)
    progress(1.0)


def sheet_names(names: list[str]) -> list[str]:
    """Names Excel accepts: no ``[]:*?/\\``, no edge apostrophes, 31 characters at most, unique."""
    result: list[str] = []
    taken: set[str] = set()
    for raw in names:
        base = _INVALID_SHEET_CHARS.sub("_", str(raw)).strip().strip("'") or "Sheet"
        if base.lower() in RESERVED_SHEET_NAMES:
            base += "_"
        name, copy = base[:MAX_SHEET_NAME], 1
        while name.lower() in taken:
            copy += 1
            suffix = f" ({copy})"
            name = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        taken.add(name.lower())
        result.append(name)
    return result


def _write_sheet(sheet: WriteOnlyWorksheet, frame: pd.DataFrame, progress: Callable[[int], None],
                 cancelled: Cancelled) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    columns = [_cell_values(frame[column]) for column in frame.columns]
    headers = [str(column) for column in frame.columns]
    for index, (header, values) in enumerate(zip(headers, columns, strict=True), start=1):
        sample = [len(str(v)) for v in values[:WIDTH_SAMPLE_ROWS] if v is not None]
        width = max([len(header), *sample]) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_text_cell(sheet, header, bold) for header in headers])
    for number, row in enumerate(zip(*columns, strict=True), start=1):
        sheet.append([_text_cell(sheet, v) if isinstance(v, str) else v for v in row])
        if number % XLSX_PROGRESS_ROWS == 0:
            if cancelled():
                raise ExportCancelled
            progress(number)


def _text_cell(sheet: WriteOnlyWorksheet, text: str, font: Font | None = None) -> WriteOnlyCell | str:
    """Text as a string cell; text that Excel would run as a formula is forced to stay text."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if font is None and not text.startswith(FORMULA_STARTS):
        return text
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # openpyxl marks "=..." as a formula on assignment; undo that
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True  # Excel keeps it text even when the user edits the cell
    if font is not None:
        cell.font = font
    return cell


def _cell_values(series: pd.Series) -> list[object]:
    """A column as values openpyxl writes natively: None for missing, naive datetimes, plain numbers."""
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        series = series.dt.tz_convert("UTC").dt.tz_localize(None)
    if pd.api.types.is_datetime64_any_dtype(series):
        return [None if pd.isna(v) else v.to_pydatetime(warn=False) for v in series]
    if pd.api.types.is_bool_dtype(series):
        return [None if pd.isna(v) else bool(v) for v in series]
    if pd.api.types.is_numeric_dtype(series):
        return [_number(v) for v in series.to_numpy(dtype="float64", na_value=np.nan)]
    return [None if _missing(v) else v if isinstance(v, int | float) else str(v) for v in series]


def _number(value: float) -> object:
    if math.isnan(value):
        return None
    if math.isinf(value):
        return str(value)  # Excel has no infinity
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False
