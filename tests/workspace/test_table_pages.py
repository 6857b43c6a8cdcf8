"""The paged rows of a stored table equal the in-memory grid's rows, row for row, for sorts and filters."""

from __future__ import annotations

import io
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from usagelens.io import ExportFailed
from usagelens.model.stored_table import StoredTable
from usagelens.ui.frame_model import formatter_for
from usagelens.ui.row_index import RowIndex, RowQuery
from usagelens.workspace.table_pages import RowOrder, TablePages, TableQuery, run_watched

ROWS = 3_000


def mixed_frame(rows: int = ROWS) -> pd.DataFrame:
    """Text in several cases and scripts, numbers with NaN, integers with gaps, flags with gaps, times with
    ties (to the second and the microsecond) and zoned times, with missing values in every column."""
    rng = np.random.default_rng(7)
    words = np.array(["alpha", "Beta", "GAMMA", "äpfel", "Äpfel", "straße", "50%_off", "a_b", "=sum(1)", "-3",
                      "x'y", "über", "Émile", ""], dtype=object)
    text = words[rng.integers(0, len(words), rows)]
    text[rng.random(rows) < 0.05] = None
    floats = rng.choice([1.5, 2.0, -0.25, 1e20, 3.25e-7, 123456.789, np.nan], rows)
    ints = pd.array(rng.integers(-5, 50, rows), dtype="Int64")
    ints[rng.random(rows) < 0.1] = pd.NA
    flags = pd.array(rng.random(rows) < 0.5, dtype="boolean")
    flags[rng.random(rows) < 0.1] = pd.NA
    seconds = rng.integers(0, 40, rows) * 3600
    times = pd.Timestamp("2025-03-01") + pd.to_timedelta(seconds, unit="s")
    times = pd.Series(times).astype("datetime64[us]")
    times[rng.random(rows) < 0.05] = pd.NaT
    times[::97] = pd.Timestamp("2025-03-02 10:11:12.345678")
    return pd.DataFrame({
        "user": pd.Series(text, dtype="str"),
        "score": floats,
        "count": pd.Series(rng.integers(0, 9, rows), dtype="int64"),
        "gaps": ints.astype("float64"),  # as pandas holds integers with gaps
        "flag": flags.astype(object),
        "Flag": rng.random(rows) < 0.3,  # equal but for case to "flag": DuckDB renames it
        "ts": times,
        "zoned": times.dt.tz_localize("Europe/Berlin"),
    })


def stored(frame: pd.DataFrame) -> StoredTable:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return StoredTable(buffer.getvalue(), "raw/test.parquet")


@pytest.fixture(scope="module")
def table() -> tuple[pd.DataFrame, TablePages]:
    frame = mixed_frame()
    pages = TablePages(stored(frame))
    yield pd.read_parquet(io.BytesIO(pages.stored.data)), pages
    pages.close()


QUERIES = [
    TableQuery(),
    TableQuery(sort=(0, True)),
    TableQuery(sort=(0, False)),
    TableQuery(sort=(1, True)),
    TableQuery(sort=(1, False)),
    TableQuery(sort=(3, False)),
    TableQuery(sort=(4, True)),
    TableQuery(sort=(5, False)),
    TableQuery(sort=(6, True)),
    TableQuery(sort=(7, False)),
    TableQuery(filters=((None, "äpf"),)),
    TableQuery(filters=((0, "ÄPF"),)),
    TableQuery(filters=((0, "STRASSE"),)),  # no case folding beyond letters' own cases
    TableQuery(filters=((0, "50%"),)),
    TableQuery(filters=((0, "a_b"),)),
    TableQuery(filters=((0, "x'y"),)),
    TableQuery(filters=((0, "émile"),)),
    TableQuery(filters=((1, "e+20"),)),
    TableQuery(filters=((1, "e-7"),)),
    TableQuery(filters=((1, "2"),)),
    TableQuery(filters=((1, ".0"),)),  # 2.0 reads "2", as the grid's filter reads it
    TableQuery(filters=((3, "4"),)),
    TableQuery(filters=((4, "yes"),)),
    TableQuery(filters=((5, "no"),)),
    TableQuery(filters=((6, "10:11:12.3456"),)),
    TableQuery(filters=((6, "00:00:00.000000"),)),
    TableQuery(filters=((7, "+0100"),)),
    TableQuery(filters=((None, "nan"),)),
    TableQuery(filters=((None, "none"),)),
    TableQuery(sort=(6, False), filters=((None, "a"), (2, "3"))),
    TableQuery(sort=(0, True), filters=((6, "2025-03-01"),)),
]


@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_paged_rows_equal_the_in_memory_rows(table: tuple[pd.DataFrame, TablePages], query: TableQuery) -> None:
    frame, pages = table
    expected = RowIndex(frame).rows(RowQuery(query.sort, query.filters))
    order = pages.order(query)
    assert order is not None
    shown = pages.page(order, 0, order.count)
    assert order.count == len(expected)
    np.testing.assert_array_equal(shown.source_rows, expected)
    for position, (name, dtype) in enumerate(zip(frame.columns, pages.dtypes, strict=True)):
        assert str(dtype) == str(frame[name].dtype), name  # the grid formats and labels it the same
        format_cell = formatter_for(frame[name].dtype)
        wanted = [format_cell(value) for value in frame[name].to_numpy(object)[expected]]
        got = [format_cell(value) for value in shown.frame.iloc[:, position].to_numpy(object)]
        assert got == wanted, name
    pages.drop(order)


def test_pages_of_an_order_are_its_slices(table: tuple[pd.DataFrame, TablePages]) -> None:
    _, pages = table
    order = pages.order(TableQuery(sort=(1, False), filters=((None, "e"),)))
    assert order is not None and order.table is not None
    whole = pages.page(order, 0, order.count).source_rows
    np.testing.assert_array_equal(pages.page(order, 256, 512).source_rows, whole[256:512])
    scattered = np.array([3, 17, 18, 900, order.count - 1])
    np.testing.assert_array_equal(pages.rows(order, scattered).source_rows, whole[scattered])
    every = pages.rows(RowOrder(ROWS), np.arange(0, ROWS, 7))
    np.testing.assert_array_equal(every.source_rows, np.arange(0, ROWS, 7))


def test_a_cancelled_order_gives_nothing(table: tuple[pd.DataFrame, TablePages]) -> None:
    _, pages = table
    assert pages.order(TableQuery(sort=(0, True)), cancelled=lambda: True) is None


def test_a_running_query_is_interrupted_once_cancelled() -> None:
    import duckdb

    asked = []
    started = time.perf_counter()
    slow = "SELECT sum(i) FROM range(6000000000) t(i)"  # about 20 s of work
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    assert run_watched(con, slow, cancelled=lambda: asked.append(1) or len(asked) > 3) is None
    assert time.perf_counter() - started < 5


def test_csv_export_streams_the_shown_rows_in_order(table: tuple[pd.DataFrame, TablePages], tmp_path: Path) -> None:
    frame, pages = table
    query = TableQuery(sort=(1, True), filters=((0, "a"),))
    path = tmp_path / "rows.csv"
    pages.write_csv(query, path)
    written = pd.read_csv(path, keep_default_na=False, dtype=str)
    expected = frame.iloc[RowIndex(frame).rows(RowQuery(query.sort, query.filters))]
    assert list(written.columns) == list(frame.columns)
    assert written["count"].tolist() == expected["count"].astype(str).tolist()
    inert = {"=sum(1)": "'=sum(1)", "-3": "-3"}  # formulas quoted, numbers kept
    assert written["user"].tolist() == [inert.get(v, v) for v in expected["user"].fillna("")]
    assert written["score"].tolist()[-1] == ""  # NaN is missing


def test_excel_export_refuses_more_rows_than_a_sheet_holds(table: tuple[pd.DataFrame, TablePages],
                                                           tmp_path: Path) -> None:
    frame, pages = table
    with pytest.raises(ExportFailed, match="1,048,575"):
        pages.write_xlsx(TableQuery(), 2_000_000, tmp_path / "big.xlsx", "rows")
    path = tmp_path / "rows.xlsx"
    pages.write_xlsx(TableQuery(sort=(2, False)), ROWS, path, "rows")
    written = pd.read_excel(path, engine="calamine")
    assert written["count"].tolist() == frame["count"].sort_values(ascending=False, kind="stable").tolist()


def test_a_table_kept_on_disk_pages_as_one_held_as_bytes(table: tuple[pd.DataFrame, TablePages],
                                                         tmp_path: Path) -> None:
    _, in_memory = table
    path = tmp_path / "events.parquet"
    path.write_bytes(in_memory.stored.data)
    on_disk = TablePages(StoredTable.on_disk(path, "raw/events.parquet", in_memory.stored.fingerprint))
    query = TableQuery(sort=(6, False), filters=((None, "e"),))
    assert on_disk.dtypes == in_memory.dtypes
    expected, got = (pages.page(pages.order(query), 0, 300) for pages in (in_memory, on_disk))
    np.testing.assert_array_equal(got.source_rows, expected.source_rows)
    pd.testing.assert_frame_equal(got.frame, expected.frame)
    on_disk.close()
