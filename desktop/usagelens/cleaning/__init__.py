"""Cleaning: the quality report and the recipe of serialisable steps (pure pandas, no Qt)."""

from usagelens.cleaning.personal import detect_personal_columns
from usagelens.cleaning.pseudonymise import new_key, protect_table, pseudonyms
from usagelens.cleaning.quality import ColumnProfile, QualityReport, quality_report
from usagelens.cleaning.recipe import (
    STEP_KINDS,
    RecipeResult,
    StepOutcome,
    StepStatus,
    apply_recipe,
    describe_step,
    validate_step,
)
from usagelens.cleaning.steps import Param, StepContext, StepError, StepKind

__all__ = [
    "STEP_KINDS",
    "ColumnProfile",
    "Param",
    "QualityReport",
    "RecipeResult",
    "StepContext",
    "StepError",
    "StepKind",
    "StepOutcome",
    "StepStatus",
    "apply_recipe",
    "describe_step",
    "detect_personal_columns",
    "new_key",
    "protect_table",
    "pseudonyms",
    "quality_report",
    "validate_step",
]
