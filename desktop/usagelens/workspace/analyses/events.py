"""The analysed events on either engine, so that each gallery analysis is written once.

A compute calls ``events.metrics.<name>(events.data, …)``: with :class:`LogEvents` that is the numpy
accelerator (:mod:`usagelens.analytics`) on an in-memory or memory-mapped event log; with the warehouse's
view events (:class:`usagelens.workspace.warehouse.ViewEvents`) it is the Ibis definition of the same name on a
standard view, run where the events lie. The conformance suite holds the two to the same numbers, so a
table, its chart and its message do not depend on which one answered.

The few facts a compute needs beside a metric (when the data ends, whether it has times of day, whether an
event occurs) are asked here too, each the cheapest way its engine has.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Protocol

import pandas as pd

import usagelens.analytics as accelerators
from usagelens.analytics import Customers, EventLog
from usagelens.workspace.analyses.defaults import dates_only


class Events(Protocol):
    """Events an analysis can run on: ``metrics`` holds functions of the same names and parameters for ``data``,
    and ``customers`` is the customers table in the form those functions take (or None)."""

    @property
    def metrics(self) -> ModuleType: ...

    @property
    def data(self) -> object: ...

    @property
    def customers(self) -> object | None: ...

    def end(self) -> pd.Timestamp:
        """The latest event time (NaT when there are no events)."""
        ...

    def dates_only(self) -> bool:
        """Whether every time is at midnight: an export of dates without a time of day."""
        ...

    def require_event(self, name: str) -> None:
        """:class:`~usagelens.analytics.AnalysisError` when no event is called ``name``."""
        ...


@dataclass(frozen=True)
class LogEvents:
    """An event log answered by the numpy accelerators."""

    log: EventLog
    customers: Customers | None = None

    @property
    def metrics(self) -> ModuleType:
        return accelerators

    @property
    def data(self) -> EventLog:
        return self.log

    def end(self) -> pd.Timestamp:
        return self.log.end

    def dates_only(self) -> bool:
        return dates_only(self.log)

    def require_event(self, name: str) -> None:
        self.log.event_code(name)
