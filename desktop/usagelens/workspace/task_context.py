"""The progress and cancel of the task that work runs in, for code far below the task's own function.

Building the event log of a 100M-event source takes about a minute, and it happens deep inside "the log of
this source", which every page asks for without a progress argument. The UI's worker sets these around the
work it runs (``ui.workers``), so such a build can say how far it is and stop when the user cancels;
anywhere else (the CLI, the report, tests) they do nothing.

A warehouse query waits on the warehouse, not on a loop that could ask :func:`cancelled`: :func:`interruptible`
says how to stop it (DuckDB's ``interrupt``), and a cancel calls that at once, from the thread that cancels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]
Stop = Callable[[], None]
Stops = Callable[[Stop | None], None]  # what the task calls on cancel from now on (None: nothing)

_current: ContextVar[tuple[Progress, Cancelled, Stops | None] | None] = ContextVar("usagelens_task", default=None)


@contextmanager
def reporting_to(progress: Progress, cancelled: Cancelled, stops: Stops | None = None) -> Iterator[None]:
    """Within this block (on this thread), :func:`progress` and :func:`cancelled` reach the given task, and
    ``stops`` takes what :func:`interruptible` says would stop the work under way."""
    token = _current.set((progress, cancelled, stops))
    try:
        yield
    finally:
        _current.reset(token)


def progress(fraction: float) -> None:
    """Tell the running task how far it is (0..1); nothing when no task listens."""
    current = _current.get()
    if current is not None:
        current[0](fraction)


def cancelled() -> bool:
    """Whether the user cancelled the running task (never, when there is none)."""
    current = _current.get()
    return current is not None and current[1]()


@contextmanager
def interruptible(stop: Stop) -> Iterator[None]:
    """Within this block, cancelling the running task also calls ``stop`` (on the cancelling thread; at once if
    it was cancelled already): for a wait that cannot poll :func:`cancelled`, such as a warehouse query."""
    current = _current.get()
    stops = current[2] if current is not None else None
    if stops is None:
        yield
        return
    stops(stop)
    try:
        yield
    finally:
        stops(None)
