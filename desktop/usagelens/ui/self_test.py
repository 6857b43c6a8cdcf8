"""``usagelens --self-test``: proves an installed or packaged app works end to end, without a screen.

Loads the bundled demo project, shows every step page (waiting for its background work), grabs each to a
PNG, exports the PDF summary, and exits 0 — or prints the one thing that failed and exits 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from usagelens.ui.qt import QApplication


def wait_for_idle(window: object, timeout_s: float = 60.0) -> None:
    """Process events until no background task of the window is running."""
    from usagelens.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    deadline = time.monotonic() + timeout_s
    QApplication.processEvents()
    while window.runner.has_running() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


def run_self_test(out_dir: Path | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from usagelens.paths import demo_project
    from usagelens.report.pdf import export_pdf
    from usagelens.ui.application import create_application
    from usagelens.ui.main_window import MainWindow
    from usagelens.workspace.summary import gather_summary

    create_application()
    folder = out_dir or Path(tempfile.mkdtemp(prefix="usagelens-self-test-"))
    try:
        window = MainWindow()
        window.resize(1280, 800)
        window.show()
        if not window.open_path(demo_project(), ask=False):
            raise RuntimeError(f"the demo project could not be opened from {demo_project()}")
        for number in range(1, len(window.pages) + 1):
            window.go_to_step(number)
            wait_for_idle(window)
            if not window.grab().save(str(folder / f"step{number}.png")):
                raise RuntimeError(f"step {number} could not be rendered")
        pages = export_pdf(gather_summary(window.document.project), folder / "summary.pdf")
        window.document.undo_stack.setClean()
        window.close()
    except Exception as exc:  # noqa: BLE001 - the self-test reports, it never shows a traceback
        print(f"self-test FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"self-test passed: 8 pages rendered and a {pages}-page PDF written to {folder}")
    return 0
