"""Which path answers an events file, and that both paths give the same tables for a file (design §7)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from usagelens.analytics import AnalysisError
from usagelens.analytics.definitions.view import USER_KEY
from usagelens.io import detect_options, event_parquet
from usagelens.io.size_estimate import estimated_rows
from usagelens.paths import cache_folder
from usagelens.workspace import engine
from usagelens.workspace.engine import Columns, Engine, choose_engine, open_events

COLUMNS = Columns("user_id", "timestamp", "event")


def _events(n: int = 3_000, seed: int = 3) -> pd.DataFrame:
    """Users with leading zeros, ties at one instant (the file order decides), a few days and weeks, and rows
    the standard view leaves out: blank users or events (spaces, a tab, a vertical tab) and missing times."""
    rng = np.random.default_rng(seed)
    users = np.array(["007", "7", "u1", "u2", "u3", "u4", "ü5", "u6", "  ", "\x0b", " u7 "])
    times = pd.Timestamp("2024-03-01") + pd.to_timedelta(rng.integers(0, 40 * 24, n) // 2 * 2, unit="h")
    frame = pd.DataFrame(
        {
            "user_id": users[rng.integers(0, len(users), n)],
            "timestamp": times.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
            "event": np.array(["open", "search", "buy", "share", "\t", ""])[rng.integers(0, 6, n)],
        }
    )
    frame.loc[rng.integers(0, n, 20), "timestamp"] = ""
    return frame


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "events.csv"
    _events().to_csv(path, index=False)
    return path


METRICS = [
    ("active_users", ("week",), {}),
    ("feature_adoption", (), {}),
    ("funnel", (["open", "search", "buy"],), {"window": pd.Timedelta(days=3)}),
    ("funnel", (["open", "buy"],), {"order": "strict"}),
    ("retention_table", ("week",), {"mode": "on_or_after"}),
    ("transitions", (), {}),
    ("top_paths", ("open",), {"depth": 3}),
    ("event_counts", (), {}),
    ("sessions", (), {}),
    ("touchpoint_times", (), {}),
    ("journeys", ("open",), {"depth": 3}),
]


@pytest.mark.parametrize(("metric", "args", "kwargs"), METRICS, ids=[m[0] for m in METRICS])
def test_a_csv_gives_the_same_tables_in_memory_and_on_duckdb(csv_file: Path, metric, args, kwargs) -> None:
    options = detect_options(csv_file)
    memory = open_events(csv_file, options, COLUMNS, Engine.MEMORY)
    duck = open_events(csv_file, options, COLUMNS, Engine.DUCKDB)
    assert (memory.engine, duck.engine) == (Engine.MEMORY, Engine.DUCKDB)
    want = getattr(memory.metrics, metric)(memory.data, *args, **kwargs)
    got = getattr(duck.metrics, metric)(duck.data, *args, **kwargs)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True), check_exact=False, rtol=1e-9)


def test_a_conversion_stored_without_the_user_number_reads_by_the_text_id(csv_file: Path) -> None:
    options = detect_options(csv_file)
    keyed = open_events(csv_file, options, COLUMNS, Engine.DUCKDB)
    assert USER_KEY in keyed.data.columns
    metrics = ("transitions", "sessions", "touchpoint_times")
    wanted = [getattr(keyed.metrics, metric)(keyed.data) for metric in metrics]
    (stored,) = cache_folder("converted").glob("*.parquet")
    old = pq.read_table(stored)
    pq.write_table(old.drop_columns([event_parquet.USER_KEY]), stored)
    plain = open_events(csv_file, options, COLUMNS, Engine.DUCKDB)
    assert USER_KEY not in plain.data.columns
    for metric, want in zip(metrics, wanted, strict=True):
        pd.testing.assert_frame_equal(getattr(plain.metrics, metric)(plain.data), want)


def test_a_parquet_file_is_read_where_it_lies(tmp_path: Path) -> None:
    frame = _events()
    frame["timestamp"] = pd.to_datetime(frame["timestamp"])
    path = tmp_path / "events.parquet"
    frame.to_parquet(path)
    duck = open_events(path, detect_options(path), COLUMNS, Engine.DUCKDB)
    memory = open_events(path, detect_options(path), COLUMNS, Engine.MEMORY)
    pd.testing.assert_frame_equal(
        duck.metrics.active_users(duck.data, "day"), memory.metrics.active_users(memory.data, "day")
    )
    assert estimated_rows(path) == len(frame)


def test_parquet_times_stored_as_text_go_through_the_reader_that_knows_every_format(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pd.DataFrame({"user_id": ["1"], "timestamp": ["31/12/2024"], "event": ["a"]}).to_parquet(path)
    with pytest.raises(AnalysisError, match="cannot read this file .column 'timestamp' holds text, not timestamps"):
        open_events(path, detect_options(path), COLUMNS, Engine.DUCKDB)
    auto = open_events(path, detect_options(path), COLUMNS, Engine.AUTO)
    assert auto.engine is Engine.MEMORY and auto.metrics.event_counts(auto.data)["events"].tolist() == [1]


def test_auto_reads_other_date_formats_in_memory_and_duckdb_says_what_it_skipped(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "events.csv"
    path.write_text("user_id,timestamp,event\n1,2024-01-02 10:00,a\n2,31/12/2024,b\n")
    monkeypatch.setattr(engine, "DUCKDB_FROM_ROWS", 1)  # as if the file were big
    auto = open_events(path, detect_options(path), COLUMNS, Engine.AUTO)
    assert auto.engine is Engine.MEMORY and len(auto.metrics.event_counts(auto.data)) == 2
    duck = open_events(path, detect_options(path), COLUMNS, Engine.DUCKDB)
    assert duck.notes == (
        "1 value(s) in column 'timestamp' are not ISO dates; rows skipped (--engine memory reads other date formats)",
    )
    assert duck.metrics.event_counts(duck.data)["event"].tolist() == ["a"]


def test_no_readable_time_at_all_is_an_error_on_both_paths(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("user_id,timestamp,event\n1,soon,a\n2,later,b\n")
    for path_engine in (Engine.MEMORY, Engine.DUCKDB):
        with pytest.raises(AnalysisError, match="no value in column 'timestamp' could be read as"):
            open_events(path, detect_options(path), COLUMNS, path_engine)


@pytest.mark.parametrize(
    ("requested", "rows", "reason", "memory", "chosen"),
    [
        (Engine.AUTO, 1_000, None, 16 << 30, Engine.MEMORY),
        (Engine.AUTO, 5_000_000, None, 16 << 30, Engine.DUCKDB),
        (Engine.AUTO, 1_000_000, None, 256 << 20, Engine.DUCKDB),  # 150 MB of a 256 MB machine: too much
        (Engine.AUTO, 50_000_000, "a zip archive or workbook", 16 << 30, Engine.MEMORY),
        (Engine.MEMORY, 50_000_000, None, 16 << 30, Engine.MEMORY),
        (Engine.DUCKDB, 10, None, 16 << 30, Engine.DUCKDB),
    ],
)
def test_choose_engine(requested, rows, reason, memory, chosen) -> None:
    assert choose_engine(requested, rows=rows, duckdb_reason=reason, memory=memory) is chosen


def test_forcing_duckdb_on_a_file_it_cannot_read_says_why() -> None:
    with pytest.raises(AnalysisError, match=r"cannot read this file \(encoded as cp1252\); use --engine memory"):
        choose_engine(Engine.DUCKDB, rows=10, duckdb_reason="encoded as cp1252")


def test_row_estimate_of_a_text_file_is_close(csv_file: Path) -> None:
    assert 2_700 <= estimated_rows(csv_file) <= 3_300


def test_a_file_too_big_for_memory_gets_an_accelerator_that_auto_uses_from_then_on(
    csv_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "physical_memory", lambda: 1 << 20)  # a 1 MB machine: nothing fits
    options = detect_options(csv_file)
    announced: list[str] = []
    before = open_events(csv_file, options, COLUMNS, Engine.AUTO, say=announced.append)
    assert before.engine is Engine.DUCKDB
    assert announced == ["converting events.csv to Parquet for DuckDB (once; later runs reuse it)"]
    said: list[str] = []
    built = open_events(csv_file, options, COLUMNS, Engine.MEMORY, say=said.append)
    assert built.engine is Engine.MEMORY and not built.data.times.flags.writeable  # a memory-mapped log
    assert said == ["encoding events.csv for the accelerators (once; later runs map it from the cache)"]
    after = open_events(csv_file, options, COLUMNS, Engine.AUTO, say=said.append)
    assert after.engine is Engine.MEMORY and len(said) == 1  # mapped, not built again
    for metric, args, kwargs in METRICS:
        want = getattr(before.metrics, metric)(before.data, *args, **kwargs)
        got = getattr(after.metrics, metric)(after.data, *args, **kwargs)
        pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True), rtol=1e-9)
    forced = open_events(csv_file, options, COLUMNS, Engine.DUCKDB)
    assert forced.engine is Engine.DUCKDB
    again = open_events(csv_file, options, COLUMNS, Engine.MEMORY, say=said.append)
    assert again.engine is Engine.MEMORY and len(said) == 1  # built once: nothing announced the second time


def test_parquet_ids_stored_as_numbers_name_the_same_users_on_both_paths(tmp_path: Path) -> None:
    """A numeric id column that picked up a gap is stored as float: 7.0 is user 7 on both paths."""
    frame = pd.DataFrame(
        {
            "user_id": [7.0, 7.0, None, 12.0, 3.5],
            "timestamp": pd.to_datetime(["2024-03-01", "2024-03-02", "2024-03-02", "2024-03-09", "2024-03-10"]),
            "event": ["open", "buy", "open", "open", "buy"],
        }
    )
    path = tmp_path / "events.parquet"
    frame.to_parquet(path)
    tables = []
    for path_engine in (Engine.MEMORY, Engine.DUCKDB):
        opened = open_events(path, detect_options(path), COLUMNS, path_engine)
        tables.append(opened.metrics.funnel(opened.data, ["open", "buy"]))
    pd.testing.assert_frame_equal(tables[1], tables[0])
    assert tables[0]["users"].tolist() == [2, 1]
