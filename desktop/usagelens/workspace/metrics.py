"""Aggregated exports (a GA4 exploration, any "date × dimensions × counts" table) as daily series.

A metrics source has no user-level rows, so it cannot give funnels or retention; what it can give is a number
per day: trends, anomalies, the before/after impact of a change and a KPI. Its date column has the time role;
every numeric column is a metric, every other column a dimension to filter or break down by. A row without a
readable date (the totals row GA4 puts under the header) is no day and is left out of every series.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from usagelens.model.translatable import QT_TRANSLATE_NOOP

METRIC_PREFIX = "metric:"  # how a daily measure names a metric column rather than an event


@dataclass(frozen=True)
class MetricsTable:
    """The analysed metrics sources, combined: the table, its date column, its metrics and dimensions."""

    table: pd.DataFrame
    date: str

    @property
    def metrics(self) -> list[str]:
        return [str(c) for c in self.table.columns
                if c != self.date and pd.api.types.is_numeric_dtype(self.table[c])
                and not pd.api.types.is_bool_dtype(self.table[c])]

    @property
    def dimensions(self) -> list[str]:
        return [str(c) for c in self.table.columns if c != self.date and str(c) not in self.metrics]

    @property
    def days(self) -> pd.Series:
        return pd.to_datetime(self.table[self.date], errors="coerce").dt.normalize()

    def daily(self, metric: str, by: str | None = None) -> pd.DataFrame:
        """The metric summed per day (zero-filled from the first to the last day), one column per value of
        ``by`` when given, else one column named after the metric."""
        if metric not in self.metrics:
            raise LookupError(QT_TRANSLATE_NOOP(
                "Analysis", "The metrics export has no numeric column '{metric}'.").format(metric=metric))
        frame = pd.DataFrame({"day": self.days, "value": self.table[metric]})
        if by:
            frame["segment"] = self.table[by].astype("str").fillna("(blank)")
        frame = frame.dropna(subset=["day"])
        if frame.empty:
            raise LookupError(QT_TRANSLATE_NOOP("Analysis", "The metrics export has no row with a readable date."))
        keys = ["day", "segment"] if by else ["day"]
        sums = frame.groupby(keys, sort=True)["value"].sum(min_count=1)
        return _every_day(sums.unstack("segment") if by else sums.to_frame(metric))

    def daily_totals(self) -> pd.DataFrame:
        """Every metric summed per day (zero-filled), for KPIs: one row per day, one column per metric."""
        frame = self.table[self.metrics].assign(day=self.days).dropna(subset=["day"])
        sums = frame.groupby("day", sort=True).sum()
        return sums.rename_axis("period") if sums.empty else _every_day(sums)


def _every_day(sums: pd.DataFrame) -> pd.DataFrame:
    """Day sums on every day from the first to the last (a day without rows is 0), as floats whatever the gaps,
    indexed by ``period``."""
    days = pd.date_range(sums.index.min(), sums.index.max(), freq="D")
    return sums.reindex(days).fillna(0.0).astype(float).rename_axis("period")


def metric_measure(metric: str) -> str:
    """The parameter value that names a metric column where an event could be named."""
    return f"{METRIC_PREFIX}{metric}"


def measured_metric(measure: str) -> str | None:
    """The metric column a measure names, or None when it names an event (or daily active users)."""
    return measure[len(METRIC_PREFIX):] if measure.startswith(METRIC_PREFIX) else None
