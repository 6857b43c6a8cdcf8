"""Cycles are collected on the UI thread's timer, never by whichever worker thread allocates."""

from __future__ import annotations

import gc
import threading
import weakref

from usagelens.ui import main_thread_gc


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_workers_never_collect_and_the_ui_timer_does(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    collector = main_thread_gc.install(qapp)
    assert main_thread_gc.install(qapp) is collector and not gc.isenabled()
    collected_on: list[str] = []

    def note(phase: str, _info: dict) -> None:
        if phase == "start":
            collected_on.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        def allocate() -> None:  # far past every automatic threshold
            for _ in range(50_000):
                _Cycle()

        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
        assert "worker" not in collected_on
        probe = _Cycle()
        gone = weakref.ref(probe)
        del probe
        qtbot.waitUntil(lambda: gone() is None, timeout=5 * main_thread_gc.INTERVAL_MS)
        assert set(collected_on) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(note)


def test_only_the_gui_hands_collection_to_the_ui_thread() -> None:
    """A headless report runs no event loop, so it must keep Python's own collection."""
    import os
    import subprocess
    import sys

    check = (
        "import gc; from usagelens.ui.application import create_application; "
        "create_application(event_loop={}); print(gc.isenabled())"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for event_loop, enabled in ((False, "True"), (True, "False")):
        out = subprocess.run([sys.executable, "-c", check.format(event_loop)], capture_output=True, text=True,
                             env=env, check=True).stdout
        assert out.strip().splitlines()[-1] == enabled
