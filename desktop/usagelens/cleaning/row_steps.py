"""Steps that decide which rows stay: duplicates, filters and rows with gaps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from usagelens.cleaning.steps import (
    COMPARES_NUMBERS,
    Param,
    Params,
    StepContext,
    StepError,
    choice_word,
    listed,
    step_kind,
    type_word,
)
from usagelens.cleaning.values import (
    DATE,
    NUMBER,
    TEXT,
    as_text,
    coerce_scalar,
    is_missing,
    to_date,
    type_label,
)
from usagelens.model.translatable import QT_TRANSLATE_NOOP, plural, said

FILTER_OPERATORS = (
    "equals", "one_of", "not_one_of", "contains", "greater", "less",
    "is_missing", "not_missing", "date_range",
)
_NEEDS_VALUE = ("equals", "contains", "greater", "less")
_NEEDS_VALUES = ("one_of", "not_one_of")


def _describe_duplicates(params: Params) -> str:
    columns = params.get("columns")
    if not columns:
        return QT_TRANSLATE_NOOP("StepKind", "Remove duplicate rows")
    return QT_TRANSLATE_NOOP("StepKind", "Remove rows that repeat {columns}").format(columns=listed(columns))


@step_kind(
    "remove_duplicates", QT_TRANSLATE_NOOP("StepKind", "Remove duplicate rows"),
    Param("columns", "columns"),
    Param("keep", "choice", choices=("first", "last")),
    summary=_describe_duplicates,
)
def remove_duplicates(frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
    """Keep one row per distinct combination of ``columns`` (all columns when none are given)."""
    duplicated = frame.duplicated(subset=params.get("columns") or None, keep=params.get("keep", "first"))
    return frame[~duplicated.to_numpy()]


def _describe_filter(params: Params) -> str:
    column, op = params["column"], params["operator"]
    value, values = params.get("value"), params.get("values") or []
    start, end = params.get("start"), params.get("end")
    if op == "date_range":  # marked whole sentences: the GUI says them in the user's language
        op = "between" if start and end else "from" if start else "until"
    sentence = {
        "equals": QT_TRANSLATE_NOOP("StepKind", "Keep rows where {column} is {value}"),
        "one_of": QT_TRANSLATE_NOOP("StepKind", "Keep rows where {column} is one of: {values}"),
        "not_one_of": QT_TRANSLATE_NOOP("StepKind", "Keep rows where {column} is not one of: {values}"),
        "contains": QT_TRANSLATE_NOOP("StepKind", "Keep rows where {column} contains '{value}'"),
        "greater": QT_TRANSLATE_NOOP("StepKind", "Keep rows where {column} is greater than {value}"),
        "less": QT_TRANSLATE_NOOP("StepKind", "Keep rows where {column} is less than {value}"),
        "is_missing": QT_TRANSLATE_NOOP("StepKind", "Keep rows where {column} is missing"),
        "not_missing": QT_TRANSLATE_NOOP("StepKind", "Keep rows where {column} is not missing"),
        "between": QT_TRANSLATE_NOOP("StepKind", "Keep rows where {column} is between {start} and {end}"),
        "from": QT_TRANSLATE_NOOP("StepKind", "Keep rows where {column} is on or after {start}"),
        "until": QT_TRANSLATE_NOOP("StepKind", "Keep rows where {column} is on or before {end}"),
    }[op]
    return sentence.format(column=str(column), value=str(value), values=listed(values), start=str(start),
                           end=str(end))


def _filter_rules(params: Params, columns: Sequence[str] | None) -> str | None:
    op = params["operator"]
    if op in _NEEDS_VALUE and params.get("value") is None:
        return QT_TRANSLATE_NOOP("StepKind", "'{operator}' needs a value to compare with").format(
            operator=choice_word(op))
    if op in _NEEDS_VALUES and not params.get("values"):
        return QT_TRANSLATE_NOOP("StepKind", "'{operator}' needs at least one value").format(
            operator=choice_word(op))
    if op == "date_range" and not (params.get("start") or params.get("end")):
        return QT_TRANSLATE_NOOP("StepKind", "A date range needs a start date, an end date or both")
    return None


def _coerced(values: list[Any], column: pd.Series, name: str) -> list[Any]:
    try:
        return [coerce_scalar(v, column) for v in values]
    except ValueError as exc:
        raise StepError(QT_TRANSLATE_NOOP("StepKind", "{problem} ({name} holds {kind} values)").format(
            problem=said(exc), name=name, kind=type_word(type_label(column.dtype)))) from exc


def _matches(column: pd.Series, name: str, values: list[Any]) -> pd.Series:
    """Rows whose value is one of ``values``, compared as the column's type (``"5"`` equals 5)."""
    if type_label(column.dtype) == TEXT:
        return as_text(column).isin([str(v) for v in values])
    return column.isin(_coerced(values, column, name))


def _date_mask(column: pd.Series, start: str | None, end: str | None) -> pd.Series:
    """Rows from ``start`` to ``end`` inclusive; an end given as a bare date includes that whole day."""
    times = to_date(column)
    mask = times.notna()
    if start:
        mask &= times >= pd.Timestamp(start)
    if end:
        bound = pd.Timestamp(end)
        mask &= times < bound + pd.Timedelta(days=1) if len(end) == 10 else times <= bound
    return mask


def _filter_mask(column: pd.Series, name: str, params: Params) -> pd.Series:
    op = params["operator"]
    if op == "is_missing":
        return is_missing(column)
    if op == "not_missing":
        return ~is_missing(column)
    if op == "date_range":
        return _date_mask(column, params.get("start"), params.get("end"))
    if op == "contains":
        return as_text(column).str.contains(str(params["value"]), case=False, regex=False).fillna(False)
    if op == "equals":
        return _matches(column, name, [params["value"]])
    if op == "one_of":
        return _matches(column, name, list(params["values"]))
    if op == "not_one_of":  # a missing value is "not one of" the list, so it stays
        return ~_matches(column, name, list(params["values"]))
    if type_label(column.dtype) not in (NUMBER, DATE):
        kind = type_word(type_label(column.dtype))
        raise StepError(COMPARES_NUMBERS.format(op=choice_word(op), name=name, kind=kind))
    bound = _coerced([params["value"]], column, name)[0]
    return (column > bound if op == "greater" else column < bound).fillna(False)


@step_kind(
    "filter_rows", QT_TRANSLATE_NOOP("StepKind", "Keep rows where…"),
    Param("column", "column", required=True),
    Param("operator", "choice", required=True, choices=FILTER_OPERATORS),
    Param("value", "value"),
    Param("values", "values"),
    Param("start", "date"),
    Param("end", "date"),
    summary=_describe_filter,
    rules=_filter_rules,
)
def filter_rows(frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
    """Keep only the rows meeting one condition on one column."""
    name = str(params["column"])
    mask = _filter_mask(frame[name], name, params)
    return frame[mask.to_numpy(dtype=bool)]


def _describe_fill(params: Params) -> str:
    columns = listed(params["columns"])
    if params.get("method") == "drop":
        return QT_TRANSLATE_NOOP("StepKind", "Drop rows with missing {columns}").format(columns=columns)
    return QT_TRANSLATE_NOOP("StepKind", "Fill missing {columns} with '{value}'").format(columns=columns,
                                                                                         value=str(params["value"]))


def _fill_rules(params: Params, columns: Sequence[str] | None) -> str | None:
    if params.get("method", "value") == "value" and params.get("value") is None:
        return QT_TRANSLATE_NOOP("StepKind", "Filling needs a value to fill in")
    return None


@step_kind(
    "fill_missing", QT_TRANSLATE_NOOP("StepKind", "Fill or drop missing values"),
    Param("columns", "columns", required=True),
    Param("method", "choice", choices=("value", "drop")),
    Param("value", "value"),
    summary=_describe_fill,
    rules=_fill_rules,
)
def fill_missing(frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
    """Fill gaps (blank text counts as a gap) with one value, or drop the rows that have them."""
    columns = list(params["columns"])
    if params.get("method") == "drop":
        gaps = pd.concat([is_missing(frame[c]) for c in columns], axis=1).any(axis=1)
        return frame[~gaps.to_numpy()]
    out = frame.copy(deep=False)
    filled = 0
    for name in columns:
        column = frame[name]
        value = _coerced([params["value"]], column, name)[0]
        gaps = is_missing(column)
        filled += int(gaps.sum())
        out[name] = column.mask(gaps, value)
    if filled:
        context.note(filled_note(filled))
    return out


def filled_note(filled: int) -> str:
    """The note of a fill, the same on both paths (this one and the database's)."""
    return plural(filled, QT_TRANSLATE_NOOP("StepKind", "Filled {count:,} missing value"),
                  QT_TRANSLATE_NOOP("StepKind", "Filled {count:,} missing values"))
