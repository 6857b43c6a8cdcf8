"""``usagelens analyze`` for every gallery analysis: the CSV is the table the app's gallery computes (design §5)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from usagelens.cli import analyze
from usagelens.cli.gallery import COMMANDS, GALLERY_COMMANDS
from usagelens.model import Project, Source, SourceKind
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, AnalysisResult
from usagelens.workspace.analyses import aggregated as g
from usagelens.workspace.analyses import behaviour as b
from usagelens.workspace.analyses import drivers as dr
from usagelens.workspace.analyses import feedback as fb
from usagelens.workspace.analyses import funnel_views as fv
from usagelens.workspace.analyses import journey_map as jm
from usagelens.workspace.analyses import outcomes as o
from usagelens.workspace.analyses import pain_points as pain
from usagelens.workspace.analyses import touchpoint_time as tt
from usagelens.workspace.analyses import trends as t
from usagelens.workspace.metrics import metric_measure

DAYS = pd.date_range("2024-03-04", periods=42, freq="D")
USERS = [f"u{u:02d}" for u in range(12)]
EVENT_COLUMNS = ["--user", "user_id", "--time", "timestamp", "--event", "event"]


def _events() -> pd.DataFrame:
    """Twelve users over six weeks: logins some mornings (an export ten minutes later now and then, an evening
    login every sixth day: a second session), upgrades by a few; ``plan`` is an event property."""
    rows = []
    for d, day in enumerate(DAYS):
        for u, user in enumerate(USERS):
            plan = "pro" if u % 3 == 0 else "free"
            if (d * 7 + u * 3) % 5 < 2 + (d > 21 and u % 2):
                rows.append((user, day + pd.Timedelta(hours=9, minutes=u), "login", plan))
                if (u + d) % 3 == 0:
                    rows.append((user, day + pd.Timedelta(hours=9, minutes=10 + u, seconds=d), "export", plan))
            if d % 6 == 0 and u % 2 == 0:
                rows.append((user, day + pd.Timedelta(hours=20), "login", plan))
            if d == 10 + 2 * u and u % 4 != 1:
                rows.append((user, day + pd.Timedelta(hours=12), "upgrade", plan))
    return pd.DataFrame(rows, columns=["user_id", "timestamp", "event", "plan"])


def _customers() -> pd.DataFrame:
    return pd.DataFrame({"id": USERS, "tier": ["gold" if u % 2 else "basic" for u in range(12)]})


def _survey() -> pd.DataFrame:
    return pd.DataFrame({
        "answered": [DAYS[i * 3] + pd.Timedelta(hours=8) for i in range(14)],
        "rating": [10, 9, 3, 7, 8, 10, 0, 6, 9, 9, 5, 10, 2, 8],
    })


def _feedback() -> pd.DataFrame:
    """Answers with user ids and comments, for the pain points' detractors, themes and quotes."""
    return pd.DataFrame({
        "who": [USERS[i % 12] for i in range(18)],
        "answered": [DAYS[i * 2] + pd.Timedelta(hours=8) for i in range(18)],
        "rating": [2, 9, 6, 10, 0, 8, 3, 9, 7, 1, 10, 5, 9, 2, 8, 4, 10, 6],
        "comment": ["The export is broken", "", "Too expensive", "Love it", "Export failed again", "",
                    "Price went up", "", "ok", "Exports time out", "", "meh", "", "export report is slow", "",
                    "expensive", "", ""],
    })


def _revenue() -> pd.DataFrame:
    return pd.DataFrame({
        "user_id": [USERS[i % 5] for i in range(10)],
        "paid_at": [DAYS[i * 4] for i in range(10)],
        "amount": [10.0, 25.5, 10.0, 99.0, 12.25, 10.0, 25.5, 40.0, 10.0, 7.75],
        "currency": ["EUR", "EUR", "USD", "EUR", "EUR", "USD", "EUR", "EUR", "USD", "EUR"],
    })


def _metrics() -> pd.DataFrame:
    return pd.DataFrame({
        "Date": [day for day in DAYS for _channel in ("search", "direct")],
        "Channel": ["search", "direct"] * len(DAYS),
        "Sessions": [100 + (d * 37 % 11) * (1 + c) + (400 if d == 30 and c else 0)
                     for d in range(len(DAYS)) for c in range(2)],
    })


FILES: dict[str, Callable[[], pd.DataFrame]] = {
    "events.csv": _events, "customers.csv": _customers, "survey.csv": _survey, "revenue.csv": _revenue,
    "metrics.csv": _metrics, "feedback.csv": _feedback,
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gallery")
    for name, make in FILES.items():
        make().to_csv(path / name, index=False)
    return path


def _inputs(*sources: tuple[SourceKind, str, dict[str, str]], scale: str | None = None) -> AnalysisInputs:
    """The workspace's inputs over the fixture tables themselves (typed here, not by the CLI's import)."""
    made = [Source(name, kind, table=FILES[name](), roles=roles, score_scale=scale) for kind, name, roles in sources]
    return AnalysisInputs(Project(sources=made))


EVENTS = (SourceKind.EVENTS, "events.csv", {"user_id": "user_id", "timestamp": "timestamp", "event": "event"})
CUSTOMERS = (SourceKind.CUSTOMERS, "customers.csv", {"user_id": "id"})
SURVEY = (SourceKind.FEEDBACK, "survey.csv", {"timestamp": "answered", "score": "rating"})
REVENUE = (SourceKind.REVENUE, "revenue.csv",
           {"user_id": "user_id", "timestamp": "paid_at", "amount": "amount", "currency": "currency"})
METRICS = (SourceKind.METRICS, "metrics.csv", {"timestamp": "Date"})
FEEDBACK = (SourceKind.FEEDBACK, "feedback.csv",
            {"user_id": "who", "timestamp": "answered", "score": "rating", "comment": "comment"})
PAIN = {"steps": ["login", "export"], "by": "plan", "counted": "first", "errors": pain.ERROR_PATTERNS,
        "support": pain.SUPPORT_PATTERNS, "repeat_seconds": 10, "window_days": 14, "min_users": 3}
# (command line after DATA, DATA, the workspace's computation of the same analysis)
CASES: dict[str, tuple[list[str], str, Callable[[], AnalysisResult]]] = {
    "trends": (
        [*EVENT_COLUMNS, "trends", "--event-a", "export", "--formula", "divide", "--measure-b", "users",
         "--period", "day", "--compare-previous", "--smooth", "--start", "2024-03-25"], "events.csv",
        lambda: t.compute_trends(_inputs(EVENTS), {"event": "export", "formula": "divide", "measure_b": "users",
                                                   "period": "day", "compare_previous": "yes",
                                                   "smoothing": "rolling", "start": "2024-03-25"}),
    ),
    "trends of users per plan": (
        [*EVENT_COLUMNS, "trends", "--event-a", "upgrade", "--measure-a", "users", "--by", "plan"], "events.csv",
        lambda: t.compute_trends(_inputs(EVENTS), {"event": "upgrade", "measure": "users", "by": "plan",
                                                   "period": "week"}),
    ),
    "trends by a customer attribute": (
        [*EVENT_COLUMNS, "trends", "--measure-a", "per-user", "--by", "tier", "--customers", "CUSTOMERS",
         "--customers-user", "id", "--period", "month"], "events.csv",
        lambda: t.compute_trends(_inputs(EVENTS, CUSTOMERS), {"measure": "per_user", "by": "tier", "period": "month"}),
    ),
    "stickiness": (
        [*EVENT_COLUMNS, "stickiness", "--start", "2024-03-10"], "events.csv",
        lambda: b.compute_stickiness(_inputs(EVENTS), {"start": "2024-03-10"}),
    ),
    "lifecycle": (
        [*EVENT_COLUMNS, "lifecycle", "--period", "month", "--end", "2024-05-31"], "events.csv",
        lambda: b.compute_lifecycle(_inputs(EVENTS), {"period": "month", "end": "2024-05-31"}),
    ),
    "frequency": (
        [*EVENT_COLUMNS, "frequency"], "events.csv",
        lambda: b.compute_frequency(_inputs(EVENTS), {"period": "week"}),
    ),
    "sessions": (
        [*EVENT_COLUMNS, "sessions", "--period", "week", "--gap-minutes", "5"], "events.csv",
        lambda: b.compute_sessions(_inputs(EVENTS), {"period": "week", "gap_minutes": 5, "measure": "sessions"}),
    ),
    "heatmap": (
        [*EVENT_COLUMNS, "heatmap", "--measure", "users"], "events.csv",
        lambda: b.compute_heatmap(_inputs(EVENTS), {"measure": "users"}),
    ),
    "segments by an event property": (
        [*EVENT_COLUMNS, "segments", "--feature", "export", "--by", "plan", "--counted", "last"], "events.csv",
        lambda: o.compute_segments(_inputs(EVENTS), {"event": "export", "by": "plan", "counted": "last"}),
    ),
    "segments by a customer attribute": (
        [*EVENT_COLUMNS, "segments", "--feature", "export", "--by", "tier", "--customers", "CUSTOMERS",
         "--customers-user", "id"], "events.csv",
        lambda: o.compute_segments(_inputs(EVENTS, CUSTOMERS), {"event": "export", "by": "tier"}),
    ),
    "survey": (
        ["--time", "answered", "survey", "--score", "rating"], "survey.csv",
        lambda: o.compute_survey(_inputs(SURVEY, scale="nps"), {}),
    ),
    "themes over time": (
        ["--time", "answered", "themes", "--score", "rating", "--comment", "comment", "--period", "week"],
        "feedback.csv", lambda: fb.compute_themes(_inputs(FEEDBACK, scale="nps"), {"split": "time", "period": "week"}),
    ),
    "themes by score": (
        ["--time", "answered", "themes", "--score", "rating", "--comment", "comment", "--split", "score"],
        "feedback.csv", lambda: fb.compute_themes(_inputs(FEEDBACK, scale="nps"), {"split": "score"}),
    ),
    "revenue": (
        [*EVENT_COLUMNS, "revenue", "--revenue", "REVENUE", "--amount", "amount", "--revenue-time", "paid_at",
         "--currency", "currency", "--period", "week"], "events.csv",
        lambda: o.compute_revenue(_inputs(EVENTS, REVENUE), {"period": "week", "gross_margin": 0.8}),
    ),
    "metric-trend": (
        ["--time", "Date", "metric-trend", "--metric", "Sessions", "--by", "Channel", "--period", "week"],
        "metrics.csv",
        lambda: g.compute_metric_trend(_inputs(METRICS), {"metric": "Sessions", "period": "week", "by": "Channel"}),
    ),
    "anomalies of an event": (
        [*EVENT_COLUMNS, "anomalies", "--count", "login", "--weeks", "3", "--threshold", "2"], "events.csv",
        lambda: o.compute_anomalies(_inputs(EVENTS), {"event": "login", "window": 3, "threshold": 2.0}),
    ),
    "anomalies of a metric": (
        ["--time", "Date", "anomalies", "--metric", "Sessions", "--weeks", "3"], "metrics.csv",
        lambda: o.compute_anomalies(_inputs(METRICS), {"event": metric_measure("Sessions"), "window": 3,
                                                       "threshold": 3.5}),
    ),
    "experiment": (
        [*EVENT_COLUMNS, "experiment", "--by", "tier", "--goal", "upgrade", "--control", "gold", "--customers",
         "CUSTOMERS", "--customers-user", "id"], "events.csv",
        lambda: o.compute_experiment(_inputs(EVENTS, CUSTOMERS), {"by": "tier", "goal": "upgrade",
                                                                  "control": "gold"}),
    ),
    "experiment-plan": (
        [*EVENT_COLUMNS, "experiment-plan", "--goal", "upgrade", "--effect", "25", "--variants", "3"], "events.csv",
        lambda: o.compute_experiment_plan(_inputs(EVENTS), {"goal": "upgrade", "effect": 25.0, "variants": 3,
                                                            "power": 80, "alpha": 5}),
    ),
    "before-after": (
        [*EVENT_COLUMNS, "before-after", "--change", "2024-03-25", "--days", "14"], "events.csv",
        lambda: o.compute_before_after(_inputs(EVENTS), {"change": "2024-03-25", "event": "", "days": 14}),
    ),
    "funnel-over-time": (
        [*EVENT_COLUMNS, "funnel-over-time", "--steps", "login,export", "--window-days", "1", "--period", "week"],
        "events.csv",
        lambda: fv.compute_funnel_over_time(_inputs(EVENTS), {**FUNNEL, "period": "week"}),
    ),
    "time-to-convert": (
        [*EVENT_COLUMNS, "time-to-convert", "--steps", "login,export,upgrade", "--window-days", "1", "--exclude",
         "upgrade", "--exclude-between", "1"], "events.csv",
        lambda: fv.compute_time_to_convert(_inputs(EVENTS), {**FUNNEL, "steps": ["login", "export", "upgrade"],
                                                             "exclude": "upgrade", "exclude_step": 1}),
    ),
    "after-dropping": (
        [*EVENT_COLUMNS, "after-dropping", "--steps", "login,export", "--window-days", "1", "--order", "strict",
         "--top", "3"], "events.csv",
        lambda: fv.compute_after_dropping(_inputs(EVENTS), {**FUNNEL, "order": "strict", "dropped_at": 1, "top": 3}),
    ),
    "drivers": (
        [*EVENT_COLUMNS, "drivers", "--steps", "login,export", "--window-days", "3", "--attributes", "tier,plan",
         "--top", "4", "--customers", "CUSTOMERS", "--customers-user", "id"], "events.csv",
        lambda: dr.compute_conversion_drivers(_inputs(EVENTS, CUSTOMERS), {**FUNNEL, "window_days": 3,
                                                                           "attributes": "tier,plan", "top": 4}),
    ),
    "pain-points": (
        [*EVENT_COLUMNS, "pain-points", "--steps", "login,export", "--by", "plan", "--min-users", "3", "--survey",
         "FEEDBACK", "--survey-user", "who", "--survey-time", "answered", "--survey-score", "rating",
         "--survey-comment", "comment"], "events.csv",
        lambda: pain.compute_pain_points(_inputs(EVENTS, FEEDBACK), PAIN),
    ),
    "pain-points without a survey": (
        [*EVENT_COLUMNS, "pain-points", "--steps", "login,export,upgrade", "--min-users", "2", "--repeat-seconds",
         "60", "--window-days", "0"], "events.csv",
        lambda: pain.compute_pain_points(_inputs(EVENTS), {**PAIN, "steps": ["login", "export", "upgrade"], "by": "",
                                                           "min_users": 2, "repeat_seconds": 60, "window_days": 0}),
    ),
    "journey-map": (
        [*EVENT_COLUMNS, "journey-map", "--from", "login", "--depth", "3", "--top", "2", "--group",
         "Work=re:^(export|upgrade)$"], "events.csv",
        lambda: jm.compute_journey_map(_inputs(EVENTS), {**JOURNEY, "groups": "Work=re:^(export|upgrade)$"}),
    ),
    "journey-map leading to an event": (
        [*EVENT_COLUMNS, "journey-map", "--to", "upgrade", "--group", "Out=log*", "--group", "Out=exp*", "--show",
         "paths", "--start", "2024-03-20"], "events.csv",
        lambda: jm.compute_journey_map(_inputs(EVENTS), {**JOURNEY, "event": "upgrade", "direction": "before",
                                                         "depth": 4, "top": 10, "groups": "Out=log*; Out=exp*",
                                                         "show": "paths", "start": "2024-03-20"}),
    ),
    "touchpoint-time": (
        [*EVENT_COLUMNS, "touchpoint-time", "--timeout", "15", "--events", "login,export", "--start", "2024-03-10"],
        "events.csv",
        lambda: tt.compute_touchpoint_time(_inputs(EVENTS), {"gap_minutes": 15, "events": "login,export", "top": 15,
                                                             "start": "2024-03-10"}),
    ),
}

FUNNEL = {"steps": ["login", "export"], "window_days": 1, "order": "sequential"}  # the funnel's views
JOURNEY = {"event": "login", "direction": "after", "depth": 3, "top": 2, "show": "links"}


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="usagelens")
    analyze.add_parser(parser.add_subparsers(dest="command"))
    return analyze.run(parser.parse_args(["analyze", *argv]))


def _argv(folder: Path, case: str, out: Path) -> list[str]:
    argv, data, _expected = CASES[case]
    files = {"CUSTOMERS": str(folder / "customers.csv"), "REVENUE": str(folder / "revenue.csv"),
             "FEEDBACK": str(folder / "feedback.csv")}
    return [str(folder / data), *(files.get(arg, arg) for arg in argv), "--out", str(out)]


def _as_written(table: pd.DataFrame) -> pd.DataFrame:
    """A table as design §5 writes it: dates as ISO days, durations in seconds."""
    table = table.copy()
    for name in table.columns:
        if pd.api.types.is_datetime64_dtype(table[name]):
            table[name] = table[name].dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_timedelta64_dtype(table[name]):
            table[name] = table[name].dt.total_seconds()
    return table


@pytest.mark.parametrize("case", CASES)
def test_the_csv_is_the_table_the_gallery_computes(folder: Path, tmp_path: Path, case: str) -> None:
    out = tmp_path / "out.csv"
    assert _run(*_argv(folder, case, out)) == 0
    expected = CASES[case][2]()
    assert not expected.empty and len(expected.table)
    got = pd.read_csv(out, keep_default_na=False, na_values=[""])
    pd.testing.assert_frame_equal(got, _as_written(expected.table).reset_index(drop=True), check_dtype=False,
                                  check_exact=True)


def test_the_written_columns_are_those_the_help_promises(folder: Path, tmp_path: Path, capsys) -> None:
    for command in COMMANDS:
        case = next(case for case in CASES if case.startswith(command.name))
        out = tmp_path / f"{command.name}.csv"
        assert _run(*_argv(folder, case, out)) == 0
        header = out.read_text().splitlines()[0]
        promised = command.columns.split(" (")[0].replace("[currency,]", "currency,").replace("[segment,]", "")
        promised = promised.replace("[segment,segment_users,]", "")
        promised = promised.replace("METRIC", "direct,search")  # --by Channel: a column per channel
        assert header == promised, command.name
        with pytest.raises(SystemExit) as stop:
            _run(command.name, "--help")
        assert stop.value.code == 0
        assert f"Output columns: {command.columns}\n" in capsys.readouterr().out


def test_list_names_a_command_for_every_gallery_analysis(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        _run("--list")
    assert stop.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    listed = {line.split()[0]: line for line in lines}
    assert len(listed) == len(lines)
    missing = [kind for kind in ANALYSES if GALLERY_COMMANDS.get(kind) not in listed]
    assert not missing, f"gallery analyses without a usagelens analyze command: {missing}"
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines)  # a name and what it answers
    for name in listed:  # each is a command with its own help
        with pytest.raises(SystemExit) as stop:
            _run(name, "--help")
        assert stop.value.code == 0
        assert "Output columns:" in capsys.readouterr().out


def test_a_gallery_command_maps_to_the_gallery_analysis_it_names() -> None:
    assert {command.kind for command in COMMANDS} <= set(ANALYSES)
    assert all(ANALYSES[kind].title for kind in GALLERY_COMMANDS)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([*EVENT_COLUMNS, "segments", "--feature", "export", "--by", "colour"], "colour"),
        ([*EVENT_COLUMNS, "anomalies", "--count", "nope"], "nope"),
        ([*EVENT_COLUMNS, "anomalies", "--count", "login", "--metric", "Sessions"],
         "--count and --metric cannot be combined"),
        (["--user", "user_id", "--event", "event", "stickiness"], "stickiness needs --time"),
        ([*EVENT_COLUMNS, "segments", "--feature", "export", "--by", "tier", "--customers", "customers.csv",
          "--engine", "duckdb"], "leave out --engine duckdb"),
        ([*EVENT_COLUMNS, "segments", "--feature", "export", "--by", "tier", "--customers", "CUSTOMERS",
          "--customers-user", "who"], "no column 'who'"),
        ([*EVENT_COLUMNS, "stickiness", "--start", "2030-01-01"], "is after the end date 2024-04-14"),
        ([*EVENT_COLUMNS, "trends", "--measure-a", "sum"], "Choose a numeric event property to sum"),
        ([*EVENT_COLUMNS, "trends", "--event-a", "nope"], "'nope' does not occur"),
        (["--time", "timestamp", "survey", "--score", "event"], "survey"),
        ([*EVENT_COLUMNS, "pain-points", "--survey", "feedback.csv"], "--survey needs --survey-score"),
        ([*EVENT_COLUMNS, "time-to-convert", "--steps", "login,export", "--exclude-between", "1"],
         "--exclude-between needs --exclude"),
        ([*EVENT_COLUMNS, "after-dropping", "--steps", "login,export", "--dropped-at", "2"], "not after step 2"),
        ([*EVENT_COLUMNS, "journey-map", "--from", "login", "--to", "upgrade"], "--from and --to cannot be combined"),
        ([*EVENT_COLUMNS, "journey-map", "--group", "Work"], "Grouping rule 'Work' should read name = pattern"),
        ([*EVENT_COLUMNS, "journey-map", "--to", "nope"], "'nope' is neither an event of the data"),
        ([*EVENT_COLUMNS, "touchpoint-time", "--events", "login,nope"], "'nope' does not occur"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(folder: Path, tmp_path: Path, capsys, argv: list[str],
                                          message: str) -> None:
    argv = [str(folder / "customers.csv") if arg == "CUSTOMERS" else arg for arg in argv]
    assert _run(str(folder / "events.csv"), *argv, "--out", str(tmp_path / "x.csv")) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("usagelens analyze: error:"), err
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["anomalies", "--weeks", "2"], "must be between 3 and 52, not 2"),
        (["sessions", "--gap-minutes", "1.5"], "not a whole number"),
        (["touchpoint-time", "--timeout", "0"], "must be between 1 and 1440, not 0"),
        (["revenue", "--amount", "amount"], "--revenue"),
        (["segments", "--by", "plan"], "--feature"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(folder: Path, capsys, argv: list[str], message: str) -> None:
    with pytest.raises(SystemExit) as stop:
        _run(str(folder / "events.csv"), *EVENT_COLUMNS, *argv, "--out", "x.csv")
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_a_result_s_message_is_a_note_on_stderr(folder: Path, tmp_path: Path, capsys) -> None:
    assert _run(*_argv(folder, "revenue", tmp_path / "out.csv")) == 0
    err = capsys.readouterr().err
    assert err.startswith("usagelens analyze: note: Revenue comes in 2 currencies") and "CLV" in err
    assert err.count("\n") == 1


EVENT_CASES = [case for case, (_argv_, data, _make) in CASES.items() if data == "events.csv"]


@pytest.mark.parametrize("case", EVENT_CASES)
def test_an_export_too_big_to_import_gives_the_same_csv_from_the_mapped_log(
    folder: Path, tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An events export of millions of rows is encoded once into the memory-mapped accelerator log (its other
    columns as properties) instead of being imported: the same bytes as the import, property breakdowns too."""
    from usagelens.cli import gallery
    from usagelens.workspace import engine

    imported = tmp_path / "imported.csv"
    assert _run(*_argv(folder, case, imported)) == 0
    monkeypatch.setenv("USAGELENS_PROFILE_DIR", str(tmp_path / "profile"))
    monkeypatch.setattr(gallery, "DUCKDB_FROM_ROWS", 0)
    monkeypatch.setattr(engine, "fits_in_memory", lambda rows, memory=None: False)
    mapped = tmp_path / "mapped.csv"
    assert _run(*_argv(folder, case, mapped)) == 0
    assert list((tmp_path / "profile" / "cache").rglob("*.npy"))  # it did map an accelerator log
    assert mapped.read_bytes() == imported.read_bytes()


@pytest.mark.parametrize("case", [case for case in EVENT_CASES
                                  if not {"CUSTOMERS", "REVENUE", "FEEDBACK"} & set(CASES[case][0])])
def test_engine_duckdb_runs_the_definitions_and_writes_the_same_csv(
    folder: Path, tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--engine duckdb``: the analysis' Ibis definition over the export on DuckDB, the same bytes as the
    gallery in memory (the definitions are checked equal to the kernels by the conformance suite)."""
    monkeypatch.setenv("USAGELENS_PROFILE_DIR", str(tmp_path / "profile"))
    imported, pushed = tmp_path / "imported.csv", tmp_path / "pushed.csv"
    assert _run(*_argv(folder, case, imported)) == 0
    assert _run(*_argv(folder, case, pushed), "--engine", "duckdb") == 0
    assert pushed.read_bytes() == imported.read_bytes()


def test_engine_duckdb_says_what_stays_in_memory(folder: Path, tmp_path: Path, capsys) -> None:
    argv = _argv(folder, "segments by a customer attribute", tmp_path / "out.csv")
    assert _run(*argv, "--engine", "duckdb") == 2
    assert "--customers is joined in memory" in capsys.readouterr().err
