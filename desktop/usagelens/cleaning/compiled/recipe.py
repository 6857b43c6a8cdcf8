"""A recipe compiled to one Ibis expression over the stored table, with the outcomes the pandas recipe reports.

Each step kind keeps one declaration (:mod:`usagelens.cleaning.steps`: parameters, checks, descriptions);
here each gets a compiler with the pandas function's exact meaning, so the recipe runs where the data lies
(DuckDB over the project's Parquet, or a warehouse) and a 100M-row source is never loaded into Python. The
outcomes carry the same statuses, errors, row counts and notes as :func:`usagelens.cleaning.apply_recipe`.

Steps' results are not materialised: the recipe stays one query, which the backend streams from the source to
wherever the caller writes it. The exception is a step that queries the data while compiling (for its notes,
or for values converted by the pandas rule) after rows were dropped: its input is cached once (a temporary
table, which DuckDB spills to disk), so those queries do not each recompute a dedupe or a join. The row
counts are asked for only when the outcomes are read, all in one query, and only after steps that can drop
rows. A caller may answer the compiling queries itself (``answer``: a linked warehouse's kept results, which
key each query by its SQL over a stand-in of the table, so nothing is cached there).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import ibis.expr.types as ir

from usagelens.cleaning.compiled import column_steps, pseudonymise, row_steps, user_steps
from usagelens.cleaning.compiled.context import CompileContext, Compiler
from usagelens.cleaning.compiled.values import Answer, CannotCompile, Unanswered, answering
from usagelens.cleaning.recipe import STEP_KINDS, StepOutcome, StepStatus, describe_step, kind_of
from usagelens.cleaning.steps import StepError
from usagelens.model.entities import RecipeStep
from usagelens.model.translatable import QT_TRANSLATE_NOOP, said

COMPILERS: dict[str, Compiler] = {
    "remove_duplicates": row_steps.remove_duplicates,
    "drop_columns": column_steps.drop_columns,
    "rename_columns": column_steps.rename_columns,
    "change_type": column_steps.change_type,
    "filter_rows": row_steps.filter_rows,
    "fill_missing": row_steps.fill_missing,
    "exclude_users": user_steps.exclude_users,
    "rename_events": user_steps.rename_events,
    "trim_text": column_steps.trim_text,
    "pseudonymise": pseudonymise.pseudonymise,
}
assert COMPILERS.keys() == STEP_KINDS.keys(), "every step kind needs a compiler"
_KEEP_ROWS = frozenset({"drop_columns", "rename_columns", "change_type", "rename_events", "trim_text",
                        "pseudonymise"})


_QUERY_WHILE_COMPILING = frozenset({"change_type", "fill_missing", "exclude_users", "rename_events"})


def _keeps_rows(step: RecipeStep) -> bool:
    """Steps that change values and never rows: their count is the one before, with no query."""
    return step.op in _KEEP_ROWS or (step.op == "fill_missing" and step.params.get("method") != "drop")


@dataclass(frozen=True)
class _Compiled:
    """One step as compiled: its outcome but for the row counts, and the table after it (None: unchanged)."""

    step: RecipeStep
    status: StepStatus
    error: str | None
    notes: tuple[str, ...]
    table: ir.Table | None


@dataclass(frozen=True)
class CompiledRecipe:
    """The cleaned table as an expression (still holding the row-number column) and one outcome per step."""

    table: ir.Table
    source: ir.Table
    steps: list[_Compiled]

    @functools.cached_property
    def outcomes(self) -> list[StepOutcome]:
        """The outcomes of :func:`usagelens.cleaning.apply_recipe`, counting rows in one query when first read."""
        counted = [self.source] + [s.table for s in self.steps if s.table is not None and not _keeps_rows(s.step)]
        query = functools.reduce(lambda a, b: a.cross_join(b),
                                 [t.count().name(f"r{i}").as_table() for i, t in enumerate(counted)])
        counts = iter(int(n) for n in query.execute().iloc[0])
        outcomes, rows = [], next(counts)
        for compiled in self.steps:
            before = rows
            if compiled.table is not None and not _keeps_rows(compiled.step):
                rows = next(counts)
            outcomes.append(StepOutcome(compiled.step, describe_step(compiled.step), compiled.status, before, rows,
                                        compiled.error, compiled.notes))
        return outcomes

    @property
    def failed(self) -> list[StepOutcome]:
        return [o for o in self.outcomes if o.status is StepStatus.FAILED]


def _compile_step(table: ir.Table, step: RecipeStep, context: CompileContext) -> ir.Table:
    """One step, checked by its declaration first; surprises become a StepError as in the pandas recipe."""
    kind = kind_of(step.op)
    problem = kind.validate(step.params, context.visible(table))
    if problem:
        raise StepError(problem)
    return kind.guarded(lambda: COMPILERS[step.op](table, step.params, context), expected=(CannotCompile, Unanswered))


def compile_recipe(
    table: ir.Table,
    steps: Sequence[RecipeStep],
    *,
    roles: Mapping[str, str] | None = None,
    pseudonym_key: str = "",
    order: str = "file_row_number",
    answer: Answer | None = None,
) -> CompiledRecipe:
    """The enabled ``steps`` applied in order to ``table``, as :func:`usagelens.cleaning.apply_recipe` would.

    ``order`` names a column the caller supplies with each row's position in the source (DuckDB's
    ``read_parquet(..., file_row_number=true)`` gives one): SQL tables have no row order, and "keep the first
    duplicate" and the examples a note quotes need one. The steps never see it as a column; it stays in the
    result so the caller can restore the source's order. Raises :class:`CannotCompile` (naming the step) when
    a step cannot be run on the backend with the pandas meaning: run that recipe with pandas instead.
    ``answer``, when given, runs the queries steps ask while compiling (each a small table) instead of
    ``table``'s backend; what it raises stops compiling and is raised as it was.
    """
    if order not in table.columns:
        raise ValueError(f"The table has no row-number column '{order}'")
    token = answering.set(answer)
    try:
        return _compiled(table, steps, roles, pseudonym_key, order, cache=answer is None)
    except Unanswered as stopped:
        raise stopped.raised from None
    finally:
        answering.reset(token)


def _compiled(table: ir.Table, steps: Sequence[RecipeStep], roles: Mapping[str, str] | None, pseudonym_key: str,
              order: str, cache: bool) -> CompiledRecipe:
    base = CompileContext(roles=dict(roles or {}), pseudonym_key=pseudonym_key, order=order)
    source, compiled, dropped = table, [], False
    for index, step in enumerate(steps):
        context = dataclasses.replace(base, notes=[])
        status, error, after = StepStatus.APPLIED if step.enabled else StepStatus.DISABLED, None, None
        if step.enabled:
            if cache and dropped and step.op in _QUERY_WHILE_COMPILING:
                table, dropped = table.cache(), False
            try:
                after = _compile_step(table, step, context)
                table, dropped = after, dropped or not _keeps_rows(step)
            except StepError as exc:
                status, error = StepStatus.FAILED, said(exc)
            except CannotCompile as exc:
                raise CannotCompile(QT_TRANSLATE_NOOP("Quality", "Step {number} ({step}) cannot run on the database: "
                                                                 "{problem}").format(
                    number=index + 1, step=describe_step(step), problem=said(exc))) from exc
        compiled.append(_Compiled(step, status, error, tuple(context.notes), after))
    return CompiledRecipe(table, source, compiled)
