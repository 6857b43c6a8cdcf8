"""Turning a file plus the user's choices in the import dialog into a :class:`Source`.

This is where roles get their types, once, so every analysis can rely on them: user ids are text (``007``
and ``7`` are two users), times are naive UTC ``datetime64`` with their failures counted, amounts and
scores are numbers. What typing found (how each time column was read, answers that are not numbers) is
reported, so the import dialog can say it before anything is loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd

from usagelens.io.columns import parse_numbers, present_values, type_columns
from usagelens.io.errors import ImportFailed, display_name
from usagelens.io.roles import guess_score_scale
from usagelens.io.size_estimate import estimated_rows
from usagelens.io.tables import read_table
from usagelens.io.timestamps import DAY_FIRST_ORDER, MONTH_FIRST_ORDER, TimeReading, read_timestamps
from usagelens.model.entities import ImportOptions, Source, SourceKind
from usagelens.model.file_limits import MAX_CELLS, cells_of, too_many_cells
from usagelens.model.translatable import QT_TRANSLATE_NOOP

ROLE_LABELS = {
    "user_id": QT_TRANSLATE_NOOP("Import", "the user id"),
    "timestamp": QT_TRANSLATE_NOOP("Import", "the time"),
    "event": QT_TRANSLATE_NOOP("Import", "the event name"),
    "score": QT_TRANSLATE_NOOP("Import", "the score"),
    "comment": QT_TRANSLATE_NOOP("Import", "the comment"),
    "amount": QT_TRANSLATE_NOOP("Import", "the amount"),
    "currency": QT_TRANSLATE_NOOP("Import", "the currency"),
    "signup_date": QT_TRANSLATE_NOOP("Import", "the signup date"),
}
NO_ROLE_COLUMN = QT_TRANSLATE_NOOP("Import", "{name} has no column '{column}' for {role}; choose another column.")
NO_DATA_ROWS = QT_TRANSLATE_NOOP("Import", "{name} has column names but no data rows.")
TIME_ROLES = ("timestamp", "signup_date")
NUMBER_ROLES = ("amount", "score")
# a date column whose values fit both orders, read in the one the import chose: a sentence for each
AMBIGUOUS_DATES = {
    DAY_FIRST_ORDER: QT_TRANSLATE_NOOP(
        "Import", "Every date in '{column}' could be day first or month first (01/02/2024 is 1 February or 2 "
                  "January): they are read day first. If that is wrong, change 'Dates' above."),
    MONTH_FIRST_ORDER: QT_TRANSLATE_NOOP(
        "Import", "Every date in '{column}' could be day first or month first (01/02/2024 is 1 February or 2 "
                  "January): they are read month first. If that is wrong, change 'Dates' above."),
}


def build_source(
    path: str | PathLike[str],
    options: ImportOptions,
    kind: SourceKind,
    roles: Mapping[str, str],
    *,
    name: str | None = None,
    score_scale: str | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    room_cells: int = MAX_CELLS,
) -> Source:
    """Read ``path`` and type its role columns; :class:`ImportFailed` when a required role is not mapped
    or names a column the file does not have, so the dialog can say which choice to fix, or when the table
    would not fit the ``room_cells`` its project has left (a project file that could be saved but never
    opened again would lose the user's work): refused before reading when its size alone says so."""
    mapped = {role: column for role, column in roles.items() if column and role in kind.roles}
    for role in kind.required_roles:
        if role not in mapped:
            raise ImportFailed(QT_TRANSLATE_NOOP("Import", "Choose which column holds {role}.").format(
                role=ROLE_LABELS[role]))
    rows = estimated_rows(path)
    if rows is not None and rows * len(set(mapped.values())) > room_cells * 1.1:  # at least those columns
        raise ImportFailed(too_many_cells(display_name(path), rows, 0, room_cells, about=True))
    times = [column for role, column in mapped.items() if role in TIME_ROLES]
    frame = read_table(path, options, progress=progress, cancelled=cancelled, times=times)
    if cells_of([frame]) > room_cells:
        raise ImportFailed(too_many_cells(display_name(path), len(frame), len(frame.columns), room_cells))
    for role, column in mapped.items():
        if column not in frame.columns:
            raise ImportFailed(NO_ROLE_COLUMN.format(name=display_name(path), column=column, role=ROLE_LABELS[role]))
    if frame.empty:
        raise ImportFailed(NO_DATA_ROWS.format(name=display_name(path)))
    typing = type_roles(frame, mapped, options.decimal, options.date_order)
    if options.date_order is None and typing.date_order:
        options = replace(options, date_order=typing.date_order)  # a refresh reads the dates the same way
    if kind is SourceKind.FEEDBACK and score_scale is None:
        score_scale = guess_score_scale(frame[mapped["score"]])
    return Source(
        name=name or Path(path).stem,
        kind=kind,
        table=frame,
        file_name=display_name(path),
        roles=mapped,
        options=options,
        imported_at=datetime.now(UTC),
        failed_timestamps=typing.failed_timestamps,
        score_scale=score_scale,
    )


@dataclass
class RoleTyping:
    """What typing the role columns found, for the import preview to tell before anything is loaded."""

    times: dict[str, TimeReading] = field(default_factory=dict)  # time column -> how it was read
    not_numbers: dict[str, tuple[int, int]] = field(default_factory=dict)  # column -> (not numbers, present)

    @property
    def failed_timestamps(self) -> int:
        return sum(reading.failed for reading in self.times.values())

    @property
    def date_order(self) -> str | None:
        """The day/month order the dates were read in, when any were written that way."""
        return next((reading.order for reading in self.times.values() if reading.order), None)

    def notes(self) -> list[str]:
        """One sentence per time column and per number column that loses values, in the user's words."""
        notes = [QT_TRANSLATE_NOOP("Import", "Time column '{column}': {reading}.").format(
            column=column, reading=reading.summary()) for column, reading in self.times.items()]
        for column, reading in self.times.items():
            if reading.ambiguous and reading.order:
                notes.append(AMBIGUOUS_DATES[reading.order].format(column=column))
        for column, (lost, present) in self.not_numbers.items():
            notes.append(QT_TRANSLATE_NOOP("Import", "'{column}': {lost:,} of {present:,} values are not numbers and "
                                                     "would be imported as blanks.").format(column=column, lost=lost,
                                                                                            present=present))
        return notes


def type_roles(
    frame: pd.DataFrame,
    roles: Mapping[str, str],
    decimal: str = ".",
    date_order: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> RoleTyping:
    """Give the columns of ``roles`` their role's type in place, and report what that found.

    Shared by the import, its preview and a later change of roles, so a re-mapped column is typed exactly as
    if it had been chosen on import. ``progress`` hears the share of columns done.
    """
    typing = RoleTyping()
    for done, (role, column) in enumerate(roles.items(), start=1):
        if role == "user_id":
            frame[column] = ids_as_text(frame[column])
        elif role in TIME_ROLES:
            reading = read_timestamps(frame[column], date_order)
            frame[column] = reading.values
            typing.times[column] = reading
        elif role in NUMBER_ROLES:
            present = len(present_values(frame[column]))
            frame[column] = parse_numbers(frame[column], decimal)
            lost = present - int(frame[column].notna().sum())
            if lost:
                typing.not_numbers[column] = (lost, present)
        if progress is not None:
            progress(done / len(roles))
    return typing


def typed_preview(
    preview: pd.DataFrame, roles: Mapping[str, str], decimal: str = ".", date_order: str | None = None
) -> tuple[pd.DataFrame, RoleTyping]:
    """The all-text preview typed the way the import will type the whole file (numbers where every value
    is one, role columns as their role says) and what typing found, so the dialog can show each column's
    type and how it is read before loading."""
    typed = type_columns(preview.copy(), decimal)
    typing = type_roles(typed, {role: column for role, column in roles.items() if column in typed}, decimal, date_order)
    return typed, typing


def ids_as_text(series: pd.Series) -> pd.Series:
    """User ids as text; ids that a spreadsheet stored as numbers lose their float ``.0`` (7.0 -> "7")."""
    if series.dtype == "str":
        return series  # already text, missing values already NaN
    if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
        return series.astype("str").where(series.notna())
    numbers = series.astype("float64")
    whole = np.isfinite(numbers) & (numbers == np.round(numbers))
    text = [
        None if np.isnan(value) else str(int(value)) if is_whole else repr(float(value))
        for value, is_whole in zip(numbers, whole, strict=True)
    ]
    return pd.Series(text, index=series.index, dtype="str")
