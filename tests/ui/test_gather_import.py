"""Importing a million-row export through the dialog: instant preview, progress, a working Cancel, and a
window that keeps answering while the file loads."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from usagelens.ui.import_dialog import ImportDialog
from usagelens.ui.qt import Qt, QTimer
from usagelens.ui.workers import TaskRunner

ROWS = 1_000_000


def write_events_csv(path: Path, rows: int) -> Path:
    """A plain event export (user, time, event, platform) built with vectorised string ops, in ~1 s."""
    rng = np.random.default_rng(7)
    users = np.char.add("u", rng.integers(0, 50_000, rows).astype("U6"))
    seconds = rng.integers(0, 180 * 86_400, rows).astype("timedelta64[s]")
    times = (np.datetime64("2024-01-01T00:00:00") + seconds).astype("U19")
    events = np.array(["open", "save", "share", "export", "invite"])[rng.integers(0, 5, rows)]
    platforms = np.array(["web", "ios", "android"])[rng.integers(0, 3, rows)]
    columns = [users, times, events, platforms]
    lines = columns[0]
    for column in columns[1:]:
        lines = np.char.add(np.char.add(lines, ","), column)
    path.write_text("user_id,timestamp,event,platform\n" + "\n".join(lines.tolist()) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def million_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_events_csv(tmp_path_factory.mktemp("big") / "events_1m.csv", ROWS)


class _Heartbeat:
    """Measures the longest pause of the UI thread's event loop while it runs."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.timeout.connect(self._beat)
        self.timer.start(10)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now


def test_million_row_import_previews_at_once_and_cancels(qtbot, request, million_csv: Path) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    request.addfinalizer(lambda: (runner.cancel_all(), runner.wait_all()))
    started = time.perf_counter()
    dialog = ImportDialog(str(million_csv), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=5000)
    assert time.perf_counter() - started < 1.0  # sniffing, preview and role guesses read only the head
    assert dialog.preview_model.rowCount() < 1000 and dialog.preview_model.columnCount() == 4
    assert dialog.roles() == {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
    headers = [dialog.preview_model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers[:2] == ["user_id\ntext", "timestamp\ndate"]  # types shown as the import will read them

    # Cancel as soon as the bar moves, as a user would; the worker stops at its next block
    dialog.progress.valueChanged.connect(lambda value: value > 0 and dialog.busy() and dialog.reject())
    dialog.import_button.click()
    task = dialog._task
    assert task is not None and dialog.progress.isVisible()
    qtbot.waitUntil(lambda: not runner.has_running(), timeout=20_000)
    dialog.progress.valueChanged.disconnect()
    assert dialog.source is None and not dialog.busy() and dialog.result() == 0
    assert "cancelled" in dialog.check.text() and dialog.import_button.isEnabled()

    beat = _Heartbeat()
    seen: list[int] = []
    dialog.import_button.click()
    dialog._task.progress.connect(lambda _: seen.append(dialog.progress.value()))
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=60_000)
    beat.timer.stop()
    assert seen and seen == sorted(seen)
    assert len(dialog.source.table) == ROWS
    assert str(dialog.source.table["timestamp"].dtype).startswith("datetime64")
    assert beat.longest < 0.5, f"the window froze for {beat.longest:.2f} s"


def test_million_row_source_shows_in_step_two_and_scrolls(  # type: ignore[no-untyped-def]
        qtbot, window, million_csv: Path, monkeypatch) -> None:
    def run_dialog(dialog: ImportDialog) -> int:
        qtbot.waitUntil(lambda: not dialog.previewing(), timeout=5000)
        dialog.import_button.click()
        qtbot.waitUntil(lambda: dialog.source is not None, timeout=60_000)
        return 1

    monkeypatch.setattr(ImportDialog, "exec", run_dialog)
    assert window.import_data(str(million_csv))
    page = window.pages[1]
    preview = page.preview
    assert page.sources.selected_item() is window.document.project.sources[0]
    assert preview.model.rowCount() == ROWS
    started = time.perf_counter()
    bar = preview.view.verticalScrollBar()
    for fraction in np.linspace(0, 1, 25):
        bar.setValue(int(bar.maximum() * fraction))
        preview.view.viewport().repaint()
    assert time.perf_counter() - started < 2.0
    assert preview.model.headerData(1, Qt.Orientation.Horizontal) == "timestamp\ndate"


def test_workbook_import_shows_busy_until_rows_are_read(qtbot, request) -> None:  # type: ignore[no-untyped-def]
    """A workbook is parsed in one go, with nothing to count: the bar is busy, not stuck at 0 %."""
    customers = Path(__file__).resolve().parents[2] / "samples" / "customers.xlsx"
    runner = TaskRunner()
    request.addfinalizer(lambda: runner.wait_all(20_000))
    dialog = ImportDialog(str(customers), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=20_000)
    dialog.import_button.click()
    assert dialog.progress.isVisible() and dialog.progress.maximum() == 0
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=30_000)
    assert dialog.progress.maximum() == 100 and len(dialog.source.table) == 3000


def test_dialog_counts_preview_dates_as_the_import_will(qtbot) -> None:  # type: ignore[no-untyped-def]
    mixed = Path(__file__).resolve().parents[1] / "data" / "import" / "mixed_dates.csv"
    dialog = ImportDialog(str(mixed), TaskRunner())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=5000)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("events"))
    box = dialog.role_fields.boxes["timestamp"]
    box.setCurrentIndex(box.findData("when"))
    assert dialog.roles().get("timestamp") == "when"
    assert ("Time column 'when': read as ISO 8601, day/month/year, day.month.year: 6 of 7; 1 unreadable."
            in dialog.check.text())
    headers = [dialog.preview_model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
    assert "when\ndate" in headers


def test_an_export_the_project_has_no_room_for_is_refused_with_what_to_do(  # type: ignore[no-untyped-def]
    qtbot, request, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog charges the new table against what the project's other tables already take (an events export
    too big goes through DuckDB instead: test_big_import)."""
    import pandas as pd

    from usagelens.model import Project, Source, SourceKind, file_limits

    monkeypatch.setattr(file_limits, "MAX_CELLS", 1_000)
    events = write_events_csv(tmp_path / "events.csv", 200)  # 200 rows in 4 columns: 800 cells
    held = Source("crm", SourceKind.CUSTOMERS, pd.DataFrame({"user_id": [str(i) for i in range(300)]}))
    runner = TaskRunner()
    request.addfinalizer(lambda: runner.wait_all(20_000))
    dialog = ImportDialog(str(events), runner, project=Project(sources=[held]))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=5000)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(SourceKind.CUSTOMERS.value))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert dialog.source is None
    assert dialog.error.text().startswith(
        "events.csv has 200 rows in 4 columns: more than this project has room for (700 of the 1,000 cells"
    )


def test_an_events_export_too_big_for_memory_is_imported_by_duckdb_and_kept_on_disk(  # type: ignore[no-untyped-def]
    qtbot, request, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from usagelens.model import Project, file_limits
    from usagelens.model.stored_table import stored_table

    monkeypatch.setattr(file_limits, "MAX_CELLS", 500)
    events = write_events_csv(tmp_path / "events.csv", 200)  # 800 cells: more than pandas may hold here
    runner = TaskRunner()
    request.addfinalizer(lambda: runner.wait_all(20_000))
    dialog = ImportDialog(str(events), runner, project=Project())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=5000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.source is not None or dialog.error.isVisible(), timeout=30_000)
    assert dialog.source is not None, dialog.error.text()
    stored = stored_table(dialog.source)
    assert stored is not None and stored.path is not None and stored.rows == 200 and not stored.decoded
