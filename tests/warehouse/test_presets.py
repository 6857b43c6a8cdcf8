"""Presets for well-known schemas (issue 15.2): GA4's nested BigQuery export, PostHog's JSON properties and
Segment's tracks, built in DuckDB with their own types, give through ``--preset`` the CSV of the same events
given flat; the GA4 preset's BigQuery SQL is pinned in ``test_dialect_snapshots``."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import ibis
import pandas as pd
import pytest
from test_warehouse_cli import analyze, events_frame, file_csv
from warehouse_engines import arrow, upload_clickhouse, upload_postgres

from usagelens.io.warehouse.presets import GA4, POSTHOG, column_name
from usagelens.io.warehouse.url import WarehouseError
from usagelens.model import Project, Source, SourceKind, WarehouseLink
from usagelens.workspace.analyses import AnalysisInputs, run_analysis
from usagelens.workspace.warehouse import linked_source, preview

FLAT_ROLES = ["--user", "user_id", "--time", "timestamp", "--event", "event"]
# (the preset's arguments, the flat file's): a property is named as the preset reaches it, and read flat
# under the column name the preset gives it
GA4_CASES = [
    (("events",), ("events",)),
    (("funnel", "--steps", "signup,create,invite", "--window", "14d"),) * 2,
    (("retention", "--period", "week", "--mode", "on-or-after"),) * 2,
    (("transitions",),) * 2,
    (("sessions", "--gap-minutes", "45"),) * 2,
    (("segments", "--feature", "invite", "--by", "plan"),) * 2,
    (("experiment", "--by", "device.category", "--goal", "upgrade"),
     ("experiment", "--by", "device_category", "--goal", "upgrade")),
    (("segments", "--feature", "create", "--by", "geo.country"),
     ("segments", "--feature", "create", "--by", "geo_country")),
]
POSTHOG_CASES = [
    (("funnel", "--steps", "signup,create,invite"),) * 2,
    (("paths", "--from", "signup", "--depth", "2"),) * 2,
    (("segments", "--feature", "invite", "--by", "$browser"), ("segments", "--feature", "invite", "--by", "browser")),
    (("experiment", "--by", "plan", "--goal", "upgrade"),) * 2,
]


@pytest.fixture(scope="module")
def flat() -> pd.DataFrame:
    """The events with the properties the exports hold: a plan (left out of a fifth of the rows), a device
    category, a country."""
    frame = events_frame()
    return frame.assign(
        plan=frame["plan"].where(frame["seq"] % 5 != 0),
        device_category=frame["variant"].map({"A": "mobile", "B": "desktop"}),
        geo_country=frame["user_id"].str[-1].map(lambda digit: "FR" if digit in "0123" else "CL"),
        browser=frame["variant"].map({"A": "Chrome", "B": "Safari"}),
    )


@pytest.fixture(scope="module")
def flat_csv(flat: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("flat") / "events.csv"
    flat.assign(timestamp=flat["timestamp"].dt.strftime("%Y-%m-%d %H:%M:%S.%f")).to_csv(path, index=False)
    return path


PARAM = "{{'key': '{key}', 'value': {{'string_value': {text}, 'int_value': {whole}, 'float_value': NULL::DOUBLE, " \
        "'double_value': NULL::DOUBLE}}}}"
PLAN = PARAM.format(key="plan", text="plan", whole="NULL::BIGINT")
SEQ = PARAM.format(key="seq", text="NULL::VARCHAR", whole="seq")


@pytest.fixture(scope="module")
def ga4_database(flat: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """GA4's export: daily tables ``events_YYYYMMDD`` (two here), the time as INT64 microseconds, the plan and
    a sequence number in ``event_params`` (an array of key/value records), ``device`` and ``geo`` records."""
    path = tmp_path_factory.mktemp("ga4") / "ga4.duckdb"
    with duckdb.connect(str(path)) as con:
        con.register("flat", flat)
        for name, days in (("events_20240101", "< '2024-02-01'"), ("events_20240201", ">= '2024-02-01'")):
            con.execute(f"""
                CREATE TABLE {name} AS SELECT
                    user_id AS user_pseudo_id, NULL::VARCHAR AS user_id, epoch_us(timestamp) AS event_timestamp,
                    event AS event_name,
                    CASE WHEN plan IS NULL THEN [{SEQ}] ELSE [{PLAN}, {SEQ}] END AS event_params,
                    seq AS batch_event_index, 'WEB' AS platform,
                    {{'category': device_category, 'operating_system': 'Linux'}} AS device,
                    {{'country': geo_country, 'city': 'somewhere'}} AS geo
                FROM flat WHERE timestamp {days}""")
        con.execute("CREATE TABLE pseudonymous_users_20240101 AS SELECT 1 AS x")  # not matched by events_*
    return path


@pytest.mark.parametrize("case", GA4_CASES, ids=lambda case: "_".join(case[0]).replace("--", ""))
def test_ga4_export_gives_the_tables_of_the_same_events_given_flat(
    case: tuple[tuple[str, ...], tuple[str, ...]], ga4_database: Path, flat_csv: Path, tmp_path: Path
) -> None:
    through_preset, given_flat = case
    out = tmp_path / "ga4.csv"
    argv = [f"duckdb://{ga4_database}", "--table", "events_*", "--preset", "ga4", "--tie-break", "batch_event_index"]
    assert analyze(*argv, *through_preset, "--out", str(out)) == 0
    assert out.read_text() == file_csv(flat_csv, given_flat, tmp_path / "flat.csv")


def test_ga4_properties_are_read_from_event_params_records_and_columns(ga4_database: Path) -> None:
    con = ibis.duckdb.connect(str(ga4_database), read_only=True)
    con.raw_sql("SET lambda_syntax = 'ENABLE_SINGLE_ARROW'")
    mapped = GA4.apply(con.table("events_20240101"), ["plan", "seq", "device.category", "platform"], "duckdb")
    assert mapped.properties == {"plan": "plan", "seq": "seq", "device.category": "device_category",
                                 "platform": "platform"}
    rows = mapped.table.select("plan", "seq", "device_category", "platform", "batch_event_index").to_pandas()
    assert (rows["seq"] == rows["batch_event_index"].astype(str)).all()  # an int_value, as text
    assert rows["plan"].isna().any() and rows["plan"].dropna().isin(["pro", "free", "team"]).all()
    assert set(rows["device_category"]) == {"mobile", "desktop"} and set(rows["platform"]) == {"WEB"}
    for name, said in (("geo.nowhere", "no property 'geo.nowhere' in GA4's geo record"),
                       ("platform.x", "no property 'platform.x' in GA4's platform record")):
        with pytest.raises(WarehouseError, match=said):
            GA4.apply(con.table("events_20240101"), [name], "duckdb")
    con.disconnect()


def test_a_table_that_is_not_the_presets_schema_is_one_line(ga4_database: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    argv = [f"duckdb://{ga4_database}", "--table", "pseudonymous_users_20240101", "--preset", "ga4", "events"]
    assert analyze(*argv, "--out", str(tmp_path / "o.csv")) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "this table is not GA4's BigQuery export (events_*) (it has no column user_pseudo_id, event_timestamp" in err
    assert analyze(f"duckdb://{ga4_database}", "--table", "events_2023*", "--preset", "ga4", "events", "--out",
                   str(tmp_path / "o.csv")) == 2
    assert "no table in the DuckDB database" in capsys.readouterr().err


@pytest.fixture(scope="module")
def posthog_database(flat: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PostHog's events: ``distinct_id``, ``timestamp``, ``event`` and ``properties`` as JSON text (numbers,
    keys starting with ``$``, no document at all on some rows)."""
    documents = [None if seq % 9 == 0 else json.dumps({"$browser": browser, "$screen_width": 1280,
                                                       "$set": {"email": "x@example.com"},
                                                       **({} if pd.isna(plan) else {"plan": plan})})
                 for seq, browser, plan in zip(flat["seq"], flat["browser"], flat["plan"], strict=True)]
    table = flat[["user_id", "timestamp", "event", "seq"]].rename(columns={"user_id": "distinct_id"})
    table = table.assign(properties=documents)
    path = tmp_path_factory.mktemp("posthog") / "posthog.duckdb"
    with duckdb.connect(str(path)) as con:
        con.register("frame", table)
        con.execute("CREATE TABLE events AS SELECT * FROM frame")
    return path


@pytest.fixture(scope="module")
def posthog_flat_csv(flat: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What PostHog's JSON says, flat: nothing where a row had no document."""
    blank = flat["seq"] % 9 == 0
    flat = flat.assign(browser=flat["browser"].mask(blank), plan=flat["plan"].mask(blank))
    path = tmp_path_factory.mktemp("posthog_flat") / "events.csv"
    flat.assign(timestamp=flat["timestamp"].dt.strftime("%Y-%m-%d %H:%M:%S.%f")).to_csv(path, index=False)
    return path


@pytest.mark.parametrize("case", POSTHOG_CASES, ids=lambda case: "_".join(case[0]).replace("--", ""))
def test_posthog_events_give_the_tables_of_the_same_events_given_flat(
    case: tuple[tuple[str, ...], tuple[str, ...]], posthog_database: Path, posthog_flat_csv: Path, tmp_path: Path
) -> None:
    through_preset, given_flat = case
    out = tmp_path / "posthog.csv"
    argv = [f"duckdb://{posthog_database}", "--table", "events", "--preset", "posthog", "--tie-break", "seq"]
    assert analyze(*argv, *through_preset, "--out", str(out)) == 0
    assert out.read_text() == file_csv(posthog_flat_csv, given_flat, tmp_path / "flat.csv")


def test_posthog_json_keys_come_back_as_text(posthog_database: Path) -> None:
    con = ibis.duckdb.connect(str(posthog_database), read_only=True)
    mapped = POSTHOG.apply(con.table("events"), ["$browser", "$screen_width", "$set"], "duckdb")
    assert mapped.properties == {"$browser": "browser", "$screen_width": "screen_width", "$set": "set"}
    rows = mapped.table.select("properties", "browser", "screen_width").to_pandas()
    assert rows["screen_width"].dropna().eq("1280").all()
    assert rows["browser"].isna().equals(rows["properties"].isna())
    with pytest.raises(WarehouseError, match="reads JSON properties on DuckDB, BigQuery, PostgreSQL, ClickHouse only, "
                       "not on Snowflake"):
        POSTHOG.apply(con.table("events"), ["$browser"], "snowflake")
    con.disconnect()


@pytest.mark.parametrize("engine", ["duckdb", "postgres", "clickhouse"])
def test_posthog_json_keys_read_the_same_on_each_engine(engine: str) -> None:
    """Strings unescaped, numbers and booleans as their JSON text, a missing key, a JSON null or no document
    at all as missing (ClickHouse is PostHog's own engine)."""
    documents = ['{"$browser": "Chrome", "$screen_width": 1280, "ratio": 1.5, "beta": true, "note": "say \\"hi\\""}',
                 '{"plan": "pro", "$browser": null}', None]
    frame = pd.DataFrame({"distinct_id": ["a", "b", "c"], "timestamp": pd.Timestamp("2024-01-01"),
                          "event": "view", "properties": documents})
    if engine == "duckdb":
        table = ibis.duckdb.connect().create_table("events", arrow(frame))
    else:
        table = (upload_postgres if engine == "postgres" else upload_clickhouse)(arrow(frame))
    keys = ["$browser", "$screen_width", "ratio", "beta", "note", "plan"]
    mapped = POSTHOG.apply(table, keys, engine)
    read = mapped.table.order_by("distinct_id").select(*mapped.properties.values()).to_pyarrow().to_pandas()
    assert read.astype(object).where(read.notna(), None).to_dict("list") == {
        "browser": ["Chrome", None, None], "screen_width": ["1280", None, None], "ratio": ["1.5", None, None],
        "beta": ["true", None, None], "note": ['say "hi"', None, None], "plan": [None, "pro", None]}


def test_segment_tracks_count_a_user_by_id_else_by_anonymous_id(flat: pd.DataFrame, flat_csv: Path,
                                                                tmp_path: Path) -> None:
    """Users u000-u019 never signed in: their events carry only an anonymous id, which is theirs."""
    anonymous = flat["user_id"] < "u020"
    tracks = flat[["timestamp", "event", "seq"]].assign(
        user_id=flat["user_id"].mask(anonymous), anonymous_id=flat["user_id"].where(anonymous, "device-x"))
    database = tmp_path / "segment.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", tracks)
        con.execute("CREATE TABLE tracks AS SELECT * FROM frame")
    argv = [f"duckdb://{database}", "--table", "tracks", "--preset", "segment", "--tie-break", "seq"]
    for analysis in (("events",), ("funnel", "--steps", "signup,create,invite"), ("lifecycle",)):
        out = tmp_path / "segment.csv"
        assert analyze(*argv, *analysis, "--out", str(out)) == 0
        assert out.read_text() == file_csv(flat_csv, analysis, tmp_path / "flat.csv")
    out = tmp_path / "explicit.csv"  # an explicit role wins over the preset's: the 40 signed-in users share
    assert analyze(*argv, "--user", "anonymous_id", "events", "--out", str(out)) == 0  # one device id
    assert pd.read_csv(out)["users"].max() == 20 + 1


def test_property_names_become_column_names_a_warehouse_takes() -> None:
    assert [column_name(name) for name in ("page_location", "device.category", "$browser", "a b-c")] == [
        "page_location", "device_category", "browser", "a_b_c"]


def test_a_linked_ga4_export_keeps_the_properties_it_names_for_breakdowns(ga4_database: Path,
                                                                          flat: pd.DataFrame) -> None:
    """In the app, a GA4 link names the parameters and record fields to keep (as --property does): they are
    columns of its preview and breakdowns of its analyses, equal to the same events imported flat."""
    link = WarehouseLink(url=f"duckdb://{ga4_database}", table="events_*", tie_break="batch_event_index",
                         preset="ga4", properties=["device.category", "geo.country", "plan"])
    rows = preview(link)
    assert {"device_category", "geo_country", "plan"} <= set(rows.columns)
    roles = {"user_id": "user_pseudo_id", "timestamp": "event_time", "event": "event_name"}
    linked = AnalysisInputs(Project(name="ga4", sources=[linked_source("GA4", link, rows, roles)]))
    assert {"device_category", "geo_country"} <= set(linked.facts.properties)
    imported = AnalysisInputs(Project(name="flat", sources=[Source(
        "Events", SourceKind.EVENTS, table=flat.drop(columns=["seq", "variant", "browser"]),
        roles={"user_id": "user_id", "timestamp": "timestamp", "event": "event"})]))
    for by in ("device_category", "geo_country", "plan"):
        params = {"period": "week", "by": by}
        expected, got = run_analysis("active_users", imported, params), run_analysis("active_users", linked, params)
        assert not expected.empty and got.message == expected.message
        pd.testing.assert_frame_equal(got.table, expected.table)
