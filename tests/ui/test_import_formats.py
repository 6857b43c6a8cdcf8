"""The GUI's ways in take every format through the same reader: the import dialog on a JSON export (its
settings are the file's own, the roles guessed), and drag-and-drop of several files, each imported or
explained."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QMimeData, QPointF, QUrl

from usagelens.ui.import_dialog import FILE_FILTER, ImportDialog
from usagelens.ui.qt import QDragEnterEvent, QDropEvent, QPoint, Qt
from usagelens.ui.workers import TaskRunner

IMPORT_DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def test_dialog_on_a_mixpanel_export(qtbot, request, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    request.addfinalizer(lambda: runner.wait_all(20_000))
    dialog = ImportDialog(str(IMPORT_DATA / "mixpanel.jsonl"), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=10_000)
    assert dialog.format_label.text() == "JSON records"
    assert not dialog.error.isVisible()
    hidden = (dialog.encoding_box, dialog.delimiter_box, dialog.decimal_box, dialog.header_spin, dialog.sheet_box)
    assert not any(widget.isVisible() for widget in hidden)  # JSON names its own columns: nothing to set
    assert dialog.kind().value == "events"
    assert dialog.roles() == {"user_id": "properties.distinct_id", "timestamp": "properties.time", "event": "event"}
    headers = [dialog.preview_model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["event\ntext", "properties.time\ndate", "properties.distinct_id\ntext"]
    assert dialog.check.text() == "Time column 'properties.time': read as Unix seconds: 3 of 3."
    dialog.grab().save(str(tmp_path / "json_import_dialog.png"))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=20_000)
    assert dialog.source.table["properties.time"].iloc[0] == pd.Timestamp("2024-03-04 10:00:00")


def test_file_filter_offers_every_format() -> None:
    for pattern in ("*.json", "*.jsonl", "*.ndjson", "*.parquet", "*.gz", "*.zip", "*.csv", "*.xlsx"):
        assert pattern in FILE_FILTER


@pytest.fixture
def dropped(window, monkeypatch):  # type: ignore[no-untyped-def]
    """Names of the files the window opened an import dialog for (and of the folders it imported as one
    source, marked with a slash), instead of opening it."""
    imported: list[str] = []
    monkeypatch.setattr(window, "import_data", lambda path=None: imported.append(Path(path).name) or True)
    monkeypatch.setattr(window, "import_folder", lambda path=None: imported.append(Path(path).name + "/") or True)
    return imported


def _drop(qtbot, window, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()  # a PDF too: it is explained on drop, never refused in silence
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    qtbot.wait(50)


def test_several_dropped_files_are_each_imported_or_explained(  # type: ignore[no-untyped-def]
        qtbot, window, dropped, _no_modal_message_boxes, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    numbers = tmp_path / "Budget.numbers"  # a Numbers document as macOS stores it: a folder, not one of exports
    numbers.mkdir()
    files = [IMPORT_DATA / name for name in ("mixpanel.jsonl", "document.pdf", "events.csv.gz", "screenshot.png")]
    _drop(qtbot, window, [*files, folder, numbers])
    assert dropped == ["mixpanel.jsonl", "events.csv.gz", "exports/"]
    assert _no_modal_message_boxes == [
        "document.pdf is a PDF document, not a data export; export the data from the tool that made it as CSV, "
        "Excel or JSON.\n\n"
        "screenshot.png is an image (PNG), not a data export; export the data itself as CSV, Excel or JSON.\n\n"
        "Budget.numbers is an Apple Numbers file; export it as CSV or Excel (in the app: File ▸ Export To)."
    ]


def test_one_dropped_export_opens_its_dialog_without_a_message(  # type: ignore[no-untyped-def]
        qtbot, window, dropped, _no_modal_message_boxes) -> None:
    _drop(qtbot, window, [IMPORT_DATA / "amplitude.zip"])
    assert dropped == ["amplitude.zip"] and _no_modal_message_boxes == []
