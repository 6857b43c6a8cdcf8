"""Python's cycle collector, run on the UI thread only.

The automatic collector runs in whichever thread happens to cross the allocation threshold, and the app's
workers (import, cleaning, analyses) allocate a lot. A collection on a worker frees Qt objects caught in
reference cycles (old charts, dialogs, pages) from that worker: destroying a QObject or a QGraphicsItem off
its own thread corrupts Qt's state, which showed as a rare crash or hang of the UI test suite. So automatic
collection is switched off and a UI-thread timer collects instead, one generation at a time as the
allocation counts ask, which is what pyqtgraph's own ``GarbageCollector`` does.
"""

from __future__ import annotations

import gc

from usagelens.ui.qt import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Disables automatic collection and collects from a timer on the thread it lives on (the UI thread)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        gc.disable()
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose allocation count passed its threshold; the objects found."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                return gc.collect(generation)
        return 0


def install(app: QObject) -> MainThreadCollector:
    """Install the collector on ``app`` once (a second call returns the first collector)."""
    existing = app.findChild(MainThreadCollector)
    return existing if existing is not None else MainThreadCollector(app)
