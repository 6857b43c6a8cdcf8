"""The executors every metric runs through, and the one comparison of their tables.

An executor turns an events frame (``user_id``, ``timestamp``, ``event``, properties) into the data its
metric functions read, and names the namespace holding functions with the numpy kernels' names and
parameters. The Ibis definitions on DuckDB are the reference (design §7: the definitions are the truth);
every other executor must give the same table. A future executor (PostgreSQL, ClickHouse via chdb) is one
more entry in :data:`EXECUTORS`; a metric it cannot run is marked in :data:`NOT_IMPLEMENTED` with a reason,
never skipped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from types import ModuleType

import numpy as np
import pandas as pd

import usagelens.analytics as numpy_kernels
import usagelens.analytics.definitions as definitions
from usagelens.analytics import AnalysisError, Customers, EventLog
from usagelens.analytics.definitions import duckdb_backend

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
EXECUTORS = [NUMPY, DUCKDB]
REFERENCE = DUCKDB
NOT_IMPLEMENTED: dict[tuple[str, str], str] = {}  # (executor, metric) -> why


@dataclass(frozen=True)
class Nested:
    """A metric passed to another (``compare_segments``): becomes the executor's own function of its data."""

    metric: str
    args: tuple = ()
    kwargs: dict | None = None

    def on(self, executor: Executor) -> Callable[[object], object]:
        return lambda data: getattr(executor.metrics, self.metric)(data, *self.args, **(self.kwargs or {}))


def run(executor: Executor, frame: pd.DataFrame, metric: str, *args: object, **kwargs: object) -> object:
    """The metric's table on ``executor``, or the :class:`AnalysisError` it raised (errors must agree too)."""
    reason = NOT_IMPLEMENTED.get((executor.name, metric))
    if reason:
        import pytest

        pytest.xfail(f"{executor.name} does not implement {metric}: {reason}")
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
    """Equal tables (same columns, dtypes, rows; counts exact, floats to 1e-9), or the same error."""
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
    assert problem is None, f"{label}: {problem}\n--- got\n{_show(got)}\n--- reference\n{_show(want)}"
