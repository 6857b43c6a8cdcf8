"""Events kept in a warehouse, answered where they lie: the metric definitions run as the warehouse's own
queries, and only their small result tables come back (issue 15).

:func:`open_warehouse` gives the same :class:`OpenedEvents` as a file on the DuckDB path, so whoever calls
``opened.metrics.<name>(opened.data, …)`` needs no other code for a warehouse. The gallery's analyses of
events run on the view as :class:`~usagelens.analytics.definitions.view_events.ViewEvents`
(:func:`gallery_table`): the very computes the app runs on an event log, charts and messages included; the
others (the survey, revenue, a metrics export's trend) read other inputs and say so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

import usagelens.analytics.definitions as definitions
from usagelens.analytics import AnalysisError
from usagelens.analytics.definitions.property_values import property_values
from usagelens.analytics.definitions.view import EPOCH, EVENT, TIE_BREAK, TIME, USER, facts, fetch
from usagelens.analytics.definitions.view_events import Fetcher, ViewEvents
from usagelens.analytics.event_trends import SAMPLE_VALUES, numeric_properties
from usagelens.io.errors import missing_columns_message
from usagelens.io.warehouse.connect import check_select, connect, open_query, open_table, reason
from usagelens.io.warehouse.credentials import scrub
from usagelens.io.warehouse.presets import PRESETS, column_name
from usagelens.io.warehouse.url import WarehouseError, WarehouseURL, parse_url
from usagelens.model import Project, RecipeStep, SavedAnalysis, Source, SourceKind, WarehouseLink
from usagelens.model.translatable import QT_TRANSLATE_NOOP, said
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, AnalysisResult, DataFacts, rerun
from usagelens.workspace.analyses.defaults import typical_journey
from usagelens.workspace.analyses.spec import MAX_BREAKDOWN_VALUES, EventFacts, Params
from usagelens.workspace.engine import Columns, Engine, OpenedEvents


@dataclass(frozen=True)
class WarehouseSource:
    """Where the events are: a warehouse and either a table (or view) or a SELECT, read through a preset for a
    well-known schema (a name of :data:`PRESETS`) or as it is."""

    url: WarehouseURL
    table: str | None = None
    sql: str | None = None
    preset: str | None = None

    @property
    def described(self) -> str:
        """The source as a cache key and in messages: the address and its (never secret) parameters, the table
        or SELECT, the preset."""
        parameters = "&".join(f"{name}={value}" for name, value in sorted(self.url.parameters.items()))
        what = f"table {self.table}" if self.sql is None else f"query {self.sql}"
        through = f" via preset {self.preset}" if self.preset else ""
        return f"{self.url.display}{'?' + parameters if parameters else ''} {what}{through}"


def open_warehouse(
    source: WarehouseSource, columns: Columns, *, properties: Sequence[str] = (), tie_break: str | None = None,
    clean: Callable[[ir.Table], ir.Table] | None = None,
) -> OpenedEvents:
    """The source's events as the standard view, on the warehouse, with the definitions as the metrics.

    ``properties`` are columns a breakdown reads (kept in the view; with a preset, the names it reaches, each
    kept as the column :func:`~usagelens.io.warehouse.presets.column_name` says); ``tie_break`` names a column
    that orders a user's events at one instant (a sequence number): without it such events follow name order.
    ``clean`` (:func:`recipe_in_warehouse`) turns the table into the cleaned one before the view is made; its
    columns other than the roles' are then the properties.
    :class:`WarehouseError` or :class:`AnalysisError` (a missing column, as for a file) with one sentence.
    """
    table, properties = source_table(source, properties)
    return OpenedEvents(events_view(table, columns, properties, tie_break, clean), definitions, Engine.DUCKDB)


def source_table(source: WarehouseSource, properties: Sequence[str] = ()) -> tuple[ir.Table, list[str]]:
    """The source's table (or SELECT) in its warehouse as a recipe reads it (a preset's columns made), and the
    names ``properties`` have in it: connects (:class:`WarehouseError` when it cannot)."""
    con = connect(source.url)
    if source.sql is not None:
        table = open_query(con, source.url, source.sql)
    else:
        table = open_table(con, source.url, source.table or "")
    if source.preset is None:
        return table, list(properties)
    mapped = PRESETS[source.preset].apply(table, properties, con.name)
    return mapped.table, [mapped.properties[name] for name in properties]


def events_view(table: ir.Table, columns: Columns, properties: Sequence[str], tie_break: str | None,
                clean: Callable[[ir.Table], ir.Table] | None = None) -> ir.Table:
    """The standard view over ``table`` (:func:`source_table`'s, or a stand-in with its columns), cleaned by
    ``clean`` first (see :func:`open_warehouse`)."""
    if clean is not None:
        table = clean(table)
        schema, roles = table.schema(), {columns.user, columns.time, columns.event, tie_break, RECIPE_ORDER}
        properties = [name for name in table.columns if name not in roles and not schema[name].is_nested()]
    wanted = [columns.user, columns.time, columns.event, *properties, *([tie_break] if tie_break else [])]
    problem = missing_columns_message(wanted, [name for name in table.columns if name != RECIPE_ORDER])
    if problem:
        raise AnalysisError(problem)
    return definitions.standard_view(
        table, user=columns.user, time=columns.time, event=columns.event, properties=properties, tie_break=tie_break
    )


# --- the gallery's analyses on a standard view -----------------------------------------------------------


# The gallery analyses that read nothing but events, so that a view answers them all.
ON_VIEWS = frozenset(kind for kind, spec in ANALYSES.items() if spec.needs is SourceKind.EVENTS)


# What starts at the typical journey when not given (pain points' steps, the journey map's touchpoint), or at the
# view's attributes (conversion drivers'): the view's facts are asked for them, as an imported export's are, so a
# file and a warehouse give the same table.
FROM_THE_JOURNEY = {"pain_points": "steps", "journey_map": "event", "conversion_drivers": "attributes"}


def _facts(view: ir.Table, kind: str, params: Params) -> DataFacts:
    """What the gallery's defaults need: the view's facts for an analysis that starts at the typical journey
    (:data:`FROM_THE_JOURNEY`), the data's days for a before/after without a change date (its default is their
    middle); the others' defaults are the whole range and the CLI's required options."""
    if kind in FROM_THE_JOURNEY and not params.get(FROM_THE_JOURNEY[kind]):
        return DataFacts.of_events(view_facts(ViewEvents(view)))
    if kind != "before_after" or params.get("change"):
        return DataFacts()
    first, last = facts(view).days
    if last < first:
        return DataFacts()
    return DataFacts(first_day=_day(first), last_day=_day(last))


def _day(number: int) -> date:
    return (EPOCH + timedelta(days=number)).date()


def gallery_table(kind: str, view: ir.Table, given: Params) -> AnalysisResult:
    """The gallery analysis ``kind`` on a standard view: the gallery's own compute with the gallery's
    defaults for what ``given`` leaves out, as ``rerun`` gives it for a file; a problem the user can fix is an
    empty result with its message. ``KeyError`` for a kind that reads more than events (see :data:`ON_VIEWS`)."""
    if kind not in ON_VIEWS:
        raise KeyError(kind)
    inputs = AnalysisInputs(Project(name="warehouse"), events=ViewEvents(view), facts=_facts(view, kind, given))
    return rerun(inputs, SavedAnalysis(ANALYSES[kind].title, kind, given))


# --- a warehouse's table as a source of the project (step 2 ▸ Connect) ----------------------------------

PREVIEW_ROWS = 100


def link_source(link: WarehouseLink) -> WarehouseSource:
    """The warehouse and table (or SELECT) a project's link names; :class:`WarehouseError` for an address
    UsageLens cannot use (a password written into it among them)."""
    return WarehouseSource(parse_url(link.url), table=link.table or None, sql=link.sql or None,
                           preset=link.preset or None)


def preview(link: WarehouseLink, limit: int = PREVIEW_ROWS) -> pd.DataFrame:
    """The first ``limit`` rows of the link's table or SELECT, as they are (before any role is mapped; with a
    preset, with the columns it makes, such as GA4's time from microseconds): what the user maps columns from,
    and what the project keeps to show in steps 2 and 3. One sentence of :class:`WarehouseError` for whatever
    goes wrong, never a secret."""
    source = link_source(link)
    if source.sql is not None:
        check_select(source.sql, source.url.backend.ibis_name)
    con = connect(source.url)
    table = open_query(con, source.url, source.sql) if source.sql is not None else \
        open_table(con, source.url, source.table or "")
    try:
        if source.preset is not None:
            table = PRESETS[source.preset].apply(table, link.properties, con.name).table
        return table.limit(limit).execute()
    except WarehouseError:
        raise
    except Exception as error:  # noqa: BLE001 - every driver has its own errors; one sentence each
        raise WarehouseError(QT_TRANSLATE_NOOP("Analysis", "{where} did not give the first rows: {reason}").format(
            where=scrub(source.url.where), reason=reason(error))) from None


def linked_source(name: str, link: WarehouseLink, rows: pd.DataFrame, roles: dict[str, str]) -> Source:
    """An events source that stays in the warehouse: ``rows`` (its :func:`preview`) as its table, ``roles``
    naming the user, time and event columns. The analyses of a project that selects it run in the warehouse."""
    missing = [role for role in ("user_id", "timestamp", "event") if not roles.get(role)]
    if missing:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "choose the column of each role first: {roles}").format(
            roles=", ".join(missing)))
    return Source(name=name, kind=SourceKind.EVENTS, table=rows, file_name=link.table or "a query",
                  roles=dict(roles), imported_at=datetime.now(UTC).replace(tzinfo=None), link=link)


@dataclass(frozen=True)
class LinkedRead:
    """How a linked source's events are read: its table in the warehouse (:meth:`table`, connecting), then its
    recipe and the standard view over that table or a stand-in of it (:meth:`view`)."""

    source: WarehouseSource
    columns: Columns
    properties: tuple[str, ...]
    tie_break: str | None
    steps: tuple[RecipeStep, ...]
    pseudonym_key: str

    def table(self) -> tuple[ir.Table, list[str]]:
        return source_table(self.source, self.properties)

    def view(self, table: ir.Table, properties: Sequence[str], answer: Fetcher | None = None) -> ir.Table:
        """The standard view over ``table`` (with the ``properties`` :meth:`table` named), the recipe's steps
        run in it; ``answer`` runs the queries steps ask while compiling (see :func:`recipe_in_warehouse`)."""
        clean = recipe_in_warehouse(self.steps, self.columns, self.pseudonym_key, self.tie_break, answer) \
            if self.steps else None
        return events_view(table, self.columns, properties, self.tie_break, clean)


def linked_read(source: Source, project: Project | None = None) -> LinkedRead:
    """How a linked source's events are read, its other columns of plain values kept as properties (what a
    breakdown splits by; a record or a list, such as GA4's ``device``, is left out).

    With ``project``, the source's recipe there runs in the warehouse as part of every query (the analysed
    events); without, the table is read as it is (what step 2 says about the raw data)."""
    link = source.link
    if link is None:
        raise ValueError(f"{source.name} is not a warehouse's table")
    roles = source.roles
    columns = Columns(roles["user_id"], roles["timestamp"], roles["event"])
    taken = {columns.user, columns.time, columns.event, link.tie_break}
    rows = source.table
    reached = {column_name(name): name for name in link.properties} if link.preset else {}
    properties = [reached.get(str(name), str(name)) for name in rows.columns  # a preset reaches its own again
                  if name not in taken and not _nested(rows[name])]
    steps = [step for step in (project.recipes.get(source.id, []) if project else []) if step.enabled]
    return LinkedRead(link_source(link), columns, tuple(properties), link.tie_break or None, tuple(steps),
                      project.pseudonym_key if project is not None else "")


RECIPE_ORDER = "__usagelens_row"  # the row number a recipe's "first" and examples go by in a warehouse


def recipe_in_warehouse(steps: Sequence[RecipeStep], columns: Columns, pseudonym_key: str,
                        tie_break: str | None, answer: Fetcher | None = None) -> Callable[[ir.Table], ir.Table]:
    """The recipe's steps compiled to run in the warehouse, over a table of its events (issues 14.2, 15.1);
    ``answer`` runs the queries some steps ask while compiling (a note's examples, a conversion's values)
    instead of the table's backend: the results kept in the project (issue 15.3).

    A warehouse keeps no row order, so rows are numbered by time, user, event (and the tie-break): the
    "first" of duplicates is the earliest. A step that cannot run there with its meaning in pandas is one
    :class:`AnalysisError` naming it (that recipe then needs the events imported)."""
    from usagelens.cleaning.compiled import CannotCompile, compile_recipe  # loads only with a recipe to run

    roles = {"user_id": columns.user, "timestamp": columns.time, "event": columns.event}

    def clean(table: ir.Table) -> ir.Table:
        keys = [name for name in (columns.time, columns.user, tie_break, columns.event) if name in table.columns]
        numbered = table.mutate(**{RECIPE_ORDER: ibis.row_number().over(order_by=[table[k] for k in keys])})
        try:
            return compile_recipe(numbered, steps, roles=roles, pseudonym_key=pseudonym_key,
                                  order=RECIPE_ORDER, answer=answer).table
        except CannotCompile as error:
            raise AnalysisError(QT_TRANSLATE_NOOP(
                "Analysis", "{problem} (in a warehouse's table; import the events to clean them with it)").format(
                problem=said(error))) from None

    return clean


def _nested(column: pd.Series) -> bool:
    """Whether a preview column holds records or lists (they have no one value to split users by)."""
    return any(isinstance(value, dict | list | tuple | np.ndarray) for value in column.dropna().head(20))


def view_facts(events: ViewEvents) -> EventFacts:
    """What the gallery's defaults and pickers need, asked of the warehouse in a few small queries: the events
    in the event log's order (most frequent first, ties by name), the days, the properties with a handful of
    values (a breakdown's choices, all properties in one query: BigQuery bills each query job) and the typical
    journey, each as the same events in memory give it."""
    with events.fetching():
        names = tuple(str(name) for name in definitions.event_counts(events.view)["event"])
        first, last = facts(events.view).days
        properties = [name for name in events.view.columns if name not in (USER, TIME, EVENT, TIE_BREAK)]
        sample = fetch(events.view.select(*properties).limit(SAMPLE_VALUES)) if properties else pd.DataFrame()
        values = property_values(events.view, properties, MAX_BREAKDOWN_VALUES)  # one query, not one per column
    return EventFacts(names, None if last < first else (_day(first), _day(last)), tuple(values.items()),
                      typical_journey(events, names), events.dates_only(),
                      numeric_properties(sample))  # a trend's sums: judged on the first rows
