"""The one exception analytics raises for problems the user can fix (bad parameters, missing columns)."""

from __future__ import annotations


class AnalysisError(ValueError):
    """A readable, one-line reason an analysis cannot run; the GUI shows it, the CLI prints it and exits 2."""
