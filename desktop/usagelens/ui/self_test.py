"""``usagelens --self-test``: proves an installed or packaged app works end to end, without a screen.

Renders the welcome page, loads the bundled demo project, shows every step page (waiting for its background
work), grabs each to a PNG (the last once more in the dark theme), opens the help (F1) at that step, imports a
CSV and a Parquet export through the import dialog, exports the PDF summary, runs one analysis through both
engines (the numpy kernels and the Ibis definitions on DuckDB, which a frozen app may lack: Ibis finds its
backends and sqlglot its dialects at run time) and compares their tables, checks that each language the app
ships finds Qt's translations too and shows its translated help pages, and exits 0 — or prints the one thing
that failed and exits 1. It also says how long after the process started the welcome page was painted, and how
much of that was the process's own CPU time, which a busy machine does not inflate (start-up, issue 17).

It is what the installer build measures: a library the package leaves out is one this run never loads, so
every feature a user reaches should be exercised here.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from usagelens.ui.qt import QApplication, QColor, Qt, QWidget

if TYPE_CHECKING:  # numpy and pandas are imported after the start-up is measured, as the app imports them
    import pandas as pd

FUNNEL = ["signup", "create_project", "invite_teammate"]  # the demo's planted funnel (samples/README.md)


def process_age() -> float | None:
    """Seconds since this process started, from ``/proc`` (Linux; None elsewhere). Measured from the process,
    not from Python's start, so a frozen app's bootloader and its library loading count too."""
    try:
        start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def wait_until(done: object, what: str, timeout_s: float = 60.0) -> None:
    """Process events until ``done()`` is true; RuntimeError naming ``what`` when it is not in time."""
    assert callable(done)
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not finish within {timeout_s:.0f} s")
        QApplication.processEvents()
        time.sleep(0.01)


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
    import numpy as np

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


def check_help(window: object, path: Path) -> None:
    """F1's window at the page of the step on screen, saved to ``path``: the bundled Markdown pages were found
    and rendered (a frozen app without ``resources/help`` would show an empty page)."""
    from usagelens.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    help_window = window.show_help()
    QApplication.processEvents()
    if len(help_window.browser.toPlainText().strip()) < 200:
        raise RuntimeError(f"the help page {help_window.current_page()!r} is empty")
    if not help_window.grab().save(str(path)):
        raise RuntimeError("the help window could not be rendered")
    help_window.close()


def check_imports(window: object, events: pd.DataFrame, folder: Path) -> str:
    """``events`` written as a CSV and as a Parquet export, each imported through the import dialog (preview,
    detected roles, import on a worker) as a user would; the line to print, or RuntimeError naming the file."""
    from usagelens.ui.import_dialog import ImportDialog
    from usagelens.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    csv, parquet = folder / "events.csv", folder / "events.parquet"
    events.to_csv(csv, index=False)
    events.to_parquet(parquet, index=False)
    for path in (csv, parquet):
        dialog = ImportDialog(str(path), window.runner, window, project=window.document.project)
        try:
            dialog.show()
            wait_until(lambda: not dialog.previewing(), f"the preview of {path.name}")  # noqa: B023
            if not dialog.import_button.isEnabled():
                raise RuntimeError(f"{path.name} cannot be imported: {dialog.check.text() or dialog.error.text()}")
            dialog.import_button.click()
            wait_until(lambda: dialog.source is not None or not dialog.busy(), f"the import of {path.name}")  # noqa: B023
            if dialog.source is None:
                raise RuntimeError(f"{path.name} was not imported: {dialog.error.text()}")
            if len(dialog.source.table) != len(events):
                raise RuntimeError(f"{path.name} imported {len(dialog.source.table)} of {len(events)} rows")
        finally:
            dialog.close()
    return f"self-test imports: {len(events)} events read from a CSV and from a Parquet export"


def check_translations() -> str:
    """Each language of ``resources/translations`` installed in turn must find both catalogues, the app's and
    Qt's own ``qtbase`` (the package keeps Qt's translations only for those languages), and its help must show
    each page translated into it; then the user's language is restored. The line to print, or RuntimeError
    naming the language."""
    from usagelens.ui.qt import QLocale
    from usagelens.ui.translations import APP_CATALOGUE, install_translators, translations_dir

    shipped = Path(translations_dir()).glob(f"{APP_CATALOGUE}_*.qm")
    languages = sorted(path.stem.split("_", 1)[1] for path in shipped)
    help_shown = []
    try:
        for language in languages:
            found = install_translators(QLocale(language))
            if found != ["qtbase", APP_CATALOGUE]:
                raise RuntimeError(f"the {language} translations are incomplete: only {found or 'none'} found")
            help_shown.append(check_translated_help(language))
    finally:
        install_translators()
    return (f"self-test translations: {', '.join(languages) or 'none shipped'} (the app's and Qt's)"
            + "".join(f"; {line}" for line in help_shown))


def check_translated_help(language: str) -> str:
    """The help window, in the app installed in ``language``, opens each page translated into it and shows it
    (a package without ``resources/help/<language>`` would show the English pages); the line's part to print."""
    from usagelens.ui.help.window import HelpWindow

    help_window = HelpWindow()
    try:
        translated = [page for page in help_window.pages if page.path.parent.name == language]
        for page in translated:
            help_window.show_page(page.name)
            if not help_window.browser.toPlainText().startswith(page.title):
                raise RuntimeError(f"the {language} help page {page.name!r} is not shown")
    finally:
        help_window.close()
        help_window.deleteLater()
    return f"{len(translated)} of {len(help_window.pages)} help pages in {language}"


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
    from usagelens.ui.application import create_application
    from usagelens.ui.main_window import MainWindow

    folder = out_dir or Path(tempfile.mkdtemp(prefix="usagelens-self-test-"))
    # A profile of its own, as on a first run: the user's settings, recent projects, autosaves and caches are
    # neither read (the run is the same on every machine) nor changed (it opens the demo and imports files).
    os.environ.setdefault("USAGELENS_PROFILE_DIR", str(folder / "profile"))
    create_application()
    try:
        window = MainWindow()
        window.resize(1280, 800)
        window.show()
        window.show_welcome()
        if not window.grab().save(str(folder / "welcome.png")):
            raise RuntimeError("the welcome page could not be rendered")
        painted_after, cpu_before_paint = process_age(), time.process_time()
        from usagelens.report.pdf import export_pdf
        from usagelens.workspace.summary import gather_summary

        if not window.open_path(demo_project(), ask=False):
            raise RuntimeError(f"the demo project could not be opened from {demo_project()}")
        for number in range(1, len(window.pages) + 1):
            window.go_to_step(number)
            wait_for_idle(window)
            if not window.grab().save(str(folder / f"step{number}.png")):
                raise RuntimeError(f"step {number} could not be rendered")
        render_dark(window, folder / f"step{len(window.pages)}-dark.png")
        check_help(window, folder / "help.png")
        events = window.document.project.sources[0].table.head(2000)
        imports = check_imports(window, events[["user_id", "timestamp", "event", "platform"]], folder)
        pages = export_pdf(gather_summary(window.document.project), folder / "summary.pdf")
        engines = check_engines(window.document.project, folder / "duckdb-spill")
        translations = check_translations()
        window.document.undo_stack.setClean()
        window.close()
    except Exception as exc:  # noqa: BLE001 - the self-test reports, it never shows a traceback
        print(f"self-test FAILED: {exc}", file=sys.stderr)
        return 1
    if painted_after is not None:
        print(f"self-test start-up: the welcome page was painted {painted_after:.2f} s after the process started "
              f"({cpu_before_paint:.2f} s of CPU time)")
    print(imports)
    print(engines)
    print(translations)
    print(f"self-test passed: the welcome page, 8 steps (the last also dark) and the help rendered and a "
          f"{pages}-page PDF written to {folder}")
    return 0
