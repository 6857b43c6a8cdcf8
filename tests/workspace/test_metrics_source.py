"""Aggregated exports (a GA4 exploration: date × dimensions × counts) as a metrics source: guessed as one,
read with their comment lines and totals row, and usable in trends, anomalies, before/after and KPIs."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from usagelens.analytics.kpi import binding_label, binding_presets, evaluate_kpi
from usagelens.analytics.kpi_series import kpi_series
from usagelens.io import build_source, detect_options, guess_kind, guess_roles, read_preview
from usagelens.model import KpiBinding, Project, SourceKind
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, DataFacts, run_analysis
from usagelens.workspace.project_data import kpi_inputs
from usagelens.workspace.selection import data_line

GA4_DROP_DAY = "20240214"  # planted by tests/conftest.py's GA4 export


@pytest.fixture
def project(ga4_export: Path) -> Project:
    path = ga4_export
    options = detect_options(path)
    preview = read_preview(path, options)
    kind = guess_kind(list(preview.columns))
    assert kind is SourceKind.METRICS
    roles = guess_roles(kind, preview)
    assert roles == {"timestamp": "Date"}  # "Event count" is no user id
    return Project(sources=[build_source(path, options, kind, roles, name="GA4 events")])


def test_trend_sums_a_metric_per_week_and_by_dimension(project: Project) -> None:
    inputs = AnalysisInputs(project)
    facts = DataFacts.of(inputs)
    assert facts.metrics == ("Event count", "Total users") and facts.metric_dimensions == ("Event name",)
    assert (facts.first_day.isoformat(), facts.last_day.isoformat()) == ("2024-01-01", "2024-02-29")  # type: ignore[union-attr]
    params = ANALYSES["metric_trend"].defaults(facts)
    result = run_analysis("metric_trend", inputs, params)
    table = project.sources[0].table
    first_week = table[(table["Date"] >= "2024-01-01") & (table["Date"] <= "2024-01-07")]["Event count"].sum()
    assert result.table["Event count"].iloc[0] == first_week
    assert "The last week (from 26 Feb 2024) is partial" in result.message and result.charts[0].incomplete_last
    by_event = run_analysis("metric_trend", inputs, {**params, "by": "Event name", "period": "month"})
    assert list(by_event.table.columns) == ["period", "page_view", "purchase"]
    dated = table.dropna(subset=["Date"])  # the totals row under the header has no date: no day of its own
    assert len(dated) == len(table) - 1
    assert by_event.table[["page_view", "purchase"]].to_numpy().sum() == dated["Event count"].sum()


def test_anomalies_and_before_after_measure_a_metric_without_any_event_log(project: Project) -> None:
    inputs = AnalysisInputs(project)
    facts = DataFacts.of(inputs)
    params = ANALYSES["anomalies"].defaults(facts)
    assert params["event"] == "metric:Event count"
    result = run_analysis("anomalies", inputs, params)
    flagged = result.table.loc[result.table["is_anomaly"], "period"].dt.strftime("%Y%m%d").tolist()
    assert GA4_DROP_DAY in flagged and len(flagged) <= 2 and result.charts[0].title == "Event count per day"
    impact = run_analysis("before_after", inputs, {**ANALYSES["before_after"].defaults(facts), "change": "2024-02-01"})
    assert not impact.empty and impact.table["window_days"].iloc[0] == 28


def test_a_metric_is_a_kpi(project: Project) -> None:
    binding = KpiBinding("metric", {"column": "Event count", "period": "week"})
    inputs = kpi_inputs(project, None)
    value = evaluate_kpi(binding, inputs)
    table = project.sources[0].table
    last_whole_week = table[(table["Date"] >= "2024-02-19") & (table["Date"] <= "2024-02-25")]["Event count"].sum()
    assert value.value == last_whole_week and value.as_of is not None and value.as_of.isoformat() == "2024-02-19"
    baseline = evaluate_kpi(binding, inputs, as_of=pd.Timestamp("2024-01-31").date())
    assert baseline.as_of is not None and baseline.as_of.isoformat() == "2024-01-22"
    assert kpi_series(binding, inputs, "week").iloc[0] == table[table["Date"] <= "2024-01-07"]["Event count"].sum()
    assert binding_label(binding) == "Weekly Event count (metrics export)"
    assert binding in binding_presets(metrics=["Event count"]).values()
    assert data_line(project) == "Metrics: GA4 events"
