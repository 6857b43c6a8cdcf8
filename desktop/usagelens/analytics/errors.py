"""The one exception analytics raises for problems the user can fix (bad parameters, missing columns), and the
problems raised alike from several modules, said once so the GUI translates them once."""

from __future__ import annotations

from collections.abc import Iterable

from usagelens.model.translatable import QT_TRANSLATE_NOOP, said


class AnalysisError(ValueError):
    """A readable, one-line reason an analysis cannot run; the GUI shows it, the CLI prints it and exits 2."""


def missing_columns(names: Iterable[str]) -> AnalysisError:
    """A table lacks the columns an analysis reads (an event log, a payments export, a warehouse's view)."""
    return AnalysisError(QT_TRANSLATE_NOOP("Analysis", "missing column(s): {columns}").format(
        columns=", ".join(map(repr, names))))


def cohort_failed(name: str, problem: BaseException) -> AnalysisError:
    """A cohort's own problem (a rule its data cannot answer) as the problem of what is filtered or broken down
    by it; the cohort's sentence stays translatable inside."""
    return AnalysisError(QT_TRANSLATE_NOOP("Analysis", "the cohort “{cohort}” cannot be worked out: {problem}").format(
        cohort=name, problem=said(problem)))
