"""Encoding: dropping incomplete rows, time zones, text ids, sort order, and the decoding tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from usagelens.analytics import AnalysisError, EventLog


def test_drops_rows_missing_user_time_or_event_and_counts_them() -> None:
    frame = pd.DataFrame(
        {
            "u": ["a", None, "b", "", "c"],
            "t": pd.to_datetime(["2024-01-01", "2024-01-01", None, "2024-01-02", "2024-01-03"]),
            "e": ["open", "open", "open", "open", None],
        }
    )
    log = EventLog.from_frame(frame, user="u", time="t", event="e")
    assert log.dropped_rows == 4
    assert log.n_events == 1 and log.n_users == 1
    assert list(log.user_ids) == ["a"]


def test_user_ids_are_text_and_integral_floats_lose_their_decimal() -> None:
    frame = pd.DataFrame({"u": [7.0, np.nan, 8.0], "t": pd.to_datetime(["2024-01-01"] * 3), "e": ["x"] * 3})
    log = EventLog.from_frame(frame, user="u", time="t", event="e")
    assert list(log.user_ids) == ["7", "8"]
    text = pd.DataFrame({"u": ["007", "7"], "t": pd.to_datetime(["2024-01-01"] * 2), "e": ["x", "x"]})
    assert EventLog.from_frame(text, user="u", time="t", event="e").n_users == 2


def test_aware_timestamps_become_utc() -> None:
    times = pd.to_datetime(["2024-01-01 01:30+02:00", "2023-12-31 23:45-01:00"], format="ISO8601", utc=True)
    frame = pd.DataFrame(
        {"u": ["a", "a"], "t": pd.Series(times).dt.tz_convert("Europe/Paris"), "e": ["x", "y"]}
    )
    log = EventLog.from_frame(frame, user="u", time="t", event="e")
    assert log.start == pd.Timestamp("2023-12-31 23:30")
    assert log.end == pd.Timestamp("2024-01-01 00:45")
    assert list(log.days) == [19722, 19723]


def test_rows_sorted_by_user_then_time_ties_keep_source_order(log_from) -> None:
    log = log_from(
        [
            ("b", "2024-01-02 10:00", "late"),
            ("a", "2024-01-01 10:00", "tie1"),
            ("b", "2024-01-01 09:00", "early"),
            ("a", "2024-01-01 10:00", "tie2"),
        ]
    )
    decoded = [
        (log.user_ids[u], log.event_names[e]) for u, e in zip(log.user_codes, log.event_codes, strict=True)
    ]
    assert decoded == [("a", "tie1"), ("a", "tie2"), ("b", "early"), ("b", "late")]
    assert list(log.source_rows) == [1, 3, 2, 0]
    assert list(log.user_starts) == [0, 2, 4]


def test_event_names_by_frequency_and_bounds(log_from) -> None:
    log = log_from([("a", "2024-01-01 10:00", "x"), ("a", "2024-01-03", "y"), ("b", "2024-01-02", "y")])
    assert log.event_names == ["y", "x"]
    assert (log.start, log.end) == (pd.Timestamp("2024-01-01 10:00"), pd.Timestamp("2024-01-03"))


def test_microseconds_are_kept(log_from) -> None:
    log = log_from([("a", "2024-01-01 10:00:00.000001", "x"), ("a", "2024-01-01 10:00:00.000002", "y")])
    assert np.diff(log.times).tolist() == [1000]


def test_missing_column_and_unparsed_time_are_readable_errors() -> None:
    frame = pd.DataFrame({"u": ["a"], "t": ["2024-01-01"], "e": ["x"]})
    with pytest.raises(AnalysisError, match="missing column"):
        EventLog.from_frame(frame, user="user", time="t", event="e")
    with pytest.raises(AnalysisError, match="not parsed timestamps"):
        EventLog.from_frame(frame, user="u", time="t", event="e")


def test_properties_follow_the_sorted_rows(log_from) -> None:
    log = log_from(
        [("b", "2024-01-01", "x", "ios"), ("a", "2024-01-01", "x", "web")], properties=("platform",)
    )
    assert log.properties["platform"].tolist() == ["web", "ios"]


def test_categorical_columns_encode_without_unused_or_blank_labels() -> None:
    frame = pd.DataFrame(
        {
            "u": pd.Categorical(["b", "a", " ", "zz-unused"][:3], categories=["b", "a", " ", "zz-unused"]),
            "t": pd.to_datetime(["2024-01-02", "2024-01-01", "2024-01-01"]),
            "e": pd.Categorical(["x", "y", "x"]),
        }
    )
    log = EventLog.from_frame(frame, user="u", time="t", event="e")
    assert list(log.user_ids) == ["a", "b"] and log.dropped_rows == 1
    assert log.event_names == ["x", "y"]  # one each after the blank user's row is dropped: by name
    assert [log.user_ids[u] for u in log.user_codes] == ["a", "b"]


def test_mixed_types_of_the_same_id_are_one_user() -> None:
    frame = pd.DataFrame({"u": [7, "7", "07"], "t": pd.to_datetime(["2024-01-01"] * 3), "e": ["x"] * 3})
    assert list(EventLog.from_frame(frame, user="u", time="t", event="e").user_ids) == ["07", "7"]


def test_unsorted_input_with_ties_sorts_stably() -> None:
    times = pd.to_datetime(["2024-01-03", "2024-01-01", "2024-01-02", "2024-01-01", "2024-01-01"])
    frame = pd.DataFrame({"u": ["a", "b", "a", "a", "b"], "t": times, "e": ["1", "2", "3", "4", "5"]})
    log = EventLog.from_frame(frame, user="u", time="t", event="e")
    assert list(log.source_rows) == [3, 2, 0, 1, 4]
    assert list(log.time_ranks) == [0, 1, 2, 0, 0]
    assert len(log.distinct_times) == 3


def test_empty_frame_gives_an_empty_log() -> None:
    frame = pd.DataFrame({"u": pd.Series([], dtype=str), "t": pd.Series([], dtype="datetime64[ns]"), "e": []})
    log = EventLog.from_frame(frame, user="u", time="t", event="e")
    assert (log.n_events, log.n_users, log.event_names) == (0, 0, [])
    assert log.start is pd.NaT
