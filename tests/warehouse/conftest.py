"""Warehouse tests import their helpers (the PostgreSQL cluster, chdb, the conformance executors) as top-level
modules; the cluster this process started stops with the session. ``frame`` and ``database`` are the events
of :func:`test_warehouse_cli.events_frame` (~2,000 rows, more than a linked source's preview) and a DuckDB
file holding them as table ``events``."""

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "conformance"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import postgres_cluster  # noqa: E402
from test_warehouse_cli import events_database, events_frame  # noqa: E402


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return events_frame()


@pytest.fixture(scope="module")
def database(frame: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return events_database(tmp_path_factory.mktemp("warehouse") / "product.duckdb", frame)


def pytest_sessionfinish() -> None:
    postgres_cluster.stop()
