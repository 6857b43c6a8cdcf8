"""A recipe compiled to one Ibis expression over the stored table, with the outcomes the pandas recipe reports.

Each step kind keeps one declaration (:mod:`usagelens.cleaning.steps`: parameters, checks, descriptions);
here each gets a compiler with the pandas function's exact meaning, so the recipe runs where the data lies
(DuckDB over the project's Parquet, or a warehouse) and a 100M-row source is never loaded into Python. The
outcomes carry the same statuses, errors, row counts and notes as :func:`usagelens.cleaning.apply_recipe`;
counts and notes come from small aggregate queries. Each step's result is cached in the backend (a temporary
table, which DuckDB spills to disk), so those queries and the next step do not recompute the recipe so far.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import ibis.expr.types as ir

from usagelens.cleaning.compiled import column_steps, pseudonymise, row_steps, user_steps
from usagelens.cleaning.compiled.context import CompileContext, Compiler
from usagelens.cleaning.compiled.values import CannotCompile
from usagelens.cleaning.recipe import STEP_KINDS, StepOutcome, StepStatus, describe_step
from usagelens.cleaning.steps import StepError
from usagelens.model.entities import RecipeStep

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


@dataclass(frozen=True)
class CompiledRecipe:
    """The cleaned table as an expression (still holding the row-number column) and one outcome per step."""

    table: ir.Table
    outcomes: list[StepOutcome]

    @property
    def failed(self) -> list[StepOutcome]:
        return [o for o in self.outcomes if o.status is StepStatus.FAILED]


def _compile_step(table: ir.Table, step: RecipeStep, context: CompileContext) -> ir.Table:
    """One step, checked by its declaration first; surprises become a StepError as in the pandas recipe."""
    kind = STEP_KINDS.get(step.op)
    if kind is None:
        raise StepError(f"Unknown step '{step.op}' (made by a newer UsageLens?)")
    problem = kind.validate(step.params, context.visible(table))
    if problem:
        raise StepError(problem)
    try:
        return COMPILERS[step.op](table, step.params, context)
    except (StepError, CannotCompile):
        raise
    except Exception as exc:  # noqa: BLE001 — as in recipe._run_step
        raise StepError(f"Could not {kind.title.lower()}: {exc}") from exc


def compile_recipe(
    table: ir.Table,
    steps: Sequence[RecipeStep],
    *,
    roles: Mapping[str, str] | None = None,
    pseudonym_key: str = "",
    order: str = "file_row_number",
) -> CompiledRecipe:
    """The enabled ``steps`` applied in order to ``table``, as :func:`usagelens.cleaning.apply_recipe` would.

    ``order`` names a column the caller supplies with each row's position in the source (DuckDB's
    ``read_parquet(..., file_row_number=true)`` gives one): SQL tables have no row order, and "keep the first
    duplicate" and the examples a note quotes need one. The steps never see it as a column; it stays in the
    result so the caller can restore the source's order. Raises :class:`CannotCompile` (naming the step) when
    a step cannot be run on the backend with the pandas meaning: run that recipe with pandas instead.
    """
    if order not in table.columns:
        raise ValueError(f"The table has no row-number column '{order}'")
    base = CompileContext(roles=dict(roles or {}), pseudonym_key=pseudonym_key, order=order)
    outcomes: list[StepOutcome] = []
    rows = base.rows(table)
    for index, step in enumerate(steps):
        context = dataclasses.replace(base, notes=[])
        status, error, before = StepStatus.APPLIED if step.enabled else StepStatus.DISABLED, None, rows
        if step.enabled:
            try:
                table = _compile_step(table, step, context).cache()
                rows = context.rows(table)
            except StepError as exc:
                status, error = StepStatus.FAILED, str(exc)
            except CannotCompile as exc:
                raise CannotCompile(f"Step {index + 1} ({describe_step(step)}) cannot run on the database: "
                                    f"{exc}") from exc
        outcomes.append(StepOutcome(step, describe_step(step), status, before, rows, error, tuple(context.notes)))
    return CompiledRecipe(table, outcomes)
