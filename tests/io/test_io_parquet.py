"""Parquet files: types kept, nested columns flattened as JSON's are, ids and timestamps typed by their roles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from usagelens.io import (
    FileFormat,
    ImportCancelled,
    ImportFailed,
    build_source,
    detect_options,
    file_info,
    list_sheets,
    read_preview,
    read_table,
)
from usagelens.model.entities import ImportOptions, SourceKind

ROLES = {"user_id": "user_id", "timestamp": "ts", "event": "event"}


def test_parquet_events_keep_their_types_and_full_precision(data_file: Callable[[str], Path]) -> None:
    path = data_file("events.parquet")
    assert file_info(path).format is FileFormat.PARQUET
    assert detect_options(path) == ImportOptions() and list_sheets(path) == []
    preview = read_preview(path, ImportOptions())
    assert list(preview.columns) == ["user_id", "ts", "event", "context.plan", "context.seats", "tags"]
    assert preview["user_id"].tolist() == ["7", "7", "8"]  # a preview is text, as for every format
    source = build_source(path, ImportOptions(), SourceKind.EVENTS, ROLES)
    table = source.table
    assert table["user_id"].tolist() == ["7", "7", "8"]  # numbers in the file, text as user ids
    assert table["ts"].tolist() == list(pd.to_datetime(
        ["2024-03-04 10:00:00.123456", "2024-03-04 11:00:00.000001", "2024-03-05 10:00:00"], format="ISO8601"
    ))  # fmt: skip
    assert table["context.plan"].tolist() == ["team", "team", "free"]
    assert table["context.seats"].tolist() == [3, 3, 1]
    assert table["tags"].fillna("-").tolist() == ['["a"]', "[]", "-"]


def test_dictionary_and_date_columns_read_plainly(tmp_path: Path) -> None:
    path = tmp_path / "customers.parquet"
    pq.write_table(pa.table({
        "customer": pa.array(["a", "b", "a"]).dictionary_encode(),
        "signup": pa.array([19_000, 19_001, None], pa.date32()),
        "mrr": pa.array(["10.50", "0", "3"], pa.string()).cast(pa.decimal128(10, 2)),
    }), path)  # fmt: skip
    table = read_table(path, ImportOptions())
    assert table["customer"].tolist() == ["a", "b", "a"] and table["customer"].dtype == "str"
    assert pd.api.types.is_datetime64_any_dtype(table["signup"])
    assert table["mrr"].tolist() == [10.5, 0.0, 3.0]


def test_progress_and_cancel(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(pa.table({"user_id": [f"u{n}" for n in range(300_000)]}), path, row_group_size=50_000)
    seen: list[float] = []
    assert len(read_table(path, ImportOptions(), progress=seen.append)) == 300_000
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 3
    with pytest.raises(ImportCancelled):
        read_table(path, ImportOptions(), cancelled=lambda: True)


def test_damaged_parquet_is_explained(tmp_path: Path, data_file: Callable[[str], Path]) -> None:
    path = tmp_path / "cut.parquet"
    path.write_bytes(data_file("events.parquet").read_bytes()[:300])
    with pytest.raises(ImportFailed, match=r"^cut\.parquet is damaged or incomplete; export the Parquet file again\.$"):
        read_table(path, ImportOptions())
