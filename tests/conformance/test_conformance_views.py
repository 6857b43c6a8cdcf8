"""The DuckDB executor's session and its ways in: an EventLog, a pandas frame, an Arrow table and a Parquet file
become the same standard view, ids stay text and times become UTC microseconds."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from cases import CASES

from usagelens.analytics import EventLog
from usagelens.analytics.definitions import active_users, duckdb_backend, funnel
from usagelens.analytics.definitions.view import fetch
from usagelens.paths import physical_memory

COLUMNS = {"user": "user_id", "time": "timestamp", "event": "event"}


@pytest.fixture(scope="module")
def con() -> object:
    return duckdb_backend.connect(memory_limit="512MB", threads=1)


def _rows(view: object) -> list[tuple]:
    table = fetch(view.order_by(["seq"]))
    return list(table[["user_id", "ts", "event", "seq"]].itertuples(index=False, name=None))


def test_the_session_runs_in_utc_with_a_memory_limit_and_a_spill_folder(tmp_path: Path) -> None:
    con = duckdb_backend.connect(memory_limit="300MB", threads=2, spill=tmp_path / "spill")
    settings = dict(
        con.raw_sql(
            "SELECT name, value FROM duckdb_settings() WHERE name IN ('TimeZone', 'threads', 'temp_directory')"
        ).fetchall()
    )
    assert settings == {"TimeZone": "UTC", "threads": "2", "temp_directory": str(tmp_path / "spill")}
    assert (tmp_path / "spill").is_dir()
    limit = con.raw_sql("SELECT current_setting('memory_limit')").fetchone()[0]
    assert limit.startswith("286") or limit.startswith("300")  # DuckDB prints MiB


def test_by_default_the_memory_limit_is_about_half_the_ram() -> None:
    ram = physical_memory()
    con = duckdb_backend.connect()
    limit = con.raw_sql("SELECT current_setting('memory_limit')").fetchone()[0]
    value, unit = limit.split()
    gib = float(value) * {"MiB": 2**20, "GiB": 2**30}[unit] / 2**30
    assert ram is None or abs(gib - ram / 2 / 2**30) < 0.1


@pytest.mark.parametrize("case", ["ties", "ids", "microseconds", "empty"])
def test_an_event_log_a_frame_an_arrow_table_and_a_parquet_file_give_the_same_view(
    con, case: str, tmp_path: Path
) -> None:
    frame = CASES[case]
    path = tmp_path / "events.parquet"
    frame.to_parquet(path, index=False)
    from_frame = _rows(duckdb_backend.register_frame(con, frame, **COLUMNS))
    from_parquet = _rows(duckdb_backend.register_parquet(con, path, **COLUMNS))
    from_log = _rows(duckdb_backend.register_event_log(con, EventLog.from_frame(frame, **COLUMNS)))
    from_arrow = _rows(duckdb_backend.register_arrow(con, pa.Table.from_pandas(frame), **COLUMNS))
    assert from_frame == from_parquet == from_arrow
    assert sorted(from_frame, key=lambda row: row[3]) == sorted(from_log, key=lambda row: row[3])


def test_ids_stay_text_and_integral_floats_lose_their_fraction(con, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "user_id": [7.0, 8.0, None, 9.0],
            "timestamp": pd.to_datetime(["2024-03-04"] * 4),
            "event": ["a", "a", "a", " "],
        }
    )
    assert sorted(_user_ids(duckdb_backend.register_frame(con, frame, **COLUMNS))) == ["7", "8"]
    path = tmp_path / "floats.parquet"
    frame.to_parquet(path, index=False)
    assert sorted(_user_ids(duckdb_backend.register_parquet(con, path, **COLUMNS))) == ["7", "8"]
    text = CASES["ids"]
    text.to_parquet(path, index=False)
    assert active_users(duckdb_backend.register_parquet(con, path, **COLUMNS), "day")["active_users"].iloc[0] == 2


def _user_ids(view: object) -> list[str]:
    return fetch(view.select("user_id"))["user_id"].tolist()


def test_zoned_times_become_utc(con) -> None:
    frame = pd.DataFrame(
        {
            "user_id": ["a", "a"],
            "timestamp": pd.to_datetime(["2024-03-04 23:30:00-02:00", "2024-03-05 00:30:00+01:00"], utc=True),
            "event": ["signup", "purchase"],
        }
    )
    frame["timestamp"] = frame["timestamp"].dt.tz_convert("America/Sao_Paulo")
    view = duckdb_backend.register_frame(con, frame, **COLUMNS)
    assert fetch(view.select("ts"))["ts"].tolist() == list(pd.to_datetime(["2024-03-05 01:30", "2024-03-04 23:30"]))
    assert funnel(view, ["purchase", "signup"])["users"].tolist() == [1, 1]


def test_the_memory_limit_can_be_set_for_a_shared_machine(monkeypatch) -> None:
    monkeypatch.setenv("USAGELENS_MEMORY_LIMIT", "700MB")
    limit = duckdb_backend.connect().raw_sql("SELECT current_setting('memory_limit')").fetchone()[0]
    assert limit.startswith(("667", "700"))  # DuckDB prints MiB
