"""The project: plain dataclasses, the `.ulens` file format and undoable edit commands (no Qt here)."""

from usagelens.model.entities import (
    Action,
    ActionStatus,
    Finding,
    Hypothesis,
    ImportOptions,
    KpiBinding,
    Objective,
    Project,
    RecipeStep,
    ReleaseMarker,
    Review,
    SavedAnalysis,
    Source,
    SourceKind,
    ThemeRule,
)
from usagelens.model.project_file import ProjectFileError, load_project, save_project

__all__ = [
    "Action",
    "ActionStatus",
    "Finding",
    "Hypothesis",
    "ImportOptions",
    "KpiBinding",
    "Objective",
    "Project",
    "ProjectFileError",
    "RecipeStep",
    "ReleaseMarker",
    "Review",
    "SavedAnalysis",
    "Source",
    "SourceKind",
    "ThemeRule",
    "load_project",
    "save_project",
]
