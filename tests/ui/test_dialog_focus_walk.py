"""Keyboard and screen-reader use of every dialog, opened as a user meets it (on the demo project, with data):
Tab from the first widget reaches every control and comes back without being caught in a grid, each stop has a
name a screen reader can say, the default (or closing) button is among the stops, and Escape closes. The walk
and the names are the page walks' (focus_walking.py); a screenshot of each dialog shows its focus ring.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from focus_walking import check_surface, describe, reached, walk
from PySide6.QtCore import QEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox

from personal_data_checks import privacy_project
from usagelens.cleaning.recipe import STEP_KINDS
from usagelens.io.warehouse.url import parse_url
from usagelens.model import ExchangeRates, RecipeStep, SourceKind
from usagelens.ui import theme
from usagelens.ui.qt import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTextEdit,
    QWidget,
)
from usagelens.ui.workers import TaskRunner
from usagelens.workspace.personal_data import personal_columns

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QPlainTextEdit, QTextEdit)


def shown(qtbot, dialog: QDialog) -> QDialog:  # type: ignore[no-untyped-def]
    """``dialog`` on screen and active, as it is when the user starts pressing keys in it."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # editors replaced go, as the event loop does
    return dialog


def on_demo(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """The main window with the demo project open."""
    window = request.getfixturevalue("window")
    assert window.open_path(request.getfixturevalue("demo_path"), ask=False)
    request.getfixturevalue("wait_idle")()
    return window


# --- each dialog, as a user opens it -------------------------------------------------------------------------
def connect_previewed(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    """Step 2 ▸ Connect after previewing a DuckDB table: the grid and the role pickers are filled."""
    from usagelens.ui.connect_dialog import ConnectDialog

    path = request.getfixturevalue("tmp_path") / "product.duckdb"
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({"distinct_id": [f"u{n % 9}" for n in range(60)],
                          "event_time": pd.Timestamp("2024-03-01") + pd.to_timedelta(np.arange(60) * 3600, "s"),
                          "event_name": rng.choice(["signup", "view", "invite"], 60)})
    with duckdb.connect(str(path)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE events AS SELECT * FROM frame")
    window = on_demo(request)
    dialog = shown(qtbot, ConnectDialog(window.runner, window))
    dialog.url_edit.setText(f"duckdb://{path}")
    dialog.table_edit.setText("events")
    dialog.start_preview()
    qtbot.waitUntil(lambda: not dialog.previewing() and dialog.add_button.isEnabled(), timeout=30_000)
    return dialog


def connect_password(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    """Step 2 ▸ Connect with a PostgreSQL address that needs a password and a query instead of a table."""
    from usagelens.ui.connect_dialog import ConnectDialog

    request.getfixturevalue("monkeypatch").delenv("ULENS_PASSWORD", raising=False)
    window = on_demo(request)
    dialog = shown(qtbot, ConnectDialog(window.runner, window))
    dialog.url_edit.setText("postgres://analyst@db.example.com:5432/product")
    dialog.sql_radio.setChecked(True)
    qtbot.waitUntil(lambda: dialog.password_edit.isVisible(), timeout=5000)
    return dialog


def password(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    from usagelens.ui.warehouse_password import PasswordDialog

    window = on_demo(request)
    return shown(qtbot, PasswordDialog(parse_url("postgres://analyst@db.example.com:5432/product"), window))


def funnel_page(qtbot, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    page = request.getfixturevalue("page")
    with qtbot.waitSignal(page.result_shown, timeout=60_000):
        page.gallery.select_kind("funnel")
    return page


def people(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    """Step 4 ▸ a funnel's row ▸ Show these users."""
    page = funnel_page(qtbot, request)
    with qtbot.waitSignal(page.people.people_shown, timeout=60_000) as opened:
        page.people.show_users(1, "reached")
    return shown(qtbot, opened.args[0])


def cohort_name(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    """Step 4 ▸ a funnel's row ▸ Show these users ▸ Save as cohort…"""
    return shown(qtbot, people(qtbot, request).cohort_name_dialog())


def timeline(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    """Step 4 ▸ a user's timeline (the demo's first user: events, survey answers and payments)."""
    page = funnel_page(qtbot, request)
    user = str(page.inputs.log.user_ids[0])
    with qtbot.waitSignal(page.people.timeline_shown, timeout=60_000) as opened:
        page.people.show_timeline(user)
    return shown(qtbot, opened.args[0])


def cohorts(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    """Step 4 ▸ Cohorts…, a new cohort with a condition of every kind (each kind's editors), the first one's kind
    changed after it was made (its editors are made again)."""
    page = request.getfixturevalue("page")
    dialog = page.edit_cohorts()
    for kind in ("attribute", "first_seen", "funnel", "users"):
        dialog.add_condition({"kind": kind})
    first = dialog.rows[0].kind_box
    first.setCurrentIndex(first.findData("first_seen"))
    return shown(qtbot, dialog)


def personal_data(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    """Step 3 ▸ Remove personal data… on a project whose sources hold e-mails, names, phones and addresses."""
    from usagelens.ui.personal_data_dialog import PersonalDataDialog

    window = request.getfixturevalue("window")
    found = personal_columns(privacy_project())
    return shown(qtbot, PersonalDataDialog(found, file_name="privacy.ulens", parent=window))


def scan_question(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    from usagelens.ui.analysis.kept_results import scan_question as question

    return shown(qtbot, question(42 * 2**30, on_demo(request)))


def report(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    from usagelens.ui.report_dialog import ReportDialog

    window = on_demo(request)
    assert window.document.project.findings, "the demo's findings fill the second list"
    return shown(qtbot, ReportDialog(window.document.project, None, window))


def date_question(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    """Step 1 ▸ Baseline from data: the dialog ``ask_date`` makes, caught where it would wait for the user."""
    from usagelens.ui.date_dialog import ask_date

    window = on_demo(request)
    made: list[QDialog] = []
    request.getfixturevalue("monkeypatch").setattr(QDialog, "exec", lambda dialog: made.append(dialog) or 0)
    assert ask_date(window, "Baseline from data", "Measure “Active users” on the data up to the end of this day:",
                    date(2024, 3, 31)) is None
    return shown(qtbot, made[0])


def properties(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    from usagelens.ui.properties_dialog import ProjectPropertiesDialog

    window = on_demo(request)
    return shown(qtbot, ProjectPropertiesDialog(window.document.project, window))


def data_choice(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    from usagelens.ui.data_choice_dialog import DataChoiceDialog

    window = on_demo(request)
    return shown(qtbot, DataChoiceDialog(window.document.project, window))


def roles(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    from usagelens.ui.roles_dialog import RolesDialog

    window = on_demo(request)
    return shown(qtbot, RolesDialog(window.document.project.sources_of(SourceKind.EVENTS)[0], window))


def exchange_rates(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    from usagelens.ui.analysis.exchange_rates import ExchangeRatesDialog

    window = on_demo(request)
    return shown(qtbot, ExchangeRatesDialog(ExchangeRates(), ["EUR", "USD", "GBP"], window))


def import_of(sample: str) -> Callable[..., QDialog]:
    """The opener of step 2 ▸ Import for one of the samples, once its preview is read."""
    def opener(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
        from usagelens.ui.import_dialog import ImportDialog

        runner = TaskRunner()
        request.addfinalizer(lambda: (runner.cancel_all(), runner.wait_all()))
        dialog = shown(qtbot, ImportDialog(str(request.getfixturevalue("samples_dir") / sample), runner))
        qtbot.waitUntil(lambda: not dialog.previewing(), timeout=20_000)
        return dialog
    return opener


def about(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    from usagelens.ui.help.about import AboutDialog

    return shown(qtbot, AboutDialog(request.getfixturevalue("window")))


def recipe_step(op: str) -> Callable[..., QDialog]:
    def opener(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
        """Step 3 ▸ a recipe step of kind ``op``, on the head of the demo's events."""
        from usagelens.ui.recipe_editor import StepDialog

        window = on_demo(request)
        source = window.document.project.sources_of(SourceKind.EVENTS)[0]
        return shown(qtbot, StepDialog(RecipeStep(op), source.table.head(200), source.roles, window))

    return opener


DIALOGS: dict[str, Callable[..., QDialog]] = {
    "connect previewed": connect_previewed, "connect with password": connect_password, "password": password,
    "people": people, "cohort name": cohort_name, "timeline": timeline, "cohorts": cohorts,
    "personal data": personal_data, "scan question": scan_question, "report": report, "date": date_question,
    "properties": properties,
    "data choice": data_choice, "roles": roles, "exchange rates": exchange_rates, "import": import_of("events.csv"),
    "about": about, **{f"step {op}": recipe_step(op) for op in STEP_KINDS},
}


# --- the checks ----------------------------------------------------------------------------------------------
def unreached_controls(dialog: QDialog, stops: list[QWidget]) -> list[QWidget]:
    """Controls the user sees and can use that Tab does not stop at (a widget that hands focus to another, as an
    editable combo box's line edit does, counts as reached when that one is)."""
    controls = [w for w in dialog.findChildren(QWidget) if isinstance(w, CONTROLS) and w.window() is dialog
                and w.isVisible() and w.isEnabled()]
    return [w for w in controls if not reached(w.focusProxy() or w, stops) and not _inside_a_stop(w, stops)]


def _inside_a_stop(widget: QWidget, stops: list[QWidget]) -> bool:
    """A part of a composite stop (a spin box's arrows, a scroll area's scroll bars) is reached with it."""
    return any(stop.isAncestorOf(widget) for stop in stops)


def closing_buttons(dialog: QDialog) -> list[QPushButton]:
    """The button Return presses (the default), else those that end the dialog (its button box's)."""
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.window() is dialog]
    default = [b for b in buttons if b.isDefault() or b.objectName() == "primary"]
    if isinstance(dialog, QMessageBox):
        default = [dialog.defaultButton()] if dialog.defaultButton() is not None else default
    if default:
        return default
    return [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons() if b.isVisible()]


def after_the_buttons(dialog: QDialog, stops: list[QWidget]) -> list[QWidget]:
    """Stops Tab reaches after the dialog's button box (OK, Cancel, Close), which ends its reading order."""
    boxed = [button for box in dialog.findChildren(QDialogButtonBox) for button in box.buttons()]
    first = next((n for n, stop in enumerate(stops) if stop in boxed), len(stops))
    return [stop for stop in stops[first:] if stop not in boxed]


def ring_shot(dialog: QDialog, name: str) -> None:
    """A screenshot with the focus on the first input (else the first stop), to look at the ring."""
    stops = walk(dialog)
    focused = next((w for w in stops if isinstance(w, CONTROLS) and not isinstance(w, QAbstractButton)), stops[0])
    focused.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / f"focus-{name.replace(' ', '-')}.png"))


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_walks_with_tab_is_named_and_closes_with_escape(  # type: ignore[no-untyped-def]
        qtbot, request: pytest.FixtureRequest, name: str) -> None:
    theme.apply_theme(QApplication.instance(), "light")
    request.addfinalizer(lambda: theme.apply_theme(QApplication.instance(), "system"))
    dialog = DIALOGS[name](qtbot, request)
    problems = check_surface(dialog, name)
    stops = walk(dialog)
    problems += [f"{name}: Tab never reaches {describe(w)}" for w in unreached_controls(dialog, stops)]
    problems += [f"{name}: Tab reaches {describe(w)} after the dialog's buttons"
                 for w in after_the_buttons(dialog, stops)]
    closing = closing_buttons(dialog)
    assert closing, f"{name}: no default button and no button box"
    problems += [f"{name}: Tab never reaches {describe(b)}, the button that ends the dialog"
                 for b in closing if b.isEnabled() and b not in stops]
    assert not problems, "\n".join(problems)
    ring_shot(dialog, name)
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert not dialog.isVisible(), f"{name}: Escape leaves the dialog open"
