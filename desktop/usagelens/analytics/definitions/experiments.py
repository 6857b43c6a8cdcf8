"""Experiments (design §4) as an Ibis definition: who is in each variant and who converted, per variant; the
two-proportion tests are the numpy path's own pure function (:func:`usagelens.analytics.experiments.compare_variants`)
run on the client over that small table.

A user is in the experiment when active in the range; their variant is a customer attribute, else the event
property of their first row in the range (by time, then the tie-break column). They converted when they did
the goal event in the range. Users without a variant value are left out.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
import pandas as pd

from usagelens.analytics.attributes import MISSING_LABEL
from usagelens.analytics.definitions.segments import anchored_segments, check_breakdown, sorted_labels
from usagelens.analytics.definitions.view import EVENT, DayRange, facts, fetch, user_key_name, within_days
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.experiments import compare_variants, no_variant
from usagelens.analytics.periods import DateLike
from usagelens.model.translatable import QT_TRANSLATE_NOOP


def experiment_definition(
    events: ir.Table, variant: str, goal_event: str, days: DayRange, customers: ir.Table | None
) -> ir.Table:
    """``segment`` (the variant label, ``(missing)`` included), ``users`` and ``conversions``."""
    members, goal, joined, _ = _variants_and_goal(events, variant, goal_event, days, customers)
    people = joined.select(members.segment, converted=goal.converted.fill_null(False))
    return people.group_by("segment").aggregate(users=people.count(), conversions=people.count(where=people.converted))


def experiment_people(
    events: ir.Table, variant: str, goal_event: str, days: DayRange, customers: ir.Table | None
) -> ir.Table:
    """The user (:func:`.view.user_key`), ``segment`` (their variant) and ``converted``, for every user active in
    the range: whom :func:`experiment_definition` counts, and the people behind its rows."""
    members, goal, joined, key = _variants_and_goal(events, variant, goal_event, days, customers)
    return joined.select(members[key], members.segment, converted=goal.converted.fill_null(False))


def _variants_and_goal(
    events: ir.Table, variant: str, goal_event: str, days: DayRange, customers: ir.Table | None
) -> tuple[ir.Table, ir.Table, ir.Table, str]:
    """The variant of each user active in the range (``members``), those of them who did the goal there
    (``goal``), the two joined, and the name of the user's column."""
    rows = within_days(events, days)
    key = user_key_name(rows)  # the user number where the view has it: no text id of any row is read
    members = anchored_segments(rows, variant, customers, keyed=True).view()
    goal = rows.filter(rows[EVENT] == goal_event).select(key).distinct().mutate(converted=ibis.literal(True)).view()
    return members, goal, members.left_join(goal, members[key] == goal[key]), key


def shape_experiment(result: pd.DataFrame, control: str, confidence: float) -> pd.DataFrame:
    """The control's row first, then each variant in label order with its test against the control."""
    counts = result.set_index("segment")
    labels = [control, *(label for label in sorted_labels(counts.index) if label not in (control, MISSING_LABEL))]
    return compare_variants(
        {label: (int(counts.at[label, "users"]), int(counts.at[label, "conversions"])) for label in labels},
        control, confidence,
    )


def experiment(
    view: ir.Table,
    variant: str,
    goal_event: str,
    *,
    customers: ir.Table | None = None,
    control: str | None = None,
    start: DateLike = None,
    end: DateLike = None,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.experiment`, over a standard view and a customers view; the errors are
    checked in the numpy path's order (range, variant, number of variants, goal event, control)."""
    known = facts(view, start, end, [goal_event])
    check_breakdown(view, variant, customers)
    result = fetch(experiment_definition(view, variant, goal_event, known.days, customers))
    labels = [label for label in sorted_labels(result["segment"]) if label != MISSING_LABEL]
    if len(labels) < 2:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "{variant!r} needs at least two variants, found {found}").format(
            variant=variant, found=len(labels)))
    known.require([goal_event])
    control = labels[0] if control is None else control
    if control not in labels:
        raise no_variant(control, labels)
    return shape_experiment(result, control, confidence)
