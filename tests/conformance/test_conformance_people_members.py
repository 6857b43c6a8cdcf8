"""The people behind a number, through every Ibis executor: the ``*_members`` definitions (a lifecycle state, an
active-days bucket, a retention cell, a funnel step, what drop-outs did next, an experiment's variant) pick the same
users, with the same activity, on DuckDB (with and without the user number), PostgreSQL and ClickHouse. The numpy
path has no function of these names: ``tests/warehouse/test_linked_people.py`` holds them to the lists
``workspace.people`` makes from the numpy kernels."""

from __future__ import annotations

import pandas as pd
import pytest
from cases import CASES
from executors import COLUMNS, EXECUTORS, NUMPY, REFERENCE, Executor

from usagelens.analytics import AnalysisError
from usagelens.analytics.definitions import people
from usagelens.analytics.definitions.people import user_activity

FUNNEL = ["view", "cart", "purchase"]
# (case, definition, args, kwargs)
CALLS: list[tuple[str, str, tuple, dict]] = [
    *[("calendar", "lifecycle_members", ("week", "2021-01-04", group), {})
      for group in ("active", "new", "returning", "resurrecting", "dormant")],
    ("calendar", "lifecycle_members", ("week", "2020-12-28", "new"), {}),
    ("calendar", "lifecycle_members", ("week", "2021-01-18", "resurrecting"), {}),
    ("calendar", "lifecycle_members", ("month", "2021-02-01", "dormant"), {}),
    ("calendar", "frequency_members", ("week", "2020-12-28", 2), {}),
    ("calendar", "frequency_members", ("week", "2020-12-28", 1), {"at_least": True, "start": "2020-12-31"}),
    ("calendar", "retention_members", ("week", "2020-12-28", 3), {}),
    ("calendar", "retention_members", ("week", "2020-12-28", 3), {"mode": "on_or_after", "lost": True}),
    ("calendar", "retention_members", ("month", "2020-12-01", 1), {"start_event": "signup", "return_event": "view"}),
    ("ties", "funnel_members", (FUNNEL, 2), {}),
    ("ties", "funnel_members", (FUNNEL, 3), {"dropped": True}),
    ("ties", "funnel_members", (FUNNEL, 1), {"by": "plan", "segment": "b", "entered": ("2024-03-04", "2024-03-04")}),
    ("ties", "after_dropping_members", (["view", "purchase"], 1, None), {}),
    ("ties", "after_dropping_members", (["cart", "purchase"], 1, "view"), {}),
    ("ties", "experiment_members", ("plan", "a", "purchase"), {"converted": True}),
    ("repeats", "experiment_members", ("plan", "t", "purchase"), {"start": "2024-03-05"}),
]
PINS = {  # worked out by hand from the cases
    ("calendar", 0): ["x"],  # active in the week of 4 Jan 2021: x alone
    ("calendar", 2): ["x"],  # returning: x was active in the week before too
    ("calendar", 4): ["y", "z"],  # dormant: active in the week of 28 Dec, not in this one
    ("calendar", 5): ["y", "z"],  # new in the week of 28 Dec; x began on Sunday 27 Dec, the week before
    ("calendar", 6): ["y"],  # back on 18 Jan after two weeks away
    ("calendar", 7): ["y", "z"],  # active in January, not in February (x was back on 28 Feb)
    ("calendar", 8): ["x", "z"],  # two days of the week of 28 Dec: x on 28 Dec and 3 Jan, z on 1 and 2 Jan
    ("calendar", 10): ["y"],  # of the cohort of 28 Dec (y, z; x started the week before), back three weeks on
    ("ties", 14): ["c"],  # reached cart, not purchase: a's purchase shares its cart's instant, b's came later
    ("ties", 16): ["c"],  # dropped after view and did nothing later (its cart shares the views' instant)
}


def _members(executor: Executor, frame: pd.DataFrame, name: str, args: tuple, kwargs: dict) -> object:
    data = executor.load(frame, [c for c in frame.columns if c not in COLUMNS.values()])
    try:
        return user_activity(getattr(people, name)(data, *args, **kwargs))
    except AnalysisError as error:
        return str(error)


_reference: dict[int, object] = {}


@pytest.mark.parametrize("executor", [e for e in EXECUTORS if e is not NUMPY], ids=str)
@pytest.mark.parametrize("index", range(len(CALLS)), ids=[f"{c[1]}-{i}" for i, c in enumerate(CALLS)])
def test_members_conform(executor: Executor, index: int) -> None:
    case, name, args, kwargs = CALLS[index]
    frame = CASES[case]
    if index not in _reference:
        _reference[index] = _members(REFERENCE, frame, name, args, kwargs)
    want = _reference[index]
    got = want if executor is REFERENCE else _members(executor, frame, name, args, kwargs)
    if isinstance(want, pd.DataFrame) and isinstance(got, pd.DataFrame):
        pd.testing.assert_frame_equal(got, want, obj=f"{name}{args} {kwargs} on {case!r}, {executor}")
    else:
        assert got == want, (executor, name, args)
    if (case, index) in PINS:
        assert isinstance(got, pd.DataFrame), got
        assert got["user_id"].tolist() == PINS[(case, index)]
