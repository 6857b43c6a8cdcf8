"""Shared helpers for the cleaning tests: run steps the way the app does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from usagelens.cleaning import RecipeResult, apply_recipe
from usagelens.model import RecipeStep

Run = Callable[..., RecipeResult]


@pytest.fixture
def run() -> Run:
    """``run(frame, ("op", {params}), ..., roles=..., pseudonym_key=...)`` -> RecipeResult."""

    def apply(frame: pd.DataFrame, *steps: tuple[str, dict[str, Any]], **options: Any) -> RecipeResult:
        return apply_recipe(frame, [RecipeStep(op, params) for op, params in steps], **options)

    return apply
