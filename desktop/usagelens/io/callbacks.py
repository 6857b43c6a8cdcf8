"""The progress and cancel callbacks every long read or write takes, and the do-nothing pair for callers that
show no progress and never cancel (the CLI, tests, small tables written at once)."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float], None]  # hears the share done, 0..1
Cancelled = Callable[[], bool]  # asked between pieces of work; True stops it


def no_progress(_fraction: float) -> None:
    """A progress sink that shows nothing."""


def never_cancelled() -> bool:
    return False


def scaled(progress: Progress, start: float, share: float) -> Progress:
    """``progress`` for one piece of a larger job (one file of an archive, a second attempt): the piece's
    0..1 mapped onto ``start``..``start + share`` of the whole."""
    return lambda fraction: progress(start + share * fraction)
