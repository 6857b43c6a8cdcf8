"""A linked source's warehouse results kept in the project (issue 15.3): an analysis shown again, or the project
reopened, answers from them without a query and says how old they are; a refresh queries again; a cancel stops
the query under way; BigQuery's estimate asks before a first run; a failure leaves the kept results intact."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from test_warehouse_cli import events_database, events_frame

from usagelens.analytics.kpi import KpiValue, evaluate_kpi
from usagelens.io.warehouse import cost
from usagelens.model import (
    Finding,
    KpiBinding,
    Objective,
    Project,
    SavedAnalysis,
    Source,
    SourceKind,
    WarehouseLink,
    load_project,
    save_project,
)
from usagelens.model.file_limits import MAX_KEPT_RESULTS_BYTES
from usagelens.workspace import task_context, warehouse_results
from usagelens.workspace.analyses import AnalysisInputs, recompute, rerun
from usagelens.workspace.evidence import finding_evidence
from usagelens.workspace.join_report import join_reports
from usagelens.workspace.kept_runs import KeptRun, ScanConfirmation, english_as_of_text, kept_run
from usagelens.workspace.project_data import kpi_inputs, last_data_day
from usagelens.workspace.review_board import objective_statuses
from usagelens.workspace.summary import gather_summary
from usagelens.workspace.warehouse import linked_source, preview

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
WEEKLY = SavedAnalysis("Weekly users", "active_users", {"period": "week"})


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A DuckDB file of its own per test: tests add rows to it, or delete it."""
    return events_database(tmp_path / "product.duckdb", events_frame())


def linked_project(database: Path) -> Project:
    link = WarehouseLink(url=f"duckdb://{database}", table="events", tie_break="seq")
    return Project(name="linked", sources=[linked_source("Events", link, preview(link), ROLES)])


def test_a_result_shown_again_or_reopened_is_answered_from_the_project(database: Path, tmp_path: Path) -> None:
    project = linked_project(database)
    with kept_run() as first:
        computed = rerun(AnalysisInputs(project), WEEKLY)
    assert not computed.empty and first.as_of is not None and project.warehouse_results
    path = tmp_path / "linked.ulens"
    save_project(project, path)
    database.rename(tmp_path / "moved.duckdb")  # the warehouse is gone: only kept results can answer
    reopened = load_project(path)
    assert reopened.warehouse_results == project.warehouse_results
    with kept_run() as again:
        shown = rerun(AnalysisInputs(reopened), WEEKLY)
    pd.testing.assert_frame_equal(shown.table, computed.table)
    assert again.as_of == first.as_of and shown.message == computed.message


def test_a_refresh_queries_the_warehouse_again(database: Path) -> None:
    project = linked_project(database)
    with kept_run() as first:
        before = rerun(AnalysisInputs(project), WEEKLY)
    with duckdb.connect(str(database)) as con:  # a new user arrives in the warehouse
        con.execute("INSERT INTO events SELECT 'newcomer', timestamp, event, plan, variant, seq + 100000 "
                    "FROM events WHERE user_id = 'u000'")
    with kept_run() as kept:
        assert rerun(AnalysisInputs(project), WEEKLY).table.equals(before.table)
    assert kept.as_of == first.as_of
    with kept_run(refresh=True) as refreshed:
        after = rerun(AnalysisInputs(project), WEEKLY)
    assert after.table["active_users"].sum() > before.table["active_users"].sum()
    assert refreshed.as_of is not None and first.as_of is not None and refreshed.as_of > first.as_of
    with kept_run() as later:  # the refreshed results are the kept ones now
        assert rerun(AnalysisInputs(project), WEEKLY).table.equals(after.table)
    assert later.as_of == refreshed.as_of


def test_an_unreachable_warehouse_is_one_sentence_and_keeps_what_was_kept(database: Path, tmp_path: Path) -> None:
    project = linked_project(database)
    rerun(AnalysisInputs(project), WEEKLY)
    kept = dict(project.warehouse_results)
    shutil.move(database, tmp_path / "moved.duckdb")
    funnel = SavedAnalysis("Funnel", "funnel", {"steps": ["signup", "create"]})
    result = rerun(AnalysisInputs(project), funnel)  # never asked before: the warehouse must answer
    assert result.empty and result.message.count(". ") == 0 and "product.duckdb" in result.message
    assert project.warehouse_results == kept and project.sources[0].link is not None
    assert not rerun(AnalysisInputs(project), WEEKLY).empty  # what was kept still shows


def test_the_kept_results_stay_within_their_budget_the_oldest_going_first(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = linked_project(database)
    rerun(AnalysisInputs(project), WEEKLY)
    first = set(project.warehouse_results)
    monkeypatch.setattr(warehouse_results, "MAX_KEPT_RESULTS_BYTES", sum(map(len, project.warehouse_results.values())))
    rerun(AnalysisInputs(project), SavedAnalysis("Monthly users", "active_users", {"period": "month"}))
    assert sum(map(len, project.warehouse_results.values())) <= warehouse_results.MAX_KEPT_RESULTS_BYTES
    assert first - set(project.warehouse_results) and set(project.warehouse_results) - first
    assert warehouse_results.MAX_KEPT_RESULTS_BYTES < MAX_KEPT_RESULTS_BYTES


def test_bigquerys_estimate_asks_before_a_first_run_and_not_for_kept_results(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def dry_run(con: object, expr: object) -> int:  # the boundary: BigQuery's dry run, free and never billed
        asked.append(type(con).__name__)
        return 5 * 10**9

    monkeypatch.setitem(cost.DRY_RUNS, "duckdb", dry_run)
    project = linked_project(database)
    inputs = AnalysisInputs(project)
    with kept_run(confirm_above=10**9), pytest.raises(ScanConfirmation) as question:
        rerun(inputs, WEEKLY)
    assert question.value.size == 5 * 10**9 and len(asked) == 1
    with kept_run(confirm_above=10**10) as under:  # under the threshold: it just runs, asking BigQuery once
        result = rerun(AnalysisInputs(project), WEEKLY)
    assert not result.empty and under.as_of is not None and len(asked) == 2
    with kept_run(confirm_above=10**9):  # kept: nothing is sent, so nothing to estimate
        assert rerun(AnalysisInputs(project), WEEKLY).table.equals(result.table)
    assert len(asked) == 2


def test_a_cancel_interrupts_the_duckdb_query_under_way(database: Path) -> None:
    project = linked_project(database)
    kept = warehouse_results.KeptResults(project, project.sources[0])
    view = kept.view
    slow = view.select("user_id")  # four times the events crossed with each other: hours of work
    for n in range(3):
        slow = slow.cross_join(view.select(**{f"u{n}": view.user_id}))
    assert _cancelled_while_querying(kept, slow.aggregate(n=slow.u0.length().sum())) == ["cancelled"]


def test_a_cancel_stops_its_own_query_and_not_the_newer_one_waiting(database: Path) -> None:
    project = linked_project(database)
    kept = warehouse_results.KeptResults(project, project.sources[0])
    view = kept.view
    slow = view.select("user_id")
    for n in range(3):
        slow = slow.cross_join(view.select(**{f"u{n}": view.user_id}))
    rows = view.aggregate(rows=view.count())
    ended = _cancelled_while_querying(kept, slow.aggregate(n=slow.u0.length().sum()), lambda: kept.answer(rows))
    assert ended[0] == "cancelled" and ended[1].column("rows").to_pylist() == [len(events_frame())]


def test_the_report_says_how_old_a_findings_warehouse_results_are(database: Path) -> None:
    project = linked_project(database)
    before = datetime.now(UTC)
    rerun(AnalysisInputs(project), WEEKLY)
    evidence = finding_evidence(AnalysisInputs(project), Finding("Users grow", analysis=WEEKLY))
    assert evidence is not None and "warehouse results as of" in evidence.data_range
    assert before.astimezone().strftime("%-d %b %Y") in evidence.data_range
    assert recompute(project, WEEKLY).table.equals(rerun(AnalysisInputs(project), WEEKLY).table)


def _cancelled_while_querying(kept: warehouse_results.KeptResults, expr: object,
                              meanwhile: Callable[[], object] | None = None) -> list[str]:
    """Ask ``expr`` on a worker thread as a task would, cancel once its query is under way (and ``meanwhile``
    has started on another thread: a newer task); what it ended with."""
    cancel, stop, started, outcome = threading.Event(), [], threading.Event(), []

    def stops(what: object) -> None:
        stop.append(what)
        if what is not None:
            started.set()

    def work() -> None:
        with task_context.reporting_to(lambda f: None, cancel.is_set, stops):
            try:
                kept.answer(expr)  # type: ignore[arg-type]
                outcome.append("answered")
            except warehouse_results.Cancelled:
                outcome.append("cancelled")
            except Exception as error:  # noqa: BLE001 - shown by the assertion
                outcome.append(repr(error))

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    assert started.wait(60)
    newer = threading.Thread(target=lambda: outcome.append(meanwhile()), daemon=True) if meanwhile else None
    if newer is not None:
        newer.start()
    cancel.set()
    stop[-1]()  # what the worker's cancel calls, from the cancelling thread
    for worker in (thread, newer):
        if worker is not None:
            worker.join(60)
            assert not worker.is_alive()
    return outcome


@pytest.fixture
def postgres_events() -> str:
    """The events in the throw-away PostgreSQL, also behind a view that sleeps a minute first."""
    import ibis
    import postgres_cluster

    cluster = postgres_cluster.cluster()
    con = ibis.postgres.connect(**cluster.connection)
    con.create_table("kept_events", events_frame(), overwrite=True)
    con.raw_sql("CREATE OR REPLACE VIEW sleepy_events AS SELECT * FROM kept_events "
                "WHERE (SELECT pg_sleep(60)) IS NOT NULL").close()
    con.disconnect()
    return f"postgres://postgres@127.0.0.1:{cluster.port}/postgres"


def test_a_cancel_stops_a_postgresql_query_and_closes_its_connection(postgres_events: str) -> None:
    link = WarehouseLink(url=postgres_events, table="sleepy_events", tie_break="seq")
    rows = events_frame().head(100)
    project = Project(name="linked", sources=[linked_source("Events", link, rows, ROLES)])
    kept = warehouse_results.KeptResults(project, project.sources[0])
    assert _cancelled_while_querying(kept, kept.view.aggregate(n=kept.view.count())) == ["cancelled"]
    assert kept._real is None  # abandoned: the next query connects anew
    assert len(project.warehouse_results) == 1  # the view's columns only: nothing was answered


def test_a_closed_postgresql_port_is_one_sentence() -> None:
    import postgres_cluster

    closed = postgres_cluster._free_port()
    link = WarehouseLink(url=f"postgres://postgres@127.0.0.1:{closed}/postgres", table="events")
    project = Project(name="linked", sources=[linked_source("Events", link, events_frame().head(100), ROLES)])
    result = rerun(AnalysisInputs(project), WEEKLY)
    assert result.empty and f"127.0.0.1:{closed}" in result.message and "\n" not in result.message
    assert project.sources[0].link == link and project.warehouse_results == {}


def test_results_of_pseudonymised_events_belong_to_their_key(database: Path) -> None:
    from usagelens.cleaning.pseudonymise import RECIPE_STEP
    from usagelens.model import RecipeStep

    project = linked_project(database)
    kept = warehouse_results.KeptResults(project, project.sources[0])
    plain = kept.key("SELECT 1")
    project.pseudonym_key = "a key"
    assert kept.key("SELECT 1") == plain  # nothing pseudonymised: the key does not matter
    project.recipes[project.sources[0].id] = [RecipeStep(RECIPE_STEP, {"columns": ["user_id"]})]
    first = kept.key("SELECT 1")
    project.pseudonym_key = "another key"
    assert kept.key("SELECT 1").digest not in {first.digest, plain.digest}
    assert "a key" not in str(first.described()) and "another key" not in str(kept.key("SELECT 1").described())


def test_each_query_sent_moves_the_tasks_progress_and_kept_results_do_not(database: Path) -> None:
    project = linked_project(database)
    said: list[float] = []
    with task_context.reporting_to(said.append, lambda: False):
        rerun(AnalysisInputs(project), WEEKLY)
        sent = list(said)
        rerun(AnalysisInputs(project), WEEKLY)
    assert len(sent) >= 3 and sent == sorted(sent) and 0.5 < sent[0] and sent[-1] < 1
    assert said == sent  # answered from the project: nothing was sent, nothing moved


def _reviewed_project(database: Path) -> Project:
    """The linked events with customers (40 of the 60 users), two objectives asking the same weekly users, and a
    finding without a pinned chart."""
    project = linked_project(database)
    users = sorted(events_frame()["user_id"].unique())[:40]
    project.sources.append(Source("CRM", SourceKind.CUSTOMERS, table=pd.DataFrame({"user_id": users}),
                                  roles={"user_id": "user_id"}))
    project.objectives = [Objective("More weekly users", binding=KpiBinding("active_users", {"period": "week"})),
                          Objective("Weekly users stay", binding=KpiBinding("active_users", {"period": "week"}))]
    project.findings = [Finding("Users grow", analysis=WEEKLY)]
    return project


def _measured(project: Project, refresh: bool = False) -> tuple[KpiValue, dict[str, float | None], str, date | None,
                                                                KeptRun]:
    """Step 1's current value of the first KPI, step 8's board, step 2's join note and the last day of data, and
    the run that says how old the results they came from are (each page shows its own run's time)."""
    with kept_run(refresh) as run:
        value = evaluate_kpi(project.objectives[0].binding, kpi_inputs(project, None))  # type: ignore[arg-type]
        board = {row.objective.id: row.value for row in objective_statuses(project, kpi_inputs(project, None))}
        with kept_run(refresh) as join:
            note = " ".join(report.summary() for report in join_reports(project))
        assert join.as_of is not None  # the join note's time, shown under it
        last = last_data_day(project)
    return value, board, note, last, run


def test_kpis_the_board_the_join_note_and_the_report_answer_from_kept_results(
        database: Path, tmp_path: Path, pdf_text: Callable[[Path], str], qapp: object) -> None:
    project = _reviewed_project(database)
    value, board, note, last, first = _measured(project)
    assert value.value is not None and None not in board.values() and first.sent
    assert "40 of 60 event users in its warehouse" in note
    summary = gather_summary(project)
    assert summary.warehouse_as_of is not None and summary.rows_of(project.sources[0]) == len(events_frame())
    path = tmp_path / "linked.ulens"
    save_project(project, path)
    database.unlink()  # the warehouse is gone: only the results kept in the project can answer
    reopened = load_project(path)
    *shown, again = _measured(reopened)
    assert shown == [value, board, note, last] and again.sent == 0 and again.as_of == first.as_of
    kept = gather_summary(reopened)
    assert kept.rows_of(reopened.sources[0]) == len(events_frame()) and kept.data_range == summary.data_range
    assert kept.board[0].value == value.value and kept.warehouse_as_of == summary.warehouse_as_of
    from usagelens.report.pdf import export_pdf

    export_pdf(kept, tmp_path / "report.pdf")
    text = pdf_text(tmp_path / "report.pdf")
    when = english_as_of_text(kept.warehouse_as_of)  # type: ignore[arg-type]
    assert f"Warehouse results as of {when} (kept in the project)" in text
    assert "drawn from the warehouse results as of" in text and "today's data" not in text
    assert "Check: Re-computed on the warehouse results as of" in text  # the finding has no numbers pinned
    assert "Today:" not in text


def test_a_refresh_asks_the_kpis_again_each_query_once(database: Path) -> None:
    project = _reviewed_project(database)
    _, board, _, _, first = _measured(project)
    with duckdb.connect(str(database)) as con:  # as many new users arrive, each doing what one did
        con.execute("INSERT INTO events SELECT user_id || '+', timestamp, event, plan, variant, seq + 100000 "
                    "FROM events")
    assert _measured(project)[1] == board  # kept: the newcomers are not seen
    _, after, note, _, refreshed = _measured(project, refresh=True)
    assert after == {key: 2 * value for key, value in board.items()} and "40 of 120 event users" in note
    assert refreshed.sent == first.sent  # the two objectives' same queries were sent once, as on the first run
    assert _measured(project)[1] == after  # the refreshed results are the kept ones now
