"""Which sources a project's analyses, KPIs and report run on, and how several sources of a kind combine.

A project may hold several sources of a kind (web and mobile event logs, this year's and last year's survey).
By default every usable source of a kind is analysed, combined into one table with a column naming the
source of each row, so a second event log is never silently ignored; the user may narrow the choice
(``Project.analysed``). A source that cannot take part (a role it lacks) is left out with a reason the pages
and the report print, so nothing is dropped without a visible line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from usagelens.model import Project, Source, SourceKind
from usagelens.model.stored_table import column_names
from usagelens.model.translatable import QT_TRANSLATE_NOOP, joined

SOURCE_COLUMN = "data source"  # the breakdown that tells combined sources apart
NOT_CHOSEN = QT_TRANSLATE_NOOP("Selection", "not chosen for analysis")


@dataclass(frozen=True)
class Selection:
    """The sources of one kind that are analysed, and those that are not, each with why."""

    kind: SourceKind
    sources: tuple[Source, ...]
    left_out: tuple[tuple[Source, str], ...] = ()

    @property
    def label(self) -> str:
        """The analysed sources as a reader would name them: ``events.csv + mobile.csv (combined)``."""
        if not self.sources:
            return QT_TRANSLATE_NOOP("Selection", "none")
        names = " + ".join(s.name for s in self.sources)
        return QT_TRANSLATE_NOOP("Selection", "{sources} (combined)").format(sources=names) if len(self.sources) > 1 \
            else names

    @property
    def notes(self) -> list[str]:
        """One sentence per source that is not analysed."""
        return [QT_TRANSLATE_NOOP("Selection", "{source} is not analysed: {why}.").format(source=source.name, why=why)
                for source, why in self.left_out]


def missing_roles(source: Source) -> list[str]:
    """The roles its kind needs that ``source`` has no column for."""
    return [role for role in source.kind.required_roles
            if not source.column(role) or source.column(role) not in column_names(source)]


def selection(project: Project, kind: SourceKind) -> Selection:
    """The analysed sources of ``kind``: the user's choice if they made one, else every usable source."""
    chosen = project.analysed.get(kind.value)
    usable: list[Source] = []
    left_out: list[tuple[Source, str]] = []
    for source in project.sources_of(kind):
        lacking = missing_roles(source)
        if chosen is not None and source.id not in chosen:
            left_out.append((source, NOT_CHOSEN))
        elif lacking:
            left_out.append((source, QT_TRANSLATE_NOOP("Selection", "no column is mapped to {roles}").format(
                roles=", ".join(r.replace("_", " ") for r in lacking))))
        else:
            usable.append(source)
    return Selection(kind, tuple(usable), tuple(left_out))


def combine(sources: Sequence[Source], tables: Sequence[pd.DataFrame]) -> tuple[pd.DataFrame, dict[str, str]]:
    """One table of several sources' (cleaned) tables, and the roles to read it with.

    A single source comes back as it is. Several are stacked: each source's role columns are renamed to the
    first source's names for those roles (``distinct_id`` and ``user_id`` become one user column), other
    columns line up by name, and ``SOURCE_COLUMN`` says where each row came from.
    """
    if len(sources) == 1:
        return tables[0], dict(sources[0].roles)
    roles = {role: column for role, column in sources[0].roles.items() if column}
    parts = []
    for source, table in zip(sources, tables, strict=True):
        renames = {source.roles[role]: column for role, column in roles.items()
                   if source.roles.get(role) and source.roles[role] in table.columns}
        shadowed = [c for c in renames.values() if c in table.columns and c not in renames]
        part = table.drop(columns=shadowed).rename(columns=renames)  # a role's name wins over a same-named property
        parts.append(part.assign(**{SOURCE_COLUMN: source.name}))
    return pd.concat(parts, ignore_index=True, sort=False), roles


KIND_NAMES = {SourceKind.EVENTS: QT_TRANSLATE_NOOP("Selection", "Events"),
              SourceKind.CUSTOMERS: QT_TRANSLATE_NOOP("Selection", "Customers"),
              SourceKind.FEEDBACK: QT_TRANSLATE_NOOP("Selection", "Survey"),
              SourceKind.REVENUE: QT_TRANSLATE_NOOP("Selection", "Revenue"),
              SourceKind.METRICS: QT_TRANSLATE_NOOP("Selection", "Metrics")}


def data_line(project: Project) -> str:
    """Which data the analyses use, in one line: ``Events: web.csv + app.csv (combined) · Survey: nps.csv``."""
    parts = []
    for kind, name in KIND_NAMES.items():
        if project.sources_of(kind):
            parts.append(QT_TRANSLATE_NOOP("Selection", "{kind}: {sources}").format(
                kind=name, sources=selection(project, kind).label))
    return joined(parts) if parts else QT_TRANSLATE_NOOP("Selection", "No data imported yet (step 2).")


def data_notes(project: Project) -> list[str]:
    """A sentence for every imported source the analyses do not use, and why."""
    return [note for kind in SourceKind for note in selection(project, kind).notes]


def kpi_data_label(project: Project, metric: str) -> str:
    """The sources a KPI of ``metric`` is measured on: survey metrics on the survey, a metrics-export column on
    the metrics exports, the rest on events."""
    kind = {"nps": SourceKind.FEEDBACK, "csat": SourceKind.FEEDBACK, "metric": SourceKind.METRICS}.get(
        metric, SourceKind.EVENTS)
    return selection(project, kind).label
