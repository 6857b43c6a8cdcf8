"""Conversion drivers' two groups through every executor. ``conversion_drivers`` counts, in the query of its table,
the users who entered the funnel and those who converted (so the analysis asks no funnel first): the same on every
executor, and the funnel's first and last step. ``drivers_members`` lists, on every Ibis executor, the users behind a
row's counts: as many as the row shows, the same users everywhere (the numpy path lists them from its own masks,
held to these by ``tests/warehouse/test_linked_people.py``)."""

from __future__ import annotations

import pandas as pd
import pytest
from cases import CASES, CUSTOMERS
from executors import COLUMNS, EXECUTORS, KNOWN_DIFFERENCES, NUMPY, REFERENCE, Executor, assert_same
from test_conformance_metrics import FUNNELS

from usagelens.analytics import AnalysisError
from usagelens.analytics.definitions.people import user_activity

ATTRIBUTES = ["plan", "tier"]  # an event property of the entering row and a customer attribute
CALLS = [(case, args, kwargs) for case, calls in FUNNELS.items() for args, kwargs in calls]
LISTED = CALLS[::2]  # the calls whose rows' users are listed (listing takes two queries a row)
ROWS = 2  # rows of each table whose users are listed, the most significant first


def _call(executor: Executor, name: str, case: str, args: tuple, kwargs: dict, *more: object) -> object:
    """Metric ``name`` on ``case`` (the drivers' with the customers)."""
    frame = CASES[case]
    data = executor.load(frame, [c for c in frame.columns if c not in COLUMNS.values()])
    if name != "funnel":
        kwargs = {**kwargs, "customers": executor.customers(CUSTOMERS)}
    try:
        return getattr(executor.metrics, name)(data, *args, *more, **kwargs)
    except AnalysisError as error:
        return error


def _unless_known(executor: Executor, index: int) -> None:
    """An expected failure, with its reason, for a call a known difference of ``executor`` covers."""
    case, args, kwargs = CALLS[index]
    reasons = [known.reason for known in KNOWN_DIFFERENCES
               if known.executor == executor.name and known.covers(CASES[case], "conversion_drivers", args, kwargs)]
    if reasons:
        pytest.xfail("; ".join(reasons))


_reference: dict[tuple[int, str], object] = {}


def _drivers_reference(index: int, name: str = "conversion_drivers") -> object:
    """The reference executor's drivers (or ``funnel``) of call ``index``, asked once."""
    if (index, name) not in _reference:
        case, args, kwargs = CALLS[index]
        chosen = {**kwargs, "attributes": ATTRIBUTES} if name == "conversion_drivers" else kwargs
        _reference[(index, name)] = _call(REFERENCE, name, case, args, chosen)
    return _reference[(index, name)]


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
@pytest.mark.parametrize("index", range(len(CALLS)), ids=[f"{c[0]}-{i}" for i, c in enumerate(CALLS)])
def test_the_drivers_count_who_entered_and_converted(executor: Executor, index: int) -> None:
    _unless_known(executor, index)
    case, args, kwargs = CALLS[index]
    want = _drivers_reference(index)
    got = _call(executor, "conversion_drivers", case, args, {**kwargs, "attributes": ATTRIBUTES})
    if isinstance(want, Exception):
        assert_same(got, want, f"{case} {args} {kwargs} on {executor}")
        return
    assert not isinstance(got, Exception), got
    assert_same(got.table, want.table, f"{case} {args} {kwargs} on {executor} vs {REFERENCE}")
    users = _drivers_reference(index, "funnel")["users"].tolist()  # type: ignore[index]
    assert (got.entered, got.converted, got.dropped) == (users[0], users[-1], users[0] - users[-1]), (case, args)
    assert (got.entered, got.converted) == (want.entered, want.converted)


_listed: dict[tuple[int, str, bool], pd.DataFrame] = {}


@pytest.mark.parametrize("executor", [e for e in EXECUTORS if e is not NUMPY], ids=str)
@pytest.mark.parametrize("index", range(0, len(CALLS), 2), ids=[f"{c[0]}-{i * 2}" for i, c in enumerate(LISTED)])
def test_a_drivers_row_lists_the_users_it_counts(executor: Executor, index: int) -> None:
    _unless_known(executor, index)
    case, args, kwargs = CALLS[index]
    want = _drivers_reference(index)
    if isinstance(want, Exception) or want.table.empty:
        return  # no row to list (the error itself is compared above)
    for _, row in want.table.head(ROWS).iterrows():
        attribute, _, value = str(row["feature"]).partition(" = ") if row["kind"] == "attribute" else \
            (None, "", str(row["feature"]))
        for converted, count in ((True, row["converted_with"]), (False, row["dropped_with"])):
            chosen = {**kwargs, "attribute": attribute, "converted": converted}
            key = (index, str(row["feature"]), converted)
            if key not in _listed:
                _listed[key] = user_activity(_call(REFERENCE, "drivers_members", case, args, chosen, value))
            got = _listed[key] if executor is REFERENCE else \
                user_activity(_call(executor, "drivers_members", case, args, chosen, value))
            assert len(got) == count, (case, args, row["feature"], converted)
            pd.testing.assert_frame_equal(got, _listed[key], obj=f"{case} {row['feature']} on {executor}")
