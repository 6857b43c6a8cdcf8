"""A linked warehouse source's results kept in the project, so that showing an analysis again costs no query
(issue 15.3): reopening the project, coming back to an analysis, printing the report.

The gallery's computes run on a view that stands for the source's standard view (an unbound Ibis table with
its columns); each query they build is answered from the project when a result of that query is kept, and
otherwise sent to the warehouse (connecting only then) and kept. A result is keyed by the source (its link,
roles and recipe: :meth:`KeptResults.key`; the table as it is, which step 2 and the last day of data read,
with no recipe) and the query's SQL over that view, and stored with its time in
:mod:`usagelens.io.warehouse.results`'s format in ``Project.warehouse_results`` (saved as
``results/<digest>.parquet`` in the project file), at most :data:`MAX_KEPT_RESULTS_BYTES` in all, the oldest
going first. A query under way stops when the task is cancelled (DuckDB's ``interrupt``, PostgreSQL's cancel;
elsewhere its answer is dropped and its connection closed). Which run asks, and how old what it used is:
:mod:`.kept_runs`.

A recipe's steps that ask the warehouse while they compile (a type change's lost values, a note's examples) are
compiled over a stand-in of the table too: their queries are kept as results of the table as it is (their SQL
holds the steps before them), so compiling the recipe again sends nothing, and what they send is asked about
and counted as any query (:meth:`KeptResults.answer_step`). A long list of values in a query (a cohort of
listed users) is keyed by its digest (:func:`key_sql`): the key stays small, and quick to make.
"""

from __future__ import annotations

import hashlib
import json
import threading
import weakref
from collections.abc import Callable
from dataclasses import astuple
from datetime import UTC, datetime
from typing import Any

import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir
import pyarrow as pa

from usagelens import __version__
from usagelens.analytics.definitions.view_events import ViewEvents
from usagelens.cleaning.pseudonymise import RECIPE_STEP as PSEUDONYMISE
from usagelens.io.warehouse.connect import reason
from usagelens.io.warehouse.cost import scan_estimate
from usagelens.io.warehouse.results import KeptTable, ResultKey, read_result, result_bytes
from usagelens.io.warehouse.url import WarehouseError, engine_of
from usagelens.model import Project, Source
from usagelens.model.file_limits import MAX_KEPT_RESULTS_BYTES
from usagelens.model.query_engine import queries_to
from usagelens.model.serialize import to_json
from usagelens.model.translatable import QT_TRANSLATE_NOOP
from usagelens.workspace import task_context
from usagelens.workspace.kept_runs import ScanConfirmation, current_run
from usagelens.workspace.warehouse import link_source, linked_read

VIEW = "events"  # the name the stand-in view has in the queries' SQL (only a key: it never runs as such)
KEY_DIALECT = "duckdb"  # the SQL a key is written in, whatever the warehouse: every definition compiles to it
SCHEMA = "standard view columns"  # the query whose kept result is the view's columns (no rows)
TABLE = "source"  # the name the stand-in of the table a recipe cleans has in its steps' queries
LISTED_IN_KEY = 100  # a list of more values than this is written into a key as its digest
LISTED_TEXT_IN_KEY = 1_000  # a longer text value (a list packed into one) is written into a key as its digest
KEY_SHOWN = "[pseudonym key]"  # what a step's query after pseudonymising shows in its key instead of the key
MAX_KEPT_RESULT_BYTES = 8 * 2**20  # a bigger result (a listing of sessions) is not kept: it is queried each time
INTERRUPT_AGAIN_S = 0.05
_writing = threading.Lock()


class Cancelled(Exception):
    """The user cancelled while a warehouse query ran (the worker reports a cancel by this name)."""


def kept_events(project: Project, source: Source, raw: bool = False) -> ViewEvents:
    """The linked ``source``'s events (cleaned by its recipe, or with ``raw`` the table as it is), answered from
    the results kept in ``project`` where it can be."""
    return KeptResults(project, source, raw).events()


class KeptResults:
    """The kept results of one linked source in one project, read cleaned by its recipe or (``raw``) as it is,
    and the connection a missing one is asked on."""

    def __init__(self, project: Project, source: Source, raw: bool = False) -> None:
        assert source.link is not None
        self.project, self.source, self.raw = project, source, raw
        self._real: ir.Table | None = None
        self._table: tuple[ir.Table, ir.Table, ir.Table] | None = None  # what a recipe compiles over: see _answer
        self._lock = threading.RLock()  # a cancel while a step's query runs disconnects within the connecting
        self._querying = threading.Lock()
        self.view = self._stand_in()

    def events(self) -> ViewEvents:
        return ViewEvents(self.view, fetcher=self.answer, engine=self.engine)

    @property
    def engine(self) -> str:
        """The Ibis backend the queries go to (``postgres``, ``trino``…), known without connecting."""
        return engine_of(self.source.link.url)  # type: ignore[union-attr]

    def key(self, query: str) -> ResultKey:
        """What a result of ``query`` answers: the source as it is read (link, roles, recipe, and the key its
        pseudonyms are made with, as a digest: the key itself never goes into the file) and this version of
        UsageLens (whose queries another version may build differently). The raw table's key has no recipe:
        without one, the raw and the cleaned questions are the same, and so are their results."""
        steps = [] if self.raw else self.project.recipes.get(self.source.id, [])
        return self._key(query, steps, any(step.enabled and step.op == PSEUDONYMISE for step in steps))

    def step_key(self, query: str) -> ResultKey:
        """What a result of a query a recipe step asks while compiling answers: the table as it is (the query
        holds the steps before it, so a recipe edited after them asks them nothing again), the pseudonym key in
        it shown as :data:`KEY_SHOWN` and kept as a digest."""
        secret = self.project.pseudonym_key
        hidden = bool(secret) and secret in query
        return self._key(query.replace(secret, KEY_SHOWN) if hidden else query, [], hidden)

    def _key(self, query: str, steps: list[Any], keyed: bool) -> ResultKey:
        link = self.source.link
        assert link is not None
        recipe = json.dumps(to_json(steps), sort_keys=True)
        pseudonyms = hashlib.sha256(self.project.pseudonym_key.encode()).hexdigest()[:16] if keyed else ""
        return ResultKey(json.dumps(to_json(link), sort_keys=True), query,  # the link holds no secret
                         {"roles": dict(sorted(self.source.roles.items())), "recipe": recipe, "pseudonyms": pseudonyms,
                          "version": __version__})

    # --- answering a query -----------------------------------------------------------------------------
    def answer(self, expr: ir.Table) -> pa.Table:
        """``expr`` (built on :attr:`view`) answered from the kept result of its query, or by the warehouse."""
        return self._answer(expr, self.key, self._view_in_warehouse)

    def answer_step(self, expr: ir.Table) -> pa.Table:
        """``expr``, a query a recipe step asks while compiling (built on the stand-in of the table it cleans),
        answered from its kept result, or by the warehouse."""
        return self._answer(expr, self.step_key, lambda: self._table)  # type: ignore[arg-type, return-value]

    def _answer(self, expr: ir.Table, key_of: Callable[[str], ResultKey],
                connected: Callable[[], tuple[ir.Table, ir.Table, ir.Table]]) -> pa.Table:
        """``expr`` answered from the kept result of its query (``key_of`` its SQL), or sent where ``connected``
        says: (the stand-in it is built on, the warehouse's table the stand-in stands for, and the read of the
        events whose size BigQuery estimates)."""
        run = current_run()
        key = key_of(key_sql(expr))
        kept = self._kept(key)
        if kept is not None and run.answers(kept.computed_at):
            run.times.append(kept.computed_at)
            return kept.table
        stand_in, real, events = connected()
        if run.confirm_above is not None:
            size = scan_estimate(events)  # BigQuery's dry run (free); None elsewhere
            if size is not None and size > run.confirm_above:
                raise ScanConfirmation(size)
            run.confirm_above = None  # asked once per run: the estimate is one read of the events
        table = self._run(expr.op().replace({stand_in.op(): real.op()}).to_expr())
        computed_at = datetime.now(UTC)
        self._keep(key, table, computed_at)
        run.times.append(computed_at)
        run.sent += 1
        task_context.progress(1 - 0.5 * 0.8**run.sent)  # how many an analysis sends is not known: nearer 1 each
        return table

    def _run(self, expr: ir.Table) -> pa.Table:
        """``expr`` on its warehouse, one query at a time on the connection (a newer task waits while the one
        it replaced is stopped), stopped when the task is cancelled."""
        con = expr._find_backend()
        with self._querying:
            stopper = _Stopper(con)
            try:
                with task_context.interruptible(stopper.stop):
                    return expr.to_pyarrow()
            except Exception as error:  # noqa: BLE001 - every driver has its own errors; one sentence each
                if task_context.cancelled():
                    raise Cancelled from None
                where = link_source(self.source.link).url.where  # type: ignore[arg-type]
                raise WarehouseError(QT_TRANSLATE_NOOP("Analysis", "{where} did not answer: {reason}").format(
                    where=where, reason=reason(error))) from None
            finally:
                stopper.end()
                if task_context.cancelled() and con.name != "duckdb":  # a driver that may still be busy: closed
                    self._disconnect()

    def _view_in_warehouse(self) -> tuple[ir.Table, ir.Table, ir.Table]:
        """(:attr:`view`, the real view it stands for, twice), the real one's columns of the types the
        stand-in's kept columns read as (a time of no stated precision reads back as microseconds: a union of
        both would not be one)."""
        real, schema = self._connected(), self.view.schema()
        real = real if real.schema() == schema else real.cast(schema)
        return self.view, real, real

    def _connected(self) -> ir.Table:
        """The source's real standard view, connecting on first need (:class:`WarehouseError` when it cannot).
        A recipe is compiled over a stand-in of the table, its steps' queries answered by :meth:`answer_step`,
        and the stand-in then replaced by the table."""
        with self._lock:
            if self._real is None:
                read = linked_read(self.source, None if self.raw else self.project)  # a recipe runs there too
                table, properties = read.table()
                if not read.steps:
                    self._real = read.view(table, properties)
                else:
                    stand_in = ibis.table(table.schema(), name=TABLE)
                    read_columns = (*astuple(read.columns), read.tie_break, *properties)  # what the view reads
                    events = table.select(*[name for name in dict.fromkeys(read_columns) if name in table.columns])
                    self._table = (stand_in, table, events)
                    with queries_to(self.engine):  # the stand-in says nothing of where its steps' queries go
                        cleaned = read.view(stand_in, properties, answer=self.answer_step)
                    self._real = cleaned.op().replace({stand_in.op(): table.op()}).to_expr()
            return self._real

    def _disconnect(self) -> None:
        with self._lock:
            real, self._real = self._real, None
            table, self._table = self._table, None
        for opened in (real, table[1] if table is not None else None):
            if opened is not None:
                try:
                    opened._find_backend().disconnect()
                except Exception:  # noqa: BLE001, S110 - closing what is abandoned: nothing to tell
                    pass
                return  # one connection: the table's view is on it too

    # --- the view's columns ----------------------------------------------------------------------------
    def _stand_in(self) -> ir.Table:
        """An unbound table with the standard view's columns, kept in the project (asked of the warehouse the
        first time, and again on a refresh), so that a kept result is found without connecting."""
        key = self.key(SCHEMA)
        kept = self._kept(key)
        if kept is None or not current_run().answers(kept.computed_at):
            self._keep(key, self._connected().schema().to_pyarrow().empty_table(), datetime.now(UTC))
            kept = self._kept(key)
            assert kept is not None
        return ibis.table(ibis.Schema.from_pyarrow(kept.table.schema), name=VIEW)

    # --- the project's store -----------------------------------------------------------------------------
    def _kept(self, key: ResultKey) -> KeptTable | None:
        data = self.project.warehouse_results.get(key.digest)
        return None if data is None else read_result(key, data)

    def _keep(self, key: ResultKey, table: pa.Table, computed_at: datetime) -> None:
        data = result_bytes(key, table, computed_at)
        if len(data) > MAX_KEPT_RESULT_BYTES:
            return
        store = self.project.warehouse_results
        with _writing:
            store.pop(key.digest, None)  # the newest last: a trim drops from the front
            store[key.digest] = data
            total = sum(map(len, store.values()))
            for digest in list(store):
                if total <= MAX_KEPT_RESULTS_BYTES:
                    break
                total -= len(store.pop(digest))


def key_sql(expr: ir.Table) -> str:
    """The SQL a kept result of ``expr`` is keyed by: its query over the stand-ins, written in one dialect, with
    each list of more than :data:`LISTED_IN_KEY` values (a cohort of listed users) read from a table named by
    the list's digest instead, and each in-memory table (a sample a step draws) named by its content. A list
    of 100,000 users written out took 10 s per query and 2.5 MB per kept result, over the budget of one."""
    op = expr.op()
    swapped: dict[ops.Node, ops.Node] = {}
    for listed in op.find(ops.InValues):
        if len(listed.options) > LISTED_IN_KEY:
            values = [option.value if isinstance(option, ops.Literal) else repr(option) for option in listed.options]
            stands_for = ibis.table({"value": listed.value.dtype},
                                    name=f"listed_{len(values)}_{_digest(json.dumps(values, default=str))}")
            swapped[listed] = listed.value.to_expr().isin(stands_for.value).op()
    for packed in op.find(ops.Literal):  # a list packed into one text value (PostgreSQL's long lists)
        if isinstance(packed.value, str) and len(packed.value) > LISTED_TEXT_IN_KEY:
            swapped[packed] = ops.Literal(f"listed_text_{_digest(packed.value)}", packed.dtype)
    sql = ibis.to_sql(op.replace(swapped).to_expr() if swapped else expr, dialect=KEY_DIALECT)
    for table in op.find(ops.InMemoryTable):  # named at random when made: the same sample, the same key
        sql = sql.replace(table.name, f"memtable_{content_digest(table)}")
    return sql


def content_digest(table: ops.InMemoryTable) -> str:
    """The digest of an in-memory table's content (its Arrow IPC bytes, one chunk per column), made once per
    table object: the customers go along with every query of an analysis that breaks down by them, and at a
    million customers the digest costs a tenth of a second (as JSON it cost 0.7 s per query)."""
    with _digesting:
        known = _content_digests.get(table)
    if known is None:
        data = table.data.to_pyarrow(table.schema).combine_chunks()
        stream = pa.BufferOutputStream()
        with pa.ipc.new_stream(stream, data.schema) as writer:
            writer.write_table(data)
        known = hashlib.sha256(stream.getvalue()).hexdigest()[:32]
        with _digesting:
            _content_digests[table] = known
    return known


# In-memory tables are immutable and named at random when made, so an object keeps its digest for life; the
# entry goes with the table (a weak reference).
_content_digests: weakref.WeakKeyDictionary[ops.InMemoryTable, str] = weakref.WeakKeyDictionary()
_digesting = threading.Lock()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class _Stopper:
    """Stops the query running on ``con``: at once, and again until it has ended (DuckDB drops an interrupt that
    arrives before the query began), but never after, when the connection may be running the next query."""

    def __init__(self, con: Any) -> None:
        self._con, self._ended, self._lock, self._woken = con, False, threading.Lock(), threading.Event()

    def stop(self) -> None:
        """On the cancelling thread."""
        if self._interrupt():
            threading.Thread(target=self._again, daemon=True).start()

    def end(self) -> None:
        """On the querying thread, once the query returned or raised."""
        with self._lock:
            self._ended = True
        self._woken.set()

    def _interrupt(self) -> bool:
        with self._lock:
            if not self._ended:
                _interrupt(self._con)
            return not self._ended

    def _again(self) -> None:
        while not self._woken.wait(INTERRUPT_AGAIN_S) and self._interrupt():
            pass


def _interrupt(con: Any) -> None:
    """Stop the query running on ``con`` from another thread, where its driver can."""
    raw = getattr(con, "con", None)
    if con.name == "duckdb":
        raw.interrupt()
    elif hasattr(raw, "cancel"):  # psycopg: a cancel request to the server, safe from any thread
        raw.cancel()
