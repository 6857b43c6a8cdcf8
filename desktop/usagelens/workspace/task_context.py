"""The progress and cancel of the task that work runs in, for code far below the task's own function.

Building the event log of a 100M-event source takes about a minute, and it happens deep inside "the log of
this source", which every page asks for without a progress argument. The UI's worker sets these around the
work it runs (``ui.workers``), so such a build can say how far it is and stop when the user cancels;
anywhere else (the CLI, the report, tests) they do nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]

_current: ContextVar[tuple[Progress, Cancelled] | None] = ContextVar("usagelens_task", default=None)


@contextmanager
def reporting_to(progress: Progress, cancelled: Cancelled) -> Iterator[None]:
    """Within this block (on this thread), :func:`progress` and :func:`cancelled` reach the given task."""
    token = _current.set((progress, cancelled))
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
