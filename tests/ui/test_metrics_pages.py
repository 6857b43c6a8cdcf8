"""A project that has only an aggregated export (a GA4 exploration) walks every step without an error, and
step 4 draws its metric."""

from __future__ import annotations

from pathlib import Path

from usagelens.io import build_source, detect_options
from usagelens.model import Objective, SourceKind
from usagelens.model.commands import InsertItem


def test_every_step_works_on_a_metrics_only_project(qtbot, window, wait_idle, ga4_export: Path) -> None:  # type: ignore[no-untyped-def]
    source = build_source(ga4_export, detect_options(ga4_export), SourceKind.METRICS, {"timestamp": "Date"},
                          name="GA4 events")
    window.document.push(InsertItem(("sources",), source))
    window.document.push(InsertItem(("objectives",), Objective("More visits")))
    for number in range(1, 9):
        window.go_to_step(number)
        wait_idle()
    window.go_to_step(4)
    page = window.pages[3]
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        page.gallery.select_kind("metric_trend")
    result = blocker.args[0]
    assert not result.empty and result.charts[0].title == "Event count per week"
    assert "Metrics: GA4 events" in page.data_label.text()
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        page.gallery.select_kind("anomalies")
    assert "unusual day" in blocker.args[0].message
    presets = window.pages[0].objectives.model.column_spec(2).choices()
    assert "Weekly Event count (metrics export)" in presets
