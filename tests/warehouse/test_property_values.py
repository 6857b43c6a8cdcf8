"""A breakdown's choices for every property of a linked source in one query (issue 15: BigQuery bills each query
job, 10 MB at least), with the text a query per column gives for text, whole numbers (missing values among them),
true/false, days, decimals and times."""

from __future__ import annotations

from pathlib import Path

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from usagelens.analytics.definitions.property_values import property_values
from usagelens.analytics.definitions.view import fetch, fetcher


def per_column(view: ir.Table, properties: list[str], most: int) -> dict[str, tuple[str, ...]]:
    """What the app asked before: one query per property column."""
    values = {}
    for name in properties:
        found = fetch(view.select(name).distinct().limit(most + 1))[name].dropna()
        if 2 <= len(found) <= most:
            values[name] = tuple(sorted(map(str, found)))
    return values


def counted(view: ir.Table, properties: list[str], most: int) -> tuple[dict[str, tuple[str, ...]], int]:
    """The choices, and how many queries were sent for them."""
    sent: list[ir.Table] = []

    def answer(expr: ir.Table) -> pa.Table:
        sent.append(expr)
        return expr.to_pyarrow()

    token = fetcher.set(answer)
    try:
        return property_values(view, properties, most), len(sent)
    finally:
        fetcher.reset(token)


@pytest.fixture(scope="module")
def typed_frame() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    rows = 200
    whole = rng.choice([1, 2, 3], rows)
    return pd.DataFrame({
        "text": rng.choice(["a", "b", None], rows), "whole": whole,
        "sometimes": pd.array(np.where(whole == 3, None, whole), dtype="Int64"),
        "flag": rng.choice([True, False], rows),
        "day": pd.to_datetime(rng.choice(["2024-01-01", "2024-01-02"], rows)).date,
        "real": rng.choice([1.5, 2.0], rows), "at": pd.Timestamp("2024-01-01") + pd.to_timedelta(whole, unit="h"),
        "many": np.arange(rows), "one": ["x"] * rows,
    })


@pytest.fixture(scope="module")
def typed(typed_frame: pd.DataFrame) -> ir.Table:
    return ibis.duckdb.connect().create_table("typed", typed_frame)


def test_one_query_gives_the_choices_a_query_per_column_gave(typed: ir.Table) -> None:
    properties = list(typed.columns)
    got, queries = counted(typed, properties, 30)
    assert queries == 1
    assert got == per_column(typed, properties, 30)
    assert got["sometimes"] == ("1.0", "2.0") and got["flag"] == ("False", "True") and got["day"][0] == "2024-01-01"
    assert "many" not in got and "one" not in got  # too many values for a breakdown, or only one


def test_a_linked_sources_choices_are_those_of_a_query_per_column(database: Path) -> None:
    view = ibis.duckdb.connect(str(database), read_only=True).table("events")
    properties = [name for name in view.columns if name not in ("user_id", "timestamp", "event")]
    got, queries = counted(view, properties, 2)
    assert queries == 1 and got == per_column(view, properties, 2) and got


def test_postgresqls_choices_are_those_of_a_query_per_column(typed_frame: pd.DataFrame) -> None:
    import postgres_cluster

    con = ibis.postgres.connect(**postgres_cluster.cluster().connection)
    try:
        view = con.create_table("typed_properties", typed_frame, overwrite=True)
        got, queries = counted(view, list(view.columns), 30)
        assert queries == 1 and got == per_column(view, list(view.columns), 30)
        assert got["sometimes"] == ("1.0", "2.0") and got["flag"] == ("False", "True")
    finally:
        con.disconnect()


def test_no_properties_send_no_query(typed: ir.Table) -> None:
    assert counted(typed, [], 30) == ({}, 0)
