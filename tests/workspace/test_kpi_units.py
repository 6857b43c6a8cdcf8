"""KPI figures are written in their metric's unit: a funnel's conversion is a share of users, as adoption is."""

from __future__ import annotations

import pytest

from usagelens.model import KpiBinding, Objective
from usagelens.workspace.formatting import fmt_change, fmt_kpi


def _objective(metric: str) -> Objective:
    return Objective(statement="More users finish the set-up", kpi="Set-up conversion",
                     binding=KpiBinding(metric=metric, params={}))


@pytest.mark.parametrize("metric", ["funnel", "adoption", "retention", "csat"])
def test_shares_of_users_read_as_percentages(metric: str) -> None:
    objective = _objective(metric)
    assert fmt_kpi(0.526, objective) == "52.6%"
    assert fmt_change(0.25, objective) == "+25.0 pts"


def test_counts_stay_numbers() -> None:
    objective = _objective("active_users")
    assert fmt_kpi(1520.0, objective) == "1,520"
    assert fmt_change(12.0, objective) == "+12"
