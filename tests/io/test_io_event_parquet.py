"""An events export converted to Parquet by DuckDB: text ids, UTC times, users' order, counted unread times, a cache."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from usagelens.io import ImportFailed, detect_options
from usagelens.io.event_parquet import BY_USER, ROWS_ORDER, UNREAD, USABLE, USER_KEY, convert_events, unsupported_reason
from usagelens.model.entities import ImportOptions
from usagelens.paths import trim_cache

ROLES = {"user": "user_id", "time": "timestamp", "event": "event"}


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    return connection


def _convert(con: duckdb.DuckDBPyConnection, path: Path, folder: Path, **kwargs: object):
    return convert_events(con, path, detect_options(path), **ROLES, folder=folder, **kwargs)


def _rows(con: duckdb.DuckDBPyConnection, parquet: Path) -> list[tuple]:
    return con.execute(
        f"SELECT user_id, CAST(timestamp AS VARCHAR), event FROM read_parquet('{parquet}', file_row_number=true) "
        "ORDER BY file_row_number"
    ).fetchall()


def test_ids_stay_text_times_become_utc_and_rows_lie_in_each_users_order(con, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(
        "user_id,timestamp,event,plan\n"
        "7,2024-03-04 08:00:00,b,free\n"
        "8,2024-03-05,c,\n"
        "007,2024-03-04T10:00:00+02:00,signup,pro\n"
        "7,2024-03-04 08:00:00,a,free\n"
        "7,2024-03-04 07:59:00,first,free\n"
    )
    converted = _convert(con, path, tmp_path / "cache")
    assert (converted.rows, converted.read_times, converted.unread_times) == (5, 5, 0)
    # by user (as text), then time, then the export's order at one instant (b before a)
    assert _rows(con, converted.path) == [
        ("007", "2024-03-04 08:00:00", "signup"),
        ("7", "2024-03-04 07:59:00", "first"),
        ("7", "2024-03-04 08:00:00", "b"),
        ("7", "2024-03-04 08:00:00", "a"),
        ("8", "2024-03-05 00:00:00", "c"),
    ]
    assert [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM '{converted.path}'").fetchall()] == [
        "user_id", "timestamp", UNREAD, "event", USABLE, USER_KEY
    ]
    assert pq.read_schema(converted.path).metadata[ROWS_ORDER.encode()] == BY_USER.encode()


def test_users_are_numbered_in_the_order_of_their_ids_and_their_rows_sorted_by_it(con, tmp_path: Path) -> None:
    # enough rows for DuckDB to read, join and sort in parallel; ids whose text order is not their numeric one,
    # non-ASCII ones in code point order (as Python sorts), and rows without a user (no number, last)
    ids = ["b", "a", "007", "7", "é", "Z", " x", "10", "9", "😀", ""]
    lines = [f"{ids[(i * 7) % len(ids)]},2024-03-04 10:00:{(i * 13) % 60:02d},e{i % 3}" for i in range(30_000)]
    path = tmp_path / "events.csv"
    path.write_text("user_id,timestamp,event\n" + "\n".join(lines) + "\n")
    converted = _convert(con, path, tmp_path / "cache")
    rows = con.execute(
        f"SELECT user_id, {USER_KEY}, strftime(timestamp, '%H:%M:%S'), event "
        f"FROM read_parquet('{converted.path}', file_row_number=true) ORDER BY file_row_number"
    ).fetchall()
    fields = [line.split(",") for line in lines]
    expected = sorted(range(len(lines)), key=lambda i: (fields[i][0] == "", fields[i][0], fields[i][1], i))
    assert [(user or "", time, event) for user, _, time, event in rows] == [
        (fields[i][0], fields[i][1][-8:], fields[i][2]) for i in expected
    ]
    numbers = {user: number for user, number, _, _ in rows}
    assert len({(user, number) for user, number, _, _ in rows}) == len(numbers)  # one number per user
    assert numbers.pop(None) is None
    assert sorted(numbers, key=numbers.get) == sorted(numbers)
    assert sorted(numbers.values()) == list(range(1, len(numbers) + 1))


def test_times_that_are_not_iso_are_counted_and_left_unread(con, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("user_id,timestamp,event\n1,31/12/2024,a\n2,2024-01-02 10:00,b\n3,,c\n4,  ,d\n")
    converted = _convert(con, path, tmp_path / "cache")
    assert (converted.rows, converted.read_times, converted.unread_times) == (4, 1, 1)
    usable = con.execute(f"SELECT user_id, {USABLE} FROM '{converted.path}' ORDER BY user_id").fetchall()
    assert usable == [("1", False), ("2", True), ("3", False), ("4", False)]


def test_a_late_value_outside_the_sniffed_type_rereads_the_column_as_text(con, tmp_path: Path) -> None:
    """DuckDB types the column from a sample of the head; the conversion must not fail on row 60,000."""
    lines = ["user_id,timestamp,event"] + [f"u{i},2024-01-01 00:00:{i % 60:02d},e" for i in range(60_000)]
    path = tmp_path / "events.csv"
    path.write_text("\n".join([*lines, "late,yesterday,e"]) + "\n")
    converted = _convert(con, path, tmp_path / "cache")
    assert (converted.rows, converted.read_times, converted.unread_times) == (60_001, 60_000, 1)


def test_a_gzipped_semicolon_export_with_a_preamble(con, tmp_path: Path) -> None:
    path = tmp_path / "events.csv.gz"
    text = "Exported by Tool\n\nuser_id;timestamp;event\n1;2024-01-01 10:00;a\n2;2024-01-02 10:00;b\n"
    path.write_bytes(gzip.compress(text.encode()))
    options = detect_options(path)
    assert unsupported_reason(path, options) is None
    converted = convert_events(con, path, options, **ROLES, folder=tmp_path / "cache")
    assert _rows(con, converted.path) == [("1", "2024-01-01 10:00:00", "a"), ("2", "2024-01-02 10:00:00", "b")]


def test_a_conversion_is_reused_until_the_file_changes(con, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("user_id,timestamp,event\n1,2024-01-01,a\n")
    first = _convert(con, path, tmp_path / "cache")
    stamp = first.path.stat().st_mtime_ns
    again = _convert(con, path, tmp_path / "cache")
    assert again.path == first.path and again.path.stat().st_ctime_ns >= stamp
    path.write_text("user_id,timestamp,event\n1,2024-01-01,a\n2,2024-01-02,b\n")
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))
    changed = _convert(con, path, tmp_path / "cache")
    assert changed.path != first.path and changed.rows == 2


def test_a_missing_column_or_an_unreadable_file_is_one_clear_error_and_leaves_nothing(con, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("user,when,what\n1,2024-01-01,a\n")
    folder = tmp_path / "cache"
    with pytest.raises(ImportFailed, match=r"no column 'user_id', 'timestamp', 'event' in the data \(columns: user"):
        _convert(con, path, folder)
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"user_id,timestamp,event\n1,2024-01-01,\"unterminated\n" + b"x" * 100)
    with pytest.raises(ImportFailed, match="broken.csv could not be read by DuckDB"):
        _convert(con, broken, folder)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "content", "options", "reason"),
    [
        ("a.zip", b"PK\x03\x04rest", ImportOptions(delimiter=","), "a zip archive or workbook"),
        ("a.json", b"[{}]", ImportOptions(), "not delimited text"),
        ("a.csv", b"x;y\n", ImportOptions(encoding="cp1252", delimiter=";"), "encoded as cp1252"),
        ("a.csv", b"x;y\n", ImportOptions(delimiter=";", header_rows=2), "a header of several lines"),
        ("a.csv", b"x;y\n", ImportOptions(encoding="utf-8", delimiter=";"), None),
    ],
)
def test_what_duckdb_cannot_read_itself_is_named(tmp_path: Path, name, content, options, reason) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert unsupported_reason(path, options) == reason


def test_the_cache_keeps_its_budget_dropping_the_least_recently_used(tmp_path: Path) -> None:
    files = []
    for age, name in enumerate(["old", "middle", "new"]):
        file = tmp_path / f"{name}.parquet"
        file.write_bytes(b"x" * 100)
        os.utime(file, (1_000_000 + age, 1_000_000 + age))
        files.append(file)
    trim_cache(tmp_path, 250, keep=files[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.parquet", "old.parquet"]
