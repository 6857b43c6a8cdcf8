"""Personal columns detected by queries (cleaning/compiled/personal.py) are pandas' own: the same seeded sample
of values is drawn among the present rows, in tables with gaps, missing values and row numbers far apart."""

from __future__ import annotations

import ibis
import numpy as np
import pandas as pd
import pytest
from compiled_engines import ORDER, duckdb_session, registered

from usagelens.cleaning.compiled import personal
from usagelens.cleaning.compiled.context import CompileContext
from usagelens.cleaning.personal import SAMPLE_SIZE, detect_personal_columns
from usagelens.model.query_engine import queries_to


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> ibis.BaseBackend:
    return duckdb_session(tmp_path_factory.mktemp("spill"))


def _values(n: int, seed: int) -> pd.Series:
    """Mostly e-mails, some other text and gaps: the verdict turns on which values the sample holds."""
    rng = np.random.default_rng(seed)
    kinds = rng.choice(3, size=n, p=[0.72, 0.18, 0.10])
    texts = [f"user{i}@example.org" if k == 0 else f"note {i}" if k == 1 else None for i, k in enumerate(kinds)]
    return pd.Series(texts, dtype="str")


@pytest.mark.parametrize("engine", ["duckdb", "trino"])  # the drawn rows as a table joined, or an IN list
@pytest.mark.parametrize(("rows", "keep_every"), [(10, 1), (SAMPLE_SIZE, 1), (5000, 1), (7000, 3)])
def test_the_sample_is_the_one_pandas_draws(con: ibis.BaseBackend, rows: int, keep_every: int, engine: str) -> None:
    frame = pd.DataFrame({"contact": _values(rows, rows)})
    pandas_frame, table = registered(con, frame)
    # rows dropped by a recipe leave gaps in the row numbers, as a cleaned table has
    table = table.filter(table[ORDER] % keep_every == 0)
    kept = pandas_frame.iloc[::keep_every].reset_index(drop=True)
    present = kept["contact"].dropna()
    expected = present.sample(min(SAMPLE_SIZE, len(present)), random_state=0)
    with queries_to(engine):
        drawn = personal._sample(table, "contact", CompileContext(order=ORDER))
        assert sorted(drawn) == sorted(expected)
        context = CompileContext(order=ORDER)
        assert personal.detect_personal_columns(table, context) == detect_personal_columns(kept)


def test_named_columns_need_no_sample_and_empty_columns_none(con: ibis.BaseBackend) -> None:
    frame = pd.DataFrame({"E-Mail": ["x"] * 3, "nothing": [None] * 3, "n": [1, 2, 3]}).astype(
        {"E-Mail": "str", "nothing": "str"})
    pandas_frame, table = registered(con, frame)
    found = personal.detect_personal_columns(table, CompileContext(order=ORDER))
    assert found == detect_personal_columns(pandas_frame) == {"E-Mail": "email"}
