"""What one run on a linked warehouse source asks of its kept results, and what it learns: whether to query
again (Refresh), above which BigQuery estimate to ask first, and how old the results it showed are.

A run is a scope (:func:`kept_run`) around the work of one analysis on the page or one finding in the report;
the results kept in the project (:mod:`usagelens.workspace.warehouse_results`) read it on every query. Kept
free of Ibis, so the pages and the report can open a scope without loading it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class KeptRun:
    """``refresh``: send every query again instead of answering from kept results; ``confirm_above``: bytes
    that BigQuery's dry-run estimate may reach before the run stops to ask (None: never ask). ``times`` are
    when each result it used was computed; ``sent`` counts the queries it sent (each kept anew)."""

    refresh: bool = False
    confirm_above: int | None = None
    times: list[datetime] = field(default_factory=list)
    sent: int = 0

    @property
    def as_of(self) -> datetime | None:
        """When the oldest result this run used was computed (None: it used no warehouse result)."""
        return min(self.times) if self.times else None


class ScanConfirmation(Exception):  # noqa: N818 - a question, not an error: the caller asks and runs again
    """The first query a run must send would scan more than it may without asking (BigQuery's estimate)."""

    def __init__(self, size: int) -> None:
        super().__init__(f"the query would scan {size} bytes")
        self.size = size


_current: ContextVar[KeptRun | None] = ContextVar("kept_run", default=None)


@contextmanager
def kept_run(refresh: bool = False, confirm_above: int | None = None) -> Iterator[KeptRun]:
    """Within this block, queries of a linked source read and fill the :class:`KeptRun` given."""
    run = KeptRun(refresh, confirm_above)
    token = _current.set(run)
    try:
        yield run
    finally:
        _current.reset(token)


def current_run() -> KeptRun:
    """The run under way; outside any (the CLI's report, a KPI), one that uses kept results and never asks."""
    return _current.get() or KeptRun()


def as_of_text(when: datetime) -> str:
    """``6 Dec 2026, 21:05``: a result's time in the reader's time zone."""
    return f"{when.astimezone():%-d %b %Y, %H:%M}"
