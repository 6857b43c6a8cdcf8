"""What one run on a linked warehouse source asks of its kept results, and what it learns: whether to query
again (Refresh), above which BigQuery estimate to ask first, and how old the results it showed are.

A run is a scope (:func:`kept_run`) around the work of one analysis on the page, the KPIs of a page or the
report; the results kept in the project (:mod:`usagelens.workspace.warehouse_results`) read it on every query.
A part of a run (:func:`kept_part`: a finding's evidence, the report's data) tells its own results' time while
asking as the run does. Kept free of Ibis, so the pages and the report can open a scope without loading it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass
class KeptRun:
    """``refresh``: send every query again instead of answering from kept results; ``confirm_above``: bytes
    that BigQuery's dry-run estimate may reach before the run stops to ask (None: never ask). ``times`` are
    when each result it used was computed; ``sent`` counts the queries it sent (each kept anew); ``started``:
    when the run began (a refresh sends each query once: what it kept since then answers it again, as when
    several KPIs ask the same weekly users)."""

    refresh: bool = False
    confirm_above: int | None = None
    times: list[datetime] = field(default_factory=list)
    sent: int = 0
    started: datetime = field(default_factory=lambda: datetime.now(UTC))

    def answers(self, computed_at: datetime) -> bool:
        """Whether a result kept at ``computed_at`` may answer this run instead of the warehouse."""
        return not self.refresh or computed_at >= self.started

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
def kept_run(refresh: bool = False, confirm_above: int | None = None,
             since: datetime | None = None) -> Iterator[KeptRun]:
    """Within this block, queries of a linked source read and fill the :class:`KeptRun` given. ``since``: only
    results kept from then on answer (the users behind results on screen are asked of results no older)."""
    run = KeptRun(refresh or since is not None, confirm_above, started=since or datetime.now(UTC))
    token = _current.set(run)
    try:
        yield run
    finally:
        _current.reset(token)


@contextmanager
def kept_part() -> Iterator[KeptRun]:
    """Within this block, a part of the run under way whose results' time is told apart (the report's data, a
    finding's evidence): it asks as the run does, a refresh included, and what it used and sent count for the
    run too. Outside any run, a run of its own."""
    outer = _current.get()
    if outer is None:
        with kept_run() as run:
            yield run
        return
    part = KeptRun(outer.refresh, outer.confirm_above, started=outer.started)
    token = _current.set(part)
    try:
        yield part
    finally:
        _current.reset(token)
        outer.times += part.times
        outer.sent += part.sent
        outer.confirm_above = part.confirm_above


def current_run() -> KeptRun:
    """The run under way; outside any (the CLI's report, a KPI), one that uses kept results and never asks."""
    return _current.get() or KeptRun()


def english_as_of_text(when: datetime) -> str:
    """``6 Dec 2026, 21:05``: a result's time in the reader's time zone, in the English of the report and the CLI
    (the GUI shows it in the user's locale: ``ui.locale_numbers.as_of_text``)."""
    return f"{when.astimezone():%-d %b %Y, %H:%M}"
