"""Text exports in the encodings, delimiters and shapes real tools write: the imported values are right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from usagelens.io import (
    ImportCancelled,
    ImportFailed,
    csv_reader,
    detect_options,
    parse_timestamps,
    read_preview,
    read_table,
)
from usagelens.model.entities import ImportOptions

DataFile = Callable[[str], Path]


def test_semicolon_cp1252_with_decimal_commas(data_file: DataFile) -> None:
    path = data_file("semicolon_cp1252.csv")
    options = detect_options(path)
    assert (options.encoding, options.delimiter, options.decimal, options.header_row) == (
        "cp1252",
        ";",
        ",",
        0,
    )
    table = read_table(path, options)
    assert table["Betrag"].tolist() == [1.5, 1234.75, -3.25]
    assert table["Notiz"].iloc[:2].tolist() == ["Müller zahlt in €", "Größe L"]
    assert pd.isna(table["Notiz"].iloc[2])
    assert table["Datum"].tolist() == ["31.12.2024", "01.01.2025", "02.01.2025"]  # times are parsed per role


def test_utf16_tab_separated_unicode_text(data_file: DataFile) -> None:
    path = data_file("utf16_tab.txt")
    options = detect_options(path)
    assert (options.encoding, options.delimiter) == ("utf-16", "\t")
    table = read_table(path, options)
    assert list(table.columns) == ["user_id", "event", "score"]
    assert table["score"].tolist() == [9, 3]
    assert table["user_id"].tolist() == ["u1", "u2"]


def test_utf8_with_bom_has_clean_first_header(data_file: DataFile) -> None:
    path = data_file("utf8_bom.csv")
    options = detect_options(path)
    assert options.encoding == "utf-8-sig"
    table = read_table(path, options)
    assert list(table.columns) == ["user_id", "city", "amount"]
    assert table["city"].tolist() == ["Zürich", "São Paulo"]
    assert table["amount"].tolist() == [12.5, 7.0]


def test_mixed_utf8_and_cp1252_lines_both_read_right(data_file: DataFile) -> None:
    path = data_file("mixed_encoding.csv")
    options = detect_options(path)
    assert options.encoding == "utf-8"
    assert read_table(path, options)["city"].tolist() == ["Café", "Zürich", "Café"]
    assert read_preview(path, options)["city"].tolist() == ["Café", "Zürich", "Café"]


def test_quoted_multiline_cells(data_file: DataFile) -> None:
    path = data_file("multiline.csv")
    options = detect_options(path)
    expected = ['Great app,\nbut slow on "big" projects', "Line one\r\nline two\r\nline three", "short"]
    table = read_table(path, options)
    assert table["comment"].tolist() == expected
    assert table["score"].tolist() == [8, 4, 10]
    assert read_preview(path, options)["comment"].tolist() == expected


def test_duplicate_and_blank_headers_made_unique_the_same_way(data_file: DataFile) -> None:
    path = data_file("duplicate_headers.csv")
    options = detect_options(path)
    names = ["id", "amount", "amount_2", "column_4", "amount_2_2"]
    assert list(read_preview(path, options).columns) == names
    table = read_table(path, options)
    assert list(table.columns) == names
    assert table.iloc[0].tolist() == [1, 10, 20, "x", "y"]


def test_header_below_title_lines(data_file: DataFile) -> None:
    path = data_file("title_rows.csv")
    options = detect_options(path)
    assert options.header_row == 3
    for frame in (read_preview(path, options), read_table(path, options)):
        assert list(frame.columns) == ["user_id", "timestamp", "event"]
        assert frame["event"].tolist() == ["login", "upgrade_plan"]


def test_chosen_header_row_is_honoured(data_file: DataFile) -> None:
    options = ImportOptions(encoding="utf-8", delimiter=",", header_row=4)
    table = read_table(data_file("title_rows.csv"), options)
    assert list(table.columns) == ["u1", "2025-01-05 10:00:00", "login"]
    assert table.iloc[0].tolist() == ["u2", "2025-01-05 11:30:00", "upgrade_plan"]


def test_fifty_columns(data_file: DataFile) -> None:
    path = data_file("wide.csv")
    table = read_table(path, detect_options(path))
    assert table.shape == (3, 50)
    assert table["col50"].tolist() == [150, 250, 350]


def test_pipe_delimited_ids_stay_text(data_file: DataFile) -> None:
    path = data_file("pipe.txt")
    options = detect_options(path)
    assert options.delimiter == "|"
    table = read_table(path, options)
    assert table["user_id"].tolist() == ["007", "7"]
    assert table["amount"].tolist() == [19.99, 5.0]


def test_preview_is_all_text(data_file: DataFile) -> None:
    path = data_file("pipe.txt")
    preview = read_preview(path, detect_options(path), rows=1)
    assert preview.to_dict("list") == {
        "order_id": ["A1"],
        "user_id": ["007"],
        "amount": ["19.99"],
        "currency": ["EUR"],
    }
    assert all(pd.api.types.is_string_dtype(dtype) for dtype in preview.dtypes)


def test_preview_reads_only_the_head_of_a_huge_file(tmp_path: Path) -> None:
    """A ~30 MB file whose tail is unreadable: the preview never gets there, the full read does."""
    head = "user_id,event\n" + "".join(f"u{i},login\n" for i in range(5000))
    path = tmp_path / "huge.csv"
    ragged = b"u9,login,too,many,values\n"
    path.write_bytes(head.encode() + ragged * (30 * 1024 * 1024 // len(ragged)))
    options = detect_options(path)
    preview = read_preview(path, options, rows=100)
    assert preview["user_id"].tolist() == [f"u{i}" for i in range(100)]
    small = tmp_path / "small.csv"
    small.write_bytes(head.encode() + ragged)
    with pytest.raises(ImportFailed, match="has 5 values but the header has 2 columns"):
        read_table(small, options)


def test_progress_reported_and_cancel_honoured(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("user_id,event\n" + "".join(f"u{i},login\n" for i in range(300_000)))
    options = detect_options(path)
    seen: list[float] = []
    table = read_table(path, options, progress=seen.append)
    assert len(table) == 300_000
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 2
    with pytest.raises(ImportCancelled):
        read_table(path, options, cancelled=lambda: True)


def test_numbers_typed_only_when_a_float_keeps_them(tmp_path: Path) -> None:
    """Leading zeros, over-long digit runs and ids like 1E5 keep a column text; signs, exponents as software
    writes them (1e+3, 1.5E-2) and blanks do not."""
    path = tmp_path / "ids.csv"
    path.write_text(
        "zero,long,signed,exp,blank,mixed,code\n"
        "007,1234567890123456,+5,1e+3,,1,1E5\n"
        "8,1,-2,.5, ,x,00123\n"
        "9,2,3,1.5E-2,4,2,7\n"
    )
    table = read_table(path, detect_options(path))
    assert table["zero"].tolist() == ["007", "8", "9"]
    assert table["long"].tolist() == ["1234567890123456", "1", "2"]
    assert table["signed"].tolist() == [5, -2, 3] and table["signed"].dtype == "int64"
    assert table["exp"].tolist() == [1000.0, 0.5, 0.015]
    assert table["blank"].iloc[2] == 4.0 and table["blank"].iloc[:2].isna().all()
    assert table["mixed"].tolist() == ["1", "x", "2"]
    assert table["code"].tolist() == ["1E5", "00123", "7"]


def test_quoted_newlines_far_after_the_head_are_read_right(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast read assumes no quoted newlines while the head has no quote, which splits the file into
    blocks at any newline; a quote found later makes it start over the careful way, so multi-line comments
    that straddle the reader's block edges stay one value each, still read by Arrow (not the slow fallback,
    which also gets them right but is several times slower)."""
    monkeypatch.setattr(csv_reader, "_read_with_pandas", _fail_fallback)
    head = [f"u{i},login,plain text {i}\n" for i in range(2_000)]
    tail = [f'u{i},feedback,"line one of {i}\nline two, with a comma"\n' for i in range(2_000, 80_000)]
    path = tmp_path / "late_quotes.csv"
    path.write_text("user_id,event,comment\n" + "".join(head + tail))
    assert path.stat().st_size > 3 * (1 << 20)  # several of the reader's blocks
    table = read_table(path, detect_options(path))
    assert len(table) == 80_000
    assert table["user_id"].tolist() == [f"u{i}" for i in range(80_000)]
    assert table["comment"].iloc[-1] == "line one of 79999\nline two, with a comma"


def _fail_fallback(*_args: object, **_kwargs: object) -> pd.DataFrame:
    raise AssertionError("pyarrow refused a file it can read")


def test_time_columns_parsed_while_reading_match_the_role_parser(tmp_path: Path) -> None:
    """Naming the time columns lets Arrow parse ISO values during the read; the result is what the role's
    own parser makes of the text, for naive values, UTC offsets and blanks alike."""
    path = tmp_path / "times.csv"
    path.write_text(
        "naive,offset,blank\n"
        "2024-03-01 10:00:00.123456,2024-03-01T10:00:00+02:00,\n"
        "2024-03-02,2024-03-02T23:30:00Z,2024-03-02\n"
    )
    options = detect_options(path)
    typed = read_table(path, options, times=["naive", "offset", "blank"])
    text = read_table(path, options)
    for column in ("naive", "offset", "blank"):
        expected, failed = parse_timestamps(text[column])
        got, none_failed = parse_timestamps(typed[column])
        assert failed == none_failed == 0
        pd.testing.assert_series_equal(got, expected, check_names=False)
    assert parse_timestamps(typed["offset"])[0].tolist() == [
        pd.Timestamp("2024-03-01 08:00"),
        pd.Timestamp("2024-03-02 23:30"),
    ]


def test_time_column_iso_in_the_head_only_falls_back_to_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A time column whose later values are European dates is read again as text (by Arrow still), so the
    role's parser sees every value and counts only the truly unreadable one."""
    monkeypatch.setattr(csv_reader, "_read_with_pandas", _fail_fallback)
    lines = [f"u{i},2024-01-{1 + i % 28:02d} 08:00:00\n" for i in range(60_000)]
    lines += ["u1,31/12/2024\n", "u2,not a date\n"]
    path = tmp_path / "late_dates.csv"
    path.write_text("user_id,timestamp\n" + "".join(lines))
    table = read_table(path, detect_options(path), times=["timestamp"])
    assert pd.api.types.is_string_dtype(table["timestamp"])
    parsed, failed = parse_timestamps(table["timestamp"])
    assert failed == 1
    assert parsed.iloc[-2] == pd.Timestamp("2024-12-31")


def test_a_quote_in_the_head_goes_straight_to_the_careful_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quoted exports usually quote from the first row on: reading them the fast way first would only be
    stopped at the first block, so the careful way is taken at once."""
    path = tmp_path / "quoted.csv"
    path.write_text('user_id,comment\n' + "".join(f'u{i},"hello, {i}"\n' for i in range(1000)))
    calls: list[bool] = []
    attempt = csv_reader._arrow_attempt

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[5])  # newlines_in_values
        return attempt(*args, **kwargs)

    monkeypatch.setattr(csv_reader, "_arrow_attempt", recorded)
    table = read_table(path, detect_options(path))
    assert calls == [True] and table["comment"].iloc[7] == "hello, 7"
