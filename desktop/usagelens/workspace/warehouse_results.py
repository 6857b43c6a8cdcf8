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
"""

from __future__ import annotations

import hashlib
import json
import threading
from datetime import UTC, datetime
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from usagelens import __version__
from usagelens.analytics.definitions.view_events import ViewEvents
from usagelens.cleaning.pseudonymise import RECIPE_STEP as PSEUDONYMISE
from usagelens.io.warehouse.connect import reason
from usagelens.io.warehouse.cost import scan_estimate
from usagelens.io.warehouse.results import KeptTable, ResultKey, read_result, result_bytes
from usagelens.io.warehouse.url import WarehouseError
from usagelens.model import Project, Source
from usagelens.model.file_limits import MAX_KEPT_RESULTS_BYTES
from usagelens.model.serialize import to_json
from usagelens.workspace import task_context
from usagelens.workspace.kept_runs import ScanConfirmation, current_run
from usagelens.workspace.warehouse import link_source, linked_events

VIEW = "events"  # the name the stand-in view has in the queries' SQL (only a key: it never runs as such)
KEY_DIALECT = "duckdb"  # the SQL a key is written in, whatever the warehouse: every definition compiles to it
SCHEMA = "standard view columns"  # the query whose kept result is the view's columns (no rows)
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
        self._lock = threading.Lock()
        self._querying = threading.Lock()
        self.view = self._stand_in()

    def events(self) -> ViewEvents:
        return ViewEvents(self.view, fetcher=self.answer)

    def key(self, query: str) -> ResultKey:
        """What a result of ``query`` answers: the source as it is read (link, roles, recipe, and the key its
        pseudonyms are made with, as a digest: the key itself never goes into the file) and this version of
        UsageLens (whose queries another version may build differently). The raw table's key has no recipe:
        without one, the raw and the cleaned questions are the same, and so are their results."""
        source = self.source
        link = source.link
        assert link is not None
        steps = [] if self.raw else self.project.recipes.get(source.id, [])
        recipe = json.dumps(to_json(steps), sort_keys=True)
        keyed = any(step.enabled and step.op == PSEUDONYMISE for step in steps)
        pseudonyms = hashlib.sha256(self.project.pseudonym_key.encode()).hexdigest()[:16] if keyed else ""
        return ResultKey(json.dumps(to_json(link), sort_keys=True), query,  # the link holds no secret
                         {"roles": dict(sorted(source.roles.items())), "recipe": recipe, "pseudonyms": pseudonyms,
                          "version": __version__})

    # --- answering a query -----------------------------------------------------------------------------
    def answer(self, expr: ir.Table) -> pa.Table:
        """``expr`` (built on :attr:`view`) answered from the kept result of its query, or by the warehouse."""
        run = current_run()
        key = self.key(ibis.to_sql(expr, dialect=KEY_DIALECT))
        kept = self._kept(key)
        if kept is not None and run.answers(kept.computed_at):
            run.times.append(kept.computed_at)
            return kept.table
        real = self._connected()
        if run.confirm_above is not None:
            size = scan_estimate(real)  # BigQuery's dry run (free); None elsewhere
            if size is not None and size > run.confirm_above:
                raise ScanConfirmation(size)
            run.confirm_above = None  # asked once per run: the estimate is one read of the events
        table = self._run(expr.op().replace({self.view.op(): real.op()}).to_expr())
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
                raise WarehouseError(f"{where} did not answer: {reason(error)}") from None
            finally:
                stopper.end()
                if task_context.cancelled() and con.name != "duckdb":  # a driver that may still be busy: closed
                    self._disconnect()

    def _connected(self) -> ir.Table:
        """The source's real standard view, connecting on first need (:class:`WarehouseError` when it cannot)."""
        with self._lock:
            if self._real is None:
                recipe = None if self.raw else self.project  # a recipe runs there too
                self._real = linked_events(self.source, recipe).view
            return self._real

    def _disconnect(self) -> None:
        with self._lock:
            real, self._real = self._real, None
        if real is not None:
            try:
                real._find_backend().disconnect()
            except Exception:  # noqa: BLE001, S110 - closing what is abandoned: nothing to tell
                pass

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
