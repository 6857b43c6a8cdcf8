"""``usagelens --self-test``: proves an installed or packaged app works end to end, without a screen.

Loads the bundled demo project, shows every step page (waiting for its background work), grabs each to a
PNG (the last once more in the dark theme), exports the PDF summary, runs one analysis through both engines
(the numpy kernels and the Ibis definitions on DuckDB, which a frozen app may lack: Ibis finds its backends
and sqlglot its dialects at run time) and compares their tables, and exits 0 — or prints the one thing that
failed and exits 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from usagelens.ui.qt import QApplication, QColor, Qt, QWidget

FUNNEL = ["signup", "create_project", "invite_teammate"]  # the demo's planted funnel (samples/README.md)


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


def table_difference(got: pd.DataFrame, want: pd.DataFrame) -> str | None:
    """Why two result tables differ, or None: the conformance suite's rule (counts and labels exact, floats
    and durations to 1e-9 relative), restated here because the app does not ship the tests."""
    if list(got.columns) != list(want.columns):
        return f"columns {list(got.columns)} against {list(want.columns)}"
    if [str(t) for t in got.dtypes] != [str(t) for t in want.dtypes]:
        return f"dtypes {[str(t) for t in got.dtypes]} against {[str(t) for t in want.dtypes]}"
    if len(got) != len(want):
        return f"{len(got)} rows against {len(want)}"
    for name in got.columns:
        a, b = got[name].reset_index(drop=True), want[name].reset_index(drop=True)
        if a.dtype.kind in "fm":  # durations compare as float nanoseconds, NaT as NaN
            x = np.where(a.isna(), np.nan, a.to_numpy(np.float64) if a.dtype.kind == "f" else a.to_numpy("int64"))
            y = np.where(b.isna(), np.nan, b.to_numpy(np.float64) if b.dtype.kind == "f" else b.to_numpy("int64"))
            close = np.isclose(x, y, rtol=1e-9, atol=1e-12, equal_nan=True)
            if not close.all():
                return f"column {name} differs at rows {np.flatnonzero(~close).tolist()}"
        elif a.tolist() != b.tolist():
            return f"column {name} differs"
    return None


def check_engines(project: object, spill: Path) -> str:
    """Weekly active users and the 3-step funnel of the project's analysed events through the numpy kernels
    and through the Ibis definitions on DuckDB; the line to print, or RuntimeError naming the difference."""
    import usagelens.analytics as kernels
    from usagelens.workspace.project_data import analysed_log

    log = analysed_log(project)  # type: ignore[arg-type]
    if log is None:
        raise RuntimeError("the demo project has no event source to analyse")
    started = time.perf_counter()
    numpy_tables = [kernels.active_users(log, "week"), kernels.funnel(log, FUNNEL)]
    numpy_took = time.perf_counter() - started
    started = time.perf_counter()
    try:
        from usagelens.analytics import definitions
        from usagelens.analytics.definitions import duckdb_backend

        view = duckdb_backend.register_event_log(duckdb_backend.connect(spill=spill), log)
        ibis_tables = [definitions.active_users(view, "week"), definitions.funnel(view, FUNNEL)]
    except Exception as exc:  # noqa: BLE001 - a missing backend or dialect in a frozen app surfaces here
        raise RuntimeError(f"the Ibis definitions did not run on DuckDB: {type(exc).__name__}: {exc}") from exc
    ibis_took = time.perf_counter() - started
    if not numpy_tables[1]["users"].iloc[0]:
        raise RuntimeError(f"nobody entered the demo funnel {' → '.join(FUNNEL)}")
    for label, got, want in zip(["weekly active users", "the 3-step funnel"], numpy_tables, ibis_tables, strict=True):
        problem = table_difference(got, want)
        if problem:
            raise RuntimeError(
                f"the numpy kernels and Ibis on DuckDB disagree on {label}: {problem}\n"
                f"--- numpy\n{got.to_string()}\n--- Ibis on DuckDB\n{want.to_string()}"
            )
    return (
        f"self-test analyses: weekly active users and a 3-step funnel agree on numpy kernels "
        f"({numpy_took:.2f} s) and Ibis on DuckDB ({ibis_took:.2f} s)"
    )


def render_dark(window: object, path: Path) -> None:
    """The step on screen in the dark theme, saved to ``path``: proof that the theme's palette, style sheet and
    icons made it into the package (a dark theme that fell back to light would be mostly light)."""
    from usagelens.ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication) and isinstance(window, QWidget)
    apply_theme(app, "dark")
    try:
        QApplication.processEvents()
        image = window.grab().toImage()
        average = QColor(image.scaled(1, 1, mode=Qt.TransformationMode.SmoothTransformation).pixel(0, 0))
        if average.lightnessF() > 0.35:
            raise RuntimeError(f"the dark theme did not apply (average colour {average.name()})")
        if not image.save(str(path)):
            raise RuntimeError("the dark theme could not be rendered")
    finally:
        apply_theme(app)  # back to the stored preference


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
        window.show_welcome()
        if not window.grab().save(str(folder / "welcome.png")):
            raise RuntimeError("the welcome page could not be rendered")
        if not window.open_path(demo_project(), ask=False):
            raise RuntimeError(f"the demo project could not be opened from {demo_project()}")
        for number in range(1, len(window.pages) + 1):
            window.go_to_step(number)
            wait_for_idle(window)
            if not window.grab().save(str(folder / f"step{number}.png")):
                raise RuntimeError(f"step {number} could not be rendered")
        render_dark(window, folder / f"step{len(window.pages)}-dark.png")
        pages = export_pdf(gather_summary(window.document.project), folder / "summary.pdf")
        engines = check_engines(window.document.project, folder / "duckdb-spill")
        window.document.undo_stack.setClean()
        window.close()
    except Exception as exc:  # noqa: BLE001 - the self-test reports, it never shows a traceback
        print(f"self-test FAILED: {exc}", file=sys.stderr)
        return 1
    print(engines)
    print(f"self-test passed: the welcome page and 8 steps rendered (the last also dark) and a {pages}-page PDF "
          f"written to {folder}")
    return 0
