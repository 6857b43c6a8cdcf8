"""The segments analysis (feature adoption per segment of an attribute) as one Ibis query for every segment.

:func:`.segments.compare_segments` runs a metric once per segment's part of the view, and each part derives
every user's segment again (a scan, a group-by and a join of every row): four such passes for three segments.
Here the users' labels are derived once and joined once, to each user's distinct events in the range and a
mark that they were active in it, and the users are counted per segment and event.
"""

from __future__ import annotations

from collections.abc import Sequence

import ibis
import ibis.expr.types as ir
import pandas as pd

from usagelens.analytics.attributes import sorted_labels
from usagelens.analytics.definitions.activity import AdoptionParams, adopting_pairs, shape_feature_adoption
from usagelens.analytics.definitions.segments import anchored_segments, check_breakdown
from usagelens.analytics.definitions.view import EVENT, facts, fetch, user_key_name, within_days
from usagelens.analytics.periods import DateLike
from usagelens.analytics.segments import CountedOn, stack_segment_tables

ACTIVE = ""  # the event under which a segment's active users are counted: no event of a view is blank


def segment_adoption_definition(events: ir.Table, params: AdoptionParams, segments: ir.Table) -> ir.Table:
    """``segment``, ``event``, ``users``: per segment of ``segments`` (the user key of :func:`.view.user_key`,
    ``segment``), the users who did each event in the range (of the asked events, when some are named), those
    active in the range under event :data:`ACTIVE`, and the others under a null event."""
    key = user_key_name(events)
    rows = within_days(events, params.days)
    active = rows.select(key).distinct()
    done = ibis.union(adopting_pairs(rows, params).select(key, EVENT), active.select(key, event=ibis.literal(ACTIVE)))
    joined = segments.left_join(done, segments[key] == done[key])
    labelled = joined.select(segments.segment, done[EVENT])
    return labelled.group_by(["segment", EVENT]).aggregate(users=labelled.count())


def shape_segment_adoption(result: pd.DataFrame, names: pd.DataFrame, params: AdoptionParams) -> pd.DataFrame:
    """Each segment's :func:`.activity.shape_feature_adoption` table under its label and size, the labels in
    the numpy path's order; ``names``: ``event``, ``rows`` for the events' order."""
    labels = sorted_labels(result["segment"])
    sizes, tables = [], []
    for label in labels:
        part = result[result["segment"] == label]
        done = part[part[EVENT].notna()].set_index(EVENT)["users"]
        active = int(done.get(ACTIVE, 0))
        per_event = names.assign(users=[int(done.get(name, 0)) for name in names[EVENT]], active_users=active)
        sizes.append(active + int(part.loc[part[EVENT].isna(), "users"].sum()))
        tables.append(shape_feature_adoption(per_event, params))
    return stack_segment_tables(labels, sizes, tables)


def segment_adoption(
    view: ir.Table,
    by: str,
    *,
    events: Sequence[str] | None = None,
    start: DateLike = None,
    end: DateLike = None,
    customers: ir.Table | None = None,
    counted: CountedOn = "first",
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.segment_adoption`: ``compare_segments`` of ``feature_adoption``, each
    segment over the whole view's days and events; the errors in the numpy path's order (the breakdown, then an
    event that does not occur, asked only when there is a segment). Named events need no order of every event
    (they are listed in the order asked), so the view's event names are fetched only when none are named."""
    check_breakdown(view, by, customers)
    known = facts(view, start, end, events or ())
    params = AdoptionParams(known.days, None if events is None else tuple(events))
    segments = anchored_segments(view, by, customers, last=counted == "last", keyed=True).view()
    result = fetch(segment_adoption_definition(view, params, segments))
    if len(result):
        known.require(events or ())
    if events is None:
        names = fetch(view.group_by(EVENT).aggregate(rows=view.count()))
    else:
        names = pd.DataFrame({EVENT: pd.Series(list(dict.fromkeys(events)), dtype=object), "rows": 0})
    return shape_segment_adoption(result, names, params)
