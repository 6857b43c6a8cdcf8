"""``usagelens analyze`` end to end: design §5 output columns, one-line errors with exit code 2."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

io = pytest.importorskip("usagelens.io")
if not all(
    hasattr(io, name) for name in ("detect_options", "read_table", "parse_timestamps", "ImportFailed")
):
    pytest.skip("usagelens.io is not complete yet", allow_module_level=True)

import usagelens.analytics  # noqa: E402
from usagelens.cli import analyze  # noqa: E402

CSV = """user_id,timestamp,event,score
007,2024-03-04 10:00:00,signup,10
007,2024-03-05 10:00:00.000001,create,9
7,2024-03-04 12:00:00+01:00,signup,3
7,2024-03-12,create,
8,2024-03-11 09:00,signup,8
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "events.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="usagelens")
    analyze.add_parser(parser.add_subparsers(dest="command"))
    return analyze.run(parser.parse_args(["analyze", *argv]))


def _columns(data: Path) -> list[str]:
    return ["--user", "user_id", "--time", "timestamp", "--event", "event"]


def test_active_users_weekly(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert _run(str(data), *_columns(data), "active-users", "--period", "week", "--out", str(out)) == 0
    assert out.read_text().splitlines() == ["period,active_users", "2024-03-04,2", "2024-03-11,2"]


def test_funnel_and_retention_columns(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "funnel.csv"
    assert (
        _run(
            str(data),
            *_columns(data),
            "funnel",
            "--steps",
            "signup,create",
            "--window",
            "7d",
            "--out",
            str(out),
        )
        == 0
    )
    table = pd.read_csv(out)
    assert list(table.columns) == [
        "step",
        "event",
        "users",
        "conversion_from_previous",
        "conversion_from_start",
    ]
    assert table["users"].tolist() == [3, 1]
    out = tmp_path / "retention.csv"
    argv = [
        str(data),
        *_columns(data),
        "retention",
        "--period",
        "week",
        "--mode",
        "on-or-after",
        "--out",
        str(out),
    ]
    assert _run(*argv) == 0
    table = pd.read_csv(out)
    assert list(table.columns) == [
        "cohort",
        "cohort_size",
        "period_offset",
        "retained_users",
        "retention_rate",
    ]
    assert table.values.tolist()[0] == ["2024-03-04", 2, 0, 2, 1.0]


@pytest.mark.parametrize(
    ("analysis", "columns"),
    [
        (["adoption"], ["event", "users", "adoption_rate"]),
        (["paths", "--from", "signup", "--depth", "2"], ["from_event", "to_event", "count", "share"]),
        (["transitions"], ["from_event", "to_event", "count", "share"]),
        (["nps", "--score", "score"], ["metric", "value", "ci_low", "ci_high", "responses"]),
    ],
)
def test_other_analyses_have_the_documented_columns(data: Path, tmp_path: Path, analysis, columns) -> None:
    out = tmp_path / "out.csv"
    assert _run(str(data), *_columns(data), *analysis, "--out", str(out)) == 0
    assert list(pd.read_csv(out).columns) == columns


def test_options_may_follow_the_analysis_name(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    argv = [str(data), "active-users", "--period", "day", *_columns(data), "--out", str(out)]
    assert _run(*argv) == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--user", "who", "--time", "timestamp", "--event", "event", "transitions"], "no column 'who'"),
        (["--time", "timestamp", "--event", "event", "transitions"], "needs --user"),
        (["--user", "user_id", "--time", "event", "--event", "event", "transitions"], "could be read"),
        (
            [
                "--user",
                "user_id",
                "--time",
                "timestamp",
                "--event",
                "event",
                "funnel",
                "--steps",
                "signup,nope",
            ],
            "nope",
        ),
        (
            [
                "--user",
                "user_id",
                "--time",
                "timestamp",
                "--event",
                "event",
                "active-users",
                "--period",
                "day",
                "--start",
                "2030-01-01",
                "--end",
                "2029-01-01",
            ],
            "after",
        ),
        (
            [
                "--user",
                "user_id",
                "--time",
                "timestamp",
                "--event",
                "event",
                "funnel",
                "--steps",
                "signup,create",
                "--start",
                "2030-01-01",
            ],
            "no user did",
        ),
        (
            [
                "--user",
                "user_id",
                "--time",
                "timestamp",
                "--event",
                "event",
                "transitions",
                "--start",
                "2030-01-01",
            ],
            "nothing to report",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(data: Path, tmp_path: Path, capsys, argv, message) -> None:
    assert _run(str(data), *argv, "--out", str(tmp_path / "x.csv")) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_bad_arguments_exit_2_with_one_line(data: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        _run(str(data), "active-users", "--period", "year")
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid choice" in err


def test_some_unparseable_timestamps_warn_and_continue(tmp_path: Path, capsys) -> None:
    path = tmp_path / "events.csv"
    path.write_text("u,t,e\na,2024-01-01,x\nb,not a date,x\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert _run(str(path), "--user", "u", "--time", "t", "--event", "e", "events", "--out", str(out)) == 0
    assert "warning: 1 value(s)" in capsys.readouterr().err


def test_module_entry_point(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    argv = [str(data), *_columns(data), "active-users", "--period", "month", "--out", str(out)]
    done = subprocess.run(
        [sys.executable, "-m", "usagelens.cli.analyze", *argv], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text().splitlines() == ["period,active_users", "2024-03-01,3"]


def test_sample_export_smoke(samples_dir: Path, tmp_path: Path) -> None:
    events = samples_dir / "events.csv"
    if not events.exists():
        pytest.skip("samples/events.csv has not been generated")
    out = tmp_path / "out.csv"
    argv = [str(events), "--user", "user_id", "--time", "timestamp", "--event", "event"]
    for analysis in (
        ["active-users", "--period", "week"],
        ["retention", "--period", "week"],
        ["transitions"],
    ):
        assert _run(*argv, *analysis, "--out", str(out)) == 0
        assert len(pd.read_csv(out)) > 0


def _every_parser(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:  # noqa: SLF001 - argparse lists sub-commands nowhere else
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in action.choices.values():
                found += _every_parser(sub)
    return found


def test_every_help_text_formats(capsys) -> None:
    from usagelens.app import build_parser

    parsers = _every_parser(build_parser())
    assert len(parsers) > 10
    for parser in parsers:
        assert parser.format_help()  # a bare % in a help string raised here (usagelens analyze --help)
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["analyze", "--help"])
    assert stop.value.code == 0 and "nps" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("analysis", "message"),
    [
        (["funnel", "--steps", "signup,create", "--window", "106752d"], "longer than 100 years"),
        (["funnel", "--steps", "signup,create", "--window", "99999999999999999999999w"], "longer than 100 years"),
        (["funnel", "--steps", "signup,create", "--window=0d"], "must be positive"),
        (["funnel", "--steps", "signup,create", "--window", "soon"], "not a duration"),
        (["paths", "--from", "signup", "--top", "-1"], "must be 1 or more"),
        (["retention", "--period", "week", "--max-periods", "many"], "invalid int value"),
    ],
)
def test_bad_numbers_and_durations_are_one_line_and_exit_2(data: Path, tmp_path: Path, capsys, analysis,
                                                           message) -> None:
    with pytest.raises(SystemExit) as stop:
        _run(str(data), *_columns(data), *analysis, "--out", str(tmp_path / "x.csv"))
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_an_unexpected_failure_is_still_one_line_and_exit_2(data: Path, tmp_path: Path, capsys,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr(usagelens.analytics, "transitions", broken)  # small data: the in-memory path answers
    assert _run(str(data), *_columns(data), "transitions", "--out", str(tmp_path / "x.csv")) == 2
    err = capsys.readouterr().err
    assert err == "usagelens analyze: error: transitions could not be computed on this data (division by zero)\n"


ENGINE_RUNS = [
    ("active-users", "--period", "week"),
    ("adoption",),
    ("funnel", "--steps", "signup,create", "--window", "7d"),
    ("retention", "--period", "week", "--mode", "on-or-after"),
    ("transitions",),
    ("paths", "--from", "signup"),
    ("events",),
]


@pytest.mark.parametrize("analysis", ENGINE_RUNS, ids=[run[0] for run in ENGINE_RUNS])
def test_both_engines_write_the_same_csv(data: Path, tmp_path: Path, analysis: tuple[str, ...]) -> None:
    """``--engine duckdb`` runs the Ibis definitions over the converted export: the same bytes as in memory."""
    outputs = {}
    for engine in ("memory", "duckdb"):
        out = tmp_path / f"{engine}.csv"
        assert _run(str(data), *_columns(data), *analysis, "--engine", engine, "--out", str(out)) == 0
        outputs[engine] = out.read_text()
    assert outputs["duckdb"] == outputs["memory"]


def test_an_unknown_engine_or_one_that_cannot_read_the_file_is_one_line(data: Path, tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        _run(str(data), *_columns(data), "events", "--engine", "spark", "--out", str(tmp_path / "x.csv"))
    assert stopped.value.code == 2
    assert "invalid choice: 'spark'" in capsys.readouterr().err
    latin = tmp_path / "latin.csv"
    latin.write_bytes(CSV.replace("signup", "inscrit\xe9").encode("cp1252"))
    assert _run(str(latin), *_columns(data), "events", "--engine", "duckdb", "--out", str(tmp_path / "y.csv")) == 2
    assert capsys.readouterr().err.startswith("usagelens analyze: error: the DuckDB engine cannot read this file (")


def test_duckdb_draws_no_progress_bar_on_stderr() -> None:
    from usagelens.analytics.definitions import duckdb_backend

    con = duckdb_backend.connect(memory_limit="256MB", threads=1)
    assert con.raw_sql("SELECT current_setting('enable_progress_bar')").fetchone() == (False,)
