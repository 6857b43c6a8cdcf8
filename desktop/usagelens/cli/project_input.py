"""``usagelens analyze PROJECT.ulens ANALYSIS [--cohort NAME] …``: an analysis of a project's data, headless.

DATA may be a project file instead of an export. The analysis then reads what step 4 reads: the sources the
project selects for analysis, run through their cleaning recipes (next month's export appended or refreshed in
the app is analysed with the same recipe), its customers, surveys and payments, and its warehouse table when
it has one. ``--cohort`` keeps a saved cohort's users, as the cohort filter of step 4 does. The columns are
the project's own mapping, so the options that name columns or other files do not apply.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from usagelens.cli import gallery
from usagelens.model import Cohort, Project, ProjectFileError, SavedAnalysis, load_project
from usagelens.workspace.analyses import AnalysisInputs, rerun
from usagelens.workspace.analyses.cohorts import in_cohort
from usagelens.workspace.engine import Engine, OpenedEvents

SUFFIX = ".ulens"
# What names columns or files of an export (a project has mapped its sources already), and the warehouse's.
NOT_FOR_PROJECTS = ("--sheet", "--user", "--time", "--event", "--engine", "--table", "--sql", "--tie-break",
                    "--preset", "--property", "--max-bytes", "--refresh")


class ProjectInputError(Exception):
    """A project that cannot be analysed as asked, said in one line."""


def is_project(data: str) -> bool:
    return Path(data).suffix.lower() == SUFFIX


def route(args: argparse.Namespace) -> Callable[[], pd.DataFrame]:
    """How the parsed command gets its table from the project ``args.data`` (checked before it is read)."""
    given = [flag for flag in NOT_FOR_PROJECTS if getattr(args, flag[2:].replace("-", "_"), None)]
    command = args.gallery_spec
    if command is not None:
        given += [extra.flag for kind in command.extra
                  if getattr(args, (extra := gallery.EXTRA_FILES[kind]).flag[2:], None) is not None]
    if given:
        verb = "does" if len(given) == 1 else "do"
        raise ProjectInputError(f"{', '.join(given)} {verb} not apply to a project: its sources and their columns "
                                "are mapped in the project already")
    if command is None and not args.needs_events:
        raise ProjectInputError(f"{args.analysis} reads a survey export; for a project's survey use `survey`")
    inputs = AnalysisInputs(_load(args.data))
    cohort = named_cohort(inputs.project, args.cohort, Path(args.data).name) if args.cohort else None
    if isinstance(cohort, str):
        raise ProjectInputError(cohort.rstrip("."))
    if command is not None:
        params = gallery.params_of(command, args) | ({"cohort": cohort.id} if cohort else {})
        return lambda: gallery.reported(command, rerun(inputs, SavedAnalysis(command.name, command.kind, params)))
    return lambda: args.handler(_opened(in_cohort(inputs, cohort.id) if cohort else inputs), args)


def _load(path: str) -> Project:
    try:
        return load_project(path)
    except ProjectFileError as error:  # a sentence: said as the command line says its errors
        text = str(error).rstrip(".")
        raise ProjectInputError(text[:1].lower() + text[1:] if text[:4] == "You " else text) from None


def named_cohort(project: Project, name: str, file_name: str) -> Cohort | str:
    """The project's cohort called ``name`` (case aside), or the message saying which ones there are."""
    for cohort in project.cohorts:
        if cohort.name.casefold() == name.strip().casefold():
            return cohort
    names = ", ".join(f"'{c.name}'" for c in project.cohorts)
    return f"{file_name} has no cohort named '{name}' " + (f"(its cohorts: {names})." if names else "(it has none).")


def _opened(inputs: AnalysisInputs) -> OpenedEvents:
    """The project's analysed events for the event analyses' own handlers, on the engine that holds them."""
    events = inputs.events
    return OpenedEvents(events.data, events.metrics, Engine.DUCKDB if inputs.events_elsewhere else Engine.MEMORY)
