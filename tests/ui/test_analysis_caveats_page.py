"""Step 4 says what a number means where the user reads it: the funnel's window in its editor and over its
chart, the event-property choice only where it applies, and retention periods as far as the data goes."""

from __future__ import annotations

from pathlib import Path

from usagelens.ui.analysis.param_panel import ParamPanelWidget
from usagelens.workspace.analyses import ANALYSES, DataFacts


def test_the_funnel_window_reads_in_days_or_no_time_limit(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = ParamPanelWidget("funnel", ANALYSES["funnel"].params(DataFacts(events=("signup", "login"))))
    qtbot.addWidget(panel)
    window = panel.editors["window_days"]
    assert window.text() == "14 days"
    window.setValue(0)
    assert window.text() == "no time limit" and panel.values()["window_days"] == 0


def test_counted_under_applies_to_event_properties_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    facts = DataFacts(attributes=("plan", "platform"), properties=("platform",))
    panel = ParamPanelWidget("active_users", ANALYSES["active_users"].params(facts))
    qtbot.addWidget(panel)
    by, counted = panel.editors["by"], panel.editors["counted"]
    assert not counted.isEnabled()  # no breakdown yet
    by.setCurrentIndex(by.findData("platform"))
    assert counted.isEnabled()
    by.setCurrentIndex(by.findData("plan"))  # a customer attribute: one value per user
    assert not counted.isEnabled()
    assert "counted" not in {p.name for p in ANALYSES["active_users"].params(DataFacts(attributes=("plan",)))}


def test_the_demo_funnel_starts_at_signup_and_says_its_window(  # type: ignore[no-untyped-def]
    qtbot, window, wait_idle, demo_path: Path
) -> None:
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(4)
    page = window.pages[3]
    qtbot.waitUntil(lambda: page.result is not None, timeout=60000)
    wait_idle()
    with qtbot.waitSignal(page.result_shown, timeout=30000) as shown:
        page.gallery.select_kind("funnel")
    assert shown.args[0].params["steps"][0] == "signup"
    assert page.chart.charts[0].text() == "Funnel: within 14 days, in this order"
    with qtbot.waitSignal(page.result_shown, timeout=30000):
        page.gallery.select_kind("retention")
    assert page.panel.editors["max_periods"].maximum() == 25
    assert page.chart.chart_rows == 1 and len(page.chart.plots()) == 2  # the curve beside the heat map
