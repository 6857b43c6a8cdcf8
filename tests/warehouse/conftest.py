"""Warehouse tests import their helpers (the PostgreSQL cluster, chdb, the conformance executors) as top-level
modules; the cluster this process started stops with the session."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "conformance"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import postgres_cluster  # noqa: E402


def pytest_sessionfinish() -> None:
    postgres_cluster.stop()
