"""Seeded synthetic event logs shaped like a product export: skewed users and events, one year, time order."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

N_USERS = 200_000
N_EVENT_TYPES = 30
YEAR_START = np.datetime64("2024-01-01T00:00:00", "ns")
NS_PER_DAY = 86_400 * 10**9


def event_frame(n_events: int, *, seed: int = 7, n_users: int = N_USERS) -> pd.DataFrame:
    """A DataFrame with ``user_id`` (text), ``timestamp`` (datetime64[ns]), ``event`` and ``platform``.

    Users sign up uniformly over the year and their activity decays after signup, so retention and
    lifecycle have real shape; a few users are very active (Pareto weights); event types follow a
    Zipf-like popularity. Rows are sorted by time, as exports usually are.
    """
    rng = np.random.default_rng(seed)
    weights = rng.pareto(1.5, n_users) + 0.2
    users = rng.choice(n_users, size=n_events, p=weights / weights.sum())
    signup = rng.integers(0, 365 * NS_PER_DAY, n_users)
    offset = rng.exponential(60 * NS_PER_DAY, n_events).astype(np.int64)
    times = np.minimum(signup[users] + offset, 366 * NS_PER_DAY - 1)
    popularity = 1.0 / np.arange(1, N_EVENT_TYPES + 1) ** 1.1
    events = rng.choice(N_EVENT_TYPES, size=n_events, p=popularity / popularity.sum())
    order = np.argsort(times, kind="stable")
    names = np.array([f"event_{i:02d}" for i in range(N_EVENT_TYPES)], dtype=object)
    user_names = np.char.add("u", np.char.zfill(np.arange(n_users).astype(str), 6)).astype(object)
    platforms = np.array(["web", "ios", "android"], dtype=object)
    return pd.DataFrame(
        {
            "user_id": pd.Series(user_names[users[order]], dtype="str"),
            "timestamp": (YEAR_START + times[order].astype("timedelta64[ns]")),
            "event": pd.Series(names[events[order]], dtype="str"),
            "platform": pd.Series(platforms[users[order] % 3], dtype="str"),
        }
    )


DATA_DIR = Path(os.environ.get("USAGELENS_BENCH_DIR", "/tmp/usagelens-bench"))
CHUNK = 10_000_000  # rows generated at a time: 100M events never sit in memory


def dataset(n_events: int, suffix: str = "parquet") -> Path:
    """The benchmarks' shared log of ``n_events`` as Parquet or CSV in :data:`DATA_DIR`, written once.

    Written chunk by chunk, each chunk with its own seed (7, 8, …) and time order, so every benchmark that
    asks for a size reads the same events (up to 10M, exactly :func:`event_frame`'s).
    """
    path = DATA_DIR / f"events_{n_events}.{suffix}"
    if path.exists():
        return path
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    with pa.OSFile(str(partial), "wb") as sink:
        writer = None
        for index, start in enumerate(range(0, n_events, CHUNK)):
            frame = event_frame(min(CHUNK, n_events - start), seed=7 + index)
            table = pa.Table.from_pandas(frame, preserve_index=False)
            writer = writer or (pq.ParquetWriter(sink, table.schema) if suffix == "parquet" else
                                pacsv.CSVWriter(sink, table.schema))
            writer.write_table(table)
        if writer is not None:
            writer.close()
    partial.rename(path)
    return path
