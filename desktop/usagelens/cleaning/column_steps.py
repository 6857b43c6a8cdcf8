"""Steps that reshape columns: drop, rename, change type, tidy text."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from usagelens.cleaning.steps import Param, Params, StepContext, listed, step_kind
from usagelens.cleaning.values import (
    TEXT,
    VALUE_TYPES,
    convert,
    examples,
    is_missing,
    map_uniques,
    type_label,
    unreadable,
)
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase, plural

TEXT_CASES = ("keep", "lower", "upper")


@step_kind(
    "drop_columns", QT_TRANSLATE_NOOP("StepKind", "Drop columns"),
    Param("columns", "columns", required=True),
    summary=lambda params: QT_TRANSLATE_NOOP("StepKind", "Drop columns: {columns}").format(
        columns=listed(params["columns"])),
)
def drop_columns(frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
    """Remove columns nobody needs, or that should not travel in the project (personal data)."""
    return frame.drop(columns=list(params["columns"]))


def _describe_rename(params: Params) -> str:
    pairs = [f"{old} → {new}" for old, new in params["mapping"].items()]
    if len(pairs) == 1:
        return QT_TRANSLATE_NOOP("StepKind", "Rename column {pair}").format(pair=pairs[0])
    return QT_TRANSLATE_NOOP("StepKind", "Rename columns: {pairs}").format(pairs=listed(pairs))


def _rename_rules(params: Params, columns: Sequence[str] | None) -> str | None:
    mapping = params["mapping"]
    targets = list(mapping.values())
    clashes = sorted({t for t in targets if targets.count(t) > 1})
    if columns is not None:
        kept = set(columns) - set(mapping)
        clashes += sorted(t for t in set(targets) if t in kept)
    if not clashes:
        return None
    return QT_TRANSLATE_NOOP("StepKind", "Two columns would be called {names}").format(names=listed(clashes))


@step_kind(
    "rename_columns", QT_TRANSLATE_NOOP("StepKind", "Rename columns"),
    Param("mapping", "column_map", required=True),
    summary=_describe_rename,
    rules=_rename_rules,
)
def rename_columns(frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
    """Give columns names people recognise; the new names must not collide with one another or the rest."""
    return frame.rename(columns=dict(params["mapping"]))


_TYPE_NOUNS = {"text": QT_TRANSLATE_NOOP("StepKind", "text"), "number": QT_TRANSLATE_NOOP("StepKind", "numbers"),
               "date": QT_TRANSLATE_NOOP("StepKind", "dates"),
               "yes-no": QT_TRANSLATE_NOOP("StepKind", "yes/no answers")}
_TYPE_WORDS = {"text": QT_TRANSLATE_NOOP("StepKind", "text"), "number": QT_TRANSLATE_NOOP("StepKind", "number"),
               "date": QT_TRANSLATE_NOOP("StepKind", "date"), "yes-no": QT_TRANSLATE_NOOP("StepKind", "yes-no")}


@step_kind(
    "change_type", QT_TRANSLATE_NOOP("StepKind", "Change column type"),
    Param("column", "column", required=True),
    Param("to", "choice", required=True, choices=VALUE_TYPES),
    summary=lambda params: QT_TRANSLATE_NOOP("StepKind", "Change {column} to {type}").format(
        column=str(params["column"]), type=_TYPE_WORDS.get(params["to"], str(params["to"]))),
)
def change_type(frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
    """Read a column as text, numbers, dates or yes/no; values that do not fit become missing, counted."""
    name, to = str(params["column"]), str(params["to"])
    converted, failed = convert(frame[name], to)
    if failed:
        context.note(conversion_note(name, to, failed, unreadable(frame[name], converted)))
    out = frame.copy(deep=False)
    out[name] = converted
    return out


def conversion_note(name: str, to: str, failed: int, lost: pd.Series) -> str:
    """What changing ``name`` to ``to`` lost: ``failed`` values, quoting a few of ``lost`` (in row order).
    Shared with the compiled step, which fetches only the first few lost values."""
    return plural(failed, QT_TRANSLATE_NOOP("StepKind", "{count:,} value in {column} could not be read as {type} and "
                                                        "is now missing ({examples})"),
                  QT_TRANSLATE_NOOP("StepKind", "{count:,} values in {column} could not be read as {type} and are "
                                                "now missing ({examples})")).format(
        column=name, type=_TYPE_NOUNS[to], examples=examples(lost))


def conversion_loss(values: pd.Series, to: str) -> str:
    """What changing ``values`` to type ``to`` would lose, said before the step is added ("" when nothing):
    a text column of comments changed to numbers would silently become a column of blanks."""
    lost = unreadable(values, convert(values, to)[0])
    if lost.empty:
        return ""
    present = len(values) - int(is_missing(values).sum())
    return plural(present, QT_TRANSLATE_NOOP("StepKind", "{lost:,} of {count:,} value cannot be read as {type} "
                                                         "({examples}) and would become missing."),
                  QT_TRANSLATE_NOOP("StepKind", "{lost:,} of {count:,} values cannot be read as {type} ({examples}) "
                                                "and would become missing.")).format(
        lost=len(lost), type=_TYPE_NOUNS[to], examples=examples(lost))


def _describe_trim(params: Params) -> str:
    columns = params.get("columns")
    text = QT_TRANSLATE_NOOP("StepKind", "Trim spaces in {columns}").format(columns=listed(columns)) if columns \
        else QT_TRANSLATE_NOOP("StepKind", "Trim spaces in all text columns")
    case = params.get("case", "keep")
    if case == "keep":
        return text
    made = {"lower": QT_TRANSLATE_NOOP("StepKind", "{trim} and make lower case"),
            "upper": QT_TRANSLATE_NOOP("StepKind", "{trim} and make upper case")}.get(case)
    return made.format(trim=text) if made else Phrase("", "{trim} and make {case} case", {"trim": text, "case": case})


_SPACES = re.compile(r"\s+")


@step_kind(
    "trim_text", QT_TRANSLATE_NOOP("StepKind", "Tidy text"),
    Param("columns", "columns"),
    Param("case", "choice", choices=TEXT_CASES),
    Param("collapse_spaces", "flag"),
    summary=_describe_trim,
)
def trim_text(frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
    """Strip surrounding whitespace (blank becomes missing), optionally collapse inner runs and fix case.

    Exports from different tools spell the same value as ``"Pro "``, ``"pro"`` and ``"pro  plan"``; this
    makes them group together.
    """
    names = params.get("columns") or [c for c in frame.columns if type_label(frame[c].dtype) == TEXT]
    case = params.get("case", "keep")
    collapse = params.get("collapse_spaces", True)

    def tidy(values: pd.Series) -> pd.Series:
        values = values.str.strip()
        if collapse:
            values = values.str.replace(_SPACES, " ", regex=True)
        if case != "keep":
            values = values.str.lower() if case == "lower" else values.str.upper()
        return values.mask(values == "")

    out = frame.copy(deep=False)
    skipped = [name for name in names if type_label(frame[name].dtype) != TEXT]
    for name in names:
        if name not in skipped:
            out[name] = map_uniques(frame[name], tidy)
    if skipped:
        context.note(not_text_note(skipped))
    return out


def not_text_note(skipped: list[str]) -> str:
    """The note of a tidy that leaves columns of another type alone, the same on both paths."""
    return QT_TRANSLATE_NOOP("StepKind", "Not text, left as they are: {columns}").format(columns=listed(skipped))
