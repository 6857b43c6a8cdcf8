"""build_source: roles typed once (ids text, times UTC, numbers numeric), choices checked, samples import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from usagelens.io import (
    ImportFailed,
    build_source,
    detect_options,
    guess_kind,
    guess_roles,
    read_preview,
    typed_preview,
)
from usagelens.model.entities import ImportOptions, SourceKind

DataFile = Callable[[str], Path]
EVENT_ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}


def test_ids_stay_text_and_numeric_ids_lose_float_suffix(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["user_id", "timestamp", "event"])
    for user in ("007", 7, 12.0):
        book.active.append([user, "2025-01-01 10:00:00", "login"])
    path = tmp_path / "events.xlsx"
    book.save(path)
    source = build_source(path, detect_options(path), SourceKind.EVENTS, EVENT_ROLES)
    assert source.table["user_id"].tolist() == ["007", "7", "12"]

    numeric = tmp_path / "numeric_ids.csv"
    numeric.write_text("user_id,timestamp,event\n7,2025-01-01,login\n12,2025-01-02,login\n")
    table = build_source(numeric, detect_options(numeric), SourceKind.EVENTS, EVENT_ROLES).table
    assert table["user_id"].tolist() == ["7", "12"]
    assert pd.api.types.is_string_dtype(table["user_id"])


def test_source_metadata_and_failed_timestamps(data_file: DataFile) -> None:
    path = data_file("mixed_dates.csv")
    options = detect_options(path)
    before = datetime.now(UTC)
    source = build_source(
        path, options, SourceKind.FEEDBACK, {"timestamp": "when", "score": "user_id"}, name="Q4"
    )
    assert source.failed_timestamps == 1
    assert source.table["when"].iloc[2] == pd.Timestamp("2025-12-31 08:00:00.123456")
    assert len(source.table) == 8  # the unreadable time keeps its row
    assert (source.name, source.file_name) == ("Q4", "mixed_dates.csv")
    # the order its day/month dates were read in is kept, so a refresh reads next month's file the same way
    assert source.options == replace(options, date_order="day-first")
    assert source.imported_at is not None and source.imported_at >= before
    assert source.table["user_id"].isna().all()  # scores that are not numbers become NaN


def test_name_defaults_to_file_stem_and_decimal_comma_amounts(data_file: DataFile) -> None:
    path = data_file("semicolon_cp1252.csv")
    roles = {"user_id": "Kunde", "timestamp": "Datum", "amount": "Betrag"}
    source = build_source(path, detect_options(path), SourceKind.REVENUE, roles)
    assert source.name == "semicolon_cp1252"
    assert source.table["Betrag"].tolist() == [1.5, 1234.75, -3.25]
    assert source.table["Datum"].tolist() == [
        pd.Timestamp("2024-12-31"),
        pd.Timestamp("2025-01-01"),
        pd.Timestamp("2025-01-02"),
    ]
    assert source.failed_timestamps == 0


def test_amount_with_currency_signs_becomes_numbers(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        'customer,date,amount\nc1,2025-01-01,"$1,234.50"\nc2,2025-01-02,12 EUR\nc3,2025-01-03,n/a\n'
    )
    roles = {"user_id": "customer", "timestamp": "date", "amount": "amount"}
    table = build_source(path, detect_options(path), SourceKind.REVENUE, roles).table
    assert table["amount"].iloc[:2].tolist() == [1234.5, 12.0]
    assert pd.isna(table["amount"].iloc[2])


def test_feedback_score_scale_guessed_unless_given(data_file: DataFile) -> None:
    path = data_file("utf16_tab.txt")
    options = detect_options(path)
    roles = {"timestamp": "event", "score": "score", "user_id": "user_id"}
    assert build_source(path, options, SourceKind.FEEDBACK, roles).score_scale == "nps"
    assert build_source(path, options, SourceKind.FEEDBACK, roles, score_scale="csat").score_scale == "csat"


def test_required_role_must_be_chosen(data_file: DataFile) -> None:
    path = data_file("title_rows.csv")
    with pytest.raises(ImportFailed) as error:
        build_source(
            path,
            detect_options(path),
            SourceKind.EVENTS,
            {"user_id": "user_id", "timestamp": "timestamp", "event": ""},
        )
    assert str(error.value) == "Choose which column holds the event name."


def test_mapped_column_must_exist(data_file: DataFile) -> None:
    path = data_file("title_rows.csv")
    roles = {**EVENT_ROLES, "event": "action"}
    with pytest.raises(ImportFailed) as error:
        build_source(path, detect_options(path), SourceKind.EVENTS, roles)
    assert (
        str(error.value) == "title_rows.csv has no column 'action' for the event name; choose another column."
    )


def test_roles_of_other_kinds_are_ignored(data_file: DataFile) -> None:
    path = data_file("title_rows.csv")
    source = build_source(path, detect_options(path), SourceKind.EVENTS, {**EVENT_ROLES, "amount": "event"})
    assert source.roles == EVENT_ROLES


SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize(
    ("name", "kind", "roles"),
    [
        ("events.csv", SourceKind.EVENTS, EVENT_ROLES),
        ("customers.xlsx", SourceKind.CUSTOMERS, {"user_id": "user_id", "signup_date": "signup_date"}),
        (
            "survey.csv",
            SourceKind.FEEDBACK,
            {"timestamp": "date", "score": "nps", "user_id": "user_id", "comment": "comment"},
        ),
        (
            "revenue.csv",
            SourceKind.REVENUE,
            {"user_id": "user_id", "timestamp": "date", "amount": "amount", "currency": "currency"},
        ),
    ],
)
def test_sample_exports_import_with_guessed_settings(
    name: str, kind: SourceKind, roles: dict[str, str]
) -> None:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"samples/{name} not generated")
    options = detect_options(path)
    preview = read_preview(path, options)
    assert guess_kind(list(preview.columns)) is kind
    assert guess_roles(kind, preview) == roles
    source = build_source(path, options, kind, roles)
    assert source.failed_timestamps == 0
    assert len(source.table) == _data_rows(path, options)
    if "user_id" in kind.required_roles:  # survey answers may be anonymous
        assert source.table[roles["user_id"]].notna().all()
    time_column = roles.get("timestamp") or roles["signup_date"]
    assert pd.api.types.is_datetime64_any_dtype(source.table[time_column])


def _data_rows(path: Path, options: ImportOptions) -> int:
    """Rows counted independently of our reader: openpyxl for the workbook, lines for the CSVs."""
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        try:
            rows = book[options.sheet or book.sheetnames[0]].iter_rows(values_only=True)
            return sum(1 for row in rows if any(v is not None for v in row)) - 1
        finally:
            book.close()
    return len(pd.read_csv(path, dtype="str"))


def test_typed_preview_types_columns_as_the_import_will(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("user_id,timestamp,event,amount\n007,2024-01-02 10:00,login,1.5\n8,2024-01-03,export,2\n")
    options = detect_options(path)
    preview = read_preview(path, options)
    typed, _ = typed_preview(preview, EVENT_ROLES, options.decimal)
    assert typed["user_id"].tolist() == ["007", "8"]  # ids stay text, leading zero and all
    assert typed["timestamp"].tolist() == [pd.Timestamp("2024-01-02 10:00"), pd.Timestamp("2024-01-03")]
    assert typed["amount"].tolist() == [1.5, 2.0]
    assert preview["amount"].tolist() == ["1.5", "2"]  # the preview itself is left as read
    source = build_source(path, options, SourceKind.EVENTS, EVENT_ROLES)
    assert list(typed.dtypes) == list(source.table.dtypes)


def test_a_table_the_project_has_no_room_for_is_refused_before_reading_when_its_size_says_so(tmp_path: Path) -> None:
    """A project file holds a bounded number of cells; importing more would save a file that never reopens."""
    path = tmp_path / "big.csv"
    path.write_text("user_id,timestamp,event\n" + "u1,2024-01-01,a\n" * 5_000)
    roles = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
    with pytest.raises(ImportFailed, match=r"big.csv has about 5,\d{3} rows: more than this project has room for "
                                           r"\(1,000 of the 200,000,000 cells"):
        build_source(path, detect_options(path), SourceKind.EVENTS, roles, room_cells=1_000)
    assert len(build_source(path, detect_options(path), SourceKind.EVENTS, roles, room_cells=15_000).table) == 5_000


def test_extra_columns_that_overflow_the_room_are_refused_once_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    extra = ",".join(f"c{i}" for i in range(20))
    path.write_text(f"user_id,timestamp,event,{extra}\n" + ("u1,2024-01-01,a," + ",".join("x" * 20) + "\n") * 100)
    roles = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
    with pytest.raises(ImportFailed, match="wide.csv has 100 rows in 23 columns: more than this project has room"):
        build_source(path, detect_options(path), SourceKind.EVENTS, roles, room_cells=1_000)
