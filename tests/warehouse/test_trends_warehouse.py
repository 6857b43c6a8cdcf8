"""``usagelens analyze URL … trends`` reads the property it sums or averages from the warehouse table itself (a
column kept in the view like a breakdown's), and writes the CSV the same events give from a file."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from usagelens import app
from usagelens.analytics.definitions import duckdb_backend
from usagelens.analytics.definitions.view_events import ViewEvents
from usagelens.workspace.warehouse import view_facts

ROLES = ["--user", "user_id", "--time", "timestamp", "--event", "event"]


def _frame() -> pd.DataFrame:
    """Three weeks of orders whose amount is text, as exports give it: numbers, a blank and a word."""
    days = pd.date_range("2024-03-04 09:00", periods=21, freq="D")
    return pd.DataFrame({
        "user_id": [f"u{i % 4}" for i in range(21)],
        "timestamp": days,
        "event": ["order" if i % 3 else "view" for i in range(21)],
        "amount": [str(10 + i) if i % 5 else ("" if i % 2 else "n/a") for i in range(21)],
        "plan": ["pro" if i % 4 < 2 else "free" for i in range(21)],
    })


@pytest.mark.parametrize("analysis", [
    ("trends", "--event-a", "order", "--measure-a", "sum", "--property-a", "amount"),
    ("trends", "--measure-a", "average", "--property-a", "amount", "--formula", "divide", "--event-b", "order",
     "--measure-b", "users", "--by", "plan", "--period", "day"),
], ids=["sum", "average-per-user-by-plan"])
def test_the_property_is_read_in_the_warehouse(analysis: tuple[str, ...], tmp_path: Path) -> None:
    frame = _frame()
    database, export = tmp_path / "events.duckdb", tmp_path / "events.csv"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE main.orders AS SELECT * FROM frame")
    frame.to_csv(export, index=False)
    warehouse, memory = tmp_path / "warehouse.csv", tmp_path / "memory.csv"
    assert app.main(["analyze", f"duckdb://{database}", "--table", "main.orders", *ROLES, *analysis,
                     "--out", str(warehouse)]) == 0
    assert app.main(["analyze", str(export), *ROLES, *analysis, "--engine", "memory", "--out", str(memory)]) == 0
    assert warehouse.read_text() == memory.read_text()
    assert pd.read_csv(warehouse)["value"].notna().any()


def test_a_linked_table_offers_its_numeric_columns_to_sum() -> None:
    view = duckdb_backend.register_frame(duckdb_backend.connect(memory_limit="1GB", threads=1), _frame(),
                                         user="user_id", time="timestamp", event="event", properties=["amount", "plan"])
    assert view_facts(ViewEvents(view)).numbers == ("amount",)  # its text is mostly numbers; plan's not
