"""``usagelens analyze``: run one analysis on an export, headless, and write its table as CSV (design §5).

The command reads the file with :mod:`usagelens.io` and calls the same analytics functions the GUI uses; DATA
may instead be a warehouse URL with ``--table`` or ``--sql``, and the analysis then runs there
(:mod:`usagelens.cli.warehouse`).
Anything the user can fix — a bad argument, a missing column, unreadable timestamps, an empty result — is
one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from functools import partial
from typing import NoReturn

import pandas as pd

from usagelens.analytics import AnalysisError
from usagelens.analytics.funnels import ORDERS
from usagelens.analytics.periods import PERIODS, parse_duration
from usagelens.analytics.retention import TABLE_COLUMNS
from usagelens.analytics.surveys import COLUMNS as SURVEY_COLUMNS
from usagelens.analytics.surveys import csat, nps
from usagelens.cli import gallery, project_input
from usagelens.io.warehouse.cost import parse_size
from usagelens.io.warehouse.presets import PRESETS
from usagelens.workspace.engine import Engine, OpenedEvents

PROG = "usagelens analyze"
EVENT_ROLES = ("user", "time", "event")
# Options accepted before or after the analysis name; given after it, they win.
SHARED_OPTIONS = {
    "--sheet": "worksheet to read from a workbook (default: the first)",
    "--user": "column with the user id",
    "--time": "column with the event timestamp",
    "--event": "column with the event name",
    "--out": "CSV file to write the result to",
    "--engine": "auto (default): memory for small files, DuckDB for big ones (or their accelerator once built); "
    "memory (builds the accelerator of a file too big for RAM) or duckdb to force one",
    "--table": "with a warehouse URL: the table or view of events (table, schema.table or catalog.schema.table)",
    "--sql": "with a warehouse URL: a SELECT (or WITH … SELECT) query whose rows are the events",
    "--tie-break": "with a warehouse URL: a column ordering a user's events at the same instant (e.g. a sequence "
    "number), as a file's row order does; without it they follow event name order",
    "--preset": "with a warehouse URL: read a well-known schema (GA4's BigQuery export, Segment's tracks, "
    "PostHog's events); it fills --user, --time and --event where they are not given",
    "--property": "with a warehouse URL: a property to keep (repeatable): a column, or with --preset a GA4 event "
    "parameter (page_location), record field (device.category) or PostHog JSON key ($browser)",
    "--max-bytes": "with a BigQuery URL: refuse to run when its dry-run estimate is larger (e.g. 10GB)",
    "--refresh": "with a warehouse URL: run the query again instead of giving the result kept from an earlier run",
    "--cohort": "with a project (DATA.ulens): analyse only the users of this saved cohort (its name)",
}
# How a shared option is read, where it is not a plain value.
SHARED_KINDS: dict[str, dict[str, object]] = {
    "--engine": {"choices": list(Engine)},
    "--preset": {"choices": list(PRESETS), "metavar": "|".join(PRESETS)},
    "--property": {"action": "append"},
    "--refresh": {"action": "store_true"},
}


WAREHOUSE_ONLY = ("--table", "--sql", "--tie-break", "--preset", "--property", "--max-bytes", "--refresh")
PATH_COLUMNS = "from_event,to_event,count,share"
MAX_WINDOW = pd.Timedelta(days=36_500)  # longer is no window at all, and time + window would overflow


class UsageError(Exception):
    """A problem with the command line or the data, reported as one line and exit code 2."""


def _one_line_error(message: str) -> NoReturn:
    sys.stderr.write(f"{PROG}: error: {message}\n")
    raise SystemExit(2)


class _OneLineParser(argparse.ArgumentParser):
    """Argument errors as one line, not argparse's usage block (design §5)."""

    def error(self, message: str) -> NoReturn:
        _one_line_error(message)


def _add_shared(parser: argparse.ArgumentParser, default: object) -> None:
    for flag, text in SHARED_OPTIONS.items():
        kind = dict(SHARED_KINDS.get(flag, {}))
        if flag == "--max-bytes":
            kind["type"] = _size
        if kind.get("action") != "store_true":
            kind.setdefault("metavar", flag[2:].upper().replace("-", "_"))
        parser.add_argument(flag, default=default, help=text, **kind)  # type: ignore[arg-type]


def _csv_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def _window(text: str) -> pd.Timedelta:
    """``--window`` checked while the arguments are parsed: a positive duration of at most 100 years."""
    try:
        nanoseconds = parse_duration(text)
    except AnalysisError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    except (OverflowError, ValueError):  # beyond what a Timedelta holds (~292 years)
        nanoseconds = None
    if nanoseconds is None or nanoseconds > MAX_WINDOW.value:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is longer than 100 years; leave --window out for none")
    return pd.Timedelta(nanoseconds, unit="ns")


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text[:40]!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


# --- analyses: (frame or log, args) -> result table with exactly the columns of design §5 ---------------


def _active_users(events: OpenedEvents, args: argparse.Namespace) -> pd.DataFrame:
    return events.metrics.active_users(events.data, args.period, start=args.start, end=args.end)


def _adoption(events: OpenedEvents, args: argparse.Namespace) -> pd.DataFrame:
    table = events.metrics.feature_adoption(events.data, start=args.start, end=args.end)
    return table[["event", "users", "adoption_rate"]]


def _funnel(events: OpenedEvents, args: argparse.Namespace) -> pd.DataFrame:
    steps = _csv_list(args.steps)
    table = events.metrics.funnel(
        events.data,
        steps,
        order=args.order,
        window=args.window,
        exclude=args.exclude,
        exclude_after=args.exclude_between,
        start=args.start,
        end=args.end,
    )
    if table["users"].iloc[0] == 0:
        raise UsageError(f"no user did the first step {steps[0]!r} in the chosen dates")
    return table[["step", "event", "users", "conversion_from_previous", "conversion_from_start"]]


def _retention(events: OpenedEvents, args: argparse.Namespace) -> pd.DataFrame:
    mode = args.mode.replace("-", "_")
    table = events.metrics.retention_table(
        events.data,
        args.period,
        mode=mode,
        start_event=args.start_event,
        return_event=args.return_event,
        max_periods=args.max_periods,
        start=args.start,
        end=args.end,
    )
    return table[TABLE_COLUMNS]


def _paths(events: OpenedEvents, args: argparse.Namespace) -> pd.DataFrame:
    if (args.to_event is None) == (args.from_event is None):
        raise UsageError("paths needs --from EVENT (what follows it) or --to EVENT (what leads up to it), not both")
    event = args.to_event or args.from_event
    return events.metrics.top_paths(
        events.data, event, depth=args.depth, top=args.top, start=args.start, end=args.end,
        before=args.to_event is not None,
    )


def _transitions(events: OpenedEvents, args: argparse.Namespace) -> pd.DataFrame:
    return events.metrics.transitions(events.data, start=args.start, end=args.end)


def _events(events: OpenedEvents, args: argparse.Namespace) -> pd.DataFrame:
    return events.metrics.event_counts(events.data)


def _survey(
    metric: Callable[[pd.Series], pd.DataFrame],
) -> Callable[[pd.DataFrame, argparse.Namespace], pd.DataFrame]:
    def run_survey(frame: pd.DataFrame, args: argparse.Namespace) -> pd.DataFrame:
        _require_columns(frame, [args.score])
        table = metric(frame[args.score])
        if table["responses"].iloc[0] == 0:
            raise UsageError(f"column {args.score!r} has no answers")
        return table[SURVEY_COLUMNS]

    return run_survey


class _AnalysesAction(argparse.Action):
    """An option that answers about the analyses (registered by name in ``analyses``) and exits like ``--help``."""

    def __init__(self, option_strings: Sequence[str], dest: str, analyses: dict[str, argparse.ArgumentParser],
                 **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)  # type: ignore[arg-type]
        self.analyses = analyses


class _ListAction(_AnalysesAction):
    """``--list``: every analysis, one line each (name and what it answers)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> NoReturn:
        width = max(map(len, self.analyses))
        sys.stdout.write("".join(f"{name:<{width}}  {sub.description}\n" for name, sub in self.analyses.items()))
        parser.exit(0)


class _HelpAction(_AnalysesAction):
    """``--help``; ``usagelens analyze ANALYSIS --help`` (the name where DATA would be) shows that analysis's
    options and output columns, as ``usagelens analyze DATA ANALYSIS --help`` does."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, *_args: object,
                 **_kwargs: object) -> NoReturn:
        self.analyses.get(getattr(namespace, "data", None) or "", parser).print_help()
        parser.exit(0)


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Register ``analyze`` and its analyses on the application's sub-command parsers."""
    parser = subparsers.add_parser(
        "analyze",
        add_help=False,
        help="run one analysis on an export and write the result as CSV",
        description="Run one analysis on an events (or feedback, revenue, metrics) export and write the result "
        "as CSV. `usagelens analyze ANALYSIS --help` lists an analysis's options and output columns.",
        epilog="DATA may be a warehouse URL instead of a file, with --table or --sql: postgres://user@host:port/db, "
        "clickhouse://user@host:port/db, bigquery://project/dataset, snowflake://user@account/db/schema, "
        "trino://user@host:port/catalog/schema, databricks://host/http-path, duckdb:///path/file.duckdb, "
        "md:database (MotherDuck: its access token in the keychain, ULENS_PASSWORD or motherduck_token). The "
        "analysis then runs as the warehouse's own queries and only its result comes back. Never write a "
        "password in the URL: `usagelens secret set URL` keeps it in the OS keychain; else ULENS_PASSWORD, else "
        "a prompt on a terminal. Analyses that read a survey, payments, a metrics export or a customers file "
        "need files. --preset ga4|segment|posthog reads those schemas (GA4: --table 'events_*'). On BigQuery the "
        "dry-run estimate is shown before a first run (--max-bytes refuses a larger one); results are kept in the "
        "user cache and given back with their time unless --refresh.",
    )
    parser.error = _one_line_error  # type: ignore[method-assign]
    registered: dict[str, argparse.ArgumentParser] = {}
    parser.add_argument("-h", "--help", action=_HelpAction, analyses=registered,
                        help="show this help (`usagelens analyze ANALYSIS --help`: that analysis's) and exit")
    parser.add_argument("--list", action=_ListAction, analyses=registered,
                        help="list every analysis and what it answers, then exit")
    parser.add_argument("data", metavar="DATA", help="the export: CSV, Excel, JSON or Parquet, also as .gz or .zip; "
                        "a project (.ulens: its cleaned data, as step 4 reads it); or a warehouse URL with --table "
                        "or --sql (see below)")
    _add_shared(parser, None)
    shared = argparse.ArgumentParser(add_help=False)
    _add_shared(shared, argparse.SUPPRESS)
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument("--start", help="first day included (YYYY-MM-DD)")
    dated.add_argument("--end", help="last day included (YYYY-MM-DD)")
    analyses = parser.add_subparsers(
        dest="analysis", metavar="ANALYSIS", required=True, parser_class=_OneLineParser
    )

    def analysis(name: str, handler: object, text: str, columns: str, *, load: Callable[..., object] = _events_of,
                 with_dates: bool | None = None) -> argparse.ArgumentParser:
        """An analysis reading its input with ``load``; it takes --start/--end when ``with_dates`` (default:
        when it reads events)."""
        dates = load is _events_of if with_dates is None else with_dates
        sub = analyses.add_parser(  # argparse %-formats help (not descriptions): "95%" must be "95%%" there
            name, help=text.replace("%", "%%"), description=text, epilog=f"Output columns: {columns}",
            parents=[shared] + ([dated] if dates else []),
            formatter_class=argparse.RawDescriptionHelpFormatter,  # column names unbroken, one copyable line
        )
        sub.set_defaults(handler=handler, load=load, needs_events=load is _events_of, gallery_spec=None)
        registered[name] = sub
        return sub

    sub = analysis("active-users", _active_users, "distinct active users per period", "period,active_users")
    sub.add_argument("--period", choices=PERIODS, required=True)
    analysis("adoption", _adoption, "share of active users who did each event", "event,users,adoption_rate")
    sub = analysis("funnel", _funnel, "users reaching each step of a funnel",
                   "step,event,users,conversion_from_previous,conversion_from_start")
    sub.add_argument("--steps", required=True, help="comma-separated events, e.g. signup,create,invite")
    sub.add_argument("--window", type=_window,
                     help="conversion window from the first step, e.g. 7d, 12h (default: none)")
    sub.add_argument("--order", choices=ORDERS, default="sequential")
    sub.add_argument("--exclude", help="users who do this event between two steps drop out")
    sub.add_argument("--exclude-between", type=_at_least_one, metavar="N",
                     help="with --exclude: only between step N and step N+1 (default: between any two steps)")
    sub = analysis("retention", _retention, "cohort retention, one row per cohort and period offset",
                   ",".join(TABLE_COLUMNS))
    sub.add_argument("--period", choices=PERIODS, required=True)
    sub.add_argument("--mode", choices=("on", "on-or-after"), default="on")
    sub.add_argument("--max-periods", type=int, help="last period offset to report")
    sub.add_argument("--start-event", help="cohorts by the first time users did this event (default: any)")
    sub.add_argument("--return-event", help="count users as retained when they do this event (default: any)")
    sub = analysis("paths", _paths, "most common sequences of events after an event (--from) or leading to one (--to)",
                   PATH_COLUMNS)
    sub.add_argument("--from", dest="from_event", metavar="EVENT", help="the paths that follow this event")
    sub.add_argument("--to", dest="to_event", metavar="EVENT",
                     help="the paths that lead up to this event (from_event is then the path, oldest first)")
    sub.add_argument("--depth", type=int, default=3)
    sub.add_argument("--top", type=_at_least_one, default=20)
    analysis("transitions", _transitions, "how often each event directly follows another", PATH_COLUMNS)
    analysis("events", _events, "occurrences and users per event name", "event,events,users,share_of_users")
    for name, metric in (("nps", nps), ("csat", csat)):
        sub = analysis(name, _survey(metric), f"{name.upper()} with a 95% interval; DATA is the survey",
                       ",".join(SURVEY_COLUMNS), load=_read)
        sub.add_argument("--score", required=True, help="column with the answers")
    for command in gallery.COMMANDS:
        sub = analysis(command.name, partial(gallery.table_of, command), command.text, command.columns,
                       load=partial(gallery.inputs_of, command), with_dates=command.dated)
        gallery.add_options(sub, command)
        sub.set_defaults(gallery_spec=command)
    return parser


def _require_columns(frame: pd.DataFrame, columns: Sequence[str]) -> None:
    from usagelens.io.errors import missing_columns_message

    problem = missing_columns_message(columns, list(frame.columns))
    if problem:
        raise UsageError(problem)


def _read(args: argparse.Namespace) -> pd.DataFrame:
    from usagelens.io import read_table

    return read_table(args.data, gallery.import_options(args.data, args.sheet))


def _events_of(args: argparse.Namespace) -> OpenedEvents:
    """The export's events on the path ``--engine`` asks for, warnings about skipped rows on stderr."""
    return gallery.opened_events(args, Engine(args.engine or Engine.AUTO))


def _for_csv(table: pd.DataFrame) -> pd.DataFrame:
    """Periods as ISO dates of their first day and durations in seconds (design §5); everything else as is,
    full precision."""
    dates = {
        name: table[name].dt.strftime("%Y-%m-%d")
        for name in table.columns
        if pd.api.types.is_datetime64_dtype(table[name])
    }
    durations = {
        name: table[name].dt.total_seconds() for name in table.columns if pd.api.types.is_timedelta64_dtype(table[name])
    }
    return table.assign(**dates, **durations)


def run(args: argparse.Namespace) -> int:
    """Run a parsed ``analyze`` command; 0 on success, 2 with one stderr line for anything fixable."""
    from usagelens.io import ImportFailed
    from usagelens.io.warehouse.credentials import scrub
    from usagelens.io.warehouse.url import WarehouseError, looks_like_url

    try:
        compute = None
        if args.cohort and not project_input.is_project(args.data):
            raise UsageError("--cohort needs a project (DATA.ulens): an export or a warehouse has no saved cohorts")
        if looks_like_url(args.data):
            from usagelens.cli import warehouse

            compute = warehouse.route(args, _say)
        elif project_input.is_project(args.data):
            compute = project_input.route(args)
        elif given := [flag for flag in WAREHOUSE_ONLY if getattr(args, flag[2:].replace("-", "_"), None)]:
            verb = "is" if len(given) == 1 else "are"
            raise UsageError(f"{', '.join(given)} {verb} for a warehouse URL; DATA here is a file")
        if args.needs_events and not project_input.is_project(args.data):
            missing = [f"--{role}" for role in EVENT_ROLES if getattr(args, role) is None]
            if missing:
                raise UsageError(f"{args.analysis} needs {', '.join(missing)} to name the event columns")
        if args.out is None:
            raise UsageError("--out is required: the CSV file to write")
        table = compute() if compute is not None else args.handler(args.load(args), args)
        if table.empty:
            raise UsageError(f"{args.analysis} found nothing to report for this data and these options")
        _write(table, args.out)
    except (UsageError, gallery.InputError, AnalysisError, ImportFailed, WarehouseError,
            project_input.ProjectInputError) as error:
        sys.stderr.write(f"{PROG}: error: {scrub(str(error))}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except Exception as error:  # noqa: BLE001 - the CLI promises one line, never a traceback (design §5)
        detail = scrub((str(error).splitlines() or [type(error).__name__])[0])[:200]
        sys.stderr.write(f"{PROG}: error: {args.analysis} could not be computed on this data ({detail})\n")
        return 2
    return 0


def _say(text: str) -> None:
    """A note on stderr (what a warehouse query will cost, a result from the cache), one line."""
    sys.stderr.write(f"{PROG}: {text}\n")


def _write(table: pd.DataFrame, path: str) -> None:
    """The CSV the GUI would export: atomic, and inert in a spreadsheet (an event named ``=cmd|…`` stays text)."""
    from usagelens.io import write_csv

    try:
        write_csv(_for_csv(table), path)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m usagelens.cli.analyze DATA …``: the same command without the application around it."""
    parser = argparse.ArgumentParser(prog="usagelens")
    add_parser(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(["analyze", *(sys.argv[1:] if argv is None else argv)]))


if __name__ == "__main__":
    raise SystemExit(main())
