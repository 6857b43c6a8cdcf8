"""Replaying a recipe: the registered step kinds applied in order to a source's raw table.

A recipe is recorded once and replayed on every refreshed export, whose columns may have changed. So a
step that cannot apply is skipped with a readable reason and the rest still runs: the user sees which step
broke and why, and never loses the whole cleaned table to one stale step.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from usagelens.cleaning import column_steps, pseudonymise, row_steps, user_steps
from usagelens.cleaning.steps import StepContext, StepError, StepKind
from usagelens.model.entities import RecipeStep
from usagelens.model.translatable import QT_TRANSLATE_NOOP, said

STEP_KINDS: dict[str, StepKind] = {
    kind.op: kind
    for kind in (
        row_steps.remove_duplicates,
        column_steps.drop_columns,
        column_steps.rename_columns,
        column_steps.change_type,
        row_steps.filter_rows,
        row_steps.fill_missing,
        user_steps.exclude_users,
        user_steps.rename_events,
        column_steps.trim_text,
        pseudonymise.pseudonymise,
    )
}


def kind_of(op: str) -> StepKind:
    """The registered kind of a step; a StepError for an op this version does not know."""
    try:
        return STEP_KINDS[op]
    except KeyError:
        raise StepError(QT_TRANSLATE_NOOP("StepKind", "Unknown step '{op}' (made by a newer UsageLens?)").format(
            op=op)) from None


class StepStatus(StrEnum):
    APPLIED = "applied"
    FAILED = "failed"  # could not apply; skipped, see ``error``
    DISABLED = "disabled"  # switched off by the user
    NOT_RUN = "not run"  # the run was cancelled before this step


@dataclass(frozen=True)
class StepOutcome:
    """What one step did: the row counts around it, or why it was skipped."""

    step: RecipeStep
    description: str
    status: StepStatus
    rows_before: int
    rows_after: int
    error: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecipeResult:
    """The cleaned table and one outcome per step, in recipe order."""

    frame: pd.DataFrame
    outcomes: list[StepOutcome]
    cancelled: bool = False

    @property
    def failed(self) -> list[StepOutcome]:
        return [o for o in self.outcomes if o.status is StepStatus.FAILED]


def describe_step(step: RecipeStep) -> str:
    """The one-line description of a step shown in the recipe list."""
    try:
        return kind_of(step.op).describe(step.params)
    except StepError as exc:
        return said(exc)


def validate_step(step: RecipeStep, columns: Sequence[str]) -> str | None:
    """Why ``step`` cannot apply to a table with ``columns``; None if it can (for marking stale steps)."""
    try:
        return kind_of(step.op).validate(step.params, columns)
    except StepError as exc:
        return said(exc)


def _run_step(frame: pd.DataFrame, step: RecipeStep, context: StepContext) -> pd.DataFrame:
    """One step, with anything it raises turned into a StepError carrying a message for the user."""
    kind = kind_of(step.op)
    return kind.guarded(lambda: kind.apply(frame, step.params, context))


def apply_recipe(
    frame: pd.DataFrame,
    steps: Sequence[RecipeStep],
    *,
    roles: Mapping[str, str] | None = None,
    pseudonym_key: str = "",
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RecipeResult:
    """Apply the enabled ``steps`` in order to ``frame``, which is left unchanged.

    Never raises for a bad step: its outcome is FAILED with a message and the table passes on as it was.
    ``progress`` receives the done fraction after each step; once ``cancelled()`` is true the remaining
    steps are NOT_RUN and the result is marked cancelled.
    """
    current = frame.copy(deep=False)  # copy-on-write: steps can never write through to the caller's frame
    base = StepContext(roles=dict(roles or {}), pseudonym_key=pseudonym_key)
    outcomes: list[StepOutcome] = []
    stopped = False
    for index, step in enumerate(steps):
        rows = len(current)
        stopped = stopped or bool(cancelled and cancelled())
        status = StepStatus.APPLIED if step.enabled else StepStatus.DISABLED
        if stopped:
            status = StepStatus.NOT_RUN
        error = None
        context = dataclasses.replace(base, notes=[])
        if status is StepStatus.APPLIED:
            try:
                current = _run_step(current, step, context)
            except StepError as exc:
                status, error = StepStatus.FAILED, said(exc)
        outcomes.append(StepOutcome(step, describe_step(step), status, rows, len(current), error,
                                    tuple(context.notes)))
        if progress and not stopped:
            progress((index + 1) / len(steps))
    return RecipeResult(current, outcomes, cancelled=stopped)
