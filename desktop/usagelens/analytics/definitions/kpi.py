"""What KPI series over time need beyond the gallery's metrics, as definitions (a warehouse's events).

:mod:`usagelens.analytics.kpi_series` calls these for a view, as it calls its kernels for an event log; the
conformance of the two is tested in ``tests/warehouse/test_linked_source.py``.
"""

from __future__ import annotations

import ibis.expr.types as ir
import pandas as pd

from usagelens.analytics.definitions.activity import PeriodParams, active_users_definition, shape_active_users
from usagelens.analytics.definitions.view import EVENT, facts, fetch
from usagelens.analytics.periods import Period


def adoption_counts(view: ir.Table, event: str, period: Period) -> pd.DataFrame:
    """Per period over the view's whole range: ``period``, ``active_users`` and ``did`` (users who did
    ``event`` in it), on one zero-filled grid."""
    params = PeriodParams(period, facts(view).days)
    active = shape_active_users(fetch(active_users_definition(view, params)), params)
    did = shape_active_users(fetch(active_users_definition(view.filter(view[EVENT] == event), params)), params)
    return active.assign(did=did["active_users"].to_numpy())
