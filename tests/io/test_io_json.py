"""JSON exports: Mixpanel's and Amplitude's raw exports, JSON arrays and lines, nested objects as dotted columns,
ids kept as text, the fast and the exact reader agreeing, progress and Cancel."""

from __future__ import annotations

import gzip
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from usagelens.io import (
    FileFormat,
    ImportCancelled,
    ImportFailed,
    build_source,
    detect_options,
    file_info,
    guess_kind,
    guess_roles,
    json_reader,
    read_preview,
    read_table,
    watched,
)
from usagelens.io.refresh import refresh_source
from usagelens.model.entities import ImportOptions, SourceKind


def _write_lines(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_mixpanel_export_is_recognised_and_its_unix_seconds_are_times(data_file: Callable[[str], Path]) -> None:
    path = data_file("mixpanel.jsonl")
    assert file_info(path).format is FileFormat.JSON
    preview = read_preview(path, detect_options(path))
    assert list(preview.columns) == [
        "event", "properties.time", "properties.distinct_id", "properties.$insert_id",
        "properties.mp_processing_time_ms", "properties.$browser", "properties.$city", "properties.mp_lib",
        "properties.cohorts",
    ]  # fmt: skip
    assert guess_kind(list(preview.columns)) is SourceKind.EVENTS
    roles = guess_roles(SourceKind.EVENTS, preview)
    assert roles == {"user_id": "properties.distinct_id", "timestamp": "properties.time", "event": "event"}
    source = build_source(path, detect_options(path), SourceKind.EVENTS, roles)
    table = source.table
    assert table["properties.time"].tolist() == list(
        pd.to_datetime(["2024-03-04 10:00:00", "2024-03-04 11:00:00", "2024-03-05 10:00:00"])
    )
    assert source.failed_timestamps == 0
    assert table["properties.distinct_id"].tolist() == ["u-007", "u-007", "7"]
    assert table["properties.cohorts"].tolist() == ['["beta"]', "[]", '["beta","pilot"]']  # lists kept as JSON
    assert table["properties.mp_processing_time_ms"].tolist() == [1709546400017, 1709550000017, 1709632800017]


def test_amplitude_zip_of_hourly_gzipped_lines_is_one_source(data_file: Callable[[str], Path]) -> None:
    path = data_file("amplitude.zip")
    info = file_info(path)
    assert info.format is FileFormat.JSON and info.description == "JSON records, 2 JSON files read as one table"
    preview = read_preview(path, detect_options(path))
    roles = guess_roles(guess_kind(list(preview.columns)), preview)
    assert roles == {"user_id": "user_id", "timestamp": "event_time", "event": "event_type"}
    table = build_source(path, detect_options(path), SourceKind.EVENTS, roles).table
    # Members in name order (hour 9 before hour 10, whatever the zip's order); the __MACOSX fork left out.
    assert table["$insert_id"].tolist() == ["ins-9-0", "ins-9-1", "ins-10-0", "ins-10-1"]
    assert table["event_time"].tolist() == list(pd.to_datetime([
        "2024-03-04 09:15:00.123456", "2024-03-04 09:15:00.123457",
        "2024-03-04 10:15:00.123456", "2024-03-04 10:15:00.123457",
    ]))  # fmt: skip
    assert table["event_properties.source"].tolist() == ["email", "push", "email", "push"]
    assert table["user_properties.plan"].tolist() == ["team"] * 4
    assert "groups" not in table.columns  # an object that is always empty leaves no column
    assert table["amplitude_id"].tolist() == [900, 901, 900, 901]


def test_json_array_with_nested_objects_and_ids_of_both_types(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([
        {"user": 7, "at": "2024-03-04", "props": {"plan": "team", "seats": 3, "flags": {"beta": True}}},
        {"user": "007", "at": "2024-03-04 10:00:00.000001", "props": {"plan": None, "seats": 2.5}},
        {"user": 12345678901234567890123, "at": "", "props": {"flags": {"beta": False}}, "extra": [1, {"a": "é"}]},
    ], indent=2), encoding="utf-8")  # fmt: skip
    table = read_table(path, detect_options(path))
    assert list(table.columns) == ["user", "at", "props.plan", "props.seats", "props.flags.beta", "extra"]
    assert table["user"].tolist() == ["7", "007", "12345678901234567890123"]  # two users, every digit kept
    assert table["at"].tolist()[:2] == ["2024-03-04", "2024-03-04 10:00:00.000001"]  # as written
    assert pd.isna(table["at"].iloc[2])  # an empty string is a missing value, as in a CSV
    assert table["props.seats"].tolist()[:2] == [3.0, 2.5]
    assert table["props.flags.beta"].fillna("-").tolist() == ["true", "-", "false"]
    assert table["extra"].fillna("-").tolist() == ["-", "-", '[1,{"a":"é"}]']


def _mixed_records(count: int) -> list[dict[str, object]]:
    """Records whose ``id`` is a number, then text: pyarrow's reader refuses that, the exact reader must not."""
    return [
        {"id": 7 if n % 2 else "007", "event": "open", "at": f"2024-03-04 10:00:{n % 60:02d}", "p": {"n": n}}
        for n in range(count)
    ]


def test_fast_and_exact_readers_give_the_same_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records = [
        {"event": "a", "p": {"time": 1709546400, "ratio": 0.1, "big": 2**62, "ok": True, "tags": ["x", 1]}},
        {"event": "b", "p": {"time": 1709546401, "ratio": 2, "day": "2024-03-04", "ok": False, "tags": []}},
        {"event": "", "p": {}, "late": {"x": "y"}},
    ]
    path = _write_lines(tmp_path / "events.jsonl", records)
    fast = read_table(path, ImportOptions())
    fast_preview = read_preview(path, ImportOptions())
    monkeypatch.setattr(json_reader, "_layout", lambda _head: None)  # no pyarrow: the exact reader
    exact = read_table(path, ImportOptions())
    pd.testing.assert_frame_equal(fast, exact)
    pd.testing.assert_frame_equal(fast_preview, read_preview(path, ImportOptions()))
    assert fast["p.day"].iloc[1] == "2024-03-04"  # as written, not "2024-03-04 00:00:00"
    assert fast["p.ratio"].iloc[:2].tolist() == [0.1, 2.0]
    assert fast["p.ok"].iloc[:2].tolist() == ["true", "false"]
    assert fast["p.tags"].iloc[:2].tolist() == ['["x",1]', "[]"]
    assert fast["p.big"].iloc[0] == str(2**62)  # too many digits for a float: kept as text, as in a CSV
    assert fast["late.x"].iloc[2] == "y" and pd.isna(fast["event"].iloc[2])


def _exact_reader_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("read by the exact reader")

    monkeypatch.setattr(json_reader, "exact_table", refuse)


@pytest.mark.parametrize("where", ["head", "after the head"])
def test_numbers_and_text_in_one_field_stay_on_the_fast_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """pyarrow refuses a field that is a number here and text there; its scalars are quoted as they stream in."""
    _exact_reader_forbidden(monkeypatch)
    head = [{"id": f"u{n}", "n": n, "ok": True, "event": "open", "pad": "x" * 200} for n in range(8000)]  # > 1 MB
    odd = [{"id": 7, "n": "many", "ok": "yes", "event": "open"}, {"id": "007", "n": 2.5, "event": "x"}]
    records = [*odd, *head] if where == "head" else [*head, *odd]
    path = _write_lines(tmp_path / "events.jsonl", records)
    table = read_table(path, ImportOptions())
    rows = slice(0, 2) if where == "head" else slice(-2, None)
    assert len(table) == 8002
    assert table["id"].iloc[rows].tolist() == ["7", "007"]
    assert table["n"].iloc[rows].tolist() == ["many", "2.5"]
    assert table["ok"].iloc[rows].fillna("-").tolist() == ["yes", "-"]
    assert table["n"].iloc[2 if where == "head" else 0] == "0"  # the column is text now: typing left it so
    assert read_preview(path, ImportOptions())["id"].iloc[0] == ("7" if where == "head" else "u0")


def test_an_object_turning_into_text_is_read_exactly(tmp_path: Path) -> None:
    head = [{"id": f"u{n}", "ctx": {"plan": "team"}, "pad": "x" * 200} for n in range(8000)]
    path = _write_lines(tmp_path / "events.jsonl", [*head, {"id": "u9", "ctx": "none"}])
    table = read_table(path, ImportOptions())
    assert table["ctx.plan"].iloc[0] == "team" and table["ctx"].iloc[-1] == "none"
    assert pd.isna(table["ctx"].iloc[0]) and pd.isna(table["ctx.plan"].iloc[-1])


def test_ids_seven_and_007_stay_two_users(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "events.ndjson", _mixed_records(4))
    roles = {"user_id": "id", "timestamp": "at", "event": "event"}
    source = build_source(path, ImportOptions(), SourceKind.EVENTS, roles)
    assert source.table["id"].tolist() == ["007", "7", "007", "7"]
    assert source.table["id"].nunique() == 2
    assert source.table["at"].dt.second.tolist() == [0, 1, 2, 3]


def test_json_lines_named_csv_is_read_as_json_lines(data_file: Callable[[str], Path]) -> None:
    path = data_file("jsonlines_named.csv")
    assert file_info(path).format is FileFormat.JSON
    table = read_table(path, detect_options(path))
    assert table.to_dict("list") == {"user_id": ["7", "007"], "event": ["login", "logout"]}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"a": 1}\n{"a": 2,\n', "events.json is not valid JSON at line 2"),
        ('[{"a": 1}, {"a": 2}', "events.json ends before its JSON array is closed; the file is probably cut off."),
        ("[[1, 2], [3, 4]]", "events.json does not hold records: line 1 is a JSON list, not an object with named"),
        ('{"a": 1}\n"text"\n', "events.json does not hold records: line 2 is a JSON single value"),
        ("user_id,event\nu1,login\n", "events.json is not valid JSON at line 1"),
        ("[]", "events.json holds no records with values."),
        ("{}\n{}\n", "events.json holds no records with values."),
    ],
)
def test_broken_json_is_explained(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "events.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFailed) as error:
        read_table(path, ImportOptions())
    assert str(error.value).startswith(message)


@pytest.mark.parametrize("exact", [False, True])
def test_progress_reported_and_cancel_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exact: bool) -> None:
    if exact:
        monkeypatch.setattr(json_reader, "_layout", lambda _head: None)
    monkeypatch.setattr(watched, "SMALL_PART_BYTES", 0)  # read on a worker, as a file of gigabytes is
    path = tmp_path / "big.jsonl"
    line = '{{"event":"open","properties":{{"distinct_id":"u{0}","time":{1}}}}}\n'
    path.write_text("".join(line.format(n, 1709546400 + n) for n in range(50_000)), encoding="utf-8")
    seen: list[float] = []
    table = read_table(path, ImportOptions(), progress=seen.append)
    assert len(table) == 50_000 and table["properties.distinct_id"].iloc[-1] == "u49999"
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 2  # how many in between depends on timing
    with pytest.raises(ImportCancelled):
        read_table(path, ImportOptions(), cancelled=lambda: True)
    answers = iter([False])  # cancelled once the read is under way
    with pytest.raises(ImportCancelled):
        read_table(path, ImportOptions(), cancelled=lambda: next(answers, True))


def test_refresh_reads_next_months_zip_the_way_the_source_was_read(
    tmp_path: Path, data_file: Callable[[str], Path]
) -> None:
    path = data_file("amplitude.zip")
    roles = {"user_id": "user_id", "timestamp": "event_time", "event": "event_type"}
    source = build_source(path, detect_options(path), SourceKind.EVENTS, roles)
    later = tmp_path / "amplitude-april.zip"
    with zipfile.ZipFile(later, "w") as archive:
        for hour in range(3):
            lines = "".join(json.dumps({
                "user_id": 7 if hour else "007", "event_time": f"2024-04-01 {hour:02d}:00:00.000001",
                "event_type": "open_app", "event_properties": {"source": "push", "campaign": "spring"},
            }) + "\n" for _ in range(2))  # fmt: skip
            archive.writestr(f"123456/123456_2024-04-01_{hour}#0.json.gz", gzip.compress(lines.encode()))
    refreshed = refresh_source(source, later)
    table = refreshed.fields["table"]
    assert (refreshed.rows_before, refreshed.rows_after) == (4, 6)
    assert refreshed.added_columns == ["event_properties.campaign"]
    assert table["user_id"].tolist() == ["007", "007", "7", "7", "7", "7"]
    assert table["event_time"].iloc[0] == pd.Timestamp("2024-04-01 00:00:00.000001")
