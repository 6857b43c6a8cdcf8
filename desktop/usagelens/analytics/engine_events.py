"""The events of an analysis on either engine, so that each gallery analysis and KPI is written once.

A caller runs ``events.metrics.<name>(events.data, …)``: with :class:`LogEvents` that is the numpy accelerator
(:mod:`usagelens.analytics`) on an in-memory or memory-mapped event log; with
:class:`usagelens.analytics.definitions.view_events.ViewEvents` it is the Ibis definition of the same name on a
standard view, run where the events lie (a warehouse). The conformance suite holds the two to the same
numbers, so a table, its chart, its message and a KPI do not depend on which one answered.

The few facts a caller needs beside a metric (when the data starts and ends, whether it has times of day,
whether an event occurs, the data as it stood on a past day) are asked here too, each the cheapest way its
engine has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import ModuleType
from typing import Any, Protocol

import numpy as np
import pandas as pd

from usagelens.analytics.attributes import Customers
from usagelens.analytics.eventlog import NS_PER_DAY, EventLog
from usagelens.analytics.periods import day_range

PREFIX_ROWS = 1 << 20


class Events(Protocol):
    """Events a metric can run on: ``metrics`` holds functions of the same names and parameters for ``data``,
    and ``customers`` is the customers table in the form those functions take (or None)."""

    @property
    def metrics(self) -> Any: ...  # a module of metric functions (or a stand-in that scopes them)

    @property
    def data(self) -> object: ...

    @property
    def customers(self) -> object | None: ...

    def start(self) -> pd.Timestamp:
        """The earliest event time (NaT when there are no events)."""
        ...

    def end(self) -> pd.Timestamp:
        """The latest event time (NaT when there are no events)."""
        ...

    def rows(self) -> int:
        """How many events there are."""
        ...

    def days(self) -> tuple[int, int]:
        """The first and last day number metrics default to: the data's (``(0, -1)`` for none), or for a part of
        the events (a cohort's members) the days of the whole it was cut from."""
        ...

    def dates_only(self) -> bool:
        """Whether every time is at midnight: an export of dates without a time of day."""
        ...

    def has_event(self, name: str) -> bool:
        """Whether any event is called ``name``."""
        ...

    def until(self, day: date) -> Events:
        """The events on or before ``day``: what the data said back then."""
        ...


@dataclass(frozen=True)
class LogEvents:
    """An event log answered by the numpy accelerators."""

    log: EventLog
    customers: Customers | None = None

    @property
    def metrics(self) -> ModuleType:
        import usagelens.analytics as accelerators  # the package imports this module: bound on first use

        return accelerators

    @property
    def data(self) -> EventLog:
        return self.log

    def start(self) -> pd.Timestamp:
        return self.log.start

    def end(self) -> pd.Timestamp:
        return self.log.end

    def rows(self) -> int:
        return self.log.n_events

    def days(self) -> tuple[int, int]:
        return day_range(self.log)

    def dates_only(self) -> bool:
        return dates_only(self.log)

    def has_event(self, name: str) -> bool:
        return name in self.log.event_names

    def until(self, day: date) -> LogEvents:
        return LogEvents(self.log.until(int(np.datetime64(day, "D").astype(np.int64))), self.customers)


def dates_only(log: EventLog) -> bool:
    """True when every timestamp is at midnight: the export has dates without a time of day, so sessions,
    hours of the day and the order of events within a day cannot be known."""

    def check() -> bool:
        if not log.n_events:
            return False
        prefix = log.times[:PREFIX_ROWS]  # a time of day usually shows at once: 100M remainders cost 800 MB
        return not (prefix % NS_PER_DAY).any() and not (log.times % NS_PER_DAY).any()

    return log.cached("dates_only", check)
