"""A KPI measures what its label says: the same numbers as the analysis with the same settings."""

from __future__ import annotations

from datetime import timedelta

import pytest

from usagelens.analytics.kpi import KpiInputs, binding_label, binding_presets, evaluate_kpi
from usagelens.analytics.kpi_series import kpi_series
from usagelens.model import KpiBinding, load_project
from usagelens.paths import demo_project
from usagelens.workspace.analyses import AnalysisInputs, run_analysis


@pytest.fixture(scope="module")
def inputs() -> AnalysisInputs:
    return AnalysisInputs(load_project(demo_project()))


@pytest.mark.parametrize(("start_event", "return_event", "mode"), [
    ("signup", None, "on"), ("signup", "complete_task", "on"), (None, None, "on_or_after"),
])
def test_a_retention_kpi_equals_the_retention_analysis(inputs: AnalysisInputs, start_event: str | None,
                                                       return_event: str | None, mode: str) -> None:
    params = {"period": "week", "offset": 4, "mode": mode, "start_event": start_event, "return_event": return_event}
    kpi = evaluate_kpi(KpiBinding("retention", params), KpiInputs(inputs.log))
    result = run_analysis("retention", inputs, {"period": "week", "mode": mode, "max_periods": 30,
                                                "start_event": start_event or "", "return_event": return_event or "",
                                                "start": None, "end": None})
    curve = result.charts[1].series[0]
    assert kpi.value == pytest.approx(float(curve.y[list(curve.x).index("4")]), abs=1e-12)
    if start_event:
        assert f"of users who did {start_event}" in kpi.basis


def test_new_users_retention_counts_new_users_only(inputs: AnalysisInputs) -> None:
    """From the first event ever, every customer the export starts with is a 'new' January cohort."""
    log = inputs.log
    everyone = evaluate_kpi(KpiBinding("retention", {"period": "week", "offset": 4}), KpiInputs(log))
    new = evaluate_kpi(KpiBinding("retention", {"period": "week", "offset": 4, "start_event": "signup"}),
                       KpiInputs(log))
    assert new.value is not None and everyone.value is not None and new.value < everyone.value


def test_a_funnel_kpi_takes_the_order_and_exclusion_of_the_analysis(inputs: AnalysisInputs) -> None:
    params = {"steps": ["signup", "create_project", "invite_teammate"], "window_days": 14, "order": "any",
              "period": "month"}
    kpi = evaluate_kpi(KpiBinding("funnel", params), KpiInputs(inputs.log))
    assert kpi.as_of is not None
    next_month = (kpi.as_of.replace(day=28) + timedelta(days=4)).replace(day=1)
    table = run_analysis("funnel", inputs, {"steps": params["steps"], "window_days": 14, "order": "any",
                                           "exclude": "", "start": kpi.as_of.isoformat(),
                                           "end": (next_month - timedelta(days=1)).isoformat(), "by": ""}).table
    assert kpi.value == pytest.approx(float(table["conversion_from_start"].iloc[-1]), abs=1e-12)


def test_the_weekly_series_is_the_cohort_table_and_daily_cohorts_start_at_the_start_event(
        inputs: AnalysisInputs) -> None:
    binding = KpiBinding("retention", {"period": "week", "offset": 1, "start_event": "signup"})
    weekly = kpi_series(binding, KpiInputs(inputs.log), "week")
    table = run_analysis("retention", inputs, {"period": "week", "mode": "on", "max_periods": 30,
                                               "start_event": "signup", "return_event": "", "start": None,
                                               "end": None}).table
    cells = table[table["period_offset"] == 1]
    assert weekly.to_numpy() == pytest.approx(cells["retention_rate"].to_numpy())
    daily = kpi_series(binding, KpiInputs(inputs.log), "day")
    assert daily.index.min() >= weekly.index.min()  # cohorts begin with sign-ups, not with the export


def test_labels_and_presets_name_the_start_event() -> None:
    presets = binding_presets(["login", "signup"])
    assert presets["Week-4 retention after signup"] == KpiBinding(
        "retention", {"period": "week", "offset": 4, "start_event": "signup"})
    assert "Week-4 retention" in binding_presets(["login"])
    label = binding_label(KpiBinding("retention", {"period": "month", "offset": 1, "start_event": "signup",
                                                   "return_event": "purchase"}))
    assert label == "Month-1 retention after signup (returning to purchase)"
