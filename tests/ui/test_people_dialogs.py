"""People in step 4 as a user drives them: a funnel drop-off row's menu lists its users, they are saved as a cohort
(the cohort filter then analyses exactly them), and a user's timeline opens; screenshots of both dialogs."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from usagelens.analytics.cohorts import cohort_mask
from usagelens.model import SourceKind
from usagelens.ui.analysis.chart_view import translated_chart
from usagelens.ui.analysis.people import session_starts
from usagelens.ui.qt import QMenu, QPointF
from usagelens.workspace.analyses import AnalysisInputs
from usagelens.workspace.people import row_groups

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def test_users_of_a_funnel_drop_off_saved_as_a_cohort_and_a_timeline(qtbot, page, window, wait_idle) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("funnel")
    result = page.result
    assert result.kind == "funnel" and page.people.button.isVisibleTo(page)
    row = next(i for i in range(1, len(result.table))
               if row_groups("funnel", result.params, result.table, i)[1].count > 0)
    dropped = row_groups("funnel", result.params, result.table, row)[1]
    menu = QMenu()
    page.table.row_menu(menu, row)  # the result table's right-click menu
    texts = [a.text() for a in menu.actions()]
    assert texts[1] == f"Show these users ({dropped.count:,}): d{dropped.label[1:]}…"
    with qtbot.waitSignal(page.people.people_shown, timeout=60000) as shown:
        menu.actions()[1].trigger()
    dialog = shown.args[0]
    qtbot.waitExposed(dialog)
    assert dialog.table.model.rowCount() == dropped.count == len(dialog.people.user_ids)
    assert dialog.table.model.column_name(0) == "user_id"
    assert dialog.grab().save(str(SCREENSHOTS / "people-dialog.png"))
    # times to the second on every row ("17:35:06.570" read beside "13:02:23"); the frame, exported, keeps them whole
    model, frame = dialog.table.model, dialog.people.frame
    assert (frame["first_seen"].dt.microsecond > 0).any()
    for name in ("first_seen", "last_seen"):
        column = list(frame.columns).index(name)
        cells = [model.data(model.index(r, column)) for r in range(model.rowCount())]
        assert all(re.search(r"\d:\d\d:\d\d$", cell) for cell in cells), cells[:5]

    # saved as a cohort: undoable, and filtering an analysis to it analyses exactly these users
    project = window.document.project
    assert not dialog.save_cohort("")
    assert dialog.save_cohort("Dropped before paying")
    cohort = project.cohorts[-1]
    assert cohort.name == "Dropped before paying" and cohort.conditions[0]["kind"] == "users"
    assert not dialog.save_cohort("dropped before paying")  # the name is taken
    inputs = AnalysisInputs(project)
    members = cohort_mask(inputs.log, cohort.conditions, customers=inputs.customers)
    assert set(inputs.log.user_ids[members]) == set(dialog.people.user_ids)
    picker = page.cohort_picker
    with qtbot.waitSignal(page.result_shown, timeout=60000) as filtered:
        picker.box.setCurrentIndex(picker.box.findData(cohort.id))
    assert filtered.args[0].cohort == cohort.name and filtered.args[0].n_users == dropped.count

    # double-click a user: their timeline
    with qtbot.waitSignal(page.people.timeline_shown, timeout=60000) as opened:
        dialog.table.view.doubleClicked.emit(dialog.table.model.index(0, 0))
    timeline = opened.args[0]
    qtbot.waitExposed(timeline)
    first = dialog.table.model.frame().iloc[dialog.table.frame_model.source_row(0)]
    assert timeline.user_id == first["user_id"]
    assert timeline.table.model.rowCount() >= first["events"]
    assert list(timeline.timeline.columns[:4]) == ["time", "kind", "what", "session"]
    assert timeline.grab().save(str(SCREENSHOTS / "people-timeline.png"))

    # a customer who answered the survey and paid: both beside their events, in time order
    feedback, billing = (project.sources_of(kind)[0].table for kind in (SourceKind.FEEDBACK, SourceKind.REVENUE))
    payer = sorted(set(feedback["user_id"]) & set(billing["user_id"]))[0]
    with qtbot.waitSignal(page.people.timeline_shown, timeout=60000) as opened:
        page.people.show_timeline(payer)
    full = opened.args[0]
    qtbot.waitExposed(full)
    kinds = full.timeline["kind"]
    assert {"event", "survey", "payment"} <= set(kinds) and full.timeline["time"].is_monotonic_increasing
    assert (kinds == "payment").sum() == (billing["user_id"] == payer).sum()
    assert not full.table.view.isColumnHidden(list(full.timeline.columns).index("amount"))
    starts = session_starts(full.timeline)  # a rule above each session's first event but the first session's
    assert starts.sum() == full.timeline["session"].max() - 1
    assert (full.timeline.loc[starts, "session"].diff().dropna() == 1).all()
    assert full.grab().save(str(SCREENSHOTS / "people-timeline-survey-payment.png"))
    full.close()

    with qtbot.waitSignal(page.result_shown, timeout=60000):  # the analysis runs again without the cohort
        window.document.undo_stack.undo()
    wait_idle()
    assert cohort not in project.cohorts
    # a row whose cohort has gone since: a sentence in the page's banner, no dialog and no traceback
    page.result.params["cohort"] = cohort.id
    page.people.show_users(0, "reached")
    qtbot.waitUntil(lambda: "no longer exists" in page.message.text(), timeout=30000)
    assert page.message.text().startswith("The cohort this analysis was filtered to no longer exists")
    timeline.close()
    dialog.close()


def test_users_who_went_somewhere_after_dropping_out_can_be_shown(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("after_dropping")
    result = page.result
    assert not result.empty and page.people.button.isVisibleTo(page)
    group = row_groups("after_dropping", result.params, result.table, 0)[0]
    menu = QMenu()
    page.table.row_menu(menu, 0)
    assert menu.actions()[0].text() == f"Show these users ({group.count:,}): {group.label[0].lower()}{group.label[1:]}…"
    with qtbot.waitSignal(page.people.people_shown, timeout=60000) as shown:
        menu.actions()[0].trigger()
    dialog = shown.args[0]
    qtbot.waitExposed(dialog)
    assert dialog.table.model.rowCount() == group.count == int(result.table["users"].iloc[0])
    dialog.close()


def _menu_at(page, number: int, x: float, y: float) -> list[str]:  # type: ignore[no-untyped-def]
    """The entries a right-click on chart ``number`` at its data coordinates (x, y) adds before the exports."""
    chart, data = page.chart.plots()[number], page.result.charts[number]
    pos = chart.mapFromScene(chart.getPlotItem().vb.mapViewToScene(QPointF(x, y)))
    point = page.chart._point(chart, data, translated_chart(data), pos)
    menu = QMenu()
    if point is not None:
        page.chart.point_actions(menu, point)
    return [action.text() for action in menu.actions()]


def test_a_right_click_on_a_bar_a_cell_or_a_point_offers_its_users(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("funnel")
    users = page.result.table["users"].tolist()
    texts = _menu_at(page, 0, 1, users[1] / 2)  # the middle of step 2's bar
    assert texts[0].startswith(f"Show these users ({users[1]:,}): reached step 2")
    assert texts[1].startswith(f"Show these users ({users[0] - users[1]:,}): dropped at step 2")
    assert _menu_at(page, 0, 1, users[0] * 50) == []  # above the chart's marks: only the exports

    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("retention")
    table = page.result.table
    first = table[table["period_offset"] == 1].iloc[0]
    texts = _menu_at(page, 0, 1, 0)  # the first cohort's cell one period on
    assert texts[0].startswith(f"Show these users ({int(first['retained_users']):,}): cohort of")
    assert _menu_at(page, 1, 1, 0.5) == []  # the average curve sums every cohort: nobody to list

    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("active_users")
    table = page.result.table
    when = pd.Timestamp(table["period"].iloc[2]).tz_localize("UTC").timestamp()
    texts = _menu_at(page, 0, when, float(table["active_users"].iloc[2]))
    assert texts == [f"Show these users ({int(table['active_users'].iloc[2]):,}): active in the "
                     f"{page.result.params['period']} of {pd.Timestamp(table['period'].iloc[2]):%d %b %Y}…"]


def test_a_right_click_on_a_sankey_band_or_touchpoint_offers_its_users(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("journey_map")
    result = page.result
    assert not result.empty and page.people.button.isVisibleTo(page), result.message
    window.grab()  # paints the Sankey: its layout is made at its size
    (chart,) = page.chart.plots()
    drawn = chart.drawn
    assert drawn is not None

    def menu_at(scene: QPointF) -> QMenu:
        point = page.chart._point(chart, result.charts[0], translated_chart(result.charts[0]),
                                  chart.mapFromScene(scene))
        menu = QMenu()
        if point is not None:
            page.chart.point_actions(menu, point)
        return menu

    def texts_at(scene: QPointF) -> list[str]:
        menu = menu_at(scene)  # held: its actions go with it
        return [action.text() for action in menu.actions()]

    def middle(band) -> QPointF:  # type: ignore[no-untyped-def]
        """The middle of the ribbon halfway between its nodes."""
        box = band.path.boundingRect()
        x = box.center().x()
        inside = [y for y in np.linspace(box.top(), box.bottom(), 400) if band.path.contains(QPointF(x, y))]
        return QPointF(x, float(np.mean(inside)))

    # a band no other band crosses at its middle: its link row's users, then those at either end
    number, band = next((i, b) for i, b in enumerate(drawn.bands)
                        if [j for j, other in enumerate(drawn.bands) if other.path.contains(middle(b))] == [i])
    link = result.table.iloc[number]
    assert (link["from_touchpoint"], link["to_touchpoint"]) == (band.source.label, band.target.label)
    went = row_groups("journey_map", result.params, result.table, number)[0]
    texts = texts_at(middle(band))
    assert texts[0] == f"Show these users ({went.count:,}): {went.label[0].lower()}{went.label[1:]}…"
    assert went.count == int(link["users"]) and len(texts) == 3
    menu = menu_at(middle(band))
    with qtbot.waitSignal(page.people.people_shown, timeout=60000) as shown:
        menu.actions()[0].trigger()
    dialog = shown.args[0]
    assert dialog.table.model.rowCount() == went.count == len(dialog.people.user_ids)
    dialog.close()

    # a touchpoint two steps on, and the anchor (no band into it): everyone the map draws there, as its node holds
    node = next(n for n in drawn.nodes if n.column == 2 and not n.muted)
    assert texts_at(node.rect.center()) == [f"Show these users ({node.value:,.0f}): at {node.label} (step 2)…"]
    (anchor,) = (n for n in drawn.nodes if n.column == 0)
    assert texts_at(anchor.rect.center()) == [f"Show these users ({anchor.value:,.0f}): at {anchor.label}…"]
    assert texts_at(QPointF(-50, -50)) == []  # off the chart: only the exports


def test_a_right_click_on_a_trends_point_or_a_touchpoint_bar_offers_its_users(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("trends")
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.panel.set_values({"measure": "users"})  # every event's unique users: the active users per week
    table = page.result.table
    when = pd.Timestamp(table["period"].iloc[2]).tz_localize("UTC").timestamp()
    texts = _menu_at(page, 0, when, float(table["value"].iloc[2]))
    assert texts == [f"Show these users ({int(table['value'].iloc[2]):,}): active in the "
                     f"{page.result.params['period']} of {pd.Timestamp(table['period'].iloc[2]):%d %b %Y}…"]
    with qtbot.waitSignal(page.people.people_shown, timeout=60000) as shown:
        page.people.show_users(2, "a")
    dialog = shown.args[0]
    qtbot.waitExposed(dialog)
    assert dialog.table.model.rowCount() == int(table["value"].iloc[2])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "people-dialog-trends.png"))
    dialog.close()

    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("touchpoint_time")
    result = page.result
    first = result.table.iloc[0]
    middle = float(result.charts[0].series[0].y[0]) / 2  # the middle of the first bar, drawn either way
    texts = _menu_at(page, 0, *((middle, 0) if page.chart.plots()[0].horizontal else (0, middle)))
    assert texts == [f"Show these users ({int(first['users']):,}): did {first['event']} in the date range…"]
