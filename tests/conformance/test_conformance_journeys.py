"""Journeys by hand, on every executor: events grouped by a wildcard and a regular expression, repeats of a
touchpoint collapsed into one visit, a user with one event, events at one instant, each user counted at their
first visit only, and journeys leading to a touchpoint."""

from __future__ import annotations

import pandas as pd
import pytest
from cases import frame
from executors import EXECUTORS, REFERENCE, Executor, assert_same, run

from usagelens.analytics import AnalysisError
from usagelens.analytics.touchpoint_rules import parse_rules

EVENTS = frame(
    [
        ("a", "2024-03-04 10:00", "signup"),
        ("a", "2024-03-04 10:01", "view_home"),
        ("a", "2024-03-04 10:02", "view_pricing"),  # another view: the same visit to Views
        ("a", "2024-03-04 10:03", "help_faq"),
        ("a", "2024-03-04 10:04", "checkout"),
        ("b", "2024-03-04 11:00", "signup"),
        ("b", "2024-03-04 11:00", "view_home"),  # at the sign-up's instant, listed after it
        ("b", "2024-03-05 09:00", "checkout"),
        ("b", "2024-03-06 09:00", "signup"),  # a second sign-up: b counts once, from the first
        ("b", "2024-03-06 09:01", "help_contact"),
        ("solo", "2024-03-04 12:00", "signup"),  # one event: the journey ends at once
        ("c", "2024-03-03 12:00", "view_home"),
        ("c", "2024-03-05 12:00", "help_faq"),
        ("c", "2024-03-05 12:01", "checkout"),
    ]
)
RULES = parse_rules("Views = view_*; Help = re:^help_")
ENDED, START = "(ended)", "(start)"


def _journeys(executor: Executor, event: str, **options: object) -> pd.DataFrame:
    got = run(executor, EVENTS, "journeys", event, **options)
    assert_same(got, run(REFERENCE, EVENTS, "journeys", event, **options), f"{event} {options} on {executor}")
    return got


def _rows(table: pd.DataFrame) -> list[tuple]:
    return list(table.itertuples(index=False, name=None))


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_grouped_journeys_after_the_first_sign_up(executor: Executor) -> None:
    assert _rows(_journeys(executor, "signup", depth=3, groups=RULES)) == [
        ("signup", ENDED, ENDED, ENDED, 1),  # solo
        ("signup", "Views", "Help", "checkout", 1),  # a: two views are one visit
        ("signup", "Views", "checkout", "signup", 1),  # b: from the first sign-up only
    ]


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_without_rules_every_event_is_a_touchpoint(executor: Executor) -> None:
    assert _rows(_journeys(executor, "signup", depth=2)) == [
        ("signup", ENDED, ENDED, 1),
        ("signup", "view_home", "checkout", 1),
        ("signup", "view_home", "view_pricing", 1),
    ]


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_journeys_leading_to_a_touchpoint(executor: Executor) -> None:
    assert _rows(_journeys(executor, "checkout", depth=2, groups=RULES, before=True)) == [
        ("Views", "Help", "checkout", 2),
        ("signup", "Views", "checkout", 1),
    ]
    # a rule's name anchors as well as an event it groups; before a user's first visit: (start)
    by_name = _journeys(executor, "Help", depth=3, groups=RULES, before=True)
    assert _rows(by_name) == [
        (START, START, "Views", "Help", 1),
        (START, "signup", "Views", "Help", 1),
        ("Views", "checkout", "signup", "Help", 1),
    ]
    assert_same(_journeys(executor, "help_faq", depth=3, groups=RULES, before=True), by_name, "by an event")


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_the_range_picks_the_first_visit_in_it(executor: Executor) -> None:
    assert _rows(_journeys(executor, "checkout", depth=2, groups=RULES, before=True, start="2024-03-05")) == [
        ("Views", "Help", "checkout", 1),
        ("signup", "Views", "checkout", 1),
    ]
    assert _journeys(executor, "signup", depth=2, start="2030-01-01").empty


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_an_unknown_anchor_is_refused_alike(executor: Executor) -> None:
    got = _journeys(executor, "Nowhere", groups=RULES)
    assert isinstance(got, AnalysisError) and "neither an event" in str(got)


def test_rules_are_read_with_clear_errors() -> None:
    assert parse_rules(["A = a*", "B = re:b; C=c"]) == (*parse_rules("A = a*"), *parse_rules("B=re:b;C = c"))
    for text, words in (("checkout", "name = pattern"), ("X = re:(", "regular expression"),
                        ("Other = x*", "label the journey map uses")):
        with pytest.raises(AnalysisError, match=words):
            parse_rules(text, reserved=("Other",))
