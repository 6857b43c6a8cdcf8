"""A warehouse's table as a source of the project (step 2 ▸ Connect): the project keeps the link and a preview
of the first rows, and every gallery analysis of events runs in the warehouse with the tables, charts and
messages of the same events imported into the project."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from usagelens.analytics.kpi import evaluate_kpi
from usagelens.analytics.kpi_series import kpi_series
from usagelens.io.warehouse.url import WarehouseError
from usagelens.model import (
    Cohort,
    KpiBinding,
    Project,
    SavedAnalysis,
    Source,
    SourceKind,
    WarehouseLink,
    load_project,
    save_project,
)
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, recompute, run_analysis
from usagelens.workspace.analyses.cohorts import LABEL
from usagelens.workspace.project_data import kpi_inputs
from usagelens.workspace.warehouse import ON_VIEWS, linked_source, preview

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}


def _link(database: Path, **where: str) -> WarehouseLink:
    return WarehouseLink(url=f"duckdb://{database}", tie_break="seq", **(where or {"table": "events"}))


def _linked_project(database: Path) -> Project:
    link = _link(database)
    return Project(name="linked", sources=[linked_source("Events", link, preview(link), ROLES)])


def test_the_preview_is_the_first_rows_as_they_are(database: Path, frame: pd.DataFrame) -> None:
    rows = preview(_link(database))
    assert len(rows) == 100 and list(rows.columns) == list(frame.columns)
    query = preview(_link(database, sql="SELECT user_id, event FROM events WHERE event = 'signup'"), limit=5)
    assert list(query.columns) == ["user_id", "event"] and set(query["event"]) == {"signup"} and len(query) == 5


@pytest.mark.parametrize(("where", "said"), [
    ({"table": "no_such_table"}, "no_such_table"),
    ({"sql": "DELETE FROM events"}, "SELECT"),
])
def test_a_bad_table_or_statement_is_one_sentence(database: Path, where: dict[str, str], said: str) -> None:
    with pytest.raises(WarehouseError) as raised:
        preview(_link(database, **where))
    assert said in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.parametrize("kind", sorted(ON_VIEWS))
def test_every_analysis_of_events_runs_in_the_warehouse_as_on_the_imported_events(
        kind: str, database: Path, frame: pd.DataFrame) -> None:
    imported = Project(name="imported", sources=[
        Source("Events", SourceKind.EVENTS, table=frame.drop(columns=["seq"]), roles=dict(ROLES))])
    in_memory = AnalysisInputs(imported)
    params = ANALYSES[kind].defaults(in_memory.facts)
    expected = run_analysis(kind, in_memory, params)
    linked = AnalysisInputs(_linked_project(database))
    assert linked.log is None and linked.events_elsewhere
    got = run_analysis(kind, linked, params)
    assert (got.empty, got.message) == (expected.empty, expected.message)
    pd.testing.assert_frame_equal(got.table, expected.table)
    assert [(c.kind, c.title, [s.name for s in c.series]) for c in got.charts] == \
        [(c.kind, c.title, [s.name for s in c.series]) for c in expected.charts]


def test_the_warehouse_gives_the_defaults_their_events_days_and_breakdowns(database: Path, frame: pd.DataFrame) -> None:
    facts = AnalysisInputs(_linked_project(database)).facts
    users = frame.groupby("event")["user_id"].nunique()
    assert set(facts.events) == set(frame["event"]) and users[facts.events[0]] == users.max()  # most users first
    assert (facts.first_day, facts.last_day) == (frame["timestamp"].min().date(), frame["timestamp"].max().date())
    assert dict(facts.attribute_values) == {"plan": ("free", "pro", "team"), "variant": ("A", "B")}
    assert facts.journey[0] == "signup" and not facts.dates_only  # the entry event, then the commonest


def test_the_link_is_saved_and_reopened_without_the_events(database: Path, tmp_path: Path) -> None:
    project = _linked_project(database)
    path = tmp_path / "linked.ulens"
    save_project(project, path)
    (source,) = load_project(path).sources
    assert source.link == _link(database) and len(source.table) == 100
    saved = SavedAnalysis("Weekly users", "active_users", {"period": "week"})
    assert recompute(load_project(path), saved).table.equals(recompute(project, saved).table)


def test_a_warehouse_table_combined_with_other_event_sources_is_said_when_the_analysis_runs(
        database: Path, frame: pd.DataFrame) -> None:
    project = _linked_project(database)
    project.sources.append(Source("Old export", SourceKind.EVENTS, table=frame.head(50), roles=dict(ROLES)))
    result = recompute(project, SavedAnalysis("Users", "active_users", {"period": "week"}))
    assert result.empty and "cannot be combined with other event sources" in result.message


def test_an_unreachable_warehouse_is_a_message_not_a_crash(database: Path, tmp_path: Path) -> None:
    project = _linked_project(database)
    project.sources[0].link = WarehouseLink(url=f"duckdb://{tmp_path / 'gone.duckdb'}", table="events")
    result = recompute(project, SavedAnalysis("Users", "active_users", {"period": "week"}))
    assert result.empty and result.message and "Traceback" not in result.message


@pytest.mark.parametrize("binding", [
    KpiBinding("active_users", {"period": "week"}),
    KpiBinding("adoption", {"event": "invite", "period": "week"}),
    KpiBinding("retention", {"period": "week", "offset": 2, "start_event": "signup"}),
    KpiBinding("funnel", {"steps": ["signup", "create", "upgrade"], "window_days": 14, "period": "month"}),
], ids=lambda binding: binding.metric)
def test_a_kpi_is_measured_in_the_warehouse_now_and_as_of_a_past_day(
        binding: KpiBinding, database: Path, frame: pd.DataFrame) -> None:
    imported = Project(name="imported", sources=[
        Source("Events", SourceKind.EVENTS, table=frame.drop(columns=["seq"]), roles=dict(ROLES))])
    linked = _linked_project(database)
    log = AnalysisInputs(imported).log
    for as_of in (None, date(2024, 2, 10)):
        expected = evaluate_kpi(binding, kpi_inputs(imported, log), as_of=as_of)
        got = evaluate_kpi(binding, kpi_inputs(linked, None), as_of=as_of)
        assert expected.value is not None and got == expected


INVITERS = Cohort("Inviters", conditions=[{"kind": "event_count", "event": "invite", "at_least": 2}])
PRO = Cohort("Pro", conditions=[{"kind": "attribute", "attribute": "plan", "op": "in", "values": ["pro"]}])


@pytest.mark.parametrize("kind", ["active_users", "funnel", "retention", "event_counts", "sessions"])
@pytest.mark.parametrize("cohort", [INVITERS, PRO], ids=lambda cohort: cohort.name)
def test_a_cohort_filters_an_analysis_in_the_warehouse_as_on_the_imported_events(
        kind: str, cohort: Cohort, database: Path, frame: pd.DataFrame) -> None:
    imported = Project(name="imported", cohorts=[cohort], sources=[
        Source("Events", SourceKind.EVENTS, table=frame.drop(columns=["seq"]), roles=dict(ROLES))])
    linked = _linked_project(database)
    linked.cohorts = [cohort]
    in_memory = AnalysisInputs(imported)
    params = {**ANALYSES[kind].defaults(in_memory.facts), "cohort": cohort.id}
    expected = run_analysis(kind, in_memory, params)
    got = run_analysis(kind, AnalysisInputs(linked), params)
    assert not expected.empty and (got.empty, got.message, got.cohort) == (expected.empty, expected.message,
                                                                           expected.cohort)
    pd.testing.assert_frame_equal(got.table, expected.table)


BREAKDOWNS = [(kind, by, "everyone") for kind in ("active_users", "funnel", "segments", "experiment", "trends",
                                                   "pain_points") for by in ("one", "every")]


BREAKDOWNS += [("active_users", "every", "Pro"), ("funnel", "one", "Pro"), ("experiment", "one", "Pro")]


@pytest.mark.parametrize(("kind", "by", "within"), BREAKDOWNS, ids=["-".join(case) for case in BREAKDOWNS])
def test_a_breakdown_by_cohort_runs_in_the_warehouse_as_on_the_imported_events(
        kind: str, by: str, within: str, database: Path, frame: pd.DataFrame) -> None:
    """Members of a cohort against everyone else, or each user's set of cohorts (inviters who are pro, …),
    optionally within a cohort: the same table, message and chart titles as on the events imported."""
    imported = Project(name="imported", cohorts=[PRO, INVITERS], sources=[
        Source("Events", SourceKind.EVENTS, table=frame.drop(columns=["seq"]), roles=dict(ROLES))])
    linked = _linked_project(database)
    linked.cohorts = [PRO, INVITERS]
    in_memory = AnalysisInputs(imported)
    params = {**ANALYSES[kind].defaults(in_memory.facts), "by": f"cohort:{INVITERS.id}" if by == "one" else "cohort:*",
              "cohort": PRO.id if within == "Pro" else ""}
    expected = run_analysis(kind, in_memory, params)
    got = run_analysis(kind, AnalysisInputs(linked), params)
    assert (got.empty, got.message) == (expected.empty, expected.message)  # a one-variant experiment: its words
    pd.testing.assert_frame_equal(got.table, expected.table)
    assert [(c.title, [s.name for s in c.series]) for c in got.charts] == \
        [(c.title, [s.name for s in c.series]) for c in expected.charts]


@pytest.mark.parametrize("dialect", ["bigquery", "snowflake", "trino", "databricks", "clickhouse", "postgres"])
def test_the_cohort_labels_compile_for_every_dialect(dialect: str, database: Path) -> None:
    """The label column's name is taken as it is (BigQuery: letters, digits, underscores), whatever the cohorts'
    names; those are only string literals."""
    import ibis
    import sqlglot

    from usagelens.analytics.definitions import standard_view
    from usagelens.analytics.definitions.cohorts import cohort_labels

    con = ibis.duckdb.connect(str(database), read_only=True)
    view = standard_view(con.table("events"), user="user_id", time="timestamp", event="event",
                         properties=["plan"], tie_break="seq")
    labels = cohort_labels(view, [(c.name + " “x”", c.conditions, c.match) for c in (PRO, INVITERS)],
                           none="(in no cohort)", column=LABEL)
    sql = ibis.to_sql(labels, dialect=dialect)
    con.disconnect()
    assert LABEL.isidentifier() and LABEL.isascii() and LABEL.lower() == LABEL
    assert sqlglot.parse_one(sql, read=dialect).named_selects[-1] == LABEL


@pytest.mark.parametrize(("binding", "period"), [
    (KpiBinding("active_users", {"period": "week"}), "day"),
    (KpiBinding("active_users", {"period": "week"}), "week"),
    (KpiBinding("adoption", {"event": "invite", "period": "week"}), "day"),
    (KpiBinding("adoption", {"event": "invite", "period": "week"}), "month"),
    (KpiBinding("retention", {"period": "week", "offset": 1, "start_event": "signup"}), "week"),
    (KpiBinding("retention", {"period": "week", "offset": 1, "start_event": "signup"}), "day"),
    (KpiBinding("retention", {"period": "day", "offset": 3, "mode": "on_or_after", "return_event": "invite"}), "week"),
    (KpiBinding("funnel", {"steps": ["signup", "create", "upgrade"], "window_days": 7}), "day"),
    (KpiBinding("funnel", {"steps": ["signup", "invite"], "window_days": 0, "order": "any"}), "week"),
], ids=lambda value: value if isinstance(value, str) else value.metric)
def test_a_kpi_over_time_is_measured_in_the_warehouse(
        binding: KpiBinding, period: str, database: Path, frame: pd.DataFrame) -> None:
    imported = Project(name="imported", sources=[
        Source("Events", SourceKind.EVENTS, table=frame.drop(columns=["seq"]), roles=dict(ROLES))])
    expected = kpi_series(binding, kpi_inputs(imported, AnalysisInputs(imported).log), period)
    got = kpi_series(binding, kpi_inputs(_linked_project(database), None), period)
    assert len(expected) >= 3  # months, weeks, days or cohorts
    pd.testing.assert_series_equal(got, expected)


def test_a_known_schema_is_read_through_its_preset(frame: pd.DataFrame, tmp_path: Path) -> None:
    """GA4's export (the time as microseconds, parameters in a list of records) linked with its preset gives
    the analyses of the same events imported flat."""
    path = tmp_path / "ga4.duckdb"
    with duckdb.connect(str(path)) as con:
        con.register("flat", frame)
        con.execute("""CREATE TABLE events_20240101 AS SELECT user_id AS user_pseudo_id,
                       epoch_us("timestamp") AS event_timestamp, event AS event_name, plan AS platform,
                       [{'key': 'seq', 'value': {'int_value': seq}}] AS event_params, seq FROM flat""")
    link = WarehouseLink(url=f"duckdb://{path}", table="events_20240101", tie_break="seq", preset="ga4")
    rows = preview(link)
    assert "event_time" in rows.columns  # made by the preset from the microseconds
    roles = {"user_id": "user_pseudo_id", "timestamp": "event_time", "event": "event_name"}
    linked = Project(name="ga4", sources=[linked_source("GA4", link, rows, roles)])
    flat = frame.drop(columns=["seq"]).rename(columns={"plan": "platform"})
    imported = Project(name="flat", sources=[Source("Events", SourceKind.EVENTS, table=flat, roles=dict(ROLES))])
    for kind, params in (("active_users", {"period": "week", "by": "platform"}), ("funnel", None)):
        in_memory = AnalysisInputs(imported)
        params = params or ANALYSES[kind].defaults(in_memory.facts)
        expected = run_analysis(kind, in_memory, params)
        got = run_analysis(kind, AnalysisInputs(linked), params)
        assert not expected.empty and got.message == expected.message
        pd.testing.assert_frame_equal(got.table, expected.table)
