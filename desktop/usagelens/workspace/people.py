"""The people behind a result row: who the users of a funnel step, a retention cell or a segment are, and what
one of them did (issue 16, item 3).

A row of the step-4 table that counts users (the kinds of :data:`GROUP_KINDS`) offers one or more
:class:`Group` of them — a funnel step its users who reached it and those who dropped there, a lifecycle period
its new, returning, resurrecting and dormant users, an "after dropping out" row who went there, a sessions period
who started a session in it, a trend's period who did its series' event there (whatever the series measures), a
conversion driver the converted and the dropped users having its feature — and
:func:`users_behind` lists a group's users from the very arrays the analysis counted, on the same inputs (a
cohort filter and a cohort breakdown applied as :func:`run_analysis` applies them), so the list is always as
long as the number the table shows. A chart's point offers its row's groups (:func:`row_at_point`). Where the
events lie in a warehouse, every group is listed by queries there: as cohort conditions (:data:`_VIEW_CONDITIONS`)
or from the analysis' own definition (:data:`_VIEW_MEMBERS`, :mod:`usagelens.analytics.definitions.people`).

User ids are those of the analysed (cleaned) data: where the recipe pseudonymised them, the pseudonyms; the
customer attributes beside them come from the cleaned customers table too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

import usagelens.analytics as analytics
from usagelens.analytics import AnalysisError, EventLog, funnel_progress
from usagelens.analytics.attributes import Segments, user_segments
from usagelens.analytics.encoding import as_text, utc_nanoseconds
from usagelens.analytics.event_trends import series_params, trend_formula
from usagelens.analytics.eventlog import NS_PER_DAY
from usagelens.analytics.experiments import goal_converted, variant_segments
from usagelens.analytics.funnel_views import NO_LATER_EVENT, dropped_users_next
from usagelens.analytics.journeys import ENDED, fold_journeys, folded, journeys_taken, step_columns
from usagelens.analytics.lifecycle import active_days_per_period, lifecycle_states
from usagelens.analytics.paths import PATH_SEPARATOR, START_LABEL
from usagelens.analytics.periods import day_range, parse_duration, period_of_day, rows_for_days, user_periods
from usagelens.analytics.retention import cohort_returns
from usagelens.analytics.sessions import DEFAULT_GAP, session_user_mask
from usagelens.model import Cohort, Project, SourceKind
from usagelens.model.translatable import QT_TRANSLATE_NOOP, SPELLED_DAY, Dated, Phrase, joined, plural
from usagelens.workspace import project_data
from usagelens.workspace.analyses import ANALYSES, cohorts, drivers, journey_map, pain_points
from usagelens.workspace.analyses.behaviour import date_range, funnel_options, require_log
from usagelens.workspace.analyses.spec import AnalysisInputs, ChartData, Params
from usagelens.workspace.analyses.trends import users_column

GROUP_KINDS = ("active_users", "lifecycle", "frequency", "event_counts", "adoption", "funnel", "funnel_over_time",
               "time_to_convert", "after_dropping", "retention", "segments", "experiment", "pain_points",
               "journey_map", "trends", "touchpoint_time", "sessions", "conversion_drivers")
LIFECYCLE_STATES = ("new", "returning", "resurrecting", "dormant")
TIMELINE_KINDS = ("event", "survey", "payment")
# the people and timeline tables' own columns and a timeline row's kind, as the GUI shows them (a customer's,
# a survey's or a payment's columns beside them are data; exports keep the names)
PEOPLE_LABELS = {"user_id": QT_TRANSLATE_NOOP("People", "User"), "events": QT_TRANSLATE_NOOP("People", "Events"),
                 "first_seen": QT_TRANSLATE_NOOP("People", "First seen"),
                 "last_seen": QT_TRANSLATE_NOOP("People", "Last seen")}
TIMELINE_LABELS = {"time": QT_TRANSLATE_NOOP("People", "Time"), "kind": QT_TRANSLATE_NOOP("People", "Kind"),
                   "what": QT_TRANSLATE_NOOP("People", "What"), "session": QT_TRANSLATE_NOOP("People", "Session"),
                   "score": QT_TRANSLATE_NOOP("People", "Score"), "amount": QT_TRANSLATE_NOOP("People", "Amount"),
                   "currency": QT_TRANSLATE_NOOP("People", "Currency"),
                   "comment": QT_TRANSLATE_NOOP("People", "Comment")}
TIMELINE_KIND_WORDS = {"event": QT_TRANSLATE_NOOP("People", "event"), "survey": QT_TRANSLATE_NOOP("People", "survey"),
                       "payment": QT_TRANSLATE_NOOP("People", "payment")}


class NotUsers(LookupError):
    """A row that is not a group of users, or a group that cannot be listed; the message says why."""


@dataclass(frozen=True)
class Group:
    """One group of users a row stands for: ``key`` names it to :func:`users_behind`, ``label`` says who they
    are, ``count`` is how many the table shows for them."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class People:
    """Users listed behind a row: their ids (as in the analysed data) and a table of them, one row each:
    ``user_id``, ``events``, ``first_seen``, ``last_seen`` (in the whole log), then their customer attributes."""

    label: str
    user_ids: list[str]
    frame: pd.DataFrame

    def __len__(self) -> int:
        return len(self.user_ids)


# --- which groups a row offers (cheap: read from the table) -------------------------------------------------
def row_groups(kind: str, params: Params, table: pd.DataFrame, index: int) -> list[Group]:
    """The groups of users row ``index`` of ``kind``'s table stands for, each with the number the table shows
    for it; :class:`NotUsers` for a kind whose rows count something else (paths, money, answers)."""
    row = table.iloc[index]
    labels = group_labels(kind, params, row)
    if kind in ("active_users", "lifecycle"):
        counts = {"active": row["active_users"]}
        if kind == "lifecycle":
            counts |= {state: abs(row[state]) for state in LIFECYCLE_STATES}
    elif kind == "frequency":
        counts = {"exactly": row["users"], "at_least": row["users_at_least"]}
    elif kind == "funnel_over_time":
        counts = {"entered": row["entered"], "converted": row["converted"]}
    elif kind in ("time_to_convert", "after_dropping"):
        counts = {labels_key: row["users"] for labels_key in labels}
    elif kind in ("event_counts", "adoption", "touchpoint_time"):
        counts = {"did": row["users"]}
    elif kind == "trends":  # a series' users per period: its value, or the column beside one of events
        counts = {key: row[users_column(params, key)] for key in labels}
    elif kind == "sessions":
        counts = {"started": row["users"]}
    elif kind == "conversion_drivers":
        counts = {"converted": row["converted_with"], "dropped": row["dropped_with"]}
    elif kind == "funnel":
        counts = {"reached": row["users"]}
        if "dropped" in labels:
            counts["dropped"] = table.iloc[index - 1]["users"] - row["users"]
    elif kind == "retention":
        counts = {"retained": row["retained_users"], "lost": row["cohort_size"] - row["retained_users"]}
    elif kind == "segments":
        counts = {"did": row["users"], "segment": row["segment_users"]}
    elif kind == "pain_points":
        counts = {"involved": row["users_involved"], "did": row["users"]}
    elif kind == "journey_map":  # a top journey, or a band and the touchpoints at its ends
        counts = {"took": row["users"]} if "path" in row else {
            "went": row["users"], "from": journey_map.node_users(table, int(row["step"]) - 1, row["from_touchpoint"]),
            "to": journey_map.node_users(table, int(row["step"]), row["to_touchpoint"])}
    else:
        counts = {"variant": row["users"], "converted": row["conversions"]}
    return [Group(key, label, int(counts[key])) for key, label in labels.items()]


def group_labels(kind: str, params: Params, row: Mapping[str, Any]) -> dict[str, str]:
    """The groups of users a row of ``kind`` offers: their keys and who they are, in words."""
    if kind not in GROUP_KINDS:
        title = ANALYSES[kind].title if kind in ANALYSES else kind
        raise NotUsers(QT_TRANSLATE_NOOP("People", "The rows of {analysis} are not groups of users, so there is "
                                                   "nobody to list.").format(analysis=title))
    segment = str(row["segment"]) if "segment" in row else ""

    def where(label: str) -> str:  # the row's segment after who they are: "Active in … · android"
        return Phrase("", "{label} · {segment}", {"label": label, "segment": segment}) if segment else label

    if kind in ("active_users", "lifecycle"):
        period = _period_of(params, row["period"])
        labels = {"active": where(QT_TRANSLATE_NOOP("People", "Active in {period}").format(period=period))}
        if kind == "lifecycle":
            labels |= {state: _LIFECYCLE[state].format(period=period) for state in LIFECYCLE_STATES}
            labels["dormant"] = _DORMANT[params["period"]].format(period=period)
        return labels
    if kind == "frequency":
        days, period = int(row["active_days"]), _period_of(params, row["period"])
        return {"exactly": plural(days, QT_TRANSLATE_NOOP("People", "Active on exactly {count} day of {period}"),
                                  QT_TRANSLATE_NOOP("People", "Active on exactly {count} days of {period}")
                                  ).format(period=period),
                "at_least": plural(days, QT_TRANSLATE_NOOP("People", "Active on {count} day or more of {period}"),
                                   QT_TRANSLATE_NOOP("People", "Active on {count} days or more of {period}")
                                   ).format(period=period)}
    if kind == "funnel_over_time":
        entered = QT_TRANSLATE_NOOP("People", "Entered {event} in {period}").format(
            event=params["steps"][0], period=_period_of(params, row["period"]))
        return {"entered": entered, "converted": QT_TRANSLATE_NOOP("People", "{entered} and reached {event}").format(
            entered=entered, event=params["steps"][-1])}
    if kind == "time_to_convert":
        return {"reached": QT_TRANSLATE_NOOP("People", "Reached step {step} ({event})").format(
            step=int(row["step"]), event=str(row["event"]))}
    if kind == "after_dropping":
        at = int(params["dropped_at"])
        steps = {"event": params["steps"][at - 1], "next": params["steps"][at]}
        return {"next": QT_TRANSLATE_NOOP("People", "Reached {event}, not {next}; did nothing later").format(**steps)
                if row["next_event"] == NO_LATER_EVENT else
                QT_TRANSLATE_NOOP("People", "Reached {event}, not {next}; next did {did}").format(
                    **steps, did=str(row["next_event"]))}
    if kind == "event_counts":
        return {"did": QT_TRANSLATE_NOOP("People", "Did {event}").format(event=str(row["event"]))}
    if kind in ("adoption", "touchpoint_time"):
        return {"did": QT_TRANSLATE_NOOP("People", "Did {event} in the date range").format(event=str(row["event"]))}
    if kind == "trends":
        return _trend_labels(params, row, where)
    if kind == "sessions":  # a session belongs to the period it starts in, as the table counts it
        return {"started": QT_TRANSLATE_NOOP("People", "Started a session in {period}").format(
            period=_period_of(params, row["period"]))}
    if kind == "funnel":
        step, event = int(row["step"]), str(row["event"])
        labels = {"reached": where(QT_TRANSLATE_NOOP("People", "Reached step {step} ({event})").format(
            step=step, event=event))}
        if step > 1:
            labels["dropped"] = where(QT_TRANSLATE_NOOP(
                "People", "Dropped at step {step} (reached step {previous}, not {event})").format(
                step=step, previous=step - 1, event=event))
        return labels
    if kind == "retention":
        values = {"cohort": Dated(_day(row["cohort"]), SPELLED_DAY), "offset": int(row["period_offset"])}
        back, lost = _RETENTION[params["period"]]
        return {"retained": back.format(**values), "lost": lost.format(**values)}
    if kind == "segments":
        return {"did": QT_TRANSLATE_NOOP("People", "{segment}: did {event} in the date range").format(
                    segment=str(row["segment"]), event=str(row["event"])),
                "segment": QT_TRANSLATE_NOOP("People", "Everyone in {segment}").format(segment=str(row["segment"]))}
    if kind == "pain_points":
        whose = where(str(row["step"]))
        return {"involved": QT_TRANSLATE_NOOP("People", "{step}: an error, support contact or repeat there, or "
                                                        "dropped off there").format(step=whose),
                "did": QT_TRANSLATE_NOOP("People", "{step}: did the step in the date range").format(step=whose)}
    if kind == "journey_map":
        return _journey_labels(params, row)
    if kind == "conversion_drivers":
        return _drivers_labels(params, row)
    return {"variant": QT_TRANSLATE_NOOP("People", "Variant {variant}: in the experiment").format(
                variant=str(row["variant"])),
            "converted": QT_TRANSLATE_NOOP("People", "Variant {variant}: converted").format(
                variant=str(row["variant"]))}


_PERIOD_OF = {"day": QT_TRANSLATE_NOOP("People", "the day of {day}"),
              "week": QT_TRANSLATE_NOOP("People", "the week of {day}"),
              "month": QT_TRANSLATE_NOOP("People", "the month of {day}")}
_LIFECYCLE = {"new": QT_TRANSLATE_NOOP("People", "New in {period}"),
              "returning": QT_TRANSLATE_NOOP("People", "Returning in {period}"),
              "resurrecting": QT_TRANSLATE_NOOP("People", "Resurrecting in {period}"),
              "dormant": QT_TRANSLATE_NOOP("People", "Dormant in {period}")}
_DORMANT = {"day": QT_TRANSLATE_NOOP("People", "Dormant in {period} (active in the day before it, not in it)"),
            "week": QT_TRANSLATE_NOOP("People", "Dormant in {period} (active in the week before it, not in it)"),
            "month": QT_TRANSLATE_NOOP("People", "Dormant in {period} (active in the month before it, not in it)")}
_RETENTION = {
    "day": (QT_TRANSLATE_NOOP("People", "Cohort of {cohort}: back in day {offset}"),
            QT_TRANSLATE_NOOP("People", "Cohort of {cohort}: not back in day {offset}")),
    "week": (QT_TRANSLATE_NOOP("People", "Cohort of {cohort}: back in week {offset}"),
             QT_TRANSLATE_NOOP("People", "Cohort of {cohort}: not back in week {offset}")),
    "month": (QT_TRANSLATE_NOOP("People", "Cohort of {cohort}: back in month {offset}"),
              QT_TRANSLATE_NOOP("People", "Cohort of {cohort}: not back in month {offset}")),
}


def _drivers_labels(params: Params, row: Mapping[str, Any]) -> dict[str, str]:
    """A driver's two groups, as its row counts them: who reached the funnel's last step and who dropped out
    before it, each of them with the row's feature (an event done in the date range, or an attribute's value)."""
    words = {"event": params["steps"][-1], "feature": str(row["feature"])}
    if row["kind"] == "event":
        return {"converted": QT_TRANSLATE_NOOP("People", "Reached {event} and did {feature} in the date range")
                .format(**words),
                "dropped": QT_TRANSLATE_NOOP("People", "Dropped out before {event} and did {feature} in the date "
                                                       "range").format(**words)}
    return {"converted": QT_TRANSLATE_NOOP("People", "Reached {event}, with {feature}").format(**words),
            "dropped": QT_TRANSLATE_NOOP("People", "Dropped out before {event}, with {feature}").format(**words)}


def _period_of(params: Params, start: object) -> str:
    """The period a row stands for, in words: "the week of 10 Jun 2024"."""
    return _PERIOD_OF[params["period"]].format(day=Dated(_day(start), SPELLED_DAY))


# --- which row a chart's point stands for ------------------------------------------------------------------
# The category charts' labels name a row by this column (after dropping out: the next event, and so on).
_CATEGORY_COLUMNS = {"event_counts": "event", "adoption": "event", "segments": "segment", "experiment": "variant",
                     "after_dropping": "next_event", "touchpoint_time": "event", "conversion_drivers": "feature"}


def row_at_point(kind: str, table: pd.DataFrame, chart: ChartData, series: str, index: int) -> int | None:
    """The row of ``kind``'s table that point ``index`` of ``series`` in ``chart`` shows (a heat map: row
    label ``series``, column ``index``), so a chart's point offers the users its row does; None where a point
    sums several rows (an average curve, a frequency bar over all weeks) or is a part of a row's users that
    the row does not list (a time-to-convert bucket)."""
    if kind not in GROUP_KINDS or table.empty:
        return None
    if chart.kind == "heatmap":
        if kind != "retention" or series not in chart.row_labels or not 0 <= index < len(chart.column_labels):
            return None
        cohort = pd.Timestamp(series.split(" (")[0])
        offset = int(chart.column_labels[index])
        return _first(table["cohort"].eq(cohort) & table["period_offset"].eq(offset))
    if chart.kind == "sankey":  # a band, or a touchpoint by a band into or out of it: that band's row
        if "path" in table.columns or not 0 <= index < len(chart.links):
            return None  # a top journey is no band, nor a band one journey
        step, source, target, _ = chart.links[index]
        return _first(table["step"].eq(step) & table["from_touchpoint"].eq(source) & table["to_touchpoint"].eq(target))
    drawn = next((s for s in chart.series if s.name == series), None)
    if drawn is None or not 0 <= index < len(drawn.x):
        return None
    x = drawn.x[index]
    if kind == "trends" and drawn.dashed:
        return None  # the previous range's value: its users are not the row's
    if chart.kind == "time" and "period" in table.columns:
        match = table["period"].eq(pd.Timestamp(x))
        if "segment" in table.columns:
            match &= table["segment"].astype(str).eq(series)
        return _first(match)
    if kind == "funnel":
        match = table["step"].eq(_step_number(str(x)))
        if "segment" in table.columns:
            match &= table["segment"].astype(str).eq(series)
        return _first(match)
    if kind == "pain_points":
        return _first(table.apply(pain_points.row_label, axis=1).eq(str(x)))
    column = _CATEGORY_COLUMNS.get(kind)
    return _first(table[column].astype(str).eq(str(x))) if column else None


def groups_at_point(kind: str, series: str) -> tuple[str, ...] | None:
    """The groups of its row a chart's point stands for, where it is not all of them: a Sankey's touchpoint
    (found by a band into it or out of it) is the users at that end of the band."""
    if kind == "journey_map" and series in ("into", "out of"):
        return ("to",) if series == "into" else ("from",)
    return None


def _trend_labels(params: Params, row: Mapping[str, Any], where: Callable[[str], str]) -> dict[str, str]:
    """The users behind a trend's period, per series (A, and B beside a formula): who did its event in that
    period alone, whether the chart draws it smoothed or beside the previous range, and whether the series
    counts them or their events or values (the users behind those). B is left out when it is A's group."""
    period = _period_of(params, row["period"])
    note = QT_TRANSLATE_NOOP("People", "that period alone, not the rolling mean") if params.get("smoothing") else \
        QT_TRANSLATE_NOOP("People", "that period, not the previous range") if params.get("compare_previous") else ""
    labels: dict[str, str] = {}
    events = []
    for key, suffix in (("a", ""), ("b", "_b")) if trend_formula(params) else (("a", ""),):
        event, measure, prop = series_params(params, suffix)
        if event in events:
            continue  # B of A's event: the same users
        events.append(event)
        notes = joined([n for n in (_MEASURE_NOTES[measure].format(prop=prop) if measure != "users" else "", note)
                        if n], "; ")
        who = where(QT_TRANSLATE_NOOP("People", "Did {event} in {period}").format(event=event, period=period) if event
                    else QT_TRANSLATE_NOOP("People", "Active in {period}").format(period=period))
        labels[key] = Phrase("", "{who} ({notes})", {"who": who, "notes": notes}) if notes else who
    return labels


# What a trend's series makes of the users who did its event in a period (none where it counts them).
_MEASURE_NOTES = {"events": QT_TRANSLATE_NOOP("People", "who did the events counted"),
                  "per_user": QT_TRANSLATE_NOOP("People", "whom its events per user divide by"),
                  "sum": QT_TRANSLATE_NOOP("People", "whose events' {prop} is summed"),
                  "average": QT_TRANSLATE_NOOP("People", "whose events' {prop} is averaged")}


def _journey_labels(params: Params, row: Mapping[str, Any]) -> dict[str, str]:
    """A top journey's users, or a band's and those at either end of it, placed as the map's columns are
    ("export (step 2)", "help (1 before)", the anchor by its name)."""
    path = str(row.get("path", ""))
    if path:
        return {"took": QT_TRANSLATE_NOOP("People", "Took {path}").format(path=path) if PATH_SEPARATOR in path else
                QT_TRANSLATE_NOOP("People", "Took none of the top {count} journeys").format(count=params["top"])}
    depth, before = int(params["depth"]), params.get("direction") == "before"
    step, source, target = int(row["step"]), str(row["from_touchpoint"]), str(row["to_touchpoint"])

    def at(name: str, column: int) -> str:
        place = "" if column == (depth if before else 0) else \
            QT_TRANSLATE_NOOP("People", " ({count} before)").format(count=depth - column) if before else \
            QT_TRANSLATE_NOOP("People", " (step {number})").format(number=column)
        node = journey_map.NODE_WORDS.get(name, name)
        off = QT_TRANSLATE_NOOP("People", ": off the top journeys") if name == journey_map.OTHER else ""
        return Phrase("", "{node}{place}{off}", {"node": node, "place": place, "off": off})

    if target == ENDED:
        went = QT_TRANSLATE_NOOP("People", "Did nothing after {touchpoint}").format(touchpoint=at(source, step - 1))
        arrived = QT_TRANSLATE_NOOP("People", "Stopped before step {number}").format(number=step)
    else:
        went = QT_TRANSLATE_NOOP("People", "Went from {touchpoint} to {next}").format(
            touchpoint=at(source, step - 1), next=at(target, step))
        arrived = QT_TRANSLATE_NOOP("People", "At {touchpoint}").format(touchpoint=at(target, step))
    if source == START_LABEL:
        went = QT_TRANSLATE_NOOP("People", "Started with {touchpoint}").format(touchpoint=at(target, step))
        left = QT_TRANSLATE_NOOP("People", "Had no touchpoint {count} before").format(count=depth - step + 1)
    else:
        left = QT_TRANSLATE_NOOP("People", "At {touchpoint}").format(touchpoint=at(source, step - 1))
    return {"went": went, "from": left, "to": arrived}


def _first(match: pd.Series) -> int | None:
    rows = np.flatnonzero(match.to_numpy(bool))
    return int(rows[0]) if len(rows) == 1 else None  # two rows behind one point: it stands for neither


def _step_number(label: str) -> int:
    """The step of a funnel's category label ("2. export")."""
    number, _, _ = label.partition(".")
    return int(number) if number.isdigit() else -1


def _day(value: object) -> pd.Timestamp:
    return pd.Timestamp(value)  # type: ignore[arg-type]


# --- who they are -----------------------------------------------------------------------------------------
def users_behind(kind: str, inputs: AnalysisInputs, params: Params, row: Mapping[str, Any],
                 group: str = "") -> People:
    """The users of ``group`` (default: the row's first) behind ``row`` of ``kind``'s table computed with
    ``params`` on ``inputs``; :class:`NotUsers` (or the analysis' own errors) with a message otherwise."""
    labels = group_labels(kind, params, row)
    group = group or next(iter(labels))
    if group not in labels:
        raise NotUsers(QT_TRANSLATE_NOOP("People", "This row has no group “{group}” of users (it has: {groups}).")
                       .format(group=group, groups=", ".join(labels)))
    label = labels[group]
    if params.get("cohort"):
        inputs = cohorts.in_cohort(inputs, str(params["cohort"]))
        label = QT_TRANSLATE_NOOP("People", "{label} · cohort “{cohort}”").format(
            label=label, cohort=inputs.cohort.name)  # type: ignore[union-attr]
    split, params = cohorts.cohort_breakdown(inputs, params)
    if split.events_elsewhere:
        return _people_on_view(split, kind, params, row, group, label)
    log = require_log(split)
    mask = _MASKS[kind](split, log, params, row, group)
    return people_of(inputs, log, mask, label)


def people_of(inputs: AnalysisInputs, log: EventLog, mask: np.ndarray, label: str) -> People:
    """The users with ``mask[user code]`` as :class:`People`, with their activity and customer attributes."""
    codes = np.flatnonzero(mask)
    starts = log.user_starts
    ids = [str(u) for u in log.user_ids[codes]]
    frame = pd.DataFrame({
        "user_id": pd.Series(ids, dtype=object),
        "events": (starts[codes + 1] - starts[codes]).astype(np.int64),
        "first_seen": log.times[starts[codes]].astype("datetime64[ns]"),
        "last_seen": log.times[starts[codes + 1] - 1].astype("datetime64[ns]"),
    })
    return People(label, ids, _with_attributes(inputs, frame))


def _people_on_view(inputs: AnalysisInputs, kind: str, params: Params, row: Mapping[str, Any], group: str,
                    label: str) -> People:
    """The group's users where the events lie (a warehouse): the group picked by its analysis' own definition or
    as cohort conditions (with its breakdown segment), its members' activity in one query."""
    from usagelens.analytics.definitions.people import user_activity  # Ibis loads only for a warehouse

    if kind in _VIEW_MEMBERS:  # not cohort conditions: the analysis' own definition picks them
        with inputs.events.fetching():  # type: ignore[attr-defined]
            frame = user_activity(_VIEW_MEMBERS[kind](inputs, params, row, group))
        return People(label, frame["user_id"].tolist(), _with_attributes(inputs, frame))
    segment = _segment_rule(params, row)
    rules = _VIEW_CONDITIONS[kind](params, row, group) + ([segment] if segment else [])
    members = inputs.events.members(rules)  # type: ignore[attr-defined]
    with members.fetching():
        frame = user_activity(members.view)
    return People(label, frame["user_id"].tolist(), _with_attributes(inputs, frame))


def _segment_rule(params: Params, row: Mapping[str, Any]) -> dict[str, object]:
    """The row's breakdown segment as a cohort condition (none without a breakdown), read as the analysis placed
    users in it: a customer attribute, or an event property of the user's first (or last) event."""
    by = params.get("by")
    if not by:
        return {}
    rule: dict[str, object] = {"kind": "attribute", "attribute": by, "op": "in", "values": [str(row["segment"])]}
    if params.get("counted") == "last":
        rule["counted"] = "last"
    return rule


def _with_attributes(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (one row per user) with the users' customer attributes beside it."""
    customers = inputs.customers
    if customers is not None:
        table = customers.frame.drop_duplicates(subset=[customers.user], keep="first")
        attributes = table.drop(columns=[customers.user])
        attributes.index = pd.Index(as_text(table[customers.user]).to_numpy(object))
        attributes.columns = [f"{c} (customer)" if c in frame.columns else c for c in map(str, attributes.columns)]
        frame = frame.join(attributes, on="user_id")
    return frame


def _segment(inputs: AnalysisInputs, log: EventLog, params: Params, label: object,
             anchors: np.ndarray) -> np.ndarray:
    """The users of breakdown segment ``label`` (by ``params['by']``, placed by ``anchors`` as the analysis
    placed them)."""
    segments: Segments = user_segments(log, params["by"], anchor_rows=anchors.astype(np.int64),
                                       customers=inputs.customers)
    labels = [str(x) for x in segments.labels]
    if str(label) not in labels:
        raise NotUsers(QT_TRANSLATE_NOOP("People", "Nobody is in “{label}” any more: compute the analysis again.")
                       .format(label=str(label)))
    return segments.codes == labels.index(str(label))


def _counted_anchors(log: EventLog, params: Params) -> np.ndarray:
    """The row whose event property places a user in a segment (as ``compare_segments`` reads it)."""
    return log.user_starts[1:] - 1 if params.get("counted") == "last" else log.user_starts[:-1]


def _period_number(value: object, period: str) -> int:
    day = int(np.datetime64(pd.Timestamp(value).normalize(), "D").astype(np.int64))  # type: ignore[arg-type]
    return int(period_of_day(np.array([day]), period)[0])  # type: ignore[arg-type]


def _users(log: EventLog, codes: np.ndarray) -> np.ndarray:
    mask = np.zeros(log.n_users, dtype=bool)
    mask[codes] = True
    return mask


def _active(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any], group: str) -> np.ndarray:
    """Active in the row's period within the range (``active_users``), in the row's segment when split."""
    first, last = day_range(log, **date_range(params))  # type: ignore[arg-type]
    users, numbers = user_periods(log, params["period"], first, last)
    mask = _users(log, users[numbers == _period_number(row["period"], params["period"])])
    if params.get("by"):
        mask &= _segment(inputs, log, params, row["segment"], _counted_anchors(log, params))
    return mask


def _lifecycle(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any],
               group: str) -> np.ndarray:
    """Active in the row's whole period (``lifecycle`` counts every day of it, not only the range's), or those
    of them in one state; ``dormant``: active in the period before and not in the row's."""
    states = lifecycle_states(log, params["period"])
    number = _period_number(row["period"], params["period"])
    if group == "dormant":
        return _users(log, states.users[states.goes_dormant & (states.numbers + 1 == number)])
    chosen = states.numbers == number
    if group != "active":
        chosen &= getattr(states, group)
    return _users(log, states.users[chosen])


def _frequency(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any],
               group: str) -> np.ndarray:
    """Active on exactly (or at least) the row's number of days of its period, within the range."""
    period = params["period"]
    users, numbers, days = active_days_per_period(log, period, *day_range(log, **date_range(params)))  # type: ignore[arg-type]
    wanted = int(row["active_days"])
    enough = days >= wanted if group == "at_least" else days == wanted
    return _users(log, users[enough & (numbers == _period_number(row["period"], period))])


def _did(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any], group: str) -> np.ndarray:
    """Did the row's event at least once (``event_counts`` looks at the whole log)."""
    return _users(log, log.user_codes[log.event_codes == log.event_code(str(row["event"]))])


def _did_in_range(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any],
                  group: str) -> np.ndarray:
    """Did the row's event within the date range (``adoption``, and a segment's adopters)."""
    code = log.event_code(str(row["event"]))
    rows = rows_for_days(log, *day_range(log, **date_range(params)))  # type: ignore[arg-type]
    return _users(log, log.user_codes[rows][log.event_codes[rows] == code])


def _trend(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any], group: str) -> np.ndarray:
    """Did the series' event (any event: active) on a day of the row's period within the range, in the row's
    segment when split, as ``event_trend`` counted its users."""
    event = series_params(params, "_b" if group == "b" else "")[0]
    rows = rows_for_days(log, *day_range(log, **date_range(params)))  # type: ignore[arg-type]
    chosen = period_of_day(log.days[rows], params["period"]) == _period_number(row["period"], params["period"])
    if event is not None:
        chosen &= log.event_codes[rows] == log.event_code(event)
    mask = _users(log, log.user_codes[rows][chosen])
    if params.get("by"):
        mask &= _segment(inputs, log, params, row["segment"], _counted_anchors(log, params))
    return mask


def _sessions(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any],
              group: str) -> np.ndarray:
    """Started a session on a day of the row's period within the range, as ``session_summary`` counted its
    users."""
    return session_user_mask(log, _session_gap(params), *_period_days(params, row))


def _session_gap(params: Params) -> str:
    return f"{int(params['gap_minutes'])}min"


def _funnel(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any], group: str) -> np.ndarray:
    """Reached the row's step, or (``dropped``) reached the one before and not it."""
    step = int(row["step"])
    progress = funnel_progress(log, list(params["steps"]), **funnel_options(params))  # type: ignore[arg-type]
    chosen = progress.reached == step - 1 if group == "dropped" else progress.reached >= step
    if params.get("by"):
        anchors = np.full(log.n_users, -1, dtype=np.int64)
        anchors[progress.users] = progress.entry_rows
        chosen &= _segment(inputs, log, params, row["segment"], anchors)[progress.users]
    return _users(log, progress.users[chosen])


def _drivers(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any],
             group: str) -> np.ndarray:
    """Converted (or dropped out) and did the row's event in the date range, or have its attribute's value (a
    customer attribute, or the property of the row they entered the funnel with), as ``funnel_drivers`` counts
    them."""
    progress = funnel_progress(log, list(params["steps"]), **funnel_options(params))  # type: ignore[arg-type]
    converted = progress.reached == len(params["steps"])
    group_users = _users(log, progress.users[converted if group == "converted" else ~converted])
    attribute, value = drivers.feature_of(params, str(row["kind"]), str(row["feature"]))
    if attribute is None:
        return group_users & _did_in_range(inputs, log, params, {"event": value}, group)
    anchors = np.full(log.n_users, -1, dtype=np.int64)
    anchors[progress.users] = progress.entry_rows
    return group_users & _segment(inputs, log, {"by": attribute}, value, anchors)


def _funnel_over_time(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any],
                      group: str) -> np.ndarray:
    """Entered the funnel in the row's period, or those of them who reached its last step."""
    steps, period = list(params["steps"]), params["period"]
    progress = funnel_progress(log, steps, **funnel_options(params))  # type: ignore[arg-type]
    entered_day = np.floor_divide(progress.step_times[0], NS_PER_DAY)
    chosen = period_of_day(entered_day, period) == _period_number(row["period"], period)
    if group == "converted":
        chosen &= progress.reached == len(steps)
    return _users(log, progress.users[chosen])


def _time_to_convert(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any],
                     group: str) -> np.ndarray:
    """Reached the row's step (the users whose times it spreads)."""
    progress = funnel_progress(log, list(params["steps"]), **funnel_options(params))  # type: ignore[arg-type]
    return _users(log, progress.users[progress.reached >= int(row["step"])])


def _after_dropping(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any],
                    group: str) -> np.ndarray:
    """Dropped after the chosen step and next did the row's event (or nothing later)."""
    dropped = dropped_users_next(log, list(params["steps"]), int(params["dropped_at"]),
                                 **funnel_options(params))
    if row["next_event"] == NO_LATER_EVENT:
        return _users(log, np.setdiff1d(dropped.users, dropped.owners))
    return _users(log, dropped.owners[dropped.next_events == log.event_code(str(row["next_event"]))])


def _retention(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any],
               group: str) -> np.ndarray:
    """The cohort's users back in the row's period (``lost``: the cohort's others), as the cell counted them."""
    period = params["period"]
    returns = cohort_returns(log, period, start_event=params.get("start_event") or None,
                             return_event=params.get("return_event") or None, **date_range(params))  # type: ignore[arg-type]
    members = returns.in_cohort & (returns.cohort == _period_number(row["cohort"], period) - returns.first_period)
    offset = int(row["period_offset"])
    if params["mode"] == "on":
        back = _users(log, returns.users[returns.offsets == offset])
    else:  # back then or later: their last return is at or after the offset
        last = np.full(log.n_users, -1, dtype=np.int64)
        last[returns.users] = returns.offsets
        back = last >= offset
    return members & (~back if group == "lost" else back)


def _segments(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any],
              group: str) -> np.ndarray:
    """Everyone in the row's segment, or (default) those of them who did the event in the range."""
    segment = _segment(inputs, log, params, row["segment"], _counted_anchors(log, params))
    if group == "segment":
        return segment
    return segment & _did_in_range(inputs, log, params, row, group)


def _experiment(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any],
                group: str) -> np.ndarray:
    """The variant's users active in the range, or those of them who converted."""
    segments = variant_segments(log, params["by"], customers=inputs.customers, **date_range(params))  # type: ignore[arg-type]
    labels = [str(x) for x in segments.labels]
    if str(row["variant"]) not in labels:
        raise NotUsers(QT_TRANSLATE_NOOP("People", "Nobody is in variant “{variant}” any more: compute the analysis "
                                                   "again.").format(variant=str(row["variant"])))
    variant = segments.codes == labels.index(str(row["variant"]))
    if group == "converted":
        return variant & goal_converted(log, params["goal"], **date_range(params))  # type: ignore[arg-type]
    return variant


def _pain(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any], group: str) -> np.ndarray:
    """The users of the row's step and segment who did the step, or those of them involved in its pain."""
    return pd.Index(log.user_ids).isin(_pain_ids(analytics, log, inputs, params, row, group))


def _pain_ids(metrics: Any, data: object, inputs: AnalysisInputs, params: Params, row: Mapping[str, Any],
              group: str) -> list[str]:
    """The ids of :func:`_pain`'s users, from the per-user signals ``pain_points`` aggregates (on either engine),
    the error and support events found among the data facts' events as the table found them."""
    per_user = pain_points.user_signals(metrics, data, params, customers=inputs.events.customers,
                                        event_names=inputs.facts.events).per_user
    mine = per_user[(per_user["step"] == row["step"]) & (per_user["segment"].astype(str) == str(row["segment"]))]
    if group == "involved":
        mine = mine[mine["involved"]]
    return [str(user) for user in mine["user_id"]]


def _pain_on_view(inputs: AnalysisInputs, params: Params, row: Mapping[str, Any], group: str) -> Any:
    """The rows of the users :func:`_pain` lists: their ids from the per-user signals the view's definitions
    return (the table's own input), their rows as a list of users."""
    events = inputs.events
    ids = _pain_ids(events.metrics, events.data, inputs, params, row, group)
    return events.members([{"kind": "users", "user_ids": ids}]).view  # type: ignore[attr-defined]


def _journey(inputs: AnalysisInputs, log: EventLog, params: Params, row: Mapping[str, Any],
             group: str) -> np.ndarray:
    """Who took the row's top journey (Other: any of the rest), or whom the map draws on the row's band or at
    either end of it, from the journeys it counted."""
    event, options = journey_map.journey_query(params)
    taken = journeys_taken(log, event, **options)
    top, before = int(params["top"]), bool(options["before"])
    if group == "took":
        journey = _journey_taken(fold_journeys(taken.table, top, before), params, row)
        return _users(log, taken.users[taken.rows >= top if journey == top else taken.rows == journey])
    drawn = folded(taken.table, top, before)[taken.rows]
    step = int(row["step"])
    at = {"from": drawn[:, step - 1] == row["from_touchpoint"], "to": drawn[:, step] == row["to_touchpoint"]}
    return _users(log, taken.users[at["from"] & at["to"] if group == "went" else at[group]])


def _journey_taken(journeys: pd.DataFrame, params: Params, row: Mapping[str, Any]) -> int:
    """The row of ``top_journeys``' table a top-journeys row stands for (the number of top journeys: its
    Other)."""
    paths = journey_map.fold(journeys, params.get("direction") == "before")[1]["path"]
    found = np.flatnonzero(paths.eq(row["path"]).to_numpy())
    if not len(found):
        raise NotUsers(QT_TRANSLATE_NOOP("People", "Nobody took “{path}” any more: compute the analysis again.")
                       .format(path=str(row["path"])))
    return int(found[0])


def _journey_on_view(inputs: AnalysisInputs, params: Params, row: Mapping[str, Any], group: str) -> Any:
    """The rows of the users :func:`_journey` lists, where the events lie: the map's top journeys asked again,
    and the users whose journey is drawn on the row's band (or node, or is its journey)."""
    events, (event, options) = inputs.events, journey_map.journey_query(params)
    top, columns = int(params["top"]), step_columns(int(params["depth"]))
    journeys = events.metrics.top_journeys(events.data, event, top=top, **options)
    kept = [tuple(journey) for journey in journeys.loc[~journeys["folded"], columns].itertuples(index=False,
                                                                                                name=None)]
    where, beyond_top = {}, False
    if group == "took":
        journey = _journey_taken(journeys, params, row)
        beyond_top = journey == top
        where = {} if beyond_top else dict(zip(columns, kept[journey], strict=True))
    else:
        step = int(row["step"])
        if group != "to":
            where[f"drawn_{step - 1}"] = str(row["from_touchpoint"])
        if group != "from":
            where[f"drawn_{step}"] = str(row["to_touchpoint"])
    return events.metrics.journey_members(events.data, event, top=kept, where=where, beyond_top=beyond_top,
                                          **options)


def _sessions_on_view(inputs: AnalysisInputs, params: Params, row: Mapping[str, Any], group: str) -> Any:
    """The rows of the users :func:`_sessions` lists, where the events lie (the same definition of a session)."""
    events, (start, end) = inputs.events, _period_days(params, row)
    return events.metrics.session_members(events.data, gap=_session_gap(params), start=start, end=end)


def _funnel_on_view(inputs: AnalysisInputs, params: Params, row: Mapping[str, Any], group: str) -> Any:
    """The rows of the users :func:`_funnel` (and :func:`_time_to_convert`) lists, from the progress ``funnel``
    (or its breakdown) counts."""
    by = params.get("by") or None
    return _funnel_members(inputs, params, int(row["step"]), dropped=group == "dropped", by=by,
                           segment=str(row["segment"]) if by else None)


def _funnel_over_time_on_view(inputs: AnalysisInputs, params: Params, row: Mapping[str, Any], group: str) -> Any:
    """The rows of the users :func:`_funnel_over_time` lists: entered in the row's period, or those of them who
    reached the last step."""
    last = len(params["steps"]) if group == "converted" else 1
    return _funnel_members(inputs, params, last, entered=_period_days(params, row))


def _after_dropping_on_view(inputs: AnalysisInputs, params: Params, row: Mapping[str, Any], group: str) -> Any:
    """The rows of the users :func:`_after_dropping` lists, from the drop-outs ``next_after_dropping`` counts."""
    events, nothing_later = inputs.events, row["next_event"] == NO_LATER_EVENT
    return events.metrics.after_dropping_members(
        events.data, list(params["steps"]), int(params["dropped_at"]),
        None if nothing_later else str(row["next_event"]), **funnel_options(params))


def _experiment_on_view(inputs: AnalysisInputs, params: Params, row: Mapping[str, Any], group: str) -> Any:
    """The rows of the users :func:`_experiment` lists, from the variants and conversions ``experiment`` counts."""
    events = inputs.events
    return events.metrics.experiment_members(events.data, params["by"], str(row["variant"]), params["goal"],
                                             converted=group == "converted", customers=events.customers,
                                             **date_range(params))


def _drivers_on_view(inputs: AnalysisInputs, params: Params, row: Mapping[str, Any], group: str) -> Any:
    """The rows of the users :func:`_drivers` lists, from the converted and dropped users ``conversion_drivers``
    counts."""
    events = inputs.events
    attribute, value = drivers.feature_of(params, str(row["kind"]), str(row["feature"]))
    return events.metrics.drivers_members(events.data, list(params["steps"]), value, attribute=attribute,
                                          converted=group == "converted", customers=events.customers,
                                          **funnel_options(params))


def _funnel_members(inputs: AnalysisInputs, params: Params, step: int, **chosen: Any) -> Any:
    events = inputs.events
    return events.metrics.funnel_members(events.data, list(params["steps"]), step, customers=events.customers,
                                         **chosen, **funnel_options(params))


def _lifecycle_on_view(inputs: AnalysisInputs, params: Params, row: Mapping[str, Any], group: str) -> Any:
    """The rows of the users :func:`_lifecycle` lists, from the periods ``lifecycle`` marks where the events lie."""
    events = inputs.events
    return events.metrics.lifecycle_members(events.data, params["period"], row["period"], group)


def _frequency_on_view(inputs: AnalysisInputs, params: Params, row: Mapping[str, Any], group: str) -> Any:
    """The rows of the users :func:`_frequency` lists, from the active days ``active_days_frequency`` counts."""
    events = inputs.events
    return events.metrics.frequency_members(events.data, params["period"], row["period"], int(row["active_days"]),
                                            at_least=group == "at_least", **date_range(params))


def _retention_on_view(inputs: AnalysisInputs, params: Params, row: Mapping[str, Any], group: str) -> Any:
    """The rows of the users :func:`_retention` lists, from the cohorts and returns ``retention_table`` counts."""
    events = inputs.events
    return events.metrics.retention_members(
        events.data, params["period"], row["cohort"], int(row["period_offset"]), mode=params["mode"],
        start_event=params.get("start_event") or None, return_event=params.get("return_event") or None,
        lost=group == "lost", **date_range(params))


_VIEW_MEMBERS: dict[str, Any] = {"journey_map": _journey_on_view, "sessions": _sessions_on_view,
                                 "funnel": _funnel_on_view, "time_to_convert": _funnel_on_view,
                                 "funnel_over_time": _funnel_over_time_on_view, "lifecycle": _lifecycle_on_view,
                                 "frequency": _frequency_on_view, "retention": _retention_on_view,
                                 "experiment": _experiment_on_view, "after_dropping": _after_dropping_on_view,
                                 "pain_points": _pain_on_view, "conversion_drivers": _drivers_on_view}

_MASKS = {
    "active_users": _active,
    "lifecycle": _lifecycle,
    "frequency": _frequency,
    "funnel_over_time": _funnel_over_time,
    "time_to_convert": _time_to_convert,
    "after_dropping": _after_dropping,
    "event_counts": _did,
    "adoption": _did_in_range,
    "funnel": _funnel,
    "retention": _retention,
    "segments": _segments,
    "experiment": _experiment,
    "pain_points": _pain,
    "journey_map": _journey,
    "trends": _trend,
    "touchpoint_time": _did_in_range,
    "sessions": _sessions,
    "conversion_drivers": _drivers,
}


Rules = list[dict[str, object]]  # cohort conditions, every one to match


def _did_rules(params: Params, row: Mapping[str, Any], group: str, *, in_range: bool = False) -> Rules:
    rule: dict[str, object] = {"kind": "event_count", "event": str(row["event"]), "at_least": 1}
    if in_range:
        rule |= {key: value for key, value in date_range(params).items() if value}
    return [rule]


def _trend_rules(params: Params, row: Mapping[str, Any], group: str) -> Rules:
    """Did the series' event (any event: was active) on a day of the row's period within the range."""
    return _in_period_rules(series_params(params, "_b" if group == "b" else "")[0], params, row)


def _active_rules(params: Params, row: Mapping[str, Any], group: str) -> Rules:
    """Was active (any event) on a day of the row's period within the range (``active_users``)."""
    return _in_period_rules(None, params, row)


def _in_period_rules(event: str | None, params: Params, row: Mapping[str, Any]) -> Rules:
    start, end = _period_days(params, row)
    rule: dict[str, object] = {"kind": "event_count", "at_least": 1, "start": start, "end": end}
    if event is not None:
        rule["event"] = event
    return [rule]


def _period_days(params: Params, row: Mapping[str, Any]) -> tuple[str, str]:
    """The first and last day of the row's period within the date range (a month cut by the range: its part
    inside), as ISO dates."""
    period = params["period"]
    first = pd.Timestamp(row["period"]).normalize()
    last = first + (pd.DateOffset(months=1) if period == "month" else pd.Timedelta(days=7 if period == "week" else 1))
    start, end = max(first, _day_or(params.get("start"), first)), min(last - pd.Timedelta(days=1),
                                                                        _day_or(params.get("end"), last))
    return start.strftime("%Y-%m-%d"), end.strftime("%Y-%m-%d")  # a cohort condition's days (ISO)


def _day_or(value: object, default: pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(value).normalize() if value else default  # type: ignore[arg-type]


def _in_range_rules(params: Params, row: Mapping[str, Any], group: str) -> Rules:
    return _did_rules(params, row, group, in_range=True)


def _segment_rules(params: Params, row: Mapping[str, Any], group: str) -> Rules:
    """Did the row's event in the range, or (``segment``) no condition but the segment's own."""
    return [] if group == "segment" else _in_range_rules(params, row, group)


_VIEW_CONDITIONS: dict[str, Any] = {
    "active_users": _active_rules,
    "event_counts": _did_rules,
    "adoption": _in_range_rules,
    "touchpoint_time": _in_range_rules,
    "trends": _trend_rules,
    "segments": _segment_rules,
}


def listed_cohort(project: Project, people: People, name: str) -> Cohort:
    """A cohort of exactly these users (a "listed users" condition, described by where they came from);
    :class:`NotUsers` with a message for a missing or taken name, or nobody to save."""
    name = name.strip()
    if not name:
        raise NotUsers(QT_TRANSLATE_NOOP("People", "Give the cohort a name."))
    if name.casefold() in {c.name.casefold() for c in project.cohorts}:
        raise NotUsers(QT_TRANSLATE_NOOP("People", "There is already a cohort named “{name}”.").format(name=name))
    if not people.user_ids:
        raise NotUsers(QT_TRANSLATE_NOOP("People", "There is nobody to save: a cohort of no users would filter every "
                                                   "analysis to nothing."))
    return Cohort(name, description=people.label, conditions=[{"kind": "users", "user_ids": list(people.user_ids)}])


# --- what one of them did ---------------------------------------------------------------------------------
def user_timeline(inputs: AnalysisInputs, user_id: str, gap: str = DEFAULT_GAP) -> pd.DataFrame:
    """What ``user_id`` did, in time order: their events with a session number (a pause longer than ``gap``
    starts a new one, as the sessions analysis counts), their survey answers and their payments.

    Columns: ``time`` (datetime64, UTC), ``kind`` (event, survey or payment), ``what`` (the event's name, "Survey
    answer" or "Payment"), ``session`` (Int64, events only), ``score``, ``amount``, ``currency``, ``comment``
    (long, so last), then the event properties of the log. :class:`NotUsers` when the data holds nothing of the user.
    """
    parts = [_events_of(inputs, user_id, gap), _answers_of(inputs, user_id), _payments_of(inputs, user_id)]
    parts = [p for p in parts if len(p)]
    if not parts:
        raise NotUsers(QT_TRANSLATE_NOOP("People", "The data holds no events, answers or payments of user {user}.")
                       .format(user=user_id))
    timeline = pd.concat(parts, ignore_index=True)
    order = np.lexsort((timeline["kind"].map(TIMELINE_KINDS.index).to_numpy(), timeline["time"].to_numpy()))
    timeline = timeline.iloc[order].reset_index(drop=True)
    columns = ["time", "kind", "what", "session", "score", "amount", "currency", "comment"]
    for name in columns:
        if name not in timeline.columns:
            timeline[name] = pd.Series(dtype=object)
    timeline["session"] = timeline["session"].astype("Int64")
    return timeline[columns + [c for c in timeline.columns if c not in columns]]


def _events_of(inputs: AnalysisInputs, user_id: str, gap: str) -> pd.DataFrame:
    """The user's events with their session numbers, from the log in memory or (a warehouse) one query."""
    if inputs.events_elsewhere:
        from usagelens.analytics.definitions.people import user_events  # Ibis loads only for a warehouse

        events = inputs.events
        with events.fetching():  # type: ignore[attr-defined]
            found = user_events(events.view, user_id)  # type: ignore[attr-defined]
        times, names, properties = found["time"].to_numpy("datetime64[ns]").astype(np.int64), \
            found["event"].to_numpy(object), found.iloc[:, 2:]
    else:
        log = inputs.log
        code = np.flatnonzero(log.user_ids == user_id) if log is not None else []
        if not len(code):
            return pd.DataFrame()
        rows = slice(int(log.user_starts[code[0]]), int(log.user_starts[code[0] + 1]))  # type: ignore[union-attr]
        times = np.asarray(log.times[rows], dtype=np.int64)  # type: ignore[union-attr]
        names = np.asarray(log.event_names, dtype=object)[np.asarray(log.event_codes[rows], dtype=np.int64)]  # type: ignore[union-attr]
        properties = log.properties.iloc[rows]  # type: ignore[union-attr]
    if not len(times):
        return pd.DataFrame()
    new = np.ones(len(times), dtype=bool)
    new[1:] = np.diff(times) > parse_duration(gap)  # type: ignore[operator]
    events = pd.DataFrame({"time": times.astype("datetime64[ns]"), "kind": "event", "what": names,
                           "session": np.cumsum(new)})
    properties = properties.reset_index(drop=True)
    properties.columns = [f"{c} (event)" if c in events.columns or c in ("score", "comment", "amount", "currency")
                          else c for c in map(str, properties.columns)]
    return pd.concat([events, properties], axis=1)


def _answers_of(inputs: AnalysisInputs, user_id: str) -> pd.DataFrame:
    """The user's survey answers (feedback sources with a user column), cleaned as the analyses read them."""
    combined = project_data.analysed_table(inputs.project, SourceKind.FEEDBACK, inputs.provider)
    if combined is None or not combined[1].get("user_id"):
        return pd.DataFrame()
    table, roles = combined
    mine = table[(as_text(table[roles["user_id"]]) == user_id).fillna(False).to_numpy(bool)]
    if mine.empty:
        return pd.DataFrame()
    try:
        times = utc_nanoseconds(pd.to_datetime(mine[roles["timestamp"]], errors="coerce"), roles["timestamp"])
    except AnalysisError:
        return pd.DataFrame()
    comment = roles.get("comment")
    return pd.DataFrame({
        "time": times.astype("datetime64[ns]"), "kind": "survey", "what": "Survey answer",
        "score": pd.to_numeric(mine[roles["score"]], errors="coerce").to_numpy(float),
        "comment": mine[comment].to_numpy(object) if comment in mine.columns else None,
    }).dropna(subset=["time"])


def _payments_of(inputs: AnalysisInputs, user_id: str) -> pd.DataFrame:
    payments = inputs.payments
    if payments is None:
        return pd.DataFrame()
    mine = payments.users == user_id
    if not mine.any():
        return pd.DataFrame()
    return pd.DataFrame({
        "time": payments.times[mine].astype("datetime64[ns]"), "kind": "payment", "what": "Payment",
        "amount": payments.amounts[mine],
        "currency": payments.currencies[mine] if payments.currencies is not None else None,
    })
