"""Step 4's users behind a row and a user's timeline on a linked DuckDB file as a user drives them (issue 15.3):
they ask about BigQuery's estimate first as the analysis does (a no sends nothing and says so), are kept in the
project, and show again with the warehouse gone."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from usagelens.io.warehouse import cost
from usagelens.model import Project, WarehouseLink, save_project
from usagelens.ui import kept_asking
from usagelens.workspace.warehouse import linked_source, preview

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
ESTIMATE = 5 * 10**9


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """A DuckDB file of four weeks of 30 users' events and a project linked to it (the file, the project)."""
    rng = np.random.default_rng(1553)
    users = np.repeat([f"u{n:02d}" for n in range(30)], 20)
    frame = pd.DataFrame({
        "user_id": users,
        "timestamp": pd.Timestamp("2024-05-06") + pd.to_timedelta(rng.integers(0, 28 * 86400, len(users)), unit="s"),
        "event": rng.choice(["signup", "view", "share"], len(users), p=[0.2, 0.6, 0.2])})
    database = tmp_path / "product.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE events AS SELECT * FROM frame")
    link = WarehouseLink(url=f"duckdb://{database}", table="events")
    path = tmp_path / "linked.ulens"
    save_project(Project(name="linked", sources=[linked_source("Events", link, preview(link), ROLES)]), path)
    return database, path


def event_counts(qtbot, window, wait_idle, path: Path):  # type: ignore[no-untyped-def]
    """Step 4 of the project at ``path`` showing its event counts."""
    assert window.open_path(path, ask=False)
    page = window.pages[3]
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        window.go_to_step(4)
    if page.result.kind != "event_counts":  # the page shows again what it showed before
        with qtbot.waitSignal(page.result_shown, timeout=60000):
            page.gallery.select_kind("event_counts")
    wait_idle()
    assert not page.result.empty
    return page


def test_the_users_behind_a_row_and_a_timeline_ask_first_are_kept_and_show_offline(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, linked, monkeypatch, tmp_path) -> None:
    database, path = linked
    page = event_counts(qtbot, window, wait_idle, path)
    monkeypatch.setitem(cost.DRY_RUNS, "duckdb", lambda con, expr: ESTIMATE)  # BigQuery's dry run, faked
    asked: list[int] = []
    answers = [False, True, True]
    monkeypatch.setattr(kept_asking, "confirm_scan", lambda size, parent: asked.append(size) or answers.pop(0))
    kept = dict(window.document.project.warehouse_results)

    page.people.show_users(0, "did")  # a no: nothing sent, and the page says so
    qtbot.waitUntil(lambda: asked == [ESTIMATE], timeout=30000)
    wait_idle()
    assert page.message.text() == ("Not run: BigQuery estimates that it would scan about 5.0 GB (Show these users… "
                                   "asks again).")
    assert window.document.project.warehouse_results == kept and not page.people.dialogs
    with qtbot.waitSignal(page.people.people_shown, timeout=60000) as shown:  # a yes: listed, and kept
        page.people.show_users(0, "did")
    people = shown.args[0].people
    assert asked == [ESTIMATE] * 2 and len(people) == page.result.table.iloc[0]["users"]
    with qtbot.waitSignal(page.people.timeline_shown, timeout=60000) as opened:  # its own query: asked once more
        page.people.show_timeline(people.user_ids[0])
    timeline = opened.args[0].timeline
    assert asked == [ESTIMATE] * 3 and not answers and len(timeline)
    wait_idle()
    assert set(window.document.project.warehouse_results) > set(kept) and window.document.dirty

    save_project(window.document.project, path)  # the warehouse then goes: the list and timeline are kept
    shutil.move(database, tmp_path / "elsewhere.duckdb")
    window.document.undo_stack.setClean()
    page = event_counts(qtbot, window, wait_idle, path)
    with qtbot.waitSignal(page.people.people_shown, timeout=60000) as shown:
        page.people.show_users(0, "did")
    assert shown.args[0].people.user_ids == people.user_ids
    with qtbot.waitSignal(page.people.timeline_shown, timeout=60000) as opened:
        page.people.show_timeline(people.user_ids[0])
    pd.testing.assert_frame_equal(opened.args[0].timeline, timeline)
    assert asked == [ESTIMATE] * 3 and not window.document.dirty  # nothing sent, so nothing asked or kept
