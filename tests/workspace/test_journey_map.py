"""The journey map by hand: the top journeys kept, the rest folded into Other where they leave them (or into
(ended) where they stop), journeys leading to a touchpoint folded from it backwards, grouping rules and their
mistakes as messages, and the same result on an event log and on a DuckDB view."""

from __future__ import annotations

import pandas as pd
import pytest

from usagelens.analytics import EventLog
from usagelens.analytics.definitions import duckdb_backend
from usagelens.analytics.definitions.view_events import ViewEvents
from usagelens.analytics.journeys import fold_journeys
from usagelens.model import Project
from usagelens.workspace.analyses import AnalysisInputs, DataFacts, journey_map, run_analysis

JOURNEYS = pd.DataFrame({  # five journeys of 15 users from s
    "step_0": ["s"] * 5,
    "step_1": ["A", "A", "B", "C", "(ended)"],
    "step_2": ["B", "(ended)", "A", "A", "(ended)"],
    "users": [5, 4, 3, 2, 1],
})


def _rows(table: pd.DataFrame) -> list[tuple]:
    return list(table.itertuples(index=False, name=None))


def fold(journeys: pd.DataFrame, top: int, before: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The map's bands and top journeys from every journey taken, as an engine's ``top_journeys`` folds them."""
    return journey_map.fold(fold_journeys(journeys, top, before), before)


def test_journeys_past_the_top_fold_into_other_where_they_leave_the_kept_ones() -> None:
    links, paths = fold(JOURNEYS, 2, before=False)
    assert _rows(links) == [
        (1, "s", "A", 9, 9 / 15),  # both kept journeys
        (1, "s", "Other", 5, 5 / 15),  # B and C leave them at once
        (1, "s", "(ended)", 1, 1 / 15),  # the one that stopped stays (ended), not Other
        (2, "A", "B", 5, 5 / 15),
        (2, "A", "(ended)", 4, 4 / 15),
    ]
    assert _rows(paths) == [("s → A → B", 5, 5 / 15), ("s → A → (ended)", 4, 4 / 15),
                            ("Other (3 more journeys)", 6, 6 / 15)]


def test_a_folded_journey_follows_the_kept_ones_as_far_as_it_shares_their_steps() -> None:
    links, _ = fold(JOURNEYS, 1, before=False)  # only s → A → B kept: s → A → (ended) leaves it at step 2
    assert _rows(links[links["step"] == 2]) == [(2, "A", "B", 5, 5 / 15), (2, "A", "(ended)", 4, 4 / 15)]
    links, _ = fold(JOURNEYS, 10, before=False)  # every journey kept: no Other at all
    assert "Other" not in set(links["to_touchpoint"]) and links.groupby("step")["users"].sum().tolist() == [15, 14]


def test_journeys_leading_to_a_touchpoint_fold_from_it_backwards() -> None:
    mirrored = pd.DataFrame({"step_0": JOURNEYS["step_2"].replace("(ended)", "(start)"),
                             "step_1": JOURNEYS["step_1"].replace("(ended)", "(start)"),
                             "step_2": JOURNEYS["step_0"], "users": JOURNEYS["users"]})
    links, paths = fold(mirrored, 2, before=True)
    assert _rows(links) == [
        (1, "B", "A", 5, 5 / 15),
        (1, "(start)", "A", 4, 4 / 15),
        (2, "A", "s", 9, 9 / 15),
        (2, "Other", "s", 5, 5 / 15),
        (2, "(start)", "s", 1, 1 / 15),
    ]
    assert paths["path"].tolist() == ["B → A → s", "(start) → A → s", "Other (3 more journeys)"]


EVENTS = pd.DataFrame({
    "user": ["a", "a", "a", "a", "b", "b", "b", "solo"],
    "time": pd.to_datetime(["2024-03-04 10:00", "2024-03-04 10:01", "2024-03-04 10:02", "2024-03-04 10:03",
                            "2024-03-04 11:00", "2024-03-04 11:05", "2024-03-05 09:00", "2024-03-04 12:00"]),
    "event": ["signup", "view_home", "view_plans", "help_faq", "signup", "help_chat", "checkout", "signup"],
})
LOG = EventLog.from_frame(EVENTS, user="user", time="time", event="event")
PARAMS = {"event": "signup", "direction": "after", "depth": 3, "top": 10, "groups": "", "show": "links",
          "start": None, "end": None}


def _on_view() -> AnalysisInputs:
    view = duckdb_backend.register_frame(duckdb_backend.connect(memory_limit="256MB", threads=1), EVENTS,
                                         user="user", time="time", event="event")
    return AnalysisInputs(Project(name="view"), events=ViewEvents(view), facts=DataFacts())


@pytest.mark.parametrize("engine", ["log", "view"])
def test_grouped_touchpoints_on_either_engine(engine: str) -> None:
    inputs = AnalysisInputs(Project(name="log"), log=LOG) if engine == "log" else _on_view()
    result = run_analysis("journey_map", inputs, {**PARAMS, "groups": "Views = view_*; Help = re:^help_"})
    assert _rows(result.table) == [
        (1, "signup", "(ended)", 1, 1 / 3),  # solo did nothing else
        (1, "signup", "Help", 1, 1 / 3),
        (1, "signup", "Views", 1, 1 / 3),  # two views in a row: one visit
        (2, "Help", "checkout", 1, 1 / 3),
        (2, "Views", "Help", 1, 1 / 3),
        (3, "Help", "(ended)", 1, 1 / 3),  # ties by name: capitals first
        (3, "checkout", "(ended)", 1, 1 / 3),
    ]
    chart = result.charts[0]
    assert chart.kind == "sankey" and chart.column_labels == ["signup", "Step 1", "Step 2", "Step 3"]
    assert len(chart.links) == len(result.table) and "(ended)" in chart.muted
    paths = run_analysis("journey_map", inputs, {**PARAMS, "show": "paths", "top": 1})
    assert paths.table["path"].tolist() == ["signup → (ended)", "Other (2 more journeys)"]


@pytest.mark.parametrize(("change", "message"), [
    ({"groups": "Views"}, "Grouping rule 'Views' should read name = pattern"),
    ({"groups": "Other = view_*"}, "'Other' is a label the journey map uses"),
    ({"groups": "Help = re:help_("}, "not a valid regular expression"),
    ({"event": "Nowhere"}, "'Nowhere' is neither an event of the data nor a touchpoint"),
    ({"start": "2030-01-01", "end": "2030-01-02"}, "Nobody reached signup in this date range."),
])
def test_mistakes_are_one_sentence(change: dict, message: str) -> None:
    result = run_analysis("journey_map", AnalysisInputs(Project(name="log"), log=LOG), {**PARAMS, **change})
    assert result.empty and message in result.message


def test_a_rule_that_groups_nothing_is_noted() -> None:
    project_facts = DataFacts(events=tuple(LOG.event_names))
    inputs = AnalysisInputs(Project(name="log"), log=LOG, facts=project_facts)
    result = run_analysis("journey_map", inputs, {**PARAMS, "groups": "Pay = pay_*; Views = view_*"})
    assert not result.empty and result.message == "No event matches the grouping rule Pay."
