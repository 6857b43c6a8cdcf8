"""Properties that must hold for any event log (hypothesis), whatever the data looks like."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from usagelens.analytics import EventLog, feature_adoption, funnel, nps, retention_table

EVENTS = ["a", "b", "c", "d"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

rows = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, 60 * 24 * 40), st.sampled_from(EVENTS)),
    min_size=1,
    max_size=60,
)


def _log(data: list[tuple[int, int, str]]) -> EventLog:
    frame = pd.DataFrame(data, columns=["user", "minute", "event"])
    frame["user"] = "u" + frame["user"].astype(str)
    # minutes rounded to 5 so that ties on the same instant are common
    frame["time"] = pd.Timestamp("2024-12-20") + pd.to_timedelta(frame["minute"] // 5 * 5, unit="min")
    return EventLog.from_frame(frame, user="user", time="time", event="event")


@SETTINGS
@given(
    rows,
    st.lists(st.sampled_from(EVENTS), min_size=2, max_size=4),
    st.sampled_from(["sequential", "strict", "any"]),
    st.sampled_from([None, "1h", "1d", "7d"]),
    st.sampled_from([None, "d"]),
)
def test_funnel_counts_never_increase(data, steps, order, window, exclude) -> None:
    log = _log(data)
    if any(step not in log.event_names for step in steps):
        return
    if exclude in steps or exclude not in log.event_names:
        exclude = None
    users = funnel(log, steps, order=order, window=window, exclude=exclude)["users"]
    assert (np.diff(users.to_numpy()) <= 0).all()


@SETTINGS
@given(rows, st.sampled_from(["day", "week", "month"]))
def test_retention_period_zero_is_everyone_and_on_or_after_dominates(data, period) -> None:
    log = _log(data)
    on = retention_table(log, period)
    after = retention_table(log, period, mode="on_or_after")
    assert (on.loc[on["period_offset"] == 0, "retention_rate"] == 1.0).all()
    assert on["cohort_size"].sum() >= 0 and len(on) == len(after)
    assert (after["retained_users"].to_numpy() >= on["retained_users"].to_numpy()).all()
    assert (after["retention_rate"].between(0, 1)).all()
    # on-or-after never grows with the offset within a cohort
    for _, cohort in after.groupby("cohort"):
        assert (np.diff(cohort["retained_users"].to_numpy()) <= 0).all()


@SETTINGS
@given(rows, st.integers(0, 40), st.integers(0, 40))
def test_adoption_is_a_fraction(data, first, length) -> None:
    start = pd.Timestamp("2024-12-20") + pd.Timedelta(days=first)
    table = feature_adoption(_log(data), start=start, end=start + pd.Timedelta(days=length))
    rates = table["adoption_rate"].dropna()
    assert rates.between(0, 1).all()


@SETTINGS
@given(st.lists(st.integers(0, 10), min_size=1, max_size=200))
def test_nps_stays_on_its_scale(scores) -> None:
    row = nps(pd.Series(scores)).iloc[0]
    assert -100 <= row["ci_low"] <= row["value"] <= row["ci_high"] <= 100
