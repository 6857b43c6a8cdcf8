"""``usagelens analyze URL (--table T | --sql QUERY) …``: an analysis run inside a warehouse (issue 15).

DATA may be a warehouse URL (:mod:`usagelens.io.warehouse.url`). The event analyses then run their Ibis
definitions as the warehouse's queries and the gallery analyses that have definitions run them the same way
(:mod:`usagelens.workspace.warehouse`); only result tables come back. An analysis that reads something a
warehouse table is not (a survey, payments, a metrics export, a customers file) says so in one line.

``--preset ga4|segment|posthog`` reads a well-known schema (:mod:`usagelens.io.warehouse.presets`) and fills
``--user``/``--time``/``--event`` where they are not given; ``--property`` names what it reaches. Before a
first run BigQuery's dry-run estimate is shown and ``--max-bytes`` may refuse it; a result is kept in the user
cache per (source, analysis, options) and given back, with its time, unless ``--refresh``
(:mod:`usagelens.io.warehouse.results`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial

import pandas as pd

from usagelens.cli import gallery
from usagelens.io.warehouse.connect import check_select
from usagelens.io.warehouse.cost import DRY_RUNS, readable_size, scan_estimate
from usagelens.io.warehouse.presets import PRESETS, column_name
from usagelens.io.warehouse.results import ResultKey, cached_result, refresh
from usagelens.io.warehouse.url import WarehouseError, WarehouseURL, parse_url
from usagelens.model import SourceKind
from usagelens.workspace.analyses.drivers import attribute_names
from usagelens.workspace.engine import Columns, Engine, OpenedEvents
from usagelens.workspace.metrics import measured_metric
from usagelens.workspace.warehouse import ON_VIEWS, WarehouseSource, gallery_table, open_warehouse

Load = Callable[[argparse.Namespace], OpenedEvents]
Handler = Callable[[OpenedEvents, argparse.Namespace], pd.DataFrame]
Say = Callable[[str], None]
READS = {SourceKind.FEEDBACK: "a survey export", SourceKind.REVENUE: "a revenue export",
         SourceKind.METRICS: "a metrics export"}
ROLES = ("--user", "--time", "--event")
# Options that are not part of what a result answers: where it goes, how it is fetched, or already the source.
NOT_PARAMETERS = frozenset({"command", "data", "sheet", "out", "engine", "table", "sql", "preset", "max_bytes",
                            "refresh", "analysis", "handler", "load", "needs_events", "gallery_spec", "cohort"})


def route(args: argparse.Namespace, say: Say) -> Callable[[], pd.DataFrame]:
    """How the parsed command gets its table from the warehouse (or the result cache), telling ``say`` what it
    will cost or which kept result it gives; :class:`WarehouseError` for what cannot run on one, before any
    connection is made."""
    if (args.table is None) == (args.sql is None):
        raise WarehouseError("a warehouse URL needs either --table NAME or --sql QUERY to say which events to read")
    if args.engine == Engine.MEMORY:
        raise WarehouseError("--engine memory does not apply to a warehouse: its events are analysed where they "
                             "are kept (leave --engine out, or use duckdb)")
    url = parse_url(args.data)
    if args.sql is not None:
        check_select(args.sql, url.backend.ibis_name)  # refused before a password is even asked for
    if args.max_bytes is not None and url.backend.ibis_name not in DRY_RUNS:
        raise WarehouseError(f"--max-bytes needs BigQuery's dry-run estimate, which {url.backend.title} does not "
                             "give: leave it out")
    if args.preset is not None:
        preset = PRESETS[args.preset]
        for flag in ROLES:
            if getattr(args, flag[2:]) is None:
                setattr(args, flag[2:], getattr(preset, flag[2:]))
    missing = [flag for flag in ROLES if getattr(args, flag[2:]) is None]
    if missing:
        raise WarehouseError(f"{args.analysis} needs {', '.join(missing)} to name the event columns (or --preset "
                             f"{'|'.join(PRESETS)} for a well-known schema)")
    command: gallery.Command | None = args.gallery_spec
    if command is None:
        if not args.needs_events:
            raise WarehouseError(f"{args.analysis} reads a survey export file, not a warehouse table")
        load, handler = partial(_events, url, properties=list(args.property or ())), args.handler
    else:
        load, handler = _gallery_route(command, url, args)
    source = WarehouseSource(url, table=args.table, sql=args.sql, preset=args.preset)
    key = ResultKey(source.described, args.analysis, _parameters(args))
    return partial(_table, key, load, handler, args, say)


def _parameters(args: argparse.Namespace) -> dict[str, object]:
    return {name: value for name, value in sorted(vars(args).items())
            if name not in NOT_PARAMETERS and not callable(value)}


def _table(key: ResultKey, load: Load, handler: Handler, args: argparse.Namespace, say: Say) -> pd.DataFrame:
    """The kept result unless ``--refresh``; else the estimate, the refusal by ``--max-bytes``, and a run."""
    if not args.refresh:
        kept = cached_result(key)
        if kept is not None:
            say(f"the result computed {kept.computed_at:%Y-%m-%d %H:%M} UTC, from the cache (--refresh runs "
                "it again)")
            return kept.table
    opened = load(args)
    estimate = scan_estimate(opened.data)
    if estimate is not None:
        size = readable_size(estimate)
        if args.max_bytes is not None and estimate > args.max_bytes:
            raise WarehouseError(f"this query would scan about {size}, more than --max-bytes "
                                 f"{readable_size(args.max_bytes)}: nothing was run")
        say(f"this query will scan about {size} (BigQuery's dry-run estimate for one read of the events)")
    return refresh(key, lambda: handler(opened, args)).table


def _gallery_route(command: gallery.Command, url: WarehouseURL, args: argparse.Namespace) -> tuple[Load, Handler]:
    if command.data is not SourceKind.EVENTS or command.kind not in ON_VIEWS:
        reads = READS.get(command.data) or next((READS[kind] for kind in command.extra if kind in READS), "files")
        raise WarehouseError(f"{command.name} has no warehouse definition (it reads {reads}): run it on export files")
    for kind in command.extra:
        flag = gallery.EXTRA_FILES[kind].flag
        if getattr(args, flag[2:]) is not None:
            raise WarehouseError(f"{flag} reads a file, which a warehouse analysis cannot join: name a column of "
                                 "the events table with --by instead")
    params = gallery.params_of(command, args)
    if measured_metric(params.get("event") or ""):
        raise WarehouseError("--metric names a column of a metrics export, which a warehouse table is not: "
                             "use --count EVENT (or neither, for daily active users)")
    properties = list(args.property or ())
    for name in ("by", "property", "property_b"):  # the columns a breakdown or a trend's sum or average reads
        if params.get(name):
            properties.append(params[name])
            if args.preset is not None:  # the view holds what the preset reached under its column name
                params = {**params, name: column_name(params[name])}
    tested = attribute_names(params.get("attributes") or "")  # conversion drivers': each a column of the table
    if tested:
        properties += tested
        if args.preset is not None:
            params = {**params, "attributes": ", ".join(map(column_name, tested))}

    def table(opened: OpenedEvents, _args: argparse.Namespace) -> pd.DataFrame:
        return gallery.reported(command, gallery_table(command.kind, opened.data, params))  # type: ignore[arg-type]

    return partial(_events, url, properties=properties), table


def _events(url: WarehouseURL, args: argparse.Namespace, *, properties: list[str] | None = None) -> OpenedEvents:
    source = WarehouseSource(url, table=args.table, sql=args.sql, preset=args.preset)
    return open_warehouse(source, Columns(args.user, args.time, args.event), properties=properties or (),
                          tie_break=args.tie_break)
