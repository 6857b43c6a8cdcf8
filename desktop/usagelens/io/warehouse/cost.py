"""What a warehouse query will cost before it runs (issue 15.3): BigQuery's dry-run byte estimate.

BigQuery bills by the bytes a query scans and tells them, free, for a query sent with
``QueryJobConfig(dry_run=True)``: nothing runs and nothing is billed. :func:`scan_estimate` asks it for the
compiled SQL of an expression (the standard view: the columns of the events an analysis reads), so a person
sees the size before the first run and ``--max-bytes`` can refuse it. Other warehouses bill by time or by
their own plan and have no such estimate: None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

import ibis.expr.types as ir

from usagelens.io.warehouse.url import WarehouseError
from usagelens.model.translatable import QT_TRANSLATE_NOOP

UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12, "pb": 10**15,
         "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40, "pib": 2**50}
SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.IGNORECASE)


class DryRunJob(Protocol):
    total_bytes_processed: int | None


class QueryClient(Protocol):
    """What the estimate needs of ``google.cloud.bigquery.Client``."""

    def query(self, query: str, *, job_config: Any, project: str | None = None) -> DryRunJob: ...


def dry_run_bytes(client: QueryClient, sql: str, project: str | None = None) -> int:
    """The bytes BigQuery says ``sql`` would scan; it is not run (``dry_run``) and not answered from BigQuery's
    own cache (which would say 0 for a query that will scan again once the cache expires)."""
    from google.cloud.bigquery import QueryJobConfig  # the BigQuery driver, there whenever a client is

    job = client.query(sql, job_config=QueryJobConfig(dry_run=True, use_query_cache=False), project=project)
    return int(job.total_bytes_processed or 0)


def _bigquery(con: Any, expr: ir.Table) -> int:
    return dry_run_bytes(con.client, con.compile(expr), project=con.billing_project)


# Ibis backend name -> (backend, expression) -> bytes the expression's query would scan.
DRY_RUNS: dict[str, Callable[[Any, ir.Table], int]] = {"bigquery": _bigquery}


def scan_estimate(expr: ir.Table) -> int | None:
    """The bytes the query of ``expr`` would scan on its warehouse, or None where the warehouse has no dry run;
    :class:`WarehouseError` (one sentence) when the warehouse refuses to estimate it."""
    con = expr._find_backend()
    estimate = DRY_RUNS.get(con.name)
    if estimate is None:
        return None
    from usagelens.io.warehouse.connect import reason

    try:
        return estimate(con, expr)
    except Exception as error:  # noqa: BLE001 - every driver has its own errors; one sentence each
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "BigQuery did not estimate the query's size: {reason}")
                             .format(reason=reason(error))) from None


def parse_size(text: str) -> int:
    """``10GB``, ``1.5 TB``, ``500MiB`` or a plain number of bytes; ``ValueError`` with a readable reason."""
    match = SIZE.match(text)
    unit = match.group(2).lower() if match else ""
    if not match or unit not in UNITS:
        raise ValueError(f"not a size: {text[:40]!r} (e.g. 500MB, 10GB, 1TB)")
    return int(float(match.group(1)) * UNITS[unit])


def readable_size(size: int) -> str:
    """``3.2 GB``: decimal units, as BigQuery's console shows them."""
    for unit in ("PB", "TB", "GB", "MB", "KB"):
        if size >= UNITS[unit.lower()]:
            return f"{size / UNITS[unit.lower()]:.1f} {unit}"
    return f"{size} B"
