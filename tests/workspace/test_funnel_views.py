"""The funnel's other views in the gallery (issue 16.5) on a hand-made log with the edges: steps at one instant,
a conversion at exactly the window and one microsecond past it, exactly one minute, an exclusion between
chosen steps, two events at the moment after dropping out, a range without data; and the same computes on a
DuckDB view giving the same tables."""

from __future__ import annotations

import pandas as pd
import pytest

from usagelens.analytics import EventLog
from usagelens.analytics.definitions import duckdb_backend
from usagelens.model import Project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, DataFacts, run_analysis
from usagelens.workspace.analyses.behaviour import funnel_options
from usagelens.workspace.warehouse import gallery_table

ROWS = [  # 4 March 2024 is a Monday
    ("u1", "2024-03-04 10:00:00", "visit"), ("u1", "2024-03-04 10:00:00", "cart"),
    ("u1", "2024-03-04 10:00:00", "buy"),  # every step at one instant
    ("u2", "2024-03-04 10:00:00", "visit"), ("u2", "2024-03-04 10:01:00", "cart"),  # exactly one minute
    ("u2", "2024-03-05 10:00:00", "buy"),  # exactly the 1-day window
    ("u3", "2024-03-04 10:00:00", "visit"), ("u3", "2024-03-04 10:05:00", "cart"),
    ("u3", "2024-03-05 10:00:00.000001", "buy"),  # one microsecond too late
    ("u4", "2024-03-11 09:00:00", "visit"), ("u4", "2024-03-11 09:01:00", "back"),  # back between steps 1 and 2
    ("u4", "2024-03-11 09:02:00", "cart"), ("u4", "2024-03-11 09:03:00", "buy"),
    ("u5", "2024-03-11 12:00:00", "visit"), ("u5", "2024-03-11 12:30:00", "help"),  # two events at the moment
    ("u5", "2024-03-11 12:30:00", "back"),  # after dropping out
]
FUNNEL = {"steps": ["visit", "cart", "buy"], "window_days": 1}


def _frame() -> pd.DataFrame:
    frame = pd.DataFrame(ROWS, columns=["user", "time", "event"])
    frame["time"] = pd.to_datetime(frame["time"], format="ISO8601").astype("datetime64[us]")
    return frame


def _inputs() -> AnalysisInputs:
    inputs = AnalysisInputs(Project())
    inputs.__dict__["log"] = EventLog.from_frame(_frame(), user="user", time="time", event="event")
    inputs.__dict__["customers"] = None
    return inputs


def _run(kind: str, **params: object):  # type: ignore[no-untyped-def]
    inputs = _inputs()
    return run_analysis(kind, inputs, {**ANALYSES[kind].defaults(DataFacts.of(inputs)), **FUNNEL, **params})


def test_conversion_over_time_counts_each_week_of_entering_within_the_window() -> None:
    result = _run("funnel_over_time")
    table = result.table
    assert table["period"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-04", "2024-03-11"]
    assert table["entered"].tolist() == [3, 2]
    assert table["converted"].tolist() == [2, 1]  # u2 at exactly 24 h converts, u3 at 24 h + 1 µs does not
    assert table["conversion_rate"].tolist() == [2 / 3, 1 / 2]
    (rate,) = result.charts
    assert rate.percent and rate.series[0].y.tolist() == [2 / 3, 1 / 2]
    assert "less than the 1-day window" in result.message and rate.incomplete_last  # the data ends on 11 March
    nothing = _run("funnel_over_time", start="2030-01-01", end="2030-01-01")
    assert nothing.empty and nothing.message == "Nobody did the first step (visit) in this date range."


def test_time_to_convert_buckets_and_percentiles_per_step() -> None:
    result = _run("time_to_convert")
    cart, buy = (row for _, row in result.table.iterrows())
    assert (cart.users, cart.under_1_min, cart.min_1_to_10) == (4, 1, 3)  # 0 s; 60 s, 2 min and 5 min
    assert (buy.users, buy.under_1_min, buy.min_1_to_10, buy.day_1_to_7) == (3, 1, 1, 1)  # exactly 24 h: 1-7 days
    assert buy.p50 == pd.Timedelta(minutes=3)
    assert cart.p25 == pd.Timedelta(seconds=45)  # 0.75 of the way from 0 s to 60 s
    assert buy.p90 == pd.Timedelta(minutes=3) + (pd.Timedelta(hours=24) - pd.Timedelta(minutes=3)) * 0.8
    chart = result.charts[0]
    assert [s.name for s in chart.series] == ["2. cart", "3. buy"]
    assert chart.series[0].y.tolist() == [0.25, 0.75, 0, 0, 0, 0]
    assert result.message.startswith("Of the 3 users who reached buy (step 3), half took 3 min 0 s or less")


def test_after_dropping_out_counts_every_event_at_the_next_moment() -> None:
    result = _run("after_dropping")
    assert result.table["next_event"].tolist() == ["back", "help"]  # u5's two events at 12:30 both count
    assert result.table["share"].tolist() == [1.0, 1.0]
    assert result.message.startswith("1 user reached visit but not cart.")
    later = _run("after_dropping", dropped_at=2)
    assert later.table["next_event"].tolist() == ["buy"]  # u3 bought, a microsecond past the window
    wrong = _run("after_dropping", dropped_at=3)
    assert wrong.empty and "not after step 3" in wrong.message


def test_exclusion_between_chosen_steps_and_saved_projects_without_it() -> None:
    anywhere = _run("funnel", exclude="back")
    assert anywhere.table["users"].tolist() == [5, 3, 2]  # u4's back drops them at step 2
    assert _run("funnel", exclude="back", exclude_step=1).table.equals(anywhere.table)
    later = _run("funnel", exclude="back", exclude_step=2)
    assert later.table["users"].tolist() == [5, 4, 3]  # u4's back came before step 2: allowed
    assert "out if they do back between steps 2 and 3" in later.charts[0].title
    saved = {**ANALYSES["funnel"].defaults(DataFacts.of(_inputs())), **FUNNEL, "exclude": "back"}
    del saved["exclude_step"]  # a project saved before the choice existed
    old = run_analysis("funnel", _inputs(), saved)
    assert old.table.equals(anywhere.table)
    assert funnel_options({"order": "sequential", "exclude_step": 2})["exclude_after"] is None  # no event: off
    dropped = _run("after_dropping", exclude="back")
    assert dropped.table["next_event"].tolist() == ["back", "help"] and dropped.table["users"].tolist() == [2, 1]
    assert _run("funnel_over_time", exclude="back", exclude_step=2).table["converted"].tolist() == [2, 1]
    beyond = _run("funnel", exclude="back", exclude_step=3)
    assert beyond.empty and "the funnel's steps are 1 to 3" in beyond.message


@pytest.mark.parametrize("kind", ["funnel_over_time", "time_to_convert", "after_dropping"])
def test_the_same_compute_on_a_duckdb_view_gives_the_same_table(kind: str) -> None:
    view = duckdb_backend.register_frame(duckdb_backend.connect(threads=1), _frame(), user="user", time="time",
                                         event="event")
    params = {**FUNNEL, "exclude": "back", "exclude_step": 2}
    on_view = gallery_table(kind, view, params)
    in_memory = _run(kind, **params)
    pd.testing.assert_frame_equal(on_view.table, in_memory.table)
    assert on_view.message == in_memory.message


def test_a_kpi_made_from_a_funnel_keeps_its_exclusion_step() -> None:
    from usagelens.analytics.kpi import KpiInputs, evaluate_kpi
    from usagelens.workspace.kpi_from_analysis import binding_from_analysis

    params = {**FUNNEL, "order": "sequential", "exclude": "back", "exclude_step": 2}
    binding = binding_from_analysis("funnel", params)
    assert binding is not None and binding.params["exclude_step"] == 2
    kpi = evaluate_kpi(binding, KpiInputs(_inputs().log))  # the data is younger than a month: every entry
    assert kpi.value == _run("funnel", **params).table["conversion_from_start"].iloc[-1] == 3 / 5


def test_durations_read_as_people_say_them() -> None:
    from usagelens.workspace.formatting import fmt_duration

    assert [fmt_duration(pd.Timedelta(seconds=s)) for s in (0, 0.25, 45, 138, 65_520, 4 * 86_400 + 72_000)] == [
        "0 s", "0.25 s", "45 s", "2 min 18 s", "18 h 12 min", "4 days 20 h"]
    assert fmt_duration(pd.Timedelta(days=1)) == "1 day 0 h"


@pytest.mark.parametrize("engine", ["memory", "duckdb"])
def test_usagelens_analyze_funnel_excludes_between_chosen_steps(tmp_path, capsys, engine: str) -> None:  # type: ignore[no-untyped-def]
    import argparse

    from usagelens.cli import analyze

    data, out = tmp_path / "events.csv", tmp_path / "funnel.csv"
    _frame().to_csv(data, index=False)

    def run(*options: str) -> int:
        parser = argparse.ArgumentParser(prog="usagelens")
        analyze.add_parser(parser.add_subparsers(dest="command"))
        return analyze.run(parser.parse_args(["analyze", str(data), "--user", "user", "--time", "time", "--event",
                                              "event", "funnel", "--steps", "visit,cart,buy", "--window", "1d",
                                              "--engine", engine, *options, "--out", str(out)]))

    assert run("--exclude", "back", "--exclude-between", "2") == 0
    assert pd.read_csv(out)["users"].tolist() == [5, 4, 3]
    assert run("--exclude", "back") == 0
    assert pd.read_csv(out)["users"].tolist() == [5, 3, 2]
    assert run("--exclude-between", "1") == 2
    assert "choose the event that drops users out" in capsys.readouterr().err
