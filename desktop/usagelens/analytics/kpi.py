"""Current values of the KPIs objectives are bound to (``KpiBinding``), computed by the engine's metrics.

An objective's "current" figure is always the engine's own metric on the latest complete stretch of data, so
step 8's review board, the report and the CLI agree with the analysis pages to the last digit. Like the
gallery's analyses, each KPI is written once for either engine (:mod:`.engine_events`): the accelerators on
an event log, or the definitions on a warehouse's view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from usagelens.analytics.engine_events import Events, LogEvents
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.event_trends import trend_label, trend_values
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.periods import check_period, period_starts
from usagelens.analytics.revenue import Payments, events_arpu, payments_by_currency
from usagelens.analytics.surveys import csat, nps
from usagelens.model import ExchangeRates, KpiBinding
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase, joined, said


@dataclass(frozen=True)
class KpiValue:
    """A KPI's value, the date it refers to and a short description of how it was measured."""

    value: float | None
    as_of: date | None
    basis: str


PERIOD_LENGTH = {"day": pd.Timedelta(days=1), "week": pd.Timedelta(days=7), "month": pd.offsets.MonthBegin(1)}


def complete_periods(starts: pd.Series, period: str, data_end: pd.Timestamp) -> pd.Series:
    """Which periods the data covers to their last day.

    The last period is usually cut off by the export date, and its lower count is not a real drop.
    """
    ends = pd.to_datetime(starts) + PERIOD_LENGTH[period]
    return ends <= data_end.normalize() + pd.Timedelta(days=1)


def _last_complete(table: pd.DataFrame, column: str, events: Events, period: str) -> tuple[float, date, str]:
    """The value of the last period the data fully covers."""
    complete = complete_periods(table["period"], period, events.end())
    if not complete.any():
        complete = pd.Series(True, index=table.index)
    row = table[complete.to_numpy()].iloc[-1]
    start = pd.Timestamp(row["period"]).date()
    return float(row[column]), start, period_starting(period, start)


_STARTING = {"day": QT_TRANSLATE_NOOP("KPI", "day starting {day}"),
             "week": QT_TRANSLATE_NOOP("KPI", "week starting {day}"),
             "month": QT_TRANSLATE_NOOP("KPI", "month starting {day}")}


def period_starting(period: str, start: date) -> str:
    """Which period a KPI was measured in: "week starting 2024-06-24" (the date as the locale writes it in the
    GUI)."""
    return _STARTING.get(period, QT_TRANSLATE_NOOP("KPI", "{period} starting {day}")).format(period=period, day=start)


@dataclass(frozen=True)
class KpiInputs:
    """What KPIs are measured on: the encoded event log (or ``events`` on another engine: a warehouse's view)
    and, for NPS/CSAT, the survey scores (with the time of each answer when known, so a KPI can be measured
    as of a past date)."""

    log: EventLog | None = None
    scores: pd.Series | None = None
    score_times: pd.Series | None = None
    metrics: pd.DataFrame | None = None  # aggregated exports: one row per day, one column per metric (sums)
    events: Events | None = None
    payments: Payments | None = None  # the revenue export, for ARPU
    rates: ExchangeRates | None = None  # the user's exchange rates: several currencies made one

    def until(self, day: date) -> KpiInputs:
        """The inputs as they stood at the end of ``day``: later events and answers are left out."""
        log = None if self.log is None else log_until(self.log, day)
        events = None if self.events is None else self.events.until(day)
        scores, times = self.scores, self.score_times
        if scores is not None and times is not None:
            keep = (pd.to_datetime(times).dt.normalize() <= pd.Timestamp(day)).to_numpy()
            scores, times = scores[keep], times[keep]
        metrics = None if self.metrics is None else self.metrics[self.metrics.index <= pd.Timestamp(day)]
        payments = None if self.payments is None else self.payments.until(day)
        return KpiInputs(log, scores, times, metrics, events, payments, self.rates)


def log_until(log: EventLog, day: date) -> EventLog:
    """The log of events on or before ``day`` (users without such events dropped, users renumbered)."""
    return log.until(int(np.datetime64(day, "D").astype(np.int64)))


def _require_events(inputs: KpiInputs) -> Events:
    events = inputs.events if inputs.events is not None else None if inputs.log is None else LogEvents(inputs.log)
    if events is None or pd.isna(events.end()):
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "no event log with readable times"))
    return events


def require_occurring(events: Events, names: Sequence[str | None]) -> None:
    """:class:`AnalysisError` naming the first of ``names`` (None: any event) that the data does not have."""
    for name in names:
        if name is not None and not events.has_event(name):
            raise AnalysisError(QT_TRANSLATE_NOOP(
                "Analysis", "the event '{name}' does not occur in the data").format(name=name))


def _active_users(inputs: KpiInputs, params: dict[str, object]) -> KpiValue:
    events = _require_events(inputs)
    period = str(params.get("period", "week"))
    table = events.metrics.active_users(events.data, period)
    value, as_of, basis = _last_complete(table, "active_users", events, period)
    return KpiValue(value, as_of, QT_TRANSLATE_NOOP("KPI", "active users, {basis}").format(basis=basis))


def _adoption(inputs: KpiInputs, params: dict[str, object]) -> KpiValue:
    """Share of the period's active users who did the event, in the last complete period."""
    events = _require_events(inputs)
    event, period = str(params.get("event", "")), str(params.get("period", "week"))
    require_occurring(events, [event])
    periods = events.metrics.active_users(events.data, period)
    _, as_of, basis = _last_complete(periods, "active_users", events, period)
    last_day = pd.Timestamp(as_of) + PERIOD_LENGTH[period] - pd.Timedelta(days=1)
    table = events.metrics.feature_adoption(events.data, start=pd.Timestamp(as_of), end=last_day, events=[event])
    return KpiValue(float(table["adoption_rate"].iloc[0]), as_of,
                    QT_TRANSLATE_NOOP("KPI", "adoption of {event}, {basis}").format(event=event, basis=basis))


def retention_events(params: dict[str, object], events: Events) -> tuple[str | None, str | None]:
    """The binding's start and return events (None: any event), checked against the data."""
    start, back = (str(params.get(name) or "") or None for name in ("start_event", "return_event"))
    require_occurring(events, [start, back])
    return start, back


def _retention(inputs: KpiInputs, params: dict[str, object]) -> KpiValue:
    """Retention at period N, weighted over the cohorts old enough to have reached it (design §4): exactly
    the retention analysis's average row at N for the same period, mode and start/return events."""
    events = _require_events(inputs)
    period, offset = str(params.get("period", "week")), int(params.get("offset", 4))  # type: ignore[call-overload]
    mode = str(params.get("mode", "on"))
    start_event, return_event = retention_events(params, events)
    table = events.metrics.retention_table(events.data, period, mode=mode, start_event=start_event,
                                           return_event=return_event)
    cells = table[table["period_offset"] == offset]
    if cells.empty or cells["cohort_size"].sum() == 0:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "no cohort has reached {period} {offset} yet").format(period=period_word(period),
                                                                              offset=offset))
    value = float(cells["retained_users"].sum() / cells["cohort_size"].sum())
    as_of = pd.Timestamp(cells["cohort"].max()).date()
    basis = QT_TRANSLATE_NOOP("Analysis", "{period}-{offset} retention over {cohorts} cohorts") if not start_event \
        else QT_TRANSLATE_NOOP("Analysis",
                               "{period}-{offset} retention of users who did {event} over {cohorts} cohorts")
    return KpiValue(value, as_of, basis.format(period=period_word(period), offset=offset, event=start_event,
                                               cohorts=len(cells)))


# a period said inside a sentence ("week-4 retention", "no cohort has reached week 4"), a word in each language
_PERIOD_WORDS = {"day": QT_TRANSLATE_NOOP("Analysis", "day"), "week": QT_TRANSLATE_NOOP("Analysis", "week"),
                 "month": QT_TRANSLATE_NOOP("Analysis", "month")}


def period_word(period: str) -> str:
    """A period ("day", "week", "month") as a word the GUI translates, the English as it was."""
    return _PERIOD_WORDS.get(period, period)


DEFAULT_FUNNEL_WINDOW_DAYS = 14  # the GUI's funnel default (design §4)


def funnel_steps(params: dict[str, object]) -> list[str]:
    """The steps of a funnel binding, checked: a conversion needs an entry and a goal."""
    steps = [str(step) for step in params.get("steps", ()) or ()]  # type: ignore[attr-defined]
    if len(steps) < 2:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "a funnel needs at least two steps"))
    return steps


def funnel_window(params: dict[str, object]) -> pd.Timedelta | None:
    """The binding's conversion window (``window_days``; 0 or None means no window)."""
    days = params.get("window_days", DEFAULT_FUNNEL_WINDOW_DAYS)
    return pd.Timedelta(days=float(days)) if days else None  # type: ignore[arg-type]


def funnel_rules(params: dict[str, object]) -> dict[str, object]:
    """The binding's step order and exclusion event (between any two steps, or after ``exclude_step`` only),
    as the funnel analysis takes them."""
    exclude = params.get("exclude") or None
    after = int(params.get("exclude_step") or 0) if exclude else 0  # type: ignore[call-overload]
    return {"order": str(params.get("order") or "sequential"), "exclude": exclude, "exclude_after": after or None}


def _funnel(inputs: KpiInputs, params: dict[str, object]) -> KpiValue:
    """Conversion from the first to the last step of the users who entered in the last period (default:
    month) whose whole window lies inside the data.

    A period is taken only once every entrant had the full window to convert: the last complete month
    alone would count users who signed up on its last day with one day to convert, a drop that is only
    the export date. When no period is that old yet, every entry in the data is used (said in the basis).
    """
    events = _require_events(inputs)
    steps = funnel_steps(params)
    require_occurring(events, steps)
    period, window = str(params.get("period", "month")), funnel_window(params)
    starts = events.metrics.active_users(events.data, period)["period"]
    settled = complete_periods(starts, period, events.end() - (window or pd.Timedelta(0)))
    if settled.any():
        start = pd.Timestamp(starts[settled.to_numpy()].iloc[-1])
        end = start + PERIOD_LENGTH[period] - pd.Timedelta(days=1)
        as_of: date | None = start.date()
        basis = period_starting(period, start.date())
    else:
        start = end = None
        as_of, basis = events.start().date(), QT_TRANSLATE_NOOP("KPI", "all entries so far")
    table = events.metrics.funnel(events.data, steps, window=window, start=start, end=end, **funnel_rules(params))
    value = float(table["conversion_from_start"].iloc[-1])
    if np.isnan(value):
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "nobody did {event} in the {basis}").format(
            event=steps[0], basis=basis))
    entered = int(table["users"].iloc[0])
    return KpiValue(value, as_of, QT_TRANSLATE_NOOP("KPI", "conversion of {count:,} users entering, {basis}").format(
        count=entered, basis=basis))


def _trend(inputs: KpiInputs, params: dict[str, object]) -> KpiValue:
    """A trend of the gallery (an event's count, users, per user, a property's sum or average, or a formula
    over two of them) in the last period the data fully covers."""
    events = _require_events(inputs)
    period = str(params.get("period", "week"))
    values, label = trend_values(events.metrics, events.data, period, params)
    table = pd.DataFrame({"period": values.index, "value": values.to_numpy()})
    value, as_of, basis = _last_complete(table, "value", events, period)
    if np.isnan(value):
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "{label} has no value in the {basis}: nothing to divide by").format(label=label, basis=basis))
    return KpiValue(value, as_of, Phrase("", "{label}, {basis}", {"label": label, "basis": basis}))


def _arpu(inputs: KpiInputs, params: dict[str, object]) -> KpiValue:
    """Revenue per active user (``arpu``) in the last complete period."""
    period = str(params.get("period", "month"))
    table, code = arpu_table(inputs, period)
    value, as_of, basis = _last_complete(table, "arpu", _require_events(inputs), period)
    said = QT_TRANSLATE_NOOP("KPI", "revenue per active user in {code}, {basis}") if code else \
        QT_TRANSLATE_NOOP("KPI", "revenue per active user, {basis}")
    return KpiValue(value, as_of, said.format(code=code, basis=basis))


def arpu_table(inputs: KpiInputs, period: str) -> tuple[pd.DataFrame, str]:
    """``arpu`` per period in one currency (the export's, or the reporting currency the user's exchange rates
    convert every currency into) and that currency's code; :class:`AnalysisError` when it cannot be one."""
    if inputs.payments is None:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "no revenue export imported"))
    events = _require_events(inputs)
    groups = payments_by_currency(inputs.payments, inputs.rates)
    if len(groups) > 1:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "the revenue is in {count} currencies: enter exchange rates (step 4, Revenue & CLV) so that "
                        "one ARPU can be measured").format(count=len(groups)))
    (code, payments), = groups.items()
    return events_arpu(payments, events, check_period(period)), code


def _survey(
    metric: Callable[[pd.Series], pd.DataFrame], name: str
) -> Callable[[KpiInputs, dict[str, object]], KpiValue]:
    def measure(inputs: KpiInputs, params: dict[str, object]) -> KpiValue:
        if inputs.scores is None:
            raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "no survey answers imported"))
        row = metric(inputs.scores).iloc[0]
        if not row["responses"]:
            raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "no valid survey scores"))
        times = inputs.score_times
        last = pd.to_datetime(times).max() if times is not None and len(times) else None
        as_of = None if last is None or pd.isna(last) else last.date()
        return KpiValue(float(row["value"]), as_of, QT_TRANSLATE_NOOP("KPI", "{name} of {count:,} answers").format(
            name=name, count=int(row["responses"])))

    return measure


def metric_sums(inputs: KpiInputs, params: dict[str, object]) -> tuple[pd.DataFrame, str]:
    """A metrics-export column summed per period (columns ``period`` and ``value``), and the period."""
    column, period = str(params.get("column", "")), str(params.get("period", "week"))
    if inputs.metrics is None or inputs.metrics.empty:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "no metrics export with readable dates"))
    if column not in inputs.metrics.columns:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "the metrics export has no column '{column}'").format(column=column))
    sums = inputs.metrics[column].groupby(period_starts(pd.DatetimeIndex(inputs.metrics.index), period)).sum()
    return pd.DataFrame({"period": sums.index, "value": sums.to_numpy(float)}), period


def _metric(inputs: KpiInputs, params: dict[str, object]) -> KpiValue:
    """A metric of an aggregated export summed over the last period the data fully covers."""
    table, period = metric_sums(inputs, params)
    data_end = pd.Timestamp(inputs.metrics.index.max())  # type: ignore[union-attr]
    complete = complete_periods(table["period"], period, data_end)
    if not complete.any():
        complete = pd.Series(True, index=table.index)
    row = table[complete.to_numpy()].iloc[-1]
    start = pd.Timestamp(row["period"]).date()
    return KpiValue(float(row["value"]), start, Phrase("", "{column}, {basis}", {
        "column": str(params.get("column")), "basis": period_starting(period, start)}))


METRICS: dict[str, Callable[[KpiInputs, dict[str, object]], KpiValue]] = {
    "active_users": _active_users,
    "adoption": _adoption,
    "retention": _retention,
    "funnel": _funnel,
    "nps": _survey(nps, "NPS"),
    "csat": _survey(csat, "CSAT"),
    "metric": _metric,
    "trend": _trend,
    "arpu": _arpu,
}

NOT_BOUND = QT_TRANSLATE_NOOP("KPI", "Not measured")
_PERIOD_NAMES = {"day": QT_TRANSLATE_NOOP("KPI", "Daily"), "week": QT_TRANSLATE_NOOP("KPI", "Weekly"),
                 "month": QT_TRANSLATE_NOOP("KPI", "Monthly")}
_RETENTION = {"day": QT_TRANSLATE_NOOP("KPI", "Day-{offset} retention"),
              "week": QT_TRANSLATE_NOOP("KPI", "Week-{offset} retention"),
              "month": QT_TRANSLATE_NOOP("KPI", "Month-{offset} retention")}
_LAST = {"day": QT_TRANSLATE_NOOP("KPI", "in the last complete day"),
         "week": QT_TRANSLATE_NOOP("KPI", "in the last complete week"),
         "month": QT_TRANSLATE_NOOP("KPI", "in the last complete month")}
# Whole labels of the presets with no value in them, so the GUI can translate them (the others name events)
_ACTIVE_USERS = {"day": QT_TRANSLATE_NOOP("KPI", "Daily active users"),
                 "week": QT_TRANSLATE_NOOP("KPI", "Weekly active users"),
                 "month": QT_TRANSLATE_NOOP("KPI", "Monthly active users")}
_ARPU = {"day": QT_TRANSLATE_NOOP("KPI", "Daily revenue per active user (ARPU)"),
         "week": QT_TRANSLATE_NOOP("KPI", "Weekly revenue per active user (ARPU)"),
         "month": QT_TRANSLATE_NOOP("KPI", "Monthly revenue per active user (ARPU)")}


def binding_label(binding: KpiBinding | None) -> str:
    """How a binding reads in the objectives table, e.g. "Weekly active users"."""
    if binding is None:
        return NOT_BOUND
    params = binding.params
    period = _PERIOD_NAMES.get(str(params.get("period", "week")), "")
    if binding.metric == "active_users":
        return _ACTIVE_USERS.get(str(params.get("period", "week")), f"{period} active users")
    if binding.metric == "adoption":
        return QT_TRANSLATE_NOOP("KPI", "{period} adoption of {event}").format(period=period,
                                                                              event=str(params.get("event", "?")))
    if binding.metric == "retention":
        named = _RETENTION.get(str(params.get("period", "week")), QT_TRANSLATE_NOOP("KPI", "{offset} retention"))
        parts = [named.format(offset=params.get("offset", 4))]
        if params.get("start_event"):
            parts.append(QT_TRANSLATE_NOOP("KPI", " after {event}").format(event=str(params["start_event"])))
        if params.get("return_event"):
            parts.append(QT_TRANSLATE_NOOP("KPI", " (returning to {event})").format(event=str(params["return_event"])))
        return joined(parts, "")
    if binding.metric == "funnel":
        steps = " → ".join(str(step) for step in params.get("steps") or ())  # type: ignore[attr-defined]
        days = params.get("window_days", DEFAULT_FUNNEL_WINDOW_DAYS)
        return QT_TRANSLATE_NOOP("KPI", "Funnel {steps} conversion within {days} days").format(steps=steps, days=days) \
            if days else QT_TRANSLATE_NOOP("KPI", "Funnel {steps} conversion, no time limit").format(steps=steps)
    if binding.metric in ("nps", "csat"):
        return binding.metric.upper()
    if binding.metric == "metric":
        return QT_TRANSLATE_NOOP("KPI", "{period} {column} (metrics export)").format(
            period=period, column=str(params.get("column", "?")))
    if binding.metric == "trend":
        return Phrase("", "{period} {trend}", {"period": period, "trend": trend_label(params)})
    if binding.metric == "arpu":
        return _ARPU.get(str(params.get("period", "week")), f"{period} revenue per active user (ARPU)")
    return binding.metric.replace("_", " ").capitalize()


def binding_description(binding: KpiBinding | None) -> str:
    """How a bound KPI is measured, in plain words: the tooltip of a KPI in steps 1 and 8 (the help's metric
    definitions say the same at length)."""
    if binding is None:
        return QT_TRANSLATE_NOOP("KPI", "Not measured: choose a metric in “Measured by” (step 1) so UsageLens can "
                                        "compute this KPI.")
    params = binding.params
    period = str(params.get("period", "week"))
    last = _LAST.get(period, f"in the last complete {period}")
    if binding.metric == "active_users":
        return QT_TRANSLATE_NOOP("KPI", "Distinct users with at least one event {last}.").format(last=last)
    if binding.metric == "adoption":
        return QT_TRANSLATE_NOOP("KPI", "Share of the users active {last} who did {event} at least once in it.").format(
            last=last, event=str(params.get("event", "?")))
    if binding.metric == "retention":
        offset = params.get("offset", 4)
        start = f"their first {params['start_event']}" if params.get("start_event") else "their first event"
        back = f"did {params['return_event']}" if params.get("return_event") else "were active"
        when = "then or later" if params.get("mode") == "on_or_after" else f"in exactly that {period}"
        after = f"{offset} {period}{'' if offset == 1 else 's'}"
        return (f"Share of users who {back} {after} after the {period} of {start} ({when}), over every cohort "
                "that has reached it, weighted by cohort size.")
    if binding.metric == "funnel":
        steps = [str(step) for step in params.get("steps") or ()]  # type: ignore[attr-defined]
        days = params.get("window_days", DEFAULT_FUNNEL_WINDOW_DAYS)
        first, goal = (steps[0], steps[-1]) if steps else ("?", "?")
        window = QT_TRANSLATE_NOOP("KPI", "within {days} days of {event}").format(days=days, event=first) if days \
            else QT_TRANSLATE_NOOP("KPI", "at any time later")
        return {"day": QT_TRANSLATE_NOOP("KPI", "Of the users who did {event} in the last day that has had time to "
                                                "convert, the share who reached {goal} {window}."),
                "week": QT_TRANSLATE_NOOP("KPI", "Of the users who did {event} in the last week that has had time to "
                                                 "convert, the share who reached {goal} {window}."),
                "month": QT_TRANSLATE_NOOP("KPI", "Of the users who did {event} in the last month that has had time "
                                                  "to convert, the share who reached {goal} {window}.")
                }.get(str(params.get("period", "month")), QT_TRANSLATE_NOOP(
                    "KPI", "Of the users who did {event} in the last month that has had time to convert, the share "
                           "who reached {goal} {window}.")).format(event=first, goal=goal, window=window)
    if binding.metric == "nps":
        return QT_TRANSLATE_NOOP("KPI", "Net Promoter Score of all answers so far: % of 9–10 answers minus % of "
                                        "0–6 answers (−100 to 100).")
    if binding.metric == "csat":
        return QT_TRANSLATE_NOOP("KPI", "Customer satisfaction of all answers so far: the share of 4 and 5 answers "
                                        "on a 1–5 scale.")
    if binding.metric == "trend":
        return QT_TRANSLATE_NOOP("KPI", "{trend}, {last} (a division by zero gives no value).").format(
            trend=trend_label(params), last=last)
    if binding.metric == "metric":
        return {"day": QT_TRANSLATE_NOOP("KPI", "The metrics export's {column}, added up over the last complete day."),
                "month": QT_TRANSLATE_NOOP("KPI", "The metrics export's {column}, added up over the last complete "
                                                  "month.")}.get(period, QT_TRANSLATE_NOOP(
                    "KPI", "The metrics export's {column}, added up over the last complete week.")).format(
            column=str(params.get("column", "?")))
    if binding.metric == "arpu":
        return QT_TRANSLATE_NOOP("KPI", "The revenue of the payments {last} divided by the users active in it, in one "
                                        "currency (enter exchange rates when customers pay in several).").format(
            last=last)
    return QT_TRANSLATE_NOOP("KPI", "'{metric}' is not a metric UsageLens knows.").format(metric=binding.metric)


# Names that usually mark where a customer journey starts and where it pays off. Funnel presets pair them
# because a funnel between two arbitrary frequent events (login → view_dashboard) is rarely an objective;
# any other funnel can still be bound in code or the project file.
ENTRY_EVENTS = ("signup", "sign_up", "signed_up", "register", "registered", "account_created", "install")
GOAL_WORDS = ("upgrade", "purchase", "subscribe", "checkout", "pay", "convert", "activate", "invite")


def funnel_presets(events: Sequence[str]) -> list[KpiBinding]:
    """Funnels from the first entry-like event to every goal-like event present (e.g. signup → upgrade_plan)."""
    entry = next((e for e in ENTRY_EVENTS if e in events), None)
    if entry is None:
        return []
    goals = [e for e in events if e != entry and any(word in e.lower() for word in GOAL_WORDS)]
    return [KpiBinding("funnel", {"steps": [entry, goal], "window_days": DEFAULT_FUNNEL_WINDOW_DAYS})
            for goal in goals]


def binding_presets(events: Sequence[str] = (), *, surveys: bool = False, metrics: Sequence[str] = (),
                    revenue: bool = False) -> dict[str, KpiBinding | None]:
    """The bindings offered in the objectives table, by label, for the events and metrics in the data."""
    bindings: list[KpiBinding] = [KpiBinding("active_users", {"period": p}) for p in ("day", "week", "month")]
    # New users' retention counts from the entry event when the data has one; "any event" would count
    # customers who were there long before the data starts as new.
    entry = next((e for e in ENTRY_EVENTS if e in events), None)
    starts = {"start_event": entry} if entry else {}
    bindings += [KpiBinding("retention", {"period": "week", "offset": n, **starts}) for n in (1, 4, 8)]
    bindings += [KpiBinding("retention", {"period": "month", "offset": n, **starts}) for n in (1, 3)]
    bindings += [KpiBinding("adoption", {"event": e, "period": "week"}) for e in events]
    bindings += funnel_presets(events)
    # engagement depth: every event per active user each week (a formula of two series is bound from step 4)
    bindings.append(KpiBinding("trend", {"period": "week", "measure": "per_user"}))
    if surveys:
        bindings += [KpiBinding("nps", {}), KpiBinding("csat", {})]
    if revenue:
        bindings += [KpiBinding("arpu", {"period": p}) for p in ("week", "month")]
    bindings += [KpiBinding("metric", {"column": m, "period": p}) for m in metrics for p in ("week", "month")]
    presets: dict[str, KpiBinding | None] = {NOT_BOUND: None}
    presets.update({binding_label(b): b for b in bindings})
    return presets


def evaluate_kpi(binding: KpiBinding, inputs: KpiInputs, *, as_of: date | None = None) -> KpiValue:
    """The value of a bound KPI on the latest data, or as it stood at the end of ``as_of`` (a baseline);
    unknown metrics or unusable data give a value of None with a reason."""
    metric = METRICS.get(binding.metric)
    if metric is None:
        return KpiValue(None, None, QT_TRANSLATE_NOOP("KPI", "'{metric}' is not a metric UsageLens knows").format(
            metric=binding.metric))
    if as_of is not None:
        inputs = inputs.until(as_of)
    try:
        return metric(inputs, dict(binding.params))
    except AnalysisError as exc:
        return KpiValue(None, None, said(exc))
