"""A standard view as :class:`~usagelens.analytics.engine_events.Events`: the gallery's analyses and the KPIs
run on it unchanged, each metric as its Ibis definition where the view lies (DuckDB or a warehouse), and only
small result tables come back."""

from __future__ import annotations

from datetime import date
from types import ModuleType

import ibis.expr.types as ir
import pandas as pd

from usagelens.analytics.definitions.view import TIME, day_number, day_timestamp, facts, fetch


class ViewEvents:
    """A standard view answered by the definitions; ``customers`` a customers view (or None). The facts asked
    of it (start, end, whether it has times of day) are one small query each, asked once."""

    def __init__(self, view: ir.Table, customers: ir.Table | None = None) -> None:
        self.view, self.customers = view, customers
        self._bounds: tuple[pd.Timestamp, pd.Timestamp] | None = None
        self._dates_only: bool | None = None

    @property
    def metrics(self) -> ModuleType:
        import usagelens.analytics.definitions as definitions  # the package imports this module

        return definitions

    @property
    def data(self) -> ir.Table:
        return self.view

    def _span(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        if self._bounds is None:
            row = fetch(self.view.aggregate(first=self.view[TIME].min(), last=self.view[TIME].max())).iloc[0]
            self._bounds = (_naive(row["first"]), _naive(row["last"]))
        return self._bounds

    def start(self) -> pd.Timestamp:
        return self._span()[0]

    def end(self) -> pd.Timestamp:
        return self._span()[1]

    def dates_only(self) -> bool:
        if self._dates_only is None:
            ts = self.view[TIME]
            timed = (ts.hour() + ts.minute() + ts.second() + ts.microsecond()) != 0
            row = fetch(self.view.aggregate(rows=self.view.count(), timed=timed.any()))
            self._dates_only = bool(row["rows"].iloc[0]) and not bool(row["timed"].iloc[0])
        return self._dates_only

    def has_event(self, name: str) -> bool:
        return name in facts(self.view, events=[name]).present

    def until(self, day: date) -> ViewEvents:
        after = day_timestamp(day_number(pd.Timestamp(day)) + 1)
        return ViewEvents(self.view.filter(self.view[TIME] < after), self.customers)


def _naive(value: object) -> pd.Timestamp:
    """A time fetched from the view as the event log gives it: UTC without a zone (NaT for none)."""
    return pd.NaT if pd.isna(value) else pd.Timestamp(value).tz_localize(None)  # type: ignore[arg-type]
