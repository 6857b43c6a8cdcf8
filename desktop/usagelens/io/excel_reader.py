"""Reading spreadsheets (.xlsx, .xlsm, .xls, .xlsb, .ods) with python-calamine.

calamine reads 100k rows in well under a second where openpyxl needs several (design §6) and returns the
cached result of every formula, which is what the user saw in Excel. Rows keep their sheet position (row 0
is row 1 in Excel) so a header row chosen in the preview means the same row in the full read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from usagelens.io.callbacks import Cancelled, Progress
from usagelens.io.columns import unique_names
from usagelens.io.containers import Part
from usagelens.io.errors import CANNOT_READ, PASSWORD_PROTECTED, ImportCancelled, ImportFailed
from usagelens.model.entities import ImportOptions
from usagelens.model.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # imported where a workbook is read: nothing on the GUI's start path needs calamine
    import python_calamine as calamine

Cell = object
Rows = list[list[Cell]]
Merged = list[tuple[tuple[int, int], tuple[int, int]]]
MAX_EXACT_INTEGER = 1e15


def list_sheets(part: Part) -> list[str]:
    """The workbook's sheet names in workbook order."""
    with _workbook(part) as book:
        return list(book.sheet_names)


def first_filled_sheet(part: Part) -> tuple[str, Rows]:
    """The first sheet with any value and its first rows (workbooks often start with an empty sheet)."""
    with _workbook(part) as book:
        for name in book.sheet_names:
            rows, _ = _load(book, name, part, limit=200)
            if rows:
                return name, rows
    raise ImportFailed(QT_TRANSLATE_NOOP("Import", "Every sheet in {name} is empty.").format(name=part.label))


def read_sheet_preview(part: Part, options: ImportOptions, rows: int) -> pd.DataFrame:
    """The first ``rows`` data rows of the chosen sheet, every column as text."""
    with _workbook(part) as book:
        sheet = _sheet_name(book, options, part)
        found, merged = _load(book, sheet, part, limit=options.header_row + 1 + rows)
        names, data = _split_header(found, options.header_row, merged, part, sheet)
    return pd.DataFrame(
        {name: pd.Series([cell_text(row[i]) for row in data], dtype="str") for i, name in enumerate(names)}
    )


def read_sheet_table(part: Part, options: ImportOptions, progress: Progress, cancelled: Cancelled) -> pd.DataFrame:
    """The whole sheet: columns of numeric cells as numbers, everything else (dates too) as text."""
    with _workbook(part) as book:
        sheet = _sheet_name(book, options, part)
        found, merged = _load(book, sheet, part, limit=None)
        progress(0.4)
        names, data = _split_header(found, options.header_row, merged, part, sheet)
    columns = list(zip(*data, strict=True)) if data else [() for _ in names]
    frame = pd.DataFrame(index=pd.RangeIndex(len(data)))
    for done, (name, values) in enumerate(zip(names, columns, strict=True)):
        if cancelled():
            raise ImportCancelled
        frame[name] = _column(values)
        progress(0.4 + 0.5 * (done + 1) / len(names))
    return frame


def cell_text(value: Cell) -> str | None:
    """A cell as the text Excel shows by default (integral numbers without ``.0``, dates in ISO form)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < MAX_EXACT_INTEGER else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def row_widths(rows: Rows) -> list[int]:
    """Per row, the position after its last filled cell (0 for an empty row), for header detection."""
    widths = []
    for row in rows:
        filled = [i for i, value in enumerate(row) if value is not None and value != ""]
        widths.append(filled[-1] + 1 if filled else 0)
    return widths


def _column(values: Sequence[Cell]) -> pd.Series:
    """Numeric cells become a number column (int when whole and complete); anything else becomes text."""
    present = [v for v in values if v is not None and v != ""]
    numeric = bool(present) and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present)
    if not numeric:
        return pd.Series([cell_text(v) for v in values], dtype="str")
    numbers = np.array([np.nan if v is None or v == "" else v for v in values], dtype="float64")
    complete = len(present) == len(values)
    if complete and np.all(np.mod(numbers, 1) == 0) and np.all(np.abs(numbers) < MAX_EXACT_INTEGER):
        return pd.Series(numbers.astype("int64"))
    return pd.Series(numbers)


def _split_header(
    rows: Rows, header_row: int, merged: Merged, part: Part, sheet: str
) -> tuple[list[str], Rows]:
    """Header names and the non-blank data rows, merged data cells filled with their merged value."""
    if header_row >= len(rows) or not any(v not in (None, "") for row in rows[header_row:] for v in row):
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "The sheet '{sheet}' in {name} is empty.").format(
            sheet=sheet, name=part.label))
    _fill_merged(rows, merged, first_data_row=header_row + 1)
    names = unique_names([cell_text(value) for value in rows[header_row]])
    data = [row for row in rows[header_row + 1 :] if any(v not in (None, "") for v in row)]
    return names, data


def _fill_merged(rows: Rows, merged: Merged, first_data_row: int) -> None:
    """Give every cell of a merged data range the range's value, as the user sees it in Excel.

    Only ranges wholly below the header: a merged title above the table must stay one narrow cell, or it
    would look like the header.
    """
    for (top, left), (bottom, right) in merged:
        if top < first_data_row or top >= len(rows):
            continue
        value = rows[top][left]
        for row in rows[top : bottom + 1]:
            row[left : right + 1] = [value] * (right - left + 1)


def _load(book: calamine.CalamineWorkbook, name: str, part: Part, limit: int | None) -> tuple[Rows, Merged]:
    """The sheet's rows from Excel's row 1 on (so header positions match Excel's) and its merged ranges,
    both without the empty columns left of the table."""
    with _calamine_errors(part):
        sheet = book.get_sheet_by_name(name)
        if not sheet.height:
            return [], []
        left = sheet.start[1]
        rows = [row[left:] for row in sheet.to_python(skip_empty_area=False, nrows=limit)]
        merged = [
            ((top, first - left), (bottom, last - left))
            for (top, first), (bottom, last) in sheet.merged_cell_ranges or []
            if first >= left
        ]
    return rows, merged


def _sheet_name(book: calamine.CalamineWorkbook, options: ImportOptions, part: Part) -> str:
    names = list(book.sheet_names)
    if options.sheet is None:
        if not names:
            raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} has no sheets.").format(name=part.label))
        return names[0]
    if options.sheet not in names:
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} has no sheet named '{sheet}'.").format(
            name=part.label, sheet=options.sheet))
    return options.sheet


@contextmanager
def _workbook(part: Part) -> Iterator[calamine.CalamineWorkbook]:
    """An open workbook; the content decides the format, so an .xlsx saved with an .xls name still opens.
    A workbook inside a .zip or .gz is unpacked into memory first: calamine jumps around in its file."""
    import python_calamine as calamine

    with _calamine_errors(part), part.open() as handle:
        book = calamine.CalamineWorkbook.from_filelike(handle if handle.seekable() else io.BytesIO(handle.read()))
    try:
        yield book
    finally:
        book.close()


@contextmanager
def _calamine_errors(part: Part) -> Iterator[None]:
    """calamine's and the file system's exceptions as one sentence for the user."""
    import python_calamine as calamine

    name = part.label
    try:
        yield
    except ImportFailed:
        raise
    except calamine.PasswordError:
        raise ImportFailed(PASSWORD_PROTECTED.format(name=name)) from None
    except (calamine.ZipError, calamine.XmlError, calamine.CalamineError):
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is damaged or incomplete; open it in Excel and save it "
                                                       "again.").format(name=name)) from None
    except OSError as error:
        raise ImportFailed(CANNOT_READ.format(name=name, reason=str(error.strerror or error))) from None
