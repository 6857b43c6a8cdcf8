"""Writing result tables as CSV or Excel files the user can open and share safely.

Both writers are atomic (a temp file in the target folder, fsync, ``os.replace``), so a crash or a full disk
never leaves half a file where the previous export was. Excel output treats every text as text: a comment
that starts with ``=`` from a survey must never become a live formula in a colleague's Excel.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from os import PathLike
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

MAX_SHEET_NAME = 31
FORMULA_STARTS = ("=", "+", "-", "@")
_INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
RESERVED_SHEET_NAMES = {"history"}  # Excel refuses a sheet called History
WIDTH_SAMPLE_ROWS = 200
MIN_WIDTH, MAX_WIDTH = 8, 60


def write_csv(frame: pd.DataFrame, path: str | PathLike[str]) -> None:
    """``frame`` as UTF-8 CSV without the index; dates in ISO form, numbers at full precision."""
    with _atomic(path) as temporary:
        frame.to_csv(temporary, index=False, encoding="utf-8", lineterminator="\n")


def write_xlsx(sheets: Mapping[str, pd.DataFrame], path: str | PathLike[str]) -> None:
    """One sheet per frame, in order: bold frozen header, readable column widths, text kept as text."""
    book = openpyxl.Workbook(write_only=True)
    for name, frame in zip(sheet_names(list(sheets)), sheets.values(), strict=True):
        _write_sheet(book.create_sheet(name), frame)
    with _atomic(path) as temporary:
        book.save(temporary)


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


def _write_sheet(sheet: WriteOnlyWorksheet, frame: pd.DataFrame) -> None:
    columns = [_cell_values(frame[column]) for column in frame.columns]
    headers = [str(column) for column in frame.columns]
    for index, (header, values) in enumerate(zip(headers, columns, strict=True), start=1):
        sample = [len(str(v)) for v in values[:WIDTH_SAMPLE_ROWS] if v is not None]
        width = max([len(header), *sample]) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_text_cell(sheet, header, bold) for header in headers])
    for row in zip(*columns, strict=True):
        sheet.append([_text_cell(sheet, v) if isinstance(v, str) else v for v in row])


def _text_cell(sheet: WriteOnlyWorksheet, text: str, font: Font | None = None) -> WriteOnlyCell | str:
    """Text as a string cell; text that Excel would run as a formula is forced to stay text."""
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


@contextmanager
def _atomic(path: str | PathLike[str]) -> Iterator[Path]:
    """A temp path in the target's folder that replaces ``path`` only once completely written and synced."""
    target = Path(path)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
