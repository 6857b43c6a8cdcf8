"""The daily cohorts behind two KPI series (conversion per day of entering, retention per first day) on every
executor, and the series the shared compute makes of them (``kpi_series``) on the event log and on a view.

The hand-made case holds the edges: a day with no entrants, users converting on a later day (exactly at the end
of the window, and one microsecond after it), an entrant whose window ends exactly with the data and one a
microsecond later, returns on the first and last day of a retention window and the day after it, a return
before the start event on the same day, and cohorts just old enough or not. Values worked out by hand are
pinned; every case of ``cases.py`` and random logs (hypothesis) run too.
"""

from __future__ import annotations

import pandas as pd
import pytest
from cases import CASES, frame
from executors import DUCKDB, EXECUTORS, REFERENCE, Executor, assert_same, run
from hypothesis import given
from hypothesis import strategies as st
from test_conformance_metrics import FUNNELS
from test_conformance_properties import SETTINGS, rows
from test_conformance_properties import _frame as random_frame

from usagelens.analytics import AnalysisError, EventLog
from usagelens.analytics.definitions.view_events import ViewEvents
from usagelens.analytics.kpi import KpiInputs
from usagelens.analytics.kpi_series import kpi_series
from usagelens.model import KpiBinding

CHECKED = [executor for executor in EXECUTORS if executor is not REFERENCE]
KPI = frame([
    # the funnel signup -> purchase within 2 days
    ("a", "2024-03-04 10:00", "signup"),
    ("a", "2024-03-05 09:00", "purchase"),  # the next day
    ("b", "2024-03-04 23:59:59.999999", "signup"),
    ("b", "2024-03-06 23:59:59.999999", "purchase"),  # two days later, exactly 2 days after entering
    ("c", "2024-03-04 12:00", "signup"),
    ("c", "2024-03-06 12:00:00.000001", "purchase"),  # 1 µs too late; nobody enters on 2024-03-05
    ("d", "2024-03-06 08:00", "signup"),
    ("d", "2024-03-07 07:00", "signup"),  # entered the day before: the first signup counts
    ("d", "2024-03-07 09:00", "purchase"),
    ("e", "2024-03-18 12:00", "signup"),  # its window ends exactly with the data: counted, not converted
    ("f", "2024-03-18 12:00:00.000001", "signup"),  # its window ends 1 µs after the data: left out
    # retention: returns 7, 13 and 14 days after the first day
    ("r1", "2024-03-01 10:00", "view"),
    ("r1", "2024-03-08 09:00", "view"),
    ("r2", "2024-03-01 23:00", "view"),
    ("r2", "2024-03-14 23:59", "view"),
    ("r3", "2024-03-01 01:00", "view"),
    ("r3", "2024-03-15 00:00", "view"),
    ("r4", "2024-03-07 05:00", "view"),  # the last first day whose week 1 ends with the data
    ("r4", "2024-03-20 06:00", "view"),
    ("r5", "2024-03-08 09:00", "view"),  # a day too late for week 1
    ("r5", "2024-03-15 09:00", "view"),
    ("r6", "2024-03-02 08:00", "purchase"),  # before its signup, on the same day
    ("r6", "2024-03-02 09:00", "signup"),
    ("h", "2024-03-20 12:00", "view"),  # the data's last event
])

CONVERSION: list[tuple[tuple, dict]] = [
    ((["signup", "purchase"],), {"window": "2d"}),
    ((["signup", "purchase"],), {}),
    ((["signup", "view"],), {"window": "14d", "order": "any"}),
    ((["signup", "purchase"],), {"window": "2d", "exclude": "view"}),
    ((["signup", "nope"],), {}),
]
RETENTION: list[tuple[tuple, dict]] = [
    (("week", 1), {}),
    (("week", 1), {"mode": "on_or_after"}),
    (("day", 1), {}),
    (("day", 0), {"start_event": "signup", "return_event": "purchase"}),
    (("month", 1), {}),
    (("week", 1), {"start_event": "nope"}),
    (("week", -1), {}),
    (("week", 1), {"mode": "after"}),
]
# each case's first two funnels, over all its data (the range is the KPI's: everything)
CASE_CONVERSION = {
    case: [((args[0],), {k: v for k, v in kwargs.items() if k not in ("start", "end")}) for args, kwargs in calls[:2]]
    for case, calls in FUNNELS.items()
}


def _days(*days: str) -> list[pd.Timestamp]:
    return list(pd.to_datetime(days))


PINS: dict[tuple[str, int], dict[str, list]] = {
    # r6 enters on the 2nd (bought before), a, b and c on the 4th (c's purchase 1 µs late), d on the 6th, e on
    # the 18th; no row for the 3rd and 5th
    ("conversion_by_entry_day", 0): {"day": _days("2024-03-02", "2024-03-04", "2024-03-06", "2024-03-18"),
                                     "entered": [1, 3, 1, 1], "converted": [0, 2, 1, 0]},
    ("conversion_by_entry_day", 1): {"entered": [1, 3, 1, 2], "converted": [0, 3, 1, 0]},  # no window: f counts
    ("retention_by_first_day", 0): {"day": _days("2024-03-01", "2024-03-02", "2024-03-04", "2024-03-06",
                                                 "2024-03-07"),
                                    "users": [3, 1, 3, 1, 1], "retained": [2, 0, 0, 0, 1]},
    ("retention_by_first_day", 1): {"retained": [3, 0, 0, 0, 1]},  # day 14 is after week 1
    ("retention_by_first_day", 2): {"day": _days("2024-03-01", "2024-03-02", "2024-03-04", "2024-03-06",
                                                 "2024-03-07", "2024-03-08", "2024-03-18"),
                                    "users": [3, 1, 3, 1, 1, 1, 2], "retained": [0, 0, 1, 1, 0, 0, 0]},
    ("retention_by_first_day", 3): {"day": _days("2024-03-02", "2024-03-04", "2024-03-06", "2024-03-18"),
                                    "users": [1, 3, 1, 2], "retained": [1, 0, 0, 0]},
    ("retention_by_first_day", 4): {"day": []},  # no 30-day window has ended twice yet
}
ERRORS = {("conversion_by_entry_day", 4): "event 'nope' does not occur in the data",
          ("retention_by_first_day", 5): "event 'nope' does not occur in the data",
          ("retention_by_first_day", 6): "a retention offset is zero or more, not -1",
          ("retention_by_first_day", 7): "retention mode must be 'on' or 'on_or_after', not 'after'"}


def _end(table: pd.DataFrame) -> pd.Timestamp:
    return table["timestamp"].max()


_reference: dict[tuple[str, str, str], object] = {}


def _both(executor: Executor, table: pd.DataFrame, metric: str, args: tuple, kwargs: dict, case: str = "") -> object:
    """The executor's outcome, checked against the reference's (kept per named case and call)."""
    kwargs = {**kwargs, "data_end": _end(table)}
    got = run(executor, table, metric, *args, **kwargs)
    key = (case, metric, repr((args, kwargs)))
    want = _reference.get(key) if case else None
    if want is None:
        want = run(REFERENCE, table, metric, *args, **kwargs)
        if case:
            _reference[key] = want
    assert_same(got, want, f"{metric}{args} {kwargs}, {executor} vs {REFERENCE}")
    return got


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
@pytest.mark.parametrize(("metric", "calls"), [("conversion_by_entry_day", CONVERSION),
                                               ("retention_by_first_day", RETENTION)])
def test_the_kpi_case_conforms_with_its_pins(executor: Executor, metric: str, calls: list) -> None:
    for index, (args, kwargs) in enumerate(calls):
        got = _both(executor, KPI, metric, args, kwargs, "kpi")
        if (metric, index) in ERRORS:
            assert isinstance(got, AnalysisError) and str(got) == ERRORS[metric, index], got
        for column, values in PINS.get((metric, index), {}).items():
            assert isinstance(got, pd.DataFrame), got
            assert got[column].tolist() == values, f"{metric} call {index}, {column} on {executor}:\n{got}"


@pytest.mark.parametrize("executor", CHECKED, ids=str)
@pytest.mark.parametrize("case", sorted(CASES))
def test_every_case_conforms(executor: Executor, case: str) -> None:
    for args, kwargs in CASE_CONVERSION[case]:
        _both(executor, CASES[case], "conversion_by_entry_day", args, kwargs, case)
    for args, kwargs in RETENTION:
        _both(executor, CASES[case], "retention_by_first_day", args, kwargs, case)


@pytest.mark.parametrize("executor", CHECKED, ids=str)
@SETTINGS
@given(data=rows, window=st.sampled_from([None, "1h", "2d"]), order=st.sampled_from(["sequential", "any"]),
       unit=st.sampled_from(["day", "week"]), offset=st.integers(0, 2), mode=st.sampled_from(["on", "on_or_after"]))
def test_random_logs_conform(executor: Executor, data: list, window: str | None, order: str, unit: str, offset: int,
                             mode: str) -> None:
    table = random_frame(data)
    _both(executor, table, "conversion_by_entry_day", (["a", "b"],), {"window": window, "order": order})
    _both(executor, table, "retention_by_first_day", (unit, offset), {"mode": mode})
    _both(executor, table, "retention_by_first_day", (unit, offset), {"start_event": "a", "return_event": "b"})


# --- the series the shared compute makes of them, on the log and on a view ---------------------------------

FUNNEL = KpiBinding("funnel", {"steps": ["signup", "purchase"], "window_days": 2})
RETAINED = KpiBinding("retention", {"period": "week", "offset": 1})


def _inputs(engine: str, table: pd.DataFrame) -> KpiInputs:
    if engine == "numpy":
        return KpiInputs(EventLog.from_frame(table, user="user_id", time="timestamp", event="event"))
    return KpiInputs(events=ViewEvents(DUCKDB.load(table, ["plan"])))


@pytest.mark.parametrize("engine", ["numpy", "duckdb"])
@pytest.mark.parametrize(("binding", "period", "starts", "values"), [
    (FUNNEL, "day", ("2024-03-02", "2024-03-04", "2024-03-06", "2024-03-18"), [0.0, 2 / 3, 1.0, 0.0]),
    (FUNNEL, "week", ("2024-02-26", "2024-03-04", "2024-03-18"), [0.0, 0.75, 0.0]),
    (RETAINED, "day", ("2024-03-01", "2024-03-02", "2024-03-04", "2024-03-06", "2024-03-07"), [2 / 3, 0, 0, 0, 1]),
    (RETAINED, "month", ("2024-03-01",), [3 / 9]),
], ids=["funnel-day", "funnel-week", "retention-day", "retention-month"])
def test_the_series_is_the_same_on_the_log_and_on_a_view(engine: str, binding: KpiBinding, period: str,
                                                        starts: tuple, values: list) -> None:
    series = kpi_series(binding, _inputs(engine, KPI), period)
    index = pd.DatetimeIndex(pd.to_datetime(starts)).as_unit("ns")
    expected = pd.Series(values, index=index, name=binding.metric, dtype=float)
    pd.testing.assert_series_equal(series, expected, check_freq=False)


@pytest.mark.parametrize("engine", ["numpy", "duckdb"])
@pytest.mark.parametrize(("binding", "table", "message"), [
    (KpiBinding("retention", {"period": "month", "offset": 1}), KPI, "no cohort has reached month 1 yet"),
    (KpiBinding("funnel", {"steps": ["signup", "purchase"], "window_days": 30}), KPI,
     "no one who did signup has had the whole window to convert yet"),
    (RETAINED, CASES["empty"], "no event log with readable times"),
    (FUNNEL, CASES["empty"], "no event log with readable times"),
], ids=["no-mature-cohort", "no-settled-entrant", "empty-retention", "empty-funnel"])
def test_a_series_without_cohorts_says_why(engine: str, binding: KpiBinding, table: pd.DataFrame,
                                           message: str) -> None:
    with pytest.raises(AnalysisError, match=message):
        kpi_series(binding, _inputs(engine, table), "day")
