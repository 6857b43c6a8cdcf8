"""Conversion drivers (design §4), a view of the funnel in step 4: which events and attribute values are more
or less common among the users who reached the funnel's last step than among those who entered and did not.

The metric (``funnel_drivers``, a 2×2 test per feature with Benjamini–Hochberg q-values) is written for both
engines; this module only chooses its parameters (the funnel's own, which attributes to test, how many rows),
draws the odds ratios and says what they mean: association, not cause. Computes go through
``inputs.events.metrics`` as the other funnel views do, so the accelerator, DuckDB and a warehouse give one
table; the metric counts who converted and who dropped out in the same query, so the funnel is not asked first.
"""

from __future__ import annotations

import pandas as pd

from usagelens.analytics import AnalysisError
from usagelens.analytics.engine_events import Events
from usagelens.model.translatable import QT_TRANSLATE_NOOP, joined, plural
from usagelens.workspace.analyses.behaviour import funnel_options, funnel_terms
from usagelens.workspace.analyses.spec import (
    AnalysisInputs,
    AnalysisResult,
    AnalysisSpec,
    ChartData,
    DataFacts,
    Param,
    Params,
    Series,
)

KIND = "conversion_drivers"
MIN_GROUP = 5  # converted and dropped users each, below which no 2×2 test can tell a feature apart
CHART_ROWS = 10  # features charted, the most significant first; the table shows as many as asked
# the metric's own words in its ``kind`` and ``test`` columns, as step 4's table shows them (exports keep them)
KIND_WORDS = {"event": QT_TRANSLATE_NOOP("Analysis", "event"), "attribute": QT_TRANSLATE_NOOP("Analysis", "attribute")}
TEST_WORDS = {"fisher": QT_TRANSLATE_NOOP("Analysis", "Fisher's exact test"),
              "chi2": QT_TRANSLATE_NOOP("Analysis", "χ² test")}


def attribute_names(text: str) -> list[str]:
    """The attributes a comma-separated parameter names, each once, in its order."""
    return list(dict.fromkeys(name.strip() for name in str(text or "").split(",") if name.strip()))


def feature_of(params: Params, kind: str, feature: str) -> tuple[str | None, str]:
    """The attribute and value a table's attribute ``feature`` ("plan = pro") stands for, the longest of the
    tested attributes it starts with (a value may hold " = " too); (None, ``feature``) for an event."""
    names = attribute_names(params.get("attributes")) if kind == "attribute" else []
    for attribute in sorted(names, key=len, reverse=True):
        if feature.startswith(f"{attribute} = "):
            return attribute, feature[len(attribute) + 3:]
    return None, feature


def compute_conversion_drivers(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``conversion_drivers`` over the funnel's users with the chosen attributes: its table, and who converted
    and who dropped out (to say so when one group is missing or too small to test)."""
    events, steps = inputs.events, list(params["steps"])
    if len(steps) < 2:
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Choose at least two steps for a funnel."))
    try:
        found = events.metrics.conversion_drivers(events.data, steps,
                                                  attributes=attribute_names(params.get("attributes")),
                                                  customers=events.customers, **funnel_options(params))
    except AnalysisError:
        if _entered(events, steps, params):
            raise
        return AnalysisResult(KIND, params, empty=True, message=_too_few(steps, 0, 0, 0))
    converted, dropped = found.converted, found.dropped
    problem = _too_few(steps, found.entered, converted, dropped)
    if problem:
        return AnalysisResult(KIND, params, empty=True, message=problem)
    table = found.table
    tested = int(table["p_value"].notna().sum())
    significant = int(table["significant"].sum())
    table = table.head(int(params["top"]))
    result = AnalysisResult(KIND, params, table, [_chart(table, steps[-1], params)], empty=table.empty)
    if table.empty:
        result.message = QT_TRANSLATE_NOOP("Analysis", "No other event and no attribute value to compare: the users "
                                                       "did only the funnel's steps.")
        return result
    result.message = _verdict(steps[-1], converted, dropped, significant, tested)
    return result


def _entered(events: Events, steps: list[str], params: Params) -> int:
    """How many users entered the funnel, asked only when the drivers failed (an attribute neither the
    customers nor the events have): with nobody entering, the first step is what to fix, not the attribute."""
    funnel = events.metrics.funnel(events.data, steps, **funnel_options(params))
    return int(funnel.loc[funnel["step"] == 1, "users"].sum())


def _too_few(steps: list[str], entered: int, converted: int, dropped: int) -> str:
    """Why converters cannot be compared with drop-outs here, or "" when they can."""
    if not entered:
        return QT_TRANSLATE_NOOP("Analysis", "Nobody did the first step ({event}) in this date range.").format(
            event=steps[0])
    if not converted:
        return QT_TRANSLATE_NOOP("Analysis", "Nobody who entered the funnel reached {event}: there are no converted "
                                             "users to compare with those who dropped out.").format(event=steps[-1])
    if not dropped:
        return QT_TRANSLATE_NOOP("Analysis", "Everyone who entered the funnel reached {event}: there is nobody who "
                                             "dropped out to compare with.").format(event=steps[-1])
    if min(converted, dropped) < MIN_GROUP:
        return QT_TRANSLATE_NOOP("Analysis", "Too few users to compare: {converted:,} reached {event} and "
                                             "{dropped:,} dropped out; each group needs at least {minimum}.").format(
            converted=converted, event=steps[-1], dropped=dropped, minimum=MIN_GROUP)
    return ""


def _verdict(event: str, converted: int, dropped: int, significant: int, tested: int) -> str:
    """How many features stand out, what "significant" and an odds ratio mean, and that it is no cause."""
    found = plural(significant,
                   QT_TRANSLATE_NOOP("Analysis", "{count:,} of {tested:,} features is significant (q-value of 5 % or "
                                                 "less: about 1 in 20 of those flagged may be a fluke)."),
                   QT_TRANSLATE_NOOP("Analysis", "{count:,} of {tested:,} features are significant (q-value of 5 % or "
                                                 "less: about 1 in 20 of those flagged may be a fluke).")).format(
        tested=tested)
    reading = QT_TRANSLATE_NOOP("Analysis", "Odds ratio above 1: more common among the {converted:,} users who "
                                            "reached {event}; below 1: among the {dropped:,} who dropped out.").format(
        converted=converted, event=event, dropped=dropped)
    caveat = QT_TRANSLATE_NOOP("Analysis", "Association, not cause: events after converting count too.")
    return joined([found, reading, caveat], " ")


def _chart(table: pd.DataFrame, event: str, params: Params) -> ChartData:
    """The odds ratios of the most significant features on a log scale around 1, those not significant muted."""
    shown = table.head(CHART_ROWS)
    features = shown["feature"].astype(str).tolist()
    return ChartData(
        "odds",
        QT_TRANSLATE_NOOP("Analysis", "What sets users who reached {event} apart: {terms}").format(
            event=event, terms=funnel_terms(params)),
        [Series(QT_TRANSLATE_NOOP("Analysis", "Odds ratio"), features, shown["odds_ratio"].to_numpy(float))],
        y_label=QT_TRANSLATE_NOOP("Analysis", "Odds ratio (log scale; 1: no difference)"),
        muted=tuple(f for f, significant in zip(features, shown["significant"], strict=True) if not significant),
    )


def spec(funnel: AnalysisSpec) -> AnalysisSpec:
    """The gallery entry, with the funnel's parameters (its breakdown left out) and which attributes to test."""

    def params(facts: DataFacts) -> list[Param]:
        return [
            *(param for param in funnel.params(facts) if param.name != "by"),
            Param("attributes", QT_TRANSLATE_NOOP("Analysis", "Attributes to test"), "text",
                  ", ".join(facts.attributes),
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "Customer attributes and event properties, comma-separated; each value is "
                                         "compared (an event property's on the event the user entered with). Every "
                                         "other event is compared too")),
            Param("top", QT_TRANSLATE_NOOP("Analysis", "Show top"), "int", 20, minimum=1, maximum=200,
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "How many features to show, the most significant first; q-values count "
                                         "every feature tested")),
        ]

    return AnalysisSpec(KIND, QT_TRANSLATE_NOOP("Analysis", "Conversion drivers"),
                        QT_TRANSLATE_NOOP("Analysis",
                                          "Which events and attributes are more or less common among users who "
                                          "finished a funnel than among those who dropped out."),
                        params, compute_conversion_drivers)


def after_funnel_views(specs: tuple[AnalysisSpec, ...]) -> tuple[AnalysisSpec, ...]:
    """``specs`` with the drivers right after the funnel's other views (the last of them: after dropping out)."""
    funnel = next(s for s in specs if s.kind == "funnel")
    at = next(i for i, s in enumerate(specs) if s.kind == "after_dropping")
    return (*specs[: at + 1], spec(funnel), *specs[at + 1:])
