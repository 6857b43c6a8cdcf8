"""Keyboard and screen-reader use: Tab reaches everything on every page and leaves every grid, each stop has a
name a screen reader can say, and the focused control is drawn visibly in both themes. How a walk goes and what
counts as a name: focus_walking.py (the dialogs' walks, test_dialog_focus_walk.py, use it too).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from focus_walking import check_surface, spoken_name, walk
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTabWidget

from usagelens.charts.time_series import TimeSeriesChart
from usagelens.ui import theme
from usagelens.ui.accessibility import focus_chain, tab_stops
from usagelens.ui.qt import (
    QApplication,
    QColor,
    QComboBox,
    QImage,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.settings import add_recent_file


def each_tab(page: QWidget) -> Iterator[str]:
    """Show each tab of every tab widget on ``page`` in turn (a hidden tab's widgets take no focus)."""
    yield ""
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        shown = tabs.currentIndex()
        for index in range(tabs.count()):
            if index != shown:
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                yield f" ({tabs.tabText(index)} tab)"
        tabs.setCurrentIndex(shown)


def test_the_welcome_page_and_every_step_walk_with_tab_and_are_named(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, demo_path: Path) -> None:
    add_recent_file(demo_path)  # the recent-projects list is shown only when it holds something
    window.show_welcome()
    QApplication.processEvents()
    problems = check_surface(window, "welcome page")
    assert window.open_path(demo_path, ask=False)
    for number in range(1, len(window.pages) + 1):
        window.go_to_step(number)
        wait_idle()
        for tab in each_tab(window.pages[number - 1]):
            wait_idle()
            problems += check_surface(window, f"step {number}{tab}")
    window.go_to_step(4)
    page = window.pages[3]
    page.gallery.select_kind("funnel")  # its steps: pickers and icon-only buttons
    qtbot.waitUntil(lambda: page.result is not None and page.result.kind == "funnel", timeout=60_000)
    wait_idle()
    problems += check_surface(window, "step 4 (funnel)")
    assert not problems, "\n".join(problems)
    # Reading order: the gallery, the parameters under it (each step's picker with its buttons), the toolbar,
    # the chart, then the result table's filter and the table.
    names = [spoken_name(w) for w in walk(window)]
    chart = next(n for n in names if n.startswith("Chart: "))
    order = ["Analyses", "Step 1", "Remove step 1", "Step 2", "Move up step 2", "Add a step", "Pin as finding", chart,
             "Filter Result table", "Result table"]
    assert [names.index(n) for n in order] == sorted(names.index(n) for n in order), names


def test_the_import_dialog_walks_to_its_buttons(qtbot, samples_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui.import_dialog import ImportDialog
    from usagelens.ui.workers import TaskRunner

    problems = []
    runner = TaskRunner()
    for export in ("events.csv", "survey.csv"):  # a survey adds the score scale to the roles
        dialog = ImportDialog(str(samples_dir / export), runner)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda d=dialog: not d.previewing(), timeout=20_000)
        problems += check_surface(dialog, f"import dialog ({export})")
        stops = walk(dialog)
        cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
        assert {cancel, dialog.import_button} <= set(stops)
        assert stops.index(dialog.preview_view) < stops.index(dialog.role_fields.boxes["user_id"]) < stops.index(cancel)
        assert not runner.has_running(), "walking through the settings read the file again"
    assert not problems, "\n".join(problems)


def test_the_help_window_walks_from_search_to_page(window) -> None:  # type: ignore[no-untyped-def]
    help_window = window.show_help()
    QApplication.processEvents()
    problems = check_surface(help_window, "help window")
    assert not problems, "\n".join(problems)
    assert [w.accessibleName() for w in walk(help_window)] == ["Search the help", "Help contents", "Help page"]


def test_finding_the_tab_stops_leaves_every_widget_to_its_window(qtbot) -> None:  # type: ignore[no-untyped-def]
    """PySide links the wrapper of a widget a getter returns to the widget asked. Asking a spin box's line edit
    or a header's viewport for its focus proxy used to leave rings of wrappers that nothing held; the collector
    then deleted their live widgets (a spin box no Python name holds, a table's header: a crash at the table's
    next paint, the walks' crash)."""
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    view = QTableView()
    layout.addWidget(view)
    layout.addWidget(QSpinBox())  # held by its window only, as a layout's widgets usually are
    host.show()
    qtbot.waitExposed(host)
    gone: list[str] = []
    view.horizontalHeader().destroyed.connect(lambda: gone.append("the table's header"))
    host.findChild(QSpinBox).destroyed.connect(lambda: gone.append("the spin box"))
    # Only types and names are kept: a list of the widgets would hold their wrappers, and hide the rings.
    stops = [type(widget) for widget in tab_stops(host)]
    chain = [widget.objectName() for widget in focus_chain(host)]
    gc.collect()
    assert not gone, f"the collector deleted {', '.join(gone)}"
    assert stops == [QTableView, QSpinBox]
    assert "qt_spinbox_lineedit" not in chain and "qt_scrollarea_viewport" not in chain  # they hand focus on
    assert not view.grab().isNull()  # the table paints with its header


def test_arrow_keys_move_in_a_grid_and_tab_leaves_it(window, wait_idle, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(2)
    wait_idle()
    grid = window.pages[1].preview.view
    grid.setFocus(Qt.FocusReason.TabFocusReason)
    grid.setCurrentIndex(grid.model().index(0, 0))
    QTest.keyClick(grid, Qt.Key.Key_Down)
    QTest.keyClick(grid, Qt.Key.Key_Right)
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (1, 1)
    QTest.keyClick(grid, Qt.Key.Key_Tab)
    assert window.focusWidget() is not grid
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Backtab)
    assert window.focusWidget() is grid
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (1, 1)  # Tab did not move the cell


def test_tab_while_editing_a_cell_edits_the_next_one(window, wait_idle, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Entity tables keep spreadsheet editing: Tab commits a cell and opens the next; out of editing, Tab
    leaves the table."""
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(1)
    wait_idle()
    view = window.pages[0].objectives.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    view.setCurrentIndex(view.model().index(0, 1))
    view.edit(view.currentIndex())
    editor = QApplication.focusWidget() or window.focusWidget()
    assert view.state() == view.State.EditingState
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert view.state() == view.State.EditingState and view.currentIndex().column() == 2
    assert window.focusWidget() is not editor
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert window.focusWidget() is view
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert window.focusWidget() is not view


@pytest.fixture
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[theme.ThemeColours]:
    theme.apply_theme(qapp, request.param)
    yield theme.THEMES[request.param]
    theme.apply_theme(qapp, "system")


def ring_pixels(image: QImage, colour: QColor) -> int:
    """Pixels of ``image`` (nearly) in ``colour``: the focus ring's, when it is drawn."""
    target = colour.rgb() & 0xFFFFFF
    return sum(
        1 for y in range(image.height()) for x in range(image.width())
        if all(abs(((image.pixel(x, y) >> s) & 0xFF) - ((target >> s) & 0xFF)) <= 24 for s in (0, 8, 16))
    )


@pytest.mark.parametrize("scheme", ["light", "dark"], indirect=True)
def test_focus_is_drawn_on_every_kind_of_control(qtbot, scheme: theme.ThemeColours) -> None:  # type: ignore[no-untyped-def]
    """Each control gains a ring in the theme's focus colour when it takes focus (a primary button, filled with
    that colour, a ring in the text colour)."""
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    primary = QPushButton("Import")
    primary.setObjectName("primary")
    combo = QComboBox()
    combo.addItem("Weekly")
    chart = TimeSeriesChart()
    chart.set_series([("Users", pd.date_range("2024-01-01", periods=3), np.array([1.0, 3.0, 2.0]))])
    controls = [QPushButton("Save"), primary, QLineEdit("text"), combo, QTableView(), QListWidget(),
                QPlainTextEdit("paragraph"), chart]
    for control in controls:
        tall = isinstance(control, QTableView | QListWidget | QPlainTextEdit | TimeSeriesChart)
        control.setFixedSize(160, 60 if tall else 30)
        layout.addWidget(control)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    missing = []
    for control in controls:
        ring = QColor(scheme.text if control is primary else scheme.focus)
        host.setFocus()
        QApplication.processEvents()
        before = ring_pixels(control.grab().toImage(), ring)
        control.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        after = ring_pixels(control.grab().toImage(), ring)
        if after - before < 2 * (control.width() + control.height()):  # at least a 1px ring all round
            missing.append(f"{type(control).__name__} {control.objectName()!r}: {before} → {after} ring pixels")
    assert not missing, "\n".join(missing)
