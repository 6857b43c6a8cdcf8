"""A recipe's compiled steps send a table along with a query only where the engine takes one without writing to
the warehouse (model.query_engine.takes_tables): on Trino and Databricks, what they would send (a note's reasons,
the rows a sample draws) is in the SQL's text instead, and the answers are the same (the pandas-equality tests of
test_suspect_and_outlier_queries.py and test_personal_queries.py run both ways)."""

from __future__ import annotations

import ibis
import ibis.expr.operations as ops
import pandas as pd
import pyarrow as pa
import pytest
from compiled_engines import ORDER, duckdb_session, registered

from usagelens.cleaning.compiled import personal, suspects, values
from usagelens.cleaning.compiled.context import CompileContext
from usagelens.model.query_engine import queries_to


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> ibis.BaseBackend:
    return duckdb_session(tmp_path_factory.mktemp("spill"))


def _sent_tables(engine: str, ask: object) -> int:
    """How many in-memory tables the queries ``ask`` fetches while the queries go to ``engine`` carry."""
    carried = 0

    def answer(query: ibis.Table) -> pa.Table:
        nonlocal carried
        carried += len(query.op().find(ops.InMemoryTable))
        ibis.to_sql(query, dialect=engine)  # what that engine would be sent compiles
        return query.to_pyarrow()

    token = values.answering.set(answer)
    try:
        with queries_to(engine):
            ask()  # type: ignore[operator]
    finally:
        values.answering.reset(token)
    return carried


@pytest.mark.parametrize(("engine", "along"), [("duckdb", True), ("postgres", True), ("trino", False),
                                                ("databricks", False)])
def test_the_sample_s_rows_go_along_only_where_the_engine_takes_tables(con: ibis.BaseBackend, engine: str,
                                                                      along: bool) -> None:
    frame = pd.DataFrame({"contact": [f"user{i}@example.org" if i % 3 else f"note {i}" for i in range(3000)]})
    _, table = registered(con, frame.astype("str"))
    carried = _sent_tables(engine, lambda: personal._sample(table, "contact", CompileContext(order=ORDER)))
    assert (carried > 0) is along


@pytest.mark.parametrize(("engine", "along"), [("duckdb", True), ("trino", False), ("databricks", False)])
def test_the_suspects_reasons_go_along_only_where_the_engine_takes_tables(con: ibis.BaseBackend, engine: str,
                                                                         along: bool) -> None:
    frame = pd.DataFrame({"user": ["test_1", "u1", "u2", "qa", "u1"],
                          "email": ["a@x.com", "demo@y.org", "b@x.com", None, "c@x.com"]}).astype("str")
    _, table = registered(con, frame)
    carried = _sent_tables(engine, lambda: suspects.find_suspects(table, "user", ["email"], order=ORDER))
    assert (carried > 0) is along
