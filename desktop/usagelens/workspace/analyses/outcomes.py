"""Analyses of outcomes and change: segments, NPS/CSAT, revenue and CLV, anomalies, experiments, impact.

As in :mod:`behaviour`, every table is the engine function's own output for the panel's parameters.
"""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd

from usagelens.analytics import (
    AnalysisError,
    EventLog,
    Payments,
    anomalies,
    before_after,
    csat,
    nps,
    payments_by_currency,
)
from usagelens.analytics.encoding import as_text
from usagelens.analytics.engine_events import Events
from usagelens.analytics.experiments import AFTER, BEFORE, sample_ratio_mismatch, sample_size
from usagelens.analytics.revenue import events_arpu, events_clv
from usagelens.analytics.surveys import BANDS, score_bands, survey_over_time
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase, joined, plural, said
from usagelens.workspace.analyses.behaviour import counted_on, date_range, property_note, split_series
from usagelens.workspace.analyses.spec import AnalysisInputs, AnalysisResult, ChartData, Params, Series
from usagelens.workspace.formatting import p_value_text
from usagelens.workspace.metrics import measured_metric
from usagelens.workspace.money import currency_line

MIN_USERS_PER_VARIANT = 30
MIN_CONVERSIONS = 5  # below this the normal approximation of the z-test does not hold
SRM_ALPHA = 0.001  # the usual threshold of a sample-ratio-mismatch check: rarer than this is a broken split


def _series_label(event: str) -> str:
    metric = measured_metric(event)
    if metric is not None:
        return QT_TRANSLATE_NOOP("Analysis", "{metric} per day").format(metric=metric)
    return QT_TRANSLATE_NOOP("Analysis", "{event} per day").format(event=event) if event else \
        QT_TRANSLATE_NOOP("Analysis", "Daily active users")


def measure_series(inputs: AnalysisInputs, measure: str) -> pd.Series:
    """The daily number a measure names: an event's count or daily active users from the event log, or a
    metric column of the metrics exports (which need no user-level events at all)."""
    metric = measured_metric(measure)
    if metric is None:
        events = inputs.events
        return events.metrics.daily_series(events.data, measure)
    if inputs.metrics is None:
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Import a metrics export (date × counts, e.g. a GA4 "
                                                        "exploration) in step 2 to measure it."))
    return inputs.metrics.daily(metric)[metric]


def compute_segments(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``segment_adoption`` (``compare_segments`` of ``feature_adoption``) of one event, split by an attribute."""
    events, by, event = inputs.events, params.get("by") or "", params["event"]
    if not by:
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Choose an attribute to compare segments by."))
    table = events.metrics.segment_adoption(events.data, by, events=[event], customers=events.customers,
                                            counted=params.get("counted") or "first", **date_range(params))
    title = QT_TRANSLATE_NOOP("Analysis", "Adoption of {event} by {by}{note}").format(
        event=event, by=by, note=property_note(inputs, by, counted_on(params)))
    chart = ChartData.of_columns("bars", title, table, "segment", "adoption_rate",
                                 QT_TRANSLATE_NOOP("Analysis", "Adoption"),
                                 y_label=QT_TRANSLATE_NOOP("Analysis", "Share of active users"), percent=True)
    return AnalysisResult("segments", params, table, [chart], empty=table.empty)


# CSAT's bands are satisfied (4-5), neutral (3) and dissatisfied (1-2): the parameter's help says so.
SURVEY_SHOWS = (("score", QT_TRANSLATE_NOOP("Analysis", "The score")),
                ("bands", QT_TRANSLATE_NOOP("Analysis", "Promoters, passives, detractors")))
BAND_NAMES = {  # each band as a series (capitalised) and inside a sentence
    "promoters": (QT_TRANSLATE_NOOP("Analysis", "Promoters"), QT_TRANSLATE_NOOP("Analysis", "promoters")),
    "passives": (QT_TRANSLATE_NOOP("Analysis", "Passives"), QT_TRANSLATE_NOOP("Analysis", "passives")),
    "detractors": (QT_TRANSLATE_NOOP("Analysis", "Detractors"), QT_TRANSLATE_NOOP("Analysis", "detractors")),
    "satisfied": (QT_TRANSLATE_NOOP("Analysis", "Satisfied"), QT_TRANSLATE_NOOP("Analysis", "satisfied")),
    "neutral": (QT_TRANSLATE_NOOP("Analysis", "Neutral"), QT_TRANSLATE_NOOP("Analysis", "neutral")),
    "dissatisfied": (QT_TRANSLATE_NOOP("Analysis", "Dissatisfied"), QT_TRANSLATE_NOOP("Analysis", "dissatisfied")),
}
ALL_BANDS = {"nps": QT_TRANSLATE_NOOP("Analysis", "Promoters, passives, detractors"),
             "csat": QT_TRANSLATE_NOOP("Analysis", "Satisfied, neutral, dissatisfied")}
PER_PERIOD = {"day": QT_TRANSLATE_NOOP("Analysis", "per day"), "week": QT_TRANSLATE_NOOP("Analysis", "per week"),
              "month": QT_TRANSLATE_NOOP("Analysis", "per month")}


def band_name(name: str, *, capital: bool = False) -> str:
    """A band's name in a chart or a sentence (a band this module does not know keeps its own name)."""
    names = BAND_NAMES.get(name)
    return (name.capitalize() if capital else name) if names is None else names[0 if capital else 1]


# CSAT's score is a share (NPS's a score from -100 to 100), as is each band's share of the answers
SURVEY_SCORE = ("value", "ci_low", "ci_high")


def compute_survey(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``survey_over_time``: NPS (0–10 scale) or CSAT (1–5) per week or month with its 95% interval and the
    shares of its bands, overall or per segment (a column of the survey, or the answering user's customer
    attribute); the chart draws the score or the bands."""
    if inputs.survey is None:
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Import a feedback (survey) export in step 2 to see NPS or "
                                                        "CSAT."))
    scores, times, scale = inputs.survey
    period, by, show = params.get("period") or "month", params.get("by") or "", params.get("show") or "score"
    table = survey_over_time(scores, times, scale, period, _answer_segments(inputs, by) if by else None)
    label = "NPS" if scale == "nps" else "CSAT"
    shares = [band for band, *_ in BANDS[scale]] + list(SURVEY_SCORE if scale == "csat" else ())
    # NPS and its interval bounds are scores: one decimal each, not four significant digits ("-2.02", "4.494")
    scores_of = dict.fromkeys(SURVEY_SCORE, "score") if scale == "nps" else {}
    result = AnalysisResult("survey", params, table, empty=table.empty,
                            units={**scores_of, **dict.fromkeys(shares, "percent")})
    if table.empty:
        result.message = QT_TRANSLATE_NOOP("Analysis", "The survey has no answers with a score and a time.")
        return result
    result.charts = [_survey_chart(table, scale, period, by, show)]
    overall = (nps if scale == "nps" else csat)(scores)
    value = overall["value"].iloc[0]
    shown = Phrase("", "{value:.0f}" if scale == "nps" else "{value:.0%}", {"value": value})
    bands = score_bands(scores, scale)
    split = joined((Phrase("", "{share:.0%} {band}", {"share": share, "band": band_name(name)})
                    for name, share in bands.items()), ", ")
    answers = plural(int(overall["responses"].iloc[0]), QT_TRANSLATE_NOOP("Analysis", "{count:,} answer"),
                     QT_TRANSLATE_NOOP("Analysis", "{count:,} answers"))
    result.message = QT_TRANSLATE_NOOP("Analysis", "Overall {score_name} {score} from {answers} ({bands}).").format(
        score_name=label, score=shown, answers=answers, bands=split)
    return result


def _answer_segments(inputs: AnalysisInputs, by: str) -> pd.Series:
    """Each answer's value of ``by``: a column of the survey itself, else the answering user's customer
    attribute (the survey's rows in the order :attr:`AnalysisInputs.survey` has them)."""
    combined = inputs.feedback_source
    assert combined is not None  # inputs.survey has answers
    table, roles = combined
    if by in table.columns:
        return table[by]
    customers, user = inputs.customers, roles.get("user_id")
    if customers is None or not customers.has(by) or not user:
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Neither the survey nor (through its user ids) the customers "
                                                        "table has {column}: choose another column to split "
                                                        "by.").format(column=repr(by)))
    values = customers.frame.assign(_user=as_text(customers.frame[customers.user])).set_index("_user")[by]
    return as_text(table[user]).map(values)


def _survey_chart(table: pd.DataFrame, scale: str, period: str, by: str, show: str) -> ChartData:
    label, per = ("NPS" if scale == "nps" else "CSAT"), PER_PERIOD[period]
    bands = [name for name, _, _ in BANDS[scale]]
    if show == "bands" and not by:
        series = [Series(band_name(name, capital=True), table["period"].to_numpy(), table[name].to_numpy(float))
                  for name in bands]
        return ChartData("time", QT_TRANSLATE_NOOP("Analysis", "{measure} {per}").format(
            measure=ALL_BANDS.get(scale, ", ".join(bands).capitalize()), per=per), series,
            y_label=QT_TRANSLATE_NOOP("Analysis", "Share of answers"), percent=True)
    if show == "bands":  # per segment, the bottom band: where the unhappy answers come from
        worst = bands[-1]
        return ChartData("time", QT_TRANSLATE_NOOP("Analysis", "{measure} {per} by {by}").format(
            measure=band_name(worst, capital=True), per=per, by=by), split_series(table, "period", worst, by),
            y_label=QT_TRANSLATE_NOOP("Analysis", "Share of {band}").format(band=band_name(worst)), percent=True)
    if by:
        return ChartData("time", QT_TRANSLATE_NOOP("Analysis", "{measure} {per} by {by}").format(
            measure=label, per=per, by=by), split_series(table, "period", "value", by), y_label=label,
            percent=scale == "csat")
    return ChartData("time", QT_TRANSLATE_NOOP("Analysis", "{measure} {per} (95% interval)").format(
        measure=label, per=per),
                     [Series(label, table["period"].to_numpy(), table["value"].to_numpy(float))], y_label=label,
                     percent=scale == "csat",
                     intervals=(table["ci_low"].to_numpy(float), table["ci_high"].to_numpy(float)))


def compute_revenue(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``arpu`` per period (or ``compare_segments`` of it, each segment's payments against its active users)
    and ``estimated_clv`` with the chosen gross margin, for money that may be added up: converted with the
    project's exchange rates when they cover every currency, else one block per currency (rows, lines and CLV
    each), with a line saying which of the two the reader is looking at."""
    if inputs.payments is None:
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Import a revenue export in step 2 to see ARPU and CLV."))
    events, by = inputs.events, params.get("by") or ""
    rates = inputs.project.exchange_rates
    groups = payments_by_currency(inputs.payments, rates)
    period, options = params["period"], date_range(params)

    def per_user(payments: Payments) -> pd.DataFrame:
        if not by:
            return events_arpu(payments, events, period, **options)
        return events.metrics.compare_segments(
            events.data, lambda part: events_arpu(payments.of_users(_users_of(part)), events, period, part=part,
                                                  **options),
            by, customers=events.customers, counted=params.get("counted") or "first")

    tables = {code: per_user(payments) for code, payments in groups.items()}
    table = pd.concat(
        [t.assign(currency=code) if code else t for code, t in tables.items()], ignore_index=True
    )
    if "currency" in table.columns:
        table = table[["currency", *table.columns[:-1]]]
    charts = _revenue_by_segment(tables, joined([by, property_note(inputs, by, counted_on(params))], "")) if by else \
        _revenue_charts(tables)
    result = AnalysisResult("revenue", params, table, charts, empty=not table["revenue"].any())
    lines = [
        currency_line(inputs.payments.currency_list, rates),
        "" if len(groups) == 1 else QT_TRANSLATE_NOOP("Analysis", "Each has its own rows and lines; enter exchange "
                                                                  "rates (button above the chart) to see one total."),
        _clv_line(groups, events, float(params["gross_margin"])),
    ]
    result.message = joined((line for line in lines if line), " ")
    return result


def _money(value: float, code: str) -> str:
    """An amount and its currency, the amount in the reader's locale in the GUI."""
    return Phrase("", "{value:,.2f} {code}" if code else "{value:,.2f}", {"value": value, "code": code})


def _in_currency(text: str, code: str) -> str:
    """A title or axis naming the currency it is in ("ARPU (EUR)"), or the text alone without one."""
    return Phrase("", "{text} ({code})", {"text": text, "code": code}) if code else text


NO_CURRENCY = QT_TRANSLATE_NOOP("Analysis", "no currency")


def _revenue_by_segment(tables: dict[str, pd.DataFrame], by: str) -> list[ChartData]:
    """ARPU per segment, a chart per currency (money in two currencies is never on one axis)."""
    return [ChartData("time", _in_currency(QT_TRANSLATE_NOOP("Analysis", "Revenue per active user by {by}").format(
        by=by), code), split_series(table, "period", "arpu", by), y_label=_in_currency("ARPU", code))
            for code, table in tables.items()]


def _revenue_charts(tables: dict[str, pd.DataFrame]) -> list[ChartData]:
    """One chart of ARPU and ARPPU for money in one currency; with several, one chart per measure with a
    line per currency, each in its own currency."""
    if len(tables) == 1:
        code, table = next(iter(tables.items()))
        title = _in_currency(QT_TRANSLATE_NOOP("Analysis", "Revenue per user"), code)
        return [ChartData(
            "time",
            title,
            [
                Series(QT_TRANSLATE_NOOP("Analysis", "ARPU (per active user)"), table["period"].to_numpy(),
                       table["arpu"].to_numpy(float)),
                Series(QT_TRANSLATE_NOOP("Analysis", "ARPPU (per paying user)"), table["period"].to_numpy(),
                       table["arppu"].to_numpy(float)),
            ],
            y_label=title,
        )]
    return [
        ChartData(
            "time",
            title,
            [Series(QT_TRANSLATE_NOOP("Analysis", "{measure} in {currency}").format(
                measure=column.upper(), currency=code or NO_CURRENCY), t["period"].to_numpy(),
                t[column].to_numpy(float)) for code, t in tables.items()],
            y_label=QT_TRANSLATE_NOOP("Analysis", "In each line's currency"),
        )
        for column, title in (
            ("arpu", QT_TRANSLATE_NOOP("Analysis", "Revenue per active user, each currency on its own (never added "
                                                   "up)")),
            ("arppu", QT_TRANSLATE_NOOP("Analysis", "Revenue per paying user, each currency on its own (never added "
                                                    "up)")))
    ]


def _users_of(part: object) -> np.ndarray:
    """The user ids of a segment's events: a log's own, or asked of a view's engine (the payments stay here)."""
    if isinstance(part, EventLog):
        return part.user_ids
    from usagelens.analytics.definitions.view import USER, fetch  # Ibis loads only for events in a warehouse

    return fetch(part.select(USER).distinct())[USER].to_numpy(object)  # type: ignore[attr-defined]


def _clv_line(groups: dict[str, Payments], events: Events, margin: float) -> str:
    """``estimated_clv`` of each money group, with its parameters, or why there is none."""
    parts = []
    for code, payments in groups.items():
        try:
            value = events_clv(payments, events, gross_margin=margin).set_index("parameter")["value"]
        except AnalysisError as exc:
            return QT_TRANSLATE_NOOP("Analysis", "No CLV: {reason}.").format(reason=said(exc))
        parts.append((code, value))
    churn = parts[0][1]["monthly_churn_rate"]
    if len(parts) == 1:
        code, value = parts[0]
        return QT_TRANSLATE_NOOP("Analysis", "Simple CLV ≈ {clv} = ARPU {arpu}/month × margin {margin:.0%} ÷ monthly "
                                             "churn {churn:.1%}.").format(
            clv=_money(value["clv"], code), arpu=_money(value["arpu_per_month"], code), margin=margin, churn=churn)
    each = joined((Phrase("", "{code} ≈ {clv:,.2f}", {"code": code or NO_CURRENCY, "clv": value["clv"]})
                   for code, value in parts), "; ")
    return QT_TRANSLATE_NOOP("Analysis", "Simple CLV per currency (the part of a user's lifetime value paid in it): "
                                         "{each}; each = ARPU × margin {margin:.0%} ÷ monthly churn {churn:.1%}."
                             ).format(each=each, margin=margin, churn=churn)


def compute_anomalies(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``anomalies`` of a daily series, flagged points marked on the line."""
    event = params.get("event") or ""
    table = anomalies(
        measure_series(inputs, event),
        window=int(params["window"]),
        threshold=float(params["threshold"]),
    )
    flagged = table[table["is_anomaly"]]
    label = _series_label(event)
    chart = ChartData(
        "time",
        label,
        [
            Series(label, table["period"].to_numpy(), table["value"].to_numpy(float)),
            Series(QT_TRANSLATE_NOOP("Analysis", "Expected (same weekday)"), table["period"].to_numpy(),
                   table["baseline"].to_numpy(float)),
        ],
        y_label=label,
        highlights=Series(QT_TRANSLATE_NOOP("Analysis", "Anomalies ({count:,})").format(count=len(flagged)),
                          flagged["period"].to_numpy(), flagged["value"].to_numpy(float)),
    )
    result = AnalysisResult("anomalies", params, table, [chart], empty=table.empty)
    result.message = plural(
        len(flagged), QT_TRANSLATE_NOOP("Analysis", "{count:,} unusual day (robust z beyond ±{threshold:g})."),
        QT_TRANSLATE_NOOP("Analysis", "{count:,} unusual days (robust z beyond ±{threshold:g}).")
    ).format(threshold=float(params["threshold"])) if len(flagged) else \
        QT_TRANSLATE_NOOP("Analysis", "No unusual days at this threshold.")
    return result


def compute_experiment(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``experiment``: conversion to the goal per variant with the two-proportion test."""
    events, variant = inputs.events, params.get("by") or ""
    if not variant:
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Choose the attribute that holds each user's variant."))
    table = events.metrics.experiment(events.data, variant, params["goal"], customers=events.customers,
                                      control=params.get("control") or None, **date_range(params))
    rate = table["conversion_rate"].to_numpy(float)
    n = table["users"].to_numpy(float)
    half = 1.96 * np.sqrt(np.where(n > 0, rate * (1 - rate) / np.maximum(n, 1), np.nan))
    chart = ChartData(
        "bars",
        QT_TRANSLATE_NOOP("Analysis", "Conversion to {event} by {by}{note}").format(
            event=params["goal"], by=variant,
            note=property_note(inputs, variant, QT_TRANSLATE_NOOP("Analysis", "each user's first event in the range"))),
        [Series(QT_TRANSLATE_NOOP("Analysis", "Conversion"), table["variant"].astype(str).tolist(), rate)],
        y_label=QT_TRANSLATE_NOOP("Analysis", "Conversion"),
        percent=True,
        intervals=(rate - half, rate + half),
    )
    result = AnalysisResult("experiment", params, table, [chart], empty=not n.sum(),
                            units={**dict.fromkeys(("difference", "ci_low", "ci_high"), "points"),
                                   **dict.fromkeys(("lift", "lift_ci_low", "lift_ci_high"), "percent")})
    small = (
        table.loc[
            (table["users"] < MIN_USERS_PER_VARIANT) | (table["conversions"] < MIN_CONVERSIONS), "variant"
        ]
        .astype(str)
        .tolist()
    )
    if small:
        result.message = QT_TRANSLATE_NOOP(
            "Analysis", "Too few users for a significance test in: {variants} (a test needs {users}+ users and "
                        "{conversions}+ conversions per variant); treat the differences as anecdotes.").format(
            variants=", ".join(small), users=MIN_USERS_PER_VARIANT, conversions=MIN_CONVERSIONS)
    else:
        best = table.iloc[1:].sort_values("p_value").head(1)
        if len(best):
            row = best.iloc[0]
            several = len(table) > 2  # then the verdict is on the p-value adjusted for the comparisons (Holm)
            p = row["p_value_holm"] if several else row["p_value"]
            verdict = QT_TRANSLATE_NOOP("Analysis", "significant") if p < 0.05 else \
                QT_TRANSLATE_NOOP("Analysis", "not significant")
            lift = QT_TRANSLATE_NOOP("Analysis", "n/a") if math.isnan(row["lift"]) else \
                Phrase("", "{lift:+.1%}", {"lift": row["lift"]})
            adjusted = QT_TRANSLATE_NOOP("Analysis", ", adjusted for {count:,} comparisons (Holm)").format(
                count=len(table) - 1) if several else ""
            result.message = QT_TRANSLATE_NOOP("Analysis", "{variant} vs {control}: lift {lift}, {p}{adjusted} "
                                                           "({verdict} at 5%).").format(
                variant=str(row["variant"]), control=str(table["variant"].iloc[0]), lift=lift, p=p_value_text(p),
                adjusted=adjusted, verdict=verdict)
    mismatch = sample_ratio_mismatch(table["users"].to_numpy())
    if mismatch < SRM_ALPHA:
        sizes = joined((Phrase("", "{variant} {users:,}", {"variant": str(v), "users": int(n)})  # 2.138 in German
                        for v, n in zip(table["variant"], table["users"], strict=True)), ", ")
        result.message = joined(filter(None, [QT_TRANSLATE_NOOP(
            "Analysis", "Sample ratio mismatch: the variants' sizes ({sizes}) are further from an even split than "
                        "chance allows ({p}). Check how users were assigned and tracked before trusting this "
                        "comparison.").format(sizes=sizes, p=p_value_text(mismatch)), result.message]), " ")
    return result


PLAN_EFFECTS = (0.05, 0.1, 0.2, 0.3, 0.5)  # relative changes planned beside the chosen one


def compute_experiment_plan(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``sample_size`` for the goal's conversion among the users active in the range (the baseline, from the
    data) at the chosen and a few other relative effects, with how many weeks of new users each would take.

    With more than two variants the level is split between the comparisons with the control (Bonferroni),
    the worst case of the Holm adjustment the experiment analysis applies.
    """
    events = inputs.events
    metrics, data = events.metrics, events.data
    goal, rng = params["goal"], date_range(params)
    adoption = metrics.feature_adoption(data, events=[goal], **rng)
    baseline = float(adoption["adoption_rate"].iloc[0])
    if not 0 < baseline < 1:
        raise AnalysisError((QT_TRANSLATE_NOOP("Analysis", "Nobody did {event} in this range, so there is no "
                                                           "conversion rate to move: choose another goal event or "
                                                           "range.") if baseline == 0 else
                             QT_TRANSLATE_NOOP("Analysis", "Every active user did {event} in this range, so there is "
                                                           "no conversion rate to move: choose another goal event or "
                                                           "range.")).format(event=goal))
    variants = int(params["variants"])
    alpha = float(params["alpha"]) / 100 / (variants - 1)
    power = float(params["power"]) / 100
    weekly_new = _weekly_new_users(metrics.lifecycle(data, "week", **rng)["new"])
    effects = sorted({*PLAN_EFFECTS, float(params["effect"]) / 100})
    rows = []
    for effect in effects:
        if baseline * (1 + effect) >= 1:
            continue
        per_variant = sample_size(baseline, effect, alpha=alpha, power=power)
        rows.append({"relative_effect": effect, "baseline_rate": baseline, "target_rate": baseline * (1 + effect),
                     "users_per_variant": per_variant, "users_needed": per_variant * variants,
                     "weeks_of_new_users": per_variant * variants / weekly_new if weekly_new else math.nan})
    table = pd.DataFrame.from_records(rows).astype({"users_per_variant": "int64", "users_needed": "int64"})
    chosen = table.loc[np.isclose(table["relative_effect"], float(params["effect"]) / 100)]
    labels = [f"{e:+.0%}" for e in table["relative_effect"]]
    chart = ChartData("bars", QT_TRANSLATE_NOOP("Analysis", "Users needed to detect a change in {event} ({rate:.1%} "
                                                            "today)").format(event=goal, rate=baseline),
                      [Series(QT_TRANSLATE_NOOP("Analysis", "Users needed"), labels,
                              table["users_needed"].to_numpy(float))],
                      y_label=QT_TRANSLATE_NOOP("Analysis", "Users (all variants)"),
                      x_label=QT_TRANSLATE_NOOP("Analysis", "Change"))
    result = AnalysisResult("experiment_plan", params, table, [chart], empty=table.empty,
                            units={"relative_effect": "percent"})
    if len(chosen):
        row = chosen.iloc[0]
        weeks = "" if math.isnan(row["weeks_of_new_users"]) else QT_TRANSLATE_NOOP(
            "Analysis", ", about {weeks:.1f} weeks of new users at {new:,.0f} a week").format(
            weeks=row["weeks_of_new_users"], new=weekly_new)
        split = QT_TRANSLATE_NOOP("Analysis", "; the {alpha:g} % level is split over {count:,} comparisons").format(
            alpha=float(params["alpha"]), count=variants - 1) if variants > 2 else ""
        result.message = QT_TRANSLATE_NOOP(
            "Analysis", "{rate:.1%} of active users did {event}. A {effect:+.0%} change (to {target:.1%}) needs "
                        "{per_variant:,} users per variant, {users:,} in all{weeks} ({power} % power, "
                        "two-sided{split}).").format(
            rate=baseline, event=goal, effect=row["relative_effect"], target=row["target_rate"],
            per_variant=int(row["users_per_variant"]), users=int(row["users_needed"]), weeks=weeks,
            power=params["power"], split=split)
    else:
        result.message = QT_TRANSLATE_NOOP("Analysis", "A change of {effect:g} % would take {event} past 100 "
                                                       "%.").format(effect=float(params["effect"]), event=goal)
    return result


def _weekly_new_users(new_per_week: pd.Series) -> float:
    """Users seen for the first time per week, on average over the range's whole weeks after the first (in
    the data's first week everyone is new): how fast an experiment open to new users fills."""
    new = new_per_week.to_numpy(float)
    inner = new[1:-1] if len(new) > 3 else new
    return float(inner.mean()) if len(inner) else 0.0


def compute_before_after(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``before_after`` of a daily series around the change date, windows shaded on the line."""
    event, days = params.get("event") or "", int(params.get("days") or 0) or None
    series = measure_series(inputs, event)
    table = before_after(series, params["change"], days=days)
    row = table.iloc[0]
    label = _series_label(event)
    spans = [
        (pd.Timestamp(row["before_start"]).date(), pd.Timestamp(row["before_end"]).date(), BEFORE),
        (pd.Timestamp(row["after_start"]).date(), pd.Timestamp(row["after_end"]).date(), AFTER),
    ]
    window = (series.index >= row["before_start"]) & (series.index <= row["after_end"])
    chart = ChartData(
        "time",
        QT_TRANSLATE_NOOP("Analysis", "{measure} around {day}").format(  # the locale's date where translated
            measure=label, day=pd.Timestamp(params["change"]).date()),
        [Series(label, series.index[window].to_numpy(), series.to_numpy(float)[window])],
        y_label=label,
        shaded=spans,
    )
    change = row["relative_change"]
    verdict = QT_TRANSLATE_NOOP("Analysis", "a real change") if row["p_value"] < 0.05 else \
        QT_TRANSLATE_NOOP("Analysis", "within normal variation")
    message = plural(int(row["window_days"]),
                     QT_TRANSLATE_NOOP("Analysis", "{count:,} day each side: mean {before:,.1f} → {after:,.1f} "
                                                   "({change}{p}: {verdict})."),
                     QT_TRANSLATE_NOOP("Analysis", "{count:,} days each side: mean {before:,.1f} → {after:,.1f} "
                                                   "({change}{p}: {verdict}).")).format(
        before=row["before_mean"], after=row["after_mean"], p=p_value_text(row["p_value"]), verdict=verdict,
        change="" if math.isnan(change) else Phrase("", "{change:+.1%}, ", {"change": change}))
    return AnalysisResult("before_after", params, table, [chart], message=message)


def first_release(releases: tuple[date, ...], first: date | None, last: date | None) -> str | None:
    """The first release inside the data's range (the natural change date to test), else the midpoint."""
    inside = [r for r in releases if first and last and first < r <= last]
    if inside:
        return inside[0].isoformat()
    return (first + (last - first) / 2).isoformat() if first and last else None
