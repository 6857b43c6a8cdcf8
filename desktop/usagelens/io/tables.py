"""The public reading functions: one entry point whatever the format, and no raw exception ever escapes.

The GUI calls these from worker threads and shows ``str(error)`` of an :class:`ImportFailed` as it is, so a
parser's own exception (pandas, pyarrow, calamine, zip) must never reach it: an unexpected one still becomes
a sentence that names the file.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from os import PathLike

import pandas as pd

from usagelens.io.callbacks import never_cancelled, no_progress
from usagelens.io.csv_reader import read_csv_preview, read_csv_table
from usagelens.io.errors import ImportCancelled, ImportFailed, display_name
from usagelens.io.excel_reader import list_sheets as _list_sheets
from usagelens.io.excel_reader import read_sheet_preview, read_sheet_table
from usagelens.io.formats import FileFormat, check_file
from usagelens.model.entities import ImportOptions


def list_sheets(path: str | PathLike[str]) -> list[str]:
    """The sheet names of a workbook (empty for a text file, which has none)."""
    with failures_explained(path):
        if check_file(path) is FileFormat.TEXT:
            return []
        return _list_sheets(path)


def read_preview(path: str | PathLike[str], options: ImportOptions, rows: int = 100) -> pd.DataFrame:
    """The first ``rows`` data rows, every column as text, header applied and names made unique.

    Reads only what those rows need, so it answers at once even for a multi-gigabyte export.
    """
    with failures_explained(path):
        if check_file(path) is FileFormat.SPREADSHEET:
            return read_sheet_preview(path, options, rows)
        return read_csv_preview(path, options, rows)


def read_table(
    path: str | PathLike[str],
    options: ImportOptions,
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    times: Collection[str] = (),
) -> pd.DataFrame:
    """The whole table: columns that hold only numbers as numbers, everything else as text.

    Only the user knows which columns are times, so they are parsed per role
    (:func:`usagelens.io.parse_timestamps`). Naming them in ``times`` lets a CSV read parse plain ISO values
    on the fly, which is nearly free; a column it cannot parse that way stays text for the role's parser.
    ``progress`` receives 0..1; when ``cancelled()`` turns true the read stops with :class:`ImportCancelled`.
    """
    report = progress or no_progress
    stop = cancelled or never_cancelled
    with failures_explained(path):
        if check_file(path) is FileFormat.SPREADSHEET:
            frame = read_sheet_table(path, options, report, stop)
        else:
            frame = read_csv_table(path, options, report, stop, times)
    report(1.0)
    return frame


@contextmanager
def failures_explained(path: str | PathLike[str]) -> Iterator[None]:
    """Let :class:`ImportFailed` and :class:`ImportCancelled` through; say anything else in one sentence."""
    try:
        yield
    except (ImportFailed, ImportCancelled):
        raise
    except MemoryError:
        raise ImportFailed(f"{display_name(path)} is too large to import on this computer.") from None
    except Exception as error:  # noqa: BLE001 - the promise of this module: no raw parser error escapes
        raise ImportFailed(
            f"{display_name(path)} could not be read ({type(error).__name__}); "
            "check that it is a CSV or Excel export."
        ) from error
