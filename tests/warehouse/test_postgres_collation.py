"""A PostgreSQL database whose text order is a language's, not the bytes': what most servers are created with
(``en_US.UTF-8``). Here the database's collation is ICU's ``en-US`` (no operating system locale needed), under
which ``a`` sorts before ``B`` and ``c`` before ``D``, the reverse of byte order. What a definition decides
by text order must come out as on DuckDB and in memory all the same."""

from __future__ import annotations

from functools import cache

import ibis
import pandas as pd
import psycopg
import pytest
from postgres_cluster import cluster
from warehouse_engines import arrow

import usagelens.analytics as numpy_kernels
import usagelens.analytics.definitions as definitions
from usagelens.analytics import EventLog
from usagelens.analytics.definitions.people import user_activity
from usagelens.io.warehouse.session import prepare
from usagelens.workspace import linked_facts

DATABASE = "usagelens_en_us"


@cache
def _linguistic() -> ibis.BaseBackend:
    """A connection to a database of this process's cluster whose default collation is ICU's ``en-US``."""
    running = cluster()
    with psycopg.connect(host="127.0.0.1", port=running.port, user="postgres", dbname="postgres",
                         autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {DATABASE} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu "
                      "ICU_LOCALE 'en-US' LC_COLLATE 'C' LC_CTYPE 'C'")
    return prepare(ibis.postgres.connect(**{**running.connection, "database": DATABASE}))


def _events(taken: list[tuple[tuple[str, ...], int]]) -> pd.DataFrame:
    """Each journey after ``start`` taken by so many users, a minute apart."""
    rows, user = [], 0
    for steps, users in taken:
        for _ in range(users):
            user += 1
            for minute, event in enumerate(("start", *steps)):
                rows.append((f"u{user:03d}", pd.Timestamp(f"2024-03-04 10:{minute:02d}"), event))
    return pd.DataFrame(rows, columns=["user_id", "timestamp", "event"])


def test_the_database_orders_text_by_language() -> None:
    con = _linguistic()
    ordered = con.sql("SELECT x FROM (VALUES ('B'), ('a'), ('D'), ('c')) AS t(x) ORDER BY x").to_pandas()
    assert ordered["x"].tolist() == ["a", "B", "c", "D"]  # bytes: B, D, a, c


def test_ties_at_the_last_kept_journey_follow_code_points_not_the_collation() -> None:
    taken = [(("x", "y"), 4), (("a", "x"), 2), (("B", "x"), 2), (("c", "y"), 1), (("D", "y"), 1)]
    frame = _events(taken)
    view = definitions.standard_view(_linguistic().create_table("journeys_en_us", arrow(frame), temp=True),
                                     user="user_id", time="timestamp", event="event")
    log = EventLog.from_frame(frame, user="user_id", time="timestamp", event="event")
    for top in (2, 4):  # a tie of B and a at the second place, of D and c at the fourth
        got = definitions.top_journeys(view, "start", top=top, depth=2)
        expected = numpy_kernels.top_journeys(log, "start", top=top, depth=2)
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    kept = definitions.top_journeys(view, "start", top=2, depth=2)
    assert kept.loc[~kept["folded"], "step_1"].tolist() == ["x", "B"]


def _same_instant() -> pd.DataFrame:
    """Users whose events share instants and whose ids and names sort differently by bytes and by language,
    with no tie-break column: the name order decides which event comes first."""
    rows = []
    for user in ("B1", "a1", "B2", "a2", "c1"):
        for minute, events in enumerate((["start"], ["a", "B"], ["c", "D"], ["start"])):
            rows += [(user, pd.Timestamp(f"2024-03-04 10:{minute:02d}"), event) for event in events]
    return pd.DataFrame(rows, columns=["user_id", "timestamp", "event"])


def test_events_at_one_instant_are_in_code_point_order_without_a_tie_break() -> None:
    frame = _same_instant()
    on_postgres = definitions.standard_view(_linguistic().create_table("instants_en_us", arrow(frame), temp=True),
                                            user="user_id", time="timestamp", event="event")
    on_duckdb = definitions.standard_view(ibis.duckdb.connect().create_table("instants", arrow(frame)),
                                          user="user_id", time="timestamp", event="event")
    calls = {
        "transitions": lambda view: definitions.transitions(view),
        "top paths": lambda view: definitions.top_paths(view, "start", depth=3, top=2),
        "strict funnel": lambda view: definitions.funnel(view, ["start", "B", "a"], order="strict"),
        "users": lambda view: user_activity(view),
        "typical journey": lambda view: definitions.typical_journey(view, "start", steps=3),
    }
    for name, call in calls.items():
        pd.testing.assert_frame_equal(call(on_postgres), call(on_duckdb), check_dtype=False, obj=name)
    assert user_activity(on_postgres)["user_id"].tolist() == ["B1", "B2", "a1", "a2", "c1"]


def test_the_join_note_s_examples_are_the_first_by_code_point(monkeypatch: pytest.MonkeyPatch) -> None:
    """Too many event users to fetch: the warehouse names the first few without a customer row, as the imported
    events' note sorts them."""
    frame = _same_instant()
    view = definitions.standard_view(_linguistic().create_table("note_en_us", arrow(frame), temp=True),
                                     user="user_id", time="timestamp", event="event")
    monkeypatch.setattr(linked_facts, "FETCHED_USERS", 2)
    users = linked_facts._matched(view, pd.Index(["c1"]), 3)
    assert users.unmatched == ("B1", "B2", "a1")
