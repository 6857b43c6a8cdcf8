"""Queries a linked source sends beside an analysis' own are kept in the project too (issue 15.3): those its
recipe asks while compiling (a type change's lost values, a note's examples), the users behind a row and one
user's timeline, and an analysis filtered to a cohort of listed users. Each is asked about first where BigQuery
estimates a scan over the threshold, kept with its time, not sent again, and answered with the warehouse gone.
``sent`` counts the queries the DuckDB warehouse really runs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import ibis.backends.duckdb
import pytest
from test_warehouse_cli import events_database, events_frame

from usagelens.io.warehouse import cost
from usagelens.model import Project, RecipeStep, SavedAnalysis, WarehouseLink, load_project, save_project
from usagelens.workspace import task_context, warehouse_results
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, rerun, run_analysis
from usagelens.workspace.kept_runs import ScanConfirmation, kept_run
from usagelens.workspace.people import listed_cohort, user_timeline, users_behind
from usagelens.workspace.warehouse import linked_source, preview

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
WEEKLY = SavedAnalysis("Weekly users", "active_users", {"period": "week"})
MONTHLY = SavedAnalysis("Monthly users", "active_users", {"period": "month"})
KEY = "0123456789abcdef" * 4
ESTIMATE = 5 * 10**9
RECIPE = [
    RecipeStep("change_type", {"column": "variant", "to": "date"}),  # every value lost: counted and quoted
    RecipeStep("rename_events", {"mapping": {"invite": "share", "tweet": "share"}}),  # no tweet: noted
    RecipeStep("exclude_users", {"column": "user_id", "users": ["u000", "u001"]}),  # the users excluded: counted
    RecipeStep("pseudonymise", {"columns": ["user_id"]}),
    RecipeStep("fill_missing", {"columns": ["plan"], "value": "none"}),  # after the key: the fills counted
]


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The queries the DuckDB warehouse runs from now on (each still runs there: this only counts them)."""
    queries: list[object] = []
    relation = ibis.backends.duckdb.Backend._to_duckdb_relation

    def counted(self, expr, **kwargs):  # type: ignore[no-untyped-def]
        queries.append(type(expr))
        return relation(self, expr, **kwargs)

    monkeypatch.setattr(ibis.backends.duckdb.Backend, "_to_duckdb_relation", counted)
    return queries


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each time BigQuery's dry run is asked (faked for DuckDB, which has none): it says 5 GB."""
    estimates: list[int] = []
    monkeypatch.setitem(cost.DRY_RUNS, "duckdb", lambda con, expr: estimates.append(ESTIMATE) or ESTIMATE)
    return estimates


def linked_project(database: Path) -> Project:
    link = WarehouseLink(url=f"duckdb://{database}", table="events", tie_break="seq")
    return Project(name="linked", sources=[linked_source("Events", link, preview(link), ROLES)])


def reopened(project: Project, database: Path, tmp_path: Path) -> Project:
    """``project`` saved and opened again with its warehouse gone: only the results it keeps can answer."""
    path = tmp_path / "linked.ulens"
    save_project(project, path)
    database.rename(tmp_path / "moved.duckdb")
    return load_project(path)


def test_a_recipes_queries_are_asked_about_kept_and_answered_with_the_warehouse_gone(
        tmp_path: Path, sent: list[object], asked: list[int]) -> None:
    database = events_database(tmp_path / "product.duckdb", events_frame())
    project = linked_project(database)
    project.recipes[project.sources[0].id] = RECIPE
    project.pseudonym_key = KEY
    sent.clear()
    with kept_run(confirm_above=10**9), pytest.raises(ScanConfirmation):
        rerun(AnalysisInputs(project), WEEKLY)
    assert asked == [ESTIMATE] and sent == []  # asked before the recipe's first query, not after its queries
    with kept_run(confirm_above=10**10) as first:
        weekly = rerun(AnalysisInputs(project), WEEKLY)
    assert not weekly.empty and len(asked) == 2
    steps = [query for query in _kept_queries(project) if '"source"' in query]  # asked over the table as it is
    assert len(steps) >= 4 and first.sent == len(sent)  # every query the warehouse ran went through the kept results
    assert KEY not in " ".join(steps) and KEY.encode() not in b"".join(project.warehouse_results.values())
    assert any(warehouse_results.KEY_SHOWN in query for query in steps)  # a step's query after pseudonymising

    sent.clear()
    with kept_run() as monthly:  # a new analysis: its own queries only, the recipe's kept answers reused
        rerun(AnalysisInputs(project), MONTHLY)
    assert 0 < monthly.sent == len(sent)
    assert not any('"source"' in query for query in _kept_queries(project)[-len(sent):])
    sent.clear()
    with kept_run(refresh=True) as refreshed:  # a refresh asks the recipe's queries again too
        assert rerun(AnalysisInputs(project), WEEKLY).table.equals(weekly.table)
    assert refreshed.sent == len(sent) == first.sent

    offline = reopened(project, database, tmp_path)
    offline.pseudonym_key = KEY  # from the keychain, where the file never holds it
    with kept_run() as again:
        shown = [rerun(AnalysisInputs(offline), analysis) for analysis in (WEEKLY, MONTHLY)]
    assert again.sent == 0 and shown[0].table.equals(weekly.table) and not shown[1].empty


def test_a_recipe_edited_after_a_querying_step_asks_that_step_nothing_again(tmp_path: Path, sent: list[object]) -> None:
    database = events_database(tmp_path / "product.duckdb", events_frame())
    project = linked_project(database)
    project.recipes[project.sources[0].id] = RECIPE[:2]
    rerun(AnalysisInputs(project), WEEKLY)
    steps = [query for query in _kept_queries(project) if '"source"' in query]
    project.recipes[project.sources[0].id] = [*RECIPE[:2], RecipeStep("filter_rows", {
        "column": "event", "operator": "not_one_of", "values": ["alert"]})]
    sent.clear()
    with kept_run() as edited:
        assert not rerun(AnalysisInputs(project), WEEKLY).empty
    assert 0 < edited.sent == len(sent)
    assert [query for query in _kept_queries(project) if '"source"' in query] == steps  # none asked again


@pytest.fixture
def both(tmp_path: Path) -> Iterator[tuple[Project, Path]]:
    database = events_database(tmp_path / "product.duckdb", events_frame())
    yield linked_project(database), database


def test_the_users_behind_a_row_and_a_timeline_are_asked_about_kept_and_answered_offline(
        both: tuple[Project, Path], tmp_path: Path, sent: list[object], asked: list[int]) -> None:
    project, database = both
    with kept_run() as computed:
        inputs = AnalysisInputs(project)
        params = {**ANALYSES["event_counts"].defaults(inputs.facts)}
        result = run_analysis("event_counts", inputs, params)
    row = result.table.iloc[0]
    with kept_run(confirm_above=10**9, since=computed.as_of), pytest.raises(ScanConfirmation):
        users_behind("event_counts", inputs, result.params, row)
    assert asked == [ESTIMATE]
    sent.clear()
    with kept_run(since=computed.as_of) as listing:
        people = users_behind("event_counts", inputs, result.params, row)
        timeline = user_timeline(inputs, people.user_ids[0])
    del inputs  # its connection closes: the file may be written to
    assert len(people) == row["users"] and 0 < listing.sent == len(sent)
    with kept_run(since=listing.as_of) as again:  # shown again: nothing sent
        assert users_behind("event_counts", AnalysisInputs(project), result.params, row).user_ids == people.user_ids
    assert again.sent == 0
    with duckdb.connect(str(database)) as con:  # a newcomer, then the analysis refreshed: the list follows it
        con.execute("INSERT INTO events SELECT 'newcomer', timestamp, event, plan, variant, seq + 100000 "
                    "FROM events WHERE user_id = 'u000'")
    with kept_run(refresh=True) as refreshed:
        row = run_analysis("event_counts", AnalysisInputs(project), params).table.iloc[0]
    with kept_run(since=refreshed.as_of) as relisted:
        assert "newcomer" in users_behind("event_counts", AnalysisInputs(project), result.params, row).user_ids
    assert relisted.sent

    offline = reopened(project, database, tmp_path)
    with kept_run() as shown:
        listed = users_behind("event_counts", AnalysisInputs(offline), result.params, row)
        again_timeline = user_timeline(AnalysisInputs(offline), people.user_ids[0])
    assert shown.sent == 0 and "newcomer" in listed.user_ids and again_timeline.equals(timeline)


def test_a_cohort_of_many_listed_users_is_kept_small_and_answered_offline(
        tmp_path: Path, sent: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "many.duckdb"
    with duckdb.connect(str(database)) as con:  # 10,000 users, two events each
        con.execute("CREATE TABLE events AS SELECT 'user-' || lpad((i // 2)::VARCHAR, 6, '0') AS user_id, "
                    "TIMESTAMP '2024-01-01' + to_minutes(i * 13) AS timestamp, "
                    "CASE WHEN i % 2 = 0 THEN 'signup' ELSE 'view' END AS event, i AS seq FROM range(20000) t(i)")
    # A result is kept up to 8 MB; written out, a list of the 140,000 users a funnel step may hold took more.
    monkeypatch.setattr(warehouse_results, "MAX_KEPT_RESULT_BYTES", 256 * 2**10)
    project = linked_project(database)
    inputs = AnalysisInputs(project)
    result = run_analysis("event_counts", inputs, ANALYSES["event_counts"].defaults(inputs.facts))
    signup = result.table[result.table["event"] == "signup"].iloc[0]
    people = users_behind("event_counts", inputs, result.params, signup)
    assert len(people) == 10_000
    project.cohorts.append(listed_cohort(project, people, "Everyone who signed up"))
    filtered = SavedAnalysis("Weekly users who signed up", "active_users",
                             {"period": "week", "cohort": project.cohorts[0].id})
    kept = set(project.warehouse_results)
    sent.clear()
    with kept_run() as first:
        weekly = rerun(AnalysisInputs(project), filtered)
    assert not weekly.empty and 0 < first.sent == len(sent)
    new = [project.warehouse_results[digest] for digest in set(project.warehouse_results) - kept]
    assert len(new) == first.sent and max(map(len, new)) < 64 * 2**10  # the list by its digest, not written out
    with kept_run() as again:
        assert rerun(AnalysisInputs(project), filtered).table.equals(weekly.table)
    assert again.sent == 0
    offline = reopened(project, database, tmp_path)
    with kept_run() as shown:
        assert rerun(AnalysisInputs(offline), filtered).table.equals(weekly.table)
    assert shown.sent == 0


def _kept_queries(project: Project) -> list[str]:
    """The query of each result kept in ``project``, oldest first."""
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    from usagelens.io.warehouse.results import METADATA

    return [json.loads(pq.read_table(pa.BufferReader(data)).schema.metadata[METADATA])["key"]["query"]
            for data in project.warehouse_results.values()]


def test_a_cancel_stops_a_recipes_postgresql_query_and_the_step_does_not_fail_silently() -> None:
    """A step's query under way stops when the task is cancelled, as an analysis' does: the recipe is not
    compiled with that step failed (its analysis would be kept as the cleaned events' without the step)."""
    import ibis
    import postgres_cluster

    cluster = postgres_cluster.cluster()
    con = ibis.postgres.connect(**cluster.connection)
    con.create_table("step_events", events_frame(), overwrite=True)
    con.raw_sql("CREATE OR REPLACE VIEW sleepy_step_events AS SELECT * FROM step_events "
                "WHERE (SELECT pg_sleep(60)) IS NOT NULL").close()
    con.disconnect()
    link = WarehouseLink(url=f"postgres://postgres@127.0.0.1:{cluster.port}/postgres", table="sleepy_step_events",
                         tie_break="seq")
    project = Project(name="linked", sources=[linked_source("Events", link, events_frame().head(100), ROLES)])
    project.recipes[project.sources[0].id] = RECIPE[1:2]  # asks which of its events are in the data
    cancel, stops, outcome = threading.Event(), [], []

    def stop_when_querying(stop: object) -> None:
        if stop is not None:
            stops.append(stop)

    def work() -> None:
        with task_context.reporting_to(lambda f: None, cancel.is_set, stop_when_querying):
            try:
                warehouse_results.KeptResults(project, project.sources[0])
                outcome.append("compiled")
            except warehouse_results.Cancelled:
                outcome.append("cancelled")
            except Exception as error:  # noqa: BLE001 - shown by the assertion
                outcome.append(repr(error))

    thread = threading.Thread(target=work, daemon=True)
    started = time.monotonic()
    thread.start()
    while not stops and time.monotonic() - started < 30:
        time.sleep(0.05)
    assert stops, "the step's query never started"
    cancel.set()
    stops[-1]()  # what the worker's cancel calls, from the cancelling thread
    thread.join(30)
    assert not thread.is_alive() and outcome == ["cancelled"] and time.monotonic() - started < 30
    assert project.warehouse_results == {}  # nothing was answered, the view's columns included
