"""The gallery says what the data can and cannot answer: funnels start at an entry event and state their
window, breakdowns by an event property say which event's value counts, retention offers every period the
data spans, and timestamps without a time of day give a caveat instead of sessions or hours."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from usagelens.analytics import EventLog
from usagelens.analytics.engine_events import LogEvents, dates_only
from usagelens.model import Project, load_project
from usagelens.paths import demo_project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, DataFacts, run_analysis
from usagelens.workspace.analyses.defaults import entry_event, typical_journey


def _inputs(rows: list[tuple[str, str, str, str]]) -> AnalysisInputs:
    """Analysable data from (user, time, event, platform) rows, without a project file."""
    frame = pd.DataFrame(rows, columns=["user", "time", "event", "platform"])
    frame["time"] = pd.to_datetime(frame["time"], format="ISO8601")
    inputs = AnalysisInputs(Project())
    inputs.__dict__["log"] = EventLog.from_frame(frame, user="user", time="time", event="event",
                                                 properties=["platform"])
    inputs.__dict__["customers"] = None
    return inputs


# Three users sign up, then mostly open a project before they invite anyone; one user moves from web to ios.
JOURNEYS = [
    ("a", "2024-01-01 09:00", "page_view", "web"), ("a", "2024-01-01 09:05", "sign_up", "web"),
    ("a", "2024-01-01 09:30", "open_project", "web"), ("a", "2024-01-03 10:00", "invite", "ios"),
    ("b", "2024-01-02 12:00", "sign_up", "web"), ("b", "2024-01-02 12:10", "open_project", "web"),
    ("b", "2024-01-09 12:00", "invite", "web"), ("b", "2024-01-10 08:00", "export", "web"),
    ("c", "2024-01-05 18:00", "sign_up", "ios"), ("c", "2024-01-06 18:00", "open_project", "ios"),
    ("c", "2024-01-20 18:00", "page_view", "ios"), ("c", "2024-01-20 18:01", "page_view", "ios"),
]


@pytest.fixture(scope="module")
def demo() -> AnalysisInputs:
    return AnalysisInputs(load_project(demo_project()))


def test_a_funnel_starts_at_the_entry_event_then_follows_what_most_users_do(demo: AnalysisInputs) -> None:
    assert entry_event(("view", "App_Open", "login")) == "App_Open"  # a launch beats a login
    assert _journey(_inputs(JOURNEYS).log) == ("sign_up", "open_project", "invite")
    steps = ANALYSES["funnel"].defaults(DataFacts.of(demo))["steps"]
    assert steps[0] == "signup" and len(steps) == 3 and len(set(steps)) == 3


def test_a_funnel_states_its_window_and_order_in_its_title(demo: AnalysisInputs) -> None:
    params = ANALYSES["funnel"].defaults(DataFacts.of(demo))
    assert run_analysis("funnel", demo, params).charts[0].title == "Funnel: within 14 days, in this order"
    open_ended = run_analysis("funnel", demo, {**params, "window_days": 0, "order": "any", "exclude": "login"})
    assert open_ended.charts[0].title == "Funnel: no time limit, in any order, out if they do login"
    by_platform = run_analysis("funnel", demo, {**params, "window_days": 1, "by": "platform"})
    assert by_platform.charts[0].title.endswith(
        "by platform (platform of the signup each user entered with): within 1 day, in this order"
    )


def test_a_breakdown_by_an_event_property_says_which_value_counts(demo: AnalysisInputs) -> None:
    facts = DataFacts.of(demo)
    assert "platform" in facts.properties and "plan" not in facts.properties  # plan is a customer attribute
    params = {**ANALYSES["active_users"].defaults(facts), "by": "platform"}
    assert params["counted"] == "first"
    first = run_analysis("active_users", demo, params)
    assert first.charts[0].title == "Weekly active users by platform (platform of each user's first event)"
    by_plan = run_analysis("active_users", demo, {**params, "by": "plan"})
    assert by_plan.charts[0].title == "Weekly active users by plan"

    inputs = _inputs(JOURNEYS)
    users = {
        counted: run_analysis("segments", inputs, {**ANALYSES["segments"].defaults(DataFacts.of(inputs)),
                                                    "event": "invite", "by": "platform", "counted": counted})
        for counted in ("first", "last")
    }
    assert users["first"].table.set_index("segment")["segment_users"].to_dict() == {"ios": 1, "web": 2}
    assert users["last"].table.set_index("segment")["segment_users"].to_dict() == {"ios": 2, "web": 1}
    assert "each user's last event" in users["last"].charts[0].title


def test_retention_offers_as_many_periods_as_the_data_spans(demo: AnalysisInputs) -> None:
    def periods(facts: DataFacts) -> int:
        return next(p for p in ANALYSES["retention"].params(facts) if p.name == "max_periods").maximum

    assert periods(DataFacts.of(demo)) == 25  # 26 weeks of data: week 0 and 25 after it
    assert periods(DataFacts(first_day=date(2021, 1, 4), last_day=date(2024, 6, 30))) == 181  # 182 weeks
    assert periods(DataFacts(first_day=date(2024, 1, 7), last_day=date(2024, 1, 8))) == 1  # a Sunday, a Monday
    assert ANALYSES["retention"].defaults(DataFacts(first_day=date(2024, 1, 1), last_day=date(2024, 1, 20)))[
        "max_periods"
    ] == 2


def test_dates_without_a_time_of_day_give_caveats_not_misleading_charts() -> None:
    inputs = _inputs([(u, t[:10], e, p) for u, t, e, p in JOURNEYS])
    facts = DataFacts.of(inputs)
    assert facts.dates_only and dates_only(inputs.log) and not dates_only(_inputs(JOURNEYS).log)

    sessions = run_analysis("sessions", inputs, ANALYSES["sessions"].defaults(facts))
    assert sessions.empty and "date without a time of day" in sessions.message and not sessions.charts

    heatmap = run_analysis("heatmap", inputs, ANALYSES["heatmap"].defaults(facts))
    assert not heatmap.empty and "no hours to show" in heatmap.message
    (chart,) = heatmap.charts
    assert chart.kind == "bars" and chart.series[0].x == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert chart.series[0].y.sum() == len(JOURNEYS)

    funnel = run_analysis("funnel", inputs, ANALYSES["funnel"].defaults(facts))
    assert "same day count as in order" in funnel.message
    paths = run_analysis("paths", inputs, {**ANALYSES["paths"].defaults(facts), "event": "sign_up"})
    assert "row order" in paths.message


def _journey(log: EventLog) -> tuple[str, ...]:
    return typical_journey(LogEvents(log), log.event_names)


def _journey_by_hand(rows: list[tuple[str, str, str, str]]) -> tuple[str, ...]:
    """typical_journey written plainly: per user, the entry time, then each other event's first time after it."""
    log = _inputs(rows).log
    entry = entry_event(tuple(log.event_names)) or log.event_names[0]
    ordered = sorted(
        ((user, pd.Timestamp(time).value, index, event) for index, (user, time, event, _) in enumerate(rows)),
    )
    entered: dict[str, int] = {}
    for user, time, _, event in ordered:
        if event == entry:
            entered.setdefault(user, time)
    firsts: dict[tuple[str, str], int] = {}
    for user, time, _, event in ordered:  # at or after the entry time: an event at the same instant counts
        if event != entry and user in entered and time >= entered[user]:
            firsts.setdefault((user, event), time - entered[user])
    reached = {name: sum(1 for (_, e) in firsts if e == name) for name in log.event_names if name != entry}
    chosen = sorted((name for name in reached if reached[name]), key=lambda n: (-reached[n], n))[:2]
    median = {n: int(np.median([d for (_, e), d in firsts.items() if e == n])) for n in chosen}
    return (entry, *sorted(chosen, key=lambda n: (median[n], -reached[n], n)))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "d"]),
            st.integers(0, 40),
            st.sampled_from(["signup", "open", "invite", "share", "pay"]),
        ),
        min_size=1,
        max_size=60,
    )
)
def test_the_typical_journey_matches_a_plain_reading_of_its_rule(events: list[tuple[str, int, str]]) -> None:
    rows = [(user, f"2024-03-01T10:{minute:02d}:00", event, "web") for user, minute, event in events]
    assert _journey(_inputs(rows).log) == _journey_by_hand(rows)
