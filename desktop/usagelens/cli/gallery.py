"""The step-4 gallery's analyses as ``usagelens analyze`` commands, computed by the gallery itself (design §5).

The files named on the command line are imported the way the app imports them (:func:`build_source`) into a
project held in memory, and :func:`rerun` computes the analysis exactly as a saved analysis in the report is
computed: the gallery's defaults for what the command line leaves out, then ``run_analysis``. The CSV is the
table the app shows, so automation and the GUI share one implementation.

The gallery analyses that had commands before (``active-users``, ``funnel``…) keep theirs, which also run on
DuckDB for exports too big for memory; :data:`GALLERY_COMMANDS` names the command of every gallery analysis.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from usagelens.analytics.anomalies import DEFAULT_WINDOW, THRESHOLD
from usagelens.analytics.funnels import ORDERS
from usagelens.analytics.periods import PERIODS
from usagelens.analytics.touchpoint_time import BUCKETS as TOUCHPOINT_BUCKETS
from usagelens.io.size_estimate import estimated_rows
from usagelens.model import Project, SavedAnalysis, Source, SourceKind
from usagelens.model.entities import ImportOptions
from usagelens.workspace.analyses import AnalysisInputs, AnalysisResult, rerun
from usagelens.workspace.engine import DUCKDB_FROM_ROWS, Columns, Engine, OpenedEvents, open_events
from usagelens.workspace.metrics import measured_metric, metric_measure
from usagelens.workspace.warehouse import ON_VIEWS, gallery_table

PROG = "usagelens analyze"


class InputError(Exception):
    """A file or column the command needs is missing; the caller reports it as one line and exit code 2."""


def bounded(convert: Callable[[str], float], low: float, high: float) -> Callable[[str], Any]:
    """An argparse type: a number read by ``convert`` within the gallery panel's own bounds."""

    def read(text: str) -> Any:
        try:
            value = convert(text)
        except ValueError:
            kind = "whole number" if convert is int else "number"
            raise argparse.ArgumentTypeError(f"not a {kind}: {text[:40]!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low:g} and {high:g}, not {value:g}")
        return value

    return read


@dataclass(frozen=True)
class Option:
    """A command-line option that sets one parameter of the gallery analysis (``convert`` maps its value)."""

    flag: str
    param: str
    help: str
    metavar: str | None = None
    type: Callable[[str], Any] | None = None
    choices: tuple[str, ...] | None = None
    required: bool = False
    needs: str | None = None  # the flag this option only means something with
    convert: Callable[[Any], Any] | None = None
    const: str | None = None  # a flag without a value that sets the parameter to this
    sets: tuple[tuple[str, Any], ...] = ()  # other parameters the option sets when given (--to: direction)
    repeat: bool = False  # may be given several times; ``convert`` gets the list

    @property
    def dest(self) -> str:
        return "gallery_" + self.flag.lstrip("-").replace("-", "_")


@dataclass(frozen=True)
class Command:
    """A gallery analysis as a command: what DATA is, what else it reads, its options and output columns."""

    name: str
    kind: str  # the gallery analysis (``workspace.analyses.ANALYSES``) it runs
    text: str
    columns: str
    options: tuple[Option, ...] = ()
    data: SourceKind = SourceKind.EVENTS
    extra: tuple[SourceKind, ...] = ()  # other inputs, each from its own file option
    dated: bool = False  # takes --start and --end


# the funnel's views (issue 16.5): the funnel's own options, as its gallery panel has them
FUNNEL_OPTIONS = (
    Option("--steps", "steps", "comma-separated events, e.g. signup,create,invite", "A,B,C", required=True,
           convert=lambda text: [item.strip() for item in text.split(",") if item.strip()]),
    Option("--window-days", "window_days", "every step within this many days of the first (default: 14; 0: no "
           "limit)", "N", bounded(int, 0, 365)),
    Option("--order", "order", "sequential (default), strict or any", choices=ORDERS),
    Option("--exclude", "exclude", "users who do this event between two steps drop out", "EVENT"),
    Option("--exclude-between", "exclude_step", "with --exclude: only between step N and step N+1", "N",
           bounded(int, 1, 19), needs="--exclude"),
)
PERIOD = Option("--period", "period", "calendar period", choices=PERIODS)
MONTH_OR_WEEK = Option("--period", "period", "calendar period (default: month)", choices=("week", "month"))
COUNTED = Option("--counted", "counted", "for an event property: the value of each user's first (default) or last "
                 "event", choices=("first", "last"))
COUNT = Option("--count", "event", "the daily count of this event (default: daily active users)", "EVENT")
METRIC_MEASURE = Option("--metric", "event", "a column of a metrics export, summed per day: DATA is then a metrics "
                        "export (only --time needed)", "COLUMN", convert=metric_measure)

MEASURES = ("events", "users", "per-user", "sum", "average")


def _series_options(name: str, default: str) -> tuple[Option, ...]:
    """The event, measure and property options of a trend's series ``name`` (a or b)."""
    return (
        Option(f"--event-{name}", f"event{'' if name == 'a' else '_b'}", f"series {name.upper()}'s event (default: "
               "every event)", "EVENT"),
        Option(f"--measure-{name}", f"measure{'' if name == 'a' else '_b'}", f"series {name.upper()}'s measure "
               f"(default: {default})", choices=MEASURES, convert=lambda text: text.replace("-", "_")),
        Option(f"--property-{name}", f"property{'' if name == 'a' else '_b'}", f"the numeric event property "
               f"--measure-{name} sum or average reads", "PROPERTY"),
    )


COMMANDS = (
    Command("trends", "trends", "any event per period: events, users, events per user, a property's sum or average; "
            "a formula over two series, the previous period, a rolling mean",
            "period,a_users,a,b,value,smoothed,previous_period,previous,change (a,b: with --formula; a_users, "
            "b_users: before a series that counts events or values, the users who did its event, users before value "
            "without --formula; smoothed: with --smooth; previous_period,previous,change: with --compare-previous; "
            "segment,segment_users first: with --by)",
            (*_series_options("a", "events"),
             Option("--formula", "formula", "combine series A with series B: divide (A ÷ B) or subtract (A − B)",
                    choices=("divide", "subtract")),
             *_series_options("b", "users"),
             dataclasses.replace(PERIOD, help="calendar period (default: week)"),
             Option("--compare-previous", "compare_previous", "add the same series one range back, and the change",
                    const="yes"),
             Option("--smooth", "smoothing", "a rolling mean: 7 days, 4 weeks or 3 months", const="rolling"),
             Option("--by", "by", "customer attribute or event property to break the trend down by", "ATTRIBUTE"),
             COUNTED), extra=(SourceKind.CUSTOMERS,), dated=True),
    Command("stickiness", "stickiness", "mean daily active users ÷ monthly active users, per month",
            "month,mean_dau,mau,stickiness", dated=True),
    Command("lifecycle", "lifecycle", "each period's active users: new, returning, resurrecting; and who went dormant",
            "period,new,returning,resurrecting,dormant,active_users (dormant as a negative count)",
            (dataclasses.replace(PERIOD, help="calendar period (default: week)"),), dated=True),
    Command("frequency", "frequency", "how many days of each week or month users are active (power-user curve)",
            "period,active_days,users,share,users_at_least,share_at_least",
            (dataclasses.replace(MONTH_OR_WEEK, help="calendar period (default: week)"),), dated=True),
    Command("sessions", "sessions", "visits: a user's events with short gaps between them, per period",
            "period,sessions,users,sessions_per_user,median_duration,mean_duration,median_events "
            "(durations in seconds)",
            (dataclasses.replace(PERIOD, help="calendar period (default: week)"),
             Option("--gap-minutes", "gap_minutes", "a gap longer than this starts a new session (default: 30)",
                    "N", bounded(int, 1, 1440))), dated=True),
    Command("touchpoint-time", "touchpoint_time", "per event, how long users stay on it: the time to their next "
            "event in the same session (events at one instant: 0 s), the last event of a session counted apart",
            "event,occurrences,users,session_ends,session_end_share,p25,median,p75,p90,mean,"
            f"{','.join(name for name, _, _ in TOUCHPOINT_BUCKETS)} (durations in seconds; longest median first)",
            (Option("--timeout", "gap_minutes", "a pause longer than this ends a session (default: 30)", "MIN",
                    bounded(int, 1, 1440)),
             Option("--events", "events", "comma-separated events to show (default: every event)", "A,B"),
             Option("--top", "top", "how many events, the most frequent (default: 15)", "N", bounded(int, 1, 200))),
            dated=True),
    Command("heatmap", "heatmap", "when in the week people use the product: weekday × hour (UTC)",
            "weekday,weekday_name,hour,value (weekday 0 = Monday; 168 rows)",
            (Option("--measure", "measure", "count events (default) or active users", choices=("events", "users")),),
            dated=True),
    Command("segments", "segments", "adoption of a feature compared between groups of users",
            "segment,segment_users,event,users,active_users,adoption_rate",
            (Option("--feature", "event", "the event whose adoption is compared", "EVENT", required=True),
             Option("--by", "by", "customer attribute or event property to compare by", "ATTRIBUTE", required=True),
             COUNTED), extra=(SourceKind.CUSTOMERS,), dated=True),
    Command("survey", "survey", "NPS (0-10) or CSAT (1-5) per week or month with a 95% interval and the shares "
            "of its bands; DATA is the survey",
            "period,[segment,]metric,value,ci_low,ci_high,responses,promoters,passives,detractors (CSAT: satisfied,"
            "neutral,dissatisfied; one row per period (and segment) with answers)",
            (MONTH_OR_WEEK, Option("--by", "by", "a column of the survey to split the answers by", "COLUMN")),
            data=SourceKind.FEEDBACK),
    Command("themes", "themes", "each feedback theme's share of the comments per week or month, or per score band "
            "(themes: the starter keyword rules); DATA is the survey, --comment its comments",
            "period,theme,comments,share,period_comments (--split score: band,theme,comments,share,band_comments)",
            (Option("--split", "split", "time (default) or score", choices=("time", "score")), MONTH_OR_WEEK),
            data=SourceKind.FEEDBACK),
    Command("revenue", "revenue", "revenue, ARPU and ARPPU per period (each currency on its own rows)",
            "[currency,][segment,segment_users,]period,revenue,active_users,paying_users,arpu,arppu (currency: when "
            "--currency is given; segment: with --by)",
            (MONTH_OR_WEEK, Option("--gross-margin", "gross_margin", "for the simple CLV on stderr (default: 0.8)",
                                   "FRACTION", bounded(float, 0.01, 1)),
             Option("--by", "by", "an event property (or, with --customers, a customer attribute) to split users by",
                    "ATTRIBUTE"), COUNTED),
            extra=(SourceKind.REVENUE, SourceKind.CUSTOMERS), dated=True),
    Command("metric-trend", "metric_trend", "a metric of an aggregated export (a GA4 exploration) per period; "
            "DATA is that export", "period,METRIC (or one column per value of --by)",
            (Option("--metric", "metric", "the numeric column to sum", "COLUMN", required=True),
             dataclasses.replace(PERIOD, help="calendar period (default: week)"),
             Option("--by", "by", "a column to break the metric down by", "COLUMN")),
            data=SourceKind.METRICS, dated=True),
    Command("anomalies", "anomalies", "days that are unusual for their weekday (robust z-score)",
            "period,value,baseline,robust_z,is_anomaly",
            (COUNT, METRIC_MEASURE,
             Option("--weeks", "window", "compare each day with the same weekday of this many weeks "
                    f"(default: {DEFAULT_WINDOW})", "N", bounded(int, 3, 52)),
             Option("--threshold", "threshold", f"robust z beyond which a day is unusual (default: {THRESHOLD})",
                    "Z", bounded(float, 1, 10)))),
    Command("experiment", "experiment", "conversion to a goal per variant of an A/B test, with a z-test",
            "variant,users,conversions,conversion_rate,difference,ci_low,ci_high,lift,lift_ci_low,lift_ci_high,z,"
            "p_value,p_value_holm (control first)",
            (Option("--by", "by", "customer attribute or event property holding each user's variant", "ATTRIBUTE",
                    required=True),
             Option("--goal", "goal", "the conversion event", "EVENT", required=True),
             Option("--control", "control", "the variant the others are compared with (default: the first)",
                    "VALUE")),
            extra=(SourceKind.CUSTOMERS,), dated=True),
    Command("experiment-plan", "experiment_plan", "users (and weeks of new users) an A/B test needs to detect a "
            "change in a conversion",
            "relative_effect,baseline_rate,target_rate,users_per_variant,users_needed,weeks_of_new_users",
            (Option("--goal", "goal", "the conversion event", "EVENT", required=True),
             Option("--effect", "effect", "the smallest relative change worth finding, in percent (default: 10)", "PCT",
                    type=float),
             Option("--variants", "variants", "groups, control included (default: 2)", "N", type=int),
             Option("--power", "power", "chance of finding a real change of that size, in percent (default: 80)", "PCT",
                    type=int),
             Option("--alpha", "alpha", "significance level, in percent (default: 5)", "PCT", type=float)),
            dated=True),
    Command("before-after", "before_after", "did a change date move a daily number? (same-length windows, t-test)",
            "window_days,before_start,before_end,after_start,after_end,before_mean,after_mean,difference,"
            "relative_change,ci_low,ci_high,p_value",
            (Option("--change", "change", "the change date (default: the middle of the data)", "YYYY-MM-DD"),
             COUNT, METRIC_MEASURE,
             Option("--days", "days", "days on each side (default: 28; 0: as many as both sides have)", "N",
                    bounded(int, 0, 365)))),
    Command("funnel-over-time", "funnel_over_time", "per week (day, month) of entering a funnel: the users who "
            "entered and the share who reached its last step", "period,entered,converted,conversion_rate",
            (*FUNNEL_OPTIONS, dataclasses.replace(PERIOD, help="calendar period of entering (default: week)")),
            dated=True),
    Command("time-to-convert", "time_to_convert", "per funnel step, how long users took from the first step: "
            "percentiles and users per duration bucket",
            "step,event,users,p25,p50,p75,p90,under_1_min,min_1_to_10,min_10_to_60,hour_1_to_24,day_1_to_7,"
            "day_7_or_more (p25-p90 in seconds)", FUNNEL_OPTIONS, dated=True),
    Command("after-dropping", "after_dropping", "what users who reached a funnel step but not the next did next "
            "(shares of those users; events at that same moment each count)", "next_event,users,share",
            (*FUNNEL_OPTIONS,
             Option("--dropped-at", "dropped_at", "the step they reached but did not go on from (default: 1)", "N",
                    bounded(int, 1, 19)),
             Option("--top", "top", "how many next events (default: 10)", "N", bounded(int, 1, 50))), dated=True),
    Command("drivers", "conversion_drivers", "events and attribute values more or less common among users who reached "
            "a funnel's last step than among those who dropped out: odds ratio, Fisher or chi-squared p-value, "
            "Benjamini-Hochberg q-value (association, not cause)",
            "kind,feature,converted_with,dropped_with,converted_share,dropped_share,odds_ratio,p_value,q_value,"
            "significant,test (most significant first; significant: q_value <= 0.05)",
            (*FUNNEL_OPTIONS,
             Option("--attributes", "attributes", "comma-separated customer attributes and event properties whose "
                    "values to test (default: each with 2 to 30 values; '' for none)", "A,B"),
             Option("--top", "top", "how many features (default: 20)", "N", bounded(int, 1, 200))),
            extra=(SourceKind.CUSTOMERS,), dated=True),
    Command("pain-points", "pain_points", "journey steps (per segment) ranked by errors, support contacts, repeats, "
            "drop-off and detractors, with what the users involved said",
            "step,segment,pain_score,users,error_rate,support_rate,repeat_rate,drop_off_rate,detractor_share,answers,"
            "users_involved,top_theme,quote (most painful first)",
            (Option("--steps", "steps", "comma-separated journey steps (default: the typical journey)", "A,B,C",
                    convert=lambda text: [item.strip() for item in text.split(",") if item.strip()]),
             Option("--by", "by", "customer attribute or event property to split each step by (default: platform, "
                    "device, os or browser when the data has one)", "ATTRIBUTE"),
             COUNTED,
             Option("--errors", "errors", "words of error event names (default: error,fail,crash,exception)", "WORDS"),
             Option("--support", "support", "words of support-contact event names (default: support,help,ticket)",
                    "WORDS"),
             Option("--repeat-seconds", "repeat_seconds", "the same step again this soon is a repeat (default: 10)",
                    "N", bounded(int, 1, 3600)),
             Option("--window-days", "window_days", "for the drop-off, every step within this many days of the "
                    "first (default: 14; 0: no limit)", "N", bounded(int, 0, 365)),
             Option("--min-users", "min_users", "leave out rows with fewer users (default: 20)", "N",
                    bounded(int, 1, 1_000_000))),
            extra=(SourceKind.CUSTOMERS, SourceKind.FEEDBACK), dated=True),
    Command("journey-map", "journey_map", "the top journeys of touchpoints after an event (--from) or leading to "
            "one (--to), each user from their first visit; events grouped into touchpoints by --group rules, "
            "repeats in a row counted once, the other journeys folded into Other",
            "step,from_touchpoint,to_touchpoint,users,share (--show paths: path,users,share)",
            (Option("--from", "event", "the event (or --group touchpoint) the journeys start at (default: the "
                    "typical journey's first event)", "EVENT", sets=(("direction", "after"),)),
             Option("--to", "event", "the event (or --group touchpoint) the journeys lead to", "EVENT",
                    sets=(("direction", "before"),)),
             Option("--depth", "depth", "touchpoints after (or before) it (default: 4)", "N", bounded(int, 2, 6)),
             Option("--top", "top", "journeys kept; the rest are folded into Other (default: 10)", "K",
                    bounded(int, 1, 30)),
             Option("--group", "groups", "a touchpoint rule NAME=PATTERN, repeatable: a wildcard (checkout_*) or "
                    "re:REGEX; the first rule that matches names an event's touchpoint", "NAME=PATTERN",
                    repeat=True, convert="; ".join),
             Option("--show", "show", "links between steps (default) or the top journeys (paths)",
                    choices=("links", "paths"))), dated=True),
)
# Every gallery analysis and its command: those above, and the engine commands registered in ``analyze``.
GALLERY_COMMANDS = {
    "active_users": "active-users",
    "event_counts": "events",
    "adoption": "adoption",
    "funnel": "funnel",
    "retention": "retention",
    "paths": "paths",
    **{command.kind: command.name for command in COMMANDS},
}



@dataclass(frozen=True)
class RoleOption:
    """The option naming the column of one role in an extra file; without it, the column ``fallback`` names."""

    role: str
    flag: str
    help: str
    fallback: str | None = None  # "user" or "time": the events' column option whose name it then takes
    required: bool = False

    @property
    def dest(self) -> str:
        return self.flag.lstrip("-").replace("-", "_")


@dataclass(frozen=True)
class ExtraFile:
    """A file an analysis reads beside DATA (customers, payments), and the options naming its columns."""

    flag: str
    help: str
    roles: tuple[RoleOption, ...]
    required: bool = False


EXTRA_FILES = {
    SourceKind.CUSTOMERS: ExtraFile("--customers", "a customers table whose attributes --by may name", (
        RoleOption("user_id", "--customers-user", "its user id column (default: as --user)", "user"),
    )),
    SourceKind.REVENUE: ExtraFile("--revenue", "the revenue export (payments)", (
        RoleOption("user_id", "--revenue-user", "its user id column (default: as --user)", "user"),
        RoleOption("timestamp", "--revenue-time", "its payment time column (default: as --time)", "time"),
        RoleOption("amount", "--amount", "its amount column", required=True),
        RoleOption("currency", "--currency", "its currency column (default: none, one currency)"),
    ), required=True),
    SourceKind.FEEDBACK: ExtraFile("--survey", "survey answers with user ids (detractors, themes and quotes)", (
        RoleOption("user_id", "--survey-user", "its user id column (default: as --user)", "user"),
        RoleOption("timestamp", "--survey-time", "its answer time column (default: as --time)", "time"),
        RoleOption("score", "--survey-score", "its score column (NPS 0-10 or CSAT 1-5)", required=True),
        RoleOption("comment", "--survey-comment", "its comment column (default: none)"),
    )),
}


def add_options(sub: argparse.ArgumentParser, command: Command) -> None:
    """The command's own options, and those naming its other files and their columns."""
    for option in command.options:
        if option.const is not None:
            sub.add_argument(option.flag, dest=option.dest, help=option.help, action="store_const", const=option.const)
            continue
        sub.add_argument(option.flag, dest=option.dest, help=option.help, metavar=option.metavar,
                         type=option.type, choices=option.choices, required=option.required,
                         action="append" if option.repeat else "store")
    if command.data is SourceKind.FEEDBACK:
        sub.add_argument("--score", required=True, help="column with the answers (--time: when they were given)")
        sub.add_argument("--scale", choices=("nps", "csat"), help="the score's scale (default: guessed from values)")
        sub.add_argument("--comment", help="column with the answers' comments (their themes)")
    for kind in command.extra:
        extra = EXTRA_FILES[kind]
        sub.add_argument(extra.flag, metavar="FILE", required=extra.required, help=extra.help)
        for role in extra.roles:  # a role an optional file needs is checked once the file is given
            sub.add_argument(role.flag, metavar="COLUMN", help=role.help, required=role.required and extra.required)


def params_of(command: Command, args: argparse.Namespace) -> dict[str, Any]:
    """The gallery parameters the command line sets; the gallery's defaults fill in the rest."""
    params: dict[str, Any] = {"start": args.start, "end": args.end} if command.dated else {}
    params = {name: value for name, value in params.items() if value is not None}
    given: dict[str, str] = {}
    for option in command.options:
        value = getattr(args, option.dest)
        if value is None:
            continue
        if option.param in given:
            raise InputError(f"{given[option.param]} and {option.flag} cannot be combined")
        needed = next((other for other in command.options if other.flag == option.needs), None)
        if needed is not None and getattr(args, needed.dest) is None:
            raise InputError(f"{option.flag} needs {option.needs}")
        given[option.param] = option.flag
        params[option.param] = option.convert(value) if option.convert else value
        params.update(option.sets)
    return params


def _data_kind(command: Command, params: dict[str, Any]) -> SourceKind:
    """What DATA holds: a measure naming a metrics-export column makes it a metrics export."""
    return SourceKind.METRICS if measured_metric(params.get("event") or "") else command.data


def opened_events(args: argparse.Namespace, engine: Engine, *, with_properties: bool = False) -> OpenedEvents:
    """DATA's events on ``engine``'s path, the one-off work said and the rows it skipped warned of on stderr:
    every events command of ``usagelens analyze`` opens its export here."""
    events = open_events(
        args.data, import_options(args.data, args.sheet), Columns(args.user, args.time, args.event), engine,
        say=lambda text: sys.stderr.write(f"{PROG}: {text}\n"), with_properties=with_properties,
    )
    for note in events.notes:
        sys.stderr.write(f"{PROG}: warning: {note}\n")
    return events


def import_options(path: str, sheet: str | None) -> ImportOptions:
    """How the import dialog would read ``path`` (its sheet as the command line names it)."""
    from usagelens.io import detect_options

    options = detect_options(path)
    return options if sheet is None else dataclasses.replace(options, sheet=sheet)


def _source(path: str, kind: SourceKind, roles: dict[str, str | None], sheet: str | None = None,
            **extra: Any) -> Source:
    """``path`` imported as the app's import dialog would, its failed times reported as a warning."""
    from usagelens.io.source_builder import build_source

    mapped = {role: column for role, column in roles.items() if column}
    source = build_source(path, import_options(path, sheet), kind, mapped, **extra)
    if source.failed_timestamps:
        time = source.roles["timestamp"]
        sys.stderr.write(f"{PROG}: warning: {source.failed_timestamps} value(s) in column {time!r} of "
                         f"{source.file_name} are not dates; rows skipped\n")
    return source


def _needs(command: Command, args: argparse.Namespace, flags: tuple[str, ...], what: str) -> None:
    missing = [flag for flag in flags if getattr(args, flag.lstrip("-")) is None]
    if missing:
        raise InputError(f"{command.name} needs {', '.join(missing)} to name {what}")


def project_of(command: Command, args: argparse.Namespace, params: dict[str, Any], *,
               with_events: bool = True) -> Project:
    """DATA and the other files of the command line as the sources of a project held in memory (DATA left
    out of it when ``with_events`` is False: events the caller reads another way)."""
    kind = _data_kind(command, params)
    if kind is SourceKind.EVENTS:
        _needs(command, args, ("--user", "--time", "--event"), "the event columns")
        roles = {"user_id": args.user, "timestamp": args.time, "event": args.event}
        sources = [_source(args.data, kind, roles, args.sheet)] if with_events else []
    elif kind is SourceKind.FEEDBACK:
        _needs(command, args, ("--time",), "the column of when each answer was given")
        roles = {"timestamp": args.time, "score": args.score, "comment": args.comment}
        sources = [_source(args.data, kind, roles, args.sheet, score_scale=args.scale)]
    else:
        _needs(command, args, ("--time",), "the date column of the metrics export")
        sources = [_source(args.data, kind, {"timestamp": args.time}, args.sheet)]
    for extra_kind in command.extra:
        extra = EXTRA_FILES[extra_kind]
        path = getattr(args, extra.flag.lstrip("-"))
        if path is not None:
            columns = {role.role: getattr(args, role.dest) or (getattr(args, role.fallback) if role.fallback else None)
                       for role in extra.roles}
            missing = [role.flag for role in extra.roles if role.required and not columns[role.role]]
            if missing:
                raise InputError(f"{extra.flag} needs {', '.join(missing)} to name its columns")
            sources.append(_source(path, extra_kind, columns))
    return Project(name="usagelens analyze", sources=sources)


def inputs_of(command: Command, args: argparse.Namespace) -> AnalysisInputs | OpenedEvents:
    """The command line's files as the analysis inputs of a project held in memory.

    An events export of millions of rows is not imported as the app's import dialog would: as for the
    analyses that run on either engine, it is encoded once into the memory-mapped accelerator log (kept in the
    user cache, with its other columns as event properties) and every later command maps it. With
    ``--engine duckdb`` the analysis' definition runs on DuckDB over the export instead.
    """
    params = params_of(command, args)
    if args.engine == "duckdb":
        return _pushed_down(command, args, params)
    if _data_kind(command, params) is not SourceKind.EVENTS or (estimated_rows(args.data) or 0) < DUCKDB_FROM_ROWS:
        return AnalysisInputs(project_of(command, args, params))
    events = opened_events(args, Engine.MEMORY, with_properties=True)
    return AnalysisInputs(project_of(command, args, params, with_events=False), log=events.data)


def _pushed_down(command: Command, args: argparse.Namespace, params: dict[str, Any]) -> OpenedEvents:
    """DATA as a standard view on DuckDB, for a gallery analysis that has a definition (the same the
    warehouse path runs); files it cannot join (customers, revenue) and metrics exports stay in memory."""
    extras = [EXTRA_FILES[kind].flag for kind in command.extra if getattr(args, EXTRA_FILES[kind].flag[2:]) is not None]
    if command.kind not in ON_VIEWS or _data_kind(command, params) is not SourceKind.EVENTS or extras:
        reason = f"{extras[0]} is joined in memory" if extras else "it has no DuckDB definition yet"
        raise InputError(f"{command.name} runs in memory here ({reason}): leave out --engine duckdb")
    return opened_events(args, Engine.DUCKDB, with_properties=True)


def table_of(command: Command, inputs: AnalysisInputs | OpenedEvents, args: argparse.Namespace) -> pd.DataFrame:
    """The gallery's table for the command line (see :func:`reported`): computed by the gallery on the inputs,
    or by the analysis' definitions on a DuckDB view."""
    params = params_of(command, args)
    if isinstance(inputs, OpenedEvents):
        return reported(command, gallery_table(command.kind, inputs.data, params))  # type: ignore[arg-type]
    return reported(command, rerun(inputs, SavedAnalysis(command.name, command.kind, params)))


def reported(command: Command, result: AnalysisResult) -> pd.DataFrame:
    """A gallery result's table; an empty result is an :class:`InputError` with its message, and the message
    of a result (a caveat, the CLV, a test's verdict) a note on stderr."""
    message = " ".join(result.message.split())
    if result.empty:
        raise InputError(message or f"{command.name} found nothing to report for this data and these options")
    if message:
        sys.stderr.write(f"{PROG}: note: {message}\n")
    return result.table
