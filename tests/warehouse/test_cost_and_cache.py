"""Cost and time made visible (issue 15.3): BigQuery's dry-run byte estimate before a first run, refusable with
``--max-bytes``, and warehouse results kept per (source, query, parameters) in the user cache with their time.

There are no BigQuery credentials here: the estimate is asked of a stand-in for ``google.cloud.bigquery``'s
client that answers ``query(sql, job_config=QueryJobConfig(dry_run=True))`` as BigQuery does, with the job's
``total_bytes_processed``; the SQL it is handed is the view's compiled BigQuery SQL, as on the real path."""

from __future__ import annotations

import os
import sys
import types
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import duckdb
import ibis
import pandas as pd
import pytest
from test_warehouse_cli import ROLES, TABLE, analyze, events_frame

from usagelens.analytics.definitions.view import standard_view
from usagelens.io.warehouse import results
from usagelens.io.warehouse.cost import DRY_RUNS, dry_run_bytes, parse_size, readable_size
from usagelens.io.warehouse.results import ResultKey, cached_result, refresh, results_folder

ESTIMATE = 3_210_000_000


class QueryJobConfig:
    """``google.cloud.bigquery.QueryJobConfig``: the options a job is sent with."""

    def __init__(self, **options: object) -> None:
        self.options = options


class DryRunClient:
    """``google.cloud.bigquery.Client.query`` as BigQuery answers a dry run: a job that says what it would scan."""

    def __init__(self, size: int = ESTIMATE) -> None:
        self.size = size
        self.asked: list[tuple[str, dict[str, object], str | None]] = []

    def query(self, query: str, *, job_config: QueryJobConfig, project: str | None = None) -> SimpleNamespace:
        self.asked.append((query, job_config.options, project))
        return SimpleNamespace(total_bytes_processed=self.size)


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> DryRunClient:
    """The BigQuery driver's module (only its QueryJobConfig) and a client answering dry runs."""
    bigquery = types.ModuleType("google.cloud.bigquery")
    bigquery.QueryJobConfig = QueryJobConfig  # type: ignore[attr-defined]
    cloud = types.ModuleType("google.cloud")
    cloud.bigquery = bigquery  # type: ignore[attr-defined]
    google = types.ModuleType("google")
    google.cloud = cloud  # type: ignore[attr-defined]
    for name, module in (("google", google), ("google.cloud", cloud), ("google.cloud.bigquery", bigquery)):
        monkeypatch.setitem(sys.modules, name, module)
    return DryRunClient()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    with duckdb.connect(str(path)) as con:
        con.register("frame", events_frame())
        con.execute(f"CREATE TABLE {TABLE} AS SELECT * FROM frame")
    return path


@pytest.fixture
def estimated(client: DryRunClient, monkeypatch: pytest.MonkeyPatch) -> DryRunClient:
    """DuckDB estimated as BigQuery would be: the view compiled for BigQuery and dry-run by ``client``."""
    monkeypatch.setitem(DRY_RUNS, "duckdb", lambda _con, expr: dry_run_bytes(
        client, ibis.to_sql(expr, dialect="bigquery"), project="billing"))
    return client


def _err(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


def test_bigquery_is_asked_for_a_dry_run_of_the_compiled_sql(client: DryRunClient) -> None:
    events = ibis.table({"user_pseudo_id": "string", "ts": "timestamp", "event_name": "string"}, name="events_x")
    view = standard_view(events, user="user_pseudo_id", time="ts", event="event_name")
    con = SimpleNamespace(name="bigquery", client=client, billing_project="billing",
                          compile=lambda expr: ibis.to_sql(expr, dialect="bigquery"))
    assert DRY_RUNS["bigquery"](con, view) == ESTIMATE
    [(sql, options, project)] = client.asked
    assert options == {"dry_run": True, "use_query_cache": False} and project == "billing"
    assert sql == ibis.to_sql(view, dialect="bigquery") and "FROM `events_x`" in sql


def test_the_estimate_is_one_line_before_the_first_run(estimated: DryRunClient, database: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    argv = [f"duckdb://{database}", "--table", TABLE, *ROLES, "funnel", "--steps", "signup,create"]
    assert analyze(*argv, "--out", str(tmp_path / "o.csv")) == 0
    assert _err(capsys) == ["usagelens analyze: this query will scan about 3.2 GB (BigQuery's dry-run estimate for "
                            "one read of the events)"]
    [(sql, options, _project)] = estimated.asked
    assert options["dry_run"] is True and "`user_id`" in sql and "`plan`" not in sql  # the view's columns only


def test_max_bytes_refuses_a_larger_estimate_before_anything_runs(estimated: DryRunClient, database: Path,
                                                                  tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.csv"
    argv = [f"duckdb://{database}", "--table", TABLE, *ROLES, "events", "--out", str(out)]
    assert analyze(*argv, "--max-bytes", "1GB") == 2
    assert _err(capsys) == ["usagelens analyze: error: this query would scan about 3.2 GB, more than --max-bytes "
                            "1.0 GB: nothing was run"]
    assert not out.exists() and not any(results_folder().glob("*.parquet"))
    assert analyze(*argv, "--max-bytes", "4 GB") == 0 and out.exists()


def test_max_bytes_is_refused_where_there_is_no_dry_run(tmp_path: Path, database: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    for url in (f"duckdb://{database}", "postgres://analyst@127.0.0.1:9/postgres"):
        assert analyze(url, "--table", TABLE, *ROLES, "events", "--max-bytes", "10GB", "--out", "o.csv") == 2
        [line] = _err(capsys)
        assert "--max-bytes needs BigQuery's dry-run estimate, which" in line and "does not give" in line
    with pytest.raises(SystemExit, match="2"):  # argparse's own exit, after its one line
        analyze(f"duckdb://{database}", "--table", TABLE, *ROLES, "events", "--max-bytes", "lots", "--out", "o.csv")
    assert _err(capsys) == ["usagelens analyze: error: argument --max-bytes: not a size: 'lots' (e.g. 500MB, "
                            "10GB, 1TB)"]


def test_a_refused_estimate_is_one_sentence(client: DryRunClient, monkeypatch: pytest.MonkeyPatch, database: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    def denied(_con: object, _expr: object) -> int:
        raise PermissionError("403 Access Denied: Table p:d.events: User does not have permission\nmore detail")

    monkeypatch.setitem(DRY_RUNS, "duckdb", denied)
    assert analyze(f"duckdb://{database}", "--table", TABLE, *ROLES, "events", "--out", "o.csv") == 2
    assert _err(capsys) == ["usagelens analyze: error: BigQuery did not estimate the query's size: 403 Access "
                            "Denied: Table p:d.events: User does not have permission"]


@pytest.mark.parametrize("analysis", [("retention", "--period", "week"), ("sessions",), ("experiment", "--by",
                                      "variant", "--goal", "upgrade"), ("funnel", "--steps", "signup,create")],
                         ids=lambda analysis: analysis[0])
def test_a_result_is_kept_with_its_time_and_given_back_until_refresh(
    analysis: tuple[str, ...], estimated: DryRunClient, database: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = [f"duckdb://{database}", "--table", TABLE, *ROLES, *analysis]
    first, again, refreshed = (tmp_path / f"{name}.csv" for name in ("first", "again", "refreshed"))
    assert analyze(*argv, "--out", str(first)) == 0
    with duckdb.connect(str(database)) as con:  # the warehouse moves on: a new user signs up and converts
        con.execute(f"INSERT INTO {TABLE} SELECT 'new', timestamp + INTERVAL 1 MINUTE * seq, event, plan, variant, "
                    f"seq + 100000 FROM {TABLE} WHERE user_id = 'u001'")
    capsys.readouterr()
    assert analyze(*argv, "--out", str(again)) == 0
    [line] = _err(capsys)
    assert line.startswith("usagelens analyze: the result computed ") and line.endswith(
        " UTC, from the cache (--refresh runs it again)")
    assert again.read_bytes() == first.read_bytes() and len(estimated.asked) == 1  # not even estimated again
    assert analyze(*argv, "--refresh", "--out", str(refreshed)) == 0
    assert "this query will scan about" in capsys.readouterr().err
    assert refreshed.read_bytes() != first.read_bytes()


def test_other_options_or_another_source_are_other_results(database: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    base = [f"duckdb://{database}", "--table", TABLE, *ROLES]
    runs = [[*base, "funnel", "--steps", "signup,create"], [*base, "funnel", "--steps", "signup,invite"],
            [*base, "--tie-break", "seq", "funnel", "--steps", "signup,create"],
            [f"duckdb://{database}", "--sql", f"SELECT * FROM {TABLE}", *ROLES, "funnel", "--steps", "signup,create"]]
    for argv in runs:
        assert analyze(*argv, "--out", str(tmp_path / "o.csv")) == 0
        assert "from the cache" not in capsys.readouterr().err
    assert len(list(results_folder().glob("*.parquet"))) == len(runs)


def test_the_cache_gives_back_only_what_was_kept_for_that_key(tmp_path: Path) -> None:
    key = ResultKey("duckdb:///x.duckdb table events", "funnel", {"steps": "a,b", "window": pd.Timedelta("7D")})
    table = pd.DataFrame({"step": [1, 2], "users": [10, 4], "rate": [1.0, 0.4]})
    when = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)
    assert cached_result(key, folder=tmp_path) is None
    kept = refresh(key, lambda: table, folder=tmp_path, now=lambda: when)
    again = cached_result(key, folder=tmp_path)
    assert again is not None and again.computed_at == when == kept.computed_at
    pd.testing.assert_frame_equal(again.table, table)
    other = ResultKey(key.source, "funnel", {"steps": "a,c", "window": pd.Timedelta("7D")})
    assert other.digest != key.digest and cached_result(other, folder=tmp_path) is None
    (tmp_path / f"{other.digest}.parquet").write_bytes((tmp_path / f"{key.digest}.parquet").read_bytes())
    assert cached_result(other, folder=tmp_path) is None  # a file under another key's name is not its result
    (tmp_path / f"{key.digest}.parquet").write_bytes(b"PAR1 cut short")
    assert cached_result(key, folder=tmp_path) is None

    def fails() -> pd.DataFrame:
        raise ConnectionError("the warehouse went away")

    with pytest.raises(ConnectionError):
        refresh(other, fails, folder=tmp_path / "new")
    assert not (tmp_path / "new").exists()


def test_the_cache_keeps_its_budget_dropping_the_least_recently_used(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    keys = [ResultKey("duckdb:///x.duckdb table events", "events", {"n": n}) for n in range(3)]
    table = pd.DataFrame({"event": ["a"] * 50, "users": range(50)})
    refresh(keys[0], lambda: table, folder=tmp_path)
    size = (tmp_path / f"{keys[0].digest}.parquet").stat().st_size
    monkeypatch.setattr(results, "BUDGET", 2 * size + size // 2)
    refresh(keys[1], lambda: table, folder=tmp_path)
    os.utime(tmp_path / f"{keys[0].digest}.parquet", (1, 1))
    os.utime(tmp_path / f"{keys[1].digest}.parquet", (1, 1))
    assert cached_result(keys[0], folder=tmp_path) is not None  # read: now the most recently used of the two
    refresh(keys[2], lambda: table, folder=tmp_path)
    assert [cached_result(key, folder=tmp_path) is not None for key in keys] == [True, False, True]


def test_sizes_read_and_shown() -> None:
    assert [parse_size(text) for text in ("500MB", "10 GB", "1.5TB", "2GiB", "123")] == [
        500 * 10**6, 10 * 10**9, 15 * 10**11, 2 * 2**30, 123]
    assert [readable_size(size) for size in (999, 3_210_000_000, 1_500_000_000_000)] == ["999 B", "3.2 GB", "1.5 TB"]
