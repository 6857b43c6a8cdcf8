"""Start-up: a fresh process to the welcome page painted (issue 17's target: 1.5 s to the first painted window).

Each run is a new interpreter that starts the GUI as ``usagelens`` does (the arguments parsed, then ``run_gui``:
the QApplication, the main window, its restored state, ``start`` without a project, which shows the welcome
page) in a profile of its own, and stops at the welcome page's first paint event. It reports the wall time since
the parent launched it and the child's own CPU time (interpreter start-up and imports included; a busy machine
inflates the wall time, much less the CPU time), how many step pages were built, and which of the libraries the
welcome page does not need were imported on the way.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_startup.py [--runs N] [--write]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from results_file import replace_section  # noqa: E402

SECTION = "## Start-up"
TARGET_S = 1.5
BEFORE = ("Before the lean start (2026-12-06, this script, the same machine at load 4.6): 5.23 s wall (4.82–6.12), "
          "3.14 s CPU (3.13–3.38), all 8 step pages built, and Ibis, DuckDB, keyring, sqlglot, pyarrow.parquet, "
          "calamine, pandas and pyqtgraph imported before the welcome page was painted.")
# Libraries the welcome page needs none of: each is imported when a feature first uses it.
HEAVY = ("ibis", "duckdb", "keyring", "pyarrow", "pyarrow.parquet", "pyarrow.dataset", "openpyxl", "python_calamine",
         "sqlglot", "pyqtgraph", "pandas", "numpy")


def child(launched: float) -> dict:
    """Start the GUI as ``usagelens`` does (its arguments parsed, then ``run_gui``) and stop at the welcome
    page's first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from usagelens.app import parse_arguments
    from usagelens.ui.application import create_application
    from usagelens.ui.main_window import MainWindow

    parse_arguments([])
    app = create_application()
    painted: dict = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not painted:
                painted.update(wall_s=time.monotonic() - launched, cpu_s=time.process_time())
                QTimer.singleShot(0, app.quit)
            return False

    window = MainWindow()
    window.restore_state()
    spy = FirstPaint()
    window.welcome.installEventFilter(spy)
    window.show()
    window.start(None)
    app.exec()
    if window.front.currentWidget() is not window.welcome:
        raise RuntimeError("the window did not open at the welcome page")
    painted["imported"] = [name for name in HEAVY if name in sys.modules]
    painted["pages_built"] = len(window.pages.built())
    window.close()
    return painted


def run_once() -> dict:
    """One fresh process (its own empty profile, so no recent project is reopened)."""
    with tempfile.TemporaryDirectory(prefix="usagelens-startup-") as profile:
        env = dict(os.environ, USAGELENS_PROFILE_DIR=profile, QT_QPA_PLATFORM="offscreen")
        done = subprocess.run([sys.executable, __file__, "--child", repr(time.monotonic())], env=env,
                              capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the start-up run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _each(runs: list[dict], key: str) -> str:
    return ", ".join(f"{run[key]:.2f}" for run in runs)


def report(runs: list[dict]) -> str:
    wall = statistics.median(run["wall_s"] for run in runs)
    cpu = statistics.median(run["cpu_s"] for run in runs)
    load = os.getloadavg()[0]
    lines = [
        SECTION, "",
        f"Written by `tests/benchmarks/bench_startup.py` on {platform.system()} {platform.machine()}, Python "
        f"{platform.python_version()}, the dev install, offscreen, on {time.strftime('%Y-%m-%d')}; load average "
        f"{load:.1f} on {os.cpu_count()} cores. Each run is a fresh interpreter started as `usagelens` starts (the "
        "QApplication, the main window, its restored state, the welcome page) and timed to the welcome page's "
        f"first paint event; median of {len(runs)} runs.", "",
        "| measure | median | runs | target |", "|---|---:|---|---:|",
        f"| wall time to the first paint | {wall:.2f} s | {_each(runs, 'wall_s')} | "
        f"≤ {TARGET_S} s |",
        f"| CPU time to the first paint | {cpu:.2f} s | {_each(runs, 'cpu_s')} | — |",
        f"| step pages built | {runs[0]['pages_built']} of 8 | | |",
        "", f"Libraries the welcome page needs none of, imported before it was painted: "
        f"{', '.join(runs[0]['imported']) or 'none'}. Each step page is built when it is first shown, and each "
        "library with the page or feature that uses it.", "", BEFORE,
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", action="store_true", help=f"replace the section {SECTION!r} of RESULTS.md")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child)))
        return 0
    runs = [run_once() for _ in range(args.runs)]
    text = report(runs)
    print(text)
    if args.write:
        replace_section(SECTION, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
