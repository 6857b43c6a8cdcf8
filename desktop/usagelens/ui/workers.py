"""Running Qt-free work functions off the UI thread, with progress, cancel and stale-result dropping.

Work functions have the shape ``fn(*, progress, cancelled) -> result`` (see the house style) and know nothing
about Qt. ``TaskRunner.run`` starts one on the global ``QThreadPool``; results come back through queued
signals on the UI thread. Starting a task under a ``key`` that is already running cancels the older one and
drops whatever it still returns, so a page never shows a stale answer.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from usagelens.model.translatable import said
from usagelens.ui.qt import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, still_alive
from usagelens.ui.translations import translated
from usagelens.workspace.task_context import reporting_to

log = logging.getLogger(__name__)

Work = Callable[..., Any]
# by name: no layer import
CANCELLATIONS = {"Cancelled", "ImportCancelled", "RecipeCancelled", "ExportCancelled", "BuildCancelled",
                 "RewriteCancelled"}


class Cancelled(Exception):
    """Raised inside work functions (via ``check``) when the user cancelled."""


def said_already(exc: BaseException) -> bool:
    """Whether ``exc`` is one of our own failures, whose sentence is the whole story (a warehouse out of reach, a
    file that cannot be read): the log gets that sentence, not a traceback."""
    from usagelens.io import ExportFailed, ImportFailed
    from usagelens.io.warehouse.url import WarehouseError
    from usagelens.model import ProjectFileError

    return isinstance(exc, ImportFailed | ExportFailed | ProjectFileError | WarehouseError)


def human_error(exc: BaseException) -> str:
    """One readable sentence for any failure; our own errors already carry one."""
    if said_already(exc):  # its marked sentence, in the user's language
        return translated(said(exc))
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate("TaskRunner", "There is not enough memory for this; close other programs "
                                                        "or use a smaller file.")
    text = translated(said(exc)).strip() or type(exc).__name__
    return QCoreApplication.translate("TaskRunner", "Something went wrong: {problem}").format(problem=text)


class Task(QObject):
    """One run of a work function; emits exactly one of ``finished``, ``failed`` or ``cancelled``."""

    progress = Signal(float)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, label: str, work: Work) -> None:
        super().__init__()
        self.label = label
        self._work = work
        self._cancel = threading.Event()
        self._last_progress = -1.0
        self._stop: Callable[[], None] | None = None  # stops a wait under way (a warehouse query)
        self._stop_lock = threading.Lock()

    def cancel(self) -> None:
        with self._stop_lock:
            self._cancel.set()
            stop = self._stop
        if stop is not None:
            stop()

    def _stops(self, stop: Callable[[], None] | None) -> None:
        with self._stop_lock:
            self._stop = stop
            cancelled = self._cancel.is_set()
        if stop is not None and cancelled:
            stop()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, fraction: float) -> None:
        # Throttled to whole percents so a tight loop cannot flood the event queue.
        if fraction - self._last_progress >= 0.01 or fraction >= 1.0:
            self._last_progress = fraction
            self.progress.emit(min(max(fraction, 0.0), 1.0))

    def execute(self) -> None:
        """Runs on a pool thread."""
        try:
            with reporting_to(self._report, self.is_cancelled, self._stops):  # for builds deep below the work function
                result = self._work(progress=self._report, cancelled=self.is_cancelled)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message, never a crash
            if self.is_cancelled() or type(exc).__name__ in CANCELLATIONS:
                self.cancelled.emit()
                return
            if said_already(exc):
                log.warning("%s failed: %s", self.label, exc)
            else:
                log.error("%s failed:\n%s", self.label, traceback.format_exc())
            self.failed.emit(human_error(exc))
            return
        if self.is_cancelled():
            self.cancelled.emit()
        else:
            self.finished.emit(result)


class _Keeper(QObject):
    """Holds every started task until its pool thread has let go of it, then drops it on the UI thread.

    A task's work function is a closure that may hold Qt objects (a page, a document). Were a pool thread to
    drop the last reference, those would be freed there, off the UI thread, where Qt objects must not die. So
    the keeper holds each task until the pool thread has dropped its own reference and said so (a queued
    signal). It is one object for the whole app, created on the UI thread and never deleted: a pool thread
    may still signal it after the window whose runner started the task has gone.

    It is also the keeper that deletes the task, not whoever heard its last signal: the pool thread may still
    be emitting that signal to later listeners, and a task deleted meanwhile (by a ``deleteLater`` that a
    nested event loop ran) drops their calls, so a window waiting on ``cancelled`` would wait for ever.
    """

    released = Signal(object)  # the task's id(); object, since an address does not fit a C++ int

    def __init__(self) -> None:
        super().__init__()
        self._held: dict[int, Task] = {}
        self.released.connect(self._on_released)

    def hold(self, task: Task) -> None:
        self._held[id(task)] = task

    def _on_released(self, key: int) -> None:
        task = self._held.pop(key, None)  # the last reference, dropped here on the UI thread
        if task is not None and still_alive(task):  # not when its runner's window took it along
            task.deleteLater()


_KEEPER: list[_Keeper] = []  # the app's one keeper, made on first use (on the UI thread)


def _keeper() -> _Keeper:
    if not _KEEPER:
        _KEEPER.append(_Keeper())
    return _KEEPER[0]


class _Runnable(QRunnable):
    """Runs a task on a pool thread without ever holding its last reference (see :class:`_Keeper`)."""

    def __init__(self, task: Task, keeper: _Keeper) -> None:
        super().__init__()
        self._task: Task | None = task
        self._keeper = keeper

    def run(self) -> None:
        task, self._task = self._task, None
        assert task is not None
        key = id(task)
        try:
            task.execute()
        finally:
            del task  # this thread's reference goes first; the keeper's, on the UI thread, after the signal
            self._keeper.released.emit(key)


class TaskRunner(QObject):
    """Starts tasks and tells the window which one is running (for the status-bar progress)."""

    busy = Signal(object)  # the Task now running, shown after a short delay
    idle = Signal()

    SHOW_AFTER_MS = 400

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: dict[str, Task] = {}
        self._pool = QThreadPool.globalInstance()

    def run(
        self,
        key: str,
        label: str,
        work: Work,
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None = None,
    ) -> Task:
        """Run ``work`` in the background; ``on_done``/``on_error`` are called on the UI thread."""
        previous = self._running.get(key)
        if previous is not None:
            previous.cancel()
        task = Task(label, work)
        task.setParent(self)  # keep it alive until it reports back
        self._running[key] = task

        def settle() -> None:
            if self._running.get(key) is task:
                del self._running[key]
            if not self._running:
                self.idle.emit()

        def done(result: object) -> None:
            current = self._running.get(key) is task
            settle()
            if current:
                on_done(result)

        def failed(message: str) -> None:
            current = self._running.get(key) is task
            settle()
            if current and on_error is not None:
                on_error(message)

        task.finished.connect(done)
        task.failed.connect(failed)
        task.cancelled.connect(settle)
        QTimer.singleShot(self.SHOW_AFTER_MS, lambda: self._announce(task))
        keeper = _keeper()
        keeper.hold(task)
        self._pool.start(_Runnable(task, keeper))
        return task

    def _announce(self, task: Task) -> None:
        if task in self._running.values():
            self.busy.emit(task)

    def cancel_all(self) -> None:
        for task in list(self._running.values()):
            task.cancel()

    def has_running(self) -> bool:
        return bool(self._running)

    def wait_all(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (used on quit and in tests)."""
        return self._pool.waitForDone(msecs)
