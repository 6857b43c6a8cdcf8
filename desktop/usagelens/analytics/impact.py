"""Step 7's measured impact: the before/after test of a shipped action's KPI around its release date.

The KPI's daily series (``kpi_series``) is compared over two windows of the same length either side of the
release with :func:`before_after` (Welch's t-test on the daily values). Windows are whole weeks so weekday
and weekend days are balanced on both sides. When the data cannot tell, the result says so plainly instead
of showing a number that looks like evidence.

With a control group (the action reached only some users: a rollout, a beta), the series compared is the
daily gap between the exposed users' KPI and everyone else's: a difference in differences, so what moved
for all users alike (a season, a campaign, an outage) cancels out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.experiments import AFTER, BEFORE, before_after
from usagelens.analytics.kpi import KpiInputs
from usagelens.analytics.kpi_series import kpi_series
from usagelens.model import Action, KpiBinding, Project
from usagelens.model.translatable import QT_TRANSLATE_NOOP, said

DEFAULT_WINDOW_DAYS = 28
MIN_WINDOW_DAYS = 14  # two full weeks a side, or weekly seasonality alone can look like an effect
SIGNIFICANCE = 0.05


@dataclass(frozen=True)
class ActionImpact:
    """The measured effect of one action on its KPI, or why it could not be measured."""

    verdict: str  # "increase" | "decrease" | "no clear change" | "too few data" | "not measurable"
    reason: str = ""
    window_days: int = 0
    before_start: date | None = None
    after_end: date | None = None
    before_mean: float = math.nan
    after_mean: float = math.nan
    difference: float = math.nan
    ci_low: float = math.nan
    ci_high: float = math.nan
    p_value: float = math.nan
    series: pd.Series | None = None  # the daily values of both windows, for a chart
    exposed: str = ""  # with a control group: who was exposed; the means are then gaps to everyone else

    @property
    def measured(self) -> bool:
        return self.verdict in ("increase", "decrease", "no clear change")

    @property
    def windows(self) -> list[tuple[date, date, str]]:
        """The before and after windows whose means are compared, as (first day, last day, label) spans for
        shading a chart; empty when nothing was measured."""
        if not self.measured or self.before_start is None or self.after_end is None or self.window_days < 1:
            return []
        last = timedelta(days=self.window_days - 1)
        return [
            (self.before_start, self.before_start + last, BEFORE),
            (self.after_end - last, self.after_end, AFTER),
        ]


def action_objective_id(project: Project, action: Action) -> str:
    """The objective whose KPI the action should move: chosen explicitly, else the first objective of the
    findings it addresses."""
    if action.objective_id:
        return action.objective_id
    findings = {f.id: f for f in project.findings}
    for finding_id in action.finding_ids:
        finding = findings.get(finding_id)
        if finding is not None and finding.objective_ids:
            return finding.objective_ids[0]
    return ""


def impact_of_action(action: Action, binding: KpiBinding | None, inputs: KpiInputs, *,
                     days: int = DEFAULT_WINDOW_DAYS, control: KpiInputs | None = None,
                     exposed: str = "") -> ActionImpact:
    """Before/after impact of ``action``'s release on the daily series of ``binding``; with ``control`` (the
    users the action did not reach; ``inputs`` then holds those it did, called ``exposed``), on the daily gap
    between the two."""
    if action.release_date is None:
        return ActionImpact("not measurable", QT_TRANSLATE_NOOP("Impact", "no release date yet"))
    if binding is None:
        return ActionImpact("not measurable", QT_TRANSLATE_NOOP("Impact", "no KPI bound to the action's objective"))
    try:
        series = kpi_series(binding, inputs, "day").dropna()
        if control is not None:
            series = (series - kpi_series(binding, control, "day")).dropna()  # days both groups have
    except AnalysisError as exc:
        return ActionImpact("not measurable", said(exc))
    pivot = pd.Timestamp(action.release_date)
    before, after = int((series.index < pivot).sum()), int((series.index >= pivot).sum())
    length = min(days, before, after) // 7 * 7
    if length < MIN_WINDOW_DAYS:
        return ActionImpact("too few data", QT_TRANSLATE_NOOP(
            "Impact", "{days} days of data on the shorter side of the release; at least {needed} are needed on each "
                      "side").format(days=min(before, after), needed=MIN_WINDOW_DAYS))
    try:
        row = before_after(series, pivot, days=length).iloc[0]
    except AnalysisError as exc:
        return ActionImpact("too few data", said(exc))
    low, high, p = float(row["ci_low"]), float(row["ci_high"]), float(row["p_value"])
    verdict = "no clear change" if p >= SIGNIFICANCE else "increase" if row["difference"] > 0 else "decrease"
    start, end = pd.Timestamp(row["before_start"]), pd.Timestamp(row["after_end"])
    return ActionImpact(
        verdict, "", int(row["window_days"]), start.date(), end.date(), float(row["before_mean"]),
        float(row["after_mean"]), float(row["difference"]), low, high, p,
        series[(series.index >= start) & (series.index <= end)], exposed if control is not None else "",
    )
