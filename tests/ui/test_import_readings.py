"""The import dialog reads off the UI thread and says how it reads: GA4 dates, ambiguous day/month dates
(with a switch), encodings picked or typed, and answers a number role would turn into blanks."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pytest

from usagelens.io import ImportCancelled
from usagelens.ui import import_dialog
from usagelens.ui.import_dialog import ImportDialog
from usagelens.ui.qt import Qt
from usagelens.ui.workers import TaskRunner


@pytest.fixture
def runner(request: pytest.FixtureRequest) -> TaskRunner:
    tasks = TaskRunner()
    request.addfinalizer(lambda: (tasks.cancel_all(), tasks.wait_all(10_000)))
    return tasks


def open_dialog(qtbot, runner: TaskRunner, path: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(str(path), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=10_000)
    return dialog


def ga4_csv(path: Path) -> Path:
    """A GA4 Explore export: dateHour as YYYYMMDDHH, and one row GA4 could not attribute."""
    hours = pd.date_range("2024-03-01", periods=40, freq="h").strftime("%Y%m%d%H").tolist()
    rows = [f"{hour},user{i % 7},page_view,{i}" for i, hour in enumerate(hours)] + ["(other),user1,page_view,3"]
    path.write_text("dateHour,userPseudoId,eventName,eventCount\n" + "\n".join(rows) + "\n")
    return path


def ambiguous_csv(path: Path) -> Path:
    """Dates where every day is 12 or less: 01/02/2024 is 1 February or 2 January."""
    rows = [f"u{i},{month:02d}/{day:02d}/2024 10:{i:02d},login" for i, (month, day) in
            enumerate([(1, 2), (1, 5), (2, 3), (3, 12), (4, 1)])]
    path.write_text("user_id,signed_in,event\n" + "\n".join(rows) + "\n")
    return path


def test_ga4_hours_are_read_as_dates_and_the_preview_says_so(qtbot, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, runner, ga4_csv(tmp_path / "ga4.csv"))
    assert dialog.roles() == {"user_id": "userPseudoId", "timestamp": "dateHour", "event": "eventName"}
    assert ("Time column 'dateHour': read as YYYYMMDDHH (GA4): 40 of 41; 1 unreadable "
            "(as Unix seconds they would fall in 2034)." in dialog.check.text())
    assert dialog.preview_model.headerData(0, Qt.Orientation.Horizontal) == "dateHour\ndate"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=20_000)
    times = dialog.source.table["dateHour"]
    assert times.iloc[0] == pd.Timestamp("2024-03-01 00:00") and times.iloc[39] == pd.Timestamp("2024-03-02 15:00")
    assert dialog.source.failed_timestamps == 1


def test_ambiguous_dates_are_flagged_and_switch_to_month_first(qtbot, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, runner, ambiguous_csv(tmp_path / "logins.csv"))
    assert dialog.roles()["timestamp"] == "signed_in"
    assert ("Time column 'signed_in': read as day/month/year: 5 of 5. Every date in 'signed_in' could be day "
            "first or month first (01/02/2024 is 1 February or 2 January): they are read day first. If that is "
            "wrong, change 'Dates' above." == dialog.check.text())
    first = dialog.preview_model.data(dialog.preview_model.index(0, 1))
    dialog.dates_box.setCurrentIndex(dialog.dates_box.findData("month-first"))
    assert dialog.check.text() == "Time column 'signed_in': read as month/day/year: 5 of 5."
    assert dialog.preview_model.data(dialog.preview_model.index(0, 1)) != first
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=20_000)
    assert dialog.source.options.date_order == "month-first"  # stored: a refresh reads the dates the same way
    assert dialog.source.table["signed_in"].iloc[0] == pd.Timestamp("2024-01-02 10:00")


def test_preview_runs_on_a_worker_and_cancel_gives_the_dialog_back(  # type: ignore[no-untyped-def]
        qtbot, runner, tmp_path, monkeypatch) -> None:
    """A zip-bomb workbook kept the window frozen for 25 s: now the reader works on a worker, the dialog stays
    responsive and busy, and Cancel stops waiting at once; what the reader returns afterwards is dropped."""
    release, asked = threading.Event(), []

    def stuck_reader(path, options, *, progress, cancelled):  # type: ignore[no-untyped-def]
        release.wait(10)  # a parser that cannot be interrupted
        asked.append(cancelled())
        if cancelled():
            raise ImportCancelled
        raise AssertionError("a cancelled preview must not be shown")

    monkeypatch.setattr(import_dialog, "preview_import", stuck_reader)
    dialog = ImportDialog(str(ga4_csv(tmp_path / "bomb.csv")), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.previewing() and dialog.reading.isVisible() and dialog.progress.maximum() == 0
    assert not dialog.options_box.isEnabled() and not dialog.import_button.isEnabled()
    qtbot.wait(50)  # the event loop runs while the reader is stuck
    dialog.reject()
    assert not dialog.previewing() and dialog.isVisible() and not dialog.reading.isVisible()
    assert "Reading stopped" in dialog.error.text() and dialog.options_box.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: not runner.has_running(), timeout=10_000)
    assert asked == [True] and dialog.preview_model.rowCount() == 0
    dialog.reject()
    assert not dialog.isVisible()


def test_encodings_are_picked_from_the_list_or_typed(qtbot, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "users.csv"
    path.write_bytes(("имя,город\n" + "".join(f"Пользователь {i},Москва\n" for i in range(20))).encode("cp1251"))
    dialog = open_dialog(qtbot, runner, path)
    assert dialog.encoding_box.currentText() == "cp1251 — Cyrillic (Windows)"
    assert dialog.preview_model.data(dialog.preview_model.index(0, 1)) == "Москва"
    dialog.encoding_box.setEditText("klingon")
    dialog.encoding_box.lineEdit().editingFinished.emit()
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=10_000)
    assert "'klingon' is not a text encoding UsageLens knows" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    dialog.encoding_box.setCurrentIndex(dialog.encoding_box.findText("koi8-r — Cyrillic (KOI8-R)"))
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=10_000)
    assert not dialog.error.isVisible() and dialog.options().encoding == "koi8-r"


def test_a_score_role_on_a_text_column_warns_with_the_count_lost(qtbot, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "typeform.csv"
    path.write_text('#,How likely are you to recommend us?,"Why, in a sentence, is that your score?"\n'
                    "a1,9,Fast and simple\na2,4,Too expensive for us\na3,10,Support is great\n")
    dialog = open_dialog(qtbot, runner, path)
    assert dialog.kind().value == "feedback" and dialog.roles()["score"] == "How likely are you to recommend us?"
    assert "not numbers" not in dialog.check.text()
    box = dialog.role_fields.boxes["score"]
    box.setCurrentIndex(box.findData("Why, in a sentence, is that your score?"))
    assert ("'Why, in a sentence, is that your score?': 3 of 3 values are not numbers and would be imported "
            "as blanks." in dialog.check.text())
