"""The analysis gallery of step 4, Qt-free: ``ANALYSES`` maps a kind to its title, parameters and compute.

``run_analysis`` is the one entry point the GUI worker, pinned findings and the report use; it turns every
problem the user can fix (no data, an unknown event, too little data) into a result with a message, so a
caller never needs a try/except to show something sensible.
"""

from __future__ import annotations

import logging

from usagelens.analytics import AnalysisError
from usagelens.analytics.anomalies import DEFAULT_WINDOW, THRESHOLD
from usagelens.analytics.cohorts import listed_but_absent
from usagelens.io.warehouse.url import WarehouseError
from usagelens.model import Project, SavedAnalysis, SourceKind
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase, Sentence, joined, plural, said
from usagelens.workspace.analyses import aggregated as g
from usagelens.workspace.analyses import behaviour as b
from usagelens.workspace.analyses import cohorts
from usagelens.workspace.analyses import drivers as dr
from usagelens.workspace.analyses import feedback as fb
from usagelens.workspace.analyses import funnel_views as fv
from usagelens.workspace.analyses import journey_map as jm
from usagelens.workspace.analyses import outcomes as o
from usagelens.workspace.analyses import pain_points as pain
from usagelens.workspace.analyses import touchpoint_time as tt
from usagelens.workspace.analyses import trends as t
from usagelens.workspace.analyses.spec import (
    AnalysisInputs,
    AnalysisResult,
    AnalysisSpec,
    ChartData,
    DataFacts,
    DataProvider,
    Param,
    Params,
    Series,
    breakdown_param,
    cohort_choices,
    period_param,
    range_params,
    session_gap_param,
)
from usagelens.workspace.metrics import metric_measure

log = logging.getLogger(__name__)

__all__ = [
    "ANALYSES",
    "AnalysisInputs",
    "AnalysisResult",
    "AnalysisSpec",
    "ChartData",
    "DataFacts",
    "Param",
    "Series",
    "recompute",
    "rerun",
    "run_analysis",
]

ORDERS = (
    ("sequential", QT_TRANSLATE_NOOP("Analysis", "In this order (others may happen between)")),
    ("strict", QT_TRANSLATE_NOOP("Analysis", "Directly one after another")),
    ("any", QT_TRANSLATE_NOOP("Analysis", "In any order")),
)


def _event(
    facts: DataFacts,
    name: str = "event",
    label: str = QT_TRANSLATE_NOOP("Analysis", "Event"),
    rank: int = 0,
    *preferred: str,
    optional: bool = False,
    help: str,
) -> Param:
    default = "" if optional else facts.event(rank, *preferred)
    return Param(name, label, "event", default, tuple((e, e) for e in facts.events), optional=optional, help=help)


def _top(default: int = 15) -> Param:
    return Param("top", QT_TRANSLATE_NOOP("Analysis", "Show top"), "int", default, minimum=1, maximum=200,
                 help=QT_TRANSLATE_NOOP("Analysis", "How many rows to show, the largest first"))


def _series_event(facts: DataFacts) -> Param:
    """The daily number anomalies and impact look at: an event's count, (empty) daily active users, or a
    metric of an aggregated export (the default when there is no event log)."""
    metrics = tuple((metric_measure(m), QT_TRANSLATE_NOOP("Analysis", "{metric} per day (metrics export)").format(
        metric=m)) for m in facts.metrics)
    default = "" if facts.events or not metrics else metrics[0][0]
    return Param(
        "event",
        QT_TRANSLATE_NOOP("Analysis", "Measure"),
        "event",
        default,
        tuple((e, QT_TRANSLATE_NOOP("Analysis", "{event} per day").format(event=e)) for e in facts.events) + metrics,
        optional=True,
        help=QT_TRANSLATE_NOOP("Analysis",
                               "The daily number to watch: an event's count per day, or (none) for daily active users"),
        zero_text=QT_TRANSLATE_NOOP("Analysis", "Daily active users"),
    )


def _counted(facts: DataFacts) -> list[Param]:
    """Which of a user's events gives their value of an event property they are broken down by (it may change
    from one event to the next); offered only when the data has event properties to break down by."""
    if not facts.properties:
        return []
    choices = (("first", QT_TRANSLATE_NOOP("Analysis", "Their first event's value")),
               ("last", QT_TRANSLATE_NOOP("Analysis", "Their last event's value")))
    return [Param("counted", QT_TRANSLATE_NOOP("Analysis", "Counted under"), "choice", "first", choices,
                  depends_on="by",
                  enabled_for=facts.properties,
                  help=QT_TRANSLATE_NOOP("Analysis", "Applies to event properties: a user's value may change"))]


def _periods(facts: DataFacts) -> Param:
    """How many periods after the cohort's own to show: up to as many weeks as the data spans (its first
    cohort's week and every week after it)."""
    first, last = facts.first_day, facts.last_day
    span = (last - first).days // 7 + (last.weekday() < first.weekday()) if first and last else 52
    return Param("max_periods", QT_TRANSLATE_NOOP("Analysis", "Periods"), "int", min(8, max(span, 1)), minimum=1,
                 maximum=max(span, 1),
                 help=QT_TRANSLATE_NOOP("Analysis", "How many periods after the first one to follow each cohort"))


def _variant(facts: DataFacts, label: str, help: str) -> Param:
    """A required attribute picker (segments, experiment variants), defaulting to the first attribute."""
    return Param(
        "by",
        label,
        "attribute",
        facts.attributes[0] if facts.attributes else "",
        tuple((a, a) for a in facts.attributes) + cohort_choices(facts),
        help=help,
    )


SPECS = (
    AnalysisSpec(
        "active_users",
        QT_TRANSLATE_NOOP("Analysis", "Active users"),
        QT_TRANSLATE_NOOP("Analysis", "How many distinct users are active per day, week or month."),
        lambda f: [period_param("week"), *range_params(f), breakdown_param(f), *_counted(f)],
        b.compute_active_users,
    ),
    AnalysisSpec(
        "trends",
        QT_TRANSLATE_NOOP("Analysis", "Trends"),
        QT_TRANSLATE_NOOP("Analysis",
                          "Any event per day, week or month: events, users, per user, a property's sum or "
                          "average; a formula over two series, the previous period and a rolling mean."),
        lambda f: [*t.trend_params(f), *_counted(f)],
        t.compute_trends,
    ),
    AnalysisSpec(
        "stickiness",
        QT_TRANSLATE_NOOP("Analysis", "Stickiness"),
        QT_TRANSLATE_NOOP("Analysis", "Mean daily actives ÷ monthly actives: how habitual the product is."),
        lambda f: range_params(f),
        b.compute_stickiness,
    ),
    AnalysisSpec(
        "lifecycle",
        QT_TRANSLATE_NOOP("Analysis", "Lifecycle"),
        QT_TRANSLATE_NOOP("Analysis",
                          "Each period's active users: new, returning or resurrecting, and those who went dormant."),
        lambda f: [period_param("week"), *range_params(f)],
        b.compute_lifecycle,
    ),
    AnalysisSpec(
        "frequency",
        QT_TRANSLATE_NOOP("Analysis", "Days active"),
        QT_TRANSLATE_NOOP("Analysis", "How many days of each week (or month) users come back: the power-user curve."),
        lambda f: [period_param("week", with_day=False), *range_params(f)],
        b.compute_frequency,
    ),
    AnalysisSpec(
        "event_counts",
        QT_TRANSLATE_NOOP("Analysis", "Event counts"),
        QT_TRANSLATE_NOOP("Analysis", "How often each event happens and how many users do it."),
        lambda f: [_top(20)],
        b.compute_event_counts,
    ),
    AnalysisSpec(
        "adoption",
        QT_TRANSLATE_NOOP("Analysis", "Feature adoption"),
        QT_TRANSLATE_NOOP("Analysis", "Share of active users who used each feature at least once."),
        lambda f: [*range_params(f), _top(15)],
        b.compute_adoption,
    ),
    AnalysisSpec(
        "funnel",
        QT_TRANSLATE_NOOP("Analysis", "Funnel"),
        QT_TRANSLATE_NOOP("Analysis", "How many users get through each step, and where they drop off."),
        lambda f: [
            Param(
                "steps",
                QT_TRANSLATE_NOOP("Analysis", "Steps"),
                "events",
                list(f.journey) or [f.event(0), f.event(1), f.event(2)],
                tuple((e, e) for e in f.events),
                help=QT_TRANSLATE_NOOP("Analysis",
                                       "The events a user must do, in the order of the journey; at least two"),
            ),
            Param("window_days", QT_TRANSLATE_NOOP("Analysis", "Within"), "int", 14, maximum=365,
                  unit=QT_TRANSLATE_NOOP("Analysis", "days"), zero_text=QT_TRANSLATE_NOOP("Analysis", "no time limit"),
                  help=QT_TRANSLATE_NOOP("Analysis", "Every step must be reached this long after the first")),
            Param("order", QT_TRANSLATE_NOOP("Analysis", "Order"), "choice", "sequential", ORDERS,
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "Whether other events may happen between the steps, and whether the "
                                         "order matters")),
            _event(f, "exclude", QT_TRANSLATE_NOOP("Analysis", "Drop out if they do"), optional=True,
                   help=QT_TRANSLATE_NOOP("Analysis",
                                          "A user who does this event between two steps leaves the funnel there")),
            fv.exclude_step_param(f),
            *range_params(f),
            breakdown_param(f),
        ],
        b.compute_funnel,
    ),
    AnalysisSpec(
        "retention",
        QT_TRANSLATE_NOOP("Analysis", "Retention"),
        QT_TRANSLATE_NOOP("Analysis", "Of the users who started in a period, how many come back later."),
        lambda f: [
            period_param("week", with_day=False),
            Param(
                "mode",
                QT_TRANSLATE_NOOP("Analysis", "Counted"),
                "choice",
                "on",
                (("on", QT_TRANSLATE_NOOP("Analysis", "Active in exactly that period")),
                 ("on_or_after", QT_TRANSLATE_NOOP("Analysis", "Active then or later"))),
                help=QT_TRANSLATE_NOOP("Analysis",
                                       "Retained in period N: active in exactly that period, or in it or any "
                                       "later one"),
            ),
            _periods(f),
            _event(f, "start_event", QT_TRANSLATE_NOOP("Analysis", "Start event"), optional=True,
                   help=QT_TRANSLATE_NOOP("Analysis",
                                          "The event that puts a user in a cohort (its first time); (none): "
                                          "their first event")),
            _event(f, "return_event", QT_TRANSLATE_NOOP("Analysis", "Return event"), optional=True,
                   help=QT_TRANSLATE_NOOP("Analysis", "The event that counts as coming back; (none): any event")),
            *range_params(f),
        ],
        b.compute_retention,
    ),
    AnalysisSpec(
        "paths",
        QT_TRANSLATE_NOOP("Analysis", "Paths"),
        QT_TRANSLATE_NOOP("Analysis", "What users do next after an event, or what leads up to it."),
        lambda f: [
            _event(f, "event", QT_TRANSLATE_NOOP("Analysis", "Event"), 0, "create_project",
                   help=QT_TRANSLATE_NOOP("Analysis", "The event the paths start from, or lead to")),
            Param("direction", QT_TRANSLATE_NOOP("Analysis", "Show"), "choice", "after",
                  (("after", QT_TRANSLATE_NOOP("Analysis", "What users do after it")),
                   ("before", QT_TRANSLATE_NOOP("Analysis", "What leads up to it"))),
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "After: the events that follow it. Before: the events that came just "
                                         "before it (what led to contact_support, say)")),
            Param("depth", QT_TRANSLATE_NOOP("Analysis", "Steps"), "int", 1, minimum=1, maximum=5,
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "How many events each path follows (or goes back): 1 shows only the "
                                         "next (or previous)")),
            _top(10),
            *range_params(f),
        ],
        b.compute_paths,
    ),
    AnalysisSpec(
        "journey_map",
        QT_TRANSLATE_NOOP("Analysis", "Journey map"),
        QT_TRANSLATE_NOOP("Analysis",
                          "The most common journeys from a touchpoint (or leading to it) as flows between "
                          "steps, events grouped into touchpoints by your rules."),
        jm.params,
        jm.compute_journey_map,
    ),
    AnalysisSpec(
        "sessions",
        QT_TRANSLATE_NOOP("Analysis", "Sessions"),
        QT_TRANSLATE_NOOP("Analysis", "Visits: a user's events with short gaps between them."),
        lambda f: [
            period_param("week"),
            Param(
                "measure",
                QT_TRANSLATE_NOOP("Analysis", "Show"),
                "choice",
                "sessions_per_user",
                (
                    ("sessions", QT_TRANSLATE_NOOP("Analysis", "Sessions")),
                    ("sessions_per_user", QT_TRANSLATE_NOOP("Analysis", "Sessions per user")),
                    ("median_duration", QT_TRANSLATE_NOOP("Analysis", "Median length")),
                ),
                help=QT_TRANSLATE_NOOP("Analysis", "Which number to chart per period"),
            ),
            session_gap_param(),
            *range_params(f),
        ],
        b.compute_sessions,
    ),
    AnalysisSpec(
        "touchpoint_time",
        QT_TRANSLATE_NOOP("Analysis", "Time at each touchpoint"),
        QT_TRANSLATE_NOOP("Analysis",
                          "How long users stay on each event before their next one in the same session: the "
                          "median and its spread."),
        tt.params,
        tt.compute_touchpoint_time,
    ),
    AnalysisSpec(
        "heatmap",
        QT_TRANSLATE_NOOP("Analysis", "Usage heat map"),
        QT_TRANSLATE_NOOP("Analysis", "When in the week people use the product (weekday × hour, UTC)."),
        lambda f: [
            Param("measure", QT_TRANSLATE_NOOP("Analysis", "Count"), "choice", "events",
                  (("events", QT_TRANSLATE_NOOP("Analysis", "Events")),
                   ("users", QT_TRANSLATE_NOOP("Analysis", "Active users"))),
                  help=QT_TRANSLATE_NOOP("Analysis", "Count every event, or each user once per weekday and hour")),
            *range_params(f),
        ],
        b.compute_heatmap,
    ),
    AnalysisSpec(
        "segments",
        QT_TRANSLATE_NOOP("Analysis", "Segments"),
        QT_TRANSLATE_NOOP("Analysis", "Compare the adoption of a feature between groups of users."),
        lambda f: [
            _event(f, "event", QT_TRANSLATE_NOOP("Analysis", "Feature"), 3, "invite_teammate",
                   help=QT_TRANSLATE_NOOP("Analysis", "The event whose adoption is compared between the groups")),
            _variant(f, QT_TRANSLATE_NOOP("Analysis", "Compare by"),
                     QT_TRANSLATE_NOOP("Analysis", "The customer attribute or event property that forms the groups")),
            *_counted(f),
            *range_params(f),
        ],
        o.compute_segments,
    ),
    AnalysisSpec(
        "survey",
        QT_TRANSLATE_NOOP("Analysis", "NPS / CSAT"),
        QT_TRANSLATE_NOOP("Analysis",
                          "Survey score per week or month with its uncertainty and its promoters, passives and "
                          "detractors, overall or per segment."),
        lambda f: [
            period_param("month", with_day=False),
            Param("by", QT_TRANSLATE_NOOP("Analysis", "Split by"), "attribute", "",
                  tuple((a, a) for a in f.survey_segments), optional=True,
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "A column of the survey (e.g. plan) or the answering user's customer "
                                         "attribute")),
            Param("show", QT_TRANSLATE_NOOP("Analysis", "Show"), "choice", "score", o.SURVEY_SHOWS,
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "The score itself, or the shares of answers in each band (CSAT: "
                                         "satisfied, neutral, dissatisfied): what moved when the score moved")),
        ],
        o.compute_survey,
        SourceKind.FEEDBACK,
    ),
    AnalysisSpec(
        "themes",
        QT_TRANSLATE_NOOP("Analysis", "Feedback themes"),
        QT_TRANSLATE_NOOP("Analysis",
                          "What customers' comments are about, per week or month or per score band, by the "
                          "keyword themes of step 5."),
        lambda f: [
            Param("split", QT_TRANSLATE_NOOP("Analysis", "Split"), "choice", "time", fb.SPLITS,
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "Each theme's share of the comments per period, or of promoters', "
                                         "passives' and detractors' comments (CSAT: satisfied, neutral, "
                                         "dissatisfied)")),
            Param("period", QT_TRANSLATE_NOOP("Analysis", "Period"), "choice", "month",
                  (("week", QT_TRANSLATE_NOOP("Analysis", "Week")), ("month", QT_TRANSLATE_NOOP("Analysis", "Month"))),
                  depends_on="split",
                  enabled_for=("time",),
                  help=QT_TRANSLATE_NOOP("Analysis", "Count per ISO week (Monday to Sunday) or calendar month")),
        ],
        fb.compute_themes,
        SourceKind.FEEDBACK,
    ),
    AnalysisSpec(
        "revenue",
        QT_TRANSLATE_NOOP("Analysis", "Revenue & CLV"),
        QT_TRANSLATE_NOOP("Analysis", "Revenue per active and per paying user, and a simple lifetime value."),
        lambda f: [
            period_param("month", with_day=False),
            Param("gross_margin", QT_TRANSLATE_NOOP("Analysis", "Gross margin"), "float", 0.8, minimum=0.01, maximum=1,
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "Share of revenue left after direct costs (0.8 = 80 %); lifetime value "
                                         "uses it")),
            *range_params(f),
            breakdown_param(f),
            *_counted(f),
        ],
        o.compute_revenue,
        SourceKind.REVENUE,
    ),
    AnalysisSpec(
        "metric_trend",
        QT_TRANSLATE_NOOP("Analysis", "Metric over time"),
        QT_TRANSLATE_NOOP("Analysis", "An aggregated export's numbers (a GA4 exploration) per day, week or month."),
        lambda f: [
            Param("metric", QT_TRANSLATE_NOOP("Analysis", "Metric"), "choice", f.metrics[0] if f.metrics else "",
                  tuple((m, m) for m in f.metrics),
                  help=QT_TRANSLATE_NOOP("Analysis", "The number column of the metrics export to chart")),
            period_param("week"),
            Param("by", QT_TRANSLATE_NOOP("Analysis", "Break down by"), "choice", "",
                  (("", "(none)"), *((d, d) for d in f.metric_dimensions)),
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "Split the metric by one of the export's other columns, e.g. country "
                                         "or device")),
            *range_params(f),
        ],
        g.compute_metric_trend,
        SourceKind.METRICS,
    ),
    AnalysisSpec(
        "anomalies",
        QT_TRANSLATE_NOOP("Analysis", "Anomalies"),
        QT_TRANSLATE_NOOP("Analysis",
                          "Days that are unusual for their weekday. On pure noise the defaults flag about one "
                          "day a year by chance (0.5–0.8 per half year), while a day 40 % down is caught once "
                          "the series has a few hundred a day."),
        lambda f: [
            _series_event(f),
            Param("window", QT_TRANSLATE_NOOP("Analysis", "Compare with (weeks)"), "int", DEFAULT_WINDOW, minimum=3,
                  maximum=52,
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "How many weeks of the same weekday make the expected value; fewer "
                                         "follow change faster but cry wolf more often")),
            Param("threshold", QT_TRANSLATE_NOOP("Analysis", "Sensitivity (robust z)"), "float", THRESHOLD, minimum=1,
                  maximum=10,
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "Flag days this many robust standard deviations from expected; at "
                                         "{threshold:g} about one false alarm a year on pure noise, at 3 about twice "
                                         "as many").format(threshold=THRESHOLD)),
        ],
        o.compute_anomalies,
    ),
    AnalysisSpec(
        "experiment",
        QT_TRANSLATE_NOOP("Analysis", "Experiment"),
        QT_TRANSLATE_NOOP("Analysis", "Conversion per variant of an A/B test, with a significance test."),
        lambda f: [
            _variant(f, QT_TRANSLATE_NOOP("Analysis", "Variant attribute"),
                     QT_TRANSLATE_NOOP("Analysis", "The attribute that says which variant each user saw")),
            _event(f, "goal", QT_TRANSLATE_NOOP("Analysis", "Goal event"), 0, "upgrade_plan",
                   help=QT_TRANSLATE_NOOP("Analysis",
                                          "A user converts when they do this event at least once in the date range")),
            Param("control", QT_TRANSLATE_NOOP("Analysis", "Control variant"), "value_of", "", optional=True,
                  depends_on="by",
                  choices_by=f.attribute_values,
                  help=QT_TRANSLATE_NOOP("Analysis", "The group the others are compared with")),
            *range_params(f),
        ],
        o.compute_experiment,
    ),
    AnalysisSpec(
        "experiment_plan",
        QT_TRANSLATE_NOOP("Analysis", "Plan an experiment"),
        QT_TRANSLATE_NOOP("Analysis",
                          "How many users, and weeks of new users, an A/B test needs to detect a change in a "
                          "conversion."),
        lambda f: [
            _event(f, "goal", QT_TRANSLATE_NOOP("Analysis", "Goal event"), 0, "upgrade_plan",
                   help=QT_TRANSLATE_NOOP("Analysis",
                                          "The conversion the test should move; its rate among active users is "
                                          "the baseline")),
            Param("effect", QT_TRANSLATE_NOOP("Analysis", "Smallest change worth finding"), "float", 10, minimum=1,
                  maximum=500, unit=QT_TRANSLATE_NOOP("Analysis", "%"),
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "Relative to the baseline: 10 % means 12 % conversion becoming 13.2 %")),
            Param("variants", QT_TRANSLATE_NOOP("Analysis", "Variants"), "int", 2, minimum=2, maximum=10,
                  help=QT_TRANSLATE_NOOP("Analysis", "How many groups, control included; each needs as many users")),
            Param("power", QT_TRANSLATE_NOOP("Analysis", "Power"), "int", 80, minimum=50, maximum=99,
                  unit=QT_TRANSLATE_NOOP("Analysis", "%"),
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "How often the test finds a real change of that size (80 % is usual)")),
            Param("alpha", QT_TRANSLATE_NOOP("Analysis", "Significance level"), "float", 5, minimum=0.1, maximum=20,
                  unit=QT_TRANSLATE_NOOP("Analysis", "%"),
                  help=QT_TRANSLATE_NOOP("Analysis", "How often it calls a change where there is none (5 % is usual)")),
            *range_params(f),
        ],
        o.compute_experiment_plan,
    ),
    AnalysisSpec(
        "before_after",
        QT_TRANSLATE_NOOP("Analysis", "Before / after"),
        QT_TRANSLATE_NOOP("Analysis", "Did a change date move a daily number?"),
        lambda f: [
            Param("change", QT_TRANSLATE_NOOP("Analysis", "Change date"), "date",
                  o.first_release(f.releases, f.first_day, f.last_day),
                  help=QT_TRANSLATE_NOOP("Analysis", "The day the change went live; it starts the 'after' window")),
            _series_event(f),
            Param("days", QT_TRANSLATE_NOOP("Analysis", "Each side"), "int", 28, maximum=365,
                  unit=QT_TRANSLATE_NOOP("Analysis", "days"),
                  zero_text=QT_TRANSLATE_NOOP("Analysis", "as many as both sides have"),
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "How many days before the change are compared with as many days from it on")),
        ],
        o.compute_before_after,
    ),
    AnalysisSpec(
        "pain_points",
        QT_TRANSLATE_NOOP("Analysis", "Pain points"),
        QT_TRANSLATE_NOOP("Analysis",
                          "Where the journey hurts: errors, support contacts, repeats, drop-off and detractors "
                          "per step and segment, ranked together, with what those users said."),
        lambda f: [*pain.params(f), *_counted(f), *range_params(f)],
        pain.compute_pain_points,
    ),
)
SPECS = fv.after_funnel(SPECS)  # conversion over time, time to convert, after dropping out
SPECS = dr.after_funnel_views(SPECS)  # conversion drivers
ANALYSES: dict[str, AnalysisSpec] = {spec.kind: spec for spec in SPECS}


def run_analysis(kind: str, inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """Compute one analysis; user-fixable problems come back as an empty result with a message."""
    spec = ANALYSES[kind]
    try:
        if params.get("cohort"):
            inputs = cohorts.in_cohort(inputs, str(params["cohort"]))
            empty = _empty_cohort(kind, inputs, params)
            if empty is not None:
                return empty
        result = cohorts.compute_split(spec.compute, inputs, params)
        result.params = params
    except (AnalysisError, LookupError, WarehouseError) as exc:  # a warehouse's: unreachable, refused
        text = str(exc)
        if isinstance(exc, KeyError):
            text = QT_TRANSLATE_NOOP("Analysis", "Missing parameter {name}.").format(name=text)
        message = text if isinstance(text, Phrase) else Sentence(said(exc))
        return AnalysisResult(kind, params, empty=True, message=message,
                              cohort=inputs.cohort.name if inputs.cohort is not None else "")
    if inputs.log is not None:
        result.n_users, result.n_events = inputs.log.n_users, inputs.log.n_events
    if result.empty and not result.message:
        result.message = QT_TRANSLATE_NOOP("Analysis", "There is no data for these settings (no events in the date "
                                                       "range?).")
    if inputs.cohort is not None:
        result.cohort = inputs.cohort.name
        for chart in result.charts:  # on screen, in exports and in the report alike
            chart.title = QT_TRANSLATE_NOOP("Analysis", "{title} · cohort “{cohort}”").format(title=chart.title,
                                                                                             cohort=result.cohort)
        result.message = joined(filter(None, [result.message, _absent_note(inputs)]), " ")
    return result


def _empty_cohort(kind: str, inputs: AnalysisInputs, params: Params) -> AnalysisResult | None:
    """The result of an analysis filtered to a cohort without users in the data (None when it has some)."""
    log, cohort = inputs.log, inputs.cohort
    if cohort is None or log is None or log.n_users:
        return None
    message = QT_TRANSLATE_NOOP("Analysis", "No users in cohort “{cohort}”: nobody in the data matches its "
                                            "conditions.").format(cohort=cohort.name)
    return AnalysisResult(kind, params, empty=True, message=joined(filter(None, [message, _absent_note(inputs)]), " "),
                          cohort=cohort.name)


def _absent_note(inputs: AnalysisInputs) -> str:
    """A note when a cohort lists users who are not in the data (deleted since, or from another export)."""
    everyone = getattr(inputs, "everyone", None)
    if inputs.cohort is None or everyone is None or everyone.log is None:
        return ""
    absent = listed_but_absent(everyone.log, inputs.cohort.conditions)
    if not absent:
        return ""
    return plural(absent, QT_TRANSLATE_NOOP("Analysis", "{count:,} listed user of cohort “{cohort}” is no longer in "
                                                        "the data."),
                  QT_TRANSLATE_NOOP("Analysis", "{count:,} listed users of cohort “{cohort}” are no longer in the "
                                                "data.")).format(cohort=inputs.cohort.name)


def recompute(project: Project, saved: SavedAnalysis, provider: DataProvider | None = None) -> AnalysisResult:
    """A saved analysis (or a pinned finding's) on the project's current data; missing parameters default."""
    return rerun(AnalysisInputs(project, provider), saved)


def rerun(inputs: AnalysisInputs, saved: SavedAnalysis) -> AnalysisResult:
    """:func:`recompute` on inputs already loaded, so several saved analyses share one load of the data."""
    params = {**ANALYSES[saved.kind].defaults(inputs.facts), **saved.params}
    return run_analysis(saved.kind, inputs, params)
