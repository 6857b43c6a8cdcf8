"""The gallery's analysis of aggregated exports: a metric per day, week or month, optionally broken down.

Anomalies and before/after take a metric too (their "Measure" lists the metrics beside the events); this is
the plain trend, the first thing a GA4 exploration is looked at for.
"""

from __future__ import annotations

import pandas as pd

from usagelens.analytics.periods import PERIODS, period_starts
from usagelens.model.translatable import QT_TRANSLATE_NOOP
from usagelens.workspace.analyses.behaviour import partial_last_period
from usagelens.workspace.analyses.outcomes import PER_PERIOD
from usagelens.workspace.analyses.spec import AnalysisInputs, AnalysisResult, ChartData, Params, Series

NO_METRICS = QT_TRANSLATE_NOOP("Analysis", "Import a metrics export (a date column and counts, e.g. a GA4 "
                                          "exploration) in step 2 to see its trend.")


def compute_metric_trend(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """The chosen metric summed per period (one line per value of the breakdown)."""
    table = inputs.metrics
    if table is None:
        raise LookupError(NO_METRICS)
    metric, period, by = params["metric"], params["period"], params.get("by") or None
    if period not in PERIODS:
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Unknown period '{period}'.").format(period=period))
    daily = table.daily(metric, by)
    if params.get("start"):
        daily = daily[daily.index >= pd.Timestamp(params["start"])]
    if params.get("end"):
        daily = daily[daily.index <= pd.Timestamp(params["end"])]
    sums = daily.groupby(period_starts(pd.DatetimeIndex(daily.index), period)).sum()
    result_table = sums.rename_axis("period").reset_index()
    result_table.columns = [str(c) for c in result_table.columns]
    per = PER_PERIOD[period]
    label = QT_TRANSLATE_NOOP("Analysis", "{measure} {per} by {by}").format(measure=metric, per=per, by=by) if by \
        else QT_TRANSLATE_NOOP("Analysis", "{measure} {per}").format(measure=metric, per=per)
    series = [Series(str(column), sums.index.to_numpy(), sums[column].to_numpy(float)) for column in sums.columns]
    partial = partial_last_period(result_table["period"], period, daily.index.max(), params) if len(sums) else ""
    chart = ChartData("time", label, series, y_label=metric, incomplete_last=bool(partial))
    return AnalysisResult("metric_trend", params, result_table, [chart], empty=sums.empty or not sums.to_numpy().any(),
                          message=partial)
