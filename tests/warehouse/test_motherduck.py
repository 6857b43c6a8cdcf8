"""MotherDuck (issue 15.1), offline: ``md:database`` and ``motherduck:database`` are read wherever a DuckDB file's
URL is; the access token comes from the keychain, ``ULENS_PASSWORD`` or ``motherduck_token`` and goes only into
the config DuckDB's connect receives (checked by standing in for ``duckdb.connect``), never into a URL, the
project, the result cache, an output or a message; a connection that fails (here: no network) is one sentence."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import quote, quote_plus

import duckdb
import pandas as pd
import pytest

from usagelens import app
from usagelens.io.warehouse.connect import NO_MOTHERDUCK_TOKEN, connect
from usagelens.io.warehouse.credentials import known_password
from usagelens.io.warehouse.results import results_folder
from usagelens.io.warehouse.url import WarehouseError, looks_like_url, parse_url, scheme_of
from usagelens.model import Project, save_project
from usagelens.workspace.warehouse import linked_source, preview

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_warehouse_cli import events_database, events_frame  # noqa: E402

TOKEN = "md-Token:Heron/Quartz 4411"  # a colon, a slash and a space: hidden URL-quoted too
VARIABLES = ("ULENS_PASSWORD", "motherduck_token", "MOTHERDUCK_TOKEN")
ROLES = ["--user", "user_id", "--time", "timestamp", "--event", "event"]
REAL_CONNECT = duckdb.connect


def _leaks(data: bytes) -> bool:
    return any(form.encode() in data for form in {TOKEN, quote(TOKEN, safe=""), quote_plus(TOKEN)})


@pytest.fixture(autouse=True)
def no_token_around(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def motherduck(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, dict, bool]]:
    """``duckdb.connect`` stood in for: what it receives is recorded, and an ``md:`` database opens a local
    DuckDB file holding the warehouse tests' events (as MotherDuck would serve them)."""
    served = events_database(tmp_path / "served.duckdb", events_frame())
    calls: list[tuple[str, dict, bool]] = []

    def fake(database: str = ":memory:", read_only: bool = False, config: dict | None = None) -> object:
        calls.append((str(database), dict(config or {}), read_only))
        return REAL_CONNECT(str(served), read_only=True) if str(database).startswith("md:") else \
            REAL_CONNECT(database, read_only=read_only, config=config or {})

    monkeypatch.setattr(duckdb, "connect", fake)
    return calls


@pytest.mark.parametrize(("text", "database", "opened"), [
    ("md:sales", "sales", "md:sales?attach_mode=single"),
    ("motherduck:sales", "sales", "md:sales?attach_mode=single"),
    ("MD:sales?session_name=ana", "sales", "md:sales?attach_mode=single&session_name=ana"),
    ("md:sales?attach_mode=workspace", "sales", "md:sales?attach_mode=workspace"),
    ("md:", "", "md:?attach_mode=single"),
])
def test_motherduck_addresses_are_read_shown_and_keyed(text: str, database: str, opened: str) -> None:
    url = parse_url(text)
    assert looks_like_url(text) and scheme_of(text) == "motherduck"
    assert (url.scheme, url.path, url.display) == ("motherduck", database, f"md:{database}")
    assert url.needs_secret and url.keychain_account == "motherduck" and url.backend.ibis_name == "duckdb"
    assert url.motherduck_database() == opened
    assert url.where == (f"the MotherDuck database {database}" if database else "MotherDuck's default database")


@pytest.mark.parametrize(("text", "message"), [
    (f"md:sales?motherduck_token={quote_plus(TOKEN)}", "holds a password or token"),
    (f"md:sales?token={quote_plus(TOKEN)}", "holds a password or token"),
    ("md:sales/main", "names one database"),
])
def test_an_unusable_motherduck_address_is_one_sentence_without_the_token(text: str, message: str) -> None:
    with pytest.raises(WarehouseError, match=message) as refused:
        parse_url(text)
    assert not _leaks(str(refused.value).encode()) and "\n" not in str(refused.value)


@pytest.mark.parametrize("source", ["keychain", *VARIABLES])
def test_the_token_comes_from_the_keychain_or_the_environment(source: str, keychain, monkeypatch) -> None:  # noqa: ANN001
    url = parse_url("md:sales")
    assert known_password(url) is None
    if source == "keychain":
        keychain.set_password("UsageLens", "motherduck", TOKEN)
        monkeypatch.setenv("motherduck_token", "a-later-source")
    else:
        monkeypatch.setenv(source, TOKEN)
    assert known_password(url) == TOKEN
    assert known_password(parse_url("motherduck:other_db")) == TOKEN  # the account's token, for every database


def test_the_token_goes_into_duckdb_s_config_only(motherduck: list, keychain) -> None:  # noqa: ANN001
    keychain.set_password("UsageLens", "motherduck", TOKEN)
    con = connect(parse_url("md:sales?session_name=ana"))
    assert motherduck == [("md:sales?attach_mode=single&session_name=ana", {"motherduck_token": TOKEN}, False)]
    assert con.name == "duckdb" and con.raw_sql("SELECT current_setting('TimeZone')").fetchone() == ("UTC",)


def test_without_a_token_nothing_is_opened_and_the_sentence_says_where_to_put_one(motherduck: list) -> None:
    with pytest.raises(WarehouseError) as refused:
        connect(parse_url("md:sales"))
    assert str(refused.value) == NO_MOTHERDUCK_TOKEN and motherduck == []  # no browser sign-in from a worker
    assert "usagelens secret set md:" in NO_MOTHERDUCK_TOKEN and "motherduck_token" in NO_MOTHERDUCK_TOKEN


def test_a_failing_connection_is_one_sentence_without_the_token(monkeypatch: pytest.MonkeyPatch) -> None:
    """For real (no network here: DuckDB cannot fetch its motherduck extension; with one, MotherDuck refuses the
    made-up token), then with a driver that quotes the token in its error."""
    monkeypatch.setenv("motherduck_token", TOKEN)
    with pytest.raises(WarehouseError) as failed:
        connect(parse_url("md:sales"))
    said = str(failed.value)
    assert said.startswith("cannot connect to the MotherDuck database sales: ") and "\n" not in said
    assert not _leaks(said.encode())

    def quoting(database: str, read_only: bool = False, config: dict | None = None) -> object:
        raise duckdb.IOException(f"IO Error: Failed to download extension \"motherduck\" for {database} "
                                 f"(token {config['motherduck_token']})\nmore lines")

    monkeypatch.setattr(duckdb, "connect", quoting)
    with pytest.raises(WarehouseError) as quoted:
        connect(parse_url("md:sales"))
    said = str(quoted.value)
    assert "\n" not in said and not _leaks(said.encode()) and "***" in said
    assert "MotherDuck is reached over the internet" in said


def test_analyze_reads_motherduck_as_a_duckdb_file_and_keeps_no_token(
        motherduck: list, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("motherduck_token", TOKEN)
    local = events_database(tmp_path / "local.duckdb", events_frame())
    outputs = {}
    for name, address in (("md", "md:product"), ("file", f"duckdb://{local}")):
        out = tmp_path / f"{name}.csv"
        assert app.main(["analyze", address, "--table", "events", *ROLES, "funnel", "--steps", "signup,invite",
                         "--out", str(out)]) == 0
        outputs[name] = pd.read_csv(out)
    pd.testing.assert_frame_equal(outputs["md"], outputs["file"])
    assert app.main(["analyze", "md:product", "--table", "no_such_table", *ROLES, "events",
                     "--out", str(tmp_path / "x.csv")]) == 2
    opened = [call for call in motherduck if call[0].startswith("md:")]
    assert opened == [("md:product?attach_mode=single", {"motherduck_token": TOKEN}, False)] * 2
    captured = capsysbinary.readouterr()
    assert b"no table or view 'no_such_table' in the MotherDuck database product" in captured.err
    assert not _leaks(captured.out + captured.err)
    for path in [*tmp_path.rglob("*"), *results_folder().glob("*")]:
        assert not path.is_file() or not _leaks(path.read_bytes()), path


def test_a_linked_motherduck_source_keeps_the_address_not_the_token(
        motherduck: list, keychain, tmp_path: Path) -> None:  # noqa: ANN001
    from usagelens.model import WarehouseLink

    keychain.set_password("UsageLens", "motherduck", TOKEN)
    link = WarehouseLink(url="md:product", table="events", tie_break="seq")
    roles = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
    source = linked_source("Events", link, preview(link), roles)
    saved = tmp_path / "linked.ulens"
    save_project(Project(name="linked", sources=[source]), saved)
    assert not _leaks(saved.read_bytes()) and source.link is not None and source.link.url == "md:product"
