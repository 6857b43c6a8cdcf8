"""The people behind a result row: for every kind whose rows are groups of users, every row's groups list as many
users as the table shows (plain, broken down, filtered to a cohort), hand-pinned members where it matters (funnel
drop-offs, a retention cell, a trend of events, a sessions period, a conversion driver), and one user's timeline with
sessions, survey answers and payments."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from usagelens.model import Cohort, Project, RecipeStep, Source, SourceKind
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, drivers, run_analysis
from usagelens.workspace.people import GROUP_KINDS, NotUsers, row_at_point, row_groups, user_timeline, users_behind

EVENTS = pd.DataFrame(
    [
        ("ann", "2024-03-04 10:00", "signup", "web"), ("ann", "2024-03-04 10:10", "export", "web"),
        ("ann", "2024-03-04 11:30", "export", "web"), ("ann", "2024-03-12 10:00", "export", "web"),
        ("ann", "2024-03-20 10:00", "pay", "web"),
        ("bob", "2024-03-04 11:00", "signup", "ios"), ("bob", "2024-03-06 11:00", "export", "ios"),
        ("cat", "2024-03-11 09:00", "signup", "web"), ("cat", "2024-03-18 09:00", "export", "web"),
        ("cat", "2024-03-19 09:00", "pay", "web"),
        ("dan", "2024-03-18 12:00", "signup", "ios"),
        ("eve", "2024-03-05 08:00", "signup", "web"), ("eve", "2024-03-25 08:00", "export", "web"),
        ("fay", "2024-03-13 08:00", "export", "ios"),
    ],
    columns=["user", "time", "event", "platform"],
).assign(time=lambda f: pd.to_datetime(f["time"]))
CUSTOMERS = pd.DataFrame({"user": ["ann", "bob", "cat", "dan", "eve", "fay"],
                          "plan": ["pro", "free", "pro", "free", "free", "pro"],
                          "arm": ["a", "b", "a", "b", "a", "b"]})
SURVEY = pd.DataFrame({"who": ["ann", "bob"], "when": pd.to_datetime(["2024-03-04 10:20", "2024-03-07 09:00"]),
                       "nps": [9, 3], "text": ["Love the export", "Too slow"]})
PAYMENTS = pd.DataFrame({"customer": ["ann", "cat"], "paid": pd.to_datetime(["2024-03-20 10:01", "2024-03-19 09:00"]),
                         "amount": [29.0, 9.0], "currency": ["EUR", "EUR"]})
EXPORTERS = Cohort("Exporters", conditions=[{"kind": "event_count", "event": "export", "at_least": 1}])


def project(*sources: Source) -> Project:
    return Project(
        sources=[
            Source("events", SourceKind.EVENTS, EVENTS,
                   roles={"user_id": "user", "timestamp": "time", "event": "event"}),
            Source("customers", SourceKind.CUSTOMERS, CUSTOMERS, roles={"user_id": "user"}),
            *sources,
        ],
        cohorts=[EXPORTERS],
    )


@pytest.fixture(autouse=True)
def small_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    """Six users: the conversion drivers compare groups of two or three here."""
    monkeypatch.setattr(drivers, "MIN_GROUP", 1)


@pytest.fixture(scope="module")
def inputs() -> AnalysisInputs:
    return AnalysisInputs(project(
        Source("survey", SourceKind.FEEDBACK, SURVEY,
               roles={"user_id": "who", "timestamp": "when", "score": "nps", "comment": "text"}),
        Source("payments", SourceKind.REVENUE, PAYMENTS,
               roles={"user_id": "customer", "timestamp": "paid", "amount": "amount", "currency": "currency"}),
    ))


SETTINGS = {
    "active_users": [{"period": "week"}, {"period": "week", "by": "plan"}, {"period": "day", "by": "platform"},
                     {"period": "week", "start": "2024-03-06", "end": "2024-03-19"}],
    "lifecycle": [{"period": "week"}, {"period": "week", "start": "2024-03-06", "end": "2024-03-19"}],
    "frequency": [{"period": "week"}, {"period": "month", "start": "2024-03-06", "end": "2024-03-19"}],
    "funnel_over_time": [{"steps": ["signup", "export", "pay"], "window_days": 30},
                         {"steps": ["signup", "export"], "period": "day", "window_days": 3, "order": "strict"}],
    "time_to_convert": [{"steps": ["signup", "export", "pay"], "window_days": 30},
                        {"steps": ["signup", "export", "pay"], "order": "any", "window_days": 0}],
    "after_dropping": [{"steps": ["signup", "export", "pay"], "dropped_at": 1, "window_days": 3},
                       {"steps": ["signup", "export", "pay"], "dropped_at": 2, "window_days": 0}],
    "event_counts": [{}],
    "adoption": [{}, {"start": "2024-03-10", "end": "2024-03-20"}],
    "funnel": [{"steps": ["signup", "export", "pay"]}, {"steps": ["signup", "export", "pay"], "by": "plan"},
               {"steps": ["signup", "export"], "window_days": 3, "order": "strict"},
               {"steps": ["signup", "export", "pay"], "by": f"cohort:{EXPORTERS.id}"}],
    "retention": [{"period": "week"}, {"period": "week", "mode": "on_or_after"},
                  {"period": "week", "start_event": "signup", "return_event": "export"}],
    "segments": [{"event": "export", "by": "plan"}, {"event": "pay", "by": "platform", "counted": "last"}],
    "experiment": [{"by": "arm", "goal": "export"}, {"by": "arm", "goal": "pay", "start": "2024-03-11"}],
    "pain_points": [{"steps": ["signup", "export", "pay"], "by": "plan", "min_users": 1},
                    {"steps": ["signup", "export"], "by": "", "min_users": 1, "repeat_seconds": 3600, "window_days": 3},
                    {"steps": ["export", "pay"], "by": f"cohort:{EXPORTERS.id}", "min_users": 1}],
    "journey_map": [{"event": "signup", "depth": 3, "top": 1},  # Other, (ended) and the anchor's column
                    {"event": "signup", "depth": 2, "top": 2, "show": "paths"},
                    {"event": "pay", "direction": "before", "depth": 3, "top": 1, "groups": "Work = export"},
                    {"event": "export", "direction": "before", "depth": 2, "top": 3, "show": "paths",
                     "start": "2024-03-10"}],
    "trends": [{"event": "export", "measure": "users"}, {"event": "", "measure": "users", "by": "plan"},
               {"event": "export", "measure": "users", "formula": "divide", "event_b": "", "measure_b": "users"},
               {"event": "", "measure": "users", "period": "day", "smoothing": "rolling", "compare_previous": "yes",
                "start": "2024-03-06", "end": "2024-03-19"},
               {"event": "pay", "measure": "events", "formula": "divide", "event_b": "", "measure_b": "users",
                "by": f"cohort:{EXPORTERS.id}"},
               {"event": "export", "measure": "per_user", "by": "plan", "smoothing": "rolling"},
               {"event": "", "measure": "events", "period": "day", "start": "2024-03-06", "end": "2024-03-19"},
               {"event": "export", "measure": "events", "formula": "subtract", "event_b": "pay",
                "measure_b": "per_user", "period": "month", "compare_previous": "yes"}],
    "sessions": [{"period": "week"}, {"period": "day", "gap_minutes": 60, "start": "2024-03-06", "end": "2024-03-19"},
                 {"period": "month", "start": "2024-03-05", "end": "2024-03-12", "measure": "median_duration"}],
    "touchpoint_time": [{}, {"start": "2024-03-04", "end": "2024-03-06", "gap_minutes": 120, "events": "export"}],
    "conversion_drivers": [{"steps": ["signup", "pay"], "window_days": 0, "attributes": "plan, platform"},
                           {"steps": ["signup", "export"], "window_days": 10, "order": "strict", "attributes": "arm",
                            "start": "2024-03-05"}],
}


@pytest.mark.parametrize("cohort", ["", EXPORTERS.id], ids=["everyone", "a cohort"])  # its id is random
@pytest.mark.parametrize("kind", GROUP_KINDS)
def test_every_row_lists_as_many_users_as_the_table_shows(inputs: AnalysisInputs, kind: str, cohort: str) -> None:
    for settings in SETTINGS[kind]:
        params = {**ANALYSES[kind].defaults(inputs.facts), **settings}
        if cohort:
            params["cohort"] = cohort
        result = run_analysis(kind, inputs, params)
        assert not result.empty, (kind, settings, result.message)
        listed = 0
        for index in range(len(result.table)):
            row = result.table.iloc[index]
            for group in row_groups(kind, result.params, result.table, index):
                people = users_behind(kind, inputs, result.params, row, group.key)
                assert len(people) == group.count, (kind, settings, index, group)
                assert people.frame["user_id"].tolist() == people.user_ids
                listed += len(people)
        assert listed, (kind, settings)


def test_a_funnel_step_offers_its_converted_and_its_dropped_users(inputs: AnalysisInputs) -> None:
    params = {**ANALYSES["funnel"].defaults(inputs.facts), "steps": ["signup", "export", "pay"],
              "window_days": 0}
    result = run_analysis("funnel", inputs, params)
    assert result.table["users"].tolist() == [5, 4, 2]
    groups = row_groups("funnel", result.params, result.table, 2)
    assert [(g.key, g.count) for g in groups] == [("reached", 2), ("dropped", 2)]
    assert groups[1].label == "Dropped at step 3 (reached step 2, not pay)"
    row = result.table.iloc[2]
    assert users_behind("funnel", inputs, result.params, row, "reached").user_ids == ["ann", "cat"]
    dropped = users_behind("funnel", inputs, result.params, row, "dropped")
    assert dropped.user_ids == ["bob", "eve"]
    assert dropped.frame[["user_id", "events", "plan", "arm"]].values.tolist() == [
        ["bob", 2, "free", "b"], ["eve", 2, "free", "a"]]
    assert [g.key for g in row_groups("funnel", result.params, result.table, 0)] == ["reached"]


def test_a_conversion_driver_offers_the_converted_and_the_dropped_users_with_its_feature(
        inputs: AnalysisInputs) -> None:
    params = {**ANALYSES["conversion_drivers"].defaults(inputs.facts), "steps": ["signup", "pay"], "window_days": 0,
              "attributes": "plan, platform"}
    result = run_analysis("conversion_drivers", inputs, params)
    table = result.table.set_index("feature")
    export = int(np.flatnonzero(result.table["feature"] == "export")[0])
    groups = row_groups("conversion_drivers", result.params, result.table, export)
    assert [(g.key, g.count) for g in groups] == [("converted", 2), ("dropped", 2)]
    assert [g.label for g in groups] == ["Reached pay and did export in the date range",
                                         "Dropped out before pay and did export in the date range"]
    row = result.table.iloc[export]
    assert users_behind("conversion_drivers", inputs, result.params, row, "converted").user_ids == ["ann", "cat"]
    assert users_behind("conversion_drivers", inputs, result.params, row, "dropped").user_ids == ["bob", "eve"]
    ios = result.table.iloc[int(np.flatnonzero(result.table["feature"] == "platform = ios")[0])]
    assert table.loc["platform = ios", ["converted_with", "dropped_with"]].tolist() == [0, 2]
    dropped = users_behind("conversion_drivers", inputs, result.params, ios, "dropped")
    assert dropped.label == "Dropped out before pay, with platform = ios" and dropped.user_ids == ["bob", "dan"]
    assert users_behind("conversion_drivers", inputs, result.params, ios, "converted").user_ids == []


def test_a_retention_cell_lists_the_cohorts_returning_users(inputs: AnalysisInputs) -> None:
    params = {**ANALYSES["retention"].defaults(inputs.facts), "period": "week", "mode": "on"}
    result = run_analysis("retention", inputs, params)
    table = result.table
    index = table.index[(table["cohort"] == pd.Timestamp("2024-03-04")) & (table["period_offset"] == 1)][0]
    row = table.iloc[index]
    assert (row["cohort_size"], row["retained_users"]) == (3, 1)
    assert users_behind("retention", inputs, result.params, row).user_ids == ["ann"]
    assert users_behind("retention", inputs, result.params, row, "lost").user_ids == ["bob", "eve"]


def test_rows_that_are_not_groups_of_users_say_so(inputs: AnalysisInputs) -> None:
    result = run_analysis("paths", inputs, {**ANALYSES["paths"].defaults(inputs.facts), "event": "signup"})
    with pytest.raises(NotUsers, match="The rows of Paths are not groups of users"):
        row_groups("paths", result.params, result.table, 0)
    with pytest.raises(NotUsers, match="no group"):
        users_behind("event_counts", inputs, {}, {"event": "export", "users": 5}, "dropped")


def test_people_are_the_analysed_pseudonyms_not_the_raw_ids() -> None:
    hidden = project()
    hidden.pseudonym_key = "a key of this test"
    for source in hidden.sources:  # events and customers pseudonymised alike, so they still join
        hidden.recipes[source.id] = [RecipeStep("pseudonymise", {"columns": ["user"]})]
    inputs = AnalysisInputs(hidden)
    result = run_analysis("event_counts", inputs, ANALYSES["event_counts"].defaults(inputs.facts))
    row = result.table.iloc[0]
    people = users_behind("event_counts", inputs, result.params, row)
    assert len(people) == row["users"] == 5
    assert not set(people.user_ids) & set(EVENTS["user"])
    assert people.frame["plan"].notna().all()
    assert len(user_timeline(inputs, people.user_ids[0])) > 0


def test_a_timeline_of_one_event() -> None:
    inputs = AnalysisInputs(project())
    timeline = user_timeline(inputs, "fay")
    assert timeline[["kind", "what", "session"]].values.tolist() == [["event", "export", 1]]
    assert timeline["time"].tolist() == [pd.Timestamp("2024-03-13 08:00")]
    assert timeline["platform"].tolist() == ["ios"]
    with pytest.raises(NotUsers, match="no events, answers or payments of user zed"):
        user_timeline(inputs, "zed")


def test_a_timeline_interleaves_sessions_answers_and_payments(inputs: AnalysisInputs) -> None:
    timeline = user_timeline(inputs, "ann")
    assert timeline["kind"].tolist() == ["event", "event", "survey", "event", "event", "event", "payment"]
    assert timeline["session"].tolist()[:2] == [1, 1] and timeline["session"].tolist()[3:6] == [2, 3, 4]
    assert pd.isna(timeline["session"].iloc[2]) and pd.isna(timeline["session"].iloc[6])
    answer, payment = timeline.iloc[2], timeline.iloc[6]
    assert (answer["score"], answer["comment"]) == (9, "Love the export")
    assert (payment["amount"], payment["currency"], payment["time"]) == (29.0, "EUR", pd.Timestamp("2024-03-20 10:01"))
    assert timeline["time"].is_monotonic_increasing


def test_a_lifecycle_cell_lists_its_state_and_the_users_gone_dormant(inputs: AnalysisInputs) -> None:
    params = {**ANALYSES["lifecycle"].defaults(inputs.facts), "period": "week"}
    table = run_analysis("lifecycle", inputs, params).table
    index = table.index[table["period"] == pd.Timestamp("2024-03-11")][0]
    groups = {g.key: g.count for g in row_groups("lifecycle", params, table, index)}
    assert groups == {"active": 3, "new": 2, "returning": 1, "resurrecting": 0, "dormant": 2}
    row = table.iloc[index]
    assert users_behind("lifecycle", inputs, params, row, "new").user_ids == ["cat", "fay"]
    assert users_behind("lifecycle", inputs, params, row, "returning").user_ids == ["ann"]
    assert users_behind("lifecycle", inputs, params, row, "dormant").user_ids == ["bob", "eve"]


def test_users_who_dropped_out_are_listed_by_what_they_did_next(inputs: AnalysisInputs) -> None:
    params = {**ANALYSES["after_dropping"].defaults(inputs.facts), "steps": ["signup", "export", "pay"],
              "dropped_at": 1, "window_days": 3}
    table = run_analysis("after_dropping", inputs, params).table
    assert table["next_event"].tolist() == ["export", "(no later event)"]
    assert users_behind("after_dropping", inputs, params, table.iloc[0]).user_ids == ["cat", "eve"]
    nobody_later = users_behind("after_dropping", inputs, params, table.iloc[1])
    assert (nobody_later.user_ids, nobody_later.label) == (["dan"], "Reached signup, not export; did nothing later")


def test_a_frequency_bucket_lists_exactly_and_at_least_that_many_days(inputs: AnalysisInputs) -> None:
    params = {**ANALYSES["frequency"].defaults(inputs.facts), "period": "week"}
    table = run_analysis("frequency", inputs, params).table
    row = table.iloc[0]  # the week of 4 March, one active day
    assert users_behind("frequency", inputs, params, row, "exactly").user_ids == ["ann", "eve"]
    assert users_behind("frequency", inputs, params, row, "at_least").user_ids == ["ann", "bob", "eve"]


# A chart's points that sum several rows (an average curve, a frequency bar averaged over the periods) or are a
# part of a row's users (a time-to-convert bucket).
NOT_A_ROW = {("retention", "curve"), ("frequency", "bars"), ("time_to_convert", "bars")}


@pytest.mark.parametrize("kind", GROUP_KINDS)
def test_every_point_of_a_chart_finds_the_one_row_it_draws(inputs: AnalysisInputs, kind: str) -> None:
    for settings in SETTINGS[kind]:
        result = run_analysis(kind, inputs, {**ANALYSES[kind].defaults(inputs.facts), **settings})
        for chart in result.charts:
            points = ([(label, c) for label in chart.row_labels for c in range(len(chart.column_labels))]
                      if chart.kind == "heatmap" else [("band", i) for i in range(len(chart.links))]
                      if chart.kind == "sankey" else
                      [(s.name, i) for s in chart.series if not s.dashed for i in range(len(s.x))])  # a previous range
            rows = [row_at_point(kind, result.table, chart, series, index) for series, index in points]
            if (kind, chart.kind) in NOT_A_ROW or "path" in result.table.columns:  # a band is no top journey
                assert rows == [None] * len(points), (kind, settings)
                continue
            found = [row for row in rows if row is not None]
            for name in {series for series, _ in points}:  # one row per point of a series
                mine = [row for (series, _), row in zip(points, rows, strict=True)
                        if series == name and row is not None]
                assert len(mine) == len(set(mine)), (kind, settings, chart.title, name)
            if chart.kind != "heatmap":  # a heat map's empty corner (a young cohort's later weeks) has no row
                assert len(found) == len(points), (kind, settings, chart.title)


def test_a_point_is_the_row_with_its_step_segment_period_or_cell(inputs: AnalysisInputs) -> None:
    funnel = run_analysis("funnel", inputs, {**ANALYSES["funnel"].defaults(inputs.facts),
                                             "steps": ["signup", "export", "pay"], "by": "plan"})
    row = row_at_point("funnel", funnel.table, funnel.charts[0], "pro", 1)
    assert funnel.table.iloc[row][["segment", "step"]].tolist() == ["pro", 2]
    active = run_analysis("active_users", inputs, {**ANALYSES["active_users"].defaults(inputs.facts),
                                                   "period": "week", "by": "plan"})
    row = row_at_point("active_users", active.table, active.charts[0], "free", 2)
    assert active.table.iloc[row][["segment", "period"]].tolist() == ["free", pd.Timestamp("2024-03-18")]
    retention = run_analysis("retention", inputs, {**ANALYSES["retention"].defaults(inputs.facts), "period": "week"})
    heatmap = retention.charts[0]
    row = row_at_point("retention", retention.table, heatmap, heatmap.row_labels[0], 1)
    assert retention.table.iloc[row][["cohort", "period_offset"]].tolist() == [pd.Timestamp("2024-03-04"), 1]
    assert row_at_point("retention", retention.table, heatmap, "no such cohort", 1) is None


def test_a_trend_lists_each_periods_users_of_a_series_and_not_those_of_its_previous_range(
        inputs: AnalysisInputs) -> None:
    params = {**ANALYSES["trends"].defaults(inputs.facts), "event": "export", "measure": "users", "formula": "divide",
              "event_b": "", "measure_b": "users", "compare_previous": "yes"}
    result = run_analysis("trends", inputs, params)
    chart = result.charts[0]
    row = row_at_point("trends", result.table, chart, chart.series[0].name, 1)  # the week of 11 March
    assert result.table.iloc[row]["period"] == pd.Timestamp("2024-03-11")
    groups = row_groups("trends", result.params, result.table, row)
    assert [(g.key, g.count) for g in groups] == [("a", 2), ("b", 3)]
    assert groups[0].label == "Did export in the week of 11 Mar 2024 (that period, not the previous range)"
    assert users_behind("trends", inputs, result.params, result.table.iloc[row], "a").user_ids == ["ann", "fay"]
    assert users_behind("trends", inputs, result.params, result.table.iloc[row], "b").user_ids == ["ann", "cat", "fay"]
    assert row_at_point("trends", result.table, chart, chart.series[1].name, 1) is None  # dashed: one range back


def test_a_trend_of_events_lists_who_did_them_as_many_as_its_users_column(inputs: AnalysisInputs) -> None:
    params = {**ANALYSES["trends"].defaults(inputs.facts), "event": "export", "formula": "divide", "event_b": "pay",
              "measure_b": "sum", "property_b": "platform"}  # text, never a number: B's sum is 0, its users are not
    result = run_analysis("trends", inputs, params)
    index = result.table.index[result.table["period"] == pd.Timestamp("2024-03-18")][0]
    row = result.table.iloc[index]
    assert (row["a"], row["a_users"], row["b_users"]) == (1, 1, 2)  # cat's export; cat and ann paid
    groups = row_groups("trends", result.params, result.table, index)
    assert [(g.key, g.count) for g in groups] == [("a", 1), ("b", 2)]
    assert [g.label for g in groups] == ["Did export in the week of 18 Mar 2024 (who did the events counted)",
                                         "Did pay in the week of 18 Mar 2024 (whose events' platform is summed)"]
    assert users_behind("trends", inputs, result.params, row, "a").user_ids == ["cat"]
    assert users_behind("trends", inputs, result.params, row, "b").user_ids == ["ann", "cat"]
    alone = run_analysis("trends", inputs, {**params, "formula": "", "measure": "per_user"})
    (group,) = row_groups("trends", alone.params, alone.table, 0)
    assert (group.count, group.label) == (2, "Did export in the week of 04 Mar 2024 (whom its events per user "
                                              "divide by)")  # ann twice, bob once: 1.5 per user
    assert alone.table["value"].iloc[0] == 1.5


def test_a_sessions_period_lists_who_started_a_session_in_it(inputs: AnalysisInputs) -> None:
    params = {**ANALYSES["sessions"].defaults(inputs.facts), "period": "week", "gap_minutes": 60}
    result = run_analysis("sessions", inputs, params)
    row = result.table.iloc[0]  # the week of 4 March: ann twice (10:10 to 11:30 is over an hour), bob twice, eve
    assert (row["sessions"], row["users"]) == (5, 3)
    (group,) = row_groups("sessions", result.params, result.table, 0)
    assert (group.key, group.count, group.label) == ("started", 3, "Started a session in the week of 04 Mar 2024")
    people = users_behind("sessions", inputs, result.params, row)
    assert people.user_ids == ["ann", "bob", "eve"] and people.frame["events"].tolist() == [5, 2, 2]
    point = row_at_point("sessions", result.table, result.charts[0], result.charts[0].series[0].name, 0)
    assert point == 0


def test_a_touchpoint_lists_who_did_its_event_in_the_range(inputs: AnalysisInputs) -> None:
    params = {**ANALYSES["touchpoint_time"].defaults(inputs.facts), "start": "2024-03-04", "end": "2024-03-12"}
    result = run_analysis("touchpoint_time", inputs, params)
    row = row_at_point("touchpoint_time", result.table, result.charts[0], "Median",
                       result.charts[0].series[0].x.index("export"))
    assert result.table.iloc[row]["event"] == "export"
    people = users_behind("touchpoint_time", inputs, result.params, result.table.iloc[row])
    assert people.user_ids == ["ann", "bob"]
    assert people.label == "Did export in the date range"
