"""At the window's minimum size (a 1366×768 laptop at 125 %) every button shows its whole text, in English and in
German: step 4's header squeezed its buttons to "Use…KPI" and "n as findi" beside the analysis title."""

from __future__ import annotations

from pathlib import Path

import pytest

from usagelens.ui.qt import QPoint, QPushButton, QRect, QToolButton, QWidget
from usagelens.ui.window_state import MINIMUM_SIZE

GERMAN = {
    ("AnalysePage", "Cancel"): "Abbrechen",
    ("AnalysePage", "Exchange rates…"): "Wechselkurse…",
    ("AnalysePage", "Pin as finding"): "Als Erkenntnis festhalten",
    ("AnalysePage", "Use as KPI"): "Als KPI nutzen",
    ("AnalysePage", "Export"): "Exportieren",
    ("PeopleActions", "Users…"): "Nutzer…",
    ("DataTableWidget", "All columns"): "Alle Spalten",
}


def cut_buttons(area: QWidget) -> list[str]:
    """The shown buttons of ``area`` narrower than their text needs, or lying over one another."""
    buttons = [b for kind in (QPushButton, QToolButton) for b in area.findChildren(kind) if b.isVisible()]
    cut = [f"{b.text()!r} is {b.width()}×{b.height()} for {b.sizeHint().width()}×{b.sizeHint().height()}"
           for b in buttons if b.width() < b.sizeHint().width() or b.height() < b.minimumSizeHint().height()]
    places = [(b, QRect(b.mapTo(area, QPoint(0, 0)), b.size())) for b in buttons]
    return cut + [f"{a.text()!r} overlaps {b.text()!r}" for n, (a, ra) in enumerate(places)
                  for b, rb in places[n + 1:] if ra.intersects(rb)]


def _step_4_at_minimum_size(qtbot, window, wait_idle, demo_path: Path):  # type: ignore[no-untyped-def]
    window.resize(MINIMUM_SIZE)
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(4)
    page = window.pages[3]
    qtbot.waitUntil(lambda: page.result is not None, timeout=60000)
    wait_idle()
    assert window.size() == MINIMUM_SIZE
    return page


def _show(qtbot, page, kind: str, wait_idle) -> None:  # type: ignore[no-untyped-def]
    if page.current_kind() != kind:
        with qtbot.waitSignal(page.result_shown, timeout=60000):
            page.gallery.select_kind(kind)
    wait_idle()
    qtbot.wait(20)  # the layout settles


@pytest.mark.parametrize("language", ["English", "German"])
def test_step_4_s_header_wraps_its_buttons_whole_and_cuts_the_title_with_an_ellipsis(
    qtbot, window, wait_idle, demo_path: Path, in_german, language: str  # type: ignore[no-untyped-def]
) -> None:
    if language == "German":
        in_german(GERMAN)
    page = _step_4_at_minimum_size(qtbot, window, wait_idle, demo_path)
    results = page.pin_button.parentWidget()
    for kind in ("active_users", "funnel", "revenue"):  # the most buttons: Users… and Use as KPI; Exchange rates…
        _show(qtbot, page, kind, wait_idle)
        assert cut_buttons(results) == [], kind
        assert page.pin_button.geometry().bottom() < page.data_label.geometry().top(), kind  # the row grew instead
        title = page.title
        assert title.toolTip().startswith(title.text())  # cut with "…", it is whole in its tip
        spot = QRect(title.mapTo(results, QPoint(0, 0)), title.size())
        assert not [b.text() for b in (page.people.button, page.kpi_button, page.pin_button, page.rates_button)
                    if b.isVisible() and spot.intersects(QRect(b.mapTo(results, QPoint(0, 0)), b.size()))], kind
        if kind != "revenue":  # one chart, no banner above: it fits whole, its time axis not cut off below
            area = page.chart.rect()
            assert all(area.contains(part.geometry()) for part in page.chart.charts), kind
        column = page.table.filter_column
        assert column.width() >= column.fontMetrics().horizontalAdvance(column.itemText(0)), kind

    # A run's Cancel button takes the title's room: the buttons stay where they are while it runs.
    placed = [b.geometry() for b in (page.people.button, page.pin_button, page.export_button)]
    page.progress.show()
    page.cancel_button.show()
    qtbot.wait(20)
    assert cut_buttons(results) == []
    assert [b.geometry() for b in (page.people.button, page.pin_button, page.export_button)] == placed


def test_no_step_cuts_a_button_at_the_minimum_size(
    qtbot, window, wait_idle, demo_path: Path  # type: ignore[no-untyped-def]
) -> None:
    _step_4_at_minimum_size(qtbot, window, wait_idle, demo_path)
    for step in range(1, 9):
        window.go_to_step(step)
        wait_idle()
        qtbot.wait(20)
        assert cut_buttons(window.pages[step - 1]) == [], step


def test_a_list_s_long_title_gives_way_to_its_buttons_with_an_ellipsis(
    qtbot, window, wait_idle, demo_path: Path, in_german  # type: ignore[no-untyped-def]
) -> None:
    from usagelens.ui.elided_label import ElidedLabel

    title = "Weitere datierte Ereignisse (Releases, Ausfälle, Kampagnen)"
    in_german({("ImplementPage", "Other dated events (releases, outages, campaigns)"): title,
               ("ImplementPage", "Add dated event"): "Datiertes Ereignis hinzufügen"})
    _step_4_at_minimum_size(qtbot, window, wait_idle, demo_path)
    window.go_to_step(7)
    wait_idle()
    qtbot.wait(20)
    markers = window.pages[6].markers
    heading = next(label for label in markers.findChildren(ElidedLabel) if label.text() == title)
    assert cut_buttons(markers) == []
    assert heading.width() < heading.sizeHint().width() and heading.toolTip() == title  # cut with "…"
    assert heading.geometry().right() < markers.add_button.geometry().left()


def test_the_counts_beside_the_title_give_way_a_whole_count_at_a_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Cut with "…", German counts read "2.…" or "216.77…", which look like other numbers."""
    from usagelens.ui.counts_label import CountsLabel

    label = CountsLabel()
    qtbot.addWidget(label)
    label.setText("2.996 Nutzer · 216.777 Ereignisse")
    metrics = label.fontMetrics()
    for width, shown in ((metrics.horizontalAdvance(label.text()) + 4, "2.996 Nutzer · 216.777 Ereignisse"),
                         (metrics.horizontalAdvance("2.996 Nutzer · 216.77"), "2.996 Nutzer"),
                         (metrics.horizontalAdvance("2.99"), "")):
        label.resize(width + label.contentsMargins().left() + label.contentsMargins().right(), 20)
        assert label.shown_text() == shown
    assert label.text() == "2.996 Nutzer · 216.777 Ereignisse"
