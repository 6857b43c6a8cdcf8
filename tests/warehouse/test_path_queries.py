"""Transitions ask the backend one small query before the pairs, the same one top paths and the journey map ask
(the event names and days, :func:`event_frequencies`): a linked source answers it from its kept results, and a
range asked costs no query of its own for its days."""

from __future__ import annotations

import ibis
import pandas as pd
import pyarrow as pa
import pytest

from usagelens.analytics.definitions import duckdb_backend
from usagelens.analytics.definitions.view_events import ViewEvents

FRAME = pd.DataFrame(
    {
        "user_id": ["a", "a", "a", "b", "b", "c"],
        "timestamp": pd.to_datetime(["2024-03-01 10:00", "2024-03-01 10:00", "2024-03-02 09:00", "2024-03-01 08:00",
                                     "2024-03-05 12:00", "2024-03-04 12:00"]),
        "event": ["view", "cart", "buy", "view", "buy", "view"],
    }
)


def _asked(view: ibis.Table, metric: str, *args: object, **options: object) -> tuple[list[str], pd.DataFrame]:
    """The SQL of every query ``metric`` asks on ``view``, and its table."""
    asked: list[str] = []

    def answer(expr: ibis.Table) -> pa.Table:
        asked.append(ibis.to_sql(expr, dialect="duckdb"))
        return expr.to_pyarrow()

    events = ViewEvents(view, fetcher=answer)
    return asked, getattr(events.metrics, metric)(events.data, *args, **options)


@pytest.mark.parametrize("window", [{}, {"start": "2024-03-01", "end": "2024-03-02"}])
def test_transitions_ask_what_top_paths_ask_then_the_pairs(window: dict[str, str]) -> None:
    con = duckdb_backend.connect(threads=1)
    view = duckdb_backend.register_frame(con, FRAME, user="user_id", time="timestamp", event="event")
    transitions, table = _asked(view, "transitions", **window)
    paths, _ = _asked(view, "top_paths", "view", **window)
    assert len(transitions) == 2
    assert transitions[0] == paths[0]
    assert list(zip(table["from_event"], table["to_event"], table["count"], strict=True)) == (
        [("cart", "buy", 1), ("view", "cart", 1)]
        if window
        else [("cart", "buy", 1), ("view", "buy", 1), ("view", "cart", 1)]
    )
