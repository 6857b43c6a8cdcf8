"""The customers as the definitions read them for breakdowns, on any backend: registered in DuckDB
(:func:`.duckdb_backend.register_customers`) or sent along with a warehouse's query as an in-memory table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from usagelens.analytics.definitions.view import TIE_BREAK, USER
from usagelens.analytics.encoding import as_text


def customers_table(frame: pd.DataFrame, *, user: str) -> pa.Table:
    """A customers table as the definitions read it for breakdowns: ``user_id`` as text, ``seq`` its row (the
    last row of a user counts), and every attribute column as it is."""
    attributes = {
        name: pa.Array.from_pandas(frame[name]) for name in frame.columns if name not in (user, USER, TIE_BREAK)
    }
    return pa.table(
        {
            USER: pa.array(as_text(frame[user]).to_numpy(object, na_value=None), pa.string()),
            TIE_BREAK: pa.array(np.arange(len(frame)), pa.int64()),
            **attributes,
        }
    )
