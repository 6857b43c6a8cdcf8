"""The executors every metric runs through, and the one comparison of their tables.

An executor turns an events frame (``user_id``, ``timestamp``, ``event``, properties) into the data its
metric functions read, and names the namespace holding functions with the numpy kernels' names and
parameters. The Ibis definitions on DuckDB are the reference (design §7: the definitions are the truth);
every other executor must give the same table: the numpy kernels, the definitions on a DuckDB view with the
user number and order a converted export stores (``duckdb+user_key``: their windows partition by the number and
order by the row's place in each user's order), and the same
definitions on PostgreSQL (a
throw-away local cluster) and on ClickHouse (chdb), loaded by ``tests/warehouse/warehouse_engines.py``. A
call an executor is known to get wrong is listed in :data:`KNOWN_DIFFERENCES` with the reason: a hand-made
case's test xfails with it; in a property test (hypothesis) the call still runs, the other checks of the random
log go on, and the test reports as an expected failure if the difference showed (``conftest.py``), so
hypothesis never shrinks towards a known difference. ``tests/warehouse`` checks that each difference still
shows on its example, so a fixed one must leave the list. Nothing is skipped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType

import ibis
import numpy as np
import pandas as pd
import pytest
import warehouse_engines as warehouse
from hypothesis import currently_in_test_context

import usagelens.analytics as numpy_kernels
import usagelens.analytics.definitions as definitions
from usagelens.analytics import AnalysisError, Customers, EventLog
from usagelens.analytics.definitions import duckdb_backend
from usagelens.analytics.definitions.view import TIE_BREAK, TIME, USER, USER_KEY, USER_ORDER

COLUMNS = {"user": "user_id", "time": "timestamp", "event": "event"}


@dataclass(frozen=True)
class Executor:
    name: str
    load: Callable[[pd.DataFrame, Sequence[str]], object]
    metrics: ModuleType
    customers: Callable[[pd.DataFrame], object]  # a customers frame keyed by user_id, for breakdowns

    def __repr__(self) -> str:
        return self.name


@cache
def _duckdb() -> object:
    return duckdb_backend.connect(memory_limit="1GB", threads=1)


NUMPY = Executor(
    "numpy",
    lambda frame, properties: EventLog.from_frame(frame, **COLUMNS, properties=properties),
    numpy_kernels,
    lambda frame: Customers(frame, "user_id"),
)
DUCKDB = Executor(
    "duckdb",
    lambda frame, properties: duckdb_backend.register_frame(_duckdb(), frame, **COLUMNS, properties=properties),
    definitions,
    lambda frame: duckdb_backend.register_customers(_duckdb(), frame, user="user_id"),
)


def _keyed(frame: pd.DataFrame, properties: Sequence[str]) -> object:
    """The DuckDB view with its users numbered 1, 2, … in the order of their ids, and each row's place in the
    order of (user, time, row), as :mod:`usagelens.io.event_parquet` stores them (its rows in that order, the
    row number as ``__user_order``)."""
    view = duckdb_backend.register_frame(_duckdb(), frame, **COLUMNS, properties=properties)
    keyed = view.mutate(**{USER_KEY: (ibis.dense_rank().over(order_by=view[USER]) + 1).cast("int32")})
    place = ibis.row_number().over(order_by=[keyed[USER_KEY], keyed[TIME], keyed[TIE_BREAK]])
    return keyed.mutate(**{USER_ORDER: place.cast("int64")})


DUCKDB_KEYED = Executor("duckdb+user_key", _keyed, definitions, DUCKDB.customers)
POSTGRES = Executor(
    "postgres",
    warehouse.events_loader(warehouse.upload_postgres),
    definitions,
    warehouse.customers_loader(warehouse.upload_postgres),
)
CLICKHOUSE = Executor(
    "clickhouse",
    warehouse.events_loader(warehouse.upload_clickhouse),
    definitions,
    warehouse.customers_loader(warehouse.upload_clickhouse),
)
EXECUTORS = [NUMPY, DUCKDB, DUCKDB_KEYED, POSTGRES, CLICKHOUSE]
REFERENCE = DUCKDB


@dataclass(frozen=True)
class Difference:
    """Calls on which ``executor`` is known not to give the reference's table, why, and one such call
    (``case``, ``metric``, ``args``, ``kwargs``) that ``tests/warehouse`` checks still shows it."""

    executor: str
    covers: Callable[[pd.DataFrame, str, tuple, dict], bool]  # (frame, metric, args, kwargs) -> is it such a call
    reason: str
    example: tuple[str, str, tuple, dict]


KNOWN_DIFFERENCES = [
    Difference(
        "clickhouse",
        lambda frame, metric, args, kwargs: bool((frame["timestamp"] < pd.Timestamp("1970-01-01")).any()),
        "engine limit: Ibis 12 compiles dates to ClickHouse's Date (toDate: 1970-01-01 to 2149-06-06) and "
        "timestamp literals to DateTime (parseDateTimeBestEffort: from 1970), so a time before 1970 wraps "
        "(toDate of 1969-12-28 23:59:59 is 2149-06-03)",
        ("epoch", "active_users", ("day",), {}),
    ),
]


@dataclass(frozen=True)
class Nested:
    """A metric passed to another (``compare_segments``): becomes the executor's own function of its data."""

    metric: str
    args: tuple = ()
    kwargs: dict | None = None

    def on(self, executor: Executor) -> Callable[[object], object]:
        return lambda data: getattr(executor.metrics, self.metric)(data, *self.args, **(self.kwargs or {}))


@dataclass(frozen=True)
class KnownCall:
    """The outcome (a table or any exception) of a call covered by :data:`KNOWN_DIFFERENCES`."""

    outcome: object


@dataclass
class Expected:
    """The known differences the running test met: their reasons, and whether one of them showed."""

    reasons: list[str] = field(default_factory=list)
    differed: bool = False


EXPECTED = Expected()  # renewed before each test by conftest.py, which reads it when the test ends


def run(executor: Executor, frame: pd.DataFrame, metric: str, *args: object, **kwargs: object) -> object:
    """The metric's table on ``executor``, or the :class:`AnalysisError` it raised (errors must agree too);
    a :class:`KnownCall` for a call with a known difference."""
    reasons = [
        f"{executor.name}, {metric}: {known.reason}"
        for known in KNOWN_DIFFERENCES
        if known.executor == executor.name and known.covers(frame, metric, args, kwargs)
    ]
    if reasons and not currently_in_test_context():
        pytest.xfail("; ".join(reasons))
    EXPECTED.reasons.extend(reason for reason in reasons if reason not in EXPECTED.reasons)
    try:
        outcome = _outcome(executor, frame, metric, *args, **kwargs)
    except Exception as error:
        if not reasons:
            raise
        outcome = error
    return KnownCall(outcome) if reasons else outcome


def _outcome(executor: Executor, frame: pd.DataFrame, metric: str, *args: object, **kwargs: object) -> object:
    data = executor.load(frame, [c for c in frame.columns if c not in COLUMNS.values()])
    args = tuple(arg.on(executor) if isinstance(arg, Nested) else arg for arg in args)
    if isinstance(kwargs.get("customers"), pd.DataFrame):
        kwargs = {**kwargs, "customers": executor.customers(kwargs["customers"])}
    try:
        result = getattr(executor.metrics, metric)(data, *args, **kwargs)
    except AnalysisError as error:
        return error
    return result.reset_index() if isinstance(result, pd.Series) else result  # the index is compared too


def _show(table: object) -> str:
    if not isinstance(table, pd.DataFrame):
        return repr(table)
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
        return f"{table}\n{dict(table.dtypes.astype(str))}"


def _column_problem(name: str, got: pd.Series, want: pd.Series) -> str | None:
    """Why two columns differ (counts exact, rates and durations to 1e-9 relative), or None."""
    if got.dtype.kind == "f" or got.dtype.kind == "m":
        a = got.to_numpy(np.float64) if got.dtype.kind == "f" else got.to_numpy("int64").astype(np.float64)
        b = want.to_numpy(np.float64) if want.dtype.kind == "f" else want.to_numpy("int64").astype(np.float64)
        if got.dtype.kind == "m":  # NaT is int64 min
            a[got.isna().to_numpy()], b[want.isna().to_numpy()] = np.nan, np.nan
        close = np.isclose(a, b, rtol=1e-9, atol=1e-12, equal_nan=True)
        return None if close.all() else f"{name} differs at rows {np.flatnonzero(~close).tolist()}"
    if got.tolist() != want.tolist():
        return f"{name} differs"
    return None


def assert_same(got: object, want: object, label: str) -> None:
    """Equal tables (same columns, dtypes, rows; counts exact, floats to 1e-9), or the same error.

    A :class:`KnownCall` that differs is noted in :data:`EXPECTED` instead of failing here."""
    if isinstance(got, KnownCall):
        EXPECTED.differed = EXPECTED.differed or difference(got.outcome, want) is not None
        return
    problem = difference(got, want)
    assert problem is None, f"{label}: {problem}\n--- got\n{_show(got)}\n--- reference\n{_show(want)}"


def difference(got: object, want: object) -> str | None:
    """How two outcomes differ (see :func:`assert_same`), or None."""
    problem = None
    if isinstance(got, Exception) or isinstance(want, Exception):
        if type(got) is not type(want) or str(got) != str(want):
            problem = "different outcomes"
    elif list(got.columns) != list(want.columns):
        problem = "different columns"
    elif [str(t) for t in got.dtypes] != [str(t) for t in want.dtypes]:
        problem = "different dtypes"
    elif len(got) != len(want):
        problem = "different number of rows"
    else:
        for name in got.columns:
            problem = problem or _column_problem(
                name, got[name].reset_index(drop=True), want[name].reset_index(drop=True)
            )
    return problem
