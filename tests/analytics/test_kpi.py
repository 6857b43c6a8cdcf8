"""KPI bindings give exactly what the engine's own metric functions give (step 8 and the report rely on it)."""

from __future__ import annotations

import pandas as pd
import pytest

from usagelens.analytics import EventLog, active_users
from usagelens.analytics.adoption import feature_adoption
from usagelens.analytics.kpi import KpiInputs, binding_label, binding_presets, evaluate_kpi
from usagelens.analytics.retention import retention_table
from usagelens.analytics.surveys import nps
from usagelens.model import KpiBinding


@pytest.fixture
def log() -> EventLog:
    rows = [
        # week of 2024-01-01 (Mon): a, b active; a sets a reminder
        ("a", "2024-01-01 09:00", "login"), ("a", "2024-01-02 10:00", "set_reminder"),
        ("b", "2024-01-03 11:00", "login"),
        # week of 2024-01-08: a, c active; c sets a reminder
        ("a", "2024-01-09 09:00", "login"), ("c", "2024-01-10 09:00", "set_reminder"),
        # week of 2024-01-15: data ends on Wednesday -> incomplete week
        ("b", "2024-01-17 09:00", "login"),
    ]
    frame = pd.DataFrame(rows, columns=["user", "time", "event"])
    frame["time"] = pd.to_datetime(frame["time"])
    return EventLog.from_frame(frame, user="user", time="time", event="event")


def test_active_users_uses_the_last_complete_period(log: EventLog) -> None:
    value = evaluate_kpi(KpiBinding("active_users", {"period": "week"}), KpiInputs(log))
    table = active_users(log, "week")
    assert value.value == table["active_users"].iloc[1] == 2
    assert str(value.as_of) == "2024-01-08"


def test_adoption_matches_feature_adoption(log: EventLog) -> None:
    value = evaluate_kpi(KpiBinding("adoption", {"event": "set_reminder", "period": "week"}), KpiInputs(log))
    expected = feature_adoption(log, start="2024-01-08", end="2024-01-14", events=["set_reminder"])
    assert value.value == pytest.approx(float(expected["adoption_rate"].iloc[0])) == pytest.approx(0.5)


def test_retention_is_weighted_over_cohorts_that_reached_the_offset(log: EventLog) -> None:
    value = evaluate_kpi(KpiBinding("retention", {"period": "week", "offset": 1}), KpiInputs(log))
    table = retention_table(log, "week")
    cells = table[table["period_offset"] == 1]
    assert value.value == pytest.approx(cells["retained_users"].sum() / cells["cohort_size"].sum())


def test_nps_from_survey_scores_and_clear_reasons_when_unmeasurable(log: EventLog) -> None:
    scores = pd.Series([10, 9, 8, 3, 0])
    value = evaluate_kpi(KpiBinding("nps", {}), KpiInputs(log, scores))
    assert value.value == pytest.approx(float(nps(scores)["value"].iloc[0])) == pytest.approx(0.0)
    assert evaluate_kpi(KpiBinding("nps", {}), KpiInputs(log)).value is None
    missing = evaluate_kpi(KpiBinding("adoption", {"event": "nope"}), KpiInputs(log))
    assert missing.value is None and "nope" in missing.basis
    assert evaluate_kpi(KpiBinding("active_users", {}), KpiInputs(None)).value is None


def test_presets_round_trip_through_their_labels() -> None:
    presets = binding_presets(["export_report"], surveys=True)
    for label, binding in presets.items():
        if binding is not None:
            assert binding_label(binding) == label
    assert "Weekly adoption of export_report" in presets and "NPS" in presets
