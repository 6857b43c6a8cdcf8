"""Step 4 on a linked DuckDB file as a user drives it (issue 15.3): the results show with their time and a
Refresh that queries again; reopening the project shows the kept results even with the warehouse gone; a
query under way is cancelled from the page; BigQuery's estimate is asked about first; a warehouse that cannot
be reached is one sentence."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from usagelens.io.warehouse import cost
from usagelens.io.warehouse.results import METADATA
from usagelens.model import Project, WarehouseLink, save_project
from usagelens.ui import kept_asking
from usagelens.ui.locale_numbers import as_of_text
from usagelens.ui.pages import analyse
from usagelens.workspace.warehouse import linked_source, preview
from usagelens.workspace.warehouse_results import SCHEMA

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def events() -> pd.DataFrame:
    """Six weeks of 40 users doing a handful of things."""
    rng = np.random.default_rng(153)
    users = np.repeat([f"u{n:02d}" for n in range(40)], 25)
    times = pd.Timestamp("2024-03-04") + pd.to_timedelta(rng.integers(0, 42 * 24 * 3600, len(users)), unit="s")
    names = rng.choice(["signup", "view", "create", "share"], len(users), p=[0.1, 0.5, 0.3, 0.1])
    return pd.DataFrame({"user_id": users, "timestamp": times, "event": names,
                         "plan": np.where(np.arange(len(users)) % 3, "free", "pro")})


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """A DuckDB file of events and a project linked to its table (the file path, the project path)."""
    database = tmp_path / "product.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", events())
        con.execute("CREATE TABLE events AS SELECT * FROM frame")
        # The same events behind a query that takes a minute or so: what a cancel must stop.
        con.execute("CREATE VIEW slow_events AS SELECT * FROM events "
                    "WHERE (SELECT sum(range) FROM range(50000000000)) > 0")
    link = WarehouseLink(url=f"duckdb://{database}", table="events")
    project = tmp_path / "linked.ulens"
    save_project(Project(name="linked", sources=[linked_source("Events", link, preview(link), ROLES)]), project)
    return database, project


def opened(qtbot, window, path: Path):  # type: ignore[no-untyped-def]
    """Step 4 of the project at ``path`` once its first analysis (active users) is drawn."""
    assert window.open_path(path, ask=False)
    page = window.pages[3]
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        window.go_to_step(4)
    qtbot.waitUntil(lambda: not window.runner.has_running(), timeout=60000)
    return page, page.result


def test_results_show_their_time_refresh_queries_again_and_reopening_shows_them_kept(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, linked, tmp_path) -> None:
    database, path = linked
    page, first = opened(qtbot, window, path)
    assert not first.empty and page.kept.isVisible() and page.kept.label.text().startswith("Results from")
    assert window.document.dirty  # results that cost queries were kept: closing asks to save them
    computed = page._as_of
    kept = dict(window.document.project.warehouse_results)
    with qtbot.waitSignal(page.result_shown, timeout=60000):  # shown again: no query (a query keeps anew)
        page.run()
    assert window.document.project.warehouse_results == kept and page._as_of is not None
    with qtbot.waitSignal(page.result_shown, timeout=60000) as blocker:  # the warehouse is asked again
        qtbot.mouseClick(page.kept.refresh_button, analyse.Qt.MouseButton.LeftButton)
    refreshed = blocker.args[0]
    pd.testing.assert_frame_equal(refreshed.table, first.table)
    assert page.kept.isVisible() and page._as_of > computed
    assert window.document.project.warehouse_results.keys() == kept.keys() != {}
    assert window.document.project.warehouse_results != kept  # the same queries, kept again with their new time
    wait_idle()

    save_project(window.document.project, path)  # what File ▸ Save writes: the kept results go with it
    shutil.move(database, tmp_path / "elsewhere.duckdb")  # the warehouse cannot be reached any more
    window.document.undo_stack.setClean()
    page, again = opened(qtbot, window, path)
    pd.testing.assert_frame_equal(again.table, refreshed.table)
    assert not window.document.dirty  # nothing new was kept: no query ran
    assert page.kept.isVisible() and page.kept.label.text().startswith("Results from")
    window.grab()
    qtbot.wait(5)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "analysis-kept-warehouse-results.png"))


def test_a_query_under_way_is_cancelled_from_the_page(qtbot, window, linked) -> None:  # type: ignore[no-untyped-def]
    database, path = linked
    page, _ = opened(qtbot, window, path)
    # The same events behind a query that takes long; only this page asks it (no other page is refreshed).
    window.document.project.sources[0].link = WarehouseLink(url=f"duckdb://{database}", table="slow_events")
    page.refresh_results()
    qtbot.waitUntil(lambda: page._task is not None and page._task._stop is not None, timeout=30000)  # querying
    task = page._task
    with qtbot.waitSignal(task.cancelled, timeout=20000):  # the query stopped, not when it would have ended
        qtbot.mouseClick(page.cancel_button, analyse.Qt.MouseButton.LeftButton)
        assert page.chart.message.text().startswith("Cancelled.") and not page.cancel_button.isVisible()
    assert not page.kept.isVisible() and window.document.project.sources[0].link is not None


def test_bigquerys_estimate_is_asked_about_before_the_first_run(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, linked, monkeypatch) -> None:
    _, path = linked
    monkeypatch.setitem(cost.DRY_RUNS, "duckdb", lambda con, expr: 5 * 10**9)  # BigQuery's dry run, faked
    asked: list[int] = []
    answers = [True, False, True]
    monkeypatch.setattr(kept_asking, "confirm_scan", lambda size, parent: asked.append(size) or answers.pop(0))
    assert window.open_path(path, ask=False)
    qtbot.waitUntil(lambda: bool(window.pages[0]._warehouse_events[1]), timeout=30000)
    wait_idle()  # step 1 asked too, then listed the warehouse's events for its KPIs (a result kept as well)
    assert asked == [5 * 10**9]
    before = set(window.document.project.warehouse_results)
    window.go_to_step(4)
    page = window.pages[3]
    qtbot.waitUntil(lambda: asked == [5 * 10**9] * 2, timeout=30000)
    wait_idle()
    assert "Not run" in page.chart.message.text() and "5.0 GB" in page.chart.message.text()
    assert page.kept.label.text().startswith("Not run") and page.result is None
    assert set(window.document.project.warehouse_results) == before  # step 4 sent no query, so kept nothing
    with qtbot.waitSignal(page.result_shown, timeout=60000) as blocker:
        qtbot.mouseClick(page.kept.refresh_button, analyse.Qt.MouseButton.LeftButton)
    assert not blocker.args[0].empty and asked == [5 * 10**9] * 3 and page.kept.label.text().startswith("Results")


def test_an_unreachable_warehouse_is_one_sentence_on_the_page(  # type: ignore[no-untyped-def]
        qtbot, window, linked, tmp_path) -> None:
    database, path = linked
    database.unlink()
    page, result = opened(qtbot, window, path)
    assert result.empty and "product.duckdb" in result.message and result.message.count(". ") == 0
    assert page.chart.message.text() == result.message and not page.kept.isVisible()
    assert window.document.project.sources[0].link is not None


def test_the_scan_question_says_the_size_and_a_yes_may_raise_the_threshold(  # type: ignore[no-untyped-def]
        qtbot, monkeypatch) -> None:
    from usagelens.ui.analysis import kept_results
    from usagelens.ui.settings import SCAN_QUESTION_ABOVE, scan_question_above

    box = kept_results.scan_question(5 * 10**9)
    assert "about 5.0 GB in BigQuery" in box.text() and "5.0 GB" in box.checkBox().text()
    assert box.defaultButton() is box.button(kept_results.QMessageBox.StandardButton.Cancel)

    def ticked_yes(self) -> int:  # type: ignore[no-untyped-def]
        self.checkBox().setChecked(True)
        return kept_results.QMessageBox.StandardButton.Yes

    assert scan_question_above() == SCAN_QUESTION_ABOVE
    monkeypatch.setattr(kept_results.QMessageBox, "exec", lambda self: kept_results.QMessageBox.StandardButton.Cancel)
    assert not kept_results.confirm_scan(5 * 10**9) and scan_question_above() == SCAN_QUESTION_ABOVE
    monkeypatch.setattr(kept_results.QMessageBox, "exec", ticked_yes)
    assert kept_results.confirm_scan(5 * 10**9) and scan_question_above() == 5 * 10**9


def test_the_review_board_shows_kept_kpis_with_their_time_and_refreshes_them(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, linked, monkeypatch) -> None:
    from usagelens.model import KpiBinding, Objective, Source, SourceKind, load_project
    from usagelens.ui.pages import review

    database, path = linked
    project = load_project(path)
    project.objectives = [Objective("More weekly users", kpi="WAU",
                                    binding=KpiBinding("active_users", {"period": "week"}))]
    customers = pd.DataFrame({"user_id": [f"u{n:02d}" for n in range(30)]})  # 30 of the 40 event users
    project.sources.append(Source("CRM", SourceKind.CUSTOMERS, table=customers, roles={"user_id": "user_id"}))
    save_project(project, path)
    assert window.open_path(path, ask=False)
    window.go_to_step(8)
    page = window.pages[7]
    qtbot.waitUntil(lambda: bool(page.board.rows), timeout=60000)
    wait_idle()
    (objective,) = window.document.project.objectives
    before = page.board.rows[objective.id].value
    assert before and page.kept.isVisible() and page.kept.label.text().startswith("Results from")
    with duckdb.connect(str(database)) as con:  # as many new users arrive, each doing what one did
        con.execute("INSERT INTO events SELECT user_id || '+', timestamp, event, plan FROM events")
    page.refresh()  # measured again: the kept results answer, the newcomers unseen
    wait_idle()
    assert page.board.rows[objective.id].value == before
    qtbot.mouseClick(page.kept.refresh_button, review.Qt.MouseButton.LeftButton)  # the warehouse is asked again
    qtbot.waitUntil(lambda: page.board.rows[objective.id].value == 2 * before, timeout=60000)
    wait_idle()
    assert page.kept.isVisible() and window.document.dirty

    asked: list[str] = []
    monkeypatch.setattr(review, "choose_refresh_file", lambda parent, source: asked.append(source.name) or "")
    page.refresh_data()  # a warehouse's source has no export to pick: its KPIs are asked again, a review recorded
    qtbot.waitUntil(lambda: len(window.document.project.reviews) == 1, timeout=60000)
    wait_idle()
    assert asked == ["CRM"]  # the file source only
    assert window.document.project.reviews[0].values == {objective.id: 2 * before}
    assert "Events: asked its warehouse again" in page.message.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "review-kept-warehouse-results.png"))
    window.go_to_step(2)  # the join note, counted in the warehouse and kept
    qtbot.waitUntil(lambda: window.pages[1].join_kept.isVisible(), timeout=60000)
    wait_idle()
    note = window.pages[1].join_note.text()
    assert "30 of 80 event users in its warehouse" in note  # the newcomers too: the table as it is now

    save_project(window.document.project, path)
    database.unlink()  # reopened with the warehouse gone: the board comes from the kept results
    window.document.undo_stack.setClean()
    assert window.open_path(path, ask=False)
    window.go_to_step(8)
    page = window.pages[7]
    qtbot.waitUntil(lambda: bool(page.board.rows), timeout=60000)
    wait_idle()
    assert page.board.rows[objective.id].value == 2 * before and page.kept.isVisible()
    window.go_to_step(2)  # the join note too, as it was counted
    data = window.pages[1]
    qtbot.waitUntil(lambda: data.join_kept.isVisible(), timeout=60000)
    wait_idle()
    assert data.join_note.text() == note and data.join_kept.label.text().startswith("Results from")
    assert not window.document.dirty  # nothing was sent, nothing new kept
    assert window.grab().save(str(SCREENSHOTS / "gather-kept-warehouse-results.png"))


def queried(results: dict[str, bytes]) -> dict[str, bytes]:
    """The kept results of queries, without the view's columns (which a refresh reads again, scanning nothing)."""
    def query(data: bytes) -> str:
        return json.loads(pq.read_table(pa.BufferReader(data)).schema.metadata[METADATA])["key"]["query"]

    return {digest: data for digest, data in list(results.items()) if query(data) != SCHEMA}  # a worker may add


def test_step_8s_refreshes_ask_about_bigquerys_estimate_once_and_a_no_sends_nothing(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, linked, monkeypatch) -> None:
    from usagelens.model import KpiBinding, Objective, load_project
    from usagelens.ui.pages import review

    _, path = linked
    project = load_project(path)
    project.objectives = [Objective("More weekly users", kpi="WAU",
                                    binding=KpiBinding("active_users", {"period": "week"})),
                          Objective("More daily users", kpi="DAU",
                                    binding=KpiBinding("active_users", {"period": "day"}))]
    save_project(project, path)
    assert window.open_path(path, ask=False)
    window.go_to_step(8)
    page = window.pages[7]
    qtbot.waitUntil(lambda: len(page.board.rows) == 2, timeout=60000)
    wait_idle()  # measured and kept while no estimate was over the threshold
    kept = dict(window.document.project.warehouse_results)
    monkeypatch.setitem(cost.DRY_RUNS, "duckdb", lambda con, expr: 5 * 10**9)  # BigQuery's dry run, faked
    asked: list[int] = []
    answers = [False, False, True]
    monkeypatch.setattr(kept_asking, "confirm_scan", lambda size, parent: asked.append(size) or answers.pop(0))

    qtbot.mouseClick(page.kept.refresh_button, review.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: asked == [5 * 10**9], timeout=30000)
    wait_idle()
    assert page.message.text() == "Not run: BigQuery estimates that it would scan about 5.0 GB (Refresh asks again)."
    assert page.kept.label.text().startswith("Results from") and len(page.board.rows) == 2  # the kept values stay
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "review-bigquery-not-run.png"))
    assert queried(window.document.project.warehouse_results) == queried(kept)  # nothing sent or kept anew

    page.refresh_data()  # no file source: only the warehouse's KPIs would be asked again
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=30000)
    wait_idle()
    assert "Refresh data… asks again" in page.message.text() and page.message.text().count(". ") == 0
    assert not window.document.project.reviews
    assert queried(window.document.project.warehouse_results) == queried(kept)
    page.refresh_data()  # a yes: every KPI query sent again, asked about once
    qtbot.waitUntil(lambda: len(window.document.project.reviews) == 1, timeout=60000)
    wait_idle()
    assert asked == [5 * 10**9] * 3 and not answers
    assert window.document.project.warehouse_results.keys() == kept.keys()
    assert window.document.project.warehouse_results != kept  # the same queries, kept again with their new time


def test_step_5s_recompute_of_a_warehouse_finding_names_the_kept_results_it_ran_on(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, linked) -> None:
    from usagelens.ui.qt import QItemSelectionModel

    _, path = linked
    page, _ = opened(qtbot, window, path)
    finding = page.pin_finding()
    assert finding is not None and finding.evidence_summary
    computed = as_of_text(page._as_of)
    window.go_to_step(5)
    step5 = window.pages[4]
    step5.entities.view.selectionModel().select(
        step5.entities.view.model().index(window.document.project.findings.index(finding), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert step5.entities.selected_item() is finding
    step5.detail.recompute()
    qtbot.waitUntil(lambda: "Same numbers" in step5.detail.status.text(), timeout=60000)
    wait_idle()
    assert step5.detail.status.text() == ("Same numbers as when the finding was pinned. Re-computed on the warehouse "
                                          f"results as of {computed}.")
    finding.evidence_summary = ""  # pinned without its numbers: the check's own sentence names what it ran on
    step5.detail.recompute()
    qtbot.waitUntil(lambda: "no comparison" in step5.detail.status.text(), timeout=60000)
    wait_idle()
    assert step5.detail.status.text().startswith(f"Re-computed on the warehouse results as of {computed}; ")
    assert "current data" not in step5.detail.status.text() and "today" not in step5.detail.status.text()


def test_step_7s_impact_shows_the_kept_results_time_and_refreshes_them(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, linked, monkeypatch) -> None:
    from datetime import date

    from usagelens.model import Action, ActionStatus, KpiBinding, Objective, load_project
    from usagelens.ui.pages import implement

    database, path = linked
    project = load_project(path)
    objective = Objective("More daily users", kpi="DAU", binding=KpiBinding("active_users", {"period": "day"}))
    project.objectives = [objective]
    project.actions = [Action("Onboarding checklist", status=ActionStatus.SHIPPED, release_date=date(2024, 3, 25),
                              objective_id=objective.id)]
    save_project(project, path)
    assert window.open_path(path, ask=False)
    window.go_to_step(7)
    page = window.pages[6]
    qtbot.waitUntil(lambda: bool(page.impacts), timeout=60000)
    wait_idle()
    assert page.kept.isVisible() and page.kept.label.text().startswith("Results from")
    kept = dict(window.document.project.warehouse_results)
    page.refresh()  # measured again: the kept results answer
    wait_idle()
    assert queried(window.document.project.warehouse_results) == queried(kept)
    qtbot.mouseClick(page.kept.refresh_button, implement.Qt.MouseButton.LeftButton)  # the warehouse is asked again
    qtbot.waitUntil(lambda: queried(window.document.project.warehouse_results) != queried(kept), timeout=60000)
    wait_idle()
    assert queried(window.document.project.warehouse_results).keys() == queried(kept).keys()
    assert page.kept.isVisible() and page.kept.label.text().startswith("Results from")
    page.status.view.selectRow(0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "implement-kept-warehouse-results.png"))
    monkeypatch.setitem(cost.DRY_RUNS, "duckdb", lambda con, expr: 5 * 10**9)  # BigQuery's dry run, faked
    monkeypatch.setattr(kept_asking, "confirm_scan", lambda size, parent: False)
    shown = page.kept.label.text()
    qtbot.mouseClick(page.kept.refresh_button, implement.Qt.MouseButton.LeftButton)  # asked first, and declined
    qtbot.waitUntil(lambda: page.hint.text().startswith("Not run"), timeout=30000)
    wait_idle()
    assert page.hint.text() == "Not run: BigQuery estimates that it would scan about 5.0 GB (Refresh asks again)."
    assert page.kept.label.text() == shown and page.impacts  # the impacts on screen stay, with their time


def test_the_reports_summary_asks_about_bigquerys_estimate_first(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, linked, monkeypatch, tmp_path) -> None:
    _, path = linked
    assert window.open_path(path, ask=False)
    qtbot.waitUntil(lambda: bool(window.pages[0]._warehouse_events[1]), timeout=30000)
    wait_idle()  # step 1 has listed the warehouse's events (kept); the report's counts are not kept yet
    monkeypatch.setitem(cost.DRY_RUNS, "duckdb", lambda con, expr: 5 * 10**9)  # BigQuery's dry run, faked
    asked: list[int] = []
    answers = [False, True]
    monkeypatch.setattr(kept_asking, "confirm_scan", lambda size, parent: asked.append(size) or answers.pop(0))
    pdf = tmp_path / "summary.pdf"
    window.export_pdf(str(pdf))
    qtbot.waitUntil(lambda: asked == [5 * 10**9], timeout=30000)
    wait_idle()
    assert not pdf.exists() and window.statusBar().currentMessage().startswith("Not run: BigQuery estimates that it "
                                                                               "would scan about 5.0 GB")
    window.export_pdf(str(pdf))  # a yes: the summary is gathered without asking again, and written
    qtbot.waitUntil(pdf.exists, timeout=60000)
    wait_idle()
    assert asked == [5 * 10**9] * 2 and not answers


def test_step_2s_join_refresh_asks_about_bigquerys_estimate_first(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, linked, monkeypatch) -> None:
    from usagelens.model import Source, SourceKind, load_project
    from usagelens.ui.pages import data

    _, path = linked
    project = load_project(path)
    customers = pd.DataFrame({"user_id": [f"u{n:02d}" for n in range(30)]})
    project.sources.append(Source("CRM", SourceKind.CUSTOMERS, table=customers, roles={"user_id": "user_id"}))
    save_project(project, path)
    assert window.open_path(path, ask=False)
    window.go_to_step(2)
    page = window.pages[1]
    qtbot.waitUntil(lambda: page.join_kept.isVisible(), timeout=60000)
    wait_idle()
    note, kept = page.join_note.text(), dict(window.document.project.warehouse_results)
    monkeypatch.setitem(cost.DRY_RUNS, "duckdb", lambda con, expr: 5 * 10**9)  # BigQuery's dry run, faked
    asked: list[int] = []
    monkeypatch.setattr(kept_asking, "confirm_scan", lambda size, parent: asked.append(size) or False)
    qtbot.mouseClick(page.join_kept.refresh_button, data.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: asked == [5 * 10**9], timeout=30000)
    wait_idle()
    assert page.join_note.text() == "Not run: BigQuery estimates that it would scan about 5.0 GB (Refresh asks again)."
    assert page.join_kept.label.text().startswith("Not run") and "of 40 event users" in note
    assert queried(window.document.project.warehouse_results) == queried(kept)  # nothing sent or kept anew
