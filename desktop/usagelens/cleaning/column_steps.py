"""Steps that reshape columns: drop, rename, change type, tidy text."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from usagelens.cleaning.steps import Param, Params, StepContext, count, listed, step_kind
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
from usagelens.model.translatable import QT_TRANSLATE_NOOP

TEXT_CASES = ("keep", "lower", "upper")


@step_kind(
    "drop_columns", QT_TRANSLATE_NOOP("StepKind", "Drop columns"),
    Param("columns", "columns", required=True),
    summary=lambda params: f"Drop columns: {listed(params['columns'])}",
)
def drop_columns(frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
    """Remove columns nobody needs, or that should not travel in the project (personal data)."""
    return frame.drop(columns=list(params["columns"]))


def _describe_rename(params: Params) -> str:
    pairs = [f"{old} → {new}" for old, new in params["mapping"].items()]
    return f"Rename column {pairs[0]}" if len(pairs) == 1 else f"Rename columns: {listed(pairs)}"


def _rename_rules(params: Params, columns: Sequence[str] | None) -> str | None:
    mapping = params["mapping"]
    targets = list(mapping.values())
    clashes = sorted({t for t in targets if targets.count(t) > 1})
    if columns is not None:
        kept = set(columns) - set(mapping)
        clashes += sorted(t for t in set(targets) if t in kept)
    return f"Two columns would be called {listed(clashes)}" if clashes else None


@step_kind(
    "rename_columns", QT_TRANSLATE_NOOP("StepKind", "Rename columns"),
    Param("mapping", "column_map", required=True),
    summary=_describe_rename,
    rules=_rename_rules,
)
def rename_columns(frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
    """Give columns names people recognise; the new names must not collide with one another or the rest."""
    return frame.rename(columns=dict(params["mapping"]))


_TYPE_NOUNS = {"text": "text", "number": "numbers", "date": "dates", "yes-no": "yes/no answers"}


@step_kind(
    "change_type", QT_TRANSLATE_NOOP("StepKind", "Change column type"),
    Param("column", "column", required=True),
    Param("to", "choice", required=True, choices=VALUE_TYPES),
    summary=lambda params: f"Change {params['column']} to {params['to']}",
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
    return (f"{count(failed, 'value')} in {name} could not be read as {_TYPE_NOUNS[to]} "
            f"and {'is' if failed == 1 else 'are'} now missing ({examples(lost)})")


def conversion_loss(values: pd.Series, to: str) -> str:
    """What changing ``values`` to type ``to`` would lose, said before the step is added ("" when nothing):
    a text column of comments changed to numbers would silently become a column of blanks."""
    lost = unreadable(values, convert(values, to)[0])
    if lost.empty:
        return ""
    present = len(values) - int(is_missing(values).sum())
    return (f"{len(lost):,} of {count(present, 'value')} cannot be read as {_TYPE_NOUNS[to]} "
            f"({examples(lost)}) and would become missing.")


def _describe_trim(params: Params) -> str:
    columns = params.get("columns")
    text = f"Trim spaces in {listed(columns)}" if columns else "Trim spaces in all text columns"
    case = params.get("case", "keep")
    return text if case == "keep" else f"{text} and make {case} case"


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
        context.note(f"Not text, left as they are: {listed(skipped)}")
    return out
