"""A linked source's recipe is compiled over a stand-in of its table, bound to no engine: the kept results say
where its steps' queries go (model.query_engine.queries_to), so a step that samples a column to find the e-mails
sends the drawn rows as a table only where the engine takes one without writing, and the cleaned events are
the same either way."""

from __future__ import annotations

from pathlib import Path

import ibis
import ibis.expr.operations as ops
import pandas as pd
import pyarrow as pa
import pytest
from test_warehouse_cli import events_database, events_frame

from usagelens.model import Project, RecipeStep, WarehouseLink
from usagelens.workspace.analyses import AnalysisInputs, run_analysis
from usagelens.workspace.warehouse import linked_source, preview
from usagelens.workspace.warehouse_results import KeptResults

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    frame = events_frame()
    # a column whose name does not say it holds e-mails: the step samples its values to find out
    frame["contact"] = [f"{user}@{'test.org' if user < 'u010' else 'acme.io'}" for user in frame["user_id"]]
    return events_database(tmp_path_factory.mktemp("contact") / "product.duckdb", frame)


def _counted(database: Path, engine: str, monkeypatch: pytest.MonkeyPatch) -> tuple[pd.DataFrame, int]:
    """Event counts of the linked events cleaned by a step that finds the e-mail column, the queries going to
    ``engine``; and how many in-memory tables the queries carried."""
    carried = 0
    answer = KeptResults._answer

    def counting(self: KeptResults, expr: ibis.Table, *args: object) -> pa.Table:
        nonlocal carried
        carried += len(expr.op().find(ops.InMemoryTable))
        return answer(self, expr, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(KeptResults, "engine", property(lambda self: engine))
    monkeypatch.setattr(KeptResults, "_answer", counting)
    link = WarehouseLink(url=f"duckdb://{database}", table="events", tie_break="seq")
    source = linked_source("Events", link, preview(link), ROLES)
    step = RecipeStep("exclude_users", {"domains": ["test.org"], "reason": "test accounts"})
    project = Project(name="linked", sources=[source], recipes={source.id: [step]})
    result = run_analysis("event_counts", AnalysisInputs(project), {"top": 10})
    assert not result.empty, result.message
    return result.table, carried


def test_the_sample_goes_along_as_a_table_only_where_the_engine_takes_one(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on_duckdb, along = _counted(database, "duckdb", monkeypatch)
    on_trino, in_text = _counted(database, "trino", monkeypatch)
    assert along > 0 and in_text == 0
    pd.testing.assert_frame_equal(on_trino, on_duckdb)
