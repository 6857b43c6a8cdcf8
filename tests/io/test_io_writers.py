"""Writers: atomic, formula-safe text, Excel-valid sheet names, values that round-trip."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import python_calamine

from usagelens.io import write_csv, write_xlsx


def sample_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "text": ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "plain"],
            "number": [1, 2.5, None, 4, 5],
            "when": pd.to_datetime(["2025-01-01 10:00:00.123"] * 5),
        }
    )


def test_xlsx_round_trip_and_formula_injection(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx({"Results": sample_frame()}, path)
    rows = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_name("Results").to_python()
    assert rows[0] == ["text", "number", "when"]
    assert [row[0] for row in rows[1:]] == ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "plain"]
    assert [row[1] for row in rows[1:]] == [1.0, 2.5, "", 4.0, 5.0]
    assert rows[1][2] == pd.Timestamp("2025-01-01 10:00:00.123").to_pydatetime()
    sheet = openpyxl.load_workbook(path)["Results"]
    assert all(cell.data_type == "s" for cell in sheet["A"])  # text, never formulas
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b
    assert 8 <= sheet.column_dimensions["A"].width <= 60


def test_sheet_names_sanitised_truncated_unique(tmp_path: Path) -> None:
    path = tmp_path / "many.xlsx"
    frame = pd.DataFrame({"a": [1]})
    write_xlsx({"Funnel: web/ios": frame, "funnel_ web_ios": frame, "x" * 40: frame, "History": frame}, path)
    names = python_calamine.CalamineWorkbook.from_path(path).sheet_names
    assert names == ["Funnel_ web_ios", "funnel_ web_ios (2)", "x" * 31, "History_"]


def test_csv_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(sample_frame(), path)
    assert path.read_text(encoding="utf-8").splitlines()[:2] == [
        "text,number,when",
        '"\'=HYPERLINK(""http://x"")",1.0,2025-01-01 10:00:00.123',
    ]
    assert pd.read_csv(path)["number"].tolist()[:2] == [1.0, 2.5]


def test_failed_write_keeps_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx({"old": pd.DataFrame({"a": [1]})}, path)
    before = path.read_bytes()

    def crash(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", crash)
    with pytest.raises(OSError, match="disk full"):
        write_xlsx({"new": pd.DataFrame({"a": [2]})}, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]  # no temp file left behind


def test_csv_text_that_would_run_as_a_formula_gets_an_apostrophe_and_numbers_stay_numbers(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    frame = pd.DataFrame({
        "=cmd": ["=1+1", "-2", "-2+3", "\tx", "plain", "@me"],
        "delta": [-1.5, -2, 0, 3, None, -7],
        "mixed": ["+x", 5, None, "-3.5", "ok", -1],
    })
    write_csv(frame, path)
    assert path.read_text(encoding="utf-8").splitlines() == [
        "'=cmd,delta,mixed",
        "'=1+1,-1.5,'+x",
        "-2,-2.0,5",  # a number written as text is harmless in any spreadsheet: it stays as is
        "'-2+3,0.0,",
        "'\tx,3.0,-3.5",
        "plain,,ok",
        "'@me,-7.0,-1",
    ]


def test_csv_quotes_a_bare_carriage_return_so_it_cannot_split_a_row(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(pd.DataFrame({"comment": ["line one\rline two", "next"], "n": [1, 2]}), path)
    assert path.read_bytes() == b'comment,n\r\n"line one\rline two",1\r\nnext,2\r\n'
    assert pd.read_csv(path)["comment"].tolist() == ["line one\rline two", "next"]
