"""``usagelens analyze URL (--table T | --sql QUERY) …`` on real engines: a throw-away PostgreSQL cluster and a
DuckDB database file give the same CSV as the same events read from a CSV file in memory; only SELECTs are
sent; a wrong password is one line; a secret never appears in any output, message or file."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import duckdb
import ibis
import numpy as np
import pandas as pd
import pytest
from postgres_cluster import cluster, password_protected_table

from usagelens import app
from usagelens.io.warehouse.results import results_folder

PASSWORD = "Qx7-zebra!Lantern#9041"  # distinctive: found in a byte string only if it leaked
WRONG = "Wr0ng-Umbrella%Kettle&5"
ROLE = "analyst"
TABLE = "product_events"
ROLES = ["--user", "user_id", "--time", "timestamp", "--event", "event"]
ANALYSES = [
    ("active-users", "--period", "week"),
    ("adoption",),
    ("events",),
    ("funnel", "--steps", "signup,create,invite", "--window", "14d"),
    ("funnel", "--steps", "view,view,create", "--order", "strict"),
    ("retention", "--period", "week", "--mode", "on-or-after"),
    ("paths", "--from", "signup", "--depth", "2"),
    ("journey-map", "--to", "invite", "--depth", "3", "--group", "Work=re:^(create|view)$"),
    ("transitions",),
    ("stickiness",),
    ("lifecycle",),
    ("frequency", "--period", "month"),
    ("sessions", "--gap-minutes", "45"),
    ("heatmap", "--measure", "users"),
    ("segments", "--feature", "invite", "--by", "plan"),
    ("experiment", "--by", "variant", "--goal", "upgrade"),
    ("anomalies", "--count", "view", "--weeks", "3"),
    ("before-after", "--days", "14"),
    ("trends", "--event-a", "create", "--formula", "divide", "--compare-previous", "--smooth", "--by", "plan"),
    ("drivers", "--steps", "signup,create,invite", "--window-days", "7", "--attributes", "plan,variant"),
]


def events_frame() -> pd.DataFrame:
    """Eleven weeks of 60 users, with events at the same instant (the tie-break decides their order)."""
    rng = np.random.default_rng(15)
    rows = []
    names = ["signup", "view", "create", "invite", "upgrade"]
    for user in range(60):
        start = pd.Timestamp("2024-01-01") + pd.Timedelta(minutes=int(rng.integers(0, 60 * 24 * 40)))
        plan, variant = ("pro", "free", "team")[user % 3], "AB"[user % 2]
        times = start + pd.to_timedelta(np.sort(rng.integers(0, 60 * 24 * 35, 30)), unit="min")
        times = times + pd.to_timedelta(rng.integers(0, 1_000_000, 30), unit="us")
        for i, when in enumerate(times):
            event = "signup" if i == 0 else names[1 + int(rng.choice(4, p=[0.6, 0.2, 0.12, 0.08]))]
            rows.append((f"u{user:03d}", when, event, plan, variant))
            if i % 7 == 3:  # a second event at the very same instant, before the first one in name order
                rows.append((f"u{user:03d}", when, "alert", plan, variant))
    frame = pd.DataFrame(rows, columns=["user_id", "timestamp", "event", "plan", "variant"])
    return frame.assign(seq=np.arange(len(frame), dtype=np.int64))


def events_database(path: Path, frame: pd.DataFrame) -> Path:
    """``frame`` as the table ``events`` of a new DuckDB file at ``path`` (a warehouse to link)."""
    with duckdb.connect(str(path)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE events AS SELECT * FROM frame")
    return path


@pytest.fixture(scope="module")
def events_csv(frame: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "events.csv"
    frame.assign(timestamp=frame["timestamp"].dt.strftime("%Y-%m-%d %H:%M:%S.%f")).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def postgres_url(frame: pd.DataFrame) -> str:
    """The events as a table of the throw-away cluster, readable by ``analyst`` who logs in with a password."""
    return password_protected_table(TABLE, frame, ROLE, PASSWORD)


@pytest.fixture
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ULENS_PASSWORD", PASSWORD)


@pytest.fixture(autouse=True)
def _no_password_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ULENS_PASSWORD", raising=False)


def analyze(*argv: str) -> int:
    return app.main(["analyze", *argv])


def file_csv(events_csv: Path, analysis: tuple[str, ...], out: Path) -> str:
    assert analyze(str(events_csv), *ROLES, *analysis, "--engine", "memory", "--out", str(out)) == 0
    return out.read_text()


def assert_same_csv(warehouse: str, memory: str) -> None:
    """The same bytes: counts are exact, and rates are divided on the client from the same counts."""
    assert warehouse == memory


@pytest.mark.parametrize("analysis", ANALYSES, ids=lambda a: "-".join(a[:2]))
def test_postgres_gives_the_tables_of_the_in_memory_path(
    analysis: tuple[str, ...], postgres_url: str, events_csv: Path, tmp_path: Path, password: None
) -> None:
    out = tmp_path / "warehouse.csv"
    assert analyze(postgres_url, "--table", TABLE, "--tie-break", "seq", *ROLES, *analysis, "--out", str(out)) == 0
    assert_same_csv(out.read_text(), file_csv(events_csv, analysis, tmp_path / "memory.csv"))


def test_a_with_query_is_read_as_the_events(postgres_url: str, events_csv: Path, tmp_path: Path,
                                            password: None) -> None:
    query = (f"WITH renamed AS (SELECT user_id AS who, timestamp AS at, event AS what, seq FROM {TABLE}) "
             "SELECT * FROM renamed WHERE what <> 'upgrade';")
    out = tmp_path / "warehouse.csv"
    argv = ["--sql", query, "--user", "who", "--time", "at", "--event", "what", "--tie-break", "seq"]
    assert analyze(postgres_url, *argv, "funnel", "--steps", "signup,create,invite", "--out", str(out)) == 0
    frame = pd.read_csv(events_csv)
    without = events_csv.parent / "without_upgrade.csv"
    frame[frame["event"] != "upgrade"].to_csv(without, index=False)
    assert_same_csv(out.read_text(), file_csv(without, ("funnel", "--steps", "signup,create,invite"),
                                              tmp_path / "memory.csv"))


def test_a_duckdb_database_file_is_read_in_place_and_left_unchanged(frame: pd.DataFrame, events_csv: Path,
                                                                     tmp_path: Path) -> None:
    database = tmp_path / "events.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute(f"CREATE TABLE main.{TABLE} AS SELECT * FROM frame")
    before = database.read_bytes()
    for analysis in (("retention", "--period", "week"), ("lifecycle",), ("transitions",)):
        out = tmp_path / "warehouse.csv"
        argv = [f"duckdb://{database}", "--table", f"main.{TABLE}", "--tie-break", "seq", *ROLES, *analysis]
        assert analyze(*argv, "--out", str(out)) == 0
        assert_same_csv(out.read_text(), file_csv(events_csv, analysis, tmp_path / "memory.csv"))
    assert database.read_bytes() == before


def test_sessions_of_dates_without_times_say_why_as_for_a_file(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    database = tmp_path / "days.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute("CREATE TABLE days AS SELECT 'u' || (i % 4) AS user_id, DATE '2024-01-01' + i::INTEGER "
                    "AS timestamp, 'view' AS event FROM range(30) AS r(i)")
        con.execute(f"COPY days TO '{tmp_path / 'days.csv'}' (HEADER)")
    for data in (f"duckdb://{database}", str(tmp_path / "days.csv")):
        table = ["--table", "days"] if data.startswith("duckdb") else []
        assert analyze(data, *table, *ROLES, "sessions", "--out", str(tmp_path / "o.csv")) == 2
    warehouse, memory = capsys.readouterr().err.splitlines()
    assert warehouse.startswith("usagelens analyze: error: Every timestamp in this data is a date without a time "
                                "of day, so visits cannot be told apart")
    assert memory.startswith(warehouse)


def _one_line_error(capsys: pytest.CaptureFixture[bytes]) -> str:
    captured = capsys.readouterr()
    assert captured.out == b""
    lines = captured.err.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("usagelens analyze: error: "), lines
    return lines[0]


@pytest.mark.parametrize("query", [f"DELETE FROM {TABLE}", f"SELECT * FROM {TABLE}; DROP TABLE {TABLE}",
                                   f"WITH gone AS (DELETE FROM {TABLE} RETURNING *) SELECT * FROM gone",
                                   f"SELECT * INTO copied FROM {TABLE}", f"UPDATE {TABLE} SET event = 'x'"])
def test_anything_but_a_select_is_refused_before_it_is_sent(query: str, postgres_url: str, password: None,
                                                            capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert analyze(postgres_url, "--sql", query, *ROLES, "events", "--out", "never.csv") == 2
    assert "--sql takes" in _one_line_error(capsysbinary)
    con = ibis.postgres.connect(**cluster().connection)
    assert con.table(TABLE).count().execute() > 0 and "copied" not in con.list_tables()
    con.disconnect()


def test_a_wrong_password_is_one_line_naming_the_server_not_the_password(
    postgres_url: str, keychain, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]  # noqa: ANN001
) -> None:
    keychain.set_password("UsageLens", f"{ROLE}@127.0.0.1:{cluster().port}", WRONG)
    assert analyze(postgres_url, "--table", TABLE, *ROLES, "events", "--out", str(tmp_path / "x.csv")) == 2
    line = _one_line_error(capsysbinary)
    assert f"PostgreSQL at 127.0.0.1:{cluster().port}, database postgres" in line
    assert "password authentication failed" in line
    assert WRONG not in line and not (tmp_path / "x.csv").exists()


def _leaks(data: bytes, secret: str = PASSWORD) -> bool:
    from urllib.parse import quote, quote_plus

    return any(form.encode() in data for form in {secret, quote(secret, safe=""), quote_plus(secret)})


def test_a_secret_never_appears_in_any_output_message_or_file(
    postgres_url: str, keychain, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    monkeypatch.chdir(tmp_path)
    keychain.set_password("UsageLens", f"{ROLE}@127.0.0.1:{cluster().port}", PASSWORD)
    port = cluster().port
    runs = [
        (0, [postgres_url, "--table", TABLE, *ROLES, "funnel", "--steps", "signup,create"]),
        (2, [postgres_url, "--table", TABLE, *ROLES, "funnel", "--steps", "signup,never_done"]),
        (2, [postgres_url, "--table", "no_such_table", *ROLES, "events"]),
        (2, [postgres_url, "--sql", f"SELECT nope FROM {TABLE}", *ROLES, "events"]),
        (2, [postgres_url, "--table", TABLE, "--user", "who", "--time", "timestamp", "--event", "event", "events"]),
        (2, [f"postgres://{ROLE}:{PASSWORD}@127.0.0.1:{port}/postgres", "--table", TABLE, *ROLES, "events"]),
        (2, [f"postgres://{ROLE}@127.0.0.1:{port}/postgres?password={PASSWORD}", "--table", TABLE, *ROLES, "events"]),
        (2, [f"postgres://{ROLE}@127.0.0.1:{port}/no_such_database", "--table", TABLE, *ROLES, "events"]),
    ]
    output = b""
    for code, argv in runs:
        assert analyze(*argv, "--out", str(tmp_path / "out.csv")) == code, argv
        captured = capsysbinary.readouterr()
        output += captured.out + captured.err
    monkeypatch.setenv("ULENS_PASSWORD", PASSWORD)  # the environment's secret, a server that does not answer
    keychain.entries.clear()
    assert analyze(f"postgres://{ROLE}@127.0.0.1:{_closed_port()}/postgres", "--table", TABLE, *ROLES, "events",
                   "--out", str(tmp_path / "out.csv")) == 2
    captured = capsysbinary.readouterr()
    output += captured.out + captured.err
    assert b"password or token" in output and b"no table or view 'no_such_table'" in output
    assert not _leaks(output), output
    kept = list(results_folder().glob("*.parquet"))  # the funnel's result, kept in the user cache
    assert kept
    for path in [*tmp_path.rglob("*"), *kept]:
        assert not path.is_file() or not _leaks(path.read_bytes()), path


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_keychain_comes_first_then_the_environment_then_a_prompt(
    postgres_url: str, keychain, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    account = f"{ROLE}@127.0.0.1:{cluster().port}"  # --refresh: a result kept from the run before needs no password
    argv = [postgres_url, "--table", TABLE, *ROLES, "events", "--refresh", "--out", str(tmp_path / "out.csv")]
    keychain.set_password("UsageLens", account, PASSWORD)
    monkeypatch.setenv("ULENS_PASSWORD", WRONG)
    assert analyze(*argv) == 0
    keychain.entries.clear()
    assert analyze(*argv) == 2  # now the environment's (wrong) one is used
    monkeypatch.delenv("ULENS_PASSWORD")
    asked: list[str] = []
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or PASSWORD)
    assert analyze(*argv) == 0
    assert asked == [f"Password for {postgres_url}: "]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_secret_set_and_forget_keep_the_password_in_the_keychain(
    postgres_url: str, keychain, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    account = f"{ROLE}@127.0.0.1:{cluster().port}"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert app.main(["secret", "set", postgres_url]) == 0
    assert keychain.entries == {("UsageLens", account): PASSWORD}
    argv = [postgres_url, "--table", TABLE, *ROLES, "events", "--refresh", "--out", str(tmp_path / "out.csv")]
    assert analyze(*argv) == 0
    assert app.main(["secret", "forget", postgres_url]) == 0
    assert keychain.entries == {}
    assert app.main(["secret", "forget", postgres_url]) == 0
    assert analyze(*argv) == 2  # no password anywhere, no terminal to ask on
    output = capsysbinary.readouterr()
    assert b"held no password" in output.err and not _leaks(output.out + output.err)


def test_without_a_keychain_secret_set_says_so_in_one_line(
    no_keychain: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert app.main(["secret", "set", "postgres://analyst@db.example.com/app"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no keychain" in err and "ULENS_PASSWORD" in err and PASSWORD not in err
