"""Pain points, triangulated (issue 16.7): the signals of each step and segment on a hand-made log, the same
table on DuckDB, and the demo's planted story (Android users hit errors and complain) at the top."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import usagelens.analytics as analytics
import usagelens.analytics.definitions as definitions
from usagelens.analytics import EventLog
from usagelens.analytics.definitions import duckdb_backend
from usagelens.model import ThemeRule, load_project
from usagelens.paths import demo_project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, run_analysis
from usagelens.workspace.analyses import pain_points as pain
from usagelens.workspace.people import users_behind

START = pd.Timestamp("2024-03-04 09:00")
THEMES = [ThemeRule("Price", ["price"]), ThemeRule("Crashes", ["crash"])]
PARAMS = {"steps": ["open", "save"], "by": "platform", "errors": "error, crash", "support": "support",
          "repeat_seconds": 10, "window_days": 0}


def _frame() -> pd.DataFrame:
    """20 droid users: open, an error and a support contact, open again 5 s later, and for half of them a save;
    20 web users: open, then save a minute later. The users are a day apart."""
    rows = []
    for n in range(20):
        t = START + pd.Timedelta(days=n)
        droid = [("open", 0), ("error_shown", 1), ("contact_support", 2), ("open", 5), ("save", 60)][: 4 + n % 2]
        rows += [(f"d{n:02}", t + pd.Timedelta(seconds=s), e, "droid") for e, s in droid]
        rows += [(f"w{n:02}", t + pd.Timedelta(seconds=s), e, "web") for e, s in (("open", 0), ("save", 60))]
    return pd.DataFrame(rows, columns=["user_id", "timestamp", "event", "platform"])


def _feedback() -> pain.Feedback:
    answers = pd.DataFrame({
        "user_id": [f"d{n:02}" for n in range(20)] + [f"w{n:02}" for n in range(20)],
        "score": [2.0] * 20 + [10.0] * 20,
        "comment": ["It crashes all the time"] * 10 + ["", "Too high a price and it crashes"] * 5 + ["Love it"] * 20,
    })
    return pain.Feedback(answers, "nps")


def _log() -> EventLog:
    return EventLog.from_frame(_frame(), user="user_id", time="timestamp", event="event", properties=["platform"])


def test_each_signal_of_a_step_and_segment() -> None:
    result = pain.pain_points(analytics, _log(), PARAMS, feedback=_feedback(), themes=THEMES)
    table = result.table.set_index(["step", "segment"])
    droid = table.loc[("open", "droid")]
    assert droid["users"] == 20 and droid["users_involved"] == 20
    # 40 opens: 20 followed by an error and a support contact, 20 repeated within 5 s of the one before
    assert (droid["error_rate"], droid["support_rate"], droid["repeat_rate"]) == (0.5, 0.5, 0.5)
    assert droid["drop_off_rate"] == 0.5  # half the droid users never saved
    assert droid["detractor_share"] == 1.0 and droid["answers"] == 20
    assert droid["top_theme"] == "Crashes" and droid["quote"] == "It crashes all the time"
    web = table.loc[("open", "web")]
    assert (web["error_rate"], web["drop_off_rate"], web["detractor_share"], web["users_involved"]) == (0, 0, 0, 0)
    assert pd.isna(web["top_theme"]) and pd.isna(web["quote"])  # nobody involved, so nobody's words
    assert math.isnan(table.loc[("save", "web"), "drop_off_rate"])  # the last step has no drop-off
    assert ("save", "droid") not in table.index  # 10 users: fewer than MIN_USERS
    # the mean of percentile ranks: droid is the worst row on every signal, the others tie at the middle
    assert list(result.table["pain_score"]) == [100.0, 50.0, 50.0]
    assert result.table.iloc[0]["segment"] == "droid"
    assert "1 row with fewer than 20 users left out" in result.message
    assert "Errors: error_shown; support: contact_support." in result.message


def test_the_same_table_on_duckdb() -> None:
    con = duckdb_backend.connect(memory_limit="1GB", threads=1)
    view = duckdb_backend.register_frame(con, _frame(), user="user_id", time="timestamp", event="event",
                                         properties=["platform"])
    names = _log().event_names
    for params in (PARAMS, {**PARAMS, "by": "", "window_days": 1}):
        want = pain.pain_points(analytics, _log(), params, feedback=_feedback(), themes=THEMES)
        for metrics, data, given in ((analytics, _log(), names), (definitions, view, ()), (definitions, view, names)):
            got = pain.pain_points(metrics, data, params, feedback=_feedback(), themes=THEMES, event_names=given)
            pd.testing.assert_frame_equal(got.table, want.table)
            assert got.message == want.message


@pytest.mark.parametrize("counted", ["first", "last"])
@pytest.mark.parametrize("engine", ["numpy", "duckdb"])
def test_one_pass_per_segment_gives_each_segment_apart(engine: str, counted: str) -> None:
    """Signals labelled with each user's segment in one pass equal the signals of each segment's part of the
    data on its own (what the analysis ran before: one query per segment on DuckDB)."""
    frame = _frame()
    frame.loc[frame["event"] == "save", "platform"] = "saved"  # a user's last event differs from their first
    if engine == "numpy":
        metrics, data = analytics, EventLog.from_frame(frame, user="user_id", time="timestamp", event="event",
                                                      properties=["platform"])
    else:
        con = duckdb_backend.connect(memory_limit="1GB", threads=1)
        metrics, data = definitions, duckdb_backend.register_frame(con, frame, user="user_id", time="timestamp",
                                                                  event="event", properties=["platform"])
    options = {"errors": ["error_shown"], "support": ["contact_support"], "gap": "10s"}
    one_pass = metrics.step_signals(data, ["open", "save"], **options, by="platform", counted=counted)
    apart = metrics.compare_segments(data, lambda part: metrics.step_signals(part, ["open", "save"], **options),
                                     "platform", counted=counted).drop(columns="segment_users")
    assert set(one_pass["segment"]) == ({"droid", "web"} if counted == "first" else {"droid", "saved"})
    pd.testing.assert_frame_equal(one_pass, apart)


def test_only_answers_given_in_the_date_range_count() -> None:
    feedback = _feedback()
    # users d00-d09 open the app in the first 10 days; d00-d04 answer later, d05-d19 on their own day
    feedback.answers["time"] = [START + pd.Timedelta(days=15 if n < 5 else n) for n in range(20)] * 2
    params = {**PARAMS, "start": "2024-03-04", "end": "2024-03-13", "min_users": 5}
    table = pain.pain_points(analytics, _log(), params, feedback=feedback, themes=THEMES).table
    assert table.set_index(["step", "segment"]).loc[("open", "droid"), "answers"] == 5


def test_without_feedback_the_voice_columns_stay_empty() -> None:
    result = pain.pain_points(analytics, _log(), {**PARAMS, "by": ""})
    assert list(result.table["segment"].unique()) == [pain.EVERYONE]
    assert result.table[["detractor_share", "answers", "top_theme", "quote"]].isna().sum().tolist() == [2, 0, 2, 2]
    assert "No survey answers with a user id" in result.message


def test_error_and_support_events_come_from_the_name_patterns() -> None:
    names = ["login", "error_shown", "Payment_Failed", "contact_support", "help_opened", "app_crash"]
    assert pain.matching_events(names, "error, FAIL ,crash") == ["error_shown", "Payment_Failed", "app_crash"]
    assert pain.matching_events(names, "support, help", exclude=["help_opened"]) == ["contact_support"]
    assert pain.matching_events(names, " , ") == []


def test_the_gallery_finds_the_error_and_support_events_among_the_data_facts(
        demo: AnalysisInputs, monkeypatch: pytest.MonkeyPatch) -> None:
    """The events the data facts already list (what the panel's defaults come from) name the error and support
    events: no pass over every row to learn them (0.7 s at 100M events)."""
    params = ANALYSES["pain_points"].defaults(demo.facts)
    want = run_analysis("pain_points", demo, params)

    def counted(*args: object, **kwargs: object) -> None:
        raise AssertionError("event_counts was asked")

    monkeypatch.setattr(analytics, "event_counts", counted)
    got = run_analysis("pain_points", demo, params)
    pd.testing.assert_frame_equal(got.table, want.table)
    assert got.message == want.message and "Errors: error_shown" in got.message


def test_drop_off_of_users_the_funnel_never_entered_and_of_a_single_step() -> None:
    per_user = pd.DataFrame({"user_id": ["a", "b", "c", "a", "d"], "step": ["s1", "s1", "s1", "s2", "s3"]})
    furthest = pd.Series([1, 3], index=np.array(["a", "b"], dtype=object))
    marked = pain.with_drop_off(per_user, furthest, ["s1", "s2", "s3"])
    assert marked["reached"].tolist() == [True, True, False, False, False]  # c never entered; s3 is the last
    assert marked["dropped"].tolist() == [True, False, False, False, False]
    alone = pain.with_drop_off(per_user.head(3).assign(step="s1"), pd.Series(dtype="int64"), ["s1"])
    assert not alone["reached"].any() and not alone["dropped"].any()


def test_positions_of_text_among_text() -> None:
    values = pd.Series(["b", "zz", "a", None], dtype=object)
    assert pain.positions(values, ["a", "b"]).tolist() == [1, -1, 0, -1]
    assert pain.positions(pd.Series(["a"], dtype="str"), pd.Index(["x", "a"])).tolist() == [1]
    assert pain.positions(pd.Series([], dtype="str"), []).tolist() == []


def test_a_row_pinned_as_a_finding_carries_its_signals_and_quote() -> None:
    result = pain.pain_points(analytics, _log(), PARAMS, feedback=_feedback(), themes=THEMES)
    title, detail, quotes = pain.row_finding_text(result.table, 0)
    assert title == "Pain point: open · droid"
    assert "errors after 50.0% of the times it was done" in detail and pain.SCORE_TEXT in detail
    assert quotes == ["It crashes all the time"]


def test_problems_the_user_can_fix_are_messages() -> None:
    inputs = AnalysisInputs(load_project(demo_project()))
    params = ANALYSES["pain_points"].defaults(inputs.facts)
    assert run_analysis("pain_points", inputs, {**params, "steps": []}).message == \
        "Choose the journey steps to look at."
    assert "does not occur" in run_analysis("pain_points", inputs, {**params, "steps": ["nope"]}).message
    narrow = run_analysis("pain_points", inputs, {**params, "start": "2023-01-01", "end": "2023-01-02"})
    assert narrow.empty and "20 users or more" in narrow.message


@pytest.fixture(scope="module")
def demo() -> AnalysisInputs:
    return AnalysisInputs(load_project(demo_project()))


def test_the_demo_puts_android_errors_and_complaints_on_top(demo: AnalysisInputs) -> None:
    """The planted story (samples/README.md): Android users see error_shown four times as often and their
    comments are about crashes; with the defaults (the typical journey, per platform) Android tops the table."""
    params = ANALYSES["pain_points"].defaults(demo.facts)
    assert params["by"] == "platform"
    table = run_analysis("pain_points", demo, params).table
    top = table.head(len(params["steps"]))
    assert (top["segment"] == "android").all(), table
    assert (top["top_theme"] == "Crashes & errors").all() and top["quote"].str.len().gt(0).all()
    android = table[table["segment"] == "android"]
    assert android["error_rate"].min() > 2 * table.loc[table["segment"] != "android", "error_rate"].max()


def test_the_demo_error_rate_matches_plain_pandas(demo: AnalysisInputs) -> None:
    """The error rate of one row, recomputed with pandas: each error event goes to the action before it."""
    params = ANALYSES["pain_points"].defaults(demo.facts)
    table = run_analysis("pain_points", demo, params).table.set_index(["step", "segment"])
    log = demo.log
    frame = pd.DataFrame({"user": log.user_codes, "event": np.asarray(log.event_names, dtype=object)[log.event_codes],
                          "platform": log.properties["platform"].to_numpy(object)})
    first_platform = frame.groupby("user")["platform"].transform("first")
    action = frame["event"].where(~frame["event"].isin(["error_shown", "contact_support"]))
    owner = action.groupby(frame["user"]).ffill()
    mine = first_platform == "android"
    errors = ((frame["event"] == "error_shown") & (owner == "view_dashboard") & mine).sum()
    done = ((frame["event"] == "view_dashboard") & mine).sum()
    assert table.loc[("view_dashboard", "android"), "error_rate"] == pytest.approx(errors / done, rel=1e-12)


def test_the_users_behind_a_row_are_as_many_as_it_shows(demo: AnalysisInputs) -> None:
    params = ANALYSES["pain_points"].defaults(demo.facts)
    table = run_analysis("pain_points", demo, params).table
    row = table.iloc[0]
    involved = users_behind("pain_points", demo, params, row, "involved")
    assert len(involved.user_ids) == row["users_involved"] and "android" in involved.label
    everyone = users_behind("pain_points", demo, params, row, "did")
    assert len(everyone.user_ids) == row["users"] and set(involved.user_ids) < set(everyone.user_ids)
