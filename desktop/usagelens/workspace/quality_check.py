"""Step 3's check of one source: the quality report before and after its recipe, each step's outcome, what
excluding the suspected test users takes away, and the personal data still stored.

For most sources pandas does it on the decoded table in a few seconds. A big saved source whose table has not
been decoded is checked by DuckDB instead, where its Parquet lies (a copy in the user cache, as for its event
log in :mod:`engine_logs`): the recipe runs as its compiled query and every part of the report is a query
(:mod:`usagelens.cleaning.compiled`), so 100M rows never come into Python and the numbers are pandas' own.
Where a part cannot be had exactly by a query, or the recipe cannot run on the database at all, the check
says so in :attr:`CleanCheck.note` rather than silently decoding the table.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import ibis

from usagelens.cleaning import StepOutcome, apply_recipe, quality_report
from usagelens.cleaning.exclusion import UserWeights, user_weights
from usagelens.cleaning.quality import QualityReport
from usagelens.model import Project, Source
from usagelens.model.stored_table import stored_table
from usagelens.model.translatable import QT_TRANSLATE_NOOP, joined, said
from usagelens.workspace import engine_logs
from usagelens.workspace.personal_data import PersonalColumn, detected_personal_columns, personal_columns
from usagelens.workspace.personal_on_disk import remember_detected

log = logging.getLogger(__name__)

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]
RAW_SUSPECTS = 50  # the raw report shows only the counts of its suspects
WATCH_SECONDS = 0.1  # how often a running query looks whether the user cancelled


class CheckCancelled(Exception):
    """The user cancelled the check."""


@dataclass(frozen=True)
class CleanCheck:
    """Everything step 3 shows for a source, before it is laid out in tables."""

    raw: QualityReport
    cleaned: QualityReport
    outcomes: list[StepOutcome]
    weights: UserWeights | None  # of the listed suspects, in the cleaned table
    personal: list[PersonalColumn]
    note: str = ""  # how the check was made, when the user should know: parts that may differ, a decoded table


def takes_engine_path(source: Source) -> bool:
    """Whether DuckDB checks the source: a stored table, big (as for its event log) and not decoded yet."""
    stored = stored_table(source)
    return stored is not None and not stored.decoded and stored.rows >= engine_logs.ENGINE_FROM_ROWS


def check_source(project: Project, source: Source, *, max_suspects: int, progress: Progress,
                 cancelled: Cancelled) -> CleanCheck:
    """The check of ``source``: by DuckDB for a big undecoded stored table, by pandas otherwise (and when its
    recipe cannot run on the database, which the note says)."""
    note = ""
    if source.link is not None:
        note = QT_TRANSLATE_NOOP("Quality", "{source} is a warehouse's table: these checks read only the first "
                                            "{rows:,} rows the project keeps of it, so their counts are those rows', "
                                            "not the table's.").format(source=source.name, rows=len(source.table))
    elif takes_engine_path(source):
        import duckdb

        from usagelens.cleaning.compiled import CannotCompile

        try:
            return engine_check(project, source, max_suspects=max_suspects, progress=progress, cancelled=cancelled)
        except CannotCompile as exc:
            log.info("The check of %s runs with pandas: %s", source.name, exc)
            note = QT_TRANSLATE_NOOP("Quality", "{problem}. So the whole table was loaded into memory to check "
                                                "it.").format(problem=said(exc))
        except duckdb.Error as exc:
            log.warning("DuckDB could not check %s, pandas will: %s", source.name, exc)
            note = QT_TRANSLATE_NOOP("Quality", "The database could not check this table, so the whole of it was "
                                                "loaded into memory.")
    return dataclasses.replace(pandas_check(project, source, max_suspects=max_suspects), note=note)


def pandas_check(project: Project, source: Source, *, max_suspects: int) -> CleanCheck:
    """The check on the decoded table, as step 3 has always made it."""
    steps = project.recipes.get(source.id, [])
    raw = quality_report(source)
    result = apply_recipe(source.table, steps, roles=source.roles, pseudonym_key=project.pseudonym_key)
    cleaned = quality_report(dataclasses.replace(source, table=result.frame), max_suspects=max_suspects)
    weights = user_weights(source, result.frame, [s.user_id for s in cleaned.suspects])
    return CleanCheck(raw, cleaned, result.outcomes, weights, personal_columns(project, [source]))


def engine_check(project: Project, source: Source, *, max_suspects: int, progress: Progress,
                 cancelled: Cancelled) -> CleanCheck:
    """The check by DuckDB over the stored Parquet; raises ``CannotCompile`` when a step or a part of the
    report cannot run there with pandas' meaning."""
    from usagelens.analytics.definitions.duckdb_backend import connect, read_parquet_rows
    from usagelens.cleaning.compiled import compile_recipe
    from usagelens.cleaning.compiled import quality as queries
    from usagelens.cleaning.compiled.context import CompileContext
    from usagelens.cleaning.compiled.exclusion import user_weights as queried_weights
    from usagelens.cleaning.compiled.personal import detect_personal_columns

    stored = stored_table(source)
    assert stored is not None
    order = engine_logs.ROW_NUMBER
    steps = project.recipes.get(source.id, [])
    # Not closed here: the recipe's cached tables drop themselves when collected (see engine_logs).
    con = connect()
    stages = iter((0.05, 0.35, 0.45, 0.9, 1.0))

    def advance() -> None:
        if cancelled():
            raise CheckCancelled
        progress(next(stages))

    with _interrupted_on_cancel(con, cancelled):
        raw_table = read_parquet_rows(con, engine_logs.parquet_files(stored))
        advance()
        recipe = compile_recipe(raw_table, steps, roles=source.roles, pseudonym_key=project.pseudonym_key,
                                order=order)
        changed = any(step.enabled for step in steps)
        found = detect_personal_columns(raw_table, CompileContext(order=order))
        remember_detected(stored.fingerprint, found)
        # Without a step the cleaned table is the raw one: one report serves both (the raw report shows only
        # the counts of its suspects, which do not depend on how many are listed).
        raw = queries.quality_report(raw_table, source, order=order, personal=found,
                                     max_suspects=max_suspects if not changed else RAW_SUSPECTS)
        advance()
        outcomes = recipe.outcomes
        # Every part of the report queries the cleaned table again: a recipe that changes it is run once.
        table = recipe.table.cache() if changed else raw_table
        advance()
        cleaned = queries.quality_report(table, source, order=order, max_suspects=max_suspects) if changed else raw
        advance()
        weights = queried_weights(table, source, [s.user_id for s in cleaned.report.suspects])
        advance()
    return CleanCheck(raw.report, cleaned.report, outcomes, weights, detected_personal_columns(project, source, found),
                      _note(raw.approximate + cleaned.approximate))


def _note(approximate: list[str]) -> str:
    if not approximate:
        return ""
    return QT_TRANSLATE_NOOP("Quality", "Checked by the database without loading the table: {parts} may differ "
                                        "slightly from an in-memory check (values lie at the limit of what counts as "
                                        "an outlier).").format(parts=joined(dict.fromkeys(approximate), ", "))


@contextmanager
def _interrupted_on_cancel(con: ibis.BaseBackend, cancelled: Cancelled) -> Iterator[None]:
    """Interrupt the running DuckDB query as soon as the user cancels (a big query runs for seconds); the
    interrupted query's error becomes :class:`CheckCancelled`."""
    import duckdb

    done = threading.Event()

    def watch() -> None:
        while not done.wait(WATCH_SECONDS):
            if cancelled():
                con.con.interrupt()  # type: ignore[attr-defined]
                return

    watcher = threading.Thread(target=watch, name="quality-check-cancel", daemon=True)
    watcher.start()
    try:
        yield
    except duckdb.Error as exc:
        if cancelled():
            raise CheckCancelled from exc
        raise
    finally:
        done.set()
        watcher.join()
