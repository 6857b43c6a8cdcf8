"""A standard view as :class:`~usagelens.analytics.engine_events.Events`: the gallery's analyses and the KPIs
run on it unchanged, each metric as its Ibis definition where the view lies (DuckDB or a warehouse), and only
small result tables come back."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

import ibis.expr.types as ir
import pandas as pd
import pyarrow as pa

from usagelens.analytics.definitions.cohorts import in_cohort
from usagelens.analytics.definitions.view import (
    TIME,
    Whole,
    day_number,
    day_timestamp,
    facts,
    fetch,
    fetcher,
    whole_view,
)
from usagelens.model.query_engine import backend_name, queries_to

Fetcher = Callable[[ir.Table], pa.Table]


class ViewEvents:
    """A standard view answered by the definitions; ``customers`` a customers view (or None). The facts asked
    of it (start, end, whether it has times of day) are one small query each, asked once.

    ``whole``: the view a part was cut from (a cohort's members), whose days and events the part's metrics
    keep, as :meth:`EventLog.subset_users` keeps them on the numpy path, so that a cohort's periods line up
    with everyone's.

    ``fetcher``: who answers the view's queries instead of its backend (:data:`.view.fetcher`), set around
    every metric and fact asked through this object: a linked source's results kept in the project.

    ``engine``: the Ibis backend's name the queries go to (as ``io.warehouse.url.engine_of`` gives it), by
    default the view's own (DuckDB for the project's own data); set with the fetcher, for a linked source's
    stand-in view, which is bound to none, to say whether a table may go along with a query
    (:func:`~usagelens.model.query_engine.takes_tables`)."""

    def __init__(self, view: ir.Table, customers: ir.Table | None = None, whole: Whole | None = None,
                 fetcher: Fetcher | None = None, engine: str | None = None) -> None:
        self.view, self.customers, self.whole, self.fetcher = view, customers, whole, fetcher
        self.engine = engine if engine is not None else backend_name(view)
        self._bounds: tuple[pd.Timestamp, pd.Timestamp] | None = None
        self._counted: tuple[int, bool] | None = None

    @property
    def metrics(self) -> Any:
        import usagelens.analytics.definitions as definitions  # the package imports this module

        if self.whole is None and self.fetcher is None and self.engine is None:
            return definitions
        return _Within(definitions, self.whole, self.fetcher, self.engine)

    @contextmanager
    def fetching(self) -> Iterator[None]:
        """Within this block, queries built on :attr:`view` go to its :attr:`fetcher` and :attr:`engine` (for
        callers that ask the view directly rather than through :attr:`metrics`)."""
        token = fetcher.set(self.fetcher) if self.fetcher is not None else None
        try:
            with queries_to(self.engine):
                yield
        finally:
            if token is not None:
                fetcher.reset(token)

    @property
    def data(self) -> ir.Table:
        return self.view

    def _span(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        if self._bounds is None:
            with self.fetching():
                row = fetch(self.view.aggregate(first=self.view[TIME].min(), last=self.view[TIME].max())).iloc[0]
            self._bounds = (_naive(row["first"]), _naive(row["last"]))
        return self._bounds

    def start(self) -> pd.Timestamp:
        return self._span()[0]

    def end(self) -> pd.Timestamp:
        return self._span()[1]

    def _census(self) -> tuple[int, bool]:
        """How many rows, and whether any has a time of day: one query for both."""
        if self._counted is None:
            ts = self.view[TIME]
            timed = (ts.hour() + ts.minute() + ts.second() + ts.microsecond()) != 0
            with self.fetching():
                row = fetch(self.view.aggregate(rows=self.view.count(), timed=timed.any()))
            rows = int(row["rows"].iloc[0])
            self._counted = (rows, rows > 0 and bool(row["timed"].iloc[0]))  # no rows: no time of day (NULL)
        return self._counted

    def rows(self) -> int:
        return self._census()[0]

    def days(self) -> tuple[int, int]:
        if self.whole is not None:
            return self.whole.days
        first, last = self._span()
        return (0, -1) if pd.isna(first) else (day_number(first), day_number(last))

    def dates_only(self) -> bool:
        rows, timed = self._census()
        return bool(rows) and not timed

    def has_event(self, name: str) -> bool:
        with self.fetching():
            return name in facts(self.view, events=[name]).present

    def until(self, day: date) -> ViewEvents:
        after = day_timestamp(day_number(pd.Timestamp(day)) + 1)
        return ViewEvents(self.view.filter(self.view[TIME] < after), self.customers, fetcher=self.fetcher,
                          engine=self.engine)

    def members(self, conditions: Sequence[Mapping[str, Any]], match: str = "all", *,
                outside: bool = False) -> ViewEvents:
        """The rows of a cohort's members (its conditions as :mod:`.cohorts` reads them; ``outside``: of everyone
        else), over this view's days and events."""
        with self.fetching():
            whole = self.whole or Whole(self.view, facts(self.view).days)
            rows = in_cohort(self.view, conditions, match=match, customers=self.customers, outside=outside)
        return ViewEvents(rows, self.customers, whole, self.fetcher, self.engine)


class _Within:
    """The definitions, each run with :data:`whole_view` set to the view a part was cut from (when it is one),
    :data:`.view.fetcher` to who answers the queries (when someone does) and the engine they go to."""

    def __init__(self, definitions: object, whole: Whole | None, answer: Fetcher | None, engine: str | None) -> None:
        self._definitions, self._whole, self._answer, self._engine = definitions, whole, answer, engine

    def __getattr__(self, name: str) -> Callable[..., Any]:
        metric = getattr(self._definitions, name)

        def within(*args: Any, **options: Any) -> Any:
            whole = whole_view.set(self._whole) if self._whole is not None else None
            answer = fetcher.set(self._answer) if self._answer is not None else None
            try:
                with queries_to(self._engine):
                    return metric(*args, **options)
            finally:
                if answer is not None:
                    fetcher.reset(answer)
                if whole is not None:
                    whole_view.reset(whole)

        return within


def _naive(value: object) -> pd.Timestamp:
    """A time fetched from the view as the event log gives it: UTC without a zone (NaT for none)."""
    return pd.NaT if pd.isna(value) else pd.Timestamp(value).tz_localize(None)  # type: ignore[arg-type]
