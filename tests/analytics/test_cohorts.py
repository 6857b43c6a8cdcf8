"""Cohorts on the event log: each kind of condition on a hand-made log, all/any, overlaps, empty cohorts, and a
plain message for every condition that cannot be asked."""

from __future__ import annotations

import pandas as pd
import pytest

from usagelens.analytics import AnalysisError, Customers, active_users
from usagelens.analytics.cohort_rules import describe, read_rules
from usagelens.analytics.cohorts import cohort_mask, cohort_members, listed_but_absent

ROWS = [
    # ann: signs up in Feb, exports 3 times in March, pays; pro
    ("ann", "2024-02-27 10:00", "signup", "web"),
    ("ann", "2024-03-01 09:00", "create", "web"),
    ("ann", "2024-03-02 09:00", "export", "web"),
    ("ann", "2024-03-10 09:00", "export", "ios"),
    ("ann", "2024-03-31 23:59", "export", "ios"),
    ("ann", "2024-04-01 00:00", "pay", "ios"),
    # bob: first seen in March, exports once, creates but never pays; free
    ("bob", "2024-03-05 12:00", "signup", "ios"),
    ("bob", "2024-03-06 12:00", "create", "ios"),
    ("bob", "2024-03-07 12:00", "export", "ios"),
    # cat: first seen in April, exports 4 times on April 1st; no customer row
    ("cat", "2024-04-01 08:00", "signup", "web"),
    ("cat", "2024-04-01 08:01", "export", "web"),
    ("cat", "2024-04-01 08:02", "export", "web"),
    ("cat", "2024-04-01 08:03", "export", "web"),
    ("cat", "2024-04-01 08:04", "export", "web"),
    # 007: a single signup in March; seats blank
    ("007", "2024-03-20 10:00", "signup", "android"),
]
CUSTOMERS = Customers(
    pd.DataFrame({"id": ["ann", "bob", "007", "bob"], "plan": ["pro", "pro", "free", "free"],
                  "seats": [12.0, 1.0, None, 1.0], "since": ["2023-01-10", "2024-02-01", "2024-03-15", "2024-02-01"]}),
    "id",
)


@pytest.fixture
def log(log_from):
    return log_from(ROWS, ("platform",))


def members(log, *conditions: dict, match: str = "all") -> list[str]:
    return cohort_members(log, list(conditions), match=match, customers=CUSTOMERS)["user_id"].tolist()


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"kind": "attribute", "attribute": "plan", "op": "in", "values": ["pro"]}, ["ann"]),  # bob's last row: free
        ({"kind": "attribute", "attribute": "plan", "op": "not_in", "values": ["pro"]}, ["007", "bob", "cat"]),
        ({"kind": "attribute", "attribute": "plan", "op": "in", "values": ["(missing)"]}, ["cat"]),
        ({"kind": "attribute", "attribute": "seats", "op": "at_least", "values": ["2"]}, ["ann"]),
        ({"kind": "attribute", "attribute": "seats", "op": "at_most", "values": ["1"]}, ["bob"]),  # blank: no value
        ({"kind": "attribute", "attribute": "since", "op": "at_least", "values": ["2024-02-01"]}, ["007", "bob"]),
        ({"kind": "attribute", "attribute": "platform", "op": "in", "values": ["web"]}, ["ann", "cat"]),  # 1st event
        ({"kind": "event_count", "event": "export", "at_least": 3, "start": "2024-03-01", "end": "2024-03-31"},
         ["ann"]),  # 23:59 on the 31st is inside; cat's four are in April
        ({"kind": "event_count", "event": "export", "at_least": 3}, ["ann", "cat"]),
        ({"kind": "event_count", "event": "export", "at_least": 1, "at_most": 1}, ["bob"]),
        ({"kind": "event_count", "event": "export", "at_most": 0, "at_least": 0}, ["007"]),  # never exported
        ({"kind": "event_count", "event": "pay"}, ["ann"]),
        ({"kind": "first_seen", "start": "2024-03-01", "end": "2024-03-31"}, ["007", "bob"]),
        ({"kind": "first_seen", "start": "2024-04-01"}, ["cat"]),
        ({"kind": "first_seen", "event": "export", "start": "2024-03-01", "end": "2024-03-31"}, ["ann", "bob"]),
        ({"kind": "funnel", "steps": ["signup", "create", "pay"], "step": 2}, ["bob"]),
        ({"kind": "funnel", "steps": ["signup", "create", "pay"], "step": 1}, ["007", "cat"]),
        ({"kind": "funnel", "steps": ["signup", "create", "pay"], "step": 3}, ["ann"]),
        ({"kind": "funnel", "steps": ["signup", "create", "pay"], "step": 2, "window_days": 3}, ["ann", "bob"]),
        ({"kind": "funnel", "steps": ["signup", "export"], "step": 2, "order": "strict"}, ["cat"]),
        ({"kind": "funnel", "steps": ["signup", "create"], "step": 2, "start": "2024-03-01"}, ["bob"]),
        ({"kind": "users", "user_ids": ["bob", "7", "gone"]}, ["bob"]),  # "7" is not "007"
    ],
)
def test_each_kind_of_condition(log, condition: dict, expected: list[str]) -> None:
    assert members(log, condition) == expected


def test_all_and_any_and_a_user_in_several_cohorts(log) -> None:
    march = {"kind": "first_seen", "start": "2024-03-01", "end": "2024-03-31"}
    exporter = {"kind": "event_count", "event": "export", "at_least": 1}
    assert members(log, march, exporter) == ["bob"]
    assert members(log, march, exporter, match="any") == ["007", "ann", "bob", "cat"]
    # bob is in both cohorts: each filter keeps him
    in_march = cohort_mask(log, [march], customers=CUSTOMERS)
    exporters = cohort_mask(log, [exporter], customers=CUSTOMERS)
    assert list(log.user_ids[in_march & exporters]) == ["bob"]


def test_an_empty_cohort_and_its_filtered_log(log) -> None:
    nobody = [{"kind": "event_count", "event": "pay", "at_least": 5}]
    mask = cohort_mask(log, nobody)
    assert not mask.any() and members(log, *nobody) == []
    part = log.subset_users(mask)
    assert part.n_users == 0 and part.n_events == 0
    # the filtered log keeps the whole log's days, so periods line up with the unfiltered analysis
    assert active_users(part, "month")["active_users"].tolist() == [0, 0, 0]


def test_a_cohort_filter_keeps_the_whole_logs_days(log) -> None:
    mask = cohort_mask(log, [{"kind": "users", "user_ids": ["cat"]}])
    assert active_users(log.subset_users(mask), "month")["active_users"].tolist() == [0, 0, 1]


def test_listed_ids_no_longer_in_the_data_are_counted(log) -> None:
    conditions = [{"kind": "users", "user_ids": ["bob", "gone", "7"]}, {"kind": "first_seen"}]
    assert listed_but_absent(log, conditions) == 2


@pytest.mark.parametrize(
    ("conditions", "match", "message"),
    [
        ([], "all", "the cohort has no conditions yet"),
        ([{"kind": "attribute", "attribute": "plan", "op": "in", "values": []}], "all", "choose at least one value"),
        ([{"kind": "event_count", "event": "teleport"}], "all", "event 'teleport' does not occur in the data"),
        ([{"kind": "attribute", "attribute": "shoe_size", "op": "in", "values": ["9"]}], "all",
         "no customer attribute or event property named 'shoe_size'"),
        ([{"kind": "attribute", "attribute": "plan", "op": "at_least", "values": ["3"]}], "all",
         "plan holds values that are not numbers"),
        ([{"kind": "attribute", "attribute": "plan", "op": "at_least", "values": ["a lot"]}], "all",
         "'a lot' is neither a number nor a date"),
        ([{"kind": "event_count", "event": "export", "at_least": 3, "at_most": 1}], "all",
         "condition 1: at most 1 times is fewer than at least 3"),
        ([{"kind": "first_seen"}, {"kind": "first_seen", "start": "March"}], "all",
         "condition 2: start is not a date"),
        ([{"kind": "funnel", "steps": ["signup", "pay"], "step": 3}], "all", "the step should be between 1 and 2"),
        ([{"kind": "funnel", "steps": ["signup"], "step": 1}], "all", "a funnel needs at least two steps"),
        ([{"kind": "telepathy"}], "all", "unknown kind 'telepathy'"),
        ([{"kind": "first_seen"}], "most", "'all' or 'any'"),
        ([{"kind": "users", "user_ids": "bob"}], "all", "user ids should be a list of text"),
        ([{"kind": "attribute", "attribute": "plan", "op": "in", "values": ["web"], "counted": "middle"}], "all",
         "an event property is read on the first or last event, not 'middle'"),
    ],
)
def test_conditions_that_cannot_be_asked_say_why(log, conditions: list, match: str, message: str) -> None:
    with pytest.raises(AnalysisError, match=message.replace("(", r"\(").replace(")", r"\)")):
        cohort_mask(log, conditions, match=match, customers=CUSTOMERS)


def test_rules_in_words() -> None:
    rules = read_rules([
        {"kind": "attribute", "attribute": "plan", "op": "in", "values": ["pro", "team"]},
        {"kind": "event_count", "event": "export", "at_least": 3, "start": "2024-03-01", "end": "2024-03-31"},
        {"kind": "event_count", "event": "export", "at_least": 0, "at_most": 0},
        {"kind": "first_seen", "start": "2024-03-01", "end": "2024-03-31"},
        {"kind": "funnel", "steps": ["signup", "create", "invite", "pay"], "step": 3, "window_days": 14},
        {"kind": "funnel", "steps": ["signup", "pay"], "step": 2},
        {"kind": "users", "user_ids": ["a", "b"]},
        {"kind": "event_count", "start": "2024-03-04", "end": "2024-03-10"},
        {"kind": "attribute", "attribute": "device", "op": "in", "values": ["ios"], "counted": "last"},
    ]).rules
    assert [describe(rule) for rule in rules] == [
        "plan is one of pro, team",
        "did export at least 3 times between 2024-03-01 and 2024-03-31",
        "never did export",
        "first seen between 2024-03-01 and 2024-03-31",
        "reached step 3 (invite) of signup → create → invite → pay but not step 4 within 14 days",
        "completed the funnel signup → pay",
        "one of 2 listed users",
        "did any event at least once between 2024-03-04 and 2024-03-10",
        "device (on their last event) is one of ios",
    ]
