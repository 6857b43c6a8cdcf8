"""The metric definitions of design §4 as Ibis expressions: the truth every executor is checked against.

Each metric is a small pure function ``definition(events: ibis.Table, params) -> ibis.Table`` over the
standard view of :mod:`.view` (``user_id`` text, ``ts`` UTC µs, ``event`` text, optional ``seq`` tie-break,
properties) that returns a small table, and a client-side ``shape_…`` in plain pandas that turns it into
exactly the columns and dtypes of the numpy kernel of the same name (zero-filled period grids, cumulative
sums, rates, period offsets from period start dates). The public functions here (``active_users(view,
...)`` …) take the same parameters as the numpy kernels in :mod:`usagelens.analytics`, with a standard view
in place of the :class:`~usagelens.analytics.EventLog`; ``tests/conformance/`` runs both on the same data.

Portability rules, so that one expression gives the same numbers on every engine: distinct counts are a
group-by followed by a count; periods are start dates and offsets are computed on the client; funnels use no
source row order (an ordinal per user and event by time for events that repeat in the steps), and only
what depends on the order of events at one instant (strict funnels, transitions, paths, the row whose property
labels a user in a breakdown) reads the explicit ``seq`` tie-break column.

Revenue metrics (:mod:`.revenue`) read the payments through a revenue view (``user_id``, ``ts``, ``amount``,
optionally ``currency``) beside the standard view of the events they divide by.

Executors: :mod:`.duckdb_backend` opens the embedded DuckDB session and registers an EventLog, a pandas or
Arrow table or a Parquet file as the view. A warehouse (issue 15) plugs in as a sibling module (say
``postgres_backend``) that opens an Ibis backend with its session in UTC and builds the view from the stored
table or SELECT with :func:`.view.standard_view`, naming a tie-break column if the source has one; its quirks
stay in that module, nothing in the metrics changes, and ``tests/conformance/executors.py`` gains one entry so
every fixture and property runs on it too.
"""

from usagelens.analytics.definitions.activity import (
    active_days_frequency,
    active_users,
    adoption_since_release,
    daily_series,
    event_counts,
    feature_adoption,
    lifecycle,
    stickiness,
)
from usagelens.analytics.definitions.cohorts import cohort_labels, cohort_members, in_cohort
from usagelens.analytics.definitions.drivers import conversion_drivers, drivers_members, funnel_drivers
from usagelens.analytics.definitions.experiments import experiment
from usagelens.analytics.definitions.funnel_views import funnel_over_time, next_after_dropping, time_to_convert
from usagelens.analytics.definitions.funnels import funnel, funnel_breakdown, funnel_reached
from usagelens.analytics.definitions.journeys import journey_members, journeys, top_journeys
from usagelens.analytics.definitions.kpi import conversion_by_entry_day, retention_by_first_day
from usagelens.analytics.definitions.pain import step_signals
from usagelens.analytics.definitions.paths import top_paths, transitions
from usagelens.analytics.definitions.people import (
    after_dropping_members,
    experiment_members,
    frequency_members,
    funnel_members,
    lifecycle_members,
    retention_members,
)
from usagelens.analytics.definitions.retention import retention_table
from usagelens.analytics.definitions.revenue import arpu, estimated_clv, revenue_view
from usagelens.analytics.definitions.segment_adoption import segment_adoption
from usagelens.analytics.definitions.segments import compare_segments
from usagelens.analytics.definitions.touchpoint_time import touchpoint_times
from usagelens.analytics.definitions.trends import event_trend
from usagelens.analytics.definitions.typical_journey import typical_journey
from usagelens.analytics.definitions.usage import (
    session_members,
    session_summary,
    session_users,
    sessions,
    usage_heatmap,
)
from usagelens.analytics.definitions.view import standard_view

__all__ = [
    "active_days_frequency",
    "active_users",
    "adoption_since_release",
    "after_dropping_members",
    "arpu",
    "cohort_labels",
    "cohort_members",
    "compare_segments",
    "conversion_by_entry_day",
    "conversion_drivers",
    "daily_series",
    "drivers_members",
    "estimated_clv",
    "event_counts",
    "event_trend",
    "experiment",
    "experiment_members",
    "feature_adoption",
    "frequency_members",
    "funnel",
    "funnel_breakdown",
    "funnel_drivers",
    "funnel_members",
    "funnel_over_time",
    "funnel_reached",
    "in_cohort",
    "journey_members",
    "journeys",
    "lifecycle",
    "lifecycle_members",
    "next_after_dropping",
    "retention_by_first_day",
    "retention_members",
    "retention_table",
    "revenue_view",
    "segment_adoption",
    "session_members",
    "session_summary",
    "session_users",
    "sessions",
    "standard_view",
    "step_signals",
    "stickiness",
    "time_to_convert",
    "top_journeys",
    "top_paths",
    "touchpoint_times",
    "transitions",
    "typical_journey",
    "usage_heatmap",
]
