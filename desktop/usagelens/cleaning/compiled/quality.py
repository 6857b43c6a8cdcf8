"""The parts of the quality report (:mod:`usagelens.cleaning.quality`) computed as aggregate queries, so a
source of any size is profiled where it lies; each returns exactly what the pandas report holds.

Still in pandas only: the suspected test users and the numeric outliers (see the module's report).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from usagelens.cleaning import suspects
from usagelens.cleaning.compiled import values
from usagelens.cleaning.quality import ColumnProfile
from usagelens.cleaning.suspects import EventsPerUser
from usagelens.cleaning.values import DATE


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
    counts = table.filter(ids.notnull()).group_by(u=ids).aggregate(n=ibis._.count())
    histogram = counts.group_by("n").aggregate(users=ibis._.count()).order_by("n").execute()
    return suspects.events_per_user(np.repeat(histogram["n"].to_numpy(), histogram["users"].to_numpy()))
