"""A task is deleted only once its pool thread has finished signalling: every listener of its last signal hears
it, even when the window's own listener ran, and an event loop ran, before the pool thread reached the next one
(the step 4 cancel test waited for ever on a ``cancelled`` that a deleted task never delivered)."""

from __future__ import annotations

import threading

from usagelens.ui.qt import Qt, still_alive
from usagelens.ui.workers import TaskRunner


def test_the_last_signal_reaches_every_listener_before_the_task_is_deleted(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    go, settled = threading.Event(), threading.Event()
    heard: list[object] = []

    def work(*, progress, cancelled) -> str:  # type: ignore[no-untyped-def]
        assert go.wait(10)
        return "done"

    task = runner.run("lifetime", "Lifetime", work, on_done=lambda result: settled.set())

    def hold_the_pool_thread(_result: object) -> None:  # on the pool thread, between two listeners
        assert settled.wait(10)  # the runner's own listener ran on the UI thread…
        threading.Event().wait(0.3)  # …and its event loop went on meanwhile (below)

    task.finished.connect(hold_the_pool_thread, Qt.ConnectionType.DirectConnection)
    task.finished.connect(heard.append)
    go.set()
    qtbot.waitUntil(settled.is_set, timeout=10000)
    qtbot.wait(100)  # deferred deletes run here: a task deleted now would drop the listener below
    qtbot.waitUntil(lambda: heard == ["done"], timeout=10000)
    qtbot.waitUntil(lambda: not still_alive(task), timeout=10000)  # and deleted once the pool thread let go
