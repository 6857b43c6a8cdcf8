"""Watching a long DuckDB statement from beside it: its progress reported, and the user's cancel obeyed.

A statement such as a ``COPY`` of 100M rows holds its thread for minutes; DuckDB reports how far it got
(``query_progress``) and stops when interrupted from another thread, so a small thread polls both.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

POLL_SECONDS = 0.25


class QueryWatcher:
    """Polls the user's cancel and DuckDB's progress while a statement runs on another thread; ``progress`` gets
    the share done (0 to 0.99) in steps of at least 1 %, never going back (a short statement before the long one,
    such as a look at the first rows, starts from 0 again), and a cancel interrupts the statement (DuckDB then
    raises its ``InterruptException`` where it ran)."""

    def __init__(self, con: object, progress: Callable[[float], None], cancelled: Callable[[], bool]) -> None:
        self._con, self._progress, self._cancelled = con, progress, cancelled
        self._done = threading.Event()
        self._shown = 0.0
        self._thread = threading.Thread(target=self._run, name="query-watch", daemon=True)

    def __enter__(self) -> QueryWatcher:
        # DuckDB only tracks progress with its progress bar on (connect() turns it off, the CLI's stderr being for
        # messages): on, undrawn, or query_progress() says -1 throughout and the bar would sit at 0 for minutes.
        self._con.execute("SET enable_progress_bar = true")  # type: ignore[attr-defined]
        self._con.execute("SET enable_progress_bar_print = false")  # type: ignore[attr-defined]
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._done.wait(POLL_SECONDS):
            if self._cancelled():
                self._con.interrupt()  # type: ignore[attr-defined]
                return
            try:
                done = float(self._con.query_progress())  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - progress is a nicety; no query yet or none to report
                continue
            share = min(done / 100, 0.99)
            if share >= self._shown + 0.01:
                self._shown = share
                self._progress(share)
