"""Pure metric functions over an encoded event log (design §4); no Qt, shared by the GUI and the CLI.

Build an :class:`EventLog` once per events source, then call any metric on it; every metric returns a
tidy DataFrame whose columns its docstring lists. Problems the user can fix raise :class:`AnalysisError`.
"""

from usagelens.analytics.adoption import adoption_since_release, feature_adoption, segment_adoption
from usagelens.analytics.anomalies import anomalies
from usagelens.analytics.attributes import Customers
from usagelens.analytics.cohorts import cohort_members, in_cohort
from usagelens.analytics.drivers import conversion_drivers, funnel_drivers
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.event_trends import event_trend
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.events import daily_series, event_counts
from usagelens.analytics.experiments import before_after, experiment, two_proportions, welch_t_test
from usagelens.analytics.funnel_views import funnel_over_time, next_after_dropping, time_to_convert
from usagelens.analytics.funnels import FunnelProgress, funnel, funnel_breakdown, funnel_progress, funnel_reached
from usagelens.analytics.heatmap import usage_heatmap
from usagelens.analytics.journeys import journeys, top_journeys
from usagelens.analytics.kpi_cohorts import conversion_by_entry_day, retention_by_first_day
from usagelens.analytics.lifecycle import active_days_frequency, lifecycle, stickiness
from usagelens.analytics.pain import step_signals
from usagelens.analytics.paths import top_paths, transitions
from usagelens.analytics.retention import retention_curve, retention_table
from usagelens.analytics.revenue import (
    Payments,
    arpu,
    estimated_clv,
    payments_by_currency,
    revenue_per_customer,
    revenue_totals,
    simple_clv,
)
from usagelens.analytics.segments import compare_segments
from usagelens.analytics.sessions import session_summary, session_users, sessions
from usagelens.analytics.surveys import csat, nps
from usagelens.analytics.touchpoint_time import touchpoint_times
from usagelens.analytics.trends import active_users
from usagelens.analytics.typical_journey import typical_journey

__all__ = [
    "AnalysisError",
    "Customers",
    "EventLog",
    "FunnelProgress",
    "Payments",
    "active_days_frequency",
    "active_users",
    "adoption_since_release",
    "anomalies",
    "arpu",
    "before_after",
    "cohort_members",
    "compare_segments",
    "conversion_by_entry_day",
    "conversion_drivers",
    "csat",
    "daily_series",
    "estimated_clv",
    "event_counts",
    "event_trend",
    "experiment",
    "feature_adoption",
    "funnel",
    "funnel_breakdown",
    "funnel_drivers",
    "funnel_over_time",
    "funnel_progress",
    "funnel_reached",
    "in_cohort",
    "journeys",
    "lifecycle",
    "next_after_dropping",
    "nps",
    "payments_by_currency",
    "retention_by_first_day",
    "retention_curve",
    "retention_table",
    "segment_adoption",
    "revenue_per_customer",
    "revenue_totals",
    "session_summary",
    "session_users",
    "sessions",
    "simple_clv",
    "step_signals",
    "stickiness",
    "time_to_convert",
    "top_journeys",
    "top_paths",
    "touchpoint_times",
    "transitions",
    "two_proportions",
    "typical_journey",
    "usage_heatmap",
    "welch_t_test",
]
