"""The journey map's top journeys on every executor: more distinct journeys than it keeps, a tie of users at
the last kept place (broken by the journeys' steps), folded journeys that share the kept ones' first steps or
stop early, after and leading to a touchpoint. The engines fold in their query: the table must be what folding
every journey taken gives, and hold the kept journeys plus a few rows of Other, not one row per journey. The
top paths, on the same events, fetch only the top ones and those tied with the last of them."""

from __future__ import annotations

import pandas as pd
import pytest
from cases import frame
from executors import DUCKDB, EXECUTORS, REFERENCE, Executor, assert_same, run

from usagelens.analytics.definitions.paths import PathParams, top_paths_definition
from usagelens.analytics.definitions.view import fetch
from usagelens.analytics.journeys import fold_journeys
from usagelens.analytics.touchpoint_rules import parse_rules

DEPTH = 3
TAKEN = [  # (journey after "start", how many users took it)
    (("a", "b", "c"), 5),
    (("a", "c"), 4),  # then nothing: (ended)
    (("b", "a", "c"), 3),  # three journeys of 3 users at the last kept place: the first by its steps is kept
    (("a", "b", "a"), 3),
    (("b", "c", "a"), 3),
    (("a", "b", "d"), 2),  # leaves a kept journey at its last step
    (("d",), 2),
    *[((x, y, z), 1) for x in "cde" for y in "abf" for z in "cf" if x != y],  # 18 more, one user each
    *[((y, x, "c"), 1) for y in "abf" for x in "def"],  # and 9 leading to c
]


def _events() -> pd.DataFrame:
    rows, user = [], 0
    for steps, users in TAKEN:
        for _ in range(users):
            user += 1
            for minute, event in enumerate(("start", *steps)):
                rows.append((f"u{user:03d}", f"2024-03-04 10:{minute:02d}", event))
    return frame(rows)


EVENTS = _events()
OPTIONS = [  # (anchor, journeys kept, options): each with a tie at the last kept place
    ("start", 3, {}),
    ("c", 4, {"before": True}),
    ("start", 3, {"groups": parse_rules("Late = re:^[ef]$")}),
]


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
@pytest.mark.parametrize(("event", "top", "options"), OPTIONS, ids=["after", "before", "grouped"])
def test_the_top_journeys_fold_the_rest_in_the_query(executor: Executor, event: str, top: int,
                                                     options: dict) -> None:
    got = run(executor, EVENTS, "top_journeys", event, top=top, depth=DEPTH, **options)
    assert_same(got, run(REFERENCE, EVENTS, "top_journeys", event, top=top, depth=DEPTH, **options),
                f"{event} {options} on {executor}")
    every = run(executor, EVENTS, "journeys", event, depth=DEPTH, **options)
    assert_same(got, fold_journeys(every, top, options.get("before", False)), f"folding every journey on {executor}")
    assert every["users"].iloc[top - 1] == every["users"].iloc[top]  # a tie at the last kept place
    assert (~got["folded"]).sum() == top and got["users"].sum() == every["users"].sum()
    assert got.loc[got["folded"], "journeys"].sum() == len(every) - top
    # the kept journeys, then one row per kept journey's first steps a folded one follows, to Other or to its end
    assert len(got) <= top + 2 * (1 + top * (DEPTH - 1)) and len(got) < len(every)


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_the_top_paths_with_a_tie_at_the_last_place(executor: Executor) -> None:
    got = run(executor, EVENTS, "top_paths", "start", depth=DEPTH, top=3)
    assert_same(got, run(REFERENCE, EVENTS, "top_paths", "start", depth=DEPTH, top=3), f"top paths on {executor}")
    assert got["count"].tolist() == [5, 4, 3] and got["share"].iloc[0] == 5 / len(set(EVENTS["user_id"]))


def test_the_top_paths_query_returns_the_top_and_their_ties_only() -> None:
    view = DUCKDB.load(EVENTS, ["plan"])
    fetched = fetch(top_paths_definition(view, PathParams("start", DEPTH, 3, None)))
    assert sorted(fetched["count"], reverse=True) == [5, 4, 3, 3, 3]  # the third place is a tie of three
    assert (fetched["total"] == len(set(EVENTS["user_id"]))).all()
