"""A funnel KPI binding is the funnel analysis's own conversion_from_start, on the last settled month."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from usagelens.analytics import EventLog
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.funnels import funnel
from usagelens.analytics.kpi import KpiInputs, binding_label, binding_presets, evaluate_kpi
from usagelens.analytics.kpi_series import kpi_series
from usagelens.model import KpiBinding

STEPS = ["signup", "create_project", "upgrade_plan"]
BINDING = KpiBinding("funnel", {"steps": STEPS, "window_days": 14})


@pytest.fixture
def log() -> EventLog:
    """Users signing up from January to April; user i converts when i % 3 == 0, some outside 14 days."""
    rows = []
    for i in range(120):
        start = pd.Timestamp("2024-01-01") + pd.Timedelta(days=i)
        rows.append((f"u{i}", start, "signup"))
        rows.append((f"u{i}", start + pd.Timedelta(days=1), "create_project"))
        if i % 3 == 0:
            rows.append((f"u{i}", start + pd.Timedelta(days=5 if i % 2 else 20), "upgrade_plan"))
    frame = pd.DataFrame(rows, columns=["user", "time", "event"])
    frame = frame[frame["time"] <= "2024-04-30"]  # the export ends on April 30
    return EventLog.from_frame(frame, user="user", time="time", event="event")


def test_funnel_binding_equals_funnel_conversion_of_the_last_settled_month(log: EventLog) -> None:
    value = evaluate_kpi(BINDING, KpiInputs(log))
    # data ends 2024-04-30: April's late entrants have not had 14 days yet, March's have.
    expected = funnel(log, STEPS, window="14d", start="2024-03-01", end="2024-03-31")
    assert value.value == pytest.approx(float(expected["conversion_from_start"].iloc[-1]))
    assert str(value.as_of) == "2024-03-01" and "month starting 2024-03-01" in value.basis
    assert 0 < value.value < 1


def test_funnel_without_window_and_as_of(log: EventLog) -> None:
    binding = KpiBinding("funnel", {"steps": ["signup", "upgrade_plan"], "window_days": None})
    value = evaluate_kpi(binding, KpiInputs(log), as_of=pd.Timestamp("2024-02-15").date())
    cut = log.until(int(np.datetime64("2024-02-15", "D").astype(np.int64)))
    expected = funnel(cut, ["signup", "upgrade_plan"], start="2024-01-01", end="2024-01-31")
    assert value.value == pytest.approx(float(expected["conversion_from_start"].iloc[-1]))


def test_unmeasurable_funnels_say_why(log: EventLog) -> None:
    missing = evaluate_kpi(KpiBinding("funnel", {"steps": ["signup", "nope"]}), KpiInputs(log))
    assert missing.value is None and "nope" in missing.basis
    short = evaluate_kpi(KpiBinding("funnel", {"steps": ["signup"]}), KpiInputs(log))
    assert short.value is None and "two steps" in short.basis


def test_label_and_presets() -> None:
    assert binding_label(KpiBinding("funnel", {"steps": ["signup", "upgrade_plan"]})) == (
        "Funnel signup → upgrade_plan conversion within 14 days"
    )
    assert binding_label(KpiBinding("funnel", {"steps": ["view", "buy"], "window_days": 0})) == (
        "Funnel view → buy conversion, no time limit"
    )
    presets = binding_presets(["login", "signup", "upgrade_plan", "invite_teammate"])
    assert presets["Funnel signup → upgrade_plan conversion within 14 days"] == KpiBinding(
        "funnel", {"steps": ["signup", "upgrade_plan"], "window_days": 14}
    )
    assert "Funnel signup → invite_teammate conversion within 14 days" in presets
    assert not any(label.startswith("Funnel") for label in binding_presets(["login", "upgrade_plan"]))


def test_series_counts_settled_entry_cohorts(log: EventLog) -> None:
    weekly = kpi_series(BINDING, KpiInputs(log), "week")
    daily = kpi_series(BINDING, KpiInputs(log), "day")
    # every user signs up once, so a daily cohort is one user: converted within 14 days or not
    assert set(np.unique(daily.to_numpy())) <= {0.0, 1.0}
    assert daily.index.max() == pd.Timestamp("2024-04-16")  # later entrants have not had 14 days yet
    assert weekly.between(0, 1).all() and len(weekly) >= 14
    with pytest.raises(AnalysisError):
        kpi_series(KpiBinding("funnel", {"steps": ["signup"]}), KpiInputs(log), "week")
