"""People on a warehouse's table: the users behind a period's active users (in a segment too), its lifecycle states and
active-days buckets, a funnel step (reached or dropped, in a segment), a period of entering a funnel, a step's time
to convert, what drop-outs did next, an event, its adoption, a retention cell (back or not), a segment, a trend's
period (of users or any event, or of the events or values counted), a sessions period, a touchpoint, a journey map's
bands, touchpoints and top journeys, an experiment's variants, a journey step's pain points and a conversion driver's
converted and dropped users (every kind of group) are listed by queries in the warehouse, the same users as the same
events imported list, a cohort's and a breakdown's too; one user's timeline is their events in order with their
sessions."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from test_warehouse_cli import events_database

from usagelens.model import Cohort, Project, Source, SourceKind, WarehouseLink
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, run_analysis
from usagelens.workspace.people import GROUP_KINDS, NotUsers, row_groups, user_timeline, users_behind
from usagelens.workspace.warehouse import linked_source, preview

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}


@pytest.fixture(scope="module")
def both(frame: pd.DataFrame, database: Path) -> tuple[AnalysisInputs, AnalysisInputs]:
    """(the events imported, the same events linked in the DuckDB file of conftest's ``database``)."""
    link = WarehouseLink(url=f"duckdb://{database}", table="events", tie_break="seq")
    imported = Project(name="imported", sources=[
        Source("Events", SourceKind.EVENTS, table=frame.drop(columns=["seq"]), roles=dict(ROLES))])
    linked = Project(name="linked", sources=[linked_source("Events", link, preview(link), ROLES)])
    return AnalysisInputs(imported), AnalysisInputs(linked)


SETTINGS = [
    ("funnel", {}),
    ("funnel", {"order": "strict", "window_days": 3}),
    ("funnel", {"exclude": "alert"}),
    ("event_counts", {}),
    ("adoption", {}),
    ("journey_map", {"event": "upgrade", "depth": 6, "top": 3, "groups": "Work = re:^(create|invite)$"}),  # (ended)
    ("journey_map", {"show": "paths", "top": 4}),  # each top journey, and Other
    ("journey_map", {"event": "alert", "direction": "before", "depth": 3, "top": 2}),  # (start) and Other
    ("trends", {"event": "create", "measure": "users"}),
    ("trends", {"event": "view", "measure": "events", "formula": "divide", "event_b": "invite", "measure_b": "users",
                "period": "month", "start": "2024-01-10", "end": "2024-02-20"}),  # a range inside its months
    ("touchpoint_time", {"start": "2024-01-15", "end": "2024-02-15"}),
    ("trends", {"event": "view", "measure": "per_user", "period": "month", "start": "2024-01-10", "end": "2024-02-20"}),
    ("trends", {"event": "create", "measure": "events", "formula": "subtract", "event_b": "invite",
                "measure_b": "events", "compare_previous": "yes"}),
    ("sessions", {"period": "week"}),
    ("sessions", {"period": "month", "gap_minutes": 5, "start": "2024-01-10", "end": "2024-02-20"}),  # months cut
    ("active_users", {"period": "week"}),
    ("active_users", {"period": "month", "start": "2024-01-10", "end": "2024-02-20"}),
    ("active_users", {"period": "week", "by": "plan"}),
    ("trends", {"event": "", "measure": "users", "period": "week"}),  # any event: active
    ("trends", {"event": "", "measure": "events", "formula": "divide", "event_b": "create", "measure_b": "users",
                "period": "month", "by": "variant", "counted": "last"}),
    ("lifecycle", {"period": "week"}),
    ("lifecycle", {"period": "month", "start": "2024-01-10", "end": "2024-02-20"}),  # counts whole months
    ("frequency", {"period": "week", "start": "2024-01-10", "end": "2024-02-20"}),
    ("retention", {"period": "week", "max_periods": 4}),
    ("retention", {"period": "week", "mode": "on_or_after", "start_event": "create", "return_event": "invite",
                   "max_periods": 3}),
    ("retention", {"period": "month", "start": "2024-01-10", "end": "2024-02-20"}),
    ("segments", {"by": "plan"}),
    ("funnel_over_time", {"period": "week"}),
    ("funnel_over_time", {"period": "month", "order": "strict", "window_days": 7, "start": "2024-01-10"}),
    ("time_to_convert", {"exclude": "alert"}),
    ("experiment", {"by": "variant", "goal": "upgrade"}),
    ("after_dropping", {"steps": ["signup", "create", "upgrade"], "dropped_at": 2, "window_days": 7}),
    ("after_dropping", {"steps": ["view", "signup"], "dropped_at": 1, "start": "2024-02-20"}),  # nothing later too
    ("after_dropping", {"steps": ["view", "invite"], "order": "strict", "top": 3}),  # the top 3 only
    ("pain_points", {"errors": "alert", "min_users": 1}),
    ("conversion_drivers", {"steps": ["signup", "create", "invite"], "window_days": 7, "attributes": "plan, variant",
                            "start": "2024-01-05", "end": "2024-02-20"}),  # events in the range only
    ("conversion_drivers", {"steps": ["create", "invite"], "order": "strict", "window_days": 0, "exclude": "alert",
                            "exclude_step": 1, "attributes": "variant"}),
]


@pytest.mark.parametrize(("kind", "settings"), SETTINGS, ids=[f"{k}-{i}" for i, (k, _) in enumerate(SETTINGS)])
def test_the_warehouse_lists_the_users_the_imported_events_list(
        both: tuple[AnalysisInputs, AnalysisInputs], kind: str, settings: dict[str, object]) -> None:
    _assert_same_users(*both, kind, settings)


@pytest.fixture(scope="module")
def changing(frame: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> tuple[AnalysisInputs, AnalysisInputs]:
    """(imported, linked) events whose plan changes halfway for every other user, with two cohorts."""
    halfway = frame.groupby("user_id").cumcount() >= frame.groupby("user_id")["event"].transform("size") // 2
    changes = frame["user_id"].str[-1].isin(list("02468")) & halfway
    events = frame.assign(plan=frame["plan"].where(~changes, "team"))
    cohorts = [Cohort("Creators", conditions=[{"kind": "event_count", "event": "create", "at_least": 3}],
                      id="creators"),
               Cohort("Team", conditions=[{"kind": "attribute", "attribute": "plan", "op": "in", "values": ["team"]}])]
    link = WarehouseLink(url=f"duckdb://{events_database(tmp_path_factory.mktemp('changing') / 'p.duckdb', events)}",
                         table="events", tie_break="seq")
    imported = Project(name="imported", cohorts=cohorts, sources=[
        Source("Events", SourceKind.EVENTS, table=events.drop(columns=["seq"]), roles=dict(ROLES))])
    linked = Project(name="linked", cohorts=cohorts, sources=[linked_source("Events", link, preview(link), ROLES)])
    return AnalysisInputs(imported), AnalysisInputs(linked)


SEGMENTED = [
    ("active_users", {"period": "week", "by": "plan", "counted": "last"}),  # the plan of each user's last event
    ("trends", {"event": "create", "measure": "users", "period": "month", "by": "plan"}),
    ("segments", {"by": "plan", "counted": "last"}),
    ("active_users", {"period": "month", "by": "cohort:creators"}),  # a breakdown by cohort: a customer attribute
    ("funnel", {"by": "cohort:*", "window_days": 7}),  # every cohort
    ("funnel", {"steps": ["create", "invite", "upgrade"], "by": "plan", "exclude": "alert", "exclude_step": 2,
                "start": "2024-01-20"}),  # the plan of the create each user entered with: some after it changed
    ("retention", {"period": "week", "max_periods": 3, "cohort": "creators"}),  # filtered to a cohort
    ("lifecycle", {"period": "month", "cohort": "creators"}),
    ("frequency", {"period": "week", "start": "2024-01-20", "end": "2024-02-10", "cohort": "creators"}),
    ("experiment", {"by": "plan", "goal": "invite", "start": "2024-02-01"}),  # the plan of the first event then
    ("pain_points", {"errors": "alert", "by": "plan", "counted": "last", "min_users": 1}),
    ("conversion_drivers", {"steps": ["signup", "invite"], "window_days": 14, "attributes": "plan",
                            "cohort": "creators"}),  # the plan of the signup each user entered with
]


@pytest.mark.parametrize(("kind", "settings"), SEGMENTED, ids=[f"{k}-{i}" for i, (k, _) in enumerate(SEGMENTED)])
def test_a_segment_or_cohort_lists_the_users_the_imported_events_list(
        changing: tuple[AnalysisInputs, AnalysisInputs], kind: str, settings: dict[str, object]) -> None:
    _assert_same_users(*changing, kind, settings)


def _assert_same_users(imported: AnalysisInputs, linked: AnalysisInputs, kind: str,
                       settings: dict[str, object]) -> None:
    """Every group of the rows of ``kind``'s table (:func:`_spread`): the same users, labels and activity on both,
    as many as the table counts."""
    params = {**ANALYSES[kind].defaults(imported.facts), **settings}
    result = run_analysis(kind, imported, params)
    assert not result.empty, result.message
    listed = 0
    for index in _spread(len(result.table)):
        row = result.table.iloc[index]
        for group in row_groups(kind, result.params, result.table, index):
            expected = users_behind(kind, imported, result.params, row, group.key)
            got = users_behind(kind, linked, result.params, row, group.key)
            assert sorted(got.user_ids) == sorted(expected.user_ids), (kind, index, group.key)
            assert len(got) == group.count and got.label == expected.label
            by_user = expected.frame.set_index("user_id").loc[got.user_ids, ["events", "first_seen", "last_seen"]]
            pd.testing.assert_frame_equal(got.frame.set_index("user_id")[["events", "first_seen", "last_seen"]],
                                          by_user)
            listed += len(got)
    assert listed


def _spread(rows: int, most: int = 12) -> list[int]:
    """Every row of a short table; of a long one (a retention grid, a frequency table's days × weeks) ``most``
    spread evenly from the first to the last, which keeps the file's run short."""
    return sorted({round(i * (rows - 1) / (most - 1)) for i in range(most)}) if rows > most else list(range(rows))


def test_a_timeline_from_the_warehouse_is_the_imported_one(both: tuple[AnalysisInputs, AnalysisInputs],
                                                           frame: pd.DataFrame) -> None:
    imported, linked = both
    busiest = frame["user_id"].value_counts().index[0]
    got, expected = user_timeline(linked, busiest), user_timeline(imported, busiest)
    columns = ["time", "kind", "what", "session"]
    pd.testing.assert_frame_equal(got[columns], expected[columns])
    assert got["session"].max() >= 1 and len(got) == (frame["user_id"] == busiest).sum()
    with pytest.raises(NotUsers, match="no events, answers or payments of user nobody"):
        user_timeline(linked, "nobody")


def test_every_kind_of_group_is_listed_on_a_warehouse() -> None:
    assert set(GROUP_KINDS) <= {kind for kind, _ in SETTINGS}
