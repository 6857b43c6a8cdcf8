"""A source made of several exports: rows in two overlapping exports are counted once, and the summary says
how many and by which key."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from usagelens.io import ImportFailed, build_source, detect_options
from usagelens.io.refresh import refresh_source
from usagelens.model import SourceKind
from usagelens.workspace.append import append_files, stack

ROLES = {"user_id": "user_id", "timestamp": "time", "event": "event"}


def _export(path: Path, days: pd.DatetimeIndex, *, extra: dict[str, list[object]] | None = None) -> Path:
    frame = pd.DataFrame({"user_id": [f"u{d.day % 5}" for d in days], "time": days.strftime("%Y-%m-%d %H:%M:%S"),
                          "event": ["open"] * len(days), **(extra or {})})
    frame.to_csv(path, index=False)
    return path


@pytest.fixture
def months(tmp_path: Path) -> tuple[Path, Path]:
    january = _export(tmp_path / "jan.csv", pd.date_range("2024-01-01 09:00", "2024-02-10 09:00", freq="D"))
    february = _export(tmp_path / "feb.csv", pd.date_range("2024-02-01 09:00", "2024-03-10 09:00", freq="D"))
    return january, february


def _source(path: Path):  # type: ignore[no-untyped-def]
    return build_source(path, detect_options(path), SourceKind.EVENTS, ROLES, name="Events")


def test_two_overlapping_months_count_shared_rows_once(months: tuple[Path, Path]) -> None:
    january, february = months
    source = _source(january)
    appended = append_files(source, [february], key="")
    table = appended.fields["table"]
    assert isinstance(table, pd.DataFrame)
    assert len(table) == 70  # 1 Jan .. 10 Mar, one row a day, the 10 days of February in both files once
    assert (appended.rows_before, appended.rows_read, appended.duplicates) == (41, 39, 10)
    assert table["time"].is_monotonic_increasing and table["time"].dtype.kind == "M"
    assert appended.fields["files"] == ["jan.csv", "feb.csv"]
    assert appended.summary() == ("29 rows added from 1 file; 10 rows already in the source "
                                  "(same user_id, time, event) counted once")


def test_an_event_id_decides_what_is_the_same_row(tmp_path: Path) -> None:
    days = pd.date_range("2024-01-01", periods=4, freq="D")
    first = _export(tmp_path / "a.csv", days, extra={"$insert_id": ["a", "b", "c", "d"]})
    second = _export(tmp_path / "b.csv", days, extra={"$insert_id": ["c", "d", "e", "f"]})
    appended = append_files(_source(first), [second], key="")
    assert appended.duplicates == 2 and appended.key == "$insert_id"
    assert len(appended.fields["table"]) == 6  # type: ignore[arg-type]


def test_a_folder_of_months_appends_in_order_and_a_missing_role_changes_nothing(months: tuple[Path, Path],
                                                                                tmp_path: Path) -> None:
    january, february = months
    march = _export(tmp_path / "mar.csv", pd.date_range("2024-03-01 09:00", "2024-03-31 09:00", freq="D"))
    appended = append_files(_source(january), [february, march], key="")
    assert appended.fields["files"] == ["jan.csv", "feb.csv", "mar.csv"]
    assert len(appended.fields["table"]) == 91  # type: ignore[arg-type]
    broken = tmp_path / "broken.csv"
    pd.DataFrame({"user": ["u1"], "time": ["2024-04-01"], "event": ["open"]}).to_csv(broken, index=False)
    with pytest.raises(ImportFailed, match="broken.csv has no column 'user_id'"):
        append_files(_source(january), [broken], key="")


def test_a_column_typed_differently_in_two_exports_becomes_text() -> None:
    old = pd.DataFrame({"id": ["a"], "plan": [1.0]})
    new = pd.DataFrame({"id": ["b"], "plan": ["pro"]})
    table, dropped, key = stack(old, new)
    assert table["plan"].tolist() == ["1.0", "pro"] and dropped == 0 and key == ["id", "plan"]


def test_a_refresh_replaces_every_file(months: tuple[Path, Path]) -> None:
    january, february = months
    source = _source(january)
    source.files = ["jan.csv", "feb.csv"]
    assert refresh_source(source, february).fields["files"] == []
