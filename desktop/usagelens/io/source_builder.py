"""Turning a file plus the user's choices in the import dialog into a :class:`Source`.

This is where roles get their types, once, so every analysis can rely on them: user ids are text (``007``
and ``7`` are two users), times are naive UTC ``datetime64`` with their failures counted, amounts and
scores are numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd

from usagelens.io.columns import parse_numbers, type_columns
from usagelens.io.errors import ImportFailed, display_name
from usagelens.io.roles import guess_score_scale
from usagelens.io.tables import read_table
from usagelens.io.timestamps import parse_timestamps
from usagelens.model.entities import ImportOptions, Source, SourceKind

ROLE_LABELS = {
    "user_id": "the user id",
    "timestamp": "the time",
    "event": "the event name",
    "score": "the score",
    "comment": "the comment",
    "amount": "the amount",
    "currency": "the currency",
    "signup_date": "the signup date",
}
TIME_ROLES = ("timestamp", "signup_date")
NUMBER_ROLES = ("amount", "score")


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
) -> Source:
    """Read ``path`` and type its role columns; :class:`ImportFailed` when a required role is not mapped
    or names a column the file does not have, so the dialog can say which choice to fix."""
    mapped = {role: column for role, column in roles.items() if column and role in kind.roles}
    for role in kind.required_roles:
        if role not in mapped:
            raise ImportFailed(f"Choose which column holds {ROLE_LABELS[role]}.")
    times = [column for role, column in mapped.items() if role in TIME_ROLES]
    frame = read_table(path, options, progress=progress, cancelled=cancelled, times=times)
    for role, column in mapped.items():
        if column not in frame.columns:
            raise ImportFailed(
                f"{display_name(path)} has no column '{column}' for {ROLE_LABELS[role]}; "
                "choose another column."
            )
    if frame.empty:
        raise ImportFailed(f"{display_name(path)} has column names but no data rows.")
    failed = type_role_columns(frame, mapped, options.decimal)
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
        failed_timestamps=failed,
        score_scale=score_scale,
    )


def type_role_columns(
    frame: pd.DataFrame,
    roles: Mapping[str, str],
    decimal: str = ".",
    progress: Callable[[float], None] | None = None,
) -> int:
    """Give the columns of ``roles`` their role's type in place; returns the timestamps that failed to parse.

    Shared by the import and by a later change of roles, so a re-mapped column is typed exactly as if it
    had been chosen on import. ``progress`` hears the share of columns done.
    """
    failed = 0
    for done, (role, column) in enumerate(roles.items(), start=1):
        if role == "user_id":
            frame[column] = ids_as_text(frame[column])
        elif role in TIME_ROLES:
            frame[column], failures = parse_timestamps(frame[column])
            failed += failures
        elif role in NUMBER_ROLES:
            frame[column] = parse_numbers(frame[column], decimal)
        if progress is not None:
            progress(done / len(roles))
    return failed


def typed_preview(preview: pd.DataFrame, roles: Mapping[str, str], decimal: str = ".") -> pd.DataFrame:
    """The all-text preview typed the way the import will type the whole file (numbers where every value
    is one, role columns as their role says), so the dialog can show each column's type before loading."""
    typed = type_columns(preview.copy(), decimal)
    type_role_columns(typed, {role: column for role, column in roles.items() if column in typed}, decimal)
    return typed


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
