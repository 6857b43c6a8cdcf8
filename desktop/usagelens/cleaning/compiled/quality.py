"""The quality report (:mod:`usagelens.cleaning.quality`) computed as aggregate queries, so a source of any
size is profiled where it lies; each part returns exactly what the pandas report holds, and
:func:`quality_report` puts them together as pandas does (suspects in :mod:`.suspects`, outliers in
:mod:`.outliers`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import ibis
import ibis.expr.types as ir
import pandas as pd

from usagelens.cleaning import suspects
from usagelens.cleaning.compiled import outliers, values
from usagelens.cleaning.compiled.context import CompileContext
from usagelens.cleaning.compiled.personal import email_columns
from usagelens.cleaning.compiled.suspects import find_suspects, sorted_counts
from usagelens.cleaning.personal import EMAIL
from usagelens.cleaning.quality import MAX_SUSPECTS, ColumnProfile, QualityReport
from usagelens.cleaning.suspects import EventsPerUser, SuspectScan
from usagelens.cleaning.values import DATE, NUMBER
from usagelens.model.entities import Source, SourceKind
from usagelens.model.translatable import QT_TRANSLATE_NOOP


def column_profiles(table: ir.Table, columns: list[str]) -> tuple[int, list[ColumnProfile]]:
    """The row count and each column's type, missing values (blank text counts) and distinct present values,
    all in one query."""
    missing = {name: values.is_missing(table[name]) for name in columns}
    aggregates = {"rows": table.count()}
    for i, name in enumerate(columns):
        aggregates[f"m{i}"] = missing[name].sum()
        aggregates[f"d{i}"] = table[name].nunique(where=~missing[name])
    result = table.aggregate(**aggregates).execute().iloc[0].fillna(0)
    rows = int(result["rows"])
    profiles = [
        ColumnProfile(name, values.type_label(table[name].type()), int(result[f"m{i}"]),
                      int(result[f"m{i}"]) / rows if rows else 0.0, int(result[f"d{i}"]))
        for i, name in enumerate(columns)
    ]
    return rows, profiles


def duplicate_rows(table: ir.Table, columns: list[str]) -> int:
    """Rows equal to an earlier row in every column, missing (and blank text) equal to missing."""
    folded = {name: ibis.ifelse(values.is_missing(table[name]), ibis.null(table[name].type()), table[name])
              for name in columns}
    if not columns:
        return 0
    return int(table.count().execute()) - int(table.select(**folded).distinct().count().execute())


def date_range(table: ir.Table, column: str | None) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    if column is None or values.type_label(table[column].type()) != DATE:
        return None
    times = values.to_date(table[column])
    low, high = table.aggregate(low=times.min(), high=times.max()).execute().iloc[0]
    return None if pd.isna(low) else (pd.Timestamp(low), pd.Timestamp(high))


def events_per_user(table: ir.Table, user: str) -> EventsPerUser | None:
    """The spread of events per user, by the pandas report's own numpy calls.

    Only the histogram (events → users with that many) leaves the backend. Rebuilding the sorted counts
    from it and handing them to the same function makes the median and the 90th percentile bit-identical:
    the backend's quantile interpolates with other rounding (2.8000000000000003 for 2.8).
    """
    ids = values.as_text(table[user])
    users = table.filter(ids.notnull()).group_by(u=ids).aggregate(n=ibis._.count())
    return suspects.events_per_user(sorted_counts(users))


@dataclass(frozen=True)
class QueriedReport:
    """The report, and whether any part of it may differ from pandas' (``approximate`` names the parts)."""

    report: QualityReport
    approximate: list[str] = field(default_factory=list)


def quality_report(
    table: ir.Table,
    source: Source,
    *,
    order: str,
    own_domains: Sequence[str] = (),
    max_suspects: int = MAX_SUSPECTS,
    personal: Mapping[str, str] | None = None,
) -> QueriedReport:
    """:func:`usagelens.cleaning.quality_report` of ``table`` (a table of ``source``, with the row-number
    column ``order`` standing for pandas' row order), read with the source's roles. ``personal`` is the
    table's personal columns when the caller has detected them already (the e-mails are among them)."""
    columns = [c for c in table.columns if c != order]

    def role(name: str) -> str | None:
        column = source.column(name)
        return column if column in columns else None

    rows, profiles = column_profiles(table, columns)
    user_column, time_column = role("user_id"), role("timestamp")
    scan = SuspectScan([], 0, 0, None)
    if user_column:
        found = (email_columns(table, CompileContext(roles=dict(source.roles), order=order)) if personal is None
                 else (name for name, kind in personal.items() if kind == EMAIL))
        emails = [c for c in found if c != user_column]
        scan = find_suspects(table, user_column, emails, order=order, event_counts=source.kind is SourceKind.EVENTS,
                             own_domains=own_domains, limit=max_suspects)
    found, approximate = [], []
    for profile in profiles:  # numeric user ids are labels, not quantities
        if profile.type == NUMBER and profile.name != user_column:
            queried = outliers.column_outliers(table, profile.name)
            if queried.outliers is not None and queried.outliers.flagged:
                found.append(queried.outliers)
            if not queried.exact:
                approximate.append(QT_TRANSLATE_NOOP("Quality", "outliers of {column}").format(column=profile.name))
    report = QualityReport(
        rows=rows,
        columns=profiles,
        duplicate_rows=duplicate_rows(table, columns),
        failed_timestamps=source.failed_timestamps,
        has_timestamps="timestamp" in source.kind.roles,
        date_range=date_range(table, time_column),
        events_per_user=scan.events_per_user,
        suspects=scan.users,
        suspect_total=scan.likely,
        unusually_active=scan.unusually_active,
        outliers=found,
    )
    return QueriedReport(report, approximate)
