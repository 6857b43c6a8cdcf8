"""Step 2 ▸ Connect in a build without a warehouse's driver (the installer carries those of DuckDB, PostgreSQL,
ClickHouse, Trino and Databricks): choosing another warehouse says at once, in one sentence above the preview, which
warehouses this build reads and how to read the others; those it reads say nothing of drivers."""

from __future__ import annotations

import sys
from pathlib import Path

import ibis
import pytest

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture(name="installed_app")
def without_sdk_drivers(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in the packaged app: frozen, and Ibis' BigQuery and Snowflake backends are not there."""
    for backend in ("bigquery", "snowflake"):
        if backend in vars(ibis):  # loaded already: Ibis keeps a backend as a module attribute
            monkeypatch.delattr(ibis, backend)
        monkeypatch.setitem(sys.modules, f"ibis.backends.{backend}", None)
    monkeypatch.setattr(sys, "frozen", True, raising=False)


def test_a_warehouse_without_its_driver_is_said_on_choosing_it(dialog, installed_app) -> None:  # type: ignore[no-untyped-def]
    dialog.backend_box.setCurrentIndex(dialog.backend_box.findData("bigquery"))
    assert dialog.example.text().startswith("For example: bigquery://")
    assert dialog.driver_note.isVisible()
    assert dialog.driver_note.text() == (
        "This installed UsageLens reads DuckDB files, MotherDuck, PostgreSQL, ClickHouse, Trino and Databricks: "
        "reading BigQuery needs its driver, which UsageLens installed from its source with pip and its warehouses "
        "extra brings (pip install '.[warehouses]').")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "connect_without_driver.png"))
    for scheme in ("duckdb", "motherduck", "postgres", "clickhouse", "trino", "databricks"):
        dialog.backend_box.setCurrentIndex(dialog.backend_box.findData(scheme))
        assert not dialog.driver_note.isVisible(), scheme
