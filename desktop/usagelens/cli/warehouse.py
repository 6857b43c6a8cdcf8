"""``usagelens analyze URL (--table T | --sql QUERY) …``: an analysis run inside a warehouse (issue 15).

DATA may be a warehouse URL (:mod:`usagelens.io.warehouse.url`). The event analyses then run their Ibis
definitions as the warehouse's queries and the gallery analyses that have definitions run them the same way
(:mod:`usagelens.workspace.warehouse`); only result tables come back. An analysis that reads something a
warehouse table is not (a survey, payments, a metrics export, a customers file) says so in one line.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial

import pandas as pd

from usagelens.cli import gallery
from usagelens.io.warehouse.connect import check_select
from usagelens.io.warehouse.url import WarehouseError, WarehouseURL, parse_url
from usagelens.model import SourceKind
from usagelens.workspace.engine import Columns, Engine, OpenedEvents
from usagelens.workspace.metrics import measured_metric
from usagelens.workspace.warehouse import ON_VIEWS, WarehouseSource, gallery_table, open_warehouse

Load = Callable[[argparse.Namespace], OpenedEvents]
Handler = Callable[[OpenedEvents, argparse.Namespace], pd.DataFrame]
READS = {SourceKind.FEEDBACK: "a survey export", SourceKind.REVENUE: "a revenue export",
         SourceKind.METRICS: "a metrics export"}
ROLES = ("--user", "--time", "--event")


def route(args: argparse.Namespace) -> tuple[Load, Handler]:
    """How the parsed command reads the warehouse and computes its table; :class:`WarehouseError` for what
    cannot run on one, before any connection is made."""
    if (args.table is None) == (args.sql is None):
        raise WarehouseError("a warehouse URL needs either --table NAME or --sql QUERY to say which events to read")
    if args.engine == Engine.MEMORY:
        raise WarehouseError("--engine memory does not apply to a warehouse: its events are analysed where they "
                             "are kept (leave --engine out, or use duckdb)")
    url = parse_url(args.data)
    if args.sql is not None:
        check_select(args.sql, url.backend.ibis_name)  # refused before a password is even asked for
    missing = [flag for flag in ROLES if getattr(args, flag[2:]) is None]
    if missing:
        raise WarehouseError(f"{args.analysis} needs {', '.join(missing)} to name the event columns")
    command: gallery.Command | None = args.gallery_spec
    if command is None:
        if not args.needs_events:
            raise WarehouseError(f"{args.analysis} reads a survey export file, not a warehouse table")
        return partial(_events, url), args.handler
    return _gallery_route(command, url, args)


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
    properties = [params["by"]] if params.get("by") else []

    def table(opened: OpenedEvents, _args: argparse.Namespace) -> pd.DataFrame:
        return gallery.reported(command, gallery_table(command.kind, opened.data, params))  # type: ignore[arg-type]

    return partial(_events, url, properties=properties), table


def _events(url: WarehouseURL, args: argparse.Namespace, *, properties: list[str] | None = None) -> OpenedEvents:
    source = WarehouseSource(url, table=args.table, sql=args.sql)
    return open_warehouse(source, Columns(args.user, args.time, args.event), properties=properties or (),
                          tie_break=args.tie_break)
