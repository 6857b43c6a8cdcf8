"""People behind a sessions period and behind a trend that counts events, as a user reaches them in step 4: the
table row's menu and a right-click on the chart's point offer the users the table's users column counts, and the
dialog lists exactly them, on the demo project and on a warehouse's linked table; a screenshot of the dialog."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest
from test_people_dialogs import SCREENSHOTS  # (tests/ui is on the path)

from usagelens.model import Project, WarehouseLink, save_project
from usagelens.ui.analysis.chart_view import translated_chart
from usagelens.ui.qt import QMenu, QPointF
from usagelens.workspace.people import row_groups
from usagelens.workspace.warehouse import linked_source, preview

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouse"))
from test_warehouse_cli import events_database, events_frame  # noqa: E402


def _show(qtbot, page, kind: str, values: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    """Step 4 showing ``kind`` (with ``values`` set in its panel), its result once drawn."""
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind(kind)
    if values:
        with qtbot.waitSignal(page.result_shown, timeout=60000):
            page.panel.set_values(values)
    assert not page.result.empty, page.result.message
    return page.result


def _listed(qtbot, page, menu: QMenu, entry: int):  # type: ignore[no-untyped-def]
    """The People dialog the menu's ``entry`` opens."""
    with qtbot.waitSignal(page.people.people_shown, timeout=60000) as shown:
        menu.actions()[entry].trigger()
    dialog = shown.args[0]
    qtbot.waitExposed(dialog)
    return dialog


def _menu_at(page, x: float, y: float) -> list[str]:  # type: ignore[no-untyped-def]
    """The entries a right-click on the first chart at its data coordinates (x, y) adds before the exports."""
    chart, data = page.chart.plots()[0], page.result.charts[0]
    pos = chart.mapFromScene(chart.getPlotItem().vb.mapViewToScene(QPointF(x, y)))
    point = page.chart._point(chart, data, translated_chart(data), pos)
    menu = QMenu()
    if point is not None:
        page.chart.point_actions(menu, point)
    return [action.text() for action in menu.actions()]


def _point_at(page, row: int, column: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The chart's coordinates of row ``row``'s point (a time chart: its period, its value in ``column``)."""
    table = page.result.table
    return pd.Timestamp(table["period"].iloc[row]).tz_localize("UTC").timestamp(), float(table[column].iloc[row])


def test_a_sessions_row_and_point_list_who_started_a_session_then(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    result = _show(qtbot, page, "sessions", {"measure": "sessions"})
    assert page.people.button.isVisibleTo(page)
    table, row = result.table, 1
    users = int(table["users"].iloc[row])
    expected = (f"Show these users ({users:,}): started a session in the {result.params['period']} of "
                f"{pd.Timestamp(table['period'].iloc[row]):%d %b %Y}…")
    assert _menu_at(page, *_point_at(page, row, "sessions")) == [expected]
    menu = QMenu()
    page.table.row_menu(menu, row)  # the result table's right-click menu
    assert menu.actions()[0].text() == expected
    dialog = _listed(qtbot, page, menu, 0)
    assert dialog.table.model.rowCount() == users == len(dialog.people.user_ids)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "people-dialog-sessions.png"))
    dialog.close()


def test_a_trend_of_events_lists_who_did_them_in_the_period(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    result = _show(qtbot, page, "trends", {"event": "export_report", "measure": "events"})
    table = result.table
    row = int(table["users"].to_numpy().argmax())
    users, when = int(table["users"].iloc[row]), f"{pd.Timestamp(table['period'].iloc[row]):%d %b %Y}"
    assert users < table["value"].iloc[row]  # more events than users: the number is not the list's length
    expected = (f"Show these users ({users:,}): did export_report in the {result.params['period']} of {when} "
                "(who did the events counted)…")
    assert _menu_at(page, *_point_at(page, row, "value")) == [expected]
    menu = QMenu()
    page.table.row_menu(menu, row)
    assert [a.text() for a in menu.actions()] == [expected]
    dialog = _listed(qtbot, page, menu, 0)
    assert dialog.table.model.rowCount() == users
    assert (dialog.table.model.frame()["events"] >= 1).all()
    dialog.close()

    # events per user: the same users, the ones its number divides by
    with qtbot.waitSignal(page.result_shown, timeout=60000) as shown:
        page.panel.set_values({"measure": "per_user"})
    result = shown.args[0]
    (group,) = row_groups("trends", result.params, result.table, row)
    assert group.count == users and group.label.endswith("(whom its events per user divide by)")


@pytest.fixture
def linked_path(tmp_path: Path) -> Path:
    """A project whose events are the warehouse tests' DuckDB table, linked."""
    database = events_database(tmp_path / "product.duckdb", events_frame())
    link = WarehouseLink(url=f"duckdb://{database}", table="events", tie_break="seq")
    roles = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
    path = tmp_path / "linked.ulens"
    save_project(Project(name="linked", sources=[linked_source("Events", link, preview(link), roles)]), path)
    return path


def test_on_a_warehouse_a_sessions_row_and_a_trend_of_events_list_their_users(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, linked_path: Path) -> None:
    assert window.open_path(str(linked_path), ask=False)
    window.go_to_step(4)
    page = window.pages[3]
    qtbot.waitUntil(lambda: page.result is not None, timeout=60000)
    wait_idle()
    for kind, values, column in [("sessions", {"period": "month"}, "users"),
                                 ("trends", {"event": "view", "measure": "events", "period": "month"}, "users")]:
        result = _show(qtbot, page, kind, values)
        row = int(result.table[column].to_numpy().argmax())
        menu = QMenu()
        page.table.row_menu(menu, row)
        (group,) = row_groups(kind, result.params, result.table, row)
        assert menu.actions()[0].text().startswith(f"Show these users ({group.count:,}): ")
        dialog = _listed(qtbot, page, menu, 0)
        assert dialog.table.model.rowCount() == group.count == int(result.table[column].iloc[row]) > 0, kind
        dialog.close()
